"""dga: Bayesian model averaging over decomposable graphical models (3–5 lists).

Madigan, D. & York, J. C. (1997). "Bayesian methods for estimation of the size of a closed
population." *Biometrika* 84(1):19–31. Each decomposable graph on the lists is a model for the
full 2^J table (including the unobserved cell); with a hyper-Dirichlet prior (Dawid & Lauritzen
1993) of ``delta`` per cell, the marginal likelihood of the completed table is a product over the
cliques divided by one over the separators, in closed form. The joint posterior over
(graph, number missing) is computed on a grid and summed, as the R package dga (Johndrow,
Lum & Ball; ``bma.cr``) does, with the prior p(N) ∝ 1/N and uniform prior over graphs.

The grid starts at 0..max(20 n, 10000) missing (step 1, the grid of the R reference runs) and is
widened ten-fold (step 1 up to 60,000, then a coarser step, at most 100,000 points) while
more than ``TAIL_TOLERANCE`` of the posterior lies in the top 10% of the grid.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.special import gammaln, logsumexp

from shomar.errors import EstimationError
from shomar.estimation.capture import CaptureTable
from shomar.estimation.graphs import DecomposableGraph, decomposable_graphs, members
from shomar.estimation.result import IDENTIFYING_ASSUMPTIONS, EstimateResult

MIN_LISTS, MAX_LISTS = 3, 5
#: Posterior mass allowed above 90% of the grid's upper end before the grid is widened.
TAIL_TOLERANCE = 1e-4
MAX_GRID_POINTS = 100_000
#: Grid points spaced by one before the grid coarsens.
FINE_POINTS = 60_000
#: Automatic widening stops at this multiple of the observed count.
MAX_WIDEN_RATIO = 20_000
PRIORS = ("1/N", "uniform")
N_DRAWS = 4_000
TOP_MODELS = 5
_CHUNK = 8_192

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class DgaSpec:
    """The settings of one dga run (JSON-serialisable, stored with the result)."""

    delta: float
    prior: str
    max_missing: int | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class GridPosterior:
    """Posterior over the number missing on ``grid`` and over the graphs."""

    grid: npt.NDArray[np.int64]
    prob_missing: FloatArray
    prob_graph: FloatArray
    tail_mass: float


def estimate_dga(
    table: CaptureTable,
    *,
    delta: float | None = None,
    prior: str = "1/N",
    seed: int | None = None,
    level: float = 0.95,
    max_missing: int | None = None,
) -> EstimateResult:
    """Estimate N by Madigan & York (1997) model averaging: posterior median, equal-tailed interval.

    ``delta`` defaults to 2^-J (dga's suggestion). ``max_missing`` fixes the grid's upper end
    (no automatic widening). The posterior itself is exact on the grid; ``seed`` only drives the
    draws of N kept in ``result.draws`` (for combining strata).
    """
    start = time.perf_counter()
    spec = DgaSpec(
        delta=2.0**-table.n_lists if delta is None else float(delta),
        prior=prior,
        max_missing=max_missing,
    )
    _validate(table, spec, level)
    graphs = decomposable_graphs(table.n_lists)
    posterior = _adaptive_posterior(table, graphs, spec)
    result = _summarize(table, graphs, spec, posterior, level)
    sequence = np.random.SeedSequence(seed)
    rng = np.random.default_rng(sequence)
    result.draws = _draws(table, posterior, rng)
    result.seed = _recorded_seed(sequence) if seed is None else seed
    result.runtime_s = time.perf_counter() - start
    return result


def posterior_on_grid(
    table: CaptureTable,
    graphs: tuple[DecomposableGraph, ...],
    grid: npt.NDArray[np.int64],
    delta: float,
    prior: str = "1/N",
    weights: FloatArray | None = None,
) -> GridPosterior:
    """Exact joint posterior of (graph, missing) on ``grid``, marginalised both ways."""
    components = _component_log_ml(table, grid, delta)
    coefficients = _graph_coefficients(graphs, table.n_lists)
    n = table.observed
    total = grid + n
    base = gammaln(total + 1.0) - gammaln(grid + 1.0) - float(np.sum(gammaln(table.counts + 1)))
    if prior == "1/N":
        base = base - np.log(total)
    if weights is not None:
        base = base + np.log(weights)
    log_graph = np.full(len(graphs), -np.inf)
    log_missing = np.empty(grid.size)
    for lo in range(0, grid.size, _CHUNK):
        block = coefficients @ components[:, lo : lo + _CHUNK] + base[lo : lo + _CHUNK]
        top = float(block.max())
        scaled = np.exp(block - top)
        with np.errstate(divide="ignore"):
            log_missing[lo : lo + _CHUNK] = np.log(scaled.sum(axis=0)) + top
            log_graph = np.logaddexp(log_graph, np.log(scaled.sum(axis=1)) + top)
    norm = logsumexp(log_missing)
    prob_missing = np.exp(log_missing - norm)
    upper = grid >= 0.9 * grid[-1]
    return GridPosterior(
        grid=grid,
        prob_missing=prob_missing,
        prob_graph=np.exp(log_graph - norm),
        tail_mass=float(prob_missing[upper].sum()),
    )


def _component_log_ml(table: CaptureTable, grid: npt.NDArray[np.int64], delta: float) -> FloatArray:
    """Log marginal likelihood of every marginal table (all 2^J vertex subsets) per grid value.

    The hyper-Dirichlet prior puts delta * 2^(J - |A|) on each cell of the marginal over A; the
    unobserved individuals fall in A's all-zero cell. The empty set's term is identically zero.
    """
    n_lists = table.n_lists
    full = np.zeros(2**n_lists)
    full[1:] = table.counts
    codes = np.arange(2**n_lists)
    alpha_total = delta * 2**n_lists
    total = grid + table.observed
    norm = gammaln(alpha_total) - gammaln(total + alpha_total)
    out = np.empty((2**n_lists, grid.size))
    for mask in range(2**n_lists):
        margin = np.bincount(codes & mask, weights=full, minlength=2**n_lists)
        keys = np.unique(codes & mask)
        alpha = delta * 2 ** (n_lists - mask.bit_count())
        observed = margin[keys[keys != 0]]
        fixed = float(np.sum(gammaln(observed + alpha) - gammaln(alpha)))
        zero_cell = gammaln(margin[0] + grid + alpha) - gammaln(alpha)
        out[mask] = fixed + zero_cell + norm
    return out


def _graph_coefficients(graphs: tuple[DecomposableGraph, ...], n_lists: int) -> FloatArray:
    """+1 per clique and −1 per separator of each graph, over the 2^J vertex subsets."""
    coefficients = np.zeros((len(graphs), 2**n_lists))
    for row, graph in enumerate(graphs):
        for clique in graph.cliques:
            coefficients[row, clique] += 1.0
        for separator in graph.separators:
            coefficients[row, separator] -= 1.0
    return coefficients


def _adaptive_posterior(
    table: CaptureTable, graphs: tuple[DecomposableGraph, ...], spec: DgaSpec
) -> GridPosterior:
    """Widen the grid ten-fold until the tail mass is below ``TAIL_TOLERANCE`` (or the cap)."""
    n = table.observed
    if spec.max_missing is not None:
        grid, weights = _grid(spec.max_missing)
        return posterior_on_grid(table, graphs, grid, spec.delta, spec.prior, weights)
    upper = max(20 * n, 10_000)
    cap = MAX_WIDEN_RATIO * n
    while True:
        grid, weights = _grid(upper)
        posterior = posterior_on_grid(table, graphs, grid, spec.delta, spec.prior, weights)
        if posterior.tail_mass <= TAIL_TOLERANCE or upper * 10 > cap:
            return posterior
        upper *= 10


def _grid(upper: int) -> tuple[npt.NDArray[np.int64], FloatArray]:
    """Grid of numbers missing and how many integers each point stands for.

    Every integer up to ``FINE_POINTS``; beyond, a uniform coarser step, each point weighted by
    its step so that a sharp peak near zero is not under-weighted against the coarse tail.
    """
    fine = np.arange(0, min(upper, FINE_POINTS - 1) + 1, dtype=np.int64)
    if upper < FINE_POINTS:
        return fine, np.ones(fine.size)
    step = max(1, math.ceil((upper - fine[-1]) / (MAX_GRID_POINTS - FINE_POINTS)))
    coarse = np.arange(fine[-1] + step, upper + 1, step, dtype=np.int64)
    weights = np.concatenate([np.ones(fine.size), np.full(coarse.size, float(step))])
    return np.concatenate([fine, coarse]), weights


def grid_quantile(posterior: GridPosterior, q: float) -> int:
    """Smallest grid value whose posterior CDF reaches ``q`` (number missing)."""
    cdf = np.cumsum(posterior.prob_missing)
    index = int(np.searchsorted(cdf, q * cdf[-1], side="left"))
    return int(posterior.grid[min(index, posterior.grid.size - 1)])


def _summarize(
    table: CaptureTable,
    graphs: tuple[DecomposableGraph, ...],
    spec: DgaSpec,
    posterior: GridPosterior,
    level: float,
) -> EstimateResult:
    n = table.observed
    tail = (1.0 - level) / 2.0
    low, median, high = (n + grid_quantile(posterior, q) for q in (tail, 0.5, 1.0 - tail))
    top_models = _top_models(table, graphs, posterior.prob_graph)
    diagnostics: dict[str, Any] = {
        "posterior_mean": float(n + np.dot(posterior.grid, posterior.prob_missing)),
        "top_models": top_models,
        "n_models": len(graphs),
        "grid_max_missing": int(posterior.grid[-1]),
        "grid_points": int(posterior.grid.size),
        "grid_coarse_step": int(posterior.grid[-1] - posterior.grid[-2]),
        "tail_mass": posterior.tail_mass,
    }
    return EstimateResult(
        method="dga",
        observed=n,
        estimate=float(median),
        interval=(float(low), float(high)),
        level=level,
        interval_type="equal-tailed posterior",
        model=top_models[0]["cliques_label"],
        settings=spec.to_dict(),
        seed=None,
        diagnostics=diagnostics,
        warnings=_warnings(table, posterior, fixed_grid=spec.max_missing is not None),
    )


def _top_models(
    table: CaptureTable, graphs: tuple[DecomposableGraph, ...], prob_graph: FloatArray
) -> list[dict[str, Any]]:
    order = np.argsort(-prob_graph)[:TOP_MODELS]
    top = []
    for index in order:
        cliques = [
            [table.lists[v] for v in members(mask, table.n_lists)] for mask in graphs[index].cliques
        ]
        top.append(
            {
                "cliques": cliques,
                "cliques_label": ["*".join(c) for c in cliques],
                "posterior": float(prob_graph[index]),
            }
        )
    return top


def _draws(table: CaptureTable, posterior: GridPosterior, rng: np.random.Generator) -> FloatArray:
    """Draws of N from the grid posterior, axes (chain, draw) with one chain."""
    picks = rng.choice(posterior.grid.size, size=N_DRAWS, p=posterior.prob_missing)
    return (table.observed + posterior.grid[picks]).astype(np.float64)[None, :]


def _warnings(table: CaptureTable, posterior: GridPosterior, *, fixed_grid: bool) -> list[str]:
    warnings = [IDENTIFYING_ASSUMPTIONS["dga"]]
    empty = [name for name, total in table.list_totals().items() if total == 0]
    if empty:
        warnings.append(
            f"List(s) with no records: {', '.join(empty)}. They carry no information about "
            "overlap; drop them or check the linkage."
        )
    if posterior.tail_mass > TAIL_TOLERANCE:
        where = (
            "raise max_missing"
            if fixed_grid
            else "the data barely identify N under these models; use another method or more lists"
        )
        warnings.append(
            f"The posterior of N is not contained in the grid: {posterior.tail_mass:.2g} of its "
            f"mass lies in the top 10% of the grid (up to {int(posterior.grid[-1])} missing), "
            f"so the median and the upper interval end are understated; {where}."
        )
    return warnings


def _validate(table: CaptureTable, spec: DgaSpec, level: float) -> None:
    problems = []
    if not MIN_LISTS <= table.n_lists <= MAX_LISTS:
        problems.append(
            f"it averages over decomposable graphs for {MIN_LISTS}–{MAX_LISTS} lists, "
            f"the table has {table.n_lists}"
        )
    if table.observed <= 0:
        problems.append("the table has no observed individuals")
    if spec.delta <= 0:
        problems.append(f"delta must be positive, got {spec.delta}")
    if spec.prior not in PRIORS:
        problems.append(f"prior must be one of {', '.join(PRIORS)}, got {spec.prior!r}")
    if spec.max_missing is not None and spec.max_missing < 1:
        problems.append(f"max_missing must be at least 1, got {spec.max_missing}")
    if not 0.0 < level < 1.0:
        problems.append(f"level must be between 0 and 1, got {level}")
    if problems:
        raise EstimationError(
            "dga cannot run: " + "; ".join(problems),
            hint="Merge or drop lists to get 3 to 5 (e.g. CaptureTable.subset), or check the "
            "settings.",
        )


def _recorded_seed(sequence: np.random.SeedSequence) -> int:
    """The entropy a seedless run drew, recorded so that the run can be repeated."""
    entropy = sequence.entropy
    assert isinstance(entropy, int)
    return entropy
