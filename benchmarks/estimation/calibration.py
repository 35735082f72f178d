"""Calibration: coverage of the 95% intervals on simulated populations with known N.

Run: ``.venv/bin/python -m benchmarks.estimation.calibration [--replicates 200] [--workers 2]``
(options: ``--scenarios``, ``--methods``, ``--lcmcr {light,default}``, ``--population N``,
``--baseline``: the behaviour before issue 15, LCMCR chains not extended).

Scenarios (N = 2,000 and four lists unless said; issue 5, "Calibration", re-baselined by
issue 15):

* ``independent``: every individual has the same capture probability per list (0.3, 0.25, 0.2,
  0.35), lists independent: all three methods' assumptions hold;
* ``hetero-classes``: heterogeneous capture from two latent classes (30% hard to reach with
  probabilities 0.15, 0.2, 0.15, 0.25; the rest 0.45, 0.4, 0.5, 0.35), lists independent within
  a class: LCMCR's model holds;
* ``hetero-rasch``: continuous heterogeneity, logit p_ij = mu_j + theta_i, theta_i ~ N(0, 1),
  p = 0.2, 0.15, 0.12, 0.25 at theta = 0 (model Mth, Otis et al. 1978): a large share of people
  almost never listed; no method's model holds exactly;
* ``dependent``: homogeneous individuals, but being on list A raises the chance of list B (0.55
  vs 0.2) and being on list C lowers the chance of list D (0.15 vs 0.35): list dependence of the
  kind decomposable and log-linear models represent;
* ``mv2016``: Manrique-Vallier's (2016, *Biometrics* 72:1246–1254, Section 4) design, five
  lists, N = 2,000: 1,800 hard-to-reach persons with capture probabilities 0.03–0.13 and 200
  easy ones with 0.66–0.99 (the probabilities here approximate the paper's). **Gate: LCMCR ≥ 90%.**
* ``hetero-classes-20k``: ``hetero-classes`` at N = 20,000, where the two-class structure is
  identified again. **Gate: LCMCR ≥ 90%.**

``hetero-classes`` (N = 2,000) is **weakly identified**: a 3-class model fits the observed cells
as well as the truth (Aleshin-Guendel, Sadinle & Wakefield, arXiv:2101.09304), so LCMCR's
interval is prior-driven; the two-class profile interval's coverage and how often it is
unbounded are printed beside it, and so is the coverage of the *union* of each method's
interval with its sensitivity intervals (log-linear: highest-order interaction exp(xi) in
[0.5, 2]; LCMCR: alpha ~ Gamma(10, 1), K = 2, K = 30). The default prior is NOT tuned to this
benchmark.

Methods: LCMCR (lighter MCMC than the defaults so that 4 x 200 runs fit in minutes: K = 10,
2 chains, burn-in 2,000, 500 draws per chain thinned by 10 — said in the output), dga (defaults)
and, if ``shomar.estimation.loglinear.estimate_loglinear`` is importable, log-linear with its
defaults (BIC model choice, model-conditional interval; no bootstrap). Everything is seeded from
one ``SeedSequence``; the report is reproducible.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy.special import expit, logit

from shomar.estimation.capture import CaptureTable
from shomar.estimation.dga import estimate_dga
from shomar.estimation.lcmcr import estimate_lcmcr
from shomar.estimation.result import EstimateResult

N_TRUE = 2_000
LISTS = ("A", "B", "C", "D")
LIST_NAMES = "ABCDEFGH"
LCMCR_LIGHT = {"K": 10, "chains": 2, "burnin": 2_000, "samples": 500, "thinning": 10}
#: ``--lcmcr default`` uses estimate_lcmcr's own defaults (4 chains, K = 15, 110,500 iterations).
LCMCR_SETTINGS: dict[str, dict[str, int]] = {"light": LCMCR_LIGHT, "default": {}}
SCENARIOS = (
    "independent", "hetero-classes", "hetero-rasch", "dependent", "mv2016", "hetero-classes-20k"
)  # fmt: skip
#: scenarios whose true N is fixed by their design (others use ``--population``)
FIXED_N = {"mv2016": 2_000, "hetero-classes-20k": 20_000}
#: coverage gates (issue 15, item 8): scenario -> (method, minimum coverage)
GATES = {"mv2016": ("lcmcr", 0.90), "hetero-classes-20k": ("lcmcr", 0.90)}
WEAKLY_IDENTIFIED = {"hetero-classes"}
Estimator = Callable[[CaptureTable, int], EstimateResult]


@dataclass(frozen=True)
class Outcome:
    """One method on one simulated table."""

    scenario: str
    method: str
    n_true: int
    covered: bool | None
    estimate: float
    width: float
    converged: bool
    error: str | None = None
    #: the union of the interval and the method's sensitivity intervals covers N
    union_covered: bool | None = None
    #: two-class profile interval without a finite upper end
    unbounded: bool | None = None


def simulate(rng: np.random.Generator, scenario: str, n_total: int = N_TRUE) -> CaptureTable:
    """A capture table of ``n_total`` individuals under ``scenario``."""
    return _table(_SIMULATORS[scenario](rng, n_total))


def _mv2016(rng: np.random.Generator, n_total: int) -> np.ndarray:
    hard = (np.arange(n_total) < round(0.9 * n_total))[:, None]
    probs = np.where(
        hard, [0.033, 0.05, 0.08, 0.10, 0.13], [0.66, 0.75, 0.85, 0.92, 0.99]
    )  # fmt: skip
    return rng.random((n_total, 5)) < probs


def _independent(rng: np.random.Generator, n_total: int) -> np.ndarray:
    return rng.random((n_total, 4)) < np.array([0.3, 0.25, 0.2, 0.35])


def _latent_classes(rng: np.random.Generator, n_total: int) -> np.ndarray:
    hard = rng.random((n_total, 1)) < 0.3
    probs = np.where(hard, [0.15, 0.2, 0.15, 0.25], [0.45, 0.4, 0.5, 0.35])
    return rng.random((n_total, 4)) < probs


def _rasch(rng: np.random.Generator, n_total: int) -> np.ndarray:
    theta = rng.normal(size=(n_total, 1))
    probs = expit(logit(np.array([0.2, 0.15, 0.12, 0.25])) + theta)
    return rng.random((n_total, 4)) < probs


def _dependent(rng: np.random.Generator, n_total: int) -> np.ndarray:
    seen = np.empty((n_total, 4), dtype=bool)
    seen[:, 0] = rng.random(n_total) < 0.3
    seen[:, 1] = rng.random(n_total) < np.where(seen[:, 0], 0.55, 0.2)
    seen[:, 2] = rng.random(n_total) < 0.3
    seen[:, 3] = rng.random(n_total) < np.where(seen[:, 2], 0.15, 0.35)
    return seen


_SIMULATORS: dict[str, Callable[[np.random.Generator, int], np.ndarray]] = {
    "independent": _independent,
    "hetero-classes": _latent_classes,
    "hetero-rasch": _rasch,
    "dependent": _dependent,
    "mv2016": _mv2016,
    "hetero-classes-20k": _latent_classes,
}


def _table(seen: np.ndarray) -> CaptureTable:
    n_lists = seen.shape[1]
    observed = seen[seen.any(axis=1)].astype(np.int64)
    codes = observed @ (1 << np.arange(n_lists - 1, -1, -1))
    tally = np.bincount(codes, minlength=2**n_lists)
    counts = {
        tuple(int(b) for b in np.binary_repr(code, n_lists)): int(tally[code])
        for code in range(1, 2**n_lists)
    }
    return CaptureTable.from_counts(tuple(LIST_NAMES[:n_lists]), counts)


def _lcmcr(
    table: CaptureTable, seed: int, settings: str = "light", baseline: bool = False
) -> EstimateResult:
    return estimate_lcmcr(
        table, seed=seed, extend=not baseline, sensitivity=not baseline, **LCMCR_SETTINGS[settings]
    )


def _twoclass(table: CaptureTable, seed: int) -> EstimateResult:
    from shomar.estimation.twoclass import estimate_twoclass

    return estimate_twoclass(table, seed=seed)


def _dga(table: CaptureTable, seed: int) -> EstimateResult:
    return estimate_dga(table, seed=seed)


def _methods(lcmcr: str = "light", baseline: bool = False) -> dict[str, Estimator]:
    methods: dict[str, Estimator] = {
        "lcmcr": lambda table, seed: _lcmcr(table, seed, lcmcr, baseline),
        "dga": _dga,
    }
    if not baseline:
        methods["twoclass"] = _twoclass
    try:
        loglinear = importlib.import_module("shomar.estimation.loglinear")
    except ImportError:
        return methods
    estimate = getattr(loglinear, "estimate_loglinear", None)
    if estimate is not None:
        methods["loglinear"] = lambda table, seed: estimate(table, seed=seed)
    return methods


def run_replicate(
    scenario: str,
    entropy: int,
    index: int,
    methods: tuple[str, ...] = (),
    lcmcr: str = "light",
    n_true: int = N_TRUE,
    baseline: bool = False,
) -> list[Outcome]:
    """Simulate one table and run the methods (all available ones if ``methods`` is empty)."""
    n_true = FIXED_N.get(scenario, n_true)
    sequence = np.random.SeedSequence(entropy, spawn_key=(SCENARIOS.index(scenario), index))
    data_seed, method_seed = sequence.spawn(2)
    table = simulate(np.random.default_rng(data_seed), scenario, n_true)
    seed = int(method_seed.generate_state(1)[0])
    outcomes = []
    for name, method in _methods(lcmcr, baseline).items():
        if methods and name not in methods:
            continue
        try:
            result = method(table, seed)
        except Exception as exc:  # a failed fit counts as a miss, reported separately
            outcomes.append(Outcome(scenario, name, n_true, None, float("nan"), float("nan"), False,
                                    f"{type(exc).__name__}: {exc}"))  # fmt: skip
            continue
        low, high = result.interval
        converged = not any("not converged" in w for w in result.warnings)
        union = None
        if result.sensitivity and "union_interval" in result.sensitivity:
            u_low, u_high = result.sensitivity["union_interval"]
            union = bool(min(u_low, low) <= n_true <= max(u_high, high))
        unbounded = result.diagnostics.get("unbounded") if name == "twoclass" else None
        outcomes.append(Outcome(scenario, name, n_true, bool(low <= n_true <= high),
                                result.estimate, high - low, converged, None, union,
                                unbounded))  # fmt: skip
    joined = [o for o in outcomes if o.method in ("loglinear", "lcmcr") and o.error is None]
    if len(joined) == 2:  # the answer an analyst reporting both methods and their ranges gives
        hit = any(bool(o.union_covered if o.union_covered is not None else o.covered)
                  for o in joined)  # fmt: skip
        outcomes.append(Outcome(scenario, "union*", n_true, hit, float("nan"), float("nan"),
                                True, None, hit))  # fmt: skip
    return outcomes


def summarize(outcomes: list[Outcome], replicates: int) -> str:
    """The coverage table as text (with gates, union coverage and unbounded shares)."""
    lines = [
        f"{'scenario':<22} {'N':>6} {'method':<10} {'coverage':>9} {'±2se':>6} "
        f"{'union cov.':>10} {'unbounded':>9} {'median est/N':>13} {'median width/N':>15} "
        f"{'not conv.':>10} {'errors':>7}",
    ]
    for scenario in SCENARIOS:
        for method in sorted({o.method for o in outcomes}):
            rows = [o for o in outcomes if o.scenario == scenario and o.method == method]
            if not rows:
                continue
            hits = sum(1 for o in rows if o.covered)
            coverage = hits / replicates
            se = np.sqrt(coverage * (1 - coverage) / replicates)
            ok = [o for o in rows if o.error is None]
            ratio = np.median([o.estimate / o.n_true for o in ok]) if ok else float("nan")
            width = np.median([o.width / o.n_true for o in ok]) if ok else float("nan")
            unconverged = sum(1 for o in ok if not o.converged)
            errors = len(rows) - len(ok)
            unions = [o.union_covered for o in ok if o.union_covered is not None]
            union = f"{sum(unions) / replicates:>9.0%}" if unions else f"{'—':>9}"
            flat = [o.unbounded for o in ok if o.unbounded is not None]
            unbounded = f"{sum(flat) / len(flat):>9.0%}" if flat else f"{'—':>9}"
            name = scenario + (" (weak)" if scenario in WEAKLY_IDENTIFIED else "")
            gate = ""
            if GATES.get(scenario, ("", 0))[0] == method:
                need = GATES[scenario][1]
                gate = f"  gate >= {need:.0%}: {'PASS' if coverage >= need else 'FAIL'}"
            lines.append(
                f"{name:<22} {rows[0].n_true:>6} {method:<10} {coverage:>8.1%} {2 * se:>6.1%} "
                f"{union} {unbounded} {ratio:>13.3f} {width:>15.3f} {unconverged:>10d} "
                f"{errors:>7d}{gate}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20250501)
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--methods", nargs="+", default=[], help="default: all available")
    parser.add_argument("--lcmcr", choices=sorted(LCMCR_SETTINGS), default="light")
    parser.add_argument("--population", type=int, default=N_TRUE, help="true N")
    parser.add_argument(
        "--baseline", action="store_true", help="before issue 15: no chain extension, no "
        "sensitivity, no two-class interval"
    )  # fmt: skip
    args = parser.parse_args()
    start = time.perf_counter()
    methods = tuple(args.methods)
    jobs = [
        (s, args.seed, i, methods, args.lcmcr, args.population, args.baseline)
        for s in args.scenarios
        for i in range(args.replicates)
    ]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(run_replicate, *zip(*jobs, strict=True), chunksize=4))
    outcomes = [o for batch in results for o in batch]
    names = sorted(m for m in _methods(baseline=args.baseline) if not methods or m in methods)
    print(f"Calibration ({'BASELINE: before issue 15' if args.baseline else 'issue 15'}): "
          f"N = {args.population} unless fixed by the scenario, {args.replicates} "
          f"replicates per scenario, seed {args.seed}, methods {', '.join(names)}")  # fmt: skip
    if args.lcmcr == "light":
        print(f"LCMCR with LIGHTER MCMC than the defaults: {LCMCR_LIGHT} (defaults: 4 chains, "
              "K = 15, burn-in 10,000, 1,000 draws x thinning 100 per chain)")  # fmt: skip
    else:
        print("LCMCR with its default settings (4 chains, K = 15, burn-in 10,000, 1,000 x 100)")
    print("dga: delta = 2^-J, prior 1/N, automatic grid; log-linear: its defaults (no bootstrap)")
    print("coverage = share of replicates whose 95% interval contains N; errors count as misses;")
    print("union cov. = the interval joined with the method's sensitivity intervals; unbounded =")
    print("share of two-class profile intervals without a finite upper end (10 x observed);")
    print("union* = log-linear's and LCMCR's intervals joined with their sensitivity intervals")
    if not args.baseline:
        print("LCMCR chains extend (at most 3 times) until R-hat <= 1.01 and bulk ESS >= 400")
    print(summarize(outcomes, args.replicates))
    errors = sorted({o.error for o in outcomes if o.error})
    for error in errors[:5]:
        print(f"  error seen: {error}")
    print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
