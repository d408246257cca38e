"""Scoring predicted line labels against the hand-checked reference.

The reference is ``data/annotations/line_labels.csv`` (see its README). Removal is the
positive class: a line is *removed* when its action is ``drop``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newstext.core.errors import NewstextError
from newstext.core.paths import annotations_dir
from newstext.core.rates import f1, ratio

LINE_LABELS_FILE = "line_labels.csv"
ACTION_ORDER = ["keep", "headline", "metadata", "drop"]


@dataclass(frozen=True)
class LineScore:
    """How well predicted line labels match the reference."""

    precision: float  # of the lines predicted `drop`, the share the reference drops
    recall: float  # of the lines the reference drops, the share predicted `drop`
    f1: float
    action_accuracy: float  # share of lines with the reference action
    reason_accuracy: float  # share of lines with the reference reason
    article_accuracy: float  # share of lines with the reference article_id (both empty counts)
    confusion: pd.DataFrame  # reference actions (rows) x predicted actions (columns)
    disagreements: pd.DataFrame  # the lines where action, reason or article_id differ

    def is_perfect(self) -> bool:
        """True when every line has the reference action, reason and article."""
        return self.disagreements.empty


def load_line_labels(path: str | Path | None = None) -> pd.DataFrame:
    """The reference labels (``line_no``, ``action``, ``reason``, ``article_id``, ...)."""
    path = Path(path) if path is not None else annotations_dir() / LINE_LABELS_FILE
    if not path.is_file():
        raise NewstextError(f"{path} does not exist: the reference line labels are missing.")
    return pd.read_csv(
        path, dtype={"article_id": "Int64"}, keep_default_na=False, na_values={"article_id": [""]}
    )


def score_line_labels(predicted: pd.DataFrame, reference: pd.DataFrame) -> LineScore:
    """Compare two label tables, matched on ``line_no``.

    Both need ``line_no``, ``action``, ``reason`` and ``article_id`` (the ``lines``
    table of a cleaned page has them). Every reference line must be predicted.
    """
    columns = ["line_no", "action", "reason", "article_id"]
    merged = reference[columns].merge(
        predicted[columns],
        on="line_no",
        how="left",
        suffixes=("_ref", "_pred"),
        validate="one_to_one",
    )
    if merged["action_pred"].isna().any():
        missing = merged.loc[merged["action_pred"].isna(), "line_no"].tolist()
        raise NewstextError(f"no prediction for reference lines {missing[:10]}")
    removed_ref = merged["action_ref"] == "drop"
    removed_pred = merged["action_pred"] == "drop"
    true_positives = int((removed_ref & removed_pred).sum())
    precision = ratio(true_positives, int(removed_pred.sum()))
    recall = ratio(true_positives, int(removed_ref.sum()))
    f1_score = f1(precision, recall)
    same_action = merged["action_ref"] == merged["action_pred"]
    same_reason = merged["reason_ref"] == merged["reason_pred"]
    ref_article = merged["article_id_ref"].astype("Int64")
    pred_article = merged["article_id_pred"].astype("Int64")
    same_article = (ref_article == pred_article).fillna(False) | (
        ref_article.isna() & pred_article.isna()
    )
    confusion = pd.crosstab(
        pd.Categorical(merged["action_ref"], categories=ACTION_ORDER),
        pd.Categorical(merged["action_pred"], categories=ACTION_ORDER),
        rownames=["reference"],
        colnames=["predicted"],
        dropna=False,
    )
    agree = same_action & same_reason & same_article
    return LineScore(
        precision=precision,
        recall=recall,
        f1=f1_score,
        action_accuracy=float(same_action.mean()),
        reason_accuracy=float(same_reason.mean()),
        article_accuracy=float(same_article.mean()),
        confusion=confusion,
        disagreements=merged[~agree].reset_index(drop=True),
    )
