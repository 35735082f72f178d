"""N concurrent writers (1, 2, 4, 8) recording review decisions, on SQLite and PostgreSQL.

    python -m benchmarks.concurrency [--seconds 5] [--writers 1,2,4,8] [--backends sqlite,postgres]
    python -m benchmarks.concurrency --link [--seconds 20] [--backends sqlite,postgres]

For each backend and N, a fresh workspace with two synthetic lists; N processes start
together and call ``decide`` for ``--seconds``. Printed: decisions per second (all writers),
p95 latency of one decision, and both as a ratio to the single-writer figure of the same run.

``--link``: per backend, the time of a linkage run (the link worker's first) alone, and in a
fresh workspace under 7 other writers (3 importing, 2 deciding, 2 adding claims) for
``--seconds``, with the ratio of the two and the run's conflicts (ConflictErrors: runs thrown
away and started again).
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


#: the eight writers of ``tests/concurrency``: the link worker and 7 others
EIGHT = ["import", "import", "decide", "decide", "claim", "claim", "link", "import"]


def _link_run(backend: str, kinds: list[str], seconds: float) -> tuple[float, float, int, int]:
    """The link worker's first stored run: its seconds, the seconds from the start until it
    was stored (attempts thrown away by ConflictErrors included); the worker's conflicts and
    the problems found after."""
    with tempfile.TemporaryDirectory() as tmp:
        target = _target(backend, Path(tmp))
        try:
            prepare(target)
            reports = launch(target, kinds, seconds)
            problems = check(target, reports)
        finally:
            _drop(target)
    link = next(r for r in reports if r["kind"] == "link")
    first = link["latencies"][0] if link["latencies"] else float("nan")
    stored = link.get("first_ok", float("nan"))
    return float(first), float(stored), int(link["conflict"]), len(problems)


def link_benchmark(backends: list[str], seconds: float) -> None:
    print(f"{'backend':<10} {'alone s':>8} {'7 writers s':>11} {'ratio':>6} "
          f"{'stored at s':>11} {'ratio':>6} {'conflicts':>9} {'problems':>8}")  # fmt: skip
    for backend in backends:
        alone, _, _, bad_alone = _link_run(backend, ["link"], seconds)
        loaded, stored, conflicts, bad = _link_run(backend, EIGHT, seconds)
        print(
            f"{backend:<10} {alone:>8.1f} {loaded:>11.1f} {loaded / alone:>6.2f} "
            f"{stored:>11.1f} {stored / alone:>6.2f} {conflicts:>9} {bad_alone + bad:>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=None, help="5 (decide), 20 (--link)")
    parser.add_argument("--writers", default="1,2,4,8")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--link", action="store_true", help="a linkage run alone and under load")
    args = parser.parse_args()
    if args.link:
        link_benchmark(args.backends.split(","), args.seconds or 20.0)
        return
    args.seconds = args.seconds or 5.0
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
