"""Calibration: the reliability table, ECE and the isotonic map from review decisions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.calibration import (
    MIN_DECISIONS,
    Calibration,
    calibrate_pairs,
    from_decisions,
    isotonic,
    reliability,
)


def _under_confident(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Scores whose true match rate is p + 0.3 (capped): like EM's middle bins on messy lists."""
    p = rng.random(n)
    y = rng.random(n) < np.minimum(1.0, p + 0.3)
    return p, y


def test_reliability_table_and_ece_of_a_known_case() -> None:
    ece, table = reliability([0.05, 0.05, 0.95, 0.95], [False, True, True, True])
    assert [row["pairs"] for row in table] == [2, 2]
    assert table[0]["true_share"] == 0.5 and table[1]["true_share"] == 1.0
    # half the pairs are off by 0.45, half by 0.05
    assert abs(ece - (0.5 * 0.45 + 0.5 * 0.05)) < 1e-12


def test_isotonic_map_is_monotone_and_removes_the_under_confidence() -> None:
    rng = np.random.default_rng(7)
    p, y = _under_confident(2000, rng)
    fit = isotonic(p, y.astype(float))
    grid = np.linspace(0, 1, 101)
    assert np.all(np.diff(fit.apply(grid)) >= -1e-12)
    test_p, test_y = _under_confident(5000, rng)
    raw, _ = reliability(test_p, test_y)
    calibrated, _ = reliability(fit.apply(test_p), test_y)
    assert raw > 0.2  # 0.3 off over 70 % of the range, less near 1
    assert calibrated < 0.05


def test_pav_pools_violators() -> None:
    fit = isotonic(np.array([0.1, 0.2, 0.3]), np.array([1.0, 0.0, 1.0]))
    # 0.1 (1) and 0.2 (0) violate the order: pooled to 0.5
    assert fit.apply([0.1, 0.2, 0.3]).tolist() == [0.5, 0.5, 1.0]


def test_outside_the_decided_range_the_map_runs_to_the_corners() -> None:
    fit = Calibration(x=(0.2, 0.8), y=(0.4, 0.9), decisions=300)
    assert np.allclose(fit.apply([0.0, 0.1, 0.5, 0.9, 1.0]), [0.0, 0.2, 0.65, 0.95, 1.0])
    assert Calibration.from_dict(fit.to_dict()) == fit


def test_too_few_decisions_leave_the_probabilities_alone() -> None:
    rng = np.random.default_rng(3)
    p, y = _under_confident(MIN_DECISIONS - 1, rng)
    assert from_decisions(p, y) is None
    p, _ = _under_confident(MIN_DECISIONS * 2, rng)
    one_sided = np.ones(len(p), dtype=bool)
    one_sided[:5] = False  # only five "different" verdicts
    assert from_decisions(p, one_sided) is None


def test_calibrate_pairs_maps_scores_with_the_reviewers_verdicts() -> None:
    rng = np.random.default_rng(11)
    n = 400
    p, y = _under_confident(n, rng)
    pairs = pd.DataFrame(
        {"unique_id_l": np.arange(n), "unique_id_r": np.arange(n) + n, "match_probability": p}
    )
    verdicts = {(int(i) + n, int(i)): bool(y[i]) for i in range(n)}  # either order
    out, fit = calibrate_pairs(pairs, verdicts)
    assert fit is not None and fit.decisions == n
    middle = (p > 0.2) & (p < 0.5)
    assert (out["match_probability"].to_numpy()[middle] > p[middle]).mean() > 0.9
    same, none = calibrate_pairs(pairs, dict(list(verdicts.items())[:10]))
    assert none is None and same is pairs
