"""The checks of notebook 03: right answers pass, typical wrong ones get their message."""

import pytest

from newstext.checks import lesson03
from newstext.model import load_english


@pytest.fixture(scope="module")
def quotes():
    return lesson03.main_article_quotes()


def test_subject_of_added_accepts_the_token_or_its_text():
    doc = load_english()(lesson03.ADDED_SENTENCE)
    he = next(token for token in doc if token.text == "he")
    assert lesson03.subject_of_added(he).passed
    assert lesson03.subject_of_added("he").passed


@pytest.mark.parametrize(
    "answer, says",
    [
        ("I", "the subject of 'want', inside the quotation"),
        ("Marco Rubio", "that is who the subject refers to"),
        ("overpromise", "not the subject. Hint"),
        (3, "should be a Token or its text"),
    ],
)
def test_subject_of_added_wrong_answers(answer, says):
    result = lesson03.subject_of_added(answer)
    assert not result.passed and says in result.message


def test_patriot_pattern_accepts_a_phrase_or_a_token_pattern():
    assert lesson03.patriot_pattern({"label": "PRODUCT", "pattern": "Patriot"}).passed
    assert lesson03.patriot_pattern({"label": "PRODUCT", "pattern": [{"LOWER": "patriot"}]}).passed


@pytest.mark.parametrize(
    "answer, says",
    [
        ({"label": "product", "pattern": "Patriot"}, "labels are case-sensitive"),
        ({"label": "PERSON", "pattern": "Patriot"}, "'PERSON' is not the label"),
        ({"label": "PRODUCT", "pattern": "patriot"}, "your pattern finds []"),
        ({"label": "PRODUCT", "pattern": [{"LOWER": {"REGEX": "^patriot"}}]}, "too broad"),
        ({"pattern": "Patriot"}, 'a pattern has the keys "label" and "pattern"'),
        ("Patriot", "should be a dict"),
    ],
)
def test_patriot_pattern_wrong_answers(answer, says):
    result = lesson03.patriot_pattern(answer)
    assert not result.passed and says in result.message


def test_pronoun_quotes(quotes):
    pronoun = list(quotes.loc[quotes["speaker_text"] == "he", "quote"])
    assert len(pronoun) == 2
    assert lesson03.pronoun_quotes(pronoun).passed
    assert "1 more quotation(s) have a pronoun" in lesson03.pronoun_quotes(pronoun[:1]).message
    named = list(quotes.loc[quotes["speaker_text"] == "Rubio", "quote"])[:1]
    result = lesson03.pronoun_quotes(pronoun + named)
    assert "1 of yours name their speaker with a name" in result.message
    assert "with their quote marks" in lesson03.pronoun_quotes([q[1:-1] for q in pronoun]).message
    assert "not quotations of the table" in lesson03.pronoun_quotes(["he added"]).message


def test_quotes_per_speaker(quotes):
    assert lesson03.quotes_per_speaker(quotes["speaker"].value_counts()).passed
    as_written = lesson03.quotes_per_speaker(quotes["speaker_text"].value_counts().to_dict())
    assert "you counted the speaker as written" in as_written.message
    assert (
        "add up to 11" in lesson03.quotes_per_speaker({"Marco Rubio": 7, "Donald Trump": 4}).message
    )
    off = {"Marco Rubio": 6, "Donald Trump": 4, "Russia's Foreign Ministry": 1, "Moscow": 1}
    assert "do not match the table" in lesson03.quotes_per_speaker(off).message
