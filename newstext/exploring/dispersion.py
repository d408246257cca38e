"""Dispersion: where in each article given terms occur (drawn by
:func:`newstext.exploring.figures.dispersion_plot`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: The names notebook 02 follows through the articles.
NAMES = ("Rubio", "Lavrov", "Trump", "Putin", "NATO", "Ukraine", "Russia", "Cuba")

POSITION_COLUMNS = ["article_id", "term", "i", "position", "sentence_id", "paragraph_id"]


def term_positions(tokens: pd.DataFrame, terms: Sequence[str] = NAMES) -> pd.DataFrame:
    """One row per occurrence of a term: ``article_id, term`` (as given), ``i`` (the token
    index), ``position`` (``i`` relative to the article: 0 = first token, 1 = last),
    ``sentence_id, paragraph_id``.

    A token matches a term when their lower-cased texts are equal: ``Rubio`` finds "Rubio"
    and the "Rubio" of "Marco Rubio"; ``Ukraine`` finds the "Ukraine" of "Ukraine's" (spaCy
    splits the "'s" off) but not "Ukrainian".
    """
    last_index = tokens.groupby("article_id")["i"].transform("max")
    wanted = {term.lower(): term for term in terms}
    found = tokens[tokens["lower"].isin(list(wanted))].copy()
    found["term"] = found["lower"].map(wanted)
    found["position"] = found["i"] / last_index[found.index]
    found = found.sort_values(["article_id", "i"])
    return found[POSITION_COLUMNS].reset_index(drop=True)
