"""tables.py: the tidy tables of the course page, and the size of each article."""

from __future__ import annotations

import time

import pytest

from newstext.cleaning.quote_marks import normalise_quotes
from newstext.exploring.page_docs import raw_span
from newstext.exploring.tables import (
    ARTICLE_COLUMNS,
    PARAGRAPH_COLUMNS,
    SENTENCE_COLUMNS,
    SIZE_COLUMNS,
    TOKEN_COLUMNS,
    article_sizes,
    articles_table,
    longest_sentences,
    paragraphs_table,
    sentence_lengths,
    sentences_table,
    shortest_sentences,
    tokens_table,
)


@pytest.fixture(scope="session")
def sentences(cleaned, docs):
    return sentences_table(cleaned, docs)


# -- articles and paragraphs ---------------------------------------------------------------


def test_articles_table_has_one_row_per_article_without_the_body(cleaned):
    table = articles_table(cleaned)
    assert list(table.columns) == ARTICLE_COLUMNS
    assert list(table["source"]) == ["Mint", "First Post", "Indian Express"]
    assert list(table["role"]) == ["main", "related", "related"]
    # 13: the main article's body lines in the hand labels; 11 and 21: a regression
    # snapshot of how the related articles' one long line each is split into paragraphs.
    assert list(table["paragraphs"]) == [13, 11, 21]


def test_paragraphs_table_counts_plain_words(cleaned):
    table = paragraphs_table(cleaned)
    assert list(table.columns) == PARAGRAPH_COLUMNS
    assert len(table) == 45
    first = table.iloc[0]
    assert first["text"].startswith("US Secretary of State Marco Rubio voiced")
    assert first["words"] == 40  # "US ... Kuala Lumpur", counted by hand
    assert list(table.groupby("article_id")["words"].sum()) == [344, 480, 1166]


# -- tokens --------------------------------------------------------------------------------


def test_tokens_table_has_one_row_per_spacy_token(docs, tokens):
    assert list(tokens.columns) == TOKEN_COLUMNS
    assert list(tokens.groupby("article_id").size()) == [len(doc) for doc in docs]
    assert [len(doc) for doc in docs] == [430, 572, 1382]


def test_the_first_tokens_of_the_main_article(tokens, cleaned):
    first = tokens.iloc[:6]
    assert list(first["text"]) == ["US", "Secretary", "of", "State", "Marco", "Rubio"]
    assert list(first["ent_type"]) == ["GPE", "", "", "ORG", "PERSON", "PERSON"]
    rubio = tokens.iloc[5]
    assert (rubio["article_id"], rubio["paragraph_id"], rubio["sentence_id"], rubio["i"]) == (
        1,
        1,
        1,
        5,
    )
    assert (rubio["start_char"], rubio["end_char"]) == (28, 33)
    assert cleaned.raw[rubio["raw_start"] : rubio["raw_end"]] == "Rubio"
    assert bool(rubio["is_word"]) and not bool(rubio["is_stop"])


def test_us_is_a_stop_word_for_spacy(tokens):
    """A trap worth showing students: "US" lower-cased is the stop word "us"."""
    us = tokens[tokens["text"] == "US"]
    assert us["is_stop"].all()


def test_token_flags(tokens):
    said = tokens[tokens["lower"] == "said"].iloc[0]
    assert (said["lemma"], said["pos"]) == ("say", "VERB")
    comma = tokens[tokens["text"] == ","].iloc[0]
    assert bool(comma["is_punct"]) and not bool(comma["is_word"])
    assert tokens.loc[tokens["text"] == "700", "like_num"].all()


def test_raw_offsets_agree_with_corpus_raw_span(cleaned, docs, tokens):
    for doc in docs:
        rows = tokens[(tokens["article_id"] == doc.user_data["article_id"])]
        for row in rows[rows["raw_start"].notna()].itertuples():
            assert raw_span(cleaned, doc, doc[row.i]) == (row.raw_start, row.raw_end)
            assert normalise_quotes(cleaned.raw[row.raw_start : row.raw_end]) == row.text


def test_the_newline_between_paragraphs_has_no_paragraph_and_no_raw_span(tokens):
    joins = tokens[tokens["text"] == "\n"]
    assert len(joins) == 45 - 3  # one fewer than the paragraphs, in each article
    assert joins["is_space"].all()
    assert joins["paragraph_id"].isna().all() and joins["raw_start"].isna().all()
    assert tokens.loc[tokens["text"] != "\n", "paragraph_id"].notna().all()


def test_paragraph_ids_are_those_of_the_paragraphs_table(cleaned, tokens):
    in_table = set(cleaned.paragraphs["paragraph_id"])
    assert set(tokens["paragraph_id"].dropna()) == in_table
    rutte = tokens[tokens["text"] == "Rutte"].iloc[0]
    paragraph = cleaned.paragraphs.set_index("paragraph_id").loc[rutte["paragraph_id"]]
    assert "Mark Rutte" in paragraph["text"]


def test_tokens_table_is_fast(cleaned, docs):
    start = time.perf_counter()
    tokens_table(cleaned, docs)
    sentences_table(cleaned, docs)
    assert time.perf_counter() - start < 0.5


# -- sentences -----------------------------------------------------------------------------


def test_sentences_table_numbers_spacy_sentences_across_the_page(docs, sentences, tokens):
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert [len(list(doc.sents)) for doc in docs] == [21, 21, 53]
    assert list(sentences["sentence_id"]) == list(range(1, 96))
    assert set(tokens["sentence_id"]) == set(sentences["sentence_id"])


def test_a_sentence_row(sentences, cleaned):
    first = sentences.iloc[0]
    assert (first["n_tokens"], first["n_words"]) == (41, 40)  # 40 words and the full stop
    assert first["text"].endswith("Kuala Lumpur.")
    assert cleaned.raw[first["raw_start"] : first["raw_end"]] == first["text"]
    assert not sentences["text"].str.endswith("\n").any()


def test_sentence_words_add_up_to_the_article_words(sentences, tokens):
    sizes = article_sizes(tokens)
    assert list(sentences.groupby("article_id")["n_words"].sum()) == list(sizes["words"])


# -- size and shape ------------------------------------------------------------------------


def test_article_sizes(tokens):
    sizes = article_sizes(tokens)
    assert list(sizes.columns) == SIZE_COLUMNS
    assert sizes.to_dict("records") == [
        {"article_id": 1, "paragraphs": 13, "sentences": 21, "tokens": 418, "words": 354},
        {"article_id": 2, "paragraphs": 11, "sentences": 21, "tokens": 562, "words": 488},
        {"article_id": 3, "paragraphs": 21, "sentences": 53, "tokens": 1362, "words": 1185},
    ]


def test_sentence_lengths_one_row_per_sentence(sentences):
    lengths = sentence_lengths(sentences)
    assert list(lengths.columns) == ["article_id", "sentence_id", "n_words"]
    assert len(lengths) == 95
    assert list(lengths.groupby("article_id")["n_words"].median()) == [15.0, 22.0, 19.0]


def test_the_longest_sentence_is_where_the_scraper_lost_text(sentences):
    longest = longest_sentences(sentences, 1).iloc[0]
    assert (longest["article_id"], longest["sentence_id"], longest["n_words"]) == (3, 78, 59)
    assert "on both bigger army is pressing hard" in longest["text"]
    assert list(longest_sentences(sentences)["n_words"]) == [59, 45, 43]


def test_the_shortest_sentences_are_quotations(sentences):
    shortest = shortest_sentences(sentences)
    assert list(shortest["text"]) == [
        "'We need financing.",
        "'We found a solution.",
        "'We have the best weapons.",
    ]
    assert list(shortest["n_words"]) == [3, 4, 5]


def test_notebook_02_describes_the_paragraphs_words_as_the_regex_counts_them():
    """Issue 17: the prose said "runs of letters and digits", yet Russia's is one word."""
    from conftest import ROOT
    from newstext.cleaning.lines import words_of

    assert words_of("Russia's don't 620-mile") == ["Russia's", "don't", "620", "mile"]
    text = " ".join((ROOT / "lessons" / "02_exploring.py").read_text(encoding="utf-8").split())
    assert "runs of letters and digits that keep # an apostrophe and the letters after it" in text
