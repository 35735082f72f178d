"""Log-linear multiple systems estimation: model selection, MLE checks, intervals, bootstrap.

The estimate of the number never recorded is ``exp(intercept)`` of a Poisson log-linear model
fitted to the observed cells of the capture table (Fienberg 1972, *Biometrika* 59:591–603;
Bishop, Fienberg & Holland 1975). The model is chosen

* for up to 5 lists, by BIC (or AIC) over all hierarchical models up to ``max_order``, as
  Rcapture ``closedpMS.t`` (Baillargeon & Rivest 2007) but excluding models without an
  identifiable extended MLE, as MultipleSystemsEstimation (Silverman, Chan & Vincent 2024,
  *Statistics and Computing* 34:44);
* for 6 or more lists (or ``criterion="stepwise"``), by forward stepwise selection of two-list
  effects with Poisson p-values below ``pthresh`` (SparseMSE; Chan, Silverman & Vincent 2021,
  *JASA* 116:1297–1306).

The interval is, by default, conditional on the selected model: the multinomial profile
likelihood (Rcapture ``closedpCI.t``) after a BIC/AIC search, and SparseMSE's log-normal
interval after a stepwise search, so that each matches its reference implementation. With
``bootstrap=B`` it is the BCa interval from ``B`` multinomial resamples in which the model is
selected again (MultipleSystemsEstimation / SparseMSE ``estimatepopulation``).

Defaults follow the references: ``max_order`` 1 for 2 lists, 2 for 3, 3 for 4–5 lists
(MultipleSystemsEstimation); ``pthresh`` 0.02; ``ntop`` (models kept in the bootstrap) all for
2–3 lists, 20 for 4, 100 for 5 (MultipleSystemsEstimation).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from shomar.errors import EstimationError
from shomar.estimation.bootstrap import (
    BootstrapResult,
    bootstrap_bca,
    ntop_default,
    select_over_models,
)
from shomar.estimation.capture import CaptureTable
from shomar.estimation.design import MAX_EXHAUSTIVE_LISTS, term_label, term_names
from shomar.estimation.existence import ExistenceCache
from shomar.estimation.poisson import ModelFit
from shomar.estimation.profile import lognormal_interval, profile_interval
from shomar.estimation.result import IDENTIFYING_ASSUMPTIONS, EstimateResult
from shomar.estimation.search import (
    SearchResult,
    default_max_order,
    exhaustive_search,
    stepwise_search,
)
from shomar.estimation.sensitivity import loglinear_sensitivity

CRITERIA = ("bic", "aic", "stepwise")
INTERVALS = ("auto", "profile", "lognormal")

#: Warn about sparsity when at least this share of the observable cells is empty.
SPARSE_ZERO_SHARE = 0.5
#: ... or when the average count per observable cell is below this.
SPARSE_MEAN_COUNT = 5.0


def estimate_loglinear(
    table: CaptureTable,
    *,
    max_order: int | None = None,
    criterion: str = "bic",
    bootstrap: int = 0,
    seed: int | None = None,
    level: float = 0.95,
    pthresh: float = 0.02,
    interval: str = "auto",
    ntop: int | None = None,
) -> EstimateResult:
    """Estimate the population size N by log-linear MSE (see the module docstring).

    ``interval``: ``"auto"`` (profile after BIC/AIC, log-normal after stepwise),
    ``"profile"`` or ``"lognormal"``; replaced by the BCa interval when ``bootstrap > 0``.
    ``ntop``: models (best by the criterion on the data) among which each bootstrap replicate
    selects; ``None`` = the MultipleSystemsEstimation default for the number of lists.
    """
    start = time.perf_counter()
    _check_arguments(criterion, bootstrap, level, pthresh, interval, max_order, ntop)
    warnings = [IDENTIFYING_ASSUMPTIONS["loglinear"]]
    table, table_warnings, dropped = prepare_table(table)
    warnings += table_warnings
    n_lists = table.n_lists
    stepwise = criterion == "stepwise" or n_lists > MAX_EXHAUSTIVE_LISTS
    order = max_order if max_order is not None else default_max_order(n_lists)
    order = max(1, min(order, n_lists - 1))
    cache = ExistenceCache()
    try:
        if stepwise:
            search = stepwise_search(
                table.counts, n_lists, pthresh=pthresh, max_order=order, cache=cache
            )
        else:
            search = exhaustive_search(
                table.counts, n_lists, max_order=order, criterion=criterion, cache=cache
            )
    except EstimationError as exc:
        if not table_warnings:
            raise
        raise EstimationError(exc.message + ". " + " ".join(table_warnings), hint=exc.hint) from exc
    best = search.best
    warnings += _model_warnings(search, table, stepwise)
    interval_kind = interval if interval != "auto" else ("lognormal" if stepwise else "profile")
    profile, n_max, profile_warnings = profile_interval(best, level)
    lognormal = lognormal_interval(best, level)
    conditional = profile if interval_kind == "profile" else lognormal
    chosen = conditional
    if interval_kind == "profile":
        warnings += profile_warnings
    interval_type = f"{interval_kind} (model-conditional)"
    diagnostics = _diagnostics(best, search, table, profile, n_max, lognormal, stepwise)
    diagnostics["dropped_lists"] = dropped
    if stepwise and criterion != "stepwise":
        diagnostics["search_note"] = (
            f"{n_lists} lists: forward stepwise selection of two-list effects (p < {pthresh}, "
            "SparseMSE) instead of an exhaustive BIC/AIC search (5 lists at most)"
        )
    if bootstrap > 0:
        if seed is None:
            seed = int(
                np.random.SeedSequence().generate_state(1, np.uint64)[0] >> 1
            )  # recorded, so re-runnable
        rng = np.random.default_rng(seed)
        keep = ntop if ntop is not None else ntop_default(n_lists)
        boot = _bootstrap(
            table,
            search,
            best,
            criterion,
            stepwise,
            pthresh,
            order,
            keep,
            bootstrap,
            rng,
            level,
            cache,
        )
        warnings += boot.warnings
        chosen = boot.interval
        interval_type = "bca-bootstrap (model selection repeated)"
        diagnostics["bootstrap"] = {
            "replicates": bootstrap,
            "failed": boot.failed,
            "acceleration": boot.acceleration,
            "bias_correction": boot.bias_correction,
            "ntop": None if stepwise else (keep if keep is not None else len(search.models)),
            "model_conditional_interval": list(conditional),
        }
    settings: dict[str, Any] = {
        "max_order": order,
        "criterion": criterion,
        "search": "stepwise" if stepwise else "exhaustive",
        "pthresh": pthresh,
        "bootstrap": bootstrap,
        "level": level,
        "interval": interval,
        "ntop": ntop,
    }
    interval_pair = (float(chosen[0]), float(chosen[1]))
    return EstimateResult(
        method="loglinear",
        observed=table.observed,
        estimate=best.abundance,
        interval=interval_pair,
        level=level,
        interval_type=interval_type,
        model=model_terms(best, table.lists),
        settings=settings,
        seed=seed,
        diagnostics=diagnostics,
        warnings=warnings,
        runtime_s=time.perf_counter() - start,
        sensitivity=loglinear_sensitivity(best, interval_pair),
    )


def _check_arguments(
    criterion: str,
    bootstrap: int,
    level: float,
    pthresh: float,
    interval: str,
    max_order: int | None,
    ntop: int | None,
) -> None:
    problems = []
    if criterion not in CRITERIA:
        problems.append(f"criterion {criterion!r} is not one of {', '.join(CRITERIA)}")
    if interval not in INTERVALS:
        problems.append(f"interval {interval!r} is not one of {', '.join(INTERVALS)}")
    if bootstrap < 0:
        problems.append(f"bootstrap must be 0 or more replicates, not {bootstrap}")
    if not 0 < level < 1:
        problems.append(f"level must be between 0 and 1, not {level}")
    if not 0 <= pthresh <= 1:
        problems.append(f"pthresh must be between 0 and 1, not {pthresh}")
    if max_order is not None and max_order < 1:
        problems.append(f"max_order must be at least 1, not {max_order}")
    if ntop is not None and ntop < 1:
        problems.append(f"ntop must be at least 1, not {ntop}")
    if problems:
        raise EstimationError("log-linear estimation: " + "; ".join(problems))


def prepare_table(table: CaptureTable) -> tuple[CaptureTable, list[str], list[str]]:
    """Drop lists with no records; warn about lists that cannot inform the estimate.

    Returns ``(table to fit, warnings, dropped list names)``.
    """
    warnings: list[str] = []
    totals = table.list_totals()
    empty = [name for name, total in totals.items() if total == 0]
    if empty:
        warnings.append(
            f"List(s) {', '.join(empty)} have no records and were left out of the estimate."
        )
    keep = [name for name in table.lists if name not in empty]
    if len(keep) < 2:
        raise EstimationError(
            f"only {len(keep)} list(s) have records; multiple systems estimation needs at "
            "least 2 lists with records",
            hint="Check the list columns of the table.",
        )
    if empty:
        table = table.subset(keep)
    n = table.observed
    pats = table.patterns.astype(bool)
    counts = table.counts
    for i, name in enumerate(table.lists):
        on = pats[:, i] & (counts > 0)
        if not np.any(on & (pats.sum(axis=1) > 1)):
            warnings.append(
                f"List {name} has no records in common with any other list: nothing in the "
                "data links its coverage to the others, so the estimate leans entirely on the "
                "model."
            )
        if int(counts[pats[:, i]].sum()) == n:
            warnings.append(
                f"List {name} contains every observed record: it carries no information on "
                "the number never recorded."
            )
    no_overlap = []
    for i in range(table.n_lists):
        for j in range(i + 1, table.n_lists):
            if int(counts[pats[:, i] & pats[:, j]].sum()) == 0:
                no_overlap.append(f"{table.lists[i]} & {table.lists[j]}")
    if no_overlap and table.n_lists > 2:
        warnings.append(
            "No records in common for list pair(s) " + ", ".join(no_overlap) + ": their "
            "two-list effects are estimated at minus infinity when in a model (Chan, "
            "Silverman & Vincent 2021)."
        )
    zero = int(np.sum(counts == 0))
    cells = len(counts)
    if zero / cells >= SPARSE_ZERO_SHARE or n / cells < SPARSE_MEAN_COUNT:
        warnings.append(
            f"Sparse table: {zero} of {cells} observable capture patterns have no records "
            f"({n} records in all). Estimates from sparse tables depend strongly on the model; "
            "compare methods and prefer the bootstrap interval."
        )
    return table, warnings, empty


def model_terms(fit: ModelFit, lists: tuple[str, ...]) -> list[str]:
    """The selected model's generators with list names (``["EXH:ABA:OSCE", "EXH:HRW"]``)."""
    return [term_names(g, lists) for g in fit.model.generators()]


def _model_warnings(search: SearchResult, table: CaptureTable, stepwise: bool) -> list[str]:
    warnings = []
    if search.excluded:
        names = [name for name, _ in search.excluded]
        shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        what = "candidate models were" if not stepwise else "candidate two-list effects were"
        warnings.append(
            f"{len(names)} {what} excluded because their maximum-likelihood estimate does "
            f"not exist or is not identifiable on these data (extended-MLE check, Fienberg & "
            f"Rinaldo 2012): {shown}."
        )
    if search.shadowed:
        shown = ", ".join(f"{name} ({score:.2f})" for name, score in search.shadowed[:3])
        warnings.append(
            f"Fitted regardless of the check (as Rcapture does), model(s) {shown} would score "
            f"better than {search.best.model.name}, but they have no maximum-likelihood "
            "estimate on these data: their estimates would be artefacts of where the fitting "
            "algorithm stops."
        )
    sparse = search.best.face.sparse_terms
    if sparse:
        terms = ", ".join(term_names(t, table.lists) for t in sparse)
        warnings.append(
            f"In the selected model the effect(s) {terms} are estimated at minus infinity "
            "(those lists share no records); the fit uses the remaining cells."
        )
    if not search.best.fit.converged:
        warnings.append("The fit of the selected model did not converge; treat it with care.")
    return warnings


def _diagnostics(
    best: ModelFit,
    search: SearchResult,
    table: CaptureTable,
    profile: tuple[float, float],
    n_max: float,
    lognormal: tuple[float, float],
    stepwise: bool,
) -> dict[str, Any]:
    n_cells = len(best.face.cells)
    return {
        "model_name": best.model.name,
        "model_order": best.model.order,
        "stderr": best.stderr,
        "bic": best.bic(),
        "aic": best.aic(),
        "deviance": best.fit.deviance,
        "df": n_cells - len(best.face.terms),
        "converged": best.fit.converged,
        "minus_infinity_terms": [term_label(t, table.n_lists) for t in best.face.sparse_terms],
        "profile_interval": list(profile),
        "profile_mle": n_max,
        "lognormal_interval": list(lognormal),
        "candidates": search.candidates if not stepwise else None,
        "excluded_better_scores": [
            {"model": name, "score": score} for name, score in search.shadowed[:10]
        ],
        "excluded": [
            {"model": name, "status": int(status), "reason": status.describe()}
            for name, status in search.excluded
        ],
        "ranking": [
            {"model": r.name, "estimate": r.abundance, "score": r.score}
            for r in search.ranking[:10]
        ]
        if not stepwise
        else [],
        "list_numbers": {str(i + 1): name for i, name in enumerate(table.lists)},
    }


def _bootstrap(
    table: CaptureTable,
    search: SearchResult,
    best: ModelFit,
    criterion: str,
    stepwise: bool,
    pthresh: float,
    order: int,
    keep: int | None,
    replicates: int,
    rng: np.random.Generator,
    level: float,
    cache: ExistenceCache,
) -> BootstrapResult:
    estimator: Callable[[npt.NDArray[np.float64], npt.NDArray[np.bool_] | None], Any]
    if stepwise:

        def estimator(Y: npt.NDArray[np.float64], check: Any) -> npt.NDArray[np.float64]:
            out = np.full(Y.shape[0], np.nan)
            for b in range(Y.shape[0]):
                counts = Y[b].astype(np.int64)
                try:
                    out[b] = stepwise_search(
                        counts, table.n_lists, pthresh=pthresh, max_order=order, cache=cache
                    ).best.abundance
                except (np.linalg.LinAlgError, EstimationError):
                    continue
            return out

    else:
        top = search.models if keep is None else search.models[:keep]

        def estimator(Y: npt.NDArray[np.float64], check: Any) -> npt.NDArray[np.float64]:
            return select_over_models(top, Y, criterion, cache, check=check)

    return bootstrap_bca(
        table.counts, best.abundance, estimator, replicates=replicates, rng=rng, level=level
    )
