"""N concurrent writers (1, 2, 4, 8) recording review decisions, on SQLite and PostgreSQL.

    python -m benchmarks.concurrency [--seconds 5] [--writers 1,2,4,8] [--backends sqlite,postgres]

For each backend and N, a fresh workspace with two synthetic lists; N processes start
together and call ``decide`` for ``--seconds``. Printed: decisions per second (all writers),
p95 latency of one decision, and both as a ratio to the single-writer figure of the same run.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import uuid
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, text

from benchmarks.concurrency.harness import Target, check, launch, prepare

POSTGRES_URL = os.environ.get(
    "SHOMAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _target(backend: str, root: Path) -> Target:
    if backend == "sqlite":
        return Target(root / "ws")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with create_engine(POSTGRES_URL).begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    return Target(root / "ws", POSTGRES_URL, schema)


def _drop(target: Target) -> None:
    if target.schema:
        with create_engine(POSTGRES_URL).begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{target.schema}" CASCADE'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--writers", default="1,2,4,8")
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    counts = [int(n) for n in args.writers.split(",")]
    print(f"{'backend':<10} {'writers':>7} {'decisions/s':>12} {'x 1 writer':>10} "
          f"{'p95 ms':>8} {'x 1 writer':>10} {'busy':>5} {'problems':>8}")  # fmt: skip
    for backend in args.backends.split(","):
        base: tuple[float, float] | None = None
        for n in counts:
            with tempfile.TemporaryDirectory() as tmp:
                target = _target(backend, Path(tmp))
                try:
                    prepare(target, link=False)
                    reports = launch(target, ["decide"] * n, args.seconds)
                    problems = check(target, reports)
                finally:
                    _drop(target)
            latencies = [x for r in reports for x in r.get("latencies", [])]
            rate = sum(int(r["ok"]) for r in reports) / args.seconds
            p95 = float(np.percentile(latencies, 95)) * 1000 if latencies else float("nan")
            base = base or (rate, p95)
            print(
                f"{backend:<10} {n:>7} {rate:>12.1f} {rate / base[0]:>10.2f} {p95:>8.1f} "
                f"{p95 / base[1]:>10.2f} {sum(int(r['busy']) for r in reports):>5} "
                f"{len(problems):>8}"
            )


if __name__ == "__main__":
    main()
