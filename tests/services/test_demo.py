"""The main job end to end on a small synthetic sample."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from shomar.errors import WorkspaceError
from shomar.services.comparison import CATEGORY_VIOLATIONS
from shomar.services.demo import DEMO_SPEC, covers, demo_truth, run_demo
from shomar.services.stats import workspace_stats
from shomar.simulation import SimulationSpec, simulate
from shomar.store.workspace import open_workspace
from support.principals import ADMIN


@pytest.mark.slow
def test_demo_runs_every_stage(tmp_path: Path) -> None:
    spec = SimulationSpec(seed=11, size=300, lists=4)
    stages: list[str] = []
    summary = run_demo(tmp_path / "demo", spec=spec, stage=stages.append, principal=ADMIN)
    assert stages == ["simulate", "import", "link", "estimate", "claims", "report"]
    assert summary.report is not None and summary.report.exists()
    html = summary.report.read_text(encoding="utf-8")
    assert "Synthetic data" in html and "<svg" in html
    assert summary.persons is not None and 0 < summary.persons <= summary.records
    assert {e["method"] for e in summary.estimates} == {"loglinear", "lcmcr", "dga"}
    for estimate in summary.estimates:
        assert estimate["estimate"] >= estimate["observed"]
        assert isinstance(estimate["covers_truth"], bool)
    truth = summary.truth
    assert truth is not None and truth["counted"] == "killed"
    assert truth == summary.to_dict()["truth"]
    assert truth["true_total"] < spec.size  # disappearances are not "killed"
    assert "Simulation truth" in html and f"{truth['true_total']:,}" in html
    assert "Sensitivity of loglinear to its identifying assumption" in html
    ws = open_workspace(tmp_path / "demo")
    try:
        counts = workspace_stats(ws, principal=ADMIN)
    finally:
        ws.close()
    assert counts["records"] == summary.records and counts["persons"] == summary.persons
    assert counts["claims"] == 3 and counts["events"] == 1


def test_demo_refuses_to_overwrite_a_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a demo workspace"):
        run_demo(tmp_path / "mine", principal=ADMIN)
    assert (tmp_path / "mine" / "thesis.txt").exists()


def test_demo_never_replaces_a_real_workspace(tmp_path: Path) -> None:
    real = open_workspace(tmp_path / "work", create=True)
    real.close()
    (tmp_path / "work" / "input").mkdir()
    with pytest.raises(WorkspaceError, match="not a demo workspace"):
        run_demo(tmp_path / "work", principal=ADMIN)
    assert (tmp_path / "work" / "shomar.db").exists()


def test_demo_truth_is_computed_from_the_ground_truth_file(tmp_path: Path) -> None:
    sim = simulate(tmp_path / "sim", DEMO_SPEC)
    truth = demo_truth(sim, DEMO_SPEC.event, "killed")
    assert sim.persons_file is not None
    with sim.persons_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == DEMO_SPEC.size  # every simulated person, captured or not
    killed = [r for r in rows if r["violation"] in CATEGORY_VIOLATIONS["killed"]]
    assert truth["true_total"] == len(killed)
    assert truth["true_observed"] == sum(1 for r in killed if r["lists"])
    assert truth["true_total"] - truth["true_observed"] == truth["true_unobserved"] > 0
    assert truth["true_total"] < DEMO_SPEC.size  # the 1,200 include enforced disappearances
    assert covers([None, None], 5) and covers([1.0, None], 5) and not covers([6.0, 9.0], 5)
