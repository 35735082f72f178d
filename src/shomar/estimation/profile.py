"""Model-conditional confidence intervals for N: multinomial profile likelihood and log-normal.

* :func:`profile_interval` — Rcapture ``closedpCI.t`` (Rivest & Lévesque 2001, *J. Stat.
  Softw.*; Cormack 1992, *Biometrics* 48:567–576): for each candidate ``N`` the unobserved cell
  gets ``N − n`` individuals, the model is refitted as a Poisson log-linear model on all
  ``2**J`` cells, and the multinomial profile log-likelihood is ``−deviance/2`` plus Cormack's
  correction ``log(n0^n0 N! / (N^N n0!))``; the interval is where it lies within
  ``χ²₁(level)/2`` of its maximum (searched, as Rcapture, in ``(n, 3 N̂)`` and widened if
  needed).
* :func:`lognormal_interval` — SparseMSE ``estimatepopulation.0`` (Chan, Silverman & Vincent
  2021): ``n + exp(b0 ± z·se(b0))``, a Wald interval on the log of the unobserved count.

Both are conditional on the model: they ignore the uncertainty of model selection (use the
BCa bootstrap for that, :mod:`shomar.estimation.bootstrap`).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln
from scipy.stats import chi2, norm

from shomar.estimation.poisson import ModelFit, fit_poisson

#: Rcapture's ``fmaxSupCL``: the upper limit is first searched below this multiple of N̂.
FMAX_SUP = 3.0


def lognormal_interval(fit: ModelFit, level: float = 0.95) -> tuple[float, float]:
    """``n + exp(b0 ± z se(b0))`` (SparseMSE's model-conditional interval)."""
    q = norm.ppf([(1 - level) / 2, (1 + level) / 2])
    b0 = float(fit.fit.coef[0])
    lo, hi = fit.observed + np.exp(b0 + q * fit.intercept_se)
    return float(lo), float(hi)


def wald_interval(fit: ModelFit, level: float = 0.95) -> tuple[float, float]:
    """``N̂ ± z SE`` (Rcapture ``closedp.t``)."""
    z = float(norm.ppf((1 + level) / 2))
    return fit.abundance - z * fit.stderr, fit.abundance + z * fit.stderr


class ProfileLikelihood:
    """The multinomial profile log-likelihood of N for one fitted model."""

    def __init__(self, fit: ModelFit) -> None:
        n_lists = fit.model.n_lists
        X = fit.face.design(n_lists)
        zero_row = np.zeros((1, X.shape[1]))
        zero_row[0, 0] = 1.0  # the unobserved cell: intercept only
        self.X = np.vstack([X, zero_row])
        self.y = np.append(fit.counts, 0.0)
        self.n = float(fit.observed)
        self._start = fit.fit.coef.copy()

    def __call__(self, N: float) -> float:
        n0 = max(N - self.n, 0.0)
        y = self.y.copy()
        y[-1] = n0
        with np.errstate(all="ignore"):
            res = fit_poisson(self.X, y, start=self._start)
        if res.converged:
            self._start = res.coef
        total = self.n + n0
        ct = gammaln(total + 1) - gammaln(n0 + 1) - total * np.log(total)
        if n0 > 0:
            ct += n0 * np.log(n0)
        return float(-res.deviance / 2 + ct)


def profile_interval(
    fit: ModelFit, level: float = 0.95
) -> tuple[tuple[float, float], float, list[str]]:
    """``((lower, upper), N maximising the profile likelihood, warnings)``."""
    warnings: list[str] = []
    loglik = ProfileLikelihood(fit)
    n = float(fit.observed)
    n_hat = fit.abundance
    top = minimize_scalar(
        lambda N: -loglik(N),
        bounds=(n, FMAX_SUP * n_hat),
        method="bounded",
        options={"xatol": 1e-4 * max(1.0, n_hat)},
    )
    n_max = float(top.x)
    l_max = -float(top.fun)
    cut = l_max - float(chi2.ppf(level, 1)) / 2

    def g(N: float) -> float:
        return loglik(N) - cut

    lower = n if g(n) >= 0 else float(brentq(g, n, n_max, xtol=1e-6 * n_hat))
    upper = float("nan")
    hi = FMAX_SUP * n_hat
    lo = n_max
    for _ in range(8):
        if g(hi) < 0:
            upper = float(brentq(g, lo, hi, xtol=1e-6 * n_hat))
            break
        lo, hi = hi, hi * 10
    if not np.isfinite(upper):
        upper = float("inf")
        warnings.append(
            f"The profile-likelihood interval has no finite upper limit below {lo:.0f}: the "
            "data cannot bound N under this model."
        )
    return (lower, upper), n_max, warnings
