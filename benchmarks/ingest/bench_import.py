"""Import throughput and memory: ``python -m benchmarks.ingest.bench_import [--rows N]``.

Writes a SYNTHETIC list of N rows (default 1,000,000; simulated records repeated with new
record ids), then in the same run:

* baseline: DuckDB's CSV reader materialising the same file into a table;
* Shomar: ``import_file`` into a fresh SQLite workspace: the read phase (validation, date
  parsing, place resolution, raw rows kept, rows spooled encrypted to a temporary file) and
  the write phase (one transaction: versions, content hashes, inserts, the name-search index).

Each import runs in its own process so its peak memory (ru_maxrss) is its own; the import is
also run on a quarter of the rows to show that peak memory does not grow with file size.
Measured figures: ``benchmarks/ingest/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_rows(out: Path, rows: int, seed: int = 11) -> Path:
    """A CSV of ``rows`` synthetic records (simulated ones repeated under new record ids)."""
    from shomar.simulation import SimulationSpec, simulate

    sim = simulate(out / "sim", SimulationSpec(seed=seed, size=20_000, lists=2))
    with sim.list_files[0].open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        base = list(reader)
    target = out / f"synthetic_import_{rows}.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(rows):
            row = list(base[i % len(base)])
            row[0] = f"S-{i + 1:08d}"
            writer.writerow(row)
    return target


def _child(kind: str, path: str, workdir: str) -> None:
    start = time.perf_counter()
    if kind == "duckdb":
        import duckdb

        con = duckdb.connect(str(Path(workdir) / "bench.duckdb"))
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar=true)")
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]  # type: ignore[index]
    else:
        from shomar.services.imports import import_file
        from shomar.services.principals import owner_principal
        from shomar.store.workspace import open_workspace

        ws = open_workspace(Path(workdir) / "ws", create=True)
        rows = import_file(
            ws, path, "Synthetic benchmark list", principal=owner_principal(), pause_gc=True
        ).records_added
        ws.close()
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak_mb}))


def _run(kind: str, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as workdir:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.ingest.bench_import",
                "--child",
                kind,
                str(path),
                workdir,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        big = write_rows(Path(tmp), args.rows)
        small = write_rows(Path(tmp), max(1, args.rows // 4))
        duck = _run("duckdb", big)
        ours = _run("shomar", big)
        ours_small = _run("shomar", small)
    print(f"rows: {args.rows:,} (SYNTHETIC), file {big.name}")
    for label, run in (("DuckDB read_csv", duck), ("shomar import", ours)):
        rate = run["rows"] / run["seconds"]
        print(
            f"{label:16}: {run['seconds']:8.1f} s {rate:>10,.0f} rows/s "
            f"peak {run['peak_mb']:,.0f} MB"
        )
    print(f"ratio (shomar time / DuckDB time): {ours['seconds'] / duck['seconds']:.1f}x")
    growth = ours["peak_mb"] / ours_small["peak_mb"]
    print(
        f"peak memory: {ours_small['peak_mb']:,.0f} MB at {args.rows // 4:,} rows, "
        f"{ours['peak_mb']:,.0f} MB at {args.rows:,} rows (ratio {growth:.2f}; ~1.0 = bounded)"
    )


if __name__ == "__main__":
    main()
