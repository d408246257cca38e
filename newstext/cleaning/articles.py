"""One row per article: headline, source, time, publication estimate and body.

Built from the labelled lines (:func:`newstext.cleaning.lines.classify_lines`) and the clean
paragraphs; the first article of the page is the ``main`` one, the others ``related``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from newstext.cleaning.lines import metadata_reason
from newstext.cleaning.metadata import (
    byline_author,
    calendar_date_in,
    source_echo,
    split_glued_metadata,
)
from newstext.cleaning.published import published_estimate
from newstext.cleaning.quote_marks import normalise_quotes

ARTICLE_COLUMNS = [
    "article_id",
    "role",
    "headline",
    "headline_raw",
    "source",
    "byline",
    "time_ago",
    "published_estimate",
    "paragraphs",
    "chars",
    "body",
    "headline_line",
    "raw_start",
    "raw_end",
]


#: The fields of the lines table an article's row is made from.
LINE_FIELDS = ["article_id", "line_no", "text", "start", "end", "action", "reason"]


def article_metadata(lines: Iterable[dict]) -> dict[str, str | None]:
    """Source, byline, relative time and printed date from an article's metadata lines
    (rows of the lines table, each with its ``text`` and ``reason``).

    The source is taken from a source line ("First Post") first, else from a source glued
    to a time ("Mint2 days ago"), else from the bullet echo ("• First Post").
    """
    found: dict[str, str | None] = {"source": None, "byline": None, "time_ago": None, "date": None}
    echoes = []
    for line in lines:
        text, reason = line["text"], line["reason"]
        if reason == "override":  # a student's "metadata": read the line like the cleaner
            reason = metadata_reason(text) or "source_byline"
        if reason == "source_byline" and found["source"] is None:
            found["source"] = text.strip()
        elif reason in ("source_time", "relative_time"):
            source, time_ago = split_glued_metadata(text)
            found["time_ago"] = found["time_ago"] or time_ago
            if source and found["source"] is None:
                found["source"] = source
        elif reason == "source_echo":
            echoes.append(source_echo(text))
        elif reason == "byline":
            author = byline_author(text) or text.strip().removeprefix("By ").strip()
            found["byline"] = found["byline"] or author
            found["time_ago"] = found["time_ago"] or split_glued_metadata(text).time_ago
        elif reason == "date_line":
            found["date"] = found["date"] or calendar_date_in(text)
    if found["source"] is None and echoes:
        found["source"] = echoes[0]
    return found


def build_articles(
    lines: pd.DataFrame, paragraphs: pd.DataFrame, reference: date | None = None
) -> pd.DataFrame:
    """The articles table (columns in ``ARTICLE_COLUMNS``); at least one ``main`` row.

    ``published_estimate`` is a date printed in the article's metadata, else its relative
    time counted back from ``reference``, else empty (no reference date: see ``published``).
    """
    # Each article's lines and paragraph texts, in page order, as plain rows: a page has
    # only a few articles, and a pandas filter per article and field would cost more than
    # the work itself (this runs once per page in `annotate`).
    lines_of: dict[int, list[dict]] = {}
    for line in lines[LINE_FIELDS].to_dict("records"):
        if not pd.isna(line["article_id"]):  # a line of no article
            lines_of.setdefault(int(line["article_id"]), []).append(line)
    texts_of: dict[int, list[str]] = {}
    for article_id, text in zip(paragraphs["article_id"], paragraphs["text"], strict=True):
        texts_of.setdefault(int(article_id), []).append(text)
    rows = [
        _article_row(lines_of[article_id], texts_of.get(article_id, []), article_id, reference)
        for article_id in sorted(lines_of)
    ]
    if not rows:
        rows = [_empty_main_article()]
    table = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    table["headline_line"] = table["headline_line"].astype("Int64")
    return table


def _article_row(
    own_lines: list[dict], paragraph_texts: list[str], article_id: int, reference: date | None
) -> dict:
    """The articles-table row of one article, from its own lines and paragraph texts."""
    headline_lines = [line for line in own_lines if line["action"] == "headline"]
    metadata = article_metadata(line for line in own_lines if line["action"] == "metadata")
    body = "\n\n".join(paragraph_texts)
    headline_raw = headline_lines[0]["text"].strip() if headline_lines else None
    return {
        "article_id": article_id,
        "role": "main" if article_id == 1 else "related",
        "headline": normalise_quotes(headline_raw) if headline_raw else None,
        "headline_raw": headline_raw,
        "source": metadata["source"],
        "byline": metadata["byline"],
        "time_ago": metadata["time_ago"],
        "published_estimate": published_estimate(metadata["time_ago"], metadata["date"], reference),
        "paragraphs": len(paragraph_texts),
        "chars": len(body),
        "body": body,
        "headline_line": int(headline_lines[0]["line_no"]) if headline_lines else None,
        "raw_start": int(min(line["start"] for line in own_lines)),
        "raw_end": int(max(line["end"] for line in own_lines)),
    }


def _empty_main_article() -> dict:
    row: dict = {column: None for column in ARTICLE_COLUMNS}
    row.update({"article_id": 1, "role": "main", "paragraphs": 0, "chars": 0, "body": ""})
    return row
