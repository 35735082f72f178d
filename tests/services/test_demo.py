"""The main job end to end on a small synthetic sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from shomar.errors import WorkspaceError
from shomar.services.demo import run_demo
from shomar.services.stats import workspace_stats
from shomar.simulation import SimulationSpec
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
