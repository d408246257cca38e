"""Keyness: the words that set one text apart from others.

For a word seen ``a`` times in the target (``c`` words in all) and ``b`` times in the
reference (``d`` words), the two texts make a 2 x 2 table::

                  target      reference
    the word      a           b
    other words   c - a       d - b

**Log-likelihood** (Dunning 1993, the G-test of that table)::

    G2 = 2 * sum(O * ln(O / E))  over the four cells,  E = row total * column total / (c + d)

(a cell with ``O = 0`` adds 0). G2 says how sure we can be that the word's rate differs:
above 3.84 the difference has p < 0.05, above 6.63 p < 0.01 (chi-square, one degree of
freedom); ``p_value`` is computed from it. The sign is ours: ``g2`` is positive when the
word is relatively more frequent in the target, negative when it is more frequent in the
reference. (Corpus tools such as the Lancaster LL calculator sum only the two cells of the
first row; their values are a little different.)

**Log ratio** (after Hardie 2014), with 0.5 added to both counts so that a word missing
from one side still gets a finite value::

    log_ratio = log2( ((a + 0.5) / c) / ((b + 0.5) / d) )

It says how big the difference is: +1 means twice as frequent in the target, -1 half as
frequent. G2 grows with the counts, log ratio does not; on a page this short, read both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newstext.exploring.counting import content_tokens

KEYNESS_COLUMNS = [
    "word",
    "target_count",
    "reference_count",
    "target_per_1000",
    "reference_per_1000",
    "g2",
    "log_ratio",
    "p_value",
]

#: Added to both counts in the log ratio.
SMOOTHING = 0.5


def _o_ln_o_over_e(observed: pd.Series, expected: pd.Series) -> pd.Series:
    """``O * ln(O / E)`` for one cell of every word, 0 where ``O`` is 0."""
    safe = observed.where(observed > 0, 1)  # ln(1/E) is never used: multiplied by O = 0
    return observed * np.log(safe / expected)


def log_likelihood(a: pd.Series, b: pd.Series, c: int, d: int) -> pd.Series:
    """Dunning's G2 (unsigned) for counts ``a`` (target) and ``b`` (reference) of each word,
    with target size ``c`` and reference size ``d``: see the module docstring."""
    total = c + d
    word_total = a + b
    other_total = total - word_total
    cells = [
        (a, c * word_total / total),
        (b, d * word_total / total),
        (c - a, c * other_total / total),
        (d - b, d * other_total / total),
    ]
    g2 = sum(_o_ln_o_over_e(observed, expected) for observed, expected in cells)
    return 2 * g2


def log_ratio(a: pd.Series, b: pd.Series, c: int, d: int) -> pd.Series:
    """The smoothed log ratio: ``log2(((a + 0.5) / c) / ((b + 0.5) / d))``."""
    return np.log2(((a + SMOOTHING) / c) / ((b + SMOOTHING) / d))


def p_value(g2: float) -> float:
    """The chance of a G2 at least this large if the two rates were equal (chi-square with
    one degree of freedom: ``erfc(sqrt(G2 / 2))``)."""
    return math.erfc(math.sqrt(abs(g2) / 2))


def keyness(target: pd.Series, reference: pd.Series) -> pd.DataFrame:
    """Keyness of every word of two word counts (a word -> count Series each, such as
    ``value_counts()`` gives); the sizes ``c`` and ``d`` are the sums of the counts given.

    Returns ``word, target_count, reference_count, target_per_1000, reference_per_1000,
    g2, log_ratio, p_value``: ``g2`` signed (positive: key in the target), sorted from the
    most key in the target to the most key in the reference (ties: larger log ratio, then
    word).
    """
    counts = pd.concat({"target_count": target, "reference_count": reference}, axis=1)
    counts = counts.fillna(0).astype(int).rename_axis("word").reset_index()
    a, b = counts["target_count"], counts["reference_count"]
    c, d = int(a.sum()), int(b.sum())
    counts["target_per_1000"] = 1000 * a / c
    counts["reference_per_1000"] = 1000 * b / d
    sign = np.sign(a / c - b / d)
    counts["g2"] = sign * log_likelihood(a, b, c, d)
    counts["log_ratio"] = log_ratio(a, b, c, d)
    counts["p_value"] = counts["g2"].map(p_value)
    counts = counts.sort_values(["g2", "log_ratio", "word"], ascending=[False, False, True])
    return counts[KEYNESS_COLUMNS].reset_index(drop=True)


def article_keyness(
    tokens: pd.DataFrame, target_ids: Iterable[int] = (1,), column: str = "lower"
) -> pd.DataFrame:
    """Keyness of the content words (``counting.content_tokens``) of the articles in
    ``target_ids`` (default: the main article, id 1) against all the other articles.

    ``column`` is what counts as the word: ``"lower"`` or ``"lemma"``.
    """
    content = content_tokens(tokens)
    in_target = content["article_id"].isin(list(target_ids))
    target = content.loc[in_target, column].value_counts()
    reference = content.loc[~in_target, column].value_counts()
    return keyness(target, reference)
