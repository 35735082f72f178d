"""Convergence diagnostics for MCMC draws with axes ``(chain, draw)``.

Rank-normalized split R-hat and bulk effective sample size as defined by Vehtari, Gelman,
Simpson, Carpenter & Bürkner (2021), "Rank-normalization, folding, and localization: an improved
R-hat for assessing convergence of MCMC", *Bayesian Analysis* 16(2):667–718. The effective
sample size uses Geyer's (1992) initial monotone sequence estimator on FFT autocovariances, as
in Stan and ArviZ.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import stats

#: R-hat above this is reported as non-convergence (Vehtari et al. 2021, Section 4).
RHAT_THRESHOLD = 1.01

FloatArray = npt.NDArray[np.float64]


def split_chains(draws: npt.ArrayLike) -> FloatArray:
    """Split every chain in two halves (dropping the middle draw of odd-length chains)."""
    x = _as_2d(draws)
    half = x.shape[1] // 2
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half :]], axis=0)


def rank_normalize(draws: npt.ArrayLike) -> FloatArray:
    """Normal scores of the pooled ranks (average ranks for ties; Blom's offset 3/8)."""
    x = _as_2d(draws)
    ranks = stats.rankdata(x, method="average").reshape(x.shape)
    size = x.size
    return np.asarray(stats.norm.ppf((ranks - 0.375) / (size + 0.25)), dtype=np.float64)


def rhat(draws: npt.ArrayLike) -> float:
    """Rank-normalized split R-hat: the larger of the bulk and the folded (tail) R-hat.

    Returns ``nan`` when it is undefined (fewer than 4 draws per chain, or constant draws).
    """
    x = _as_2d(draws)
    if x.shape[1] < 4 or not _varies(x):
        return float("nan")
    split = split_chains(x)
    bulk = _basic_rhat(rank_normalize(split))
    folded = np.abs(split - np.median(split))
    tail = _basic_rhat(rank_normalize(folded)) if _varies(folded) else bulk
    return float(max(bulk, tail))


def ess_bulk(draws: npt.ArrayLike) -> float:
    """Bulk effective sample size: ESS of the rank-normalized split chains."""
    x = _as_2d(draws)
    if x.shape[1] < 4 or not _varies(x):
        return float("nan")
    return _ess(rank_normalize(split_chains(x)))


def _as_2d(draws: npt.ArrayLike) -> FloatArray:
    x = np.asarray(draws, dtype=np.float64)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2:
        raise ValueError(f"draws must have axes (chain, draw), got shape {x.shape}")
    return x


def _varies(x: FloatArray) -> bool:
    return bool(np.ptp(x) > 0)


def _basic_rhat(x: FloatArray) -> float:
    """Gelman–Rubin potential scale reduction of chains ``x`` (already split)."""
    n = x.shape[1]
    within = float(np.mean(np.var(x, axis=1, ddof=1)))
    between = n * float(np.var(np.mean(x, axis=1), ddof=1))
    if within <= 0:
        return float("nan")
    var_plus = (n - 1) / n * within + between / n
    return float(np.sqrt(var_plus / within))


def _autocovariance(x: FloatArray) -> FloatArray:
    """Biased autocovariance of every row of ``x``, by FFT."""
    n = x.shape[1]
    centred = x - x.mean(axis=1, keepdims=True)
    size = 1 << (2 * n - 1).bit_length()
    spectrum = np.fft.rfft(centred, n=size, axis=1)
    acov = np.fft.irfft(spectrum * np.conjugate(spectrum), n=size, axis=1)[:, :n]
    return np.asarray(acov / n, dtype=np.float64)


def _ess(x: FloatArray) -> float:
    """ESS of chains ``x`` with Geyer's initial monotone positive sequence (Stan's estimator)."""
    chains, n = x.shape
    acov = _autocovariance(x)
    chain_var = acov[:, 0] * n / (n - 1.0)
    within = float(np.mean(chain_var))
    var_plus = within * (n - 1.0) / n
    if chains > 1:
        var_plus += float(np.var(np.mean(x, axis=1), ddof=1))
    if var_plus <= 0:
        return float("nan")
    rho = 1.0 - (within - np.mean(acov, axis=0)) / var_plus
    rho[0] = 1.0
    tau = _geyer_tau(rho, chains * n)
    return float(chains * n / tau)


def _geyer_tau(rho: FloatArray, total: int) -> float:
    """Integrated autocorrelation time from autocorrelations ``rho`` (Geyer 1992)."""
    n = rho.size
    pairs = []
    t = 0
    while t + 1 < n:
        pair = rho[t] + rho[t + 1]
        if pair < 0:
            break
        pairs.append(pair)
        t += 2
    if not pairs:
        return 1.0
    monotone = np.minimum.accumulate(np.asarray(pairs))
    tau = -1.0 + 2.0 * float(np.sum(monotone))
    return max(tau, 1.0 / np.log10(max(total, 10)))
