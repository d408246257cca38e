"""The hand-made reference annotations, read and checked in one place.

- The main article's reference (``data/annotations/main_article.jsonl``, described in
  ``data/annotations/GUIDELINES.md``): one record per paragraph with raw-page offsets,
  its entities and its quotations with speakers. :func:`load_reference` reads it,
  :func:`check_reference` checks every offset.
- The two annotators' files of notebook 04 (``annotator_a.jsonl``, ``annotator_b.jsonl``),
  in the same format: :func:`load_annotator`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from newstext.cleaning.quote_marks import MARK_KINDS
from newstext.core.paths import annotations_dir

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


def load_reference(path: str | Path | None = None) -> list[ReferenceParagraph]:
    """Read the reference JSONL: one :class:`ReferenceParagraph` per line."""
    path = Path(path) if path is not None else reference_path()
    paragraphs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                paragraphs.append(_paragraph_from_json(json.loads(line)))
    return paragraphs


def _paragraph_from_json(record: dict) -> ReferenceParagraph:
    entities = tuple(ReferenceEntity(**entity) for entity in record["entities"])
    quotes = tuple(ReferenceQuote(**quote) for quote in record["quotes"])
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
