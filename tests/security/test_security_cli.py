"""The security commands as a user runs them: exit codes, JSON, messages, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest

from security.conftest import seeded_csv


@pytest.mark.slow
def test_keys_documents_backup_restore_publish_from_the_cli(tmp_path: Path) -> None:
    env = {**os.environ, "SHOMAR_ACTOR": "tester", "COLUMNS": "200"}

    def shomar(*args: str, ws: str = "ws") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "shomar", *args, "-w", str(tmp_path / ws)],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )

    (tmp_path / "list.csv").write_text(seeded_csv(), encoding="utf-8")
    identity = pyrage.x25519.Identity.generate()
    (tmp_path / "age.txt").write_text(f"{identity}\n")
    assert shomar("init").returncode == 0
    assert shomar("import", str(tmp_path / "list.csv"), "--source", "S").returncode == 0
    got = shomar("documents", "get", "1", "--out", str(tmp_path / "copy.csv"))
    assert got.returncode == 0, got.stderr
    assert (tmp_path / "copy.csv").read_bytes() == (tmp_path / "list.csv").read_bytes()
    found = shomar("keys", "find-witness", "witnessalpha syntheticson", "--json")
    assert json.loads(found.stdout) == {"records": ["1:1"]}
    rotated = shomar("keys", "rotate", "--json")
    assert rotated.returncode == 0, rotated.stderr
    old = set(json.loads(rotated.stdout)["old_key_ids"])
    status = json.loads(shomar("keys", "status", "--json").stdout)
    assert not (set(status["values_by_key_id"]) & old)
    assert shomar("keys", "backup-recipient", str(identity.to_public())).returncode == 0
    bad = shomar("keys", "backup-recipient", "age1notakey")
    assert bad.returncode == 1 and "not an age public key" in bad.stderr
    made = shomar("backup", str(tmp_path / "b.age"), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["keys_included"] is False
    restored = shomar(
        "restore", str(tmp_path / "b.age"), "--identity", str(tmp_path / "age.txt"),
        "--to", str(tmp_path / "r"), "--json",
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["ok"] is True
    assert shomar("export", "--public", str(tmp_path / "pkg")).returncode == 0
    assert (tmp_path / "pkg" / "datapackage.json").exists()
    published = shomar("publish", str(tmp_path / "site"), "--json")
    assert published.returncode == 0 and json.loads(published.stdout)["records"] == 2
    again = shomar("publish", str(tmp_path / "site"))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    verified = shomar("audit", "verify", "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["intact"] is True
