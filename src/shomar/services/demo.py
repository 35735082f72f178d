"""The main job on the bundled synthetic sample: simulate, import, link, estimate, compare
claims, report. Every stage that exists runs; the summary says what each produced.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shomar.errors import WorkspaceError
from shomar.security import policy
from shomar.security.principal import Principal
from shomar.services.claims import QuantityInput, add_claim
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.simulation import SimulationResult, SimulationSpec, simulate
from shomar.store.workspace import Workspace, database_url, open_workspace

DEMO_SOURCES = (
    ("Synthetic NGO list (fictional)", "ngo"),
    ("Synthetic press list (fictional)", "media"),
    ("Synthetic family reports (fictional)", "family"),
    ("Synthetic court list (fictional)", "court"),
    ("Synthetic UN list (fictional)", "un"),
)
DEMO_SPEC = SimulationSpec(seed=7, size=1200, lists=4)
#: only a folder carrying this file is ever replaced by the demo
DEMO_MARKER = ".shomar-demo"

Stage = Callable[[str], None]


@dataclass
class DemoSummary:
    """What the demo did, stage by stage, and where its report is."""

    directory: Path
    true_n: int = 0
    records: int = 0
    sources: int = 0
    persons: int | None = None
    review_queue: int | None = None
    estimates: list[dict[str, Any]] = field(default_factory=list)
    #: the simulation's truth for the estimated event and category (from synthetic_persons.csv)
    truth: dict[str, Any] | None = None
    claims: int = 0
    report: Path | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    wall_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: one synthetic account per role: name, role and the generated password (shown once)
    accounts: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "directory": str(self.directory),
            "synthetic": True,
            "true_n": self.true_n,
            "records": self.records,
            "sources": self.sources,
            "persons": self.persons,
            "review_queue": self.review_queue,
            "estimates": self.estimates,
            "truth": self.truth,
            "claims": self.claims,
            "report": str(self.report) if self.report else None,
            "stage_seconds": {k: round(v, 2) for k, v in self.stage_seconds.items()},
            "wall_seconds": round(self.wall_seconds, 2),
            "notes": self.notes,
            "accounts": self.accounts,
            "serve": f"shomar serve -w {self.directory}",
        }


def prepare_directory(directory: Path) -> None:
    """Start from an empty folder; refuse to wipe a folder the demo did not make."""
    if directory.exists() and any(directory.iterdir()):
        if not (directory / DEMO_MARKER).exists():
            raise WorkspaceError(
                f"{directory} exists and is not a demo workspace; the demo will not overwrite it.",
                hint="Choose another folder with --dir, or remove it yourself.",
            )
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / DEMO_MARKER).write_text("Built by `shomar demo`; the demo may replace it.\n")


def run_demo(
    directory: Path,
    *,
    spec: SimulationSpec = DEMO_SPEC,
    stage: Stage | None = None,
    principal: Principal,
) -> DemoSummary:
    """Build the demo workspace in ``directory`` and run every stage on it.

    The workspace is new, so the check is the policy's alone (there is no chain to audit a
    refusal in yet); every stage then checks ``principal`` again as it acts.
    """
    policy.require(principal, "demo.run")
    started = time.perf_counter()
    announce = stage or (lambda _name: None)
    summary = DemoSummary(directory=directory)
    prepare_directory(directory)

    def timed(name: str, fn: Callable[[], None]) -> None:
        announce(name)
        t0 = time.perf_counter()
        fn()
        summary.stage_seconds[name] = time.perf_counter() - t0

    sim = {}

    def do_simulate() -> None:
        sim["result"] = simulate(directory / "input", spec)
        summary.true_n = spec.size

    timed("simulate", do_simulate)
    # always a local SQLite store: the demo never writes into SHOMAR_DATABASE_URL's database
    ws = open_workspace(directory, create=True, url=database_url(directory))
    try:
        timed("import", lambda: _import(ws, sim["result"].list_files, spec, summary, principal))
        timed("link", lambda: _link(ws, summary, principal))
        timed("estimate", lambda: _estimate(ws, spec, summary, principal, sim["result"]))
        timed("claims", lambda: _claims(ws, spec, summary, principal))
        timed("report", lambda: _report(ws, directory, summary, principal))
        timed("accounts", lambda: _accounts(ws, summary, principal))
    finally:
        ws.close()
    summary.wall_seconds = time.perf_counter() - started
    return summary


def _import(
    ws: Workspace,
    files: list[Path],
    spec: SimulationSpec,
    summary: DemoSummary,
    principal: Principal,
) -> None:
    add_event(
        ws,
        spec.event,
        name_fa="رویداد ساختگی (نمونه)",
        start=spec.window_start.isoformat(),
        end=spec.window_end.isoformat(),
        area="Iran (synthetic sample)",
        principal=principal,
    )
    for index, path in enumerate(files):
        name, kind = DEMO_SOURCES[index % len(DEMO_SOURCES)]
        report = import_file(ws, path, name, source_kind=kind, principal=principal)
        summary.records += report.records_added
        summary.sources += 1


def _accounts(ws: Workspace, summary: DemoSummary, principal: Principal) -> None:
    """One synthetic account per role, so the web app can be tried at once."""
    from shomar.services.accounts import add_user

    for role in ("admin", "analyst", "documenter", "viewer"):
        info, password = add_user(ws, f"demo-{role}", role, principal=principal)
        summary.accounts.append({"name": info.name, "role": info.role, "password": password})


def _link(ws: Workspace, summary: DemoSummary, principal: Principal) -> None:
    try:
        from shomar.services import linkage
    except ImportError:
        summary.notes.append("linkage is not available in this build")
        return
    result = linkage.link_workspace(ws, principal=principal)
    summary.persons = result.persons
    summary.review_queue = result.review_queue


#: the category the demo estimates
DEMO_COUNTED = "killed"


def _estimate(
    ws: Workspace,
    spec: SimulationSpec,
    summary: DemoSummary,
    principal: Principal,
    sim: SimulationResult | None = None,
) -> None:
    try:
        from shomar.services import estimation
    except ImportError:
        summary.notes.append("estimation is not available in this build")
        return
    if summary.persons is None:
        summary.notes.append("estimation skipped: no persons (linkage did not run)")
        return
    runs = estimation.run_event_estimates(
        ws, spec.event, principal=principal, seed=spec.seed, counted=DEMO_COUNTED
    )
    summary.estimates = [run.to_summary() for run in runs]
    if sim is not None and sim.persons_file is not None:
        summary.truth = demo_truth(sim, spec.event, DEMO_COUNTED)
        for est in summary.estimates:
            est["covers_truth"] = covers(est.get("interval"), summary.truth["true_total"])


def demo_truth(sim: SimulationResult, event: str, counted: str) -> dict[str, Any]:
    """The true total and true observed count of ``counted`` on ``event``, from the
    simulation's ground truth of every person (captured or not)."""
    from shomar.services.comparison import CATEGORY_VIOLATIONS
    from shomar.simulation.truth import true_count

    assert sim.persons_file is not None
    truth = true_count(sim.persons_file, event, CATEGORY_VIOLATIONS[counted])
    return {"counted": counted, **truth.to_dict()}


def covers(interval: list[float | None] | None, value: int) -> bool | None:
    """Whether an interval (JSON form: ``null`` = unbounded) contains ``value``."""
    if not interval:
        return None
    lower, upper = interval
    return (lower is None or lower <= value) and (upper is None or value <= upper)


def _claims(
    ws: Workspace, spec: SimulationSpec, summary: DemoSummary, principal: Principal
) -> None:
    """Three fictional claims about the fictional event, one citing another."""
    high = round(spec.size * 1.6, -2)
    low = round(spec.size * 0.2, -1)
    first = add_claim(
        ws,
        claimant="Synthetic opposition group (fictional)",
        claimant_kind="opposition",
        counted="killed",
        quantity=QuantityInput(high),
        event=spec.event,
        date_stated=spec.window_end.isoformat(),
        quote=f"(synthetic quote) The group announced that {high:,.0f} people were killed.",
        principal=principal,
    )
    add_claim(
        ws,
        claimant="Synthetic news agency (fictional)",
        claimant_kind="media",
        counted="killed",
        quantity=QuantityInput(high),
        event=spec.event,
        date_stated=spec.window_end.replace(day=28).isoformat(),
        cites=[first.uid],
        quote=f"(synthetic quote) The agency confirmed the toll of {high:,.0f} announced by the "
        "group.",
        principal=principal,
    )
    add_claim(
        ws,
        claimant="Synthetic government spokesperson (fictional)",
        claimant_kind="government",
        counted="killed",
        quantity=QuantityInput(low, qualifier="at_most"),
        event=spec.event,
        date_stated=spec.window_end.isoformat(),
        quote=f"(synthetic quote) No more than {low:,.0f} people died, the spokesperson said.",
        principal=principal,
    )
    summary.claims = 3


def _report(ws: Workspace, directory: Path, summary: DemoSummary, principal: Principal) -> None:
    from shomar.services.report import write_workspace_report

    summary.report = write_workspace_report(
        ws, directory / "report.html", principal=principal, synthetic=True, truth=summary.truth
    )
