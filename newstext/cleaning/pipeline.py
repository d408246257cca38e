"""The whole cleaning of a page in one call, and the CSV files it writes.

Example::

    from newstext.cleaning.pipeline import clean_file, write_outputs

    cleaned = clean_file("data/raw/own/my_page.txt")   # default: the course page
    cleaned.articles[["role", "headline", "source", "time_ago"]]
    cleaned.log                                         # the cleaning log: why, line by line
    write_outputs(cleaned)   # into data/processed/my_page/

``clean_file`` also reads a saved web page (``.html``, ``.htm``, ``.html.gz``): trafilatura
extracts its main text and metadata (``html_pages``), and the cleaning runs on that text,
which ``write_outputs`` saves as ``extracted.txt``. It applies the page's override file
when there is one (``overrides``). ``clean_page`` cleans a page's text (``read_page``'s
result).

Dates: a relative time ("2 days ago") is resolved only against a reference date that the
caller gives or that the page supports (a date it prints in a date line); the course
page's functions pass its documented date (``published.course_reference_date``). Otherwise
the article's date stays empty, and the cleaning log says why.

Each step is its own function in its own module, so a notebook can run them one by one:
``lines.classify_lines`` -> ``paragraphs.clean_body_line`` (``inline``, ``quotes_marks``,
``sentences``) -> ``articles.build_articles`` (``metadata``, ``published``); the glitch
flags (``glitches.find_glitches``) need the spaCy model and run only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

import pandas as pd

from newstext.cleaning.alignment import AlignedText, segments_to_json, span_to_raw
from newstext.cleaning.articles import build_articles
from newstext.cleaning.html_pages import ExtractedPage, extract_html
from newstext.cleaning.lines import classify_extracted_lines, classify_lines, is_prose
from newstext.cleaning.metadata import calendar_date_in
from newstext.cleaning.overrides import apply_overrides, overrides_path, read_overrides
from newstext.cleaning.paragraphs import clean_body_line
from newstext.cleaning.published import (
    course_reference_date,
    page_reference_date,
    published_estimate,
)
from newstext.cleaning.quote_marks import find_quote_marks
from newstext.cleaning.sentences import split_sentences
from newstext.core.errors import NewstextError
from newstext.core.paths import RAW_PAGE, ensure_folder, page_dir
from newstext.core.reading import is_html_file, read_html, read_page

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
#: The cleaning log: page decisions (``step`` input, main_run, headline, date, override)
#: and one ``line`` row per line of the page, each with why.
LOG_COLUMNS = ["step", "line_no", "action", "reason", "why"]
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

    ``raw`` is the page text the offsets point into (for a web page, the text extracted
    from it); the other fields are tables (columns in the module constants and in
    :func:`clean_page`'s docstring). ``log`` is the cleaning log (``LOG_COLUMNS``).
    ``reference_date`` is the date relative times were counted back from (None: not
    resolved). ``path`` is the page file when the page was cleaned from one
    (:func:`clean_file`): it names the folder of the page's generated files
    (:func:`newstext.core.paths.page_dir`). ``source`` is ``"text"`` or ``"html"``.
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
    reference_date: date | None
    log: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LOG_COLUMNS))
    path: Path | None = None
    source: str = "text"

    def page_log(self) -> pd.DataFrame:
        """The cleaning log's page decisions (input, main run, headline, dates, overrides),
        without the one row per line."""
        return self.log[self.log["step"] != "line"].reset_index(drop=True)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (every field but ``raw`` and ``reference_date``)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if isinstance(getattr(self, f.name), pd.DataFrame)
        }


def clean_page(
    text: str,
    reference_date: date | None = None,
    glitches: bool = False,
    *,
    overrides: dict[int, str] | None = None,
    overrides_source: str = "the override file",
    extracted: ExtractedPage | None = None,
    reference_note: str = "given by the caller",
) -> CleanedPage:
    """Clean a page's text (as returned by ``read_page``).

    Tables: ``lines`` (see ``lines.classify_lines``; ``why`` for every line), ``articles``
    (see ``articles.ARTICLE_COLUMNS``), ``paragraphs`` (``raw_start``/``raw_end`` in the raw
    text; ``edited`` is True when characters were removed or inserted; ``segments`` is the
    alignment read by ``alignment.to_raw``), ``sentences``, ``removals`` (ad markers,
    captions, teasers, with raw spans), ``repairs`` (spaces inserted), ``quotes`` (every
    quote mark and apostrophe), ``quote_flags`` (the unpaired quote marks), ``glitches``
    (sentences where the scraper lost text; computed with the spaCy model only when
    ``glitches`` is True, else an empty table) and ``log``, the cleaning log.

    ``reference_date``: the day the page was saved, to resolve relative times; without it
    the page's own latest printed date is used, else relative times stay unresolved.
    ``overrides``: ``{line_no: action}`` decisions that replace the cleaner's (see
    ``overrides``). ``extracted``: the extraction ``text`` came from, for a web page.
    """
    log: list[dict] = [_input_row(text, extracted)]
    if extracted is None:
        lines = classify_lines(text)
        log += _main_run_rows(lines)
    else:
        lines = classify_extracted_lines(text, extracted.header, extracted.body_start)
    lines["original"] = ""
    if overrides:
        lines, override_rows = apply_overrides(lines, overrides, overrides_source)
        log += override_rows
    collected = _clean_bodies(text, lines)
    paragraphs = pd.DataFrame(collected["paragraphs"], columns=PARAGRAPH_COLUMNS)
    sentences = pd.DataFrame(collected["sentences"], columns=SENTENCE_COLUMNS)
    quotes = pd.DataFrame(collected["quotes"], columns=QUOTE_MARK_COLUMNS)
    flagged = quotes[(quotes["role"] != "apostrophe") & ~quotes["paired"].astype(bool)]
    reference, note = _reference(lines, reference_date, reference_note)
    articles = build_articles(lines, paragraphs, reference)
    log += _date_rows(articles, reference, note, "its metadata" if extracted else "the page")
    log += _line_rows(lines)
    cleaned = CleanedPage(
        raw=text,
        lines=lines,
        articles=articles,
        paragraphs=paragraphs,
        sentences=sentences,
        removals=pd.DataFrame(collected["removals"], columns=REMOVAL_COLUMNS),
        repairs=pd.DataFrame(collected["repairs"], columns=REPAIR_COLUMNS),
        quotes=quotes,
        quote_flags=flagged.reset_index(drop=True),
        glitches=_empty_glitches(),
        reference_date=reference,
        log=pd.DataFrame(log, columns=LOG_COLUMNS).astype({"line_no": "Int64"}),
        source="text" if extracted is None else "html",
    )
    if glitches:
        from newstext.cleaning.glitches import find_glitches
        from newstext.core.model import load_english

        cleaned.glitches = find_glitches(cleaned.sentences, load_english())
    return cleaned


def clean_file(
    page: str | Path = RAW_PAGE,
    encoding: str = "utf-8",
    reference_date: date | None = None,
    glitches: bool = False,
) -> CleanedPage:
    """Read a page file and clean it (:func:`clean_page`); the result remembers the file
    in ``path``.

    A ``.txt`` page is read with ``read_page``; a saved web page (``.html``, ``.htm``,
    ``.html.gz``) with ``read_html``, and trafilatura extracts its text (``html_pages``).
    Bad files give one-line errors. Without ``reference_date``, the course page gets its
    documented reference date (``published.course_reference_date``) and any other page
    none. The page's override file, when it exists, is applied (``overrides``).
    """
    note = "given by the caller"
    if reference_date is None and course_reference_date(page) is not None:
        reference_date = course_reference_date(page)
        note = "the course page's documented reference date (published.REFERENCE_DATE_EVIDENCE)"
    extracted = None
    if is_html_file(page):
        html_encoding = (
            None if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        )
        extracted = extract_html(read_html(page, encoding=html_encoding), str(page))
        text = extracted.text
    else:
        text = read_page(page, encoding=encoding)
    cleaned = clean_page(
        text,
        reference_date,
        glitches,
        overrides=read_overrides(page),
        overrides_source=str(overrides_path(page)),
        extracted=extracted,
        reference_note=note,
    )
    cleaned.path = Path(page)
    return cleaned


def _input_row(text: str, extracted: ExtractedPage | None) -> dict:
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if extracted is None:
        why = f"a plain-text page of {lines} lines: line decisions from general evidence"
    else:
        why = extracted.describe()
    return {"step": "input", "line_no": None, "action": "", "reason": "", "why": why}


def _main_run_rows(lines: pd.DataFrame) -> list[dict]:
    main = lines[lines["article_id"] == 1]
    body = main[main["action"] == "keep"]
    if body.empty:
        why = "no run of prose on the page: no main article"
        return [{"step": "main_run", "line_no": None, "action": "", "reason": "", "why": why}]
    words = int(body["words"].sum())
    why = (
        f"the main article is the largest run of prose: lines {int(body['line_no'].min())} to "
        f"{int(body['line_no'].max())}, {len(body)} body lines, {words} words"
    )
    rows = [{"step": "main_run", "line_no": None, "action": "keep", "reason": "", "why": why}]
    headline = main[main["action"] == "headline"]
    if headline.empty:
        why = "no title-like line before the main run: the main article has no headline"
        rows.append({"step": "headline", "line_no": None, "action": "", "reason": "", "why": why})
    else:
        row = headline.iloc[0]
        rows.append(
            {
                "step": "headline",
                "line_no": int(row["line_no"]),
                "action": "headline",
                "reason": "headline",
                "why": row["why"],
            }
        )
    return rows


def _reference(
    lines: pd.DataFrame, reference_date: date | None, note: str
) -> tuple[date | None, str]:
    """The reference date for relative times, and where it comes from."""
    if reference_date is not None:
        return reference_date, note
    dates = [
        calendar_date_in(text)
        for text, action in zip(lines["text"], lines["action"], strict=True)
        if action != "keep" and not is_prose(text)
    ]
    supported = page_reference_date([d for d in dates if d])
    if supported is not None:
        return supported, "the latest date the page prints outside its prose"
    return None, ""


def _date_rows(
    articles: pd.DataFrame, reference: date | None, note: str, where: str = "the page"
) -> list[dict]:
    rows = []
    for article in articles.itertuples(index=False):
        what = f"article {article.article_id} ({article.role})"
        time_ago = article.time_ago if isinstance(article.time_ago, str) else None
        estimate = article.published_estimate
        counted = published_estimate(time_ago, None, reference)
        if isinstance(estimate, str) and estimate != counted:
            why = f"{what}: date {estimate}, printed on {where}"
        elif isinstance(estimate, str):
            why = (
                f"{what}: date {estimate}, '{time_ago}' counted back from the reference "
                f"date {reference.isoformat()} ({note})"
            )
        elif time_ago:
            why = (
                f"{what}: no date: '{time_ago}' needs the day the page was saved; give it "
                "(clean_file(..., reference_date=...), --reference-date YYYY-MM-DD), the page "
                "prints no date to count back from"
            )
        else:
            why = f"{what}: no date: the page prints neither a date nor a relative time for it"
        rows.append({"step": "date", "line_no": None, "action": "", "reason": "", "why": why})
    return rows


def _line_rows(lines: pd.DataFrame) -> list[dict]:
    return [
        {"step": "line", "line_no": int(number), "action": action, "reason": reason, "why": why}
        for number, action, reason, why in zip(
            lines["line_no"], lines["action"], lines["reason"], lines["why"], strict=True
        )
    ]


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
    """The rows of the paragraphs, sentences, removals, repairs and quote marks tables, from
    the body lines the cleaner keeps."""
    collected: dict[str, list[dict]] = {
        "paragraphs": [],
        "sentences": [],
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
            spans = split_sentences(paragraph.text)  # once: for the count and the table
            paragraph_row = _paragraph_row(
                paragraph, paragraph_id, article_id, paragraph_numbers, row.line_no, len(spans)
            )
            collected["paragraphs"].append(paragraph_row)
            collected["sentences"].extend(
                _sentence_rows(paragraph_row, spans, len(collected["sentences"]))
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
    sentences: int,
) -> dict:
    return {
        "paragraph_id": paragraph_id,
        "article_id": article_id,
        "paragraph_no": numbers[article_id],
        "line_no": line_no,
        "text": paragraph.text,
        "chars": len(paragraph.text),
        "sentences": sentences,
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


def _sentence_rows(paragraph: dict, spans: list[tuple[int, int]], before: int) -> list[dict]:
    """The sentences table's rows of one paragraph row, numbered on from ``before``
    sentences."""
    rows = []
    for number, (start, end) in enumerate(spans, start=1):
        raw_start, raw_end = span_to_raw(paragraph, start, end)
        rows.append(
            {
                "sentence_id": before + number,
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
    return rows


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
    "log": "cleaning_log.csv",
}

#: For a page cleaned from HTML: the extracted text that the offsets point into.
EXTRACTED_FILE = "extracted.txt"


def write_outputs(cleaned: CleanedPage, out_dir: str | Path | None = None) -> list[Path]:
    """Write every table of ``cleaned`` as CSV (UTF-8) into ``out_dir``; return the paths.

    ``out_dir`` defaults to the page's own folder, ``data/processed/<page name>/`` (see
    :func:`output_dir`). ``glitches.csv`` is written only when glitches were computed;
    ``cleaning_log.csv`` is the cleaning log; for a web page, ``extracted.txt`` is the text
    the offsets point into.
    """
    out_dir = ensure_folder(out_dir if out_dir is not None else output_dir(cleaned))
    written = []
    tables = cleaned.tables()
    for name, file_name in OUTPUT_FILES.items():
        table = tables[name]
        if name == "glitches" and table.empty:
            continue
        path = out_dir / file_name
        table.to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    if cleaned.source == "html":
        path = out_dir / EXTRACTED_FILE
        path.write_text(cleaned.raw, encoding="utf-8", newline="\n")
        written.append(path)
    return written
