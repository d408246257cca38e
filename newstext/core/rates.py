"""Precision, recall and F1: the one place the package computes them.

Every score in the course (line labels in 01, main-article shingles in 01 and 05, quotations
and entities in 03–05, agreement between annotators in 04) is one of these three rates over
counts. A count class mixes in :class:`Rates` and says, in :meth:`Rates.rate_counts`, which
of its counts are which.
"""

from __future__ import annotations


def ratio(part: int | float, whole: int | float) -> float:
    """``part / whole``, or 0.0 when ``whole`` is 0 (nothing to be right about)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of the two (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


class Rates:
    """Precision, recall and F1 as properties of a class of counts."""

    def rate_counts(self) -> tuple[int, int, int, int]:
        """``(predicted that are right, predicted, gold that were found, gold)``.

        The two "right" counts differ when matching is not one to one (two predicted spans
        may overlap one gold span); most classes give the same number twice."""
        raise NotImplementedError

    @property
    def precision(self) -> float:
        """Share of the predicted items that are right."""
        right, predicted, _, _ = self.rate_counts()
        return ratio(right, predicted)

    @property
    def recall(self) -> float:
        """Share of the gold items that were found."""
        _, _, found, gold = self.rate_counts()
        return ratio(found, gold)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        return f1(self.precision, self.recall)
