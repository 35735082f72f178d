"""A workspace another process is writing to: a clear "busy" error within the busy timeout
(issue 9, item 20), not a traceback after half a minute."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from shomar.store.workspace import open_workspace
from support.cli_run import shomar
from support.store_snapshot import HEADER, ROWS


def test_a_locked_workspace_is_reported_busy(tmp_path: Path) -> None:
    open_workspace(tmp_path / "ws", create=True).close()
    (tmp_path / "list.csv").write_text(HEADER + ROWS, encoding="utf-8")
    started = time.monotonic()  # the same command on an unlocked copy: start-up on this machine
    baseline = shomar("import", "list.csv", "--source", "S", "--dry-run", "-w", "ws", cwd=tmp_path)
    startup = time.monotonic() - started
    assert baseline.returncode == 0, baseline.stderr
    holder = sqlite3.connect(tmp_path / "ws" / "shomar.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another import holds the write lock
    try:
        started = time.monotonic()
        done = shomar(
            "import", "list.csv", "--source", "S", "-w", "ws",
            cwd=tmp_path, env={"SHOMAR_BUSY_TIMEOUT": "1"},
        )  # fmt: skip
        elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1, done.stderr
    assert "workspace is busy (another import or linkage is running); try again" in done.stderr
    assert "SHOMAR_BUSY_TIMEOUT" in done.stderr
    assert "Traceback" not in done.stderr and "sqlalchemy" not in done.stderr.lower()
    # the default timeout used to be 30 s: the busy answer must come after about 1 s more than
    # the same command takes unlocked (measured in this run; machines here are noisy)
    assert elapsed < startup * 2 + 10, f"took {elapsed:.0f} s; unlocked {startup:.0f} s"
    again = shomar("import", "list.csv", "--source", "S", "-w", "ws", cwd=tmp_path)
    assert again.returncode == 0, again.stderr  # nothing half-written: the retry imports
