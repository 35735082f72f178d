"""Pooling over plausible linkages on simulations with linkage error (issue 15, item 5).

A true population is captured by four lists; a *plausible linkage* then splits some true persons'
records apart (missed links) and merges some single-list records of different persons (false
links), at random. The analyst sees one linkage (the "best") and draws others; pooling them must
never give an interval narrower than the median single-linkage interval, and must cover the true
N at least as often as the best linkage alone.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from shomar.estimation.capture import CaptureTable
from shomar.estimation.lcmcr import estimate_lcmcr
from shomar.estimation.loglinear import estimate_loglinear
from shomar.estimation.pooling import pool_linkages
from shomar.estimation.result import EstimateResult

LISTS = ("A", "B", "C", "D")
Estimator = Callable[[CaptureTable, int], EstimateResult]


def _population(rng: np.random.Generator, n: int) -> np.ndarray:
    probs = np.array([0.35, 0.3, 0.25, 0.3])
    seen = rng.random((n, 4)) < probs
    return seen[seen.any(axis=1)]


def _linkage(seen: np.ndarray, rng: np.random.Generator, miss: float, false: float) -> CaptureTable:
    """One plausible linkage of the records of ``seen`` (rows: true persons)."""
    members: list[set[str]] = []
    singles: list[set[str]] = []
    for row in seen:
        lists = {LISTS[k] for k in np.flatnonzero(row)}
        if len(lists) > 1 and rng.random() < miss:  # a missed link: one record splits off
            one = sorted(lists)[int(rng.integers(len(lists)))]
            members.append({one})
            lists = lists - {one}
        (singles if len(lists) == 1 else members).append(lists)
    rng.shuffle(singles)  # type: ignore[arg-type]
    kept: list[set[str]] = []
    for person in singles:
        partner = kept[-1] if kept else None
        joinable = partner is not None and len(partner) == 1 and not partner & person
        if joinable and rng.random() < false:  # a false link joins two single-list persons
            assert partner is not None
            partner |= person
            continue
        kept.append(set(person))
    return CaptureTable.from_memberships(LISTS, members + kept)


def _loglinear(table: CaptureTable, seed: int) -> EstimateResult:
    return estimate_loglinear(table, max_order=1)


def _lcmcr(table: CaptureTable, seed: int) -> EstimateResult:
    return estimate_lcmcr(
        table, seed=seed, K=4, chains=2, burnin=500, samples=300, thinning=5, extend=False
    )


def _run(
    estimator: Estimator, n: int, replicates: int, linkages: int = 5
) -> tuple[int, int, list[float]]:
    single_hits = pooled_hits = 0
    ratios = []
    for r in range(replicates):
        rng = np.random.default_rng([n, r])
        seen = _population(rng, n)
        tables = [_linkage(seen, rng, miss=0.15, false=0.15) for _ in range(linkages + 1)]
        best = estimator(tables[0], r)
        sampled = [estimator(t, r) for t in tables[1:]]
        pooled = pool_linkages(best, sampled)
        median = float(np.median([s.interval[1] - s.interval[0] for s in sampled]))
        width = pooled.interval[1] - pooled.interval[0]
        assert width >= median - 1e-6, "pooling narrowed the interval"
        ratios.append(width / median)
        single_hits += best.interval[0] <= n <= best.interval[1]
        pooled_hits += pooled.interval[0] <= n <= pooled.interval[1]
    return single_hits, pooled_hits, ratios


def test_small_workspace_pooling_widens_rubin() -> None:
    rng = np.random.default_rng(0)
    seen = _population(rng, 90)
    assert seen.sum() < 100  # fewer than 100 records, as the new user's 74-record trial
    single, pooled, ratios = _run(_loglinear, 90, replicates=20)
    assert pooled >= single
    assert min(ratios) >= 1.0 - 1e-9


def test_large_population_pooling_rubin() -> None:
    single, pooled, _ = _run(_loglinear, 2_000, replicates=12)
    assert pooled >= single


@pytest.mark.slow
@pytest.mark.parametrize("n", [90, 2_000])
def test_pooling_mixture_of_posterior_draws(n: int) -> None:
    single, pooled, ratios = _run(_lcmcr, n, replicates=6, linkages=3)
    assert pooled >= single
    assert min(ratios) >= 1.0 - 1e-9
