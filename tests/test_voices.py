"""voices.py: the share of quoted text per article, and who is named next to a speech verb."""

from __future__ import annotations

import pytest

from newstext.exploring.voices import (
    QUOTE_SHARE_COLUMNS,
    SPEECH_COLUMNS,
    quote_share,
    quoted_chars,
    speaker_counts,
    speech_verbs,
)


@pytest.fixture(scope="session")
def verbs(docs, tokens):
    return speech_verbs(docs, tokens)


# -- quoted characters ---------------------------------------------------------------------------


def test_apostrophes_are_not_quotations():
    text = '"I don\'t want to overpromise," he added, citing Russia\'s "acceleration".'
    quoted, quotations = quoted_chars(text)
    assert quotations == 2
    assert quoted == len('"I don\'t want to overpromise,"') + len('"acceleration"')


def test_single_quotes_and_an_unclosed_quotation():
    assert quoted_chars("'substantive and frank,' noting") == (len("'substantive and frank,'"), 1)
    text = "'We need financing. And then, we will intercept."
    assert quoted_chars(text) == (len(text), 1)  # runs to the end of the paragraph


def test_quote_share_per_article(cleaned):
    table = quote_share(cleaned)
    assert list(table.columns) == QUOTE_SHARE_COLUMNS
    assert list(table["chars"]) == list(cleaned.paragraphs.groupby("article_id")["chars"].sum())
    assert list(table["chars"]) == [2124, 3030, 7063]
    assert list(table["quoted_chars"]) == [793, 567, 1380]
    assert list(table["quotations"]) == [12, 10, 20]
    assert list(table["share"].round(3)) == [0.373, 0.187, 0.195]


def test_quote_share_agrees_with_the_cleaners_quote_marks(cleaned):
    """An independent count: pair the open and close marks of ``cleaned.quotes``
    (``quotes_marks``, another implementation); the one unpaired opening mark (the last
    paragraph, "'We need financing. ...") runs to the end of its paragraph."""
    marks = cleaned.quotes[cleaned.quotes["role"] != "apostrophe"]
    paired = marks[marks["paired"].astype(bool)].sort_values(["paragraph_id", "offset"])
    opens = paired[paired["role"] == "open"].reset_index(drop=True)
    closes = paired[paired["role"] == "close"].reset_index(drop=True)
    lengths = closes["offset"] + 1 - opens["offset"]
    by_article = lengths.groupby(opens["article_id"]).sum()
    unpaired = cleaned.quote_flags.iloc[0]
    paragraph = cleaned.paragraphs.set_index("paragraph_id").loc[unpaired["paragraph_id"]]
    by_article[unpaired["article_id"]] += paragraph["chars"] - unpaired["offset"]
    assert list(by_article) == list(quote_share(cleaned)["quoted_chars"])


# -- who speaks ----------------------------------------------------------------------------------


def test_speech_verbs_table(verbs):
    assert list(verbs.columns) == SPEECH_COLUMNS
    assert len(verbs) == 37  # a regression snapshot of the code's output
    first = verbs.iloc[0].to_dict()
    assert (first["article_id"], first["verb"], first["speaker"], first["label"]) == (
        1,
        "said",
        "Rubio",
        "PERSON",
    )


def test_full_names_count_under_the_last_name(verbs):
    hart = verbs[verbs["subject"] == "Allison Hart"].iloc[0]
    assert hart["speaker"] == "Hart"
    ministry = verbs[verbs["verb"] == "described"].iloc[0]
    assert ministry["speaker"] == "Foreign Ministry"


def test_trump_counts_even_when_tagged_as_an_org(verbs):
    trump = verbs[verbs["speaker"] == "Trump"]
    assert set(trump["label"]) == {"PERSON", "ORG"}


def test_speaker_counts_of_the_main_article(verbs):
    """A regression snapshot of the code's output (Trump's third verb is "criticised")."""
    counts = speaker_counts(verbs)
    main = counts[counts["article_id"] == 1]
    assert list(zip(main["speaker"], main["count"], strict=True)) == [
        ("Rubio", 4),
        ("Trump", 3),
        ("Foreign Ministry", 1),
    ]


def test_speaker_counts_of_the_related_articles(verbs):
    """A regression snapshot of the code's output, not an independent count."""
    counts = speaker_counts(verbs).set_index(["article_id", "speaker"])["count"]
    assert counts[(2, "Rubio")] == 3
    assert counts[(2, "State Department")] == 2  # one of them "added" the hotel to a list
    assert counts[(2, "Rodriguez")] == 1  # "slammed"
    assert counts[3].to_dict() == {
        "Trump": 7,  # "berated"
        "Rubio": 4,
        "Zelenskyy": 4,
        "Graham": 3,
        "Hart": 1,
        "Kyiv Military Administration": 1,
        "Merz": 1,
        "Kremlin": 1,  # "ordered", not of words here: the voices table counts every verb
        "White House": 1,  # "did not immediately respond": a reporting verb, negated
    }


def test_a_pronoun_is_not_counted(verbs):
    """'"I don't want to overpromise," he added': no entity, no count (a first count)."""
    main = verbs[verbs["article_id"] == 1]
    assert "added" not in set(main["verb"])
