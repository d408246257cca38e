"""One table and one chart for the evaluation against the gold: the model alone, the model
with the rules, and the quote extractor.

Entities are scored with :func:`newstext.evaluating.scores.score_entities` (spaCy's
``get_ner_prf``: exact boundaries and label, per label); quotations with
:func:`newstext.evaluating.scores.score_quotes` (exact span, marks included). A quotation row
``QUOTE`` counts a quotation as found when its span is right; ``QUOTE + speaker`` also
wants the right speaker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from spacy.language import Language

from newstext.core.model import load_english
from newstext.core.plotting import OKABE_ITO
from newstext.core.rates import f1, ratio
from newstext.evaluating.reference import ReferenceParagraph, reference_quotes
from newstext.evaluating.scores import (
    Patterns,
    predict_quotes,
    score_entities,
    score_quotes,
)

MODEL = "model"
MODEL_WITH_RULES = "model + rules"
QUOTES = "quotes"

ALL = "ALL"
QUOTE = "QUOTE"
QUOTE_AND_SPEAKER = "QUOTE + speaker"

COLUMNS = ["system", "label", "precision", "recall", "f1", "support"]


def entity_rows(system: str, scores: dict, gold: Sequence[ReferenceParagraph]) -> list[dict]:
    """One row per label of spaCy's scores, then ``ALL``; support from the gold's counts."""
    support = Counter(entity.label for paragraph in gold for entity in paragraph.entities)
    rows = []
    for label, prf in sorted(scores["ents_per_type"].items()):
        rows.append(
            {
                "system": system,
                "label": label,
                "precision": prf["p"],
                "recall": prf["r"],
                "f1": prf["f"],
                "support": support[label],
            }
        )
    rows.append(
        {
            "system": system,
            "label": ALL,
            "precision": scores["ents_p"],
            "recall": scores["ents_r"],
            "f1": scores["ents_f"],
            "support": sum(support.values()),
        }
    )
    return rows


def quote_rows(
    nlp: Language,
    gold: Sequence[ReferenceParagraph],
    patterns: Patterns = None,
    article: Sequence[ReferenceParagraph] | None = None,
) -> list[dict]:
    """``QUOTE`` (span found) and ``QUOTE + speaker`` (span and speaker right), with the
    extractor run on the pipeline with the rules (and ``patterns``). With ``article``, the
    extractor reads the whole article (a speaker named earlier resolves a later "he") and
    only its quotations inside the gold's paragraphs are scored."""
    predicted = predict_quotes(nlp, article or gold, rules=True, patterns=patterns)
    if article is not None:
        spans = [(paragraph.start, paragraph.end) for paragraph in gold]
        predicted = [
            record
            for record in predicted
            if any(start <= record.start_char < end for start, end in spans)
        ]
    scores = score_quotes(predicted, gold)
    support = len(reference_quotes(gold))
    speaker_precision = ratio(scores.right_speaker, scores.predicted)
    speaker_recall = ratio(scores.right_speaker, scores.gold)
    return [
        {
            "system": QUOTES,
            "label": QUOTE,
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": f1(scores.precision, scores.recall),
            "support": support,
        },
        {
            "system": QUOTES,
            "label": QUOTE_AND_SPEAKER,
            "precision": speaker_precision,
            "recall": speaker_recall,
            "f1": f1(speaker_precision, speaker_recall),
            "support": support,
        },
    ]


def evaluation_table(
    gold: Sequence[ReferenceParagraph],
    nlp: Language | None = None,
    patterns: Patterns = None,
    article: Sequence[ReferenceParagraph] | None = None,
) -> pd.DataFrame:
    """The scores of the three systems against the gold, one row per system and label.

    ``gold`` needs entities and quotations (the adjudicated gold with the reference's
    quotations, or the reference itself); a gold without any quotation gets no quotation
    rows (there is nothing to score them on). The rules run with a page's ``patterns``
    when given (``entity_rules.COURSE_PATTERNS``: the course page's). ``article``: all the
    paragraphs of the article when the gold covers only some (notebook 05's pair): the
    systems read the whole article and are scored on the gold's paragraphs. The quote
    extractor runs on the pipeline with the rules. Columns: ``system, label, precision,
    recall, f1, support``.
    """
    nlp = nlp if nlp is not None else load_english()
    rows = entity_rows(MODEL, score_entities(nlp, gold, article=article), gold)
    with_rules = score_entities(nlp, gold, rules=True, patterns=patterns, article=article)
    rows += entity_rows(MODEL_WITH_RULES, with_rules, gold)
    if reference_quotes(gold):
        rows += quote_rows(nlp, gold, patterns, article)
    return pd.DataFrame(rows, columns=COLUMNS)


def label_order(table: pd.DataFrame) -> list[str]:
    """Entity labels in alphabetical order, then ``ALL``, then the quotation rows."""
    last = [ALL, QUOTE, QUOTE_AND_SPEAKER]
    labels = sorted(set(table["label"]) - set(last))
    return labels + [label for label in last if label in set(table["label"])]


def bar_positions(table: pd.DataFrame, labels: list[str]) -> list[float]:
    """The x position of each row's bar: the bars of one label side by side, centred on
    the label (a label only one system has gets one bar in the middle)."""
    width = bar_width(table)
    positions = []
    for label, system in zip(table["label"], table["system"], strict=True):
        present = list(dict.fromkeys(table.loc[table["label"] == label, "system"]))
        offset = present.index(system) - (len(present) - 1) / 2
        positions.append(labels.index(label) + offset * width)
    return positions


def bar_width(table: pd.DataFrame) -> float:
    """Room for as many bars as the systems that share a label."""
    return 0.8 / table.groupby("label")["system"].nunique().max()


def evaluation_chart(table: pd.DataFrame, metric: str = "f1") -> Figure:
    """Grouped bars of ``metric``: one group per label, one bar per system that has it."""
    labels = label_order(table)
    positions = bar_positions(table, labels)
    fig, ax = plt.subplots(figsize=(12, 5.5))
    for index, system in enumerate(dict.fromkeys(table["system"])):
        rows = table["system"] == system
        x = [position for position, keep in zip(positions, rows, strict=True) if keep]
        ax.bar(
            x,
            table.loc[rows, metric],
            width=bar_width(table),
            label=system,
            color=OKABE_ITO[index % len(OKABE_ITO)],
        )
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("label")
    ax.set_ylabel(metric)
    ax.set_title(f"Against the gold: {metric} by label and system")
    ax.legend(title="system", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.tight_layout()
    return fig
