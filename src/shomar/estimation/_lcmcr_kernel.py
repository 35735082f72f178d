"""Numba kernel of the LCMCR Gibbs sampler (one chain), working on cell counts.

The sampler is the one of Manrique-Vallier (2016), "Bayesian population size estimation using
Dirichlet process mixtures", *Biometrics* 72(3):1246–1254, Section 3: a latent-class model with
a truncated stick-breaking prior (K classes), Beta(1, 1) priors on the per-class capture
probabilities ``lambda[j, k]``, a Gamma(a, b) prior on the concentration ``alpha`` and data
augmentation of the unobserved count ``n0`` under the prior p(N) ∝ 1/N, which makes
``n0 | rest`` negative binomial. As in the R package LCMCR, individuals sharing a capture pattern
are allocated to classes in one multinomial draw per cell, so an iteration costs O(M K J) for M
observed cells, not O(N).

Every random number comes from the ``numpy.random.Generator`` passed in (never global state).
"""

from __future__ import annotations

import numpy as np
from numba import njit

_TINY = 1e-300
_EDGE = 1e-12
#: LCMCR 0.4.14 rejects draws of the unobserved count above 20 times the observed count.
MAX_MISSING_RATIO = 20


@njit(cache=True, nogil=True)
def _log_gamma_variate(rng: np.random.Generator, shape: float) -> float:
    """log of a Gamma(shape, 1) variate, exact also for tiny shapes (no underflow).

    For shape < 1 uses G(a) = G(a + 1) U^(1/a) (Marsaglia & Tsang 2000, note 8).
    """
    if shape >= 1.0:
        return float(np.log(rng.standard_gamma(shape)))
    u = rng.random()
    while u <= 0.0:
        u = rng.random()
    return float(np.log(rng.standard_gamma(shape + 1.0)) + np.log(u) / shape)


@njit(cache=True, nogil=True)
def _multinomial(rng: np.random.Generator, total: int, probs: np.ndarray, out: np.ndarray) -> None:
    """Multinomial(total, probs / sum(probs)) into ``out`` by conditional binomials."""
    size = probs.size
    out[:] = 0
    if total == 0:
        return
    mass = 0.0
    for k in range(size):
        mass += probs[k]
    if total == 1:
        u = rng.random() * mass
        acc = 0.0
        for k in range(size):
            acc += probs[k]
            if u < acc:
                out[k] = 1
                return
        out[size - 1] = 1
        return
    remaining = total
    for k in range(size - 1):
        if remaining == 0:
            return
        if mass <= 0.0:
            break
        p = probs[k] / mass
        if p >= 1.0:
            out[k] = remaining
            return
        draw = rng.binomial(remaining, p) if p > 0.0 else 0
        out[k] = draw
        remaining -= draw
        mass -= probs[k]
    out[size - 1] += remaining


@njit(cache=True, nogil=True)
def _log_lambda(lam: np.ndarray, log_on: np.ndarray, log_off: np.ndarray) -> None:
    """log(lambda) and log(1 - lambda), with lambda kept off 0 and 1."""
    n_lists, n_classes = lam.shape
    for j in range(n_lists):
        for k in range(n_classes):
            value = min(max(lam[j, k], _EDGE), 1.0 - _EDGE)
            log_on[j, k] = np.log(value)
            log_off[j, k] = np.log1p(-value)


@njit(cache=True, nogil=True)
def _sample_classes(
    rng: np.random.Generator,
    cells: np.ndarray,
    freq: np.ndarray,
    log_nu: np.ndarray,
    log_on: np.ndarray,
    log_off: np.ndarray,
    counts: np.ndarray,
    work: np.ndarray,
) -> None:
    """Allocate the individuals of every observed cell to latent classes (step 1)."""
    n_cells, n_lists = cells.shape
    n_classes = log_nu.size
    row = np.zeros(n_classes, dtype=np.int64)
    for m in range(n_cells):
        top = -np.inf
        for k in range(n_classes):
            value = log_nu[k]
            for j in range(n_lists):
                value += log_on[j, k] if cells[m, j] == 1 else log_off[j, k]
            work[k] = value
            top = max(top, value)
        for k in range(n_classes):
            work[k] = np.exp(work[k] - top)
        _multinomial(rng, freq[m], work, row)
        counts[m, :] = row


@njit(cache=True, nogil=True)
def _sample_lambda(
    rng: np.random.Generator,
    cells: np.ndarray,
    counts: np.ndarray,
    counts0: np.ndarray,
    lam: np.ndarray,
) -> None:
    """lambda[j, k] ~ Beta(1 + captured, 1 + not captured) in class k (step 2)."""
    n_cells, n_lists = cells.shape
    n_classes = counts0.size
    for k in range(n_classes):
        size = counts0[k]
        for m in range(n_cells):
            size += counts[m, k]
        for j in range(n_lists):
            on = 0
            for m in range(n_cells):
                if cells[m, j] == 1:
                    on += counts[m, k]
            lam[j, k] = rng.beta(1.0 + on, 1.0 + (size - on))


@njit(cache=True, nogil=True)
def _sample_nu(
    rng: np.random.Generator, class_sizes: np.ndarray, alpha: float, log_nu: np.ndarray
) -> float:
    """Truncated stick-breaking weights given class sizes (step 3); returns sum log(1 - V_k).

    V_k ~ Beta(1 + n_k, alpha + sum_{h > k} n_h) for k < K, drawn as a ratio of log-gamma
    variates so that tiny alpha with empty tail classes does not underflow.
    """
    n_classes = class_sizes.size
    rest = 0
    for k in range(n_classes):
        rest += class_sizes[k]
    log_rest = 0.0
    for k in range(n_classes - 1):
        rest -= class_sizes[k]
        g1 = _log_gamma_variate(rng, 1.0 + class_sizes[k])
        g2 = _log_gamma_variate(rng, alpha + rest)
        top = max(g1, g2)
        log_sum = top + np.log(np.exp(g1 - top) + np.exp(g2 - top))
        log_nu[k] = g1 - log_sum + log_rest
        log_rest += g2 - log_sum
    log_nu[n_classes - 1] = log_rest
    return log_rest


@njit(cache=True, nogil=True)
def _missing_weights(log_nu: np.ndarray, log_off: np.ndarray, out: np.ndarray) -> float:
    """nu_k prod_j (1 - lambda_jk) per class into ``out``; returns their sum (P(unobserved))."""
    n_lists, n_classes = log_off.shape
    total = 0.0
    for k in range(n_classes):
        value = log_nu[k]
        for j in range(n_lists):
            value += log_off[j, k]
        out[k] = np.exp(value)
        total += out[k]
    return total


@njit(cache=True, nogil=True)
def _sample_missing(
    rng: np.random.Generator, n_obs: int, prob_zero: float, weights: np.ndarray, counts0: np.ndarray
) -> int:
    """n0 ~ NegBin(n, 1 - P(unobserved)) and its classes (steps 4–5).

    Under the prior p(N) ∝ 1/N the full conditional of the unobserved count is negative
    binomial (Manrique-Vallier 2016, Section 3; Basu & Ebrahimi 2001). As LCMCR 0.4.14 does,
    the prior is truncated at n0 <= 20 n (draws above are rejected), which keeps a chain on a
    weakly identified table from drifting to absurd sizes.
    """
    p_seen = min(max(1.0 - prob_zero, 1e-9), 1.0)
    n0 = 0
    if p_seen < 1.0:
        n0 = rng.negative_binomial(n_obs, p_seen)
        while n0 > MAX_MISSING_RATIO * n_obs:
            n0 = rng.negative_binomial(n_obs, p_seen)
    _multinomial(rng, n0, weights, counts0)
    return int(n0)


@njit(cache=True, nogil=True)
def _sample_alpha(
    rng: np.random.Generator, a_alpha: float, b_alpha: float, n_classes: int, log_rest: float
) -> float:
    """alpha ~ Gamma(a + K - 1, rate b - sum_k log(1 - V_k)) (step 6)."""
    rate = b_alpha - log_rest
    return float(rng.gamma(a_alpha + n_classes - 1.0, 1.0 / rate))


@njit(cache=True, nogil=True)
def _class_sizes(counts: np.ndarray, counts0: np.ndarray, out: np.ndarray) -> None:
    n_cells, n_classes = counts.shape
    for k in range(n_classes):
        size = counts0[k]
        for m in range(n_cells):
            size += counts[m, k]
        out[k] = size


@njit(cache=True, nogil=True)
def _relabel_by_size(
    lam: np.ndarray, log_nu: np.ndarray, counts: np.ndarray, counts0: np.ndarray
) -> None:
    """Order classes by decreasing weight (done once after the warm-up, as LCMCR does)."""
    order = np.argsort(-log_nu)
    lam[:, :] = lam[:, order].copy()
    log_nu[:] = log_nu[order].copy()
    counts[:, :] = counts[:, order].copy()
    counts0[:] = counts0[order].copy()


@njit(cache=True, nogil=True)
def run_chain(
    rng: np.random.Generator,
    cells: np.ndarray,
    freq: np.ndarray,
    n_classes: int,
    a_alpha: float,
    b_alpha: float,
    warmup: int,
    burnin: int,
    samples: int,
    thinning: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run one chain; returns the recorded draws of N, alpha and the number of occupied classes.

    ``cells`` (M × J, 0/1) and ``freq`` (M) hold the observed cells with non-zero counts. The
    first ``warmup`` iterations keep alpha fixed at 0.3 / K (the start-up used by LCMCR), then
    classes are relabelled by weight, ``burnin`` iterations are discarded and ``samples`` draws
    are kept, one every ``thinning`` iterations.
    """
    lam, log_nu, counts, counts0, alpha = start_state(cells, freq, n_classes)
    return advance_chain(
        rng, cells, freq, a_alpha, b_alpha, warmup, burnin, samples, thinning,
        lam, log_nu, counts, counts0, alpha,
    )  # fmt: skip


@njit(cache=True, nogil=True)
def start_state(
    cells: np.ndarray, freq: np.ndarray, n_classes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The start of a chain: ``(lam, log_nu, counts, counts0, alpha)`` (alpha as a 1-array).

    Capture probabilities start at each list's observed share, class weights are equal and
    alpha is 0.3 / K, as in LCMCR.
    """
    n_cells, n_lists = cells.shape
    n_obs = 0
    for m in range(n_cells):
        n_obs += freq[m]
    lam = np.empty((n_lists, n_classes))
    for j in range(n_lists):
        on = 0
        for m in range(n_cells):
            if cells[m, j] == 1:
                on += freq[m]
        lam[j, :] = min(max(on / n_obs, 0.01), 0.99)
    log_nu = np.full(n_classes, -np.log(n_classes))
    counts = np.zeros((n_cells, n_classes), dtype=np.int64)
    counts0 = np.zeros(n_classes, dtype=np.int64)
    alpha = np.full(1, 0.3 / n_classes)
    return lam, log_nu, counts, counts0, alpha


@njit(cache=True, nogil=True)
def advance_chain(
    rng: np.random.Generator,
    cells: np.ndarray,
    freq: np.ndarray,
    a_alpha: float,
    b_alpha: float,
    warmup: int,
    burnin: int,
    samples: int,
    thinning: int,
    lam: np.ndarray,
    log_nu: np.ndarray,
    counts: np.ndarray,
    counts0: np.ndarray,
    alpha_state: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Advance a chain from its state (updated in place) and record ``samples`` draws.

    With ``warmup = burnin = 0`` this continues a chain exactly where it stopped: the same
    Markov chain, so extending a run is the same as having asked for a longer one.
    """
    n_cells, n_lists = cells.shape
    n_classes = log_nu.size
    n_obs = 0
    for m in range(n_cells):
        n_obs += freq[m]
    log_on = np.empty((n_lists, n_classes))
    log_off = np.empty((n_lists, n_classes))
    sizes = np.zeros(n_classes, dtype=np.int64)
    work = np.empty(n_classes)
    weights0 = np.empty(n_classes)
    alpha = alpha_state[0]
    n0 = 0
    draws_n = np.empty(samples, dtype=np.int64)
    draws_alpha = np.empty(samples)
    draws_k = np.empty(samples, dtype=np.int64)
    total = warmup + burnin + samples * thinning
    _log_lambda(lam, log_on, log_off)
    for it in range(total):
        _sample_classes(rng, cells, freq, log_nu, log_on, log_off, counts, work)
        _sample_lambda(rng, cells, counts, counts0, lam)
        _class_sizes(counts, counts0, sizes)
        log_rest = _sample_nu(rng, sizes, alpha, log_nu)
        _log_lambda(lam, log_on, log_off)
        prob_zero = _missing_weights(log_nu, log_off, weights0)
        n0 = _sample_missing(rng, n_obs, prob_zero, weights0, counts0)
        if it >= warmup:
            alpha = _sample_alpha(rng, a_alpha, b_alpha, n_classes, log_rest)
        elif it == warmup - 1:
            _relabel_by_size(lam, log_nu, counts, counts0)
            _log_lambda(lam, log_on, log_off)
        kept = it - warmup - burnin
        if kept >= 0 and (kept + 1) % thinning == 0:
            slot = kept // thinning
            draws_n[slot] = n_obs + n0
            draws_alpha[slot] = alpha
            occupied = 0
            _class_sizes(counts, counts0, sizes)
            for k in range(n_classes):
                if sizes[k] > 0:
                    occupied += 1
            draws_k[slot] = occupied
    alpha_state[0] = alpha
    return draws_n, draws_alpha, draws_k
