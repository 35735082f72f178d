"""Calibration of match probabilities: the reliability table, ECE and an isotonic map.

The model's probabilities come from EM, which cannot see the truth; on the simulated messy
lists the pairs it scores 0.1-0.5 are 50-75 % true (under-confident, README "Model
(2026-12-02)"). Once reviewers have decided enough pairs, an isotonic regression of their
verdicts on the model's probabilities (pool-adjacent-violators; Zadrozny and Elkan 2002,
"Transforming classifier scores into accurate multiclass probability estimates", KDD) maps
each probability to the share of "same" verdicts among pairs scored like it. Decisions come
mostly from the review band, so outside the decided range the map runs straight to (0, 0)
and (1, 1); with fewer than :data:`MIN_DECISIONS` decisions, or fewer than
:data:`MIN_EACH` of either verdict, there is no map and the EM probabilities are used as
they are. The map re-orders the review queue and feeds the linkage-uncertainty samples; it
does not move the clustering threshold (clustering follows the model, constraints and
conflicts).

numpy and pandas only; the reliability table uses 10 equal-width bins, as the benchmarks do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: decisions needed before the reviewers' verdicts recalibrate the model's probabilities
MIN_DECISIONS = 200
#: ... of which at least this many of each verdict
MIN_EACH = 20


@dataclass(frozen=True)
class Calibration:
    """A monotone map from model probability to calibrated probability (knots ``x`` → ``y``)."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    decisions: int

    def apply(self, p: np.ndarray | Sequence[float]) -> np.ndarray:
        """Calibrated probabilities: interpolated between the knots, and outside them between
        the end knots and (0, 0) or (1, 1), so the map stays monotone and continuous."""
        x = np.r_[0.0, self.x, 1.0]
        y = np.r_[0.0, self.y, 1.0]
        return np.asarray(np.interp(np.asarray(p, dtype=float), x, y))

    def to_dict(self) -> dict[str, Any]:
        return {"x": list(self.x), "y": list(self.y), "decisions": self.decisions}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Calibration:
        return cls(tuple(data["x"]), tuple(data["y"]), int(data["decisions"]))


def isotonic(p: np.ndarray, y: np.ndarray) -> Calibration:
    """Isotonic (non-decreasing) least-squares fit of ``y`` (0/1) on ``p`` by pool-adjacent-
    violators; ties in ``p`` are pooled first."""
    order = np.argsort(p, kind="stable")
    xs, ys = np.asarray(p, float)[order], np.asarray(y, float)[order]
    ux, start = np.unique(xs, return_index=True)
    sums = np.add.reduceat(ys, start)
    counts = np.diff(np.r_[start, len(xs)]).astype(float)
    # blocks: (sum, count, first x, last x); merge while the previous mean is not below
    blocks: list[list[float]] = []
    for value, count, x in zip(sums, counts, ux, strict=True):
        blocks.append([float(value), float(count), float(x), float(x)])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, c, _, hi = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
            blocks[-1][3] = hi
    knots_x: list[float] = []
    knots_y: list[float] = []
    for s, c, lo, hi in blocks:
        knots_x += [lo, hi] if hi > lo else [lo]
        knots_y += [s / c] * (2 if hi > lo else 1)
    return Calibration(tuple(knots_x), tuple(knots_y), len(xs))


def from_decisions(p: Sequence[float], same: Sequence[bool]) -> Calibration | None:
    """The isotonic map from reviewers' verdicts on scored pairs, or ``None`` when there are
    too few (see module)."""
    probs, verdicts = np.asarray(p, float), np.asarray(same, bool)
    n_same = int(verdicts.sum())
    if len(probs) < MIN_DECISIONS or min(n_same, len(probs) - n_same) < MIN_EACH:
        return None
    return isotonic(probs, verdicts.astype(float))


def reliability(
    p: Sequence[float], y: Sequence[bool], bins: int = 10
) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error and the reliability table (equal-width bins):
    ECE = Σ_b n_b / N · |mean p_b − share true_b| (Naeini et al. 2015, AAAI)."""
    probs, truth = np.asarray(p, float), np.asarray(y, float)
    if len(probs) == 0:
        return 0.0, []
    which = np.minimum((probs * bins).astype(int), bins - 1)
    table: list[dict[str, Any]] = []
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if not mask.any():
            continue
        mean_p, share = float(probs[mask].mean()), float(truth[mask].mean())
        ece += mask.sum() / len(probs) * abs(mean_p - share)
        table.append(
            {"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "pairs": int(mask.sum()),
             "mean_p": mean_p, "true_share": share}
        )  # fmt: skip
    return float(ece), table


def calibrate_pairs(
    pairs: pd.DataFrame, verdicts: Mapping[tuple[int, int], bool]
) -> tuple[pd.DataFrame, Calibration | None]:
    """``pairs`` with ``match_probability`` mapped by the isotonic fit of the ``verdicts``
    (record-index pair → "same") on the decided pairs' scores; unchanged without a fit."""
    if pairs.empty or not verdicts:
        return pairs, None
    keys = zip(pairs["unique_id_l"].tolist(), pairs["unique_id_r"].tolist(), strict=True)
    decided = {(min(a, b), max(a, b)): same for (a, b), same in verdicts.items()}
    probs, same = [], []
    for p, key in zip(pairs["match_probability"].tolist(), keys, strict=True):
        if key in decided:
            probs.append(p)
            same.append(decided[key])
    fit = from_decisions(probs, same)
    if fit is None:
        return pairs, None
    return pairs.assign(
        match_probability=fit.apply(pairs["match_probability"].to_numpy(float))
    ), fit
