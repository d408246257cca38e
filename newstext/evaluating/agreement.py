"""How much two annotators of the main article agree on its entities.

Both annotations are lists of paragraphs in the reference format
(:class:`newstext.evaluating.reference.ReferenceParagraph`, see ``data/annotations/GUIDELINES.md``).
Entity offsets are raw-page offsets, so a span ``(start, end, label)`` is unique on the page
and two annotations can be compared span by span without looking at paragraphs.

Three measures:

- **Span agreement**: precision, recall and F1 of A against B (B plays the reference).
  *Exact*: same start, end and label. *Lenient*: the spans overlap and have the same label.
- **Cohen's kappa on tokens**: each token gets a BIO tag from each annotator (spaCy's
  tokenizer, then :func:`spacy.training.offsets_to_biluo_tags` and
  :func:`spacy.training.biluo_to_iob`); kappa corrects the share of equal tags for the
  agreement expected by chance.
- **A confusion table of labels** on the spans that overlap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import biluo_to_iob, offsets_to_biluo_tags

from newstext.core.model import load_english
from newstext.core.rates import Rates
from newstext.evaluating.reference import ReferenceEntity, ReferenceParagraph

#: What the confusion table shows where one annotator has no span.
NO_SPAN = "—"

OUTSIDE = "O"

Match = Callable[[ReferenceEntity, ReferenceEntity], bool]


# ---------------------------------------------------------------------------------------
# Spans.
# ---------------------------------------------------------------------------------------


def entities_of(paragraphs: Sequence[ReferenceParagraph]) -> list[ReferenceEntity]:
    """Every entity of the paragraphs, in page order."""
    return [entity for paragraph in paragraphs for entity in paragraph.entities]


def exact_match(x: ReferenceEntity, y: ReferenceEntity) -> bool:
    """Same start, same end, same label."""
    return (x.start, x.end, x.label) == (y.start, y.end, y.label)


def overlaps(x: ReferenceEntity, y: ReferenceEntity) -> bool:
    """The two spans share at least one character (labels not compared)."""
    return x.start < y.end and y.start < x.end


def lenient_match(x: ReferenceEntity, y: ReferenceEntity) -> bool:
    """The spans overlap and have the same label."""
    return overlaps(x, y) and x.label == y.label


@dataclass(frozen=True)
class SpanScores(Rates):
    """Counts behind span precision/recall: A's spans found in B, B's spans found in A."""

    a_spans: int
    b_spans: int
    a_matched: int
    b_matched: int

    def rate_counts(self) -> tuple[int, int, int, int]:
        """A's spans that B has too, of A's spans; B's spans that A has too, of B's spans."""
        return self.a_matched, self.a_spans, self.b_matched, self.b_spans


def span_scores(
    a: Sequence[ReferenceEntity], b: Sequence[ReferenceEntity], match: Match = exact_match
) -> SpanScores:
    """Count A's spans that match one of B's and B's spans that match one of A's."""
    a_matched = sum(1 for x in a if any(match(x, y) for y in b))
    b_matched = sum(1 for y in b if any(match(x, y) for x in a))
    return SpanScores(len(a), len(b), a_matched, b_matched)


def span_agreement_table(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """Exact and lenient agreement of A against B.

    Columns: ``match, a_spans, b_spans, a_matched, b_matched, precision, recall, f1``.
    """
    rows = []
    for name, match in (("exact", exact_match), ("lenient", lenient_match)):
        scores = span_scores(entities_of(a), entities_of(b), match)
        rows.append({
            "match": name, "a_spans": scores.a_spans, "b_spans": scores.b_spans,
            "a_matched": scores.a_matched, "b_matched": scores.b_matched,
            "precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
        })
    return pd.DataFrame(rows)


def scores_by_label(
    a: Sequence[ReferenceEntity], b: Sequence[ReferenceEntity]
) -> pd.DataFrame:
    """Exact-match precision/recall/F1 of A against B for each label, then ``ALL``.

    Columns: ``label, a_spans, b_spans, matched, precision, recall, f1``.
    """
    labels = sorted({entity.label for entity in [*a, *b]})
    rows = []
    for label in labels:
        a_label = [x for x in a if x.label == label]
        b_label = [y for y in b if y.label == label]
        rows.append(_label_row(label, span_scores(a_label, b_label)))
    rows.append(_label_row("ALL", span_scores(a, b)))
    return pd.DataFrame(rows)


def _label_row(label: str, scores: SpanScores) -> dict:
    return {
        "label": label, "a_spans": scores.a_spans, "b_spans": scores.b_spans,
        "matched": scores.a_matched, "precision": scores.precision,
        "recall": scores.recall, "f1": scores.f1,
    }


# ---------------------------------------------------------------------------------------
# Labels of overlapping spans.
# ---------------------------------------------------------------------------------------


def overlap_pairs(a: Sequence[ReferenceEntity], b: Sequence[ReferenceEntity]) -> pd.DataFrame:
    """Every pair of overlapping spans, and every span the other annotator has nothing on.

    Columns: ``a_text, a_label, b_text, b_label`` (``—`` where one side has no span).
    """
    rows = []
    for x in a:
        partners = [y for y in b if overlaps(x, y)]
        for y in partners:
            rows.append({"a_text": x.text, "a_label": x.label, "b_text": y.text,
                         "b_label": y.label})
        if not partners:
            rows.append({"a_text": x.text, "a_label": x.label, "b_text": NO_SPAN,
                         "b_label": NO_SPAN})
    for y in b:
        if not any(overlaps(x, y) for x in a):
            rows.append({"a_text": NO_SPAN, "a_label": NO_SPAN, "b_text": y.text,
                         "b_label": y.label})
    return pd.DataFrame(rows, columns=["a_text", "a_label", "b_text", "b_label"])


def label_confusion(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """A's label (rows) against B's label (columns) on overlapping spans; ``—``: no span."""
    pairs = overlap_pairs(entities_of(a), entities_of(b))
    return pd.crosstab(pairs["a_label"].rename("A"), pairs["b_label"].rename("B"))


# ---------------------------------------------------------------------------------------
# Tokens and kappa.
# ---------------------------------------------------------------------------------------


def bio_tags(doc: Doc, entities: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO tags of ``doc``'s tokens for entities given as ``(start, end, label)`` in ``doc``."""
    for start, end, _ in entities:
        if doc.char_span(start, end) is None:
            raise ValueError(f"{doc.text[start:end]!r} does not start and end on a token boundary")
    return biluo_to_iob(offsets_to_biluo_tags(doc, list(entities)))


def paragraph_tags(paragraph: ReferenceParagraph, nlp: Language) -> tuple[list[str], list[str]]:
    """The paragraph's tokens (tokenizer only) and their BIO tags."""
    doc = nlp.make_doc(paragraph.text)
    entities = [
        (entity.start - paragraph.start, entity.end - paragraph.start, entity.label)
        for entity in paragraph.entities
    ]
    return [token.text for token in doc], bio_tags(doc, entities)


def tag_table(
    a: Sequence[ReferenceParagraph],
    b: Sequence[ReferenceParagraph],
    nlp: Language | None = None,
) -> pd.DataFrame:
    """One row per token of the article: ``paragraph, token, a, b`` (the two BIO tags)."""
    nlp = nlp if nlp is not None else load_english()
    check_same_paragraphs(a, b)
    rows = []
    for paragraph_a, paragraph_b in zip(a, b, strict=True):
        tokens, tags_a = paragraph_tags(paragraph_a, nlp)
        _, tags_b = paragraph_tags(paragraph_b, nlp)
        for token, tag_a, tag_b in zip(tokens, tags_a, tags_b, strict=True):
            rows.append({"paragraph": paragraph_a.paragraph, "token": token,
                         "a": tag_a, "b": tag_b})
    return pd.DataFrame(rows, columns=["paragraph", "token", "a", "b"])


def check_same_paragraphs(
    a: Sequence[ReferenceParagraph], b: Sequence[ReferenceParagraph]
) -> None:
    """Raise ValueError unless A and B annotate the same paragraphs, in the same order."""
    if [(p.paragraph, p.text) for p in a] != [(p.paragraph, p.text) for p in b]:
        raise ValueError("the two annotations do not cover the same paragraphs")


@dataclass(frozen=True)
class Kappa:
    """Cohen's kappa and its two parts."""

    items: int
    observed: float  # share of items with the same tag
    chance: float  # share expected by chance, from each annotator's tag frequencies

    @property
    def kappa(self) -> float:
        if self.chance == 1.0:
            return 1.0  # both annotators used one and the same tag everywhere
        return (self.observed - self.chance) / (1.0 - self.chance)

    def __repr__(self) -> str:
        return (
            f"Kappa(kappa={self.kappa:.3f}, items={self.items}, observed={self.observed:.3f}, "
            f"chance={self.chance:.3f})"
        )


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> Kappa:
    """Cohen's kappa of two annotators who tagged the same items.

    observed = share of items tagged alike; chance = sum over tags of
    (share of A's items with the tag) x (share of B's items with the tag);
    kappa = (observed - chance) / (1 - chance).
    """
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two non-empty lists of tags of the same length")
    items = len(a)
    agreed = sum(1 for tag_a, tag_b in zip(a, b, strict=True) if tag_a == tag_b)
    counts_a = Counter(a)
    counts_b = Counter(b)
    chance = sum(counts_a[tag] * counts_b[tag] for tag in counts_a) / (items * items)
    return Kappa(items, agreed / items, chance)


def kappa_table(tags: pd.DataFrame) -> pd.DataFrame:
    """Kappa on every token, then only on tokens where A or B tagged an entity.

    ``tags`` is :func:`tag_table`'s output. Columns: ``tokens, both_o, observed, chance,
    kappa``. On all tokens most pairs are ``O``/``O``: they raise the observed agreement,
    and kappa looks better than the agreement on the entities themselves.
    """
    entity_tokens = tags[(tags["a"] != OUTSIDE) | (tags["b"] != OUTSIDE)]
    rows = []
    for name, subset in (("all tokens", tags), ("entity tokens (A or B not O)", entity_tokens)):
        kappa = cohen_kappa(list(subset["a"]), list(subset["b"]))
        both_o = int(((subset["a"] == OUTSIDE) & (subset["b"] == OUTSIDE)).sum())
        rows.append({"tokens": name, "items": kappa.items, "both_o": both_o,
                     "observed": kappa.observed, "chance": kappa.chance, "kappa": kappa.kappa})
    return pd.DataFrame(rows)
