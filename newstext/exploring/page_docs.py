"""A page cleaned and parsed: where notebooks 02 to 05 start.

Any notebook can be the first a class opens, so each one calls :func:`cleaned_page` (or
:func:`page_docs`, which also parses), which cleans the raw page (a few hundredths of a
second) and writes notebook 01's CSV files to the page's folder,
``data/processed/<page name>/``, when they are missing. Every function takes the page to
work on, the course page (``RAW_PAGE``) by default::

    cleaned, docs = page_docs("data/raw/own/my_page.txt")
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newstext.cleaning.alignment import span_to_raw
from newstext.cleaning.overrides import outputs_outdated, overrides_stamp
from newstext.cleaning.pipeline import CleanedPage, clean_file, output_dir, write_outputs
from newstext.core.doc_cache import (
    PARAGRAPHS_KEY,
    doc_from_paragraphs,
    join_paragraph_docs,
    paragraph_texts,
    parsed_before,
)
from newstext.core.model import load_english
from newstext.core.paths import RAW_PAGE

#: The file whose presence tells that notebook 01's output exists.
ARTICLES_FILE = "articles.csv"

#: A page file, or a page already cleaned: what the functions below take.
Page = str | Path | CleanedPage


def cleaned_page(page: str | Path = RAW_PAGE, out_dir: str | Path | None = None) -> CleanedPage:
    """Clean ``page`` (the course page by default); write its CSV files to ``out_dir``
    (default ``data/processed/<page name>/``) when they are not there yet, or when the
    page's override file changed since they were written."""
    cleaned = clean_file(page)
    out_dir = Path(out_dir) if out_dir is not None else output_dir(cleaned)
    if outputs_outdated(page, out_dir, ARTICLES_FILE):
        write_outputs(cleaned, out_dir)
    return cleaned


def as_cleaned(page: Page = RAW_PAGE) -> CleanedPage:
    """``page`` itself when it is cleaned already, else :func:`cleaned_page` of the file."""
    return page if isinstance(page, CleanedPage) else cleaned_page(page)


def article_docs(cleaned: CleanedPage, nlp: Language) -> list[Doc]:
    """One spaCy ``Doc`` per article, in article order.

    Each paragraph is parsed on its own and the paragraphs are joined by a newline
    (see :func:`newstext.core.doc_cache.doc_from_paragraphs`). ``doc.user_data`` holds the
    ``article_id`` and ``role``; ``doc.spans["paragraphs"]`` has one span per paragraph,
    in the order of the paragraphs table. A paragraph parsed before in this process is not
    parsed again (:func:`newstext.core.doc_cache.parse`).
    """
    docs = []
    for article in cleaned.articles.itertuples(index=False):
        doc = doc_from_paragraphs(nlp, list(paragraphs_of(cleaned, article.article_id)["text"]))
        docs.append(_with_article(doc, int(article.article_id), article.role))
    return docs


def _with_article(doc: Doc, article_id: int, role: str) -> Doc:
    """``doc`` with its article's id and role in ``doc.user_data``."""
    doc.user_data["article_id"] = article_id
    doc.user_data["role"] = role
    return doc


def parse_pages(
    pages: list[CleanedPage], nlp: Language, batch_size: int = 256, n_process: int = 1
) -> list[list[Doc]]:
    """The article ``Doc`` s of many cleaned pages, parsed in one ``nlp.pipe`` stream.

    One stream keeps spaCy's batches full across pages; ``n_process`` > 1 parses in
    several processes (worth it for hundreds of pages, not for one). In one process, a
    paragraph this process parsed before (:func:`page_docs` in a notebook) is not parsed
    again (:func:`newstext.core.doc_cache.parsed_before`).
    """
    items = []
    articles = []
    for page_no, cleaned in enumerate(pages):
        for article in cleaned.articles.itertuples(index=False):
            texts = list(paragraphs_of(cleaned, article.article_id)["text"])
            key = (page_no, int(article.article_id), article.role, texts)
            articles.append(key)
            for text in paragraph_texts(texts):
                items.append((text, len(articles) - 1))
    found: list[Doc | None] = [None] * len(items)
    if n_process <= 1:
        found = parsed_before(nlp, [text for text, _ in items])
    new = [item for item, doc in zip(items, found, strict=True) if doc is None]
    stream = iter(nlp.pipe(new, as_tuples=True, batch_size=batch_size, n_process=n_process))
    parsed: list[list[Doc]] = [[] for _ in articles]
    for (_, article_no), doc in zip(items, found, strict=True):
        parsed[article_no].append(doc if doc is not None else next(stream)[0])
    docs: list[list[Doc]] = [[] for _ in pages]
    for (page_no, article_id, role, texts), paragraph_docs in zip(articles, parsed, strict=True):
        doc = join_paragraph_docs(paragraph_docs, texts) if texts else nlp.make_doc("")
        docs[page_no].append(_with_article(doc, article_id, role))
    return docs


#: The pages parsed in this process: {(file, size, time, override stamp, articles): (cleaned,
#: docs)}.
_PAGE_DOCS: dict[tuple, tuple[CleanedPage, list[Doc]]] = {}


def only_articles(cleaned: CleanedPage, article_ids: Iterable[int]) -> CleanedPage:
    """``cleaned`` with the rows of the articles ``article_ids`` only, in every table that
    has an ``article_id`` column; the raw page, its offsets and the log stay whole."""
    ids = set(article_ids)
    kept = {
        name: table[table["article_id"].isin(ids)].reset_index(drop=True)
        for name, table in cleaned.tables().items()
        if name != "log" and "article_id" in table.columns
    }
    return replace(cleaned, **kept)


def page_docs(
    page: str | Path = RAW_PAGE, articles: Sequence[int] | None = None
) -> tuple[CleanedPage, list[Doc]]:
    """``page`` cleaned (:func:`cleaned_page`) and parsed (:func:`article_docs`) with the
    shared pipeline, once per process: a notebook and its exercise checks use the same parse
    instead of parsing the page twice. A page file or override file changed since is
    cleaned and parsed again.

    ``articles``: the ids of the articles to keep (:func:`only_articles`) and parse, when a
    notebook needs only some of them (the course page's main article: ``[1]``).
    """
    path = Path(page).resolve()
    stat = path.stat() if path.is_file() else None
    wanted = tuple(articles) if articles is not None else None
    key = (path, stat.st_size, stat.st_mtime_ns, overrides_stamp(path), wanted) if stat else None
    if key is not None and key in _PAGE_DOCS:
        return _PAGE_DOCS[key]
    cleaned = cleaned_page(page)
    if wanted is not None:
        cleaned = only_articles(cleaned, wanted)
    found = cleaned, article_docs(cleaned, load_english())
    if key is not None:
        _PAGE_DOCS[key] = found
    return found


def course_docs(articles: Sequence[int] | None = None) -> tuple[CleanedPage, list[Doc]]:
    """The course page cleaned and parsed, once per process (:func:`page_docs`); only the
    articles ``articles`` when given."""
    return page_docs(RAW_PAGE, articles)


def paragraphs_of(cleaned: CleanedPage, article_id: int) -> pd.DataFrame:
    """The paragraph rows of one article, in order."""
    rows = cleaned.paragraphs[cleaned.paragraphs["article_id"] == article_id]
    return rows.sort_values("paragraph_no")


class ParagraphIndex:
    """The paragraphs of one article ``Doc``: which paragraph holds a character, and where
    a span of that paragraph lies in the raw page (the alignment read once per paragraph)."""

    def __init__(self, cleaned: CleanedPage, doc: Doc) -> None:
        rows = paragraphs_of(cleaned, doc.user_data["article_id"]).to_dict("records")
        spans = doc.spans[PARAGRAPHS_KEY]
        if len(rows) != len(spans):
            raise ValueError("the Doc's paragraphs do not match the paragraphs table")
        self.spans = [(span.start_char, span.end_char) for span in spans]
        self.rows = []
        for row in rows:
            row = dict(row)
            if isinstance(row["segments"], str):
                row["segments"] = json.loads(row["segments"])
            self.rows.append(row)

    def find(self, char: int) -> int | None:
        """Index of the paragraph holding character ``char`` of the Doc, or None (a newline
        between two paragraphs belongs to none)."""
        for index, (start, end) in enumerate(self.spans):
            if start <= char < end:
                return index
        return None

    def paragraph_id(self, index: int | None) -> int | None:
        """The ``paragraph_id`` of paragraph ``index`` (None for None)."""
        return None if index is None else int(self.rows[index]["paragraph_id"])

    def raw(self, index: int | None, start: int, end: int) -> tuple[int | None, int | None]:
        """The raw span of Doc characters ``[start, end)`` inside paragraph ``index``."""
        if index is None:
            return None, None
        offset = self.spans[index][0]
        return span_to_raw(self.rows[index], start - offset, end - offset)


def raw_span(cleaned: CleanedPage, doc: Doc, span: Span | Token) -> tuple[int, int]:
    """Where a token or span of an article ``Doc`` lies in the raw page: ``(start, end)``.

    ``cleaned.raw[start:end]`` shows the text as the page printed it (quote marks as they
    were, any removed ad marker back in place). For many spans of one doc, build one
    :class:`ParagraphIndex` and call its ``find`` and ``raw``.
    """
    start = span.idx if isinstance(span, Token) else span.start_char
    end = start + len(span.text)
    index = ParagraphIndex(cleaned, doc)
    paragraph = index.find(start)
    if paragraph is None:
        raise ValueError(f"{span.text!r} at {start} is not inside a paragraph of the doc")
    return index.raw(paragraph, start, end)
