"""BCa pieces: percentile reduction, type-8 quantiles, and SparseMSE's jackknife acceleration.

The acceleration ``ahat`` comes from delete-one jackknife estimates, each of which repeats the
stepwise selection: it is deterministic, so reproducing SparseMSE ``estimatepopulation``'s
printed ``ahat`` (PEER_RESULTS.md, 4 decimals) on every table checks the whole
selection-and-estimation path on ~15-30 perturbed tables each. Tolerance: half a unit in the
4th decimal (R's printed rounding).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from shomar.estimation.bootstrap import acceleration, bca_interval
from shomar.estimation.capture import read_capture_table
from shomar.estimation.loglinear import estimate_loglinear

DATA = Path(__file__).parents[1] / "data" / "mse"

#: SparseMSE estimatepopulation(pthresh=0.02, iseed=1234) ahat, PEER_RESULTS.md
SPARSEMSE_AHAT = {
    "kosovo": -0.0042,
    "australia_4lists": -0.0719,
    "hiv_rome_4lists": -0.0153,
    "lesbian_allegheny_4lists": -0.0085,
    "diabetes_italy_4lists": 0.0020,
    "scotland_pwid_4lists": -0.0140,
    "spina_bifida_3lists": 0.0006,
    "korea_palembang_3lists": -0.0288,
    "western_us_5lists": -0.0950,
    "new_orleans_5lists": -0.0552,
    "artificial_3lists": -0.0610,
    "uk_2013_6lists": -0.0129,
    "new_orleans_8lists": -0.0293,
}


@pytest.mark.parametrize("name", sorted(SPARSEMSE_AHAT))
def test_stepwise_jackknife_acceleration_matches_sparsemse(name: str) -> None:
    table = read_capture_table(DATA / f"{name}.csv")
    result = estimate_loglinear(table, criterion="stepwise", bootstrap=2, seed=1)
    ahat = result.diagnostics["bootstrap"]["acceleration"]
    assert ahat == pytest.approx(SPARSEMSE_AHAT[name], abs=5e-5)


def test_bca_without_bias_or_acceleration_is_the_percentile_interval() -> None:
    reps = np.arange(1.0, 1001.0)  # exactly half below 500.5: z0 = 0
    (lo, hi), z0 = bca_interval(reps, popest=500.5, ahat=0.0, level=0.95)
    assert z0 == 0.0
    assert lo == pytest.approx(np.quantile(reps, 0.025, method="median_unbiased"), rel=1e-3)
    assert hi == pytest.approx(np.quantile(reps, 0.975, method="median_unbiased"), rel=1e-3)


def test_type8_quantile_matches_r() -> None:
    # R: quantile(1:10, c(0.1, 0.5, 0.9), type = 8) = 1.366667 5.500000 9.633333
    q = np.quantile(np.arange(1.0, 11.0), [0.1, 0.5, 0.9], method="median_unbiased")
    assert q == pytest.approx([1.366667, 5.5, 9.633333], abs=1e-6)


def test_acceleration_ignores_empty_cells_and_is_zero_for_constant_estimates() -> None:
    counts = np.array([3, 0, 5])
    assert acceleration(np.array([10.0, 99.0, 10.0]), counts) == 0.0
    skewed = acceleration(np.array([10.0, 0.0, 12.0]), counts)
    assert skewed != 0.0
