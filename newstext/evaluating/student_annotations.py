"""Your turn: annotate a few paragraphs of the main article, score yourself, save your file.

A student's annotation is a list of entities, each a dict with ``start``, ``end`` (raw-page
offsets, as in the reference), ``label`` and ``text``; a ``DataFrame`` with those columns or
JSONL text (one entity per line, or paragraph records in the reference format) work too.
:func:`mark` finds the offsets for you::

    paragraph = gold[0]
    mine = [mark(paragraph, "Marco Rubio", "PERSON"), mark(paragraph, "Ukraine", "GPE")]
    score_student(mine, gold)                       # per-label precision, recall, F1
    save_student_annotations(mine, "maria")         # data/annotations/students/maria.jsonl

Files are saved in the reference format (``data/annotations/GUIDELINES.md``), one record
per paragraph you annotated, in ``data/annotations/students/`` (ignored by git). A file is
never overwritten: a second save writes ``maria-2.jsonl``, then ``maria-3.jsonl``...

Exercise: :func:`export_student_brat` writes your paragraphs as brat standoff (``.txt`` and
``.ann``, under the course page's ``exports/students/`` folder in ``data/processed/``) and
:func:`read_student_brat` reads the ``.ann`` back into records with raw offsets: the same
records you started from.
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from newstext.core.errors import NewstextError
from newstext.core.paths import STUDENTS_FOLDER_NAME, students_dir
from newstext.evaluating import exports
from newstext.evaluating.agreement import scores_by_label
from newstext.evaluating.reference import (
    ONTONOTES_LABELS,
    ReferenceEntity,
    ReferenceParagraph,
    load_reference,
)

#: A student file's name: letters, digits, ``-`` and ``_``.
NAME_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,40}")

#: How many files one name may have (``NAME.jsonl`` to ``NAME-999.jsonl``).
MAX_FILES_PER_NAME = 999

RECORD_KEYS = ("start", "end", "label", "text")

Records = Sequence[dict] | pd.DataFrame | str


class AnnotationError(NewstextError):
    """A student's annotations or file name cannot be used."""


# ---------------------------------------------------------------------------------------
# Making and checking records.
# ---------------------------------------------------------------------------------------


def paragraphs_to_annotate(
    paragraphs: Sequence[ReferenceParagraph] | None = None,
) -> list[ReferenceParagraph]:
    """The main article's paragraphs with nothing marked: their text and raw offsets only, so
    that students annotate before they see anyone else's entities or quotations."""
    paragraphs = paragraphs if paragraphs is not None else load_reference()
    return [replace(paragraph, entities=(), quotes=()) for paragraph in paragraphs]


def mark(paragraph: ReferenceParagraph, text: str, label: str, occurrence: int = 1) -> dict:
    """The record of the ``occurrence``-th ``text`` in the paragraph, with raw offsets.

    Only whole words count: "Russia" is not found inside "Russian".
    """
    whole_words = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    matches = list(whole_words.finditer(paragraph.text))
    if len(matches) < occurrence:
        raise AnnotationError(
            f"{text!r} does not occur {occurrence} time(s) as a whole word in paragraph "
            f"{paragraph.paragraph}"
        )
    start = paragraph.start + matches[occurrence - 1].start()
    return {"start": start, "end": start + len(text), "label": label, "text": text}


def try_mark(paragraph: ReferenceParagraph, text: str, label: str, occurrence: int = 1) -> dict:
    """:func:`mark` for an annotation cell that must run to its end: when ``text`` is not
    found, the record holds the problem instead of offsets (no error), and
    :func:`record_problems` reports it and leaves it out, like any other bad record."""
    try:
        return mark(paragraph, text, label, occurrence)
    except AnnotationError as err:
        return {"label": label, "text": text, PROBLEM_KEY: str(err)}


#: The key of a record that :func:`try_mark` could not place.
PROBLEM_KEY = "problem"


def as_records(records: Records) -> list[dict]:
    """The entities as a list of dicts, from a list, a DataFrame or JSONL text."""
    if isinstance(records, pd.DataFrame):
        return records.to_dict("records")
    if isinstance(records, str):
        return _records_from_jsonl(records)
    return [dict(record) for record in records]


def _records_from_jsonl(text: str) -> list[dict]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise AnnotationError(f"JSONL line {number} is not JSON ({err.msg})") from None
        if not isinstance(value, dict):
            raise AnnotationError(f"JSONL line {number} is not a JSON object")
        records += value["entities"] if "entities" in value else [value]
    return records


def check_records(
    records: Records, paragraphs: Sequence[ReferenceParagraph] | None = None
) -> list[ReferenceEntity]:
    """The records as entities, in page order, after checking each one.

    A record needs ``start``, ``end``, ``label`` and ``text``; its offsets must lie in one
    paragraph of the main article, its text must be the page's text there, its label an
    OntoNotes label, and it must not overlap another record. Raises :class:`AnnotationError`
    with a one-line message at the first problem.
    """
    entities, problems = _checked_records(records, paragraphs)
    if problems:
        raise AnnotationError(problems[min(problems)])
    if not entities:
        raise AnnotationError("there are no annotations: add at least one entity")
    return sorted(entities, key=lambda entity: (entity.start, entity.end))


def record_problems(
    records: Records, paragraphs: Sequence[ReferenceParagraph] | None = None
) -> dict[int, str]:
    """``{record number: what is wrong}`` for each record that :func:`check_records` would
    refuse (numbers from 1; an empty dict when every record is fine). Of two overlapping
    records, the later one is reported.

    A notebook prints these and goes on with the good records, so one mistyped offset
    does not stop "Run All"."""
    return _checked_records(records, paragraphs)[1]


def _checked_records(
    records: Records, paragraphs: Sequence[ReferenceParagraph] | None
) -> tuple[list[ReferenceEntity], dict[int, str]]:
    """The good records as entities (in the records' order), and the problem of each other
    record by its number."""
    paragraphs = paragraphs if paragraphs is not None else load_reference()
    problems = {}
    kept: list[tuple[int, ReferenceEntity]] = []
    for number, record in enumerate(as_records(records), start=1):
        try:
            entity = _checked_entity(record, paragraphs, f"record {number}")
        except AnnotationError as err:
            problems[number] = str(err)
            continue
        for earlier_number, earlier in kept:
            if entity.start < earlier.end and earlier.start < entity.end:
                first, second = sorted([earlier, entity], key=lambda e: (e.start, e.end))
                problems[number] = (
                    f"record {number}: {first.text!r} and {second.text!r} overlap "
                    f"(records {earlier_number} and {number}): keep one"
                )
                break
        else:
            kept.append((number, entity))
    return [entity for _, entity in kept], problems


def _checked_entity(
    record: dict, paragraphs: Sequence[ReferenceParagraph], where: str
) -> ReferenceEntity:
    if PROBLEM_KEY in record:
        raise AnnotationError(f"{where}: {record[PROBLEM_KEY]}")
    missing = [key for key in RECORD_KEYS if key not in record]
    if missing:
        raise AnnotationError(f"{where} has no {', '.join(missing)}: give {', '.join(RECORD_KEYS)}")
    start, end, label, text = (record[key] for key in RECORD_KEYS)
    if not _is_int(start) or not _is_int(end) or not start < end:
        raise AnnotationError(f"{where}: start and end must be whole numbers with start < end")
    start, end = int(start), int(end)
    paragraph = paragraph_of(start, end, paragraphs)
    if paragraph is None:
        raise AnnotationError(
            f"{where}: offsets {start}-{end} are not inside one paragraph of the main article"
        )
    found = paragraph.text[start - paragraph.start : end - paragraph.start]
    if found != text:
        raise AnnotationError(
            f"{where}: the page has {found!r} at {start}-{end}, not {text!r}: "
            "mark(paragraph, text, label) finds the offsets for you"
        )
    if label not in ONTONOTES_LABELS:
        if str(label).upper() in ONTONOTES_LABELS:
            hint = f"labels are in capitals, {str(label).upper()!r}"
        else:
            hint = "use one of " + ", ".join(sorted(ONTONOTES_LABELS))
        raise AnnotationError(f"{where}: {label!r} is not a label of the guidelines: {hint}")
    return ReferenceEntity(start, end, label, text)


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def paragraph_of(
    start: int, end: int, paragraphs: Sequence[ReferenceParagraph]
) -> ReferenceParagraph | None:
    """The paragraph that holds the raw offsets ``start``-``end``, or None."""
    for paragraph in paragraphs:
        if paragraph.start <= start and end <= paragraph.end:
            return paragraph
    return None


def student_paragraphs(
    records: Records,
    paragraphs: Sequence[ReferenceParagraph] | None = None,
    paragraph_numbers: Iterable[int] | None = None,
) -> list[ReferenceParagraph]:
    """The student's annotation in the reference format: the paragraphs annotated (those
    holding an entity, or ``paragraph_numbers``), each with the student's entities."""
    paragraphs = paragraphs if paragraphs is not None else load_reference()
    entities = check_records(records, paragraphs)
    wanted = set(paragraph_numbers) if paragraph_numbers is not None else set()
    unknown = wanted - {paragraph.paragraph for paragraph in paragraphs}
    if unknown:
        raise AnnotationError(f"there is no paragraph {min(unknown)} in the main article")
    for entity in entities:
        wanted.add(paragraph_of(entity.start, entity.end, paragraphs).paragraph)
    annotated = []
    for paragraph in paragraphs:
        if paragraph.paragraph in wanted:
            mine = tuple(e for e in entities if paragraph.start <= e.start < paragraph.end)
            annotated.append(replace(paragraph, entities=mine, quotes=()))
    return annotated


# ---------------------------------------------------------------------------------------
# Scoring.
# ---------------------------------------------------------------------------------------


def score_student(
    records: Records,
    gold: Sequence[ReferenceParagraph] | None = None,
    paragraph_numbers: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Per-label precision, recall and F1 of the student against the gold, on the paragraphs
    the student annotated (exact start, end and label), then ``ALL``.

    Columns: ``label, student, support, correct, precision, recall, f1`` (``support``: the
    gold's entities with that label in those paragraphs).
    """
    gold = gold if gold is not None else load_reference()
    mine = student_paragraphs(records, gold, paragraph_numbers)
    numbers_scored = {paragraph.paragraph for paragraph in mine}
    gold_entities = [e for p in gold if p.paragraph in numbers_scored for e in p.entities]
    student_entities = [e for p in mine for e in p.entities]
    table = scores_by_label(student_entities, gold_entities)
    table = table.rename(columns={"a_spans": "student", "b_spans": "support",
                                  "matched": "correct"})
    return table[["label", "student", "support", "correct", "precision", "recall", "f1"]]


def unmatched_spans(
    records: Records,
    gold: Sequence[ReferenceParagraph] | None = None,
    paragraph_numbers: Iterable[int] | None = None,
) -> pd.DataFrame:
    """The spans behind :func:`score_student`'s misses, on the same paragraphs: each of the
    student's spans the gold lacks (``which``: ``"yours, not in gold"``) and each gold span the
    student lacks (``"gold, not in yours"``), exact start, end and label as there.

    Columns: ``which, paragraph, start, end, label, text``, in page order."""
    gold = gold if gold is not None else load_reference()
    mine = student_paragraphs(records, gold, paragraph_numbers)
    numbers_scored = {paragraph.paragraph for paragraph in mine}
    gold_by_number = {p.paragraph: p for p in gold if p.paragraph in numbers_scored}
    rows = []
    for paragraph in mine:
        theirs = gold_by_number[paragraph.paragraph].entities
        keys_gold = {(e.start, e.end, e.label) for e in theirs}
        keys_mine = {(e.start, e.end, e.label) for e in paragraph.entities}
        for which, entities, other in (
            ("yours, not in gold", paragraph.entities, keys_gold),
            ("gold, not in yours", theirs, keys_mine),
        ):
            rows += [
                {"which": which, "paragraph": paragraph.paragraph, "start": e.start,
                 "end": e.end, "label": e.label, "text": e.text}
                for e in entities
                if (e.start, e.end, e.label) not in other
            ]
    columns = ["which", "paragraph", "start", "end", "label", "text"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["start", "which"], ignore_index=True)


# ---------------------------------------------------------------------------------------
# Saving: never over a file that exists.
# ---------------------------------------------------------------------------------------


def check_name(name: str) -> str:
    """The name, if it holds only letters, digits, ``-`` and ``_`` (1 to 40 of them)."""
    if not isinstance(name, str) or NAME_PATTERN.fullmatch(name) is None:
        raise AnnotationError(
            f"the name {name!r} may hold only letters, digits, - and _ (1 to 40), e.g. maria_k"
        )
    return name


def paragraph_record(paragraph: ReferenceParagraph) -> dict:
    """One line of a file in the reference format."""
    return {
        "paragraph": paragraph.paragraph, "line": paragraph.line,
        "start": paragraph.start, "end": paragraph.end, "text": paragraph.text,
        "entities": [{"start": e.start, "end": e.end, "label": e.label, "text": e.text}
                     for e in paragraph.entities],
        "quotes": [],
    }


def save_student_annotations(
    records: Records,
    name: str,
    folder: str | Path | None = None,
    paragraphs: Sequence[ReferenceParagraph] | None = None,
) -> Path:
    """Check the records and write them to ``NAME.jsonl`` in ``folder`` (by default
    ``data/annotations/students/``); when it exists, to ``NAME-2.jsonl``, ``NAME-3.jsonl``...
    A file is claimed with mode ``"x"``, so an existing file is never overwritten.
    Returns the path written."""
    check_name(name)
    lines = [json.dumps(paragraph_record(p)) for p in student_paragraphs(records, paragraphs)]
    folder = Path(folder) if folder is not None else students_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, MAX_FILES_PER_NAME + 1):
        path = folder / (f"{name}.jsonl" if number == 1 else f"{name}-{number}.jsonl")
        try:
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write("\n".join(lines) + "\n")
        except FileExistsError:
            continue
        return path
    raise AnnotationError(f"{folder} already holds {MAX_FILES_PER_NAME} files named {name}")


def load_student_annotations(path: str | Path) -> list[ReferenceParagraph]:
    """A saved student file, read like the reference."""
    return load_reference(path)


# ---------------------------------------------------------------------------------------
# Exercise: export your annotations to brat and read them back.
# ---------------------------------------------------------------------------------------


def export_student_brat(
    records: Records,
    name: str,
    folder: str | Path | None = None,
    paragraphs: Sequence[ReferenceParagraph] | None = None,
) -> Path:
    """Write the student's paragraphs as brat standoff (``NAME.txt`` and ``NAME.ann``, in
    ``data/processed/<course page>/exports/students/`` by default; replaced when written
    again). Returns the ``.ann`` path."""
    check_name(name)
    folder = folder if folder is not None else exports.exports_dir() / STUDENTS_FOLDER_NAME
    texts = exports.annotated_texts(student_paragraphs(records, paragraphs))
    return exports.write_brat(texts, folder, name)


def read_student_brat(
    ann_path: str | Path, paragraphs: Sequence[ReferenceParagraph] | None = None
) -> list[dict]:
    """The entities of a brat export as records with raw offsets: each line of the ``.txt``
    is matched to the main article's paragraph with the same text."""
    paragraphs = paragraphs if paragraphs is not None else load_reference()
    by_text = {paragraph.text: paragraph for paragraph in paragraphs}
    records = []
    for text in exports.read_brat(ann_path):
        paragraph = by_text.get(text.text)
        if paragraph is None:
            raise AnnotationError(f"{text.text[:40]!r}... is not a paragraph of the main article")
        for span in text.spans:
            start = paragraph.start + span.start
            records.append({"start": start, "end": paragraph.start + span.end,
                            "label": span.label, "text": text.text[span.start : span.end]})
    return records
