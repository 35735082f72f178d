"""Every command that reads a file the user names refuses a pipe, a device or a folder at once.

A named pipe or ``/dev/zero`` given as a mapping, an article, a capture table or a checkpoint
once made the command wait or read forever; a folder gave a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = {
    "mapping": ["import", "{ok}", "--source", "S", "--mapping", "{bad}", "--dry-run"],
    "article": ["claims", "extract", "{bad}"],
    "capture table": ["estimate", "{bad}", "--method", "loglinear"],
    "checkpoint": ["audit", "verify", "--checkpoint", "{bad}"],
    "list to link": ["link", "{bad}", "--out", "{tmp}/out.csv"],
    "backup": ["restore", "{bad}", "--identity", "{ok}", "--to", "{tmp}/restored"],
    "list to import": ["import", "{bad}", "--source", "S"],
}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200", "SHOMAR_WORKSPACE": str(cwd / "ws")},
        capture_output=True,
        text=True,
        timeout=60,  # the failure this guards against is a hang
    )


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    ok = tmp_path / "list.csv"
    ok.write_text("full_name\nSynthetic Name\n", encoding="utf-8")
    assert _run(["init", str(tmp_path / "ws")], tmp_path).returncode == 0
    return {"fifo": str(fifo), "folder": str(tmp_path), "ok": str(ok), "tmp": str(tmp_path)}


@pytest.mark.parametrize("what", sorted(COMMANDS))
def test_a_named_pipe_is_refused_without_waiting(
    what: str, places: dict[str, str], tmp_path: Path
) -> None:
    args = [
        a.format(bad=places["fifo"], ok=places["ok"], tmp=places["tmp"]) for a in COMMANDS[what]
    ]
    done = _run(args, tmp_path)
    assert done.returncode == 1, done.stderr
    assert "named pipe (FIFO), not a file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("what", ["mapping", "article", "capture table", "checkpoint"])
def test_a_device_or_a_folder_is_refused(what: str, places: dict[str, str], tmp_path: Path) -> None:
    for bad, said in (("/dev/zero", "character device"), (places["folder"], "folder")):
        args = [a.format(bad=bad, ok=places["ok"], tmp=places["tmp"]) for a in COMMANDS[what]]
        done = _run(args, tmp_path)
        assert done.returncode == 1, done.stderr
        assert f"{bad}: this is a {said}, not a file" in " ".join(done.stderr.split())
