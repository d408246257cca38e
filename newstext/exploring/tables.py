"""The cleaned page as tidy pandas tables, and the size of each article.

Tidy means one row per observation and one column per variable: one row per article, per
paragraph, per sentence, per token. Every other helper of notebook 02 starts from these
tables. Example::

    from newstext.exploring.page_docs import article_docs, cleaned_page
    from newstext.core.model import load_english
    from newstext.exploring.tables import sentences_table, tokens_table

    cleaned = cleaned_page()
    docs = article_docs(cleaned, load_english())   # parse once
    tokens = tokens_table(cleaned, docs)
    tokens[tokens["is_word"]].groupby("article_id").size()

The token and sentence tables come from spaCy (the ``Doc`` of each article); sentence ids
are spaCy's sentences numbered from 1 across the whole page, so they differ from the
``sentence_id`` of ``cleaned.sentences`` (the cleaner's own, rule-based sentences).

A **word** is a token that is neither punctuation nor whitespace (so ``n't``, ``'s`` and
``%`` are words); the ``is_word`` column says which tokens are words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from spacy.tokens import Doc, Span

from newstext.cleaning.lines import words_of
from newstext.cleaning.pipeline import CleanedPage
from newstext.exploring.page_docs import ParagraphIndex

ARTICLE_COLUMNS = [
    "article_id",
    "role",
    "source",
    "headline",
    "time_ago",
    "published_estimate",
    "paragraphs",
    "chars",
]
PARAGRAPH_COLUMNS = [
    "paragraph_id",
    "article_id",
    "paragraph_no",
    "text",
    "chars",
    "words",
    "raw_start",
    "raw_end",
]
TOKEN_COLUMNS = [
    "article_id",
    "paragraph_id",
    "sentence_id",
    "i",
    "text",
    "lower",
    "lemma",
    "pos",
    "is_alpha",
    "is_stop",
    "is_punct",
    "is_space",
    "like_num",
    "is_word",
    "ent_type",
    "start_char",
    "end_char",
    "raw_start",
    "raw_end",
]
SENTENCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "paragraph_id",
    "text",
    "n_tokens",
    "n_words",
    "start_char",
    "end_char",
    "raw_start",
    "raw_end",
]
SIZE_COLUMNS = ["article_id", "paragraphs", "sentences", "tokens", "words"]
_NULLABLE_INTS = ["paragraph_id", "raw_start", "raw_end"]


# -- articles and paragraphs -----------------------------------------------------------------


def articles_table(cleaned: CleanedPage) -> pd.DataFrame:
    """One row per article: ``article_id, role, source, headline, time_ago,
    published_estimate, paragraphs, chars`` (the cleaner's table without the body text)."""
    return cleaned.articles[ARTICLE_COLUMNS].reset_index(drop=True)


def paragraphs_table(cleaned: CleanedPage) -> pd.DataFrame:
    """One row per paragraph: ``paragraph_id, article_id, paragraph_no, text, chars, words,
    raw_start, raw_end``; ``words`` counts the words as :func:`newstext.cleaning.lines.words_of`
    finds them (letters and digits, an apostrophe and the letters after it kept in the word:
    `Russia's` is one word; no spaCy needed)."""
    table = cleaned.paragraphs.copy()
    table["words"] = table["text"].map(lambda text: len(words_of(text)))
    return table[PARAGRAPH_COLUMNS].reset_index(drop=True)


# -- from spaCy: tokens and sentences ----------------------------------------------------------


def _with_nullable_ints(table: pd.DataFrame) -> pd.DataFrame:
    for column in _NULLABLE_INTS:
        table[column] = table[column].astype("Int64")
    return table


def _numbered_sentences(
    cleaned: CleanedPage, docs: list[Doc]
) -> Iterator[tuple[ParagraphIndex, int, Span]]:
    """Each sentence of every article Doc with its paragraph index and its number, counted
    from 1 across the page: the ``sentence_id`` of the tokens and sentences tables."""
    sentence_id = 0
    for doc in docs:
        paragraphs = ParagraphIndex(cleaned, doc)
        for sentence in doc.sents:
            sentence_id += 1
            yield paragraphs, sentence_id, sentence


def tokens_table(cleaned: CleanedPage, docs: list[Doc]) -> pd.DataFrame:
    """One row per spaCy token of every article ``Doc`` (from ``corpus.article_docs``).

    Columns: ``article_id``, ``paragraph_id`` (the id of ``cleaned.paragraphs``),
    ``sentence_id`` (spaCy's sentence, numbered from 1 across the page), ``i`` (the token's
    index in its article's Doc), ``text, lower, lemma, pos``, the flags ``is_alpha,
    is_stop, is_punct, is_space, like_num, is_word`` (a word: not punctuation, not space),
    ``ent_type`` ("" outside an entity), ``start_char, end_char`` (in the Doc) and
    ``raw_start, raw_end`` (in the raw page: ``cleaned.raw[raw_start:raw_end]`` is the
    token as printed, the same as ``corpus.raw_span`` gives).

    The newline that joins two paragraphs is a token too (``is_space``); it belongs to no
    paragraph and has no raw span, so those three cells are empty (``<NA>``).
    """
    rows = []
    for paragraphs, sentence_id, sentence in _numbered_sentences(cleaned, docs):
        for token in sentence:
            index = paragraphs.find(token.idx)
            raw_start, raw_end = paragraphs.raw(index, token.idx, token.idx + len(token))
            rows.append(
                {
                    "article_id": sentence.doc.user_data["article_id"],
                    "paragraph_id": paragraphs.paragraph_id(index),
                    "sentence_id": sentence_id,
                    "i": token.i,
                    "text": token.text,
                    "lower": token.lower_,
                    "lemma": token.lemma_,
                    "pos": token.pos_,
                    "is_alpha": token.is_alpha,
                    "is_stop": token.is_stop,
                    "is_punct": token.is_punct,
                    "is_space": token.is_space,
                    "like_num": token.like_num,
                    "is_word": not (token.is_punct or token.is_space),
                    "ent_type": token.ent_type_,
                    "start_char": token.idx,
                    "end_char": token.idx + len(token),
                    "raw_start": raw_start,
                    "raw_end": raw_end,
                }
            )
    return _with_nullable_ints(pd.DataFrame(rows, columns=TOKEN_COLUMNS))


def _trimmed(sentence: Span) -> Span:
    """The sentence without the whitespace tokens at its ends."""
    start, end = sentence.start, sentence.end
    doc = sentence.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def sentences_table(cleaned: CleanedPage, docs: list[Doc]) -> pd.DataFrame:
    """One row per spaCy sentence: ``article_id, sentence_id, paragraph_id, text, n_tokens,
    n_words, start_char, end_char, raw_start, raw_end``.

    ``sentence_id`` is the one of :func:`tokens_table`; ``text`` has no newline at its end;
    ``n_tokens`` counts the tokens that are not whitespace, ``n_words`` the words.
    """
    rows = []
    for paragraphs, sentence_id, sentence in _numbered_sentences(cleaned, docs):
        span = _trimmed(sentence)
        index = paragraphs.find(span.start_char)
        raw_start, raw_end = paragraphs.raw(index, span.start_char, span.end_char)
        rows.append(
            {
                "article_id": sentence.doc.user_data["article_id"],
                "sentence_id": sentence_id,
                "paragraph_id": paragraphs.paragraph_id(index),
                "text": span.text,
                "n_tokens": sum(1 for token in span if not token.is_space),
                "n_words": sum(1 for token in span if not (token.is_punct or token.is_space)),
                "start_char": span.start_char,
                "end_char": span.end_char,
                "raw_start": raw_start,
                "raw_end": raw_end,
            }
        )
    return _with_nullable_ints(pd.DataFrame(rows, columns=SENTENCE_COLUMNS))


# -- size and shape ------------------------------------------------------------------------------


def article_sizes(tokens: pd.DataFrame) -> pd.DataFrame:
    """Per article: ``article_id, paragraphs, sentences, tokens, words``.

    ``tokens`` counts the tokens that are not whitespace (the newlines joining paragraphs
    left out); ``words`` the tokens that are not punctuation either.
    """
    not_space = tokens[~tokens["is_space"]]
    sizes = not_space.groupby("article_id").agg(
        paragraphs=("paragraph_id", "nunique"),
        sentences=("sentence_id", "nunique"),
        tokens=("i", "size"),
        words=("is_word", "sum"),
    )
    return sizes.reset_index()[SIZE_COLUMNS]


def sentence_lengths(sentences: pd.DataFrame) -> pd.DataFrame:
    """The length in words of every sentence: ``article_id, sentence_id, n_words``
    (ready for a histogram, or a box plot per article)."""
    return sentences[["article_id", "sentence_id", "n_words"]].reset_index(drop=True)


def longest_sentences(sentences: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` sentences with the most words, longest first (ties: page order)."""
    longest = sentences.nlargest(n, "n_words", keep="first")
    return longest[["article_id", "sentence_id", "n_words", "text"]].reset_index(drop=True)


def shortest_sentences(sentences: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` sentences with the fewest words, shortest first (ties: page order)."""
    shortest = sentences.nsmallest(n, "n_words", keep="first")
    return shortest[["article_id", "sentence_id", "n_words", "text"]].reset_index(drop=True)
