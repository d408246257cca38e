"""The evaluation table (model, model + rules, quotes against the gold) and its chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from newstext.core.plotting import OKABE_ITO  # noqa: E402
from newstext.evaluating.adjudication import merge_gold  # noqa: E402
from newstext.evaluating.evaluation_tables import (  # noqa: E402
    COLUMNS,
    evaluation_chart,
    evaluation_table,
    label_order,
)
from newstext.evaluating.reference import (
    load_annotator,  # noqa: E402
    load_reference,  # noqa: E402
)


@pytest.fixture(scope="module")
def table(nlp):
    gold = merge_gold(load_annotator("a"), load_annotator("b"), quotes_from=load_reference())
    return evaluation_table(gold, nlp)


def row(table, system, label):
    found = table[(table["system"] == system) & (table["label"] == label)]
    assert len(found) == 1, (system, label)
    return found.iloc[0]


def test_columns_and_rows(table):
    assert list(table.columns) == COLUMNS
    assert table["system"].value_counts().to_dict() == {
        "model": 8, "model + rules": 8, "quotes": 2}
    assert row(table, "model", "ALL")["support"] == 51
    assert row(table, "quotes", "QUOTE")["support"] == 12


def test_the_model_alone(table):
    # 48 of the model's 52 entities are right, 48 of 51 gold entities found;
    # ORG: 3 right of 7 (State, Trump and Lavrov as ORG ...); PERSON: 17 of 20 found.
    everything = row(table, "model", "ALL")
    assert everything["precision"] == pytest.approx(48 / 52)
    assert everything["recall"] == pytest.approx(48 / 51)
    assert row(table, "model", "ORG")["precision"] == pytest.approx(3 / 7)
    assert row(table, "model", "PERSON")["recall"] == pytest.approx(17 / 20)
    assert row(table, "model", "GPE")["f1"] == 1.0


def test_the_rules_and_the_quotes_are_right_on_this_article(table):
    with_rules = table[table["system"] == "model + rules"]
    assert (with_rules[["precision", "recall", "f1"]] == 1.0).all().all()
    quotes = table[table["system"] == "quotes"]
    assert quotes["label"].tolist() == ["QUOTE", "QUOTE + speaker"]
    assert (quotes[["precision", "recall", "f1"]] == 1.0).all().all()


def test_chart(table):
    fig = evaluation_chart(table)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() == "label" and ax.get_ylabel() == "f1"
    assert [tick.get_text() for tick in ax.get_xticklabels()] == label_order(table)
    assert label_order(table)[-3:] == ["ALL", "QUOTE", "QUOTE + speaker"]
    assert len(ax.patches) == len(table)
    colours = {to_hex(patch.get_facecolor()).upper() for patch in ax.patches}
    assert colours == {colour.upper() for colour in OKABE_ITO[:3]}
    plt.close(fig)
