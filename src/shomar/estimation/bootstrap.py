"""BCa bootstrap intervals for N that repeat the model selection in every replicate.

Multinomial resamples of the observed table are drawn with an explicit
:class:`numpy.random.Generator`; in each the model is selected again (BIC/AIC among the
``ntop`` best models on the original data, as MultipleSystemsEstimation
``estimate_population_bic``, Silverman, Chan & Vincent 2024, *Statistics and Computing* 34:44;
or forward stepwise, as SparseMSE ``estimatepopulation``, Chan, Silverman & Vincent 2021,
*JASA* 116:1297–1306). The acceleration comes from the delete-one-individual jackknife and the
limits are bias-corrected and accelerated percentiles (Efron 1987, *JASA* 82:171–185; DiCiccio &
Efron 1996, *Statistical Science* 11:189–228), with R's type-8 quantiles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.stats import norm

from shomar.estimation.design import HierModel, margins
from shomar.estimation.existence import ExistenceCache, MLEStatus
from shomar.estimation.poisson import face_of, fit_poisson, fit_poisson_batch

FloatArray = npt.NDArray[np.float64]


def ntop_default(n_lists: int) -> int | None:
    """MultipleSystemsEstimation's default number of models kept for the bootstrap
    (``None`` = all): all for 2–3 lists, 20 for 4, 100 for 5 and 6."""
    return {4: 20, 5: 100, 6: 100}.get(n_lists)


@dataclass
class BootstrapResult:
    interval: tuple[float, float]
    replicates: FloatArray
    acceleration: float
    bias_correction: float
    failed: int = 0
    warnings: list[str] = field(default_factory=list)


def bca_interval(
    bootreps: FloatArray, popest: float, ahat: float, level: float
) -> tuple[tuple[float, float], float]:
    """BCa limits (SparseMSE/MultipleSystemsEstimation ``bcaconfvalues``) and ``z0``."""
    reps = bootreps[np.isfinite(bootreps)]
    z0 = float(norm.ppf(np.mean(reps < popest)))
    za = norm.ppf(np.array([(1 - level) / 2, (1 + level) / 2]))
    za0 = za + z0
    zq = norm.cdf(z0 + za0 / (1 - ahat * za0))
    lo, hi = np.quantile(reps, zq, method="median_unbiased")  # R quantile type 8
    return (float(lo), float(hi)), z0


def acceleration(jackreps: FloatArray, counts: npt.NDArray[np.int64]) -> float:
    """Jackknife acceleration, each delete-one estimate weighted by its cell count."""
    c = np.asarray(counts, dtype=np.float64)
    jr = np.where(c > 0, jackreps, 0.0)
    d = np.sum(c * jr) / np.sum(c) - jr
    denom = np.sum(c * d**2)
    if not np.isfinite(denom) or denom <= 0:
        return 0.0
    return float(np.sum(c * d**3) / (6 * denom**1.5))


def fit_over_datasets(
    model: HierModel,
    Y: FloatArray,
    cache: ExistenceCache,
    *,
    check: npt.NDArray[np.bool_] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Fit one model to each row of ``Y``: ``(abundance, loglik)``, NaN where no MLE.

    Rows are grouped by their face (zero-margin terms) and fitted in one vectorised Newton
    run per group. ``check`` marks rows that need the existence check (default: rows with a
    zero cell on the face).
    """
    n_rows = Y.shape[0]
    abund = np.full(n_rows, np.nan)
    loglik = np.full(n_rows, np.nan)
    nstar = margins(model.n_lists, Y)
    terms = np.asarray(model.terms)
    zero = nstar[:, terms] == 0
    groups: dict[bytes, list[int]] = {}
    for b in range(n_rows):
        groups.setdefault(np.packbits(zero[b]).tobytes(), []).append(b)
    for rows in groups.values():
        face = face_of(model, nstar[rows[0]])
        X = face.design(model.n_lists)
        Yk = Y[np.ix_(np.asarray(rows, dtype=np.int64), face.cells - 1)]
        ok = np.ones(len(rows), dtype=bool)
        for k, b in enumerate(rows):
            needs = bool(np.any(Yk[k] == 0)) if check is None else bool(check[b])
            if needs and cache.status(model, Y[b]) != MLEStatus.OK:
                ok[k] = False
        if not ok.any():
            continue
        sel = [b for k, b in enumerate(rows) if ok[k]]
        Ys = Yk[ok]
        with np.errstate(all="ignore"):
            try:
                batch = fit_poisson_batch(X, Ys)
                coef0 = batch.coef[:, 0].copy()
                ll = batch.loglik.copy()
                bad = ~(batch.converged & np.isfinite(ll))
            except np.linalg.LinAlgError:
                coef0 = np.full(len(sel), np.nan)
                ll = np.full(len(sel), np.nan)
                bad = np.ones(len(sel), dtype=bool)
            for k in np.flatnonzero(bad).tolist():
                single = fit_poisson(X, Ys[k])
                coef0[k], ll[k] = single.coef[0], single.loglik
        abund[sel] = Ys.sum(axis=1) + np.exp(coef0)
        loglik[sel] = ll
    return abund, loglik


def select_over_models(
    models: Sequence[HierModel],
    Y: FloatArray,
    criterion: str,
    cache: ExistenceCache,
    *,
    check: npt.NDArray[np.bool_] | None = None,
) -> FloatArray:
    """For each row of ``Y``, the abundance of the model with the smallest criterion."""
    n_obs = Y.sum(axis=1)
    best_score = np.full(Y.shape[0], np.inf)
    best = np.full(Y.shape[0], np.nan)
    for model in models:
        abund, ll = fit_over_datasets(model, Y, cache, check=check)
        penalty = np.log(n_obs) if criterion == "bic" else 2.0
        score = model.n_params * penalty - 2 * ll
        better = np.isfinite(score) & (score < best_score)
        best_score[better] = score[better]
        best[better] = abund[better]
    return best


def jackknife_datasets(counts: npt.NDArray[np.int64]) -> tuple[FloatArray, npt.NDArray[np.intp]]:
    """One data set per non-empty cell, with one individual removed from that cell."""
    y = np.asarray(counts, dtype=np.float64)
    cells = np.flatnonzero(y > 0)
    Y = np.repeat(y[None, :], len(cells), axis=0)
    Y[np.arange(len(cells)), cells] -= 1
    return Y, cells


def bootstrap_bca(
    counts: npt.NDArray[np.int64],
    popest: float,
    estimator: Callable[[FloatArray, npt.NDArray[np.bool_] | None], FloatArray],
    *,
    replicates: int,
    rng: np.random.Generator,
    level: float,
) -> BootstrapResult:
    """Resample, re-estimate (``estimator`` maps data sets to estimates), jackknife, BCa."""
    y = np.asarray(counts, dtype=np.int64)
    n = int(y.sum())
    Y = rng.multinomial(n, y / n, size=replicates).astype(np.float64)
    boot = estimator(Y, None)
    J, cells = jackknife_datasets(y)
    check = J[np.arange(len(cells)), cells] == 0  # MSE: check only where a new zero appears
    jack_cells = estimator(J, check)
    jack = np.zeros(len(y))
    jack[cells] = jack_cells
    warnings: list[str] = []
    failed = int(np.sum(~np.isfinite(boot)))
    if failed:
        warnings.append(
            f"{failed} of {replicates} bootstrap replicates had no model with an MLE and were "
            "left out of the BCa interval."
        )
    if not np.all(np.isfinite(jack_cells)):
        warnings.append("Some jackknife fits failed; the BCa acceleration was set to 0.")
        ahat = 0.0
    else:
        ahat = acceleration(jack, y)
    finite = boot[np.isfinite(boot)]
    if finite.size == 0:
        return BootstrapResult(
            (float("nan"), float("nan")), boot, ahat, float("nan"), failed, warnings
        )
    share = float(np.mean(finite < popest))
    if share in (0.0, 1.0):
        warnings.append(
            "All bootstrap estimates fall on one side of the point estimate; the BCa interval "
            "is degenerate (percentile limits used)."
        )
        q = np.quantile(finite, [(1 - level) / 2, (1 + level) / 2], method="median_unbiased")
        return BootstrapResult(
            (float(q[0]), float(q[1])), boot, ahat, float("nan"), failed, warnings
        )
    interval, z0 = bca_interval(boot, popest, ahat, level)
    return BootstrapResult(interval, boot, ahat, z0, failed, warnings)
