"""LCMCR (Manrique-Vallier 2016) against the R package LCMCR 0.4.14 and on simulated data.

R reference runs: ``shared/data/mse/PEER_RESULTS.md``, "LCMCR doc" rows (the ``man/lcmCR.Rd``
example settings: K = 10, a = b = 0.25, burn-in 10,000, 1,000 samples, thinning 100, one chain,
seed 12345; posterior median and 2.5%/97.5% quantiles). We run the same settings with four
chains. Tolerances are those of issue 5: the median within 3% (Kosovo) or 5% (UK, New Orleans;
R's own runs with other settings differ by up to 3.4% there) and interval ends within 8%
(Monte Carlo error of a 2.5% quantile from ~1,000 autocorrelated draws is several percent).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from scipy.special import betaln, gammaln, logsumexp

from shomar.errors import EstimationError
from shomar.estimation._lcmcr_kernel import run_chain
from shomar.estimation.capture import CaptureTable, read_capture_table
from shomar.estimation.lcmcr import (
    MAX_EXTENSIONS,
    ChainSampler,
    LcmcrSpec,
    default_classes,
    estimate_lcmcr,
)
from shomar.estimation.result import IDENTIFYING_ASSUMPTIONS, EstimateResult

DATA = Path(__file__).parents[1] / "data" / "mse"
QUICK = {"burnin": 300, "samples": 200, "thinning": 5, "chains": 2, "extend": False}


def _r_doc(name: str, seed: int) -> EstimateResult:
    """R's documented example settings (man/lcmCR.Rd), four chains."""
    return estimate_lcmcr(
        _table(name), K=10, a_alpha=0.25, b_alpha=0.25, burnin=10_000, samples=1_000,
        thinning=100, seed=seed, extend=False,
    )  # fmt: skip


def _table(name: str) -> CaptureTable:
    return read_capture_table(DATA / f"{name}.csv")


def _simulate(rng: np.random.Generator, n_total: int) -> CaptureTable:
    """Two latent classes (30% hard to reach), five lists independent within each class."""
    hard = rng.random(n_total) < 0.3
    probs = np.where(hard[:, None], [0.1, 0.15, 0.1, 0.2, 0.1], [0.5, 0.4, 0.5, 0.35, 0.45])
    seen = rng.random(probs.shape) < probs
    counts: dict[tuple[int, ...], int] = {}
    for row in seen[seen.any(axis=1)]:
        key = tuple(int(v) for v in row)
        counts[key] = counts.get(key, 0) + 1
    return CaptureTable.from_counts(("A", "B", "C", "D", "E"), counts)


def test_recovers_a_known_population_size() -> None:
    # N = 20,000 (the cost depends on the number of cells, not on N). With N = 2,000 the same
    # design is weakly identified and LCMCR's Beta(1, 1) priors pull the small class's capture
    # probabilities up, so the median falls 5-10% low: see benchmarks/estimation/calibration.py.
    table = _simulate(np.random.default_rng(2024), 20_000)
    result = estimate_lcmcr(table, burnin=2000, samples=500, thinning=10, seed=11, extend=False)
    low, high = result.interval
    assert low < 20_000 < high
    # Over ten simulated tables the median fell within 4% of the truth; 10% leaves margin.
    assert result.estimate == pytest.approx(20_000, rel=0.10)


def test_with_one_class_the_sampler_reproduces_the_exact_posterior() -> None:
    # With K = 1 the model is list independence with Beta(1, 1) priors and p(N) ∝ 1/N, whose
    # posterior is exact: p(N | x) ∝ N^-1 N! / (N - n)! prod_j B(n_j + 1, N - n_j + 1). This
    # checks the data augmentation of the unobserved count (Manrique-Vallier 2016, Section 3).
    table = _table("kosovo")
    n = table.observed
    grid = np.arange(n, 3 * n)
    log_post = -np.log(grid) + gammaln(grid + 1) - gammaln(grid - n + 1)
    for total in table.list_totals().values():
        log_post += betaln(total + 1, grid - total + 1)
    cdf = np.cumsum(np.exp(log_post - logsumexp(log_post)))
    exact = grid[np.searchsorted(cdf, [0.025, 0.5, 0.975])]  # 7143, 7387, 7650
    keep = table.counts > 0
    draws, _, _ = run_chain(
        np.random.default_rng(1), table.patterns[keep].astype(np.int64),
        table.counts[keep].astype(np.int64), 1, 0.25, 0.25, 100, 1000, 20_000, 1,
    )  # fmt: skip
    # 20,000 nearly independent draws: Monte Carlo error of these quantiles is < 0.3%.
    np.testing.assert_allclose(np.quantile(draws, [0.025, 0.5, 0.975]), exact, rtol=0.005)


def test_same_seed_same_draws_and_another_seed_other_draws() -> None:
    table = _table("kosovo")
    first, again, other = (estimate_lcmcr(table, seed=s, **QUICK) for s in (3, 3, 4))
    assert first.draws is not None and again.draws is not None and other.draws is not None
    np.testing.assert_array_equal(first.draws, again.draws)
    assert first.estimate == again.estimate and first.interval == again.interval
    assert not np.array_equal(first.draws, other.draws)


def test_draws_have_axes_chain_and_draw() -> None:
    result = estimate_lcmcr(_table("kosovo"), seed=1, **QUICK)
    assert result.draws is not None
    assert result.draws.shape == (2, 200)
    assert result.draws.min() >= 4400  # N is never below the observed count


def test_result_records_settings_seed_and_diagnostics() -> None:
    result = estimate_lcmcr(_table("kosovo"), seed=1, **QUICK)
    assert result.method == "lcmcr"
    assert result.observed == 4400
    assert result.seed == 1
    assert result.settings == {
        "K": 15, "a_alpha": 0.25, "b_alpha": 0.25, "burnin": 300, "samples": 200,
        "thinning": 5, "chains": 2, "warmup": 500,
    }  # fmt: skip
    assert result.interval_type == "equal-tailed posterior"
    assert result.interval[0] < result.estimate < result.interval[1]
    for key in ("rhat", "ess_bulk", "posterior_mean", "chain_medians", "alpha_mean"):
        assert key in result.diagnostics
    assert result.warnings[0] == IDENTIFYING_ASSUMPTIONS["lcmcr"]
    json.dumps(result.to_dict())


def test_without_a_seed_the_entropy_used_is_recorded_and_replays_the_run() -> None:
    table = _table("spina_bifida_3lists")
    first = estimate_lcmcr(table, **QUICK)
    assert isinstance(first.seed, int)
    again = estimate_lcmcr(table, seed=first.seed, **QUICK)
    assert first.draws is not None and again.draws is not None
    np.testing.assert_array_equal(first.draws, again.draws)


@pytest.mark.parametrize(("n_lists", "classes"), [(2, 3), (3, 7), (4, 15), (8, 15)])
def test_default_classes_follow_hrdag(n_lists: int, classes: int) -> None:
    assert default_classes(n_lists) == classes


def test_short_chains_on_a_slowly_mixing_table_are_flagged() -> None:
    result = estimate_lcmcr(
        _table("uk_2013_5lists"), burnin=0, samples=300, thinning=1, chains=4, seed=1,
        extend=False,
    )  # fmt: skip
    assert result.diagnostics["rhat"] > 1.01
    assert any(w.startswith("Chains have not converged: R-hat") for w in result.warnings)


def test_a_list_with_no_records_is_reported() -> None:
    table = CaptureTable.from_counts(("A", "B", "C"), {(1, 0, 0): 50, (0, 1, 0): 40, (1, 1, 0): 10})
    result = estimate_lcmcr(table, seed=2, **QUICK)
    assert any("no records: C" in w for w in result.warnings)


def test_invalid_settings_are_all_reported_at_once() -> None:
    with pytest.raises(EstimationError) as info:
        estimate_lcmcr(_table("kosovo"), K=1, a_alpha=0, samples=0, level=1.5)
    message = str(info.value)
    for fragment in ("K must be at least 2", "a_alpha and b_alpha", "samples", "level"):
        assert fragment in message


@pytest.mark.slow
def test_kosovo_matches_r_lcmcr() -> None:
    result = _r_doc("kosovo", seed=20161)
    # R: 10487 (9145.8, 13280.8).
    assert result.estimate == pytest.approx(10487, rel=0.03)
    assert result.interval[0] == pytest.approx(9145.8, rel=0.08)
    assert result.interval[1] == pytest.approx(13280.8, rel=0.08)
    assert result.diagnostics["rhat"] < 1.02


@pytest.mark.slow
def test_new_orleans_8_lists_matches_r_lcmcr() -> None:
    result = _r_doc("new_orleans_8lists", seed=20162)
    # R: 722 (520.0, 1083.1).
    assert result.estimate == pytest.approx(722, rel=0.05)
    assert result.interval[0] == pytest.approx(520.0, rel=0.08)
    assert result.interval[1] == pytest.approx(1083.1, rel=0.08)
    assert result.diagnostics["rhat"] < 1.01


@pytest.mark.slow
def test_uk_5_lists_matches_r_lcmcr_when_the_chains_mix() -> None:
    # UK 5 lists mixes slowly: chains can sit for 10^5 iterations in a low mode (N ~ 12,500).
    # With R's settings about half of the seeds we tried give R-hat > 1.1 (flagged, see the next
    # test) and a lower end 20-30% below R's; one chain of 10^6 iterations thinned by 1,000
    # gives 22088 (15345, 33678), in line with R. This seed gives a mixed run.
    result = _r_doc("uk_2013_5lists", seed=2)
    assert result.diagnostics["rhat"] < 1.02
    # R: 21970 (15736.2, 33040.5).
    assert result.estimate == pytest.approx(21970, rel=0.05)
    assert result.interval[0] == pytest.approx(15736.2, rel=0.08)
    assert result.interval[1] == pytest.approx(33040.5, rel=0.08)


@pytest.mark.slow
def test_uk_5_lists_stuck_chains_are_flagged() -> None:
    result = _r_doc("uk_2013_5lists", seed=0)
    assert result.diagnostics["rhat"] > 1.1
    assert any("not converged" in w for w in result.warnings)


def test_a_lower_level_gives_a_nested_interval_from_the_same_draws() -> None:
    table = _table("kosovo")
    wide, narrow = (estimate_lcmcr(table, seed=9, level=lv, **QUICK) for lv in (0.95, 0.8))
    assert wide.estimate == narrow.estimate
    assert wide.interval[0] < narrow.interval[0] < narrow.interval[1] < wide.interval[1]


def test_an_extended_chain_is_the_same_markov_chain_as_a_longer_run() -> None:
    table = _table("kosovo")
    spec = LcmcrSpec(K=5, a_alpha=0.25, b_alpha=0.25, burnin=100, samples=50, thinning=2, chains=2)
    short = ChainSampler(table, spec, np.random.SeedSequence(5))
    short.extend(50)
    longer = ChainSampler(table, dataclasses.replace(spec, samples=100), np.random.SeedSequence(5))
    np.testing.assert_array_equal(short.draws().n, longer.draws().n)
    assert short.draws().n.shape == (2, 100)


def test_short_chains_are_extended_and_the_result_says_so() -> None:
    result = estimate_lcmcr(
        _table("uk_2013_5lists"), burnin=0, samples=300, thinning=1, chains=4, seed=1
    )
    assert 1 <= result.diagnostics["extensions"] <= MAX_EXTENSIONS
    assert result.draws is not None
    assert result.draws.shape[1] == 300 * (1 + result.diagnostics["extensions"])
    assert any(w.startswith("LCMCR extended its chains") for w in result.warnings)
    if not result.diagnostics["converged"]:
        assert any("stopped at the cap" in w for w in result.warnings)


@pytest.mark.slow
def test_kosovo_default_run_converges() -> None:
    result = estimate_lcmcr(_table("kosovo"), seed=1)
    assert result.diagnostics["converged"]
    assert result.diagnostics["rhat"] <= 1.01
    assert result.diagnostics["ess_bulk"] >= 400
    assert not any("not converged" in w for w in result.warnings)


def test_prior_and_class_sensitivity_runs_beside_the_default() -> None:
    result = estimate_lcmcr(_table("kosovo"), seed=3, sensitivity=True, **QUICK)
    sens = result.sensitivity
    assert sens is not None
    assert [a["setting"] for a in sens["alternatives"]] == [
        "alpha ~ Gamma(10, 1)", "K = 2", "K = 30"
    ]  # fmt: skip
    low, high = sens["estimate_range"]
    assert low <= result.estimate <= high
    assert all(a["estimate"] >= 4400 for a in sens["alternatives"])
    assert "sensitivity" in result.to_dict()


def test_disagreeing_priors_raise_a_warning() -> None:
    # two latent classes at N = 2,000: weakly identified, K = 2 and the default disagree
    table = _simulate(np.random.default_rng(7), 2_000)
    result = estimate_lcmcr(table, seed=3, sensitivity=True, **QUICK)
    assert result.sensitivity is not None
    width = result.interval[1] - result.interval[0]
    moved = [
        a
        for a in result.sensitivity["alternatives"]
        if abs(a["estimate"] - result.estimate) > width
    ]
    assert bool(moved) == ("warning" in result.sensitivity)
    if moved:
        assert any("depends on its prior" in w for w in result.warnings)
