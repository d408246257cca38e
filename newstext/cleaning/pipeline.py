"""The whole cleaning of a page in one call, and the CSV files it writes.

Example::

    from newstext.cleaning.pipeline import clean_file, write_outputs

    cleaned = clean_file("data/raw/own/my_page.txt")   # default: the course page
    cleaned.articles[["role", "headline", "source", "time_ago"]]
    write_outputs(cleaned)   # into data/processed/my_page/

``clean_page`` does the same on a page's text (``read_page``'s result).

Each step is its own function in its own module, so a notebook can run them one by one:
``lines.classify_lines`` -> ``paragraphs.clean_body_line`` (``inline``, ``quotes_marks``,
``sentences``) -> ``articles.build_articles`` (``metadata``, ``published``); the glitch
flags (``glitches.find_glitches``) need the spaCy model and run only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import pandas as pd

from newstext.cleaning.alignment import AlignedText, segments_to_json, span_to_raw
from newstext.cleaning.articles import build_articles
from newstext.cleaning.lines import classify_lines
from newstext.cleaning.paragraphs import clean_body_line
from newstext.cleaning.published import REFERENCE_DATE
from newstext.cleaning.quote_marks import find_quote_marks
from newstext.cleaning.sentences import split_sentences
from newstext.core.errors import NewstextError
from newstext.core.paths import RAW_PAGE, page_dir
from newstext.core.reading import read_page

PARAGRAPH_COLUMNS = [
    "paragraph_id",
    "article_id",
    "paragraph_no",
    "line_no",
    "text",
    "chars",
    "sentences",
    "raw_start",
    "raw_end",
    "edited",
    "segments",
]
SENTENCE_COLUMNS = [
    "sentence_id",
    "article_id",
    "paragraph_id",
    "sentence_no",
    "text",
    "start",
    "end",
    "raw_start",
    "raw_end",
]
REMOVAL_COLUMNS = ["article_id", "line_no", "raw_start", "raw_end", "reason", "text"]
REPAIR_COLUMNS = ["article_id", "paragraph_id", "line_no", "raw_offset", "inserted", "context"]
QUOTE_MARK_COLUMNS = [
    "article_id",
    "paragraph_id",
    "offset",
    "raw_offset",
    "raw_char",
    "char",
    "role",
    "paired",
    "context",
]


@dataclass
class CleanedPage:
    """Everything the cleaning produced, one pandas table per kind of result.

    ``raw`` is the page text the offsets point into; the other fields are tables
    (columns in the module constants and in :func:`clean_page`'s docstring). ``path`` is
    the page file when the page was cleaned from one (:func:`clean_file`): it names the
    folder of the page's generated files (:func:`newstext.core.paths.page_dir`).
    """

    raw: str
    lines: pd.DataFrame
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removals: pd.DataFrame
    repairs: pd.DataFrame
    quotes: pd.DataFrame
    quote_flags: pd.DataFrame
    glitches: pd.DataFrame
    reference_date: date
    path: Path | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (every field but ``raw`` and ``reference_date``)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if isinstance(getattr(self, f.name), pd.DataFrame)
        }


def clean_page(
    text: str, reference_date: date = REFERENCE_DATE, glitches: bool = False
) -> CleanedPage:
    """Clean a page's text (as returned by ``read_page``).

    Tables: ``lines`` (see ``lines.classify_lines``), ``articles`` (see
    ``articles.ARTICLE_COLUMNS``), ``paragraphs`` (``raw_start``/``raw_end`` in the raw
    text; ``edited`` is True when characters were removed or inserted; ``segments`` is the
    alignment read by ``alignment.to_raw``), ``sentences``, ``removals`` (ad markers,
    captions, teasers, with raw spans), ``repairs`` (spaces inserted), ``quotes`` (every
    quote mark and apostrophe), ``quote_flags`` (the unpaired quote marks) and
    ``glitches`` (sentences where the scraper lost text; computed with the spaCy model
    only when ``glitches`` is True, else an empty table).
    """
    lines = classify_lines(text)
    collected = _clean_bodies(text, lines)
    paragraphs = pd.DataFrame(collected["paragraphs"], columns=PARAGRAPH_COLUMNS)
    sentences = _sentences_table(paragraphs)
    quotes = pd.DataFrame(collected["quotes"], columns=QUOTE_MARK_COLUMNS)
    flagged = quotes[(quotes["role"] != "apostrophe") & ~quotes["paired"].astype(bool)]
    cleaned = CleanedPage(
        raw=text,
        lines=lines,
        articles=build_articles(lines, paragraphs, reference_date),
        paragraphs=paragraphs,
        sentences=sentences,
        removals=pd.DataFrame(collected["removals"], columns=REMOVAL_COLUMNS),
        repairs=pd.DataFrame(collected["repairs"], columns=REPAIR_COLUMNS),
        quotes=quotes,
        quote_flags=flagged.reset_index(drop=True),
        glitches=_empty_glitches(),
        reference_date=reference_date,
    )
    if glitches:
        from newstext.cleaning.glitches import find_glitches
        from newstext.core.model import load_english

        cleaned.glitches = find_glitches(cleaned.sentences, load_english())
    return cleaned


def clean_file(
    page: str | Path = RAW_PAGE,
    encoding: str = "utf-8",
    reference_date: date = REFERENCE_DATE,
    glitches: bool = False,
) -> CleanedPage:
    """Read a page file (``read_page``: one-line errors for a bad file) and clean it
    (:func:`clean_page`); the result remembers the file in ``path``."""
    cleaned = clean_page(read_page(page, encoding=encoding), reference_date, glitches)
    cleaned.path = Path(page)
    return cleaned


def output_dir(page: str | Path | CleanedPage = RAW_PAGE) -> Path:
    """Where a page's generated files go: ``data/processed/<page name>/``.

    ``page`` is a page file or a page cleaned from one (:func:`clean_file`); a page cleaned
    from a bare text has no name, so give its folder yourself.
    """
    if isinstance(page, CleanedPage):
        if page.path is None:
            raise NewstextError(
                "this page was cleaned from a text, not a file, so it has no name: give the "
                "folder for its files (e.g. page_dir(RAW_PAGE))."
            )
        page = page.path
    return page_dir(page)


def _empty_glitches() -> pd.DataFrame:
    from newstext.cleaning.glitches import GLITCH_COLUMNS

    return pd.DataFrame(columns=GLITCH_COLUMNS)


def _clean_bodies(raw: str, lines: pd.DataFrame) -> dict[str, list[dict]]:
    collected: dict[str, list[dict]] = {
        "paragraphs": [],
        "removals": [],
        "repairs": [],
        "quotes": [],
    }
    body = lines[lines["action"] == "keep"]
    paragraph_numbers: dict[int, int] = {}
    for row in body.itertuples(index=False):
        article_id = int(row.article_id)
        result = clean_body_line(raw, row.start, row.end)
        for removal in result.removals:
            collected["removals"].append(
                {
                    "article_id": article_id,
                    "line_no": row.line_no,
                    "raw_start": removal.start,
                    "raw_end": removal.end,
                    "reason": removal.reason,
                    "text": removal.text,
                }
            )
        for paragraph in result.paragraphs:
            paragraph_id = len(collected["paragraphs"]) + 1
            paragraph_numbers[article_id] = paragraph_numbers.get(article_id, 0) + 1
            collected["paragraphs"].append(
                _paragraph_row(paragraph, paragraph_id, article_id, paragraph_numbers, row.line_no)
            )
            collected["quotes"].extend(_quote_rows(raw, paragraph, paragraph_id, article_id))
            for raw_offset in result.inserted_at:
                if paragraph.raw_start <= raw_offset < paragraph.raw_end:
                    collected["repairs"].append(
                        {
                            "article_id": article_id,
                            "paragraph_id": paragraph_id,
                            "line_no": row.line_no,
                            "raw_offset": raw_offset,
                            "inserted": " ",
                            "context": raw[max(0, raw_offset - 15) : raw_offset + 15],
                        }
                    )
    return collected


def _paragraph_row(
    paragraph: AlignedText,
    paragraph_id: int,
    article_id: int,
    numbers: dict[int, int],
    line_no: int,
) -> dict:
    return {
        "paragraph_id": paragraph_id,
        "article_id": article_id,
        "paragraph_no": numbers[article_id],
        "line_no": line_no,
        "text": paragraph.text,
        "chars": len(paragraph.text),
        "sentences": len(split_sentences(paragraph.text)),
        "raw_start": paragraph.raw_start,
        "raw_end": paragraph.raw_end,
        "edited": paragraph.edited(),
        "segments": segments_to_json(paragraph.segments()),
    }


def _quote_rows(raw: str, paragraph: AlignedText, paragraph_id: int, article_id: int) -> list[dict]:
    rows = []
    for mark in find_quote_marks(paragraph.text):
        raw_offset = paragraph.offsets[mark.offset]
        rows.append(
            {
                "article_id": article_id,
                "paragraph_id": paragraph_id,
                "offset": mark.offset,
                "raw_offset": raw_offset,
                "raw_char": raw[raw_offset],
                "char": mark.char,
                "role": mark.role,
                "paired": mark.paired,
                "context": paragraph.text[max(0, mark.offset - 20) : mark.offset + 20],
            }
        )
    return rows


def _sentences_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for paragraph in paragraphs.to_dict("records"):
        for number, (start, end) in enumerate(split_sentences(paragraph["text"]), start=1):
            raw_start, raw_end = span_to_raw(paragraph, start, end)
            rows.append(
                {
                    "sentence_id": len(rows) + 1,
                    "article_id": paragraph["article_id"],
                    "paragraph_id": paragraph["paragraph_id"],
                    "sentence_no": number,
                    "text": paragraph["text"][start:end],
                    "start": start,
                    "end": end,
                    "raw_start": raw_start,
                    "raw_end": raw_end,
                }
            )
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


#: The files :func:`write_outputs` writes, by table.
OUTPUT_FILES = {
    "lines": "lines.csv",
    "articles": "articles.csv",
    "paragraphs": "paragraphs.csv",
    "sentences": "sentences.csv",
    "removals": "removals.csv",
    "repairs": "repairs.csv",
    "quotes": "quote_marks.csv",  # every mark; quotations with speakers are in `annotate`
    "quote_flags": "quote_flags.csv",
    "glitches": "glitches.csv",
}


def write_outputs(cleaned: CleanedPage, out_dir: str | Path | None = None) -> list[Path]:
    """Write every table of ``cleaned`` as CSV (UTF-8) into ``out_dir``; return the paths.

    ``out_dir`` defaults to the page's own folder, ``data/processed/<page name>/`` (see
    :func:`output_dir`). ``glitches.csv`` is written only when glitches were computed.
    """
    out_dir = Path(out_dir) if out_dir is not None else output_dir(cleaned)
    if out_dir.exists() and not out_dir.is_dir():
        raise NewstextError(f"{out_dir} is a file, not a folder: give a folder for the CSV files.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise NewstextError(f"cannot create the folder {out_dir} ({err.strerror}).") from None
    written = []
    tables = cleaned.tables()
    for name, file_name in OUTPUT_FILES.items():
        table = tables[name]
        if name == "glitches" and table.empty:
            continue
        path = out_dir / file_name
        table.to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    return written
