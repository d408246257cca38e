"""Co-occurrence: which names share a sentence.

Step 1, :func:`sentence_names`: a tidy table with one row per name per sentence (a name
mentioned twice in a sentence counts once). Names are the PERSON, ORG, GPE and NORP
entities, each under its key (:func:`newstext.exploring.names.name_key`: "Marco Rubio" and "Rubio"
are both ``Rubio``).

Step 2, :func:`cooccurrence_matrix`: a square, symmetric table, one row and one column per
name, holding the number of sentences in which the two names appear together. It is the
sentence-by-name table (``pd.crosstab``) multiplied by its own transpose.

Step 3, :func:`top_pairs`: the matrix read back as a list of pairs, most frequent first.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from spacy.tokens import Doc

from newstext.exploring.names import NAME_LABELS, name_key

NAME_COLUMNS = ["article_id", "sentence_id", "name", "label"]
PAIR_COLUMNS = ["name_a", "name_b", "sentences"]


def sentence_names(
    docs: list[Doc], tokens: pd.DataFrame, labels: Sequence[str] = NAME_LABELS
) -> pd.DataFrame:
    """One row per name per sentence: ``article_id, sentence_id`` (from the tokens table),
    ``name`` (the key) and ``label`` (the entity label of its first mention there)."""
    sentence_of = tokens.set_index(["article_id", "i"])["sentence_id"]
    rows = []
    for doc in docs:
        article_id = doc.user_data["article_id"]
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": int(sentence_of[(article_id, ent.start)]),
                    "name": name_key(ent),
                    "label": ent.label_,
                }
            )
    table = pd.DataFrame(rows, columns=NAME_COLUMNS)
    return table.drop_duplicates(["sentence_id", "name"]).reset_index(drop=True)


def cooccurrence_matrix(
    names: pd.DataFrame, top: int | None = None, with_diagonal: bool = False
) -> pd.DataFrame:
    """Names x names: in how many sentences each pair appears together.

    ``top`` keeps the names found in the most sentences (ties: alphabetical); rows and
    columns are in that order. The diagonal is 0 (a name is no pair with itself) unless
    ``with_diagonal`` is True: then it is the number of sentences the name is in.
    """
    order = sentence_counts(names).index
    if top is not None:
        order = order[:top]
    kept = names[names["name"].isin(order)]
    in_sentence = pd.crosstab(kept["sentence_id"], kept["name"]).clip(upper=1)
    in_sentence = in_sentence[list(order)]
    matrix = in_sentence.T @ in_sentence
    if not with_diagonal:
        for name in matrix.index:
            matrix.loc[name, name] = 0
    matrix.index.name = None
    matrix.columns.name = None
    return matrix


def sentence_counts(names: pd.DataFrame) -> pd.Series:
    """In how many sentences each name appears, most first (ties: alphabetical)."""
    counts = names.groupby("name").size()
    frame = counts.rename("sentences").reset_index()
    frame = frame.sort_values(["sentences", "name"], ascending=[False, True])
    return frame.set_index("name")["sentences"]


def top_pairs(matrix: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` pairs of names that share the most sentences: ``name_a, name_b,
    sentences`` (each pair once; ties: alphabetical)."""
    rows = []
    names = list(matrix.index)
    for row, first in enumerate(names):
        for second in names[row + 1 :]:
            count = int(matrix.loc[first, second])
            if count > 0:
                pair = sorted([first, second])
                rows.append({"name_a": pair[0], "name_b": pair[1], "sentences": count})
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    pairs = pairs.sort_values(["sentences", "name_a", "name_b"], ascending=[False, True, True])
    return pairs.head(n).reset_index(drop=True)
