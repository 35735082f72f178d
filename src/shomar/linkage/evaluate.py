"""Pairwise precision, recall and F1 of a linkage against the truth.

A linkage is read as the set of record pairs it puts in one person; so is the truth. This is
the measure the peer results use (``../shared/data/linkage/PEER_RESULTS.md``): every true pair
counts in the recall denominator, so pairs lost to blocking are false negatives.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
        }


def _pair_count(sizes: np.ndarray) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


#: one label per record: a list, or a NumPy array of them
Labels = Sequence[Hashable] | np.ndarray[Any, Any]


def pairwise_scores(predicted: Labels, truth: Labels) -> PairwiseScore:
    """Scores of the partition ``predicted`` against ``truth`` (one label per record each).

    Counted from the contingency table, so it is linear in the number of records.
    """
    frame = pd.DataFrame({"p": list(predicted), "t": list(truth)})
    both = frame.groupby(["p", "t"], sort=False).size().to_numpy()
    pred = frame.groupby("p", sort=False).size().to_numpy()
    true = frame.groupby("t", sort=False).size().to_numpy()
    correct, n_pred, n_true = _pair_count(both), _pair_count(pred), _pair_count(true)
    precision = correct / n_pred if n_pred else 1.0
    recall = correct / n_true if n_true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(precision, recall, f1, n_true, n_pred, correct)
