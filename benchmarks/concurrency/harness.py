"""Run N writer processes on one workspace and check what they left behind.

Shared by ``tests/concurrency`` (correctness) and ``benchmarks/concurrency`` (throughput).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter as Tally
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Target:
    """Where the shared store is: a workspace folder and, for PostgreSQL, a URL and schema."""

    folder: Path
    url: str | None = None
    schema: str | None = None

    def open(self) -> Any:
        from shomar.store.workspace import open_workspace

        return open_workspace(self.folder, create=True, url=self.url, schema=self.schema)


def prepare(target: Target, *, size: int = 150, link: bool = True) -> None:
    """A workspace with two synthetic lists imported (and linked once)."""
    from shomar.security.principal import Principal, Role
    from shomar.services.imports import import_file
    from shomar.services.linkage import link_workspace
    from shomar.simulation import SimulationSpec, simulate

    owner = Principal("setup", Role.ADMIN)
    sim = simulate(target.folder.parent / "sim", SimulationSpec(seed=3, size=size, lists=2))
    ws = target.open()
    try:
        for path in sim.list_files:
            import_file(ws, path, path.stem, principal=owner)
        if link:
            link_workspace(ws, principal=owner)
    finally:
        ws.close()


def launch(target: Target, kinds: list[str], seconds: float) -> list[dict[str, Any]]:
    """Start one process per kind; once all are ready, let them write together for
    ``seconds``; wait for all; their JSON reports."""
    gate = target.folder.parent / "start"
    gate.mkdir(exist_ok=True)
    (gate / "go").unlink(missing_ok=True)
    for old in gate.glob("ready-*"):
        old.unlink()
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.concurrency.worker",
                kind,
                str(target.folder),
                str(seconds),
                str(seed),
                target.url or "",
                target.schema or "",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed, kind in enumerate(kinds, start=1)
    ]
    deadline = time.monotonic() + 600
    while len(list(gate.glob("ready-*"))) < len(kinds) and time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            break  # a worker died during start-up: its report says why
        time.sleep(0.05)
    (gate / "go").touch()
    reports = []
    for process, kind in zip(processes, kinds, strict=True):
        stdout, stderr = process.communicate(timeout=seconds + 600)
        lines = [line for line in stdout.splitlines() if line.startswith("{")]
        report: dict[str, Any] = json.loads(lines[-1]) if lines else {"kind": kind, "ok": 0}
        report["returncode"] = process.returncode
        report["stderr"] = stderr
        reports.append(report)
    return reports


def check(target: Target, reports: list[dict[str, Any]]) -> list[str]:
    """Every way the store could be wrong after the run (empty: all is well)."""
    from sqlalchemy import func, select

    from shomar.store.audit import verify_audit
    from shomar.store.tables import (
        Claim,
        Counter,
        Document,
        MatchDecision,
        Person,
        PersonRecord,
        Record,
    )

    problems = []
    for r in reports:
        if r.get("returncode") != 0 or "Traceback" in r.get("stderr", ""):
            problems.append(f"{r['kind']} worker failed: {r.get('stderr', '')[-2000:]}")
        problems += [f"{r['kind']} worker: {u}" for u in r.get("unexpected", [])]
    ws = target.open()
    try:
        with ws.read_session() as session:
            broken = verify_audit(session)
            if broken is not None:
                problems.append(f"the audit chain is broken at entry {broken}")
            # imports are all or nothing: every document holds exactly the rows it reported
            per_document = dict(
                session.execute(
                    select(Record.document_id, func.count()).group_by(Record.document_id)
                ).all()
            )
            documents = {d.sha256: d for d in session.scalars(select(Document))}
            for d in documents.values():
                if d.rows and per_document.get(d.id, 0) != d.rows:
                    problems.append(f"document {d.id} has {per_document.get(d.id, 0)} of {d.rows}")
            for r in reports:
                for sha, rows in r.get("imports", []):
                    doc = documents.get(sha)
                    if doc is None or per_document.get(doc.id, 0) != rows:
                        problems.append(f"a successful import ({sha[:12]}) is not fully stored")
            # no decision lost
            stored = Tally(
                (d.actor, d.uid_a, d.uid_b, d.verdict)
                for d in session.scalars(select(MatchDecision))
            )
            for r in reports:
                if r["kind"] != "decide":
                    continue
                actor = f"decide-{r['seed']}"
                mine = Tally((actor, a, b, v) for a, b, v in r.get("decisions", []))
                for key, count in mine.items():
                    if stored[key] < count:
                        problems.append(f"decision lost: {key}")
                if sum(c for k, c in stored.items() if k[0] == actor) != r["ok"]:
                    problems.append(f"{actor}: stored decisions differ from the {r['ok']} made")
            for r in reports:
                if r["kind"] == "claim":
                    actor = f"claim-{r['seed']}"
                    n = session.scalar(
                        select(func.count()).select_from(Claim).where(Claim.created_by == actor)
                    )
                    if n != r["ok"]:
                        problems.append(f"{actor}: {n} claims stored, {r['ok']} added")
            # person ids: each minted once, every membership names a stored person
            ids = list(session.scalars(select(Person.id)))
            if len(ids) != len(set(ids)):
                problems.append("a person id is used twice")
            orphans = session.scalar(
                select(func.count())
                .select_from(PersonRecord)
                .where(PersonRecord.person_id.not_in(select(Person.id)))
            )
            if orphans:
                problems.append(f"{orphans} memberships name no stored person")
            counter = session.get(Counter, "person")
            top = max((int(i.removeprefix("P-")) for i in ids), default=0)
            if counter is not None and counter.value < top:
                problems.append(f"the person counter ({counter.value}) is behind P-{top:06d}")
    finally:
        ws.close()
    return problems


__all__ = ["Target", "check", "launch", "prepare"]
