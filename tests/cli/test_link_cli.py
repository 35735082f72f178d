"""`shomar link`, `link run`, `persons list` and `review` as a user runs them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shomar.cli.main import app
from shomar.simulation import SimulationSpec, simulate


def shomar(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "SHOMAR_ACTOR": "tester"}
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def invoke(*args: str, cwd: Path, stdin: str | None = None) -> tuple[int, str]:
    """Run a command in this process (fast); returns exit code and standard output."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env={"COLUMNS": "200"})
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lists")
    simulate(folder, SimulationSpec(seed=5, size=120, lists=3))
    return folder


@pytest.mark.slow
def test_standalone_link_writes_one_row_per_record(lists: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in lists.glob("synthetic_list_*.csv"))
    done = shomar(
        "link", *files, "--out", "persons.csv", "--pairs", "pairs.csv", "--model", "model.json",
        "--json", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    model = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert {"spec", "splink_settings"} <= set(model)
    with (tmp_path / "pairs.csv").open(encoding="utf-8") as handle:
        pair_rows = list(csv.DictReader(handle))
    assert pair_rows and 0 <= float(pair_rows[0]["match_probability"]) <= 1
    summary = json.loads(done.stdout)
    assert set(summary["lists"]) == {"synthetic_list_A", "synthetic_list_B", "synthetic_list_C"}
    with (tmp_path / "persons.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["source", "record_id", "person_id", "match_probability"]
    assert len(rows) == summary["records"]
    assert len({r["person_id"] for r in rows}) == summary["persons"] < summary["records"]


def test_standalone_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("full_name\nAli\n", encoding="utf-8")
    done = shomar("link", "bad.csv", "missing.csv", "--out", "o.csv", cwd=tmp_path)
    assert done.returncode == 1
    assert "bad.csv: no 'record_id' column" in done.stderr
    assert "missing.csv: no such file" in done.stderr
    usage = shomar("link", "bad.csv", cwd=tmp_path)
    assert usage.returncode == 2  # --out is required


@pytest.mark.slow
def test_workspace_link_persons_review(lists: Path, tmp_path: Path) -> None:
    assert invoke("init", "ws", cwd=tmp_path)[0] == 0
    for name in ("A", "B"):
        path = lists / f"synthetic_list_{name}.csv"
        assert invoke("import", str(path), "--source", name, "-w", "ws", cwd=tmp_path)[0] == 0
    code, out = invoke("link", "run", "-w", "ws", "--json", cwd=tmp_path)
    assert code == 0
    summary = json.loads(out)
    assert summary["mode"] == "full" and summary["persons"] > 0

    persons = json.loads(invoke("persons", "list", "-w", "ws", "--json", cwd=tmp_path)[1])
    assert sum(p["records"] for p in persons) == summary["records"]
    assert invoke("persons", "list", "-w", "ws", cwd=tmp_path)[0] == 0

    code, out = invoke("review", "--list", "--json", "-w", "ws", cwd=tmp_path)
    assert code == 0
    assert isinstance(json.loads(out), list)

    code, out = invoke(
        "review", "decide", "A/A-0000001", "B/B-0000001", "different",
        "--reason", "test", "-w", "ws", "--json", cwd=tmp_path,
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["verdict"] == "different"
    again = json.loads(invoke("link", "run", "-w", "ws", "--json", cwd=tmp_path)[1])
    assert again["mode"] == "incremental"
    assert again["decisions_applied"] == 1

    code, out = invoke("review", "--limit", "1", "-w", "ws", cwd=tmp_path, stdin="q\n")
    assert code == 0

    wrong = shomar("review", "decide", "A/A-0000001", "B/nope", "same", "-w", "ws", cwd=tmp_path)
    assert wrong.returncode == 1 and "No record" in wrong.stderr
