"""The workspace commands as a user runs them: exit codes, JSON, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def shomar(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_simulate_import_stats(tmp_path: Path) -> None:
    assert (
        shomar(
            "simulate", "--out", "sim", "--seed", "5", "--size", "200", "--lists", "2", cwd=tmp_path
        ).returncode
        == 0
    )
    assert shomar("init", "ws", cwd=tmp_path).returncode == 0
    done = shomar(
        "import",
        "sim/synthetic_list_A.csv",
        "--source",
        "A",
        "--kind",
        "ngo",
        "--json",
        cwd=tmp_path,
        env={"SHOMAR_WORKSPACE": str(tmp_path / "ws")},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["records_added"] > 0
    stats = json.loads(shomar("stats", "--json", "-w", "ws", cwd=tmp_path).stdout)
    assert stats["records"] == report["records_added"] and stats["sources"] == 1


def test_bad_import_exits_1_with_problems_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text(
        "record_id,full_name,date\n1,Ali,30 Esfand 1398\n", encoding="utf-8"
    )
    shomar("init", "ws", cwd=tmp_path)
    done = shomar("import", "bad.csv", "--source", "S", "-w", "ws", cwd=tmp_path)
    assert done.returncode == 1
    assert "bad.csv, row 2, column 'date'" in done.stderr
    assert "Traceback" not in done.stderr
    as_json = shomar("import", "bad.csv", "--source", "S", "-w", "ws", "--json", cwd=tmp_path)
    assert json.loads(as_json.stdout)["problems"][0]["column"] == "date"


def test_usage_error_exits_2_and_missing_workspace_exits_1(tmp_path: Path) -> None:
    assert shomar("import", cwd=tmp_path).returncode == 2
    missing = shomar("stats", "-w", "nowhere", cwd=tmp_path)
    assert missing.returncode == 1 and "shomar init" in missing.stderr
    as_json = shomar("stats", "-w", "nowhere", "--json", cwd=tmp_path)
    assert json.loads(as_json.stdout)["error"]["code"] == "workspace"


def test_correcting_a_bounded_claim_moves_its_bound_and_export_keeps_every_claim(
    tmp_path: Path,
) -> None:
    env = {"SHOMAR_WORKSPACE": str(tmp_path / "ws")}
    added = shomar(
        "claims",
        "add",
        "--claimant",
        "Gov (synthetic)",
        "--counted",
        "killed",
        "--value",
        "100",
        "--qualifier",
        "at_most",
        "--json",
        cwd=tmp_path,
        env=env,
    )
    assert added.returncode == 0, added.stderr
    uid = json.loads(added.stdout)["uid"]
    fixed = shomar(
        "claims",
        "correct",
        uid,
        "--reason",
        "typo",
        "--value",
        "1000",
        "--json",
        cwd=tmp_path,
        env=env,
    )
    assert json.loads(fixed.stdout)["quantity"]["upper"] == 1000
    done = shomar("claims", "export", "out.csv", cwd=tmp_path, env=env)
    assert done.returncode == 0 and "Wrote 1 claim" in done.stdout
