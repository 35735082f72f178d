"""Calibration of log-linear MSE: coverage of 95% intervals on simulated populations.

Run: ``.venv/bin/python -m benchmarks.estimation.calibration_loglinear [--replicates 200]
[--bootstrap 0] [--criterion bic]``

Uses the four scenarios (N = 2,000, four lists) of :mod:`benchmarks.estimation.calibration` and
reports, per scenario, the share of 95% intervals that contain the true N, the median
estimate / N and the median interval width / N — for the model-conditional interval
(``--bootstrap 0``, the default) or the BCa interval that repeats model selection
(``--bootstrap B``). Seeded from one ``SeedSequence``: the report is reproducible.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from benchmarks.estimation.calibration import N_TRUE, SCENARIOS, simulate
from shomar.errors import EstimationError
from shomar.estimation.loglinear import estimate_loglinear


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--bootstrap", type=int, default=0)
    parser.add_argument("--criterion", default="bic")
    parser.add_argument("--seed", type=int, default=20250501)
    args = parser.parse_args()
    root = np.random.SeedSequence(args.seed)
    start = time.perf_counter()
    print(
        f"log-linear ({args.criterion}, "
        f"{'BCa ' + str(args.bootstrap) if args.bootstrap else 'model-conditional'} interval), "
        f"N = {N_TRUE}, {args.replicates} replicates per scenario"
    )
    print(f"{'scenario':16} {'coverage':>9} {'median N/N0':>12} {'width/N0':>9} {'failed':>7}")
    for s_index, scenario in enumerate(SCENARIOS):
        covered, ratio, width, failed = [], [], [], 0
        for child in root.spawn(len(SCENARIOS))[s_index].spawn(args.replicates):
            rng = np.random.default_rng(child)
            table = simulate(rng, scenario)
            try:
                result = estimate_loglinear(
                    table,
                    criterion=args.criterion,
                    bootstrap=args.bootstrap,
                    seed=int(rng.integers(2**31)),
                )
            except EstimationError:
                failed += 1
                continue
            lo, hi = result.interval
            covered.append(lo <= N_TRUE <= hi)
            ratio.append(result.estimate / N_TRUE)
            width.append((hi - lo) / N_TRUE)
        print(
            f"{scenario:16} {np.mean(covered):9.3f} {np.median(ratio):12.3f} "
            f"{np.median(width):9.3f} {failed:7d}"
        )
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
