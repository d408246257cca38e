"""The main-article extractor (main_run) and the benchmark's scorer (shingle_scores), on
made-up pages: no text of a development page is copied here."""

from __future__ import annotations

import pytest

from newstext.cleaning import main_run
from newstext.cleaning.line_scores import load_line_labels
from newstext.cleaning.main_run import describe, first_class, is_furniture, is_title_like
from newstext.cleaning.shingle_scores import f1, score_page, score_pages, shingles, tokens
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page

PARAS = [
    "The city council met on Tuesday evening to discuss the budget for the next "
    "year, and the debate went on for more than four hours.",
    "Several members argued that the plan for the new park was too expensive, "
    "while others said that the town had waited long enough for it.",
    "By Friday, the talks had collapsed.",
    "Residents can sign up at the town hall.",
    "Police said the suspect had no criminal background.",
    "The mayor said that a second vote would be held in the spring, after the "
    "committee has had a chance to look at the numbers again.",
]


def page(*parts: str) -> str:
    """Page blocks separated by blank lines, as a browser's copy separates paragraphs."""
    return "\n\n".join(parts)


def kept(text: str) -> list[str]:
    found = main_run.main_article(text)
    return [found.lines[i] for i in found.body]


def test_prose_is_kept_and_furniture_dropped():
    text = page(
        "Home\nWorld\nPolitics\nCulture\nPodcasts",
        "World Politics Culture Podcasts",
        "Council budget talks collapse after a long debate",
        "By Jane Doe",
        "Nov 19, 2019",
        "Listen to this article",
        *PARAS[:3],
        "Advertisement",
        *PARAS[3:],
        "Share",
        "Related Articles",
        "Other story one here",
        "© 2019 Some Media",
    )
    found = main_run.main_article(text)
    assert [found.lines[i] for i in found.body] == PARAS
    assert found.headline_text == "Council budget talks collapse after a long debate"
    assert len(found.reasons) == len(found.lines) == len(found.evidence)
    assert found.lines[found.first] == PARAS[0] and found.lines[found.last] == PARAS[-1]


def test_sentences_that_hold_furniture_words_are_prose():
    for line in PARAS[2:5]:
        evidence = describe(0, line)
        assert evidence.kind == "", line  # not a byline, not "sign up" furniture
        assert first_class(evidence)[0] in (main_run.NEAR, main_run.GOOD)


def test_furniture_matches_whole_lines_only():
    assert is_furniture("Advertisement")
    assert is_furniture("Read more")
    assert is_furniture("Related: Another story about the budget")
    assert not is_furniture("Read more about the budget in our report.")
    assert not is_furniture("The advertisement was pulled after complaints.")


def test_a_navigation_bar_and_a_listen_button_are_not_titles():
    assert not is_title_like(describe(0, "World Politics Culture Podcasts"))
    assert not is_title_like(describe(0, "Listen to this article"))
    assert is_title_like(describe(0, "Council budget talks collapse after a long debate"))


def test_an_article_of_short_paragraphs_is_found():
    short = [p for p in PARAS if len(p.split()) < 12] + [
        "The council will meet again next month.",
        "A spokesperson declined to comment on the plan.",
    ]
    text = page(
        "Home\nNews\nSport\nWeather",
        "Budget vote fails in the council",
        *short,
        "Advertisement\nMost Popular\nOne\nTwo\nThree",
    )
    assert kept(text) == short


def test_a_subheading_between_prose_is_kept_and_a_caption_with_its_credit_dropped():
    text = page(
        PARAS[0],
        "What comes next",
        PARAS[1],
        "The new park, as the architects imagine it.\nPhoto: Jane Doe / Agency",
        PARAS[5],
    )
    body = kept(text)
    assert "What comes next" in body
    assert "The new park, as the architects imagine it." not in body
    assert "Photo: Jane Doe / Agency" not in body


def test_on_a_page_without_blank_lines_the_caption_is_above_its_credit():
    text = "\n".join([PARAS[0], "Volunteers at the park", "Photo: Jane Doe / Agency", PARAS[1]])
    assert kept(text) == [PARAS[0], PARAS[1]]


def test_readers_comments_after_the_article_are_not_the_article():
    comment = (
        "I completely disagree with the council on this one, the park would have been a "
        "wonderful thing for the children of this town and we all know that the money was "
        "there if they had really wanted it."
    )
    text = page(
        "Budget vote fails in the council",
        *PARAS,
        "Comments",
        "reader1",
        "2 days ago",
        comment,
        comment + " Really.",
        comment + " Truly.",
        comment + " Yes.",
    )
    assert kept(text) == PARAS


def test_the_headline_stands_above_its_standfirst():
    text = page(
        "Budget vote fails in the council",
        "Members could not agree on the cost of the new park after a debate of four hours",
        "By Jane Doe",
        *PARAS,
    )
    assert main_run.main_article(text).headline_text == "Budget vote fails in the council"


def test_a_short_page_of_one_sentence_has_a_main_article():
    text = "Café owners protest new rules\n\nThe owners of the café said the rules were unfair."
    found = main_run.main_article(text)
    assert found.headline_text == "Café owners protest new rules"
    assert kept(text) == ["The owners of the café said the rules were unfair."]


@pytest.mark.parametrize("text", ["", "\n\n", "x", "Hello world.", "\t \n", "___", "Home\nMenu"])
def test_odd_pages_do_not_crash(text):
    found = main_run.main_article(text)
    assert all(0 <= i < len(found.lines) for i in found.body)
    assert len(found.reasons) == len(found.lines)


def test_the_course_page_main_run_is_lines_7_to_19_under_line_2():
    found = main_run.main_article(read_page(RAW_PAGE))
    assert [i + 1 for i in found.body] == list(range(7, 20))
    labels = load_line_labels()
    headline = labels[(labels["action"] == "headline") & (labels["article_id"] == 1)]
    assert found.headline + 1 == int(headline["line_no"].iloc[0]) == 2


# -- the benchmark's scorer ------------------------------------------------------------------


def test_tokens_and_shingles_keep_case_and_multiplicity():
    assert tokens("The cat's mat.") == ["The", "cat", "s", "mat"]
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert shingles("one two") == {("one", "two"): 1}  # a short text: one short shingle
    assert shingles("") == {}


def test_score_page():
    gold = "one two three four five six seven eight"
    assert score_page(gold, gold) == (1.0, 1.0)
    assert score_page(gold, "") == (0.0, 0.0)
    precision, recall = score_page(gold, "one two three four five")
    assert precision == 1.0 and recall == pytest.approx(2 / 5)
    assert score_page("The cat sat on the mat", "the cat sat on the mat")[0] == pytest.approx(2 / 3)
    assert score_page("", "") == (1.0, 1.0)


def test_score_pages_averages_then_takes_f1():
    gold = "one two three four five six seven eight"
    precision, recall, f = score_pages([(gold, gold), (gold, "")])
    assert (precision, recall) == (0.5, 0.5) and f == pytest.approx(f1(0.5, 0.5))
    assert score_pages([(gold, gold), (gold, "")], zyte=True)[:2] == (1.0, 0.5)
    assert score_pages([]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  Share this article:  ", "share this article"),
        ("— Comments (14) —", "comments (14"),
        ("__init__", "init"),
        ("\u201cQuoted\u201d", "quoted"),
        ("\u2019Tis the season\u2019s end\u2026", "tis the season's end"),
        ("Page 2\u00b2", "page 2\u00b2"),  # a superscript digit is a digit
        ("!!! ???", ""),
        ("", ""),
    ],
)
def test_normalise_lowers_and_strips_what_is_not_a_letter_or_digit(line, expected):
    assert main_run.normalise(line) == expected


def test_normalise_agrees_with_the_regex_it_replaced_on_every_line_of_the_course_page():
    """The regex ``^[\\W_]+|[\\W_]+$`` is the reference (slower on long lines)."""
    import re

    edge = re.compile(r"^[\W_]+|[\W_]+$")
    for line in read_page(RAW_PAGE).split("\n"):
        assert main_run.normalise(line) == edge.sub("", line.lower().replace("\u2019", "'"))
