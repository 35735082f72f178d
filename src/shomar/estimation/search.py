"""Model selection for log-linear MSE: exhaustive BIC/AIC search and forward stepwise p-values.

* **Exhaustive** (≤ 5 lists): every hierarchical model with all main effects up to
  ``max_order`` (Rcapture ``closedpMS.t``), excluding models whose extended MLE does not exist
  or is not identifiable (MultipleSystemsEstimation ``assemble_bic(checkexist = TRUE)``,
  Silverman, Chan & Vincent 2024, *Statistics and Computing* 34:44), ranked by BIC or AIC.
* **Stepwise** (6 or more lists): SparseMSE ``stepwisefit`` (Chan, Silverman & Vincent 2021,
  *JASA* 116:1297–1306). From the main-effects model, add the two-list effect with the smallest
  one-sided Poisson p-value of its observed overlap under the current fit, as long as it is
  below ``pthresh`` (default 0.02) and the enlarged model passes the existence check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import numpy.typing as npt
from scipy.special import pdtr, pdtrc

from shomar.estimation.design import HierModel, enumerate_models, margins, term_mask
from shomar.estimation.existence import ExistenceCache, MLEStatus
from shomar.estimation.poisson import ModelFit, fit_model, fit_models

CRITERIA = ("bic", "aic")
#: How many best models the ranking in a search result lists.
RANKING_KEPT = 50


def default_max_order(n_lists: int) -> int:
    """MultipleSystemsEstimation's default: 1 for 2 lists, 2 for 3, 3 for 4 and 5 lists."""
    return {2: 1, 3: 2, 4: 3, 5: 3}.get(n_lists, 2)


@dataclass
class RankedModel:
    name: str
    abundance: float
    score: float
    order: int


@dataclass
class SearchResult:
    """Selected fit, the ranking of admissible models, and the models excluded and why."""

    best: ModelFit
    ranking: list[RankedModel]
    excluded: list[tuple[str, MLEStatus]] = field(default_factory=list)
    candidates: int = 0
    #: excluded models that would have beaten the selected one (name, criterion of the
    #: boundary fit): what a search without the existence check, such as Rcapture's, picks
    shadowed: list[tuple[str, float]] = field(default_factory=list)
    models: list[HierModel] = field(default_factory=list)  # admissible, ranked


def criterion_value(fit: ModelFit, criterion: str) -> float:
    return fit.bic() if criterion == "bic" else fit.aic()


def exhaustive_search(
    counts: npt.NDArray[np.int64],
    n_lists: int,
    *,
    max_order: int,
    criterion: str = "bic",
    cache: ExistenceCache | None = None,
    models: Sequence[HierModel] | None = None,
) -> SearchResult:
    """Fit every admissible hierarchical model and rank by ``criterion`` (ties: enumeration
    order, as R's stable ``order``)."""
    cache = cache or ExistenceCache()
    candidates = list(models) if models is not None else enumerate_models(n_lists, max_order)
    fits, excluded, boundary = admissible_fits(candidates, counts, cache)
    if not fits:
        from shomar.errors import EstimationError

        raise EstimationError(
            f"none of the {len(candidates)} candidate log-linear models has a maximum-likelihood "
            "estimate on this table",
            hint="The table is too sparse for log-linear MSE; try fewer lists (merge small "
            "lists) or a Bayesian method (--method lcmcr).",
        )
    scores = [criterion_value(f, criterion) for f in fits]
    order = sorted(range(len(fits)), key=lambda i: scores[i])
    ranking = [
        RankedModel(fits[i].model.name, fits[i].abundance, scores[i], fits[i].model.order)
        for i in order[:RANKING_KEPT]
    ]
    # name the excluded models that looked best first (by the criterion of the boundary fit)
    boundary_score = {f.model.name: criterion_value(f, criterion) for f in boundary}
    excluded.sort(key=lambda item: _finite_or_inf(boundary_score.get(item[0], np.inf)))
    best_score = scores[order[0]]
    shadowed = sorted(
        (
            (f.model.name, criterion_value(f, criterion))
            for f in boundary
            if np.isfinite(criterion_value(f, criterion))
            and criterion_value(f, criterion) < best_score
        ),
        key=lambda item: item[1],
    )
    return SearchResult(
        best=fits[order[0]],
        ranking=ranking,
        excluded=excluded,
        candidates=len(candidates),
        models=[fits[i].model for i in order],
        shadowed=shadowed,
    )


def admissible_fits(
    models: Sequence[HierModel], counts: npt.NDArray[np.int64], cache: ExistenceCache
) -> tuple[list[ModelFit], list[tuple[str, MLEStatus]], list[ModelFit]]:
    """Fit ``models`` and keep those with an identifiable MLE (the rest with their status).

    Also returns the (boundary, non-converged) fits of excluded models that could be fitted
    at all, for reporting what a search without the check would have chosen.

    A converged fit whose fitted values are all clearly positive is itself a strictly positive
    table with the data's sufficient statistics, which certifies existence (Fienberg & Rinaldo
    2012, Theorem 1); only the other models go to the linear program.
    """
    y = np.asarray(counts, dtype=np.float64)
    fits = fit_models(list(models), counts)
    kept: list[ModelFit] = []
    excluded: list[tuple[str, MLEStatus]] = []
    doubtful: list[HierModel] = []
    by_terms: dict[tuple[int, ...], ModelFit] = {}
    for model, fit in zip(models, fits, strict=True):
        if fit is not None and _certified(fit, y):
            kept.append(fit)
        else:
            doubtful.append(model)
            if fit is not None:
                by_terms[model.terms] = fit
    statuses = cache.statuses(
        doubtful, counts, largest_first=False, known_ok=[f.model for f in kept]
    )
    boundary: list[ModelFit] = []
    for model, status in zip(doubtful, statuses, strict=True):
        if status != MLEStatus.OK:
            excluded.append((model.name, status))
            if model.terms in by_terms:
                boundary.append(by_terms[model.terms])
            continue
        fit = by_terms.get(model.terms)
        kept.append(fit if fit is not None and fit.fit.converged else fit_model(model, counts))
    return kept, excluded, boundary


def _certified(fit: ModelFit, y: npt.NDArray[np.float64]) -> bool:
    yk = y[fit.face.cells - 1]
    # (fit_models only returns fits whose design on the face has full rank)
    if np.all(yk > 0):
        return True
    mu = fit.fit.fitted
    if not (fit.fit.converged and np.all(np.isfinite(mu))):
        return False
    X = fit.face.design(fit.model.n_lists)
    score = np.abs(X.T @ (yk - mu)).max()
    # At a non-existent MLE the fitted values of the offending cells tend to 0 while the score
    # residual stays of their size; an exact positive solution lies within ~cells × residual.
    low = float(mu[yk == 0].min())
    return bool(low > 1e-12 and low > 1e3 * len(yk) * score)


def _finite_or_inf(value: float) -> float:
    return value if np.isfinite(value) else float("inf")


def pair_terms(n_lists: int) -> list[int]:
    """Two-list effects in SparseMSE order: (1,2), (1,3), …, (1,J), (2,3), …"""
    return [term_mask(p, n_lists) for p in combinations(range(n_lists), 2)]


def stepwise_search(
    counts: npt.NDArray[np.int64],
    n_lists: int,
    *,
    pthresh: float = 0.02,
    max_order: int = 2,
    cache: ExistenceCache | None = None,
) -> SearchResult:
    """SparseMSE ``stepwisefit``: forward selection of two-list effects by Poisson p-values."""
    cache = cache or ExistenceCache()
    y = np.asarray(counts, dtype=np.float64)
    model = HierModel.main_effects(n_lists)
    status = cache.status(model, counts)
    if status != MLEStatus.OK:
        from shomar.errors import EstimationError

        raise EstimationError(
            f"even the main-effects (independence) model has no usable maximum-likelihood "
            f"estimate on this table: {status.describe()}",
            hint="The lists barely overlap; log-linear MSE cannot estimate N from them.",
        )
    current = fit_model(model, counts)
    excluded: list[tuple[str, MLEStatus]] = []
    if max_order < 2 or pthresh <= 0:
        return _stepwise_result(current, excluded)
    pairs = pair_terms(n_lists)
    nstar = margins(n_lists, y)
    included = [False] * len(pairs)
    pair_arr = np.asarray(pairs, dtype=np.int64)
    observed_overlap = nstar[pair_arr].astype(np.float64)
    for _ in range(len(pairs)):
        cells = current.face.cells
        inside = ((cells[:, None] & pair_arr[None, :]) == pair_arr[None, :]).astype(np.float64)
        pstar = current.fit.fitted @ inside  # expected overlap of each pair under the fit
        with np.errstate(all="ignore"):
            lower = pdtr(observed_overlap, pstar)  # P(X <= n)
            upper = np.where(observed_overlap > 0, pdtrc(observed_overlap - 1, pstar), 1.0)
        pvals = np.minimum(lower, upper)
        pvals[np.asarray(included)] = 1.0
        for j in np.flatnonzero(pvals < pthresh).tolist():
            candidate = model.with_term(pairs[j])
            status = cache.status(candidate, counts)
            if status != MLEStatus.OK:
                pvals[j] = 1.0  # SparseMSE: a model failing checkident is never entered
                excluded.append((candidate.name, status))
        pmin = float(pvals.min())
        if pmin >= pthresh:
            break
        jbest = int(np.flatnonzero(pvals == pmin)[0])
        model = model.with_term(pairs[jbest])
        current = fit_model(model, counts, warm=current)
        included[jbest] = True
    return _stepwise_result(current, excluded)


def _stepwise_result(fit: ModelFit, excluded: list[tuple[str, MLEStatus]]) -> SearchResult:
    ranked = RankedModel(fit.model.name, fit.abundance, float("nan"), fit.model.order)
    return SearchResult(
        best=fit, ranking=[ranked], excluded=excluded, candidates=0, models=[fit.model]
    )
