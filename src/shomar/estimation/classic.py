"""Classic closed-population capture–recapture models M0, Mt and Mth-Chao, for comparison.

Fitted as Poisson log-linear models on the observed cells, exactly as Rcapture ``closedp.t``
(Baillargeon & Rivest 2007, *J. Stat. Softw.* 19(5); Rivest & Lévesque 2001):

* **M0** — one capture probability for all lists: intercept + number of lists recorded on.
* **Mt** — list-specific probabilities, lists independent: intercept + main effects.
* **Mth-Chao** — Mt plus Chao's lower-bound heterogeneity terms ``max(k − j + 1, 0)`` for
  ``j = 3..J`` (``k`` = lists recorded on; Chao 1987, *Biometrics* 43:783–791; Rivest &
  Baillargeon 2007); negative heterogeneity coefficients are removed one at a time and the
  model refitted (Rcapture's ``neg = TRUE``). It estimates a *lower bound* for N.

Results: method ``"classic"``, the model name in ``model`` (``["M0"]``, ``["Mt"]`` or
``["Mth-Chao"]``), interval ``N̂ ± z·SE`` (``interval_type = "wald"``, as ``closedp.t``).
"""

from __future__ import annotations

import time

import numpy as np
import numpy.typing as npt

from shomar.errors import EstimationError
from shomar.estimation.capture import CaptureTable
from shomar.estimation.poisson import PoissonFit, fit_poisson
from shomar.estimation.result import IDENTIFYING_ASSUMPTIONS, EstimateResult

CLASSIC_MODELS = ("M0", "Mt", "Mth-Chao")

FloatArray = npt.NDArray[np.float64]


def classic_design(table: CaptureTable, model: str) -> tuple[FloatArray, int]:
    """Design matrix (with intercept) and the number of non-heterogeneity columns."""
    hist = table.patterns.astype(np.float64)
    ncap = hist.sum(axis=1)
    ones = np.ones((hist.shape[0], 1))
    if model == "M0":
        return np.hstack([ones, ncap[:, None]]), 2
    if model == "Mt":
        return np.hstack([ones, hist]), 1 + table.n_lists
    if model == "Mth-Chao":
        if table.n_lists < 3:
            raise EstimationError("Mth-Chao needs at least 3 lists")
        eta = np.column_stack([np.maximum(ncap - j + 1, 0) for j in range(3, table.n_lists + 1)])
        return np.hstack([ones, hist, eta]), 1 + table.n_lists
    raise EstimationError(
        f"unknown classic model {model!r}", hint=f"Choose one of {', '.join(CLASSIC_MODELS)}."
    )


def _fit_chao(X: FloatArray, y: FloatArray, nca: int) -> tuple[PoissonFit, int]:
    """Fit, then drop the first negative heterogeneity column and refit until none is left."""
    fit = fit_poisson(X, y)
    removed = 0
    while X.shape[1] > nca and np.any(fit.coef[nca:] < 0):
        first = nca + int(np.flatnonzero(fit.coef[nca:] < 0)[0])
        X = np.delete(X, first, axis=1)
        fit = fit_poisson(X, y)
        removed += 1
    return fit, removed


def estimate_classic(table: CaptureTable, model: str, *, level: float = 0.95) -> EstimateResult:
    """Estimate N with one classic model (``"M0"``, ``"Mt"`` or ``"Mth-Chao"``)."""
    from scipy.stats import norm

    start = time.perf_counter()
    X, nca = classic_design(table, model)
    y = table.counts.astype(np.float64)
    removed = 0
    if model == "Mth-Chao":
        fit, removed = _fit_chao(X, y, nca)
    else:
        fit = fit_poisson(X, y)
    n = table.observed
    dark = float(np.exp(fit.coef[0]))
    estimate = n + dark
    se = float(np.sqrt(dark + dark**2 * fit.cov[0, 0]))
    z = float(norm.ppf((1 + level) / 2))
    warnings = [IDENTIFYING_ASSUMPTIONS["classic"]]
    if model == "Mth-Chao":
        warnings.append("Mth-Chao gives a lower bound for N, not an estimate of it.")
    n_par = X.shape[1] - removed
    loglik = fit.loglik
    return EstimateResult(
        method="classic",
        observed=n,
        estimate=estimate,
        interval=(estimate - z * se, estimate + z * se),
        level=level,
        interval_type="wald",
        model=[model],
        settings={"model": model, "level": level},
        seed=None,
        diagnostics={
            "stderr": se,
            "deviance": fit.deviance,
            "df": int(len(y) - n_par),
            "aic": 2 * n_par - 2 * loglik,
            "bic": float(np.log(n)) * n_par - 2 * loglik,
            "converged": fit.converged,
            "negative_eta_removed": removed,
        },
        warnings=warnings,
        runtime_s=time.perf_counter() - start,
    )
