"""The checks of notebook 04: each passes the right answer, fails each typical wrong answer
with its own message, and never gives the answer away."""

from __future__ import annotations

import re

import pytest

from newstext.course.checks import lesson04
from newstext.course.checks.core import NOT_ANSWERED
from newstext.evaluating.agreement import cohen_kappa
from newstext.evaluating.student_annotations import mark

CHECKS = [
    lesson04.paragraph_seven,
    lesson04.quote_kappa,
    lesson04.settle_disagreements,
    lesson04.brat_line,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_the_stub_is_not_answered(check):
    result = check(...)
    assert not result.passed
    assert result.message == NOT_ANSWERED


def test_the_exercise_numbers():
    assert [check.exercise for check in CHECKS] == ["4.1", "4.2", "4.3", "4.4"]


# --- 4.2: kappa from a 2x2 table -----------------------------------------------------------


def test_the_table_holds_fifty_sentences():
    table = lesson04.quote_decisions_table()
    assert table.to_numpy().sum() == 50
    assert list(table.index) == ["yes", "no"] and list(table.columns) == ["yes", "no"]
    a, b = lesson04.quote_decision_lists()
    assert len(a) == len(b) == 50


class TestExercise42QuoteKappa:
    KAPPA = (0.82 - 0.54) / (1 - 0.54)  # worked out by hand from the table

    def test_right_answer_agrees_with_the_package(self):
        assert cohen_kappa(*lesson04.quote_decision_lists()).kappa == pytest.approx(self.KAPPA)
        result = lesson04.quote_kappa(self.KAPPA)
        assert result.passed, result.message
        # issue 17: the observed and chance figures are the written answer's
        assert "82%" not in result.message and "54%" not in result.message
        assert "0.82" not in result.message and "0.54" not in result.message

    def test_rounded_to_two_decimals_passes(self):
        assert lesson04.quote_kappa(round(self.KAPPA, 2)).passed

    @pytest.mark.parametrize(
        "answer, says",
        [
            (0.82, "that is the observed agreement"),
            (0.54, "that is the agreement expected by chance"),
            ((0.82 - 0.5) / 0.5, "you took the chance agreement to be 0.5"),
            ((0.82 - 0.42) / 0.58, "counts only the sentences where both say yes"),
            ((0.82 - 0.58) / 0.42, "uses A's shares twice"),
            ((0.82 - 0.52) / 0.48, "uses B's shares twice"),
            (60.87, "that looks like a percentage"),
            (1.5, "kappa is never above 1"),
            (0.3, "that is not kappa. Three steps"),
            ("0.61", "the answer should be a number (a float), but it is a str"),
            (float("nan"), "your answer is NaN"),
            (cohen_kappa(["yes"], ["yes"]), "the number is its `.kappa` attribute"),
        ],
    )
    def test_typical_wrong_answers(self, answer, says):
        result = lesson04.quote_kappa(answer)
        assert not result.passed
        assert says in result.message
        assert "0.61" not in result.message.replace("'0.61'", "")
        assert "0.609" not in result.message


# --- 4.3: settle three disagreements -------------------------------------------------------


class TestExercise43SettleDisagreements:
    RIGHT = {1: "A", 2: "A", 3: "B"}

    def test_the_cases_are_the_packages_disagreements(self):
        table = lesson04.cases_table()
        assert list(table.index) == [1, 2, 3]
        assert list(table["A marked"]) == ["the United States (GPE)", "Moscow (GPE)",
                                           "right now (TIME)"]
        assert list(table["B marked"]) == ["United States (GPE)", "Moscow (ORG)", "—"]

    def test_right_answer(self):
        result = lesson04.settle_disagreements(self.RIGHT)
        assert result.passed, result.message

    def test_lower_case_and_spaces_are_fine(self):
        assert lesson04.settle_disagreements({1: " a", 2: "a", 3: "b "}).passed

    @pytest.mark.parametrize(
        "answer, says",
        [
            ({**RIGHT, 3: "A"}, "2 of 3 right. case 3: reread GUIDELINES.md about words like "
                                "today"),
            ({**RIGHT, 2: "B"}, "case 2: reread GUIDELINES.md about a place that stands for "
                                "its government"),
            ({1: "B", 2: "A", 3: "B"}, "reread GUIDELINES.md about a leading 'the'"),
            ({1: "B", 2: "B", 3: "A"}, "none of the three follows the guidelines: did you swap"),
            ({1: "A"}, "give a decision for every case: [2, 3] missing"),
            ({**RIGHT, 2: "GPE"}, "case 2: 'GPE' is not a decision"),
            (["A", "A", "B"], "should be a dict"),
        ],
    )
    def test_typical_wrong_answers(self, answer, says):
        result = lesson04.settle_disagreements(answer)
        assert not result.passed
        assert says in result.message
        assert re.search(r"case \d: ['\"]?[AB]\b", result.message) is None  # no decision
        assert "keeps its place label" not in result.message  # the rule itself is the answer
        # issue 17: the section and the bullet are the written answer
        assert "section" not in result.message and "bullet" not in result.message
        assert "Entities >" not in result.message

    def test_one_wrong_case_names_only_that_case(self):
        message = lesson04.settle_disagreements({**self.RIGHT, 1: "B"}).message
        assert "case 1" in message and "case 2" not in message and "case 3" not in message


# --- 4.1: annotate the two sentences of paragraph 7 ----------------------------------------


@pytest.fixture(scope="module")
def p7():
    return lesson04.gold_paragraphs()[lesson04.EXERCISE_PARAGRAPH - 1]


@pytest.fixture(scope="module")
def right_entities(p7):
    return [
        mark(p7, "US", "GPE"),
        mark(p7, "Donald Trump", "PERSON"),
        mark(p7, "Putin", "PERSON"),
        mark(p7, "Cabinet", "ORG"),
        mark(p7, "this week", "DATE"),
        mark(p7, "Trump", "PERSON", occurrence=2),
        mark(p7, "Russian", "NORP"),
        mark(p7, "Vladimir Putin", "PERSON"),
    ]


class TestExercise41ParagraphSeven:
    def test_the_right_answer_is_the_reference(self, p7, right_entities):
        assert sorted((r["start"], r["end"], r["label"]) for r in right_entities) == sorted(
            (e.start, e.end, e.label) for e in p7.entities
        )
        result = lesson04.paragraph_seven(right_entities)
        assert result.passed
        assert "F1 1.00" in result.message

    def test_a_small_miss_passes_and_says_what_is_left(self, right_entities):
        without_date = [r for r in right_entities if r["label"] != "DATE"]
        result = lesson04.paragraph_seven(without_date)
        assert result.passed
        assert "F1 0.93, enough to pass" in result.message
        assert "the reference has entities you did not mark: 1 DATE" in result.message
        assert "this week" not in result.message

    def test_a_title_inside_a_person_fails(self, p7, right_entities):
        answer = [mark(p7, "US President Donald Trump", "PERSON"), *right_entities[2:]]
        result = lesson04.paragraph_seven(answer)
        assert not result.passed
        assert "F1 0.80 (pass: 0.85)" in result.message
        assert "'US President Donald Trump' overlaps an entity of the reference but its " \
            "boundaries differ" in result.message
        assert "1 GPE, 1 PERSON" in result.message
        assert "Donald Trump'" not in result.message.replace("President Donald Trump'", "")

    def test_a_possessive_is_a_boundary_problem(self, p7, right_entities):
        answer = [r for r in right_entities if r["text"] != "Putin"]
        answer.append(mark(p7, "Putin's", "PERSON"))
        result = lesson04.paragraph_seven(answer)
        assert "\"Putin's\" overlaps an entity of the reference but its boundaries differ" \
            in result.message

    def test_a_wrong_label_is_named(self, p7, right_entities):
        answer = [r for r in right_entities if r["text"] != "Russian"]
        answer.append(mark(p7, "Russian", "GPE"))
        result = lesson04.paragraph_seven(answer)
        assert "'Russian' has the right boundaries but not the right label" in result.message
        assert "did not mark" not in result.message
        assert "NORP" not in result.message

    def test_too_many_misses_fail(self, right_entities):
        result = lesson04.paragraph_seven(right_entities[:4])
        assert not result.passed
        assert "the reference has entities you did not mark: 1 DATE, 1 NORP, 2 PERSON" \
            in result.message
        for text in ("this week", "Russian", "Vladimir Putin"):
            assert text not in result.message

    def test_an_extra_span_is_not_in_the_reference(self, p7, right_entities):
        result = lesson04.paragraph_seven([*right_entities, mark(p7, "the war", "EVENT")])
        assert "'the war' is not an entity in the reference" in result.message

    def test_records_made_on_the_unannotated_paragraphs_are_checked_alike(self, right_entities):
        from newstext.evaluating.student_annotations import paragraphs_to_annotate

        blank = paragraphs_to_annotate()[lesson04.EXERCISE_PARAGRAPH - 1]
        assert blank.entities == () and blank.quotes == ()
        again = [mark(blank, r["text"], r["label"]) for r in right_entities[:-3]]
        again += [mark(blank, "Trump", "PERSON", occurrence=2), *right_entities[-2:]]
        assert sorted(map(str, again)) == sorted(map(str, right_entities))
        assert lesson04.paragraph_seven(again).passed

    @pytest.mark.parametrize(
        "answer, says",
        [
            (3, "should be a list of records"),
            ([], "there are no annotations"),
            ([{"start": 1197, "end": 1199, "label": "GPE"}], "record 1 has no text"),
            ([{"start": 1197, "end": 1199, "label": "GPE", "text": "UK"}],
             "the page has 'US' at 1197-1199, not 'UK'"),
            ([{"start": 1197, "end": 1199, "label": "COUNTRY", "text": "US"}],
             "'COUNTRY' is not a label of the guidelines"),
        ],
    )
    def test_records_that_cannot_be_used(self, answer, says):
        result = lesson04.paragraph_seven(answer)
        assert not result.passed
        assert says in result.message

    def test_the_first_trump_overlaps_donald_trump(self, p7, right_entities):
        answer = [r for r in right_entities if r["text"] != "Trump"]
        answer.append(mark(p7, "Trump", "PERSON"))
        result = lesson04.paragraph_seven(answer)
        assert "'Donald Trump' and 'Trump' overlap" in result.message
        assert "occurrence=2" in result.message

    def test_another_paragraph_is_refused(self, right_entities):
        elsewhere = mark(lesson04.gold_paragraphs()[0], "Ukraine", "GPE")
        result = lesson04.paragraph_seven([*right_entities, elsewhere])
        assert "'Ukraine' is not in paragraph 7" in result.message


# --- 4.4: one brat T line ------------------------------------------------------------------


class TestExercise44BratLine:
    def right_line(self):
        first, second = lesson04.gold_paragraphs()[:2]
        start = len(first.text) + 1 + second.text.index("Rubio")
        return f"T1\tPERSON {start} {start + 5}\tRubio", start

    def test_right_answer_is_what_write_brat_writes(self):
        line, _ = self.right_line()
        assert lesson04.expected_brat_line() == line
        result = lesson04.brat_line(line)
        assert result.passed, result.message
        assert "read back with `exports.read_brat`" in result.message

    def test_a_trailing_newline_is_fine(self):
        line, _ = self.right_line()
        assert lesson04.brat_line(line + "\n").passed

    @pytest.mark.parametrize(
        "shift, says",
        [
            ("raw", "those are offsets in the raw page"),
            ("paragraph", "you counted from the start of paragraph 2"),
            ("no newline", "one character short: each paragraph of the .txt ends with a newline"),
            ("inclusive end", "brat's end is exclusive"),
            ("elsewhere", "the offsets do not point at the entity in the .txt"),
        ],
    )
    def test_typical_wrong_offsets(self, shift, says):
        _, start = self.right_line()
        second = lesson04.gold_paragraphs()[1]
        in_paragraph = second.text.index("Rubio")
        starts_ends = {
            "raw": (second.start + in_paragraph, second.start + in_paragraph + 5),
            "paragraph": (in_paragraph, in_paragraph + 5),
            "no newline": (start - 1, start + 4),
            "inclusive end": (start, start + 4),
            "elsewhere": (start + 10, start + 15),
        }
        s, e = starts_ends[shift]
        result = lesson04.brat_line(f"T1\tPERSON {s} {e}\tRubio")
        assert not result.passed
        assert says in result.message
        assert str(start) not in result.message and str(start + 5) not in result.message

    @pytest.mark.parametrize(
        "line, says",
        [
            ("T1 PERSON 279 284 Rubio", "tab characters (\\t), and your line has none"),
            ("T1\tPERSON 279 284", "exactly three tab-separated fields, yours has 2"),
            ("T2\tPERSON 279 284\tRubio", "the ID 'T2' is not the one the exercise asks for"),
            ("T1\tPER 279 284\tRubio", "'PER' is not the label the guidelines give"),
            ("T1\tPERSON 279-284\tRubio", "the middle field is the label, the start and the end"),
            ("T1\tPERSON 279 284\tRubi", "the third field is the entity's text"),
            (279, "should be a string"),
        ],
    )
    def test_typical_wrong_lines(self, line, says):
        result = lesson04.brat_line(line)
        assert not result.passed
        assert says in result.message
