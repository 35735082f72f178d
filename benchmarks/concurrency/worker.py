"""One writer process on a shared workspace: imports, decisions, claims or linkage runs.

Run as ``python -m benchmarks.concurrency.worker KIND WORKSPACE SECONDS SEED [URL SCHEMA]``.
It repeats its kind of write until the time is up and prints one JSON line: how many writes
succeeded, how many were refused as busy or conflicting (clear Shomar errors), the latency of
each successful write, and every *unexpected* error with its traceback (there must be none).
The concurrency tests and the benchmark both run it.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from shomar.errors import BusyError, ConflictError
from shomar.security.principal import Principal, Role

KINDS = ("import", "decide", "claim", "link")


def _uids(ws: Any) -> list[str]:
    from sqlalchemy import select

    from shomar.store.queries import all_records
    from shomar.store.tables import Record

    with ws.read_session() as session:
        return list(session.scalars(all_records(select(Record.uid))))


def _write_list(folder: Path, name: str, seed: int, n: int, rows: int) -> Path:
    """A small synthetic list; a third of its ids re-report ids other files also use."""
    rng = random.Random(seed * 1_000_003 + n)
    lines = ["record_id,full_name,age,place"]
    for i in range(rows):
        key = f"shared-{rng.randrange(40)}" if i % 3 == 0 else f"{name}-{n}-{i}"
        if key in {line.split(",")[0] for line in lines}:
            key = f"{name}-{n}-{i}"
        lines.append(f"{key},Synthetic Person {rng.randrange(10_000)},{rng.randrange(18, 80)},X")
    path = folder / f"{name}-{n}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _wait_for_start(root: Path, seed: int) -> None:
    """Start together: say this worker is ready, then wait for the harness's go (if any)."""
    gate = root / "start"
    if not gate.is_dir():
        return
    (gate / f"ready-{seed}").touch()
    while not (gate / "go").exists():
        time.sleep(0.02)


def run(
    kind: str, folder: Path, seconds: float, seed: int, url: str | None, schema: str | None
) -> dict[str, Any]:
    from shomar.services.claims import QuantityInput, add_claim
    from shomar.services.imports import import_file
    from shomar.services.linkage import decide, link_workspace
    from shomar.store.workspace import open_workspace

    principal = Principal(f"{kind}-{seed}", Role.ADMIN)
    ws = open_workspace(folder, url=url, schema=schema)
    rng = random.Random(seed)
    out: dict[str, Any] = {"kind": kind, "seed": seed, "ok": 0, "busy": 0, "conflict": 0}
    out.update(latencies=[], imports=[], decisions=[], unexpected=[])
    uids = _uids(ws)
    spool = folder.parent / f"spool-{kind}-{seed}"
    spool.mkdir(exist_ok=True)
    _wait_for_start(folder.parent, seed)
    started = time.monotonic()
    deadline = started + seconds
    n = 0
    try:
        while time.monotonic() < deadline:
            n += 1
            start = time.perf_counter()
            try:
                if kind == "import":
                    path = _write_list(spool, f"w{seed}", seed, n, rows=12)
                    report = import_file(ws, path, f"Source {seed % 3}", principal=principal)
                    out["imports"].append([report.sha256, report.rows])
                elif kind == "decide":
                    a, b = rng.sample(uids, 2)
                    verdict = rng.choice(("same", "different", "unsure"))
                    result = decide(ws, a, b, verdict, principal=principal, reason=f"w{n}")
                    out["decisions"].append([result.uid_a, result.uid_b, result.verdict])
                elif kind == "claim":
                    add_claim(
                        ws, claimant=f"Claimant {seed} (synthetic)", counted="killed",
                        quantity=QuantityInput(float(rng.randrange(1, 5000))), principal=principal,
                    )  # fmt: skip
                elif kind == "link":
                    link_workspace(ws, principal=principal)
                else:
                    raise SystemExit(f"unknown kind {kind!r}; use one of {KINDS}")
            except BusyError:
                out["busy"] += 1
                continue
            except ConflictError:  # a contradicting decision, or inputs changed under a run
                out["conflict"] += 1
                continue
            except Exception as error:  # reported: the tests fail on any
                out["unexpected"].append(
                    f"{type(error).__name__}: {error}\n{traceback.format_exc()}"
                )
                continue
            out["ok"] += 1
            out["latencies"].append(time.perf_counter() - start)
            out.setdefault("first_ok", time.monotonic() - started)  # failed attempts included
    finally:
        ws.close()
    return out


def main(argv: list[str]) -> None:
    kind, folder, seconds, seed = argv[0], Path(argv[1]), float(argv[2]), int(argv[3])
    url = argv[4] if len(argv) > 4 and argv[4] else None
    schema = argv[5] if len(argv) > 5 and argv[5] else None
    print(json.dumps(run(kind, folder, seconds, seed, url, schema)))


if __name__ == "__main__":
    main(sys.argv[1:])
