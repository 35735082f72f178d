"""LCMCR sampler speed on Kosovo with the R documentation settings (110,500 Gibbs iterations).

Run: ``.venv/bin/python -m benchmarks.estimation.bench_lcmcr [--numpy-iterations N]``

Prints, in one run:

* the numba kernel's first call (compilation, or loading the on-disk cache) separately from
  sampling;
* one chain with R's settings (K = 10, burn-in 10,000, 1,000 samples thinned by 100, plus the
  500 start-up iterations LCMCR also runs): CPU seconds and iterations per second;
* the in-run baseline: the same Gibbs sampler written with plain numpy (vectorised within an
  iteration, a Python loop over iterations), timed on fewer iterations and extrapolated;
* the default four-chain run (threads) as wall-clock seconds;
* the ratio to R's LCMCR 0.4.14 (C++): 1.78 CPU s for the same settings, *measured elsewhere*
  (``shared/data/mse/PEER_RESULTS.md``, a loaded 2-vCPU Xeon; R is not available in this run).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from shomar.estimation._lcmcr_kernel import run_chain
from shomar.estimation.capture import CaptureTable, read_capture_table
from shomar.estimation.lcmcr import WARMUP, estimate_lcmcr

DATA = Path(__file__).parents[2] / "tests" / "data" / "mse" / "kosovo.csv"
R_CPU_SECONDS = 1.78  # PEER_RESULTS.md, kosovo, LCMCR doc settings, CPU s (measured elsewhere)
K, A, B, BURNIN, SAMPLES, THIN = 10, 0.25, 0.25, 10_000, 1_000, 100


def _cells(table: CaptureTable) -> tuple[np.ndarray, np.ndarray]:
    keep = table.counts > 0
    return table.patterns[keep].astype(np.int64), table.counts[keep].astype(np.int64)


def numpy_chain(
    rng: np.random.Generator, cells: np.ndarray, freq: np.ndarray, iterations: int
) -> np.ndarray:
    """The same Gibbs sampler in plain numpy (the baseline); returns N per iteration."""
    n_obs = int(freq.sum())
    lam = np.tile((cells * freq[:, None]).sum(0)[:, None] / n_obs, (1, K)).clip(0.01, 0.99)
    log_nu = np.full(K, -np.log(K))
    counts0 = np.zeros(K, dtype=np.int64)
    alpha, out = 0.3 / K, np.empty(iterations)
    for it in range(iterations):
        logw = log_nu + cells @ np.log(lam) + (1 - cells) @ np.log1p(-lam)
        w = np.exp(logw - logw.max(axis=1, keepdims=True))
        counts = rng.multinomial(freq, w / w.sum(axis=1, keepdims=True))
        on = cells.T @ counts
        sizes = counts.sum(axis=0) + counts0
        lam = rng.beta(1.0 + on, 1.0 + sizes - on).clip(1e-12, 1 - 1e-12)
        rest = sizes.sum() - np.cumsum(sizes)
        g1 = np.log(rng.standard_gamma(1.0 + sizes[:-1]))
        g2 = np.log(rng.standard_gamma(alpha + rest[:-1]) + 1e-300)
        log_v, log_1mv = g1 - np.logaddexp(g1, g2), g2 - np.logaddexp(g1, g2)
        log_nu = np.append(log_v, 0.0) + np.concatenate([[0.0], np.cumsum(log_1mv)])
        w0 = np.exp(log_nu + np.log1p(-lam).sum(axis=0))
        n0 = rng.negative_binomial(n_obs, 1.0 - w0.sum())
        while n0 > 20 * n_obs:
            n0 = rng.negative_binomial(n_obs, 1.0 - w0.sum())
        counts0 = rng.multinomial(n0, w0 / w0.sum())
        if it >= WARMUP:
            alpha = rng.gamma(A + K - 1.0, 1.0 / (B - np.cumsum(log_1mv)[-1]))
        out[it] = n_obs + n0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numpy-iterations", type=int, default=5_000)
    args = parser.parse_args()
    table = read_capture_table(DATA)
    cells, freq = _cells(table)
    iterations = WARMUP + BURNIN + SAMPLES * THIN

    start = time.perf_counter()
    run_chain(np.random.default_rng(0), cells, freq, K, A, B, 1, 1, 1, 1)
    first_call = time.perf_counter() - start

    cpu, wall = time.process_time(), time.perf_counter()
    draws, _, _ = run_chain(np.random.default_rng(1), cells, freq, K, A, B, WARMUP, BURNIN,
                            SAMPLES, THIN)  # fmt: skip
    numba_cpu, numba_wall = time.process_time() - cpu, time.perf_counter() - wall

    cpu = time.process_time()
    numpy_chain(np.random.default_rng(2), cells, freq, args.numpy_iterations)
    numpy_cpu = (time.process_time() - cpu) / args.numpy_iterations * iterations

    wall = time.perf_counter()
    result = estimate_lcmcr(table, K=K, seed=3)
    four_wall = time.perf_counter() - wall

    print(f"LCMCR on Kosovo, R documentation settings: {iterations:,} iterations per chain")
    print(f"  numba first call (compile or cache load): {first_call:8.2f} s")
    print(
        f"  numba, one chain:   {numba_cpu:6.2f} CPU s ({numba_wall:.2f} wall), "
        f"{iterations / numba_cpu:10,.0f} it/s, median N {np.median(draws):.0f}"
    )
    print(
        f"  numpy baseline:     {numpy_cpu:6.2f} CPU s (extrapolated from "
        f"{args.numpy_iterations:,}), {iterations / numpy_cpu:10,.0f} it/s"
    )
    print(f"  speed-up numba / numpy: {numpy_cpu / numba_cpu:.1f}x")
    print(
        f"  default 4 chains (threads): {four_wall:.2f} s wall, median {result.estimate:.0f} "
        f"({result.interval[0]:.0f}, {result.interval[1]:.0f}), R-hat "
        f"{result.diagnostics['rhat']:.3f}"
    )
    print(
        f"  R LCMCR 0.4.14 (C++), measured elsewhere: {R_CPU_SECONDS} CPU s; "
        f"ratio ours / R = {numba_cpu / R_CPU_SECONDS:.2f} (< 1 is faster)"
    )


if __name__ == "__main__":
    main()
