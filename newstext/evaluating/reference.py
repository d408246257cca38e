"""The hand-made reference annotations, read and checked in one place.

- The main article's reference (``data/annotations/main_article.jsonl``, described in
  ``data/annotations/GUIDELINES.md``): one record per paragraph with raw-page offsets,
  its entities and its quotations with speakers. :func:`load_reference` reads it,
  :func:`check_reference` checks every offset.
- The two annotators' files of notebook 04 (``annotator_a.jsonl``, ``annotator_b.jsonl``),
  in the same format: :func:`load_annotator`.
- The development set (``data/annotations/dev/NAME.jsonl``): quotations, quote-marked
  non-quotations and entities of unseen news articles, as offsets into texts kept outside the
  repository: :func:`load_dev_articles`, :func:`check_dev_article`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newstext.cleaning.quote_marks import MARK_KINDS
from newstext.core.paths import annotations_dir, project_root, raw_dir
from newstext.core.reading import read_page

#: The main article's reference file, in ``data/annotations/``.
REFERENCE_NAME = "main_article.jsonl"

#: The OntoNotes entity labels of spaCy's English pipelines.
ONTONOTES_LABELS = {
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
}


@dataclass(frozen=True)
class ReferenceEntity:
    """One reference entity, in raw offsets."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class ReferenceQuote:
    """One reference quotation, in raw offsets, marks included."""

    start: int
    end: int
    text: str
    cue: str | None
    speaker_text: str | None
    speaker: str


@dataclass(frozen=True)
class ReferenceParagraph:
    """One paragraph of the reference: where it is in the raw page and what it holds."""

    paragraph: int
    line: int
    start: int
    end: int
    text: str
    entities: tuple[ReferenceEntity, ...]
    quotes: tuple[ReferenceQuote, ...]


def reference_path() -> Path:
    """Where the main article's reference annotations are."""
    return annotations_dir() / REFERENCE_NAME


def load_reference(
    path: str | Path | None = None, raw_text: str | None = None
) -> list[ReferenceParagraph]:
    """Read a reference JSONL: one :class:`ReferenceParagraph` per line.

    A record may leave out its ``text`` fields (paragraph, entities, quotations): they are
    then read from the raw page, ``raw_text[start:end]``. Without ``raw_text``, the page of
    ``data/annotations/NAME/main_article.jsonl`` is ``data/raw/NAME.txt``.
    """
    path = Path(path) if path is not None else reference_path()
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
    if raw_text is None and any("text" not in record for record in records):
        raw_text = read_page(raw_dir() / f"{path.parent.name}.txt")
    return [_paragraph_from_json(record, raw_text) for record in records]


def _with_text(item: dict, raw_text: str | None) -> dict:
    """``item`` with its ``text`` filled in from the raw page when the file left it out."""
    if "text" in item or raw_text is None:
        return item
    return {**item, "text": raw_text[item["start"] : item["end"]]}


def _paragraph_from_json(record: dict, raw_text: str | None = None) -> ReferenceParagraph:
    record = _with_text(record, raw_text)
    entities = tuple(ReferenceEntity(**_with_text(e, raw_text)) for e in record["entities"])
    quotes = tuple(ReferenceQuote(**_with_text(q, raw_text)) for q in record["quotes"])
    return ReferenceParagraph(
        record["paragraph"],
        record["line"],
        record["start"],
        record["end"],
        record["text"],
        entities,
        quotes,
    )


def check_reference(paragraphs: Sequence[ReferenceParagraph], raw_text: str) -> list[str]:
    """Every problem found in the reference (an empty list when it is sound)."""
    problems = []
    raw_lines = raw_text.split("\n")
    tokenizer = spacy.blank("en").tokenizer
    for paragraph in paragraphs:
        where = f"paragraph {paragraph.paragraph} (line {paragraph.line})"
        problems += _check_paragraph(paragraph, raw_text, raw_lines, where)
        spans = [(e.start, e.end) for e in paragraph.entities]
        problems += _check_inside_and_apart(paragraph, spans, raw_text, where, "entity")
        problems += _check_inside_and_apart(
            paragraph, [(q.start, q.end) for q in paragraph.quotes], raw_text, where, "quote"
        )
        problems += _check_entities(paragraph, raw_text, tokenizer(paragraph.text), where)
        problems += _check_quotes(paragraph, raw_text, where)
    return problems


def _check_paragraph(
    paragraph: ReferenceParagraph, raw_text: str, raw_lines: list[str], where: str
) -> list[str]:
    problems = []
    if raw_text[paragraph.start : paragraph.end] != paragraph.text:
        problems.append(f"{where}: text differs from the raw page at its offsets")
    if raw_text.count("\n", 0, paragraph.start) != paragraph.line - 1:
        problems.append(f"{where}: does not start on raw line {paragraph.line}")
    elif raw_lines[paragraph.line - 1] != paragraph.text:
        problems.append(f"{where}: is not the whole raw line {paragraph.line}")
    return problems


def _check_inside_and_apart(
    paragraph: ReferenceParagraph,
    spans: list[tuple[int, int]],
    raw_text: str,
    where: str,
    kind: str,
) -> list[str]:
    problems = []
    for start, end in spans:
        if not paragraph.start <= start < end <= paragraph.end:
            problems.append(f"{where}: {kind} {raw_text[start:end]!r} is outside the paragraph")
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start < end:
            problems.append(f"{where}: two {kind} spans overlap at raw offset {start}")
    return problems


def _check_entities(
    paragraph: ReferenceParagraph, raw_text: str, tokens: Doc, where: str
) -> list[str]:
    problems = []
    for entity in paragraph.entities:
        if raw_text[entity.start : entity.end] != entity.text:
            problems.append(f"{where}: entity {entity.text!r} differs from the raw page")
        if entity.label not in ONTONOTES_LABELS:
            problems.append(f"{where}: entity {entity.text!r} has label {entity.label!r}")
        start, end = entity.start - paragraph.start, entity.end - paragraph.start
        if tokens.char_span(start, end) is None:
            problems.append(f"{where}: entity {entity.text!r} is not on token boundaries")
    return problems


def _check_quotes(paragraph: ReferenceParagraph, raw_text: str, where: str) -> list[str]:
    problems = []
    for quote in paragraph.quotes:
        if raw_text[quote.start : quote.end] != quote.text:
            problems.append(f"{where}: quote {quote.text[:30]!r} differs from the raw page")
        if quote.text[:1] not in MARK_KINDS or quote.text[-1:] not in MARK_KINDS:
            problems.append(f"{where}: quote {quote.text[:30]!r} does not start and end with marks")
        if not quote.speaker:
            problems.append(f"{where}: quote {quote.text[:30]!r} has no speaker")
    return problems


def reference_quotes(paragraphs: Iterable[ReferenceParagraph]) -> list[ReferenceQuote]:
    """Every reference quotation, in order."""
    return [quote for paragraph in paragraphs for quote in paragraph.quotes]


#: The annotators whose files ship with the course (``annotator_a.jsonl``, ...).
ANNOTATORS = ("a", "b")


def annotator_path(annotator: str) -> Path:
    """Where annotator ``a`` or ``b``'s file is: ``data/annotations/annotator_a.jsonl``."""
    if annotator.lower() not in ANNOTATORS:
        raise ValueError(f"unknown annotator {annotator!r}: use one of {', '.join(ANNOTATORS)}")
    return annotations_dir() / f"annotator_{annotator.lower()}.jsonl"


def load_annotator(annotator: str) -> list[ReferenceParagraph]:
    """Annotator ``a`` or ``b``'s paragraphs (the reference format, entities only)."""
    return load_reference(annotator_path(annotator))


# ---------------------------------------------------------------------------------------
# The development set: hand annotations of unseen news articles.
# ---------------------------------------------------------------------------------------
#
# ``data/annotations/dev/NAME.jsonl`` holds offsets and labels only; the text they point into
# is the ``article_body`` of ``NAME.json`` in the development pages, which live outside the
# repository (their text belongs to the publishers): ``../shared/data/pages-dev`` next to the
# project's top folder. Each file is one header line, then one line per record:
#
# - ``{"type": "article", "name", "sha256", "entities": bool, "annotator"}``: the sha256 of
#   ``article_body`` (UTF-8) the offsets were made on; ``entities`` says whether the file
#   marks entities (quotations are always marked);
# - ``{"type": "quote", "start", "end", "speaker": [s, e] | null, "cue": [s, e] | null}``:
#   a quotation, marks included; ``speaker`` points at the fullest name mention of the
#   speaker anywhere in the article (or the phrase that names a speaker who is not a person);
# - ``{"type": "not_quote", "start", "end"}``: a quote-marked stretch that is not a quotation
#   (scare quotes, titles, terms);
# - ``{"type": "entity", "start", "end", "label"}``: PERSON, ORG, GPE or NORP.

#: The folder of the development annotations, in ``data/annotations/``.
DEV_FOLDER = "dev"

#: The entity labels the development annotations mark.
DEV_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

#: Set this variable to read the development pages from another folder.
DEV_PAGES_VARIABLE = "NEWSTEXT_DEV_PAGES"


class DevSetMissing(RuntimeError):
    """The development pages are not on this machine: the annotations cannot be read."""


@dataclass(frozen=True)
class DevQuote:
    """One quotation of a development article (offsets into its ``article_body``)."""

    start: int
    end: int
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None


@dataclass(frozen=True)
class DevArticle:
    """One annotated development article and its text (read from the pages, not the repo)."""

    name: str
    text: str
    has_entities: bool
    quotes: tuple[DevQuote, ...]
    not_quotes: tuple[tuple[int, int], ...]
    entities: tuple[tuple[int, int, str], ...]
    annotator: str | None = None

    def speaker_text(self, quote: DevQuote) -> str | None:
        """The speaker mention the annotator chose for ``quote``, as written."""
        return None if quote.speaker is None else self.text[quote.speaker[0] : quote.speaker[1]]

    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each non-empty line of the text: its paragraphs."""
        bounds = []
        start = 0
        for line in self.text.split("\n"):
            if line.strip():
                bounds.append((start, start + len(line)))
            start += len(line) + 1
        return bounds


def dev_annotations_dir() -> Path:
    """Where the development annotations are: ``data/annotations/dev``."""
    return annotations_dir() / DEV_FOLDER


def dev_pages_dir() -> Path:
    """Where the development pages are: ``$NEWSTEXT_DEV_PAGES`` when set, else
    ``shared/data/pages-dev`` beside the project's top folder."""
    if os.environ.get(DEV_PAGES_VARIABLE):
        return Path(os.environ[DEV_PAGES_VARIABLE])
    return project_root().parent / "shared" / "data" / "pages-dev"


def dev_set_missing_reason(pages: Path | None = None) -> str | None:
    """Why the development set cannot be scored here, or None when it can."""
    pages = Path(pages) if pages is not None else dev_pages_dir()
    if not any(dev_annotations_dir().glob("*.jsonl")):
        return f"no development annotations in {dev_annotations_dir()}"
    if not pages.is_dir():
        return (
            f"the development pages are not on this machine ({pages} is missing; set "
            f"{DEV_PAGES_VARIABLE} to their folder)"
        )
    return None


def load_dev_article(path: str | Path, pages: str | Path | None = None) -> DevArticle:
    """Read one development annotation file and the ``article_body`` it points into.

    Raises :class:`DevSetMissing` when the page is not there and ``ValueError`` when its
    text is not the one the annotations were made on (another sha256).
    """
    path = Path(path)
    pages = Path(pages) if pages is not None else dev_pages_dir()
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    if not records or records[0].get("type") != "article":
        raise ValueError(f"{path.name}: the first line must be the article header")
    header = records[0]
    page = pages / f"{header['name']}.json"
    if not page.is_file():
        raise DevSetMissing(f"{path.name}: the page {page} is missing")
    text = json.loads(page.read_text(encoding="utf-8"))["article_body"]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != header["sha256"]:
        raise ValueError(
            f"{path.name}: the article_body of {page} is not the text the annotations were "
            f"made on (sha256 {digest[:12]}..., expected {header['sha256'][:12]}...)"
        )
    quotes, not_quotes, entities = [], [], []
    for record in records[1:]:
        kind = record["type"]
        if kind == "quote":
            speaker, cue = _pair(record.get("speaker")), _pair(record.get("cue"))
            quotes.append(DevQuote(record["start"], record["end"], speaker, cue))
        elif kind == "not_quote":
            not_quotes.append((record["start"], record["end"]))
        elif kind == "entity":
            entities.append((record["start"], record["end"], record["label"]))
        else:
            raise ValueError(f"{path.name}: unknown record type {kind!r}")
    return DevArticle(
        header["name"], text, bool(header["entities"]), tuple(sorted(quotes, key=_start)),
        tuple(sorted(not_quotes)), tuple(sorted(entities)), header.get("annotator"),
    )


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _start(quote: DevQuote) -> int:
    return quote.start


def load_dev_articles(
    folder: str | Path | None = None, pages: str | Path | None = None
) -> list[DevArticle]:
    """Every development article, in name order (the folder is read anew at each call).

    Raises :class:`DevSetMissing` (with the reason) when the pages are not on this machine.
    """
    folder = Path(folder) if folder is not None else dev_annotations_dir()
    pages = Path(pages) if pages is not None else dev_pages_dir()
    if not pages.is_dir():
        raise DevSetMissing(dev_set_missing_reason(pages) or f"{pages} is missing")
    return [load_dev_article(path, pages) for path in sorted(folder.glob("*.jsonl"))]


def check_dev_article(article: DevArticle) -> list[str]:
    """Every problem in one development article's annotations (empty when sound)."""
    problems = []
    text = article.text
    where = article.name
    spans = [(q.start, q.end) for q in article.quotes] + list(article.not_quotes)
    for start, end in spans:
        if not 0 <= start < end <= len(text) or "\n" in text[start:end]:
            problems.append(f"{where}: quote mark span {start}-{end} is not inside one paragraph")
        elif text[start] not in MARK_KINDS and text[start] not in "\u00ab\u00bb":
            problems.append(f"{where}: {text[start:end][:30]!r} does not open with a quote mark")
    for quote in article.quotes:
        for part in (quote.speaker, quote.cue):
            if part is not None and not 0 <= part[0] < part[1] <= len(text):
                problems.append(f"{where}: speaker or cue {part} lies outside the text")
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start < end:
            problems.append(f"{where}: two quote mark spans overlap at {start}")
    for start, end, label in article.entities:
        if label not in DEV_ENTITY_LABELS:
            problems.append(f"{where}: entity {text[start:end]!r} has label {label!r}")
    return problems
