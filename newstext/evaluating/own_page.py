"""Notebook 05, *Your own page*: annotating any page in pairs, and scoring it honestly.

Notebook 04 works on the course page, whose paragraphs and reference ship with the course.
A page a student brings has neither, so this module makes what the pair work needs from the
page itself:

- :func:`page_paragraphs`: the main article's paragraphs of any cleaned page, in the
  reference format (raw text and raw offsets, nothing marked), for
  :func:`newstext.evaluating.student_annotations.mark`;
- :func:`page_annotations_dir` and :func:`pair_dir`: where a page's hand annotations are
  (the bundled second page has some) and where a pair keeps its files;
- :func:`mark_quote`: a quotation record, as ``mark`` makes an entity record;
- :func:`pair_agreement`: span F1 and Cohen's kappa of two annotation files, in the
  variants a student may compute (the check of notebook 05 compares with them);
- :func:`pair_disagreements` and :func:`adjudicate`: the cases two annotators differ on,
  numbered, and the gold built from the pair's decision on each.

Two annotation files of one page may hold different paragraphs (each holds the paragraphs its
annotator marked something in), so they are compared on the **union** of their paragraphs,
matched by their raw offsets: a paragraph one annotator left empty counts as "no entity".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newstext.cleaning.quote_marks import MARK_KINDS, find_quote_marks
from newstext.core.errors import NewstextError
from newstext.core.paths import annotations_dir, page_name, students_dir
from newstext.evaluating.adjudication import overlap_groups
from newstext.evaluating.agreement import (
    NO_SPAN,
    OUTSIDE,
    SpanScores,
    cohen_kappa,
    entities_of,
    exact_match,
    lenient_match,
    span_scores,
)
from newstext.evaluating.reference import ReferenceEntity, ReferenceParagraph, ReferenceQuote
from newstext.evaluating.student_annotations import AnnotationError
from newstext.exploring.page_docs import Page, as_cleaned, paragraphs_of

#: A decision on one disagreement: keep A's spans, B's spans, or neither.
DECISIONS = ("A", "B", "neither")

#: The files a page's hand annotations may have, in ``data/annotations/<page name>/``.
REFERENCE_FILE = "main_article.jsonl"
LINE_LABELS_FILE = "line_labels.csv"
ANNOTATOR_FILES = ("annotator_a.jsonl", "annotator_b.jsonl")


# ---------------------------------------------------------------------------------------
# Where things are.
# ---------------------------------------------------------------------------------------


def page_annotations_dir(page: str | Path) -> Path:
    """Where a page's committed hand annotations are: ``data/annotations/<page name>/``.

    The course ships one for the bundled second page; a page of your own has none (the
    folder does not exist), and the notebook then works from your pair's files alone."""
    return annotations_dir() / page_name(page)


def pair_dir(page: str | Path) -> Path:
    """The folder of a pair's files for ``page``: ``<students folder>/<page name>/``
    (``data/annotations/students/``, ignored by git, unless ``NEWSTEXT_STUDENTS_DIR`` says
    otherwise). Created on first use."""
    folder = students_dir() / page_name(page)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# ---------------------------------------------------------------------------------------
# The paragraphs to annotate.
# ---------------------------------------------------------------------------------------


def page_paragraphs(page: Page) -> list[ReferenceParagraph]:
    """The main article's paragraphs of ``page`` (a page file or a cleaned page) in the
    reference format, nothing marked.

    Each paragraph's ``text`` is the raw page between its ``raw_start`` and ``raw_end``, so
    ``mark(paragraph, text, label)`` gives raw offsets, as in the reference; ``paragraph`` is
    its number in the main article and ``line`` its raw line. (Where the cleaner removed an
    ad marker inside a paragraph, the raw text still holds it.)"""
    cleaned = as_cleaned(page)
    main = cleaned.articles.loc[cleaned.articles["role"] == "main", "article_id"]
    if main.empty:
        return []
    rows = paragraphs_of(cleaned, int(main.iloc[0]))
    return [
        ReferenceParagraph(
            paragraph=int(row.paragraph_no),
            line=int(row.line_no),
            start=int(row.raw_start),
            end=int(row.raw_end),
            text=cleaned.raw[int(row.raw_start) : int(row.raw_end)],
            entities=(),
            quotes=(),
        )
        for row in rows.itertuples(index=False)
    ]


def mark_quote(
    paragraph: ReferenceParagraph, text: str, speaker: str, occurrence: int = 1
) -> dict:
    """The record of a quotation: the ``occurrence``-th ``text`` in the paragraph (quote
    marks included, as the page prints them) with raw offsets, and its ``speaker`` (the
    full name, as the guidelines want it)."""
    found = [m.start() for m in re.finditer(re.escape(text), paragraph.text)] if text else []
    if len(found) < occurrence:
        raise AnnotationError(_not_found(paragraph, text, occurrence))
    start = found[occurrence - 1]
    marks = _marks_around(paragraph.text, start, start + len(text))
    if marks:
        raise AnnotationError(
            f"a quotation includes its quote marks: the page prints {marks!r}; "
            "mark that, copied from the printed paragraph"
        )
    if not speaker or not str(speaker).strip():
        raise AnnotationError(f"give the speaker of {text!r}: the full name, as written")
    start += paragraph.start
    return {"start": start, "end": start + len(text), "text": text, "speaker": str(speaker)}


def _any_mark_of_its_kind(text: str) -> re.Pattern:
    """``text`` as a pattern in which each quote mark matches any mark of its kind
    (``"`` also matches “ ” „; ``'`` also matches ‘ ’ ‚)."""
    parts = []
    for char in text:
        kind = MARK_KINDS.get(char)
        if kind is None:
            parts.append(re.escape(char))
        else:
            same_kind = "".join(mark for mark, k in MARK_KINDS.items() if k == kind)
            parts.append(f"[{re.escape(same_kind)}]")
    return re.compile("".join(parts))


def _not_found(paragraph: ReferenceParagraph, text: str, occurrence: int) -> str:
    """Why ``text`` was not found; when only its quote marks differ, what the page prints."""
    printed = _any_mark_of_its_kind(text).findall(paragraph.text) if text else []
    if len(printed) >= occurrence and printed[occurrence - 1] != text:
        return (
            f"{text!r} is not in paragraph {paragraph.paragraph} with those quote marks: "
            f"the page prints {printed[occurrence - 1]!r} (curly and straight marks are "
            "different characters); copy it from the printed paragraph"
        )
    return (
        f"{text!r} does not occur {occurrence} time(s) in paragraph {paragraph.paragraph}: "
        "copy the quotation from the printed paragraph, its quote marks included"
    )


def _marks_around(text: str, start: int, end: int) -> str | None:
    """The quotation with its marks, when ``text[start:end]`` was typed without the opening
    or closing quote mark that stands right beside it on the page; else None."""
    roles = {mark.offset: mark.role for mark in find_quote_marks(text)}
    if roles.get(start) == "open" or roles.get(end - 1) == "close":
        return None  # typed with its marks
    opens_before = roles.get(start - 1) == "open"
    closes_after = roles.get(end) == "close"
    if not (opens_before or closes_after):
        return None
    return text[start - 1 if opens_before else start : end + 1 if closes_after else end]


def quotes_of(records: Sequence[dict]) -> list[ReferenceQuote]:
    """Quotation records (from :func:`mark_quote`) as reference quotations."""
    return [
        ReferenceQuote(r["start"], r["end"], r["text"], None, None, r["speaker"])
        for r in records
    ]


# ---------------------------------------------------------------------------------------
# Two files, one set of paragraphs.
# ---------------------------------------------------------------------------------------


def aligned_pair(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> tuple[list[ReferenceParagraph], list[ReferenceParagraph]]:
    """A and B on the union of their paragraphs, in page order: a paragraph only one of
    them annotated is added to the other with no entity. Paragraphs are matched by their
    raw offsets, so two files numbered by two different cleanings still match."""
    by_span_a = {(p.start, p.end): p for p in a}
    by_span_b = {(p.start, p.end): p for p in b}
    for span in by_span_a.keys() & by_span_b.keys():
        if by_span_a[span].text != by_span_b[span].text:
            raise NewstextError(f"the two files give paragraph {span} different texts")
    starts = [start for start, _ in by_span_a.keys() | by_span_b.keys()]
    ends = [end for _, end in by_span_a.keys() | by_span_b.keys()]
    spans = sorted(by_span_a.keys() | by_span_b.keys())
    if len(set(starts)) != len(starts) or len(set(ends)) != len(ends):
        raise NewstextError(
            "the two files cut the page into different paragraphs: clean it the same way "
            "(the same override file) and annotate again"
        )
    side_a, side_b = [], []
    for span in spans:
        either = by_span_a.get(span) or by_span_b[span]
        empty = replace(either, entities=(), quotes=())
        side_a.append(by_span_a.get(span, empty))
        side_b.append(by_span_b.get(span, empty))
    return side_a, side_b


# ---------------------------------------------------------------------------------------
# Agreement: span F1 and kappa, in the variants a student may compute.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairAgreement:
    """How much two annotation files agree, every way notebook 05 computes it.

    ``exact`` and ``lenient`` are span scores (A against B); the kappas are Cohen's kappa
    on the tokens of the paragraphs either annotator marked, each token tagged by the span
    its first character lies in: ``kappa_labels`` with the span's label (``O`` outside),
    ``kappa_bio`` with ``B-``/``I-`` and the label, ``kappa_entity`` with "entity or not",
    and ``kappa_entity_tokens`` with labels on the tokens where A or B tagged an entity
    only."""

    exact: SpanScores
    lenient: SpanScores
    tokens: int
    observed: float  # share of tokens with the same label tag
    kappa_labels: float
    kappa_bio: float
    kappa_entity: float
    kappa_entity_tokens: float

    def kappas(self) -> dict[str, float]:
        """The kappa variants by name."""
        return {
            "labels": self.kappa_labels,
            "BIO": self.kappa_bio,
            "entity or not": self.kappa_entity,
            "entity tokens only": self.kappa_entity_tokens,
        }


def token_tags(
    paragraphs: Sequence[ReferenceParagraph], tokenizer: Language | None = None
) -> pd.DataFrame:
    """One row per token of the paragraphs: ``paragraph, start, token, label, bio``.

    ``start`` is the token's raw offset; ``label`` the label of the entity whose span holds
    the token's first character (``O`` if none), ``bio`` the same with ``B-``/``I-``.
    ``tokenizer`` defaults to spaCy's blank English pipeline: its tokens only, no model."""
    tokenizer = tokenizer if tokenizer is not None else spacy.blank("en")
    rows = []
    for paragraph in paragraphs:
        doc: Doc = tokenizer.make_doc(paragraph.text)
        previous = None
        for token in doc:
            where = paragraph.start + token.idx
            entity = next((e for e in paragraph.entities if e.start <= where < e.end), None)
            label = entity.label if entity else OUTSIDE
            bio = OUTSIDE if entity is None else ("I-" if entity is previous else "B-") + label
            previous = entity
            rows.append({"paragraph": paragraph.paragraph, "start": where, "token": token.text,
                         "label": label, "bio": bio})
    return pd.DataFrame(rows, columns=["paragraph", "start", "token", "label", "bio"])


def _kappa(a: Sequence[str], b: Sequence[str]) -> float:
    return cohen_kappa(a, b).kappa if len(a) else float("nan")


def pair_agreement(
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    tokenizer: Language | None = None,
) -> PairAgreement:
    """Span F1 (exact and lenient) and Cohen's kappa (four variants) of A and B, on the
    union of the paragraphs they annotated (see :class:`PairAgreement`)."""
    a, b = aligned_pair(a, b)
    tokenizer = tokenizer if tokenizer is not None else spacy.blank("en")
    tags_a, tags_b = token_tags(a, tokenizer), token_tags(b, tokenizer)
    labels_a, labels_b = list(tags_a["label"]), list(tags_b["label"])
    entity_tokens = [i for i, (x, y) in enumerate(zip(labels_a, labels_b, strict=True))
                     if (x, y) != (OUTSIDE, OUTSIDE)]
    inside_a = ["entity" if tag != OUTSIDE else "outside" for tag in labels_a]
    inside_b = ["entity" if tag != OUTSIDE else "outside" for tag in labels_b]
    observed = (
        sum(x == y for x, y in zip(labels_a, labels_b, strict=True)) / len(labels_a)
        if labels_a
        else float("nan")
    )
    return PairAgreement(
        exact=span_scores(entities_of(a), entities_of(b), exact_match),
        lenient=span_scores(entities_of(a), entities_of(b), lenient_match),
        tokens=len(labels_a),
        observed=observed,
        kappa_labels=_kappa(labels_a, labels_b),
        kappa_bio=_kappa(list(tags_a["bio"]), list(tags_b["bio"])),
        kappa_entity=_kappa(inside_a, inside_b),
        kappa_entity_tokens=_kappa(
            [labels_a[i] for i in entity_tokens], [labels_b[i] for i in entity_tokens]
        ),
    )


# ---------------------------------------------------------------------------------------
# Adjudication by the pair.
# ---------------------------------------------------------------------------------------

DISAGREEMENT_COLUMNS = ["case", "paragraph", "a_span", "a_label", "b_span", "b_label", "kind"]


def pair_cases(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> list[tuple[ReferenceParagraph, tuple[ReferenceEntity, ...], tuple[ReferenceEntity, ...],
                bool]]:
    """Every group of overlapping spans, in page order: (paragraph, A's, B's, agreed)."""
    a, b = aligned_pair(a, b)
    found = []
    for paragraph_a, paragraph_b in zip(a, b, strict=True):
        for group in overlap_groups(paragraph_a, paragraph_b):
            found.append((paragraph_a, group.a, group.b, group.agreed))
    return found


def _kind(spans_a: Sequence[ReferenceEntity], spans_b: Sequence[ReferenceEntity]) -> str:
    if not spans_a:
        return "only B"
    if not spans_b:
        return "only A"
    same = sorted((e.start, e.end) for e in spans_a) == sorted((e.start, e.end) for e in spans_b)
    return "label" if same else "boundary"


def _joined(spans: Sequence[ReferenceEntity], field: str) -> str:
    return " + ".join(getattr(span, field) for span in spans) if spans else NO_SPAN


def pair_disagreements(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """One numbered row per case A and B disagree on: a group of overlapping spans that
    are not the same in both files (offsets and labels).

    Columns: ``case`` (1, 2 ...), ``paragraph``, ``a_span``, ``a_label``, ``b_span``,
    ``b_label`` (several spans joined by `` + ``, ``—`` for none) and ``kind``: ``label``,
    ``boundary``, ``only A`` or ``only B``."""
    rows = []
    for paragraph, spans_a, spans_b, agreed in pair_cases(a, b):
        if agreed:
            continue
        rows.append({
            "case": len(rows) + 1, "paragraph": paragraph.paragraph,
            "a_span": _joined(spans_a, "text"), "a_label": _joined(spans_a, "label"),
            "b_span": _joined(spans_b, "text"), "b_label": _joined(spans_b, "label"),
            "kind": _kind(spans_a, spans_b),
        })
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)


def decision_problems(decisions: object, cases: int) -> list[str]:
    """What is wrong with ``decisions`` for ``cases`` numbered cases (empty when fine)."""
    if not isinstance(decisions, Mapping):
        return [f"give a dict {{case number: one of {', '.join(DECISIONS)}}}, not a "
                f"{type(decisions).__name__}"]
    problems = []
    keys = set(decisions)
    if any(isinstance(key, str) for key in keys):
        problems.append("the keys are the case numbers, ints (1, 2 ...), not strings")
    unknown = sorted(k for k in keys if not isinstance(k, str) and k not in range(1, cases + 1))
    if unknown:
        problems.append(f"there is no case {unknown[0]}: the cases are 1 to {cases}")
    missing = [n for n in range(1, cases + 1) if n not in keys]
    if missing and not any(isinstance(key, str) for key in keys):
        problems.append(f"{len(missing)} case(s) have no decision yet, e.g. case {missing[0]}")
    bad = sorted({str(v) for v in decisions.values() if _decision(v) is None})
    if bad:
        problems.append(f"{bad[0]!r} is not a decision: use {', '.join(map(repr, DECISIONS))}")
    return problems


def _decision(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = value.strip()
    for decision in DECISIONS:
        if cleaned.lower() == decision.lower():
            return decision
    return None


def adjudicate(
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    decisions: Mapping[int, str] | None,
    quotes: Sequence[dict] = (),
) -> list[ReferenceParagraph]:
    """The pair's gold: the spans A and B agree on, plus, for each case of
    :func:`pair_disagreements`, A's spans, B's spans or neither, as ``decisions`` says
    (``{case: "A" | "B" | "neither"}``; None: no case decided yet, the gold holds the
    agreed spans only). ``quotes`` (records of :func:`mark_quote`) go to the paragraphs
    that hold them. Raises :class:`NewstextError` when a decision is missing or not one of
    :data:`DECISIONS`."""
    cases = pair_cases(a, b)
    if decisions is None:
        decisions = {n: "neither" for n in range(1, 1 + sum(not c[-1] for c in cases))}
    problems = decision_problems(decisions, sum(1 for *_, agreed in cases if not agreed))
    if problems:
        raise NewstextError(problems[0])
    kept: dict[tuple[int, int], list[ReferenceEntity]] = {}
    number = 0
    paragraphs: dict[tuple[int, int], ReferenceParagraph] = {}
    for paragraph, spans_a, spans_b, agreed in cases:
        key = (paragraph.start, paragraph.end)
        paragraphs.setdefault(key, paragraph)
        if agreed:
            chosen: Sequence[ReferenceEntity] = spans_a
        else:
            number += 1
            chosen = {"A": spans_a, "B": spans_b, "neither": ()}[_decision(decisions[number])]
        kept.setdefault(key, []).extend(chosen)
    for paragraph in aligned_pair(a, b)[0]:
        paragraphs.setdefault((paragraph.start, paragraph.end), paragraph)
    gold = []
    for key in sorted(paragraphs):
        paragraph = paragraphs[key]
        entities = tuple(sorted(kept.get(key, []), key=lambda e: (e.start, e.end)))
        own_quotes = tuple(q for q in quotes_of(quotes) if key[0] <= q.start < key[1])
        gold.append(replace(paragraph, entities=entities, quotes=own_quotes))
    outside = [q for q in quotes_of(quotes) if not any(s <= q.start < e for s, e in paragraphs)]
    if outside:
        raise NewstextError(f"the quotation {outside[0].text!r} is not in an annotated paragraph")
    return gold
