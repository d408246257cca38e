"""cooccurrence.py and names.py: one key per name, and which names share a sentence."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import Span

from newstext.exploring.cooccurrence import (
    NAME_COLUMNS,
    PAIR_COLUMNS,
    cooccurrence_matrix,
    sentence_counts,
    sentence_names,
    top_pairs,
)
from newstext.exploring.names import name_key
from newstext.exploring.page_docs import article_docs, cleaned_page
from newstext.exploring.tables import tokens_table


@pytest.fixture(scope="session")
def names(tmp_path_factory, nlp):
    cleaned = cleaned_page(out_dir=tmp_path_factory.mktemp("processed"))
    docs = article_docs(cleaned, nlp)
    return sentence_names(docs, tokens_table(cleaned, docs))


@pytest.fixture(scope="session")
def matrix(names):
    return cooccurrence_matrix(names)


# -- name keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end, label, key",
    [
        ("Marco Rubio said so.", 0, 2, "PERSON", "Rubio"),
        ("Rubio said so.", 0, 1, "PERSON", "Rubio"),
        ("since Fidel Castro's revolution", 1, 4, "PERSON", "Castro"),
        ("President Miguel Diaz-Canel spoke", 1, 5, "PERSON", "Diaz-Canel"),
        ("The United States said", 0, 3, "GPE", "US"),
        ("U.S. weapons", 0, 1, "GPE", "US"),
        ("Russia's Foreign Ministry", 0, 2, "GPE", "Russia"),
        ("The State Department said", 0, 3, "ORG", "State Department"),
        ("Trump said", 0, 1, "ORG", "Trump"),
    ],
)
def test_name_key(nlp, text, start, end, label, key):
    doc = nlp.make_doc(text)
    ent = Span(doc, start, end, label=label)
    for token in doc:  # make_doc has no tags: mark the possessive by hand
        if token.text == "'s":
            token.tag_ = "POS"
    assert name_key(ent) == key


# -- names per sentence -------------------------------------------------------------------------


def test_sentence_names_one_row_per_name_per_sentence(names):
    assert list(names.columns) == NAME_COLUMNS
    assert not names.duplicated(["sentence_id", "name"]).any()
    first = names[names["sentence_id"] == 1]
    assert list(first["name"]) == [
        "US",
        "State",
        "Rubio",
        "Ukraine",
        "Russian",
        "Lavrov",
        "ASEAN",
        "Kuala Lumpur",
    ]


def test_rubio_and_marco_rubio_are_one_name(names):
    assert "Marco Rubio" not in set(names["name"])
    assert sentence_counts(names)["Rubio"] == 14


def test_sentence_counts(names):
    counts = sentence_counts(names)
    assert list(counts.index[:5]) == ["Ukraine", "US", "Trump", "Rubio", "NATO"]
    assert list(counts[:5]) == [31, 28, 20, 14, 10]


# -- the matrix ---------------------------------------------------------------------------------


def test_matrix_is_square_and_symmetric_with_a_zero_diagonal(matrix):
    assert list(matrix.index) == list(matrix.columns)
    pd.testing.assert_frame_equal(matrix, matrix.T)
    assert (pd.Series([matrix.loc[name, name] for name in matrix.index]) == 0).all()


def test_rubio_and_lavrov_share_two_sentences(matrix):
    """The first sentence ("... Marco Rubio ... Sergey Lavrov ...") and "the second
    in-person encounter between Rubio and Lavrov" (Lavrov tagged ORG there)."""
    assert matrix.loc["Rubio", "Lavrov"] == 2
    assert matrix.loc["Lavrov", "Rubio"] == 2


def test_trump_and_rubio_never_share_a_sentence(matrix):
    assert matrix.loc["Trump", "Rubio"] == 0
    assert matrix.loc["Trump", "Putin"] == 5


def test_top_and_diagonal(names):
    small = cooccurrence_matrix(names, top=3, with_diagonal=True)
    assert list(small.index) == ["Ukraine", "US", "Trump"]
    assert small.to_numpy().tolist() == [[31, 12, 7], [12, 28, 6], [7, 6, 20]]


def test_top_pairs(matrix):
    pairs = top_pairs(matrix, n=3)
    assert list(pairs.columns) == PAIR_COLUMNS
    assert pairs.to_dict("records") == [
        {"name_a": "US", "name_b": "Ukraine", "sentences": 12},
        {"name_a": "Cuban", "name_b": "US", "sentences": 7},
        {"name_a": "Rubio", "name_b": "US", "sentences": 7},
    ]
