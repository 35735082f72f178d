"""``python -m benchmarks``: the quick benchmark set, one after another.

Each benchmark prints its figures next to a baseline measured in the same run. The long ones
(1M-record import and linkage, calibration over hundreds of simulated populations) are run
separately; the README lists every command.
"""

from __future__ import annotations

import subprocess
import sys

QUICK = (
    ("names and places", ["benchmarks.names.run"]),
    ("dates probe (dev)", ["benchmarks.dates.run", "--split", "dev"]),
    ("claim extraction", ["benchmarks.claims.run"]),
    ("log-linear MSE", ["benchmarks.estimation.bench_loglinear"]),
    ("LCMCR sampler", ["benchmarks.estimation.bench_lcmcr"]),
    ("import (100,000 rows)", ["benchmarks.ingest.bench_import", "--rows", "100000"]),
    ("linkage, simulated cross-script lists", ["benchmarks.linkage.simulated", "--seeds", "1"]),
    ("linkage, FEBRL4", ["benchmarks.linkage.febrl4"]),
)


def main() -> int:
    failed = []
    for title, args in QUICK:
        print(f"\n=== {title}: python -m {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, "-m", *args], check=False).returncode != 0:
            failed.append(title)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
