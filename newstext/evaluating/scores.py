"""Scoring entities and quotations against the hand-made reference of the main article.

The reference (``data/annotations/main_article.jsonl``, described in
``data/annotations/GUIDELINES.md``) holds one record per paragraph with raw-page offsets.
Predictions are made on paragraph texts, so a prediction's offset inside its paragraph plus
the paragraph's raw ``start`` is its raw offset (for the main article, paragraph ``i`` is raw
line ``6 + i`` exactly).

- Entities are scored with spaCy's own scorer (:func:`spacy.scorer.get_ner_prf`): one
  :class:`spacy.training.Example` per paragraph, the model's ``Doc`` against a ``Doc`` of the
  same text carrying the reference entities. Exact boundaries and label, per label P/R/F.
- Quotations are matched on their exact raw span (marks included); a found quotation has the
  right speaker when its resolved speaker equals the reference's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example

from newstext.annotating.entity_rules import propagate_person_names, rules_on
from newstext.annotating.quotations import QuoteRecord, extract_quotes
from newstext.core.doc_cache import PARAGRAPHS_KEY, doc_from_paragraphs
from newstext.core.rates import Rates, ratio
from newstext.evaluating.reference import ReferenceParagraph, reference_quotes

#: A page's entity patterns for the rules: a JSONL file's path, a list of dicts, or None.
Patterns = str | Path | Sequence[dict] | None


@dataclass
class QuoteCounts(Rates):
    """Quotations in the gold, predicted, found (same span), found with the right speaker,
    for one system on one or more articles; ``errors`` may list what went wrong."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    right_speaker: int = 0
    errors: list[dict] = field(default_factory=list)

    def rate_counts(self) -> tuple[int, int, int, int]:
        return self.found, self.predicted, self.found, self.gold

    @property
    def speaker_accuracy(self) -> float:
        """Share of the found quotations whose speaker is right."""
        return ratio(self.right_speaker, self.found)

    def __iadd__(self, other: QuoteCounts) -> QuoteCounts:
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.right_speaker += other.right_speaker
        self.errors += other.errors
        return self


# ---------------------------------------------------------------------------------------
# The reference.
# ---------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------
# Entities.
# ---------------------------------------------------------------------------------------


def reference_doc(nlp: Language, paragraph: ReferenceParagraph) -> Doc:
    """A ``Doc`` of the paragraph's text (tokens only) carrying the reference entities."""
    doc = nlp.make_doc(paragraph.text)
    spans = []
    for entity in paragraph.entities:
        start, end = entity.start - paragraph.start, entity.end - paragraph.start
        span = doc.char_span(start, end, label=entity.label)
        if span is None:
            raise ValueError(f"reference entity {entity.text!r} is not on token boundaries")
        spans.append(span)
    doc.set_ents(spans, default="outside")  # every other token is annotated "no entity"
    return doc


def entity_examples(
    predicted: Sequence[Doc], paragraphs: Sequence[ReferenceParagraph], nlp: Language
) -> list[Example]:
    """One ``Example`` per paragraph: the predicted ``Doc`` against the reference."""
    if len(predicted) != len(paragraphs):
        raise ValueError(f"{len(predicted)} predicted docs for {len(paragraphs)} paragraphs")
    examples = []
    for doc, paragraph in zip(predicted, paragraphs, strict=True):
        if doc.text != paragraph.text:
            raise ValueError(f"the doc for paragraph {paragraph.paragraph} has another text")
        examples.append(Example(doc, reference_doc(nlp, paragraph)))
    return examples


def predict_entities(
    nlp: Language,
    paragraphs: Sequence[ReferenceParagraph],
    rules: bool = False,
    patterns: Patterns = None,
) -> list[Doc]:
    """One ``Doc`` per paragraph with the predicted entities, read from the article's
    ``Doc`` (:func:`article_doc`): each paragraph parsed as the notebooks' article Docs parse
    it, so the model's entities scored here are those the notebooks' tables show.

    Without ``rules``: the model alone. With ``rules``: the rule components switched on
    (with a page's ``patterns``, a JSONL path or a list, when given: see
    :func:`newstext.annotating.entity_rules.rules_on`), and
    :func:`newstext.annotating.entity_rules.propagate_person_names` applied to the
    whole article, since a surname in one paragraph is learnt from a full name in another.
    """
    article = article_doc(nlp, paragraphs, rules=rules, patterns=patterns)
    return [span.as_doc() for span in article.spans[PARAGRAPHS_KEY]]


def score_entities(
    nlp: Language,
    paragraphs: Sequence[ReferenceParagraph],
    rules: bool = False,
    patterns: Patterns = None,
    article: Sequence[ReferenceParagraph] | None = None,
) -> dict:
    """Score the predicted entities (see :func:`predict_entities`) with ``get_ner_prf``.

    ``article``: all the paragraphs of the article, when ``paragraphs`` is a part of it
    (two paragraphs a pair annotated, say): the article is parsed whole, as the rules see
    it, and only ``paragraphs`` are scored.

    Returns spaCy's dict: ``ents_p``, ``ents_r``, ``ents_f`` and ``ents_per_type``
    (``{label: {"p": ..., "r": ..., "f": ...}}``).
    """
    if article is None:
        docs = predict_entities(nlp, paragraphs, rules, patterns)
    else:
        by_start = dict(
            zip(
                (paragraph.start for paragraph in article),
                predict_entities(nlp, article, rules, patterns),
                strict=True,
            )
        )
        missing = [p.paragraph for p in paragraphs if p.start not in by_start]
        if missing:
            raise ValueError(
                f"paragraph {missing[0]} of the gold is not a paragraph of the article: "
                "clean the page as the annotators did"
            )
        docs = [by_start[paragraph.start] for paragraph in paragraphs]
    return get_ner_prf(entity_examples(docs, paragraphs, nlp))


def entity_scores_table(scores: dict) -> pd.DataFrame:
    """The scores as a table: one row per label, then ``ALL``; columns precision, recall, f1."""
    rows = []
    for label, prf in sorted(scores["ents_per_type"].items()):
        rows.append({"label": label, "precision": prf["p"], "recall": prf["r"], "f1": prf["f"]})
    rows.append(
        {
            "label": "ALL",
            "precision": scores["ents_p"],
            "recall": scores["ents_r"],
            "f1": scores["ents_f"],
        }
    )
    return pd.DataFrame(rows, columns=["label", "precision", "recall", "f1"])


def entities_in_raw(doc: Doc, raw_start: int) -> list[dict]:
    """The entities of a paragraph's ``Doc`` with raw offsets (``raw_start`` added)."""
    return [
        {
            "start": ent.start_char + raw_start,
            "end": ent.end_char + raw_start,
            "label": ent.label_,
            "text": ent.text,
        }
        for ent in doc.ents
    ]


# ---------------------------------------------------------------------------------------
# Quotations.
# ---------------------------------------------------------------------------------------


def article_doc(
    nlp: Language,
    paragraphs: Sequence[ReferenceParagraph],
    rules: bool = False,
    patterns: Patterns = None,
) -> Doc:
    """One ``Doc`` of the paragraphs' texts joined by newlines (each paragraph parsed alone),
    with the rules (and a page's ``patterns``) and name propagation when ``rules`` is True."""
    texts = [paragraph.text for paragraph in paragraphs]
    if not rules:
        return doc_from_paragraphs(nlp, texts)
    with rules_on(nlp, patterns=patterns):
        doc = doc_from_paragraphs(nlp, texts)
    return propagate_person_names(doc)


def predict_quotes(
    nlp: Language,
    paragraphs: Sequence[ReferenceParagraph],
    article_id: int | str = 1,
    rules: bool = False,
    patterns: Patterns = None,
) -> list[QuoteRecord]:
    """The extractor's quotations of the paragraphs, with raw offsets."""
    doc = article_doc(nlp, paragraphs, rules, patterns)
    records = extract_quotes(doc, article_id=article_id)
    doc_starts = [span.start_char for span in doc.spans[PARAGRAPHS_KEY]]
    return [_to_raw(record, doc_starts, paragraphs) for record in records]


def _to_raw(
    record: QuoteRecord, doc_starts: list[int], paragraphs: Sequence[ReferenceParagraph]
) -> QuoteRecord:
    """Move a record's offsets from the joined ``Doc`` to the raw page."""
    index = 0
    for i, doc_start in enumerate(doc_starts):
        if doc_start <= record.start_char:
            index = i
    shift = paragraphs[index].start - doc_starts[index]
    return replace(record, start_char=record.start_char + shift, end_char=record.end_char + shift)


def score_quotes(
    predicted: Sequence[QuoteRecord], paragraphs: Sequence[ReferenceParagraph]
) -> QuoteCounts:
    """Count the reference quotations found (same raw span) and found with the right speaker."""
    by_span = {(record.start_char, record.end_char): record for record in predicted}
    reference = reference_quotes(paragraphs)
    found = 0
    right_speaker = 0
    for quote in reference:
        record = by_span.get((quote.start, quote.end))
        if record is None:
            continue
        found += 1
        if record.speaker == quote.speaker:
            right_speaker += 1
    return QuoteCounts(len(reference), len(predicted), found, right_speaker)


def quote_comparison(
    predicted: Sequence[QuoteRecord], paragraphs: Sequence[ReferenceParagraph]
) -> pd.DataFrame:
    """One row per reference quotation: its speaker, what the extractor says, and whether
    they agree. Columns: ``line, quote, speaker, found, predicted_speaker, right``."""
    by_span = {(record.start_char, record.end_char): record for record in predicted}
    rows = []
    for paragraph in paragraphs:
        for quote in paragraph.quotes:
            record = by_span.get((quote.start, quote.end))
            predicted_speaker = record.speaker if record is not None else None
            rows.append(
                {
                    "line": paragraph.line,
                    "quote": quote.text,
                    "speaker": quote.speaker,
                    "found": record is not None,
                    "predicted_speaker": predicted_speaker,
                    "right": record is not None and predicted_speaker == quote.speaker,
                }
            )
    columns = ["line", "quote", "speaker", "found", "predicted_speaker", "right"]
    return pd.DataFrame(rows, columns=columns)
