"""Scraper glitches: flagged with the spaCy model, never rewritten."""

from pathlib import Path

import pytest

from newstext.cleaning.glitches import find_glitches, glitches_in
from newstext.cleaning.pipeline import clean_page
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(scope="module")
def cleaned(nlp):
    return clean_page(read_page(RAW_PAGE), glitches=True)


def test_the_five_seams_of_the_course_page_are_flagged(cleaned):
    glitches = cleaned.glitches
    found = sorted(zip(glitches["rule"], glitches["evidence"], strict=True))
    assert found == [
        ("clause_after_preposition", "on both bigger army is pressing"),
        ("preposition_without_object", "at urged"),
        ("pronoun_then_name", "he Chancellor"),
        ("verb_without_subject", "Ukraine under the officials spoke"),
        ("verb_without_subject", "signs of two leaders spoke"),
    ]
    assert set(glitches["article_id"]) == {3}


def test_flagged_sentences_are_left_as_written(cleaned):
    body = cleaned.articles.set_index("article_id").at[3, "body"]
    for seam in (
        "'killing a lot of people' on both bigger army is pressing hard",
        "supply one, he Chancellor Friedrich Merz said",
        "The relationship has since shown signs of two leaders spoke by phone",
        "mostly at urged Ukraine's Western partners",
        "under the officials spoke on condition of anonymity",
    ):
        assert seam in body


def test_glitch_offsets_point_at_the_sentence_in_the_raw_page(cleaned):
    raw = cleaned.raw
    for row in cleaned.glitches.itertuples():
        assert raw[row.raw_start : row.raw_end].replace(" ", "") == row.text.replace(" ", "")


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Norway has agreed to supply one, he Chancellor Friedrich Merz said on Monday.",
         "pronoun_then_name"),
        ("Many regions were hit, mostly at urged Ukraine's partners to act quickly.",
         "preposition_without_object"),
        ("Drones hit the city, mostly at urged allies to send more air defenses.",
         "preposition_without_object"),
        ("The talks have since shown signs of two leaders spoke by phone last week.",
         "verb_without_subject"),
        ("Officials would buy weapons under the officials spoke on condition of anonymity.",
         "verb_without_subject"),
        ("He said the war was 'killing a lot of people' on both bigger army is pressing hard "
         "on parts of the front line.", "clause_after_preposition"),
    ],
)  # fmt: skip
def test_each_rule_on_a_small_sentence(nlp, sentence, rule):
    assert rule in [name for name, _ in glitches_in(sentence, nlp)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The head of the agency said the plan would work.",
        "He said he was not happy with the result.",
        "After the officials spoke, the meeting ended.",
        "The weaponry that could be sold to NATO members includes missiles.",
        "We will have more clarity about what exactly the position and priorities are.",
        "Shops sold coats at reduced prices all week.",
        "Those weapons could be moved, with European countries buying replacements.",
    ],
)
def test_grammatical_sentences_are_not_flagged(nlp, sentence):
    assert glitches_in(sentence, nlp) == []


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.txt")), ids=lambda p: p.stem)
def test_no_glitch_flagged_on_the_clean_test_pages(nlp, page):
    cleaned = clean_page(read_page(page))
    assert find_glitches(cleaned.sentences, nlp).empty


def test_glitches_are_empty_without_the_model():
    cleaned = clean_page(read_page(RAW_PAGE))
    assert cleaned.glitches.empty
    assert list(cleaned.glitches.columns)[:4] == [
        "sentence_id",
        "article_id",
        "paragraph_id",
        "rule",
    ]
