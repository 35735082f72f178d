"""Pairwise precision, recall and F1 of a partition."""

from __future__ import annotations

from shomar.linkage.evaluate import pairwise_scores


def test_known_partition() -> None:
    # truth: {0,1,2}, {3}; predicted: {0,1}, {2,3} → true pairs 3, predicted 2, correct 1
    score = pairwise_scores(["a", "a", "b", "b"], ["x", "x", "x", "y"])
    assert (score.true_pairs, score.predicted_pairs, score.correct_pairs) == (3, 2, 1)
    assert score.precision == 0.5
    assert abs(score.recall - 1 / 3) < 1e-12


def test_perfect() -> None:
    assert pairwise_scores([1, 1, 2], ["p", "p", "q"]).f1 == 1.0
