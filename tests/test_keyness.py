"""keyness.py: Dunning's log-likelihood with a sign, and the smoothed log ratio."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newstext.exploring.keyness import (
    KEYNESS_COLUMNS,
    article_keyness,
    keyness,
    log_likelihood,
    log_ratio,
    p_value,
)


@pytest.fixture(scope="session")
def main_keyness(tokens):
    return article_keyness(tokens)


def g2_by_hand(a: int, b: int, c: int, d: int) -> float:
    """The four cells of the 2 x 2 table, written out."""
    n = c + d
    cells = [
        (a, c * (a + b) / n),
        (b, d * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (d - b, d * (n - a - b) / n),
    ]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


# -- the formulas on small numbers ------------------------------------------------------------


def test_log_likelihood_of_a_word_seen_only_in_the_target():
    """a=10, b=0 in two texts of 100 words: E = 5, 5, 95, 95 and
    G2 = 2 * (10 ln 2 + 90 ln(90/95) + 100 ln(100/95)) = 14.3895..."""
    g2 = log_likelihood(pd.Series([10]), pd.Series([0]), 100, 100)
    assert g2[0] == pytest.approx(14.3895, abs=1e-4)
    assert g2[0] == pytest.approx(g2_by_hand(10, 0, 100, 100))


def test_equal_rates_give_zero():
    g2 = log_likelihood(pd.Series([4]), pd.Series([8]), 100, 200)
    assert g2[0] == pytest.approx(0.0, abs=1e-12)


def test_log_ratio_is_smoothed_by_a_half():
    ratio = log_ratio(pd.Series([10]), pd.Series([0]), 100, 100)
    assert ratio[0] == pytest.approx(math.log2(10.5 / 0.5))
    assert log_ratio(pd.Series([3]), pd.Series([7]), 50, 150)[0] == pytest.approx(
        math.log2((3.5 / 50) / (7.5 / 150))
    )


def test_p_value_at_the_usual_thresholds():
    assert p_value(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert p_value(6.634897) == pytest.approx(0.01, abs=1e-6)
    assert p_value(0.0) == 1.0


def test_keyness_signs_and_sorts():
    target = pd.Series({"rubio": 10, "the": 40, "cuba": 0})
    reference = pd.Series({"rubio": 2, "the": 80, "cuba": 18})
    table = keyness(target, reference)
    assert list(table.columns) == KEYNESS_COLUMNS
    assert list(table["word"]) == ["rubio", "the", "cuba"]
    assert table["g2"].iloc[0] > 0 > table["g2"].iloc[-1]
    rubio = table.iloc[0]
    assert rubio["g2"] == pytest.approx(g2_by_hand(10, 2, 50, 100))
    assert rubio["target_per_1000"] == pytest.approx(200.0)
    assert rubio["reference_per_1000"] == pytest.approx(20.0)


# -- the course page ----------------------------------------------------------------------------


def test_the_main_article_is_about_putin_and_a_meeting(main_keyness):
    assert list(main_keyness["word"][:5]) == ["putin", "expressed", "war", "meeting", "rubio"]


def test_putin_by_hand(main_keyness):
    """Putin: 7 of the main article's 178 content words, 2 of the related articles' 905."""
    putin = main_keyness.iloc[0]
    assert (putin["target_count"], putin["reference_count"]) == (7, 2)
    assert putin["g2"] == pytest.approx(g2_by_hand(7, 2, 178, 905))
    assert putin["g2"] == pytest.approx(16.6718, abs=1e-4)
    assert putin["log_ratio"] == pytest.approx(math.log2((7.5 / 178) / (2.5 / 905)))
    assert putin["p_value"] < 0.0001


def test_lavrov_is_key_and_only_in_the_main_article(main_keyness):
    lavrov = main_keyness.set_index("word").loc["lavrov"]
    assert (lavrov["target_count"], lavrov["reference_count"]) == (2, 0)
    assert lavrov["g2"] == pytest.approx(7.2417, abs=1e-4)


def test_the_related_articles_are_about_weapons_nato_and_cuba(main_keyness):
    assert list(main_keyness["word"][-3:]) == ["cuban", "nato", "weapons"]
    assert (main_keyness["g2"].iloc[-3:] < 0).all()


def test_said_and_ukraine_are_not_key(main_keyness):
    rows = main_keyness.set_index("word")
    assert abs(rows.loc["said", "g2"]) < 1 and abs(rows.loc["ukraine", "g2"]) < 1


def test_how_many_words_are_key_at_p_below_005(main_keyness):
    key = main_keyness[main_keyness["p_value"] < 0.05]
    assert (key["g2"] > 0).sum() == 12
    assert (key["g2"] < 0).sum() == 3


def test_keyness_of_lemmas(tokens):
    lemmas = article_keyness(tokens, column="lemma")
    assert list(lemmas["word"][:3]) == ["Putin", "express", "war"]
