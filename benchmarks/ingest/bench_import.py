"""Import throughput and memory: ``python -m benchmarks.ingest.bench_import [--rows N]``.

Writes a SYNTHETIC list of N rows (default 1,000,000; simulated records repeated with new
record ids), then in the same run:

* baseline: DuckDB's CSV reader materialising the same file into a table;
* Shomar: ``import_file`` into a fresh SQLite workspace (``--postgres URL``: a PostgreSQL
  one): the read phase (validation, date parsing, place resolution, raw rows kept, rows
  spooled encrypted to a temporary file) and the write phase (one transaction: versions,
  content hashes, inserts, the name-search index).

Each import runs in its own process so its peak memory (ru_maxrss) is its own; the import is
also run on a quarter of the rows to show that peak memory does not grow with file size.
Each process reports its wall time and its CPU seconds (user + system, its children's
included: the import's worker process). ``--baseline-src DIR``
runs another checkout's import too (its ``src``), interleaved on the same file; ``--repeat K``
repeats the whole interleaved set and reports medians.
Measured figures: ``benchmarks/ingest/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
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


#: the PostgreSQL URL a child imports into (``--postgres``), in a schema of its own
_POSTGRES_VARIABLE = "SHOMAR_BENCH_POSTGRES"


def _child(kind: str, path: str, workdir: str) -> None:
    start = time.perf_counter()
    if kind == "duckdb":
        import duckdb

        con = duckdb.connect(str(Path(workdir) / "bench.duckdb"))
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar=true)")
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]  # type: ignore[index]
    else:
        from benchmarks.web.world import drop_schema, new_schema
        from shomar.services.imports import import_file
        from shomar.services.principals import owner_principal
        from shomar.store.workspace import open_workspace

        url = os.environ.get(_POSTGRES_VARIABLE)
        schema = new_schema(url) if url else None
        try:
            ws = open_workspace(Path(workdir) / "ws", create=True, url=url, schema=schema)
            rows = import_file(
                ws, path, "Synthetic benchmark list", principal=owner_principal(), pause_gc=True
            ).records_added
            ws.close()
        finally:
            if url and schema:
                drop_schema(schema, url)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import's worker, if any
    print(
        json.dumps(
            {
                "rows": rows,
                "seconds": seconds,
                "cpu": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
                "peak_mb": usage.ru_maxrss / 1024,
                "worker_peak_mb": children.ru_maxrss / 1024,
            }
        )
    )


def _run(kind: str, path: Path, source: str | None = None) -> dict[str, float]:
    """One child process; ``source`` is another tree's ``src`` to import Shomar from."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
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
            env=env,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _line(label: str, runs: list[dict[str, float]]) -> str:
    cpu = statistics.median(r["cpu"] for r in runs)
    wall = statistics.median(r["seconds"] for r in runs)
    rows = runs[0]["rows"]
    each = ", ".join(f"{r['cpu']:.2f}" for r in runs)
    return (
        f"{label:24}: CPU {cpu:7.2f} s ({each})  "
        f"wall {wall:7.1f} s  {rows / cpu:>9,.0f} rows/CPU-s  {rows / wall:>9,.0f} rows/s  "
        f"peak {max(r['peak_mb'] for r in runs):,.0f} MB"
        + (
            f" (worker {worker:,.0f} MB)"
            if (worker := max(r.get("worker_peak_mb", 0) for r in runs))
            else ""
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="interleaved runs of each (medians reported)"
    )
    parser.add_argument(
        "--baseline-src",
        help="another checkout's src/ (e.g. an older commit's): its import runs too, "
        "interleaved with this one on the same file",
    )
    parser.add_argument(
        "--no-small", action="store_true", help="skip the N/4-row run (the memory check)"
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="import into PostgreSQL at URL (a schema made and dropped per run, e.g. "
        "postgresql+psycopg://postgres@127.0.0.1:5432/test) instead of SQLite; the server's "
        "own CPU is not in the CPU seconds, so compare wall times",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.postgres:
        os.environ[_POSTGRES_VARIABLE] = args.postgres
    if args.child:
        _child(*args.child)
        return
    runs: dict[str, list[dict[str, float]]] = {"duck": [], "base": [], "ours": []}
    with tempfile.TemporaryDirectory() as tmp:
        big = write_rows(Path(tmp), args.rows)
        small = None if args.no_small else write_rows(Path(tmp), max(1, args.rows // 4))
        for _ in range(args.repeat):
            runs["duck"].append(_run("duckdb", big))
            if args.baseline_src:
                runs["base"].append(_run("shomar", big, args.baseline_src))
            runs["ours"].append(_run("shomar", big))
        ours_small = _run("shomar", small) if small is not None else None
    store = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"rows: {args.rows:,} (SYNTHETIC), file {big.name}, {args.repeat} interleaved run(s), "
        f"store {store}"
    )
    print(_line("DuckDB read_csv", runs["duck"]))
    if runs["base"]:
        print(_line("shomar import (baseline)", runs["base"]))
    print(_line("shomar import", runs["ours"]))
    duck_cpu = statistics.median(r["cpu"] for r in runs["duck"])
    duck_wall = statistics.median(r["seconds"] for r in runs["duck"])
    for label, key in (("baseline", "base"), ("this tree", "ours")):
        if not runs[key]:
            continue
        cpu = statistics.median(r["cpu"] for r in runs[key])
        wall = statistics.median(r["seconds"] for r in runs[key])
        print(f"ratio {label} / DuckDB: {cpu / duck_cpu:.1f}x CPU, {wall / duck_wall:.1f}x wall")
    if runs["base"]:
        base = statistics.median(r["cpu"] for r in runs["base"])
        ours = statistics.median(r["cpu"] for r in runs["ours"])
        print(f"speed-up (baseline CPU / this tree's CPU): {base / ours:.2f}x")
    if ours_small is not None:
        peak = max(r["peak_mb"] for r in runs["ours"])
        print(
            f"peak memory: {ours_small['peak_mb']:,.0f} MB at {args.rows // 4:,} rows, "
            f"{peak:,.0f} MB at {args.rows:,} rows "
            f"(ratio {peak / ours_small['peak_mb']:.2f}; ~1.0 = bounded)"
        )


if __name__ == "__main__":
    main()
