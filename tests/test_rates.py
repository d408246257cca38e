"""core.rates: the one precision/recall/F1, and the count classes that use it."""

from __future__ import annotations

import pytest

from newstext.core.rates import Rates, f1, ratio
from newstext.evaluating.agreement import SpanScores
from newstext.evaluating.dev_scores import EntityCounts
from newstext.evaluating.scores import QuoteCounts


def test_ratio_and_f1_by_hand():
    assert ratio(3, 4) == 0.75
    assert ratio(3, 0) == 0.0  # nothing predicted: nothing to be right about
    # 2 * 0.75 * 0.4 / 1.15, worked out on paper: 0.6 / 1.15
    assert f1(0.75, 0.4) == pytest.approx(0.6 / 1.15)
    assert f1(0.0, 0.0) == 0.0


def test_span_scores_use_each_sides_own_matches():
    # A has 4 spans, 3 of them in B; B has 5 spans, 2 of them in A (overlap matching is not
    # one to one): precision 3/4, recall 2/5.
    scores = SpanScores(a_spans=4, b_spans=5, a_matched=3, b_matched=2)
    assert (scores.precision, scores.recall) == (0.75, 0.4)
    assert scores.f1 == pytest.approx(0.6 / 1.15)


def test_quote_counts():
    scores = QuoteCounts(gold=12, predicted=13, found=12, right_speaker=11)
    assert scores.precision == 12 / 13
    assert scores.recall == 1.0
    assert scores.speaker_accuracy == 11 / 12
    assert scores.f1 == pytest.approx(2 * (12 / 13) / (1 + 12 / 13))
    scores += QuoteCounts(gold=3, predicted=1, found=1, right_speaker=0, errors=[{"miss": 1}])
    assert (scores.gold, scores.found, scores.right_speaker) == (15, 13, 11)
    assert scores.errors == [{"miss": 1}]


def test_entity_counts_add_up_before_the_rates():
    total = EntityCounts(gold=10, predicted=8, right=6)
    total += EntityCounts(gold=0, predicted=2, right=0)
    assert (total.precision, total.recall) == (0.6, 0.6)


def test_a_count_class_must_say_which_count_is_which():
    with pytest.raises(NotImplementedError):
        _ = Rates().precision
