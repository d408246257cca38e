"""Every exercise check: fails on the stub, fails with a useful message on a typical wrong
answer, passes on the right one, and never raises."""

import importlib
import pkgutil
import re
from datetime import date, datetime

import pytest

import newstext.course.checks
from newstext.cleaning.metadata import split_glued_metadata
from newstext.cleaning.published import resolve_relative_time
from newstext.course.checks import lesson00, lesson01
from newstext.course.checks.core import NOT_ANSWERED, exercise, right


def all_checks():
    for info in pkgutil.iter_modules(newstext.course.checks.__path__):
        if info.name.startswith("lesson"):
            module = importlib.import_module(f"newstext.course.checks.{info.name}")
            for value in vars(module).values():
                if callable(value) and hasattr(value, "exercise"):
                    yield value


CHECKS = list(all_checks())


def test_there_are_checks():
    assert lesson00.nonempty_line_count in CHECKS


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_every_check_says_not_answered_on_the_stub(check):
    result = check(...)
    assert not result.passed
    assert result.message == NOT_ANSWERED
    assert str(result).startswith(f"❌ Exercise {check.exercise}: not answered yet")


def test_a_check_never_raises():
    @exercise("9.9")
    def fragile(answer):
        return right() if answer() else right()

    result = fragile(lambda: 1 / 0)
    assert not result.passed
    assert result.message == "checking your answer raised ZeroDivisionError: division by zero"


def test_results_render_as_text_and_html():
    result = lesson00.nonempty_line_count(41)
    assert repr(result) == "✅ Exercise 0.1: correct: 41 of the page's 63 lines hold text."
    assert "border-left" in result._repr_html_()


class TestExercise01NonemptyLines:
    def test_right_answer(self, page_text):
        expected = sum(1 for line in page_text.split("\n") if line.strip())
        assert lesson00.nonempty_line_count(expected).passed

    @pytest.mark.parametrize(
        "wrong, says",
        [
            (63, "that is every line, the empty ones too"),
            (62, "that is the number of newline characters"),
            (22, "that counts the empty lines"),
            (40, "that is not the number of lines with text"),
            ("41", "the answer should be a whole number (an int), but it is a str: '41'"),
            (True, "the answer should be a whole number (an int), but it is a bool"),
        ],
    )
    def test_typical_wrong_answers(self, wrong, says):
        result = lesson00.nonempty_line_count(wrong)
        assert not result.passed
        assert says in result.message
        assert "41" not in result.message.replace("'41'", "")  # never gives the answer away

    def test_the_generic_hint_does_not_give_the_method_away(self):
        """Issue 17: it said "split on '\\n' and count lines where line.strip() is not ''"."""
        message = lesson00.nonempty_line_count(40).message
        assert "strip" not in message and "split" not in message and "Hint:" in message


# --- Notebook 01 ---------------------------------------------------------------------------


def good_split(line):
    match = re.fullmatch(r"(.*?)(\d+ \w+ ago)", line.strip())
    source = match.group(1) or None
    return (None if source == "time" else source), match.group(2)


class TestExercise11SplitSourceTime:
    def test_right_answer(self):
        result = lesson01.split_source_time(good_split)
        assert result.passed, result.message

    @pytest.mark.parametrize(
        "function, says",
        [
            (lambda line: print(line), "your function returned None: did you forget `return`?"),
            (lambda line: line.split("2"), "return a pair (source, time_ago)"),
            (
                lambda line: re.fullmatch(r"(.*)(\d+ \w+ ago)", line).groups(),
                "for 'Reuters15 minutes ago' your time part is '5 minutes ago', but it should",
            ),
            (
                lambda line: tuple(re.fullmatch(r"(.*?)(\d+ \w+ ago)", line).groups()),
                "for 'time2 hours ago' the source is 'time', but 'time' is a label",
            ),
            ("Mint", "should be a function, but it is a str"),
        ],
    )
    def test_typical_wrong_answers(self, function, says):
        result = lesson01.split_source_time(function)
        assert not result.passed
        assert says in result.message

    def test_the_room101_pattern_names_the_line_that_did_not_match(self):
        """Copying the notebook's example pattern: fullmatch finds no match on the first
        line, and the message says so, with the line, instead of a bare AttributeError."""

        def room101(line):
            return re.fullmatch(r"(\D+)(\d+)", line).groups()

        message = lesson01.split_source_time(room101).message
        assert message.startswith(
            "for 'Mint2 days ago' your function raised AttributeError: 'NoneType' object"
        )
        assert "`re.fullmatch` finds no match: it returns None" in message
        assert "checking your answer raised" not in message

    def test_any_other_error_names_the_line_too(self):
        def fails_on_time(line):
            if line.startswith("time"):
                raise ValueError("no source")
            return tuple(split_glued_metadata(line))

        message = lesson01.split_source_time(fails_on_time).message
        assert message == "for 'time2 hours ago' your function raised ValueError: no source."


class TestExercise12UnknownAdMarker:
    def test_right_answer(self):
        assert lesson01.unknown_ad_marker("SCROLL TO CONTINUE WITH CONTENT").passed

    def test_the_success_message_does_not_say_where_to_add_the_marker(self):
        """Issue 17: where to add the marker is the written answer right after."""
        message = lesson01.unknown_ad_marker("SCROLL TO CONTINUE WITH CONTENT").message
        assert "INLINE_AD_MARKERS" not in message and "lexicon.py" not in message

    @pytest.mark.parametrize(
        "answer, says",
        [
            ("SCROLL TO CONTINUE", "only part of the marker"),
            ("October. SCROLL TO CONTINUE WITH CONTENT The", "includes words of the article"),
            ("scroll to continue with content", "does not appear in the paragraph as written"),
            ("The mayor said", "that is article prose"),
            (42, "should be a string"),
        ],
    )
    def test_typical_wrong_answers(self, answer, says):
        result = lesson01.unknown_ad_marker(answer)
        assert not result.passed
        assert says in result.message
        assert "SCROLL TO CONTINUE WITH CONTENT" not in result.message


class TestExercise13MintDate:
    def test_right_answer(self):
        result = lesson01.mint_date_in_indian_time(date(2025, 7, 10))
        assert result.passed
        assert result.message.startswith("Thursday 10 July 2025")

    def test_the_success_message_does_not_say_the_notebooks_table_is_wrong(self):
        """The table of section 8 counts back from 11 July: the message names both dates and
        does not side with one."""
        message = lesson01.mint_date_in_indian_time(date(2025, 7, 10)).message
        table_date = resolve_relative_time("2 days ago")  # what the notebook's table shows
        assert f"{table_date.day} {table_date:%B}" in message and "11 July" in message
        assert "agrees with" not in message

    def test_the_success_message_leaves_the_written_answer_to_the_student(self):
        """Issue 17: the written question asks date or time, how sure, and the Thursday."""
        message = lesson01.mint_date_in_indian_time(date(2025, 7, 10)).message
        for answer in ("within a day", "time zone", "meeting", "honest estimates"):
            assert answer not in message

    @pytest.mark.parametrize(
        "answer, says",
        [
            (date(2025, 7, 9), "counted back from 11 July"),
            (date(2025, 7, 12), "the reference date itself"),
            (date(2025, 7, 11), "that is one day back"),
            ("2025-07-10", "give a `date` object, not a string"),
            (date(2025, 7, 8), "count back from 12 July 2025"),
            (datetime(2025, 7, 10), "give a `date`, not a `datetime`"),
        ],
    )
    def test_typical_wrong_answers(self, answer, says):
        result = lesson01.mint_date_in_indian_time(answer)
        assert not result.passed
        assert says in result.message


class TestExercise14FiveLineLabels:
    RIGHT = {32: "headline", 35: "metadata", 39: "metadata", 43: "keep", 58: "drop"}

    def test_right_answer_agrees_with_the_reference_file(self):
        assert lesson01.five_line_labels(self.RIGHT).passed

    @pytest.mark.parametrize(
        "answer, says",
        [
            ({**RIGHT, 35: "keep"}, "4 of 5 agree with the reference; look again at line(s) [35]"),
            ({**RIGHT, 43: "drop", 58: "keep"}, "look again at line(s) [43, 58]"),
            ({32: "headline"}, "[35, 39, 43, 58] missing"),
            ({**RIGHT, 39: "meta"}, "['meta'] is not an action"),
            ([("2", "headline")], "should be a dict"),
        ],
    )
    def test_typical_wrong_answers(self, answer, says):
        result = lesson01.five_line_labels(answer)
        assert not result.passed
        assert says in result.message

    def test_line_39_labelled_drop_points_to_the_source_it_repeats(self):
        """Issue 17: `  • First Post` echoes the article's source: a hint, not the label."""
        message = lesson01.five_line_labels({**self.RIGHT, 39: "drop"}).message
        assert "repeats the article's source" in message
        assert "metadata" not in message
        assert "repeats" not in lesson01.five_line_labels({**self.RIGHT, 35: "keep"}).message


def test_a_function_left_as_the_stub_is_not_answered():
    def split_source_time(line): ...  # your code here

    def forgot_return(line):
        line.split()

    assert lesson01.split_source_time(split_source_time).message == NOT_ANSWERED
    assert "did you forget `return`" in lesson01.split_source_time(forgot_return).message


def test_numpy_integers_count_as_whole_numbers():
    import numpy as np

    assert lesson00.nonempty_line_count(np.int64(41)).passed


def test_none_from_the_students_code_is_an_answer_not_a_stub():
    result = lesson01.mint_date_in_indian_time(None)
    assert not result.passed
    assert "should be a datetime.date, but it is a NoneType" in result.message
