"""Documents, tiers and the small things a new user tripped on, as a user runs them (issue 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def shomar(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


LIST = "record_id,full_name,date\n۷,Reza Karimi,1367\n8,علی‌اکبر رضایی,1367\n"


def test_documents_withdraw_replace_and_tiers_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    imported = shomar("-w", "ws", "import", "list.csv", "-s", "NGO", "--kind", "ngo", "--json",
                      cwd=tmp_path)  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert report["source_kind"] == "ngo"
    # the same bytes again: refused, and the message says how to replace or withdraw
    again = shomar("import", "list.csv", "-s", "NGO", "-w", "ws", cwd=tmp_path)
    assert (
        again.returncode == 1 and "--replace 1" in again.stderr and "Traceback" not in again.stderr
    )
    # a second source name with another kind: the stored kind is reported
    replaced = shomar("import", "list.csv", "-s", "NGO", "--kind", "media", "--replace",
                      report["sha256"][:8], "--json", "-w", "ws", cwd=tmp_path)  # fmt: skip
    assert replaced.returncode == 0, replaced.stderr
    second = json.loads(replaced.stdout)
    assert second["source_kind"] == "ngo" and second["replaces_document_id"] == 1
    listed = json.loads(shomar("documents", "list", "--json", "-w", "ws", cwd=tmp_path).stdout)
    assert [(d["id"], d["status"], d["records"]) for d in listed["items"]] == [
        (1, "replaced", 2),
        (2, "active", 2),
    ]
    stats = json.loads(shomar("-w", "ws", "stats", "--json", cwd=tmp_path).stdout)
    assert (stats["records"], stats["sources"], stats["claimants"]) == (2, 1, 0)
    # nothing public yet: the export explains the tiers and how to set them
    export = shomar("export", "--public", "out.csv", "-w", "ws", cwd=tmp_path)
    assert export.returncode == 0
    assert "no record is public" in export.stdout and "records set-tier" in " ".join(
        export.stdout.split()
    )
    tier = shomar("records", "set-tier", "--document", "2", "--tier", "public", "-w", "ws",
                  cwd=tmp_path)  # fmt: skip
    assert tier.returncode == 0 and "2 records set to public" in tier.stdout
    assert (
        json.loads(
            shomar("export", "--public", "out.csv", "--json", "-w", "ws", cwd=tmp_path).stdout
        )["exported"]
        == 2
    )
    one = shomar("records", "set-tier", "1:7", "--tier", "restricted", "-w", "ws", cwd=tmp_path)
    assert one.returncode == 0 and "1 record set to restricted" in one.stdout
    # withdraw by the SHA-256 prefix: the records leave the counts
    withdrawn = shomar("documents", "withdraw", "2", "--reason", "test", "-w", "ws", cwd=tmp_path)
    assert withdrawn.returncode == 0, withdrawn.stderr
    stats = json.loads(shomar("stats", "--json", "-w", "ws", cwd=tmp_path).stdout)
    assert (stats["records"], stats["documents_withdrawn"]) == (0, 2)
    table = shomar("documents", "list", "-w", "ws", cwd=tmp_path).stdout
    assert "withdrawn: test" in table and "replaced by 2" in table


def test_group_help_shows_its_own_options_and_no_hidden_default(tmp_path: Path) -> None:
    review = shomar("review", "--help", cwd=tmp_path)
    assert "--list" in review.stdout and "--limit" in review.stdout
    link = shomar("link", "--help", cwd=tmp_path)
    assert "--out" in link.stdout and "link default" not in link.stdout
    assert "│ default" not in link.stdout  # the hidden command is not listed
    bad = shomar("link", "--bogus", cwd=tmp_path)
    assert bad.returncode == 2 and "shomar link --help" in bad.stderr
    assert "link default" not in bad.stderr


def test_workspace_option_before_and_after_the_command(tmp_path: Path) -> None:
    assert shomar("init", "ws", cwd=tmp_path).returncode == 0
    for args in (
        ("-w", "ws", "events", "list", "--json"),
        ("events", "-w", "ws", "list", "--json"),
        ("events", "list", "--json", "-w", "ws"),
        ("--workspace=ws", "documents", "list", "--json"),
    ):
        result = shomar(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    missing = shomar("-w", "nowhere", "stats", cwd=tmp_path)
    assert missing.returncode == 1 and "nowhere" in missing.stderr


def test_persian_text_is_printed_as_text(tmp_path: Path) -> None:
    parsed = shomar("names", "parse", "سید علی‌اکبر رضایی", cwd=tmp_path)
    assert "honorifics: Seyed" in parsed.stdout and "given: علی‌اکبر" in parsed.stdout
    assert "['" not in parsed.stdout and "None" not in parsed.stdout
    (tmp_path / "bad.csv").write_text("full_name,sex\nعلی‌اکبر,نامرد‌ی\n", encoding="utf-8")
    bad = shomar("import", "bad.csv", "-s", "S", "-w", "ws", cwd=tmp_path)
    assert bad.returncode == 1 and "'نامرد‌ی'" in bad.stderr and "\\u200c" not in bad.stderr
