"""The course page cleaned and parsed: where notebooks 02, 03 and 04 start.

Any notebook can be the first a class opens, so each one calls :func:`cleaned_page`, which
cleans the raw page (a few hundredths of a second) and writes notebook 01's CSV files to
``data/processed/`` when they are missing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newstext.alignment import span_to_raw
from newstext.clean import CleanedPage, clean_page, write_outputs
from newstext.paths import RAW_PAGE, processed_dir
from newstext.quotes import PARAGRAPHS_KEY, doc_from_paragraphs
from newstext.reading import read_page

#: The file whose presence tells that notebook 01's output exists.
ARTICLES_FILE = "articles.csv"


def cleaned_page(out_dir: Path | None = None) -> CleanedPage:
    """Clean the course page; write its CSV files to ``out_dir`` (default
    ``data/processed/``) when they are not there yet."""
    cleaned = clean_page(read_page(RAW_PAGE))
    out_dir = out_dir or processed_dir()
    if not (out_dir / ARTICLES_FILE).exists():
        write_outputs(cleaned, out_dir)
    return cleaned


def article_docs(cleaned: CleanedPage, nlp: Language) -> list[Doc]:
    """One spaCy ``Doc`` per article, in article order.

    Each paragraph is parsed on its own and the paragraphs are joined by a newline
    (see :func:`newstext.quotes.doc_from_paragraphs`). ``doc.user_data`` holds the
    ``article_id`` and ``role``; ``doc.spans["paragraphs"]`` has one span per paragraph,
    in the order of the paragraphs table.
    """
    docs = []
    for article in cleaned.articles.itertuples(index=False):
        rows = paragraphs_of(cleaned, article.article_id)
        doc = doc_from_paragraphs(nlp, list(rows["text"]))
        doc.user_data["article_id"] = int(article.article_id)
        doc.user_data["role"] = article.role
        docs.append(doc)
    return docs


def paragraphs_of(cleaned: CleanedPage, article_id: int) -> pd.DataFrame:
    """The paragraph rows of one article, in order."""
    rows = cleaned.paragraphs[cleaned.paragraphs["article_id"] == article_id]
    return rows.sort_values("paragraph_no")


def raw_span(cleaned: CleanedPage, doc: Doc, span: Span | Token) -> tuple[int, int]:
    """Where a token or span of an article ``Doc`` lies in the raw page: ``(start, end)``.

    ``cleaned.raw[start:end]`` shows the text as the page printed it (quote marks as they
    were, any removed ad marker back in place).
    """
    start = span.idx if isinstance(span, Token) else span.start_char
    end = start + len(span.text)
    rows = paragraphs_of(cleaned, doc.user_data["article_id"])
    for paragraph, row in zip(doc.spans[PARAGRAPHS_KEY], rows.to_dict("records"), strict=True):
        if paragraph.start_char <= start < paragraph.end_char:
            offset = paragraph.start_char
            return span_to_raw(row, start - offset, end - offset)
    raise ValueError(f"{span.text!r} at {start} is not inside a paragraph of the doc")
