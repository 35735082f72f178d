"""Who the CLI acts as: the owner by default (SHOMAR_ACTOR, admin), or `--as USER`'s account."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from shomar.store.tables import AuditEntry, User
from shomar.store.workspace import open_workspace
from support.cli_run import shomar

LIST = (
    "record_id,full_name,confidentiality\n"
    "1,Synthetic Person One,public\n"
    "2,Synthetic Person Two,confidential\n"
)


def _workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    ws = open_workspace(folder, create=True)
    with ws.session() as session:
        session.add(User(username="dana", role="documenter"))
        session.add(User(username="vik", role="viewer"))
    ws.close()
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    return folder


def _audit(folder: Path) -> list[AuditEntry]:
    ws = open_workspace(folder)
    try:
        with ws.session() as session:
            return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    finally:
        ws.close()


def test_owner_by_default_and_accounts_with_as(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    env = {"SHOMAR_ACTOR": "owner-x"}
    done = shomar("import", "list.csv", "--source", "S", "-w", str(folder), cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert _audit(folder)[-1].actor == "owner-x"

    stats = shomar("--as", "vik", "stats", "--json", "-w", str(folder), cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    # two records, one confidential: a viewer gets the small cell suppressed, not a number
    assert json.loads(stats.stdout)["records"] == "< 5"

    refused = shomar("--as", "dana", "link", "run", "-w", str(folder), cwd=tmp_path)
    assert refused.returncode == 1
    assert "dana (documenter) may not linkage.run" in refused.stderr
    assert "Traceback" not in refused.stderr
    denied = _audit(folder)[-1]
    assert (denied.actor, denied.action, denied.payload["action"]) == (
        "dana",
        "denied",
        "linkage.run",
    )


def test_unknown_account_is_a_clear_error(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    done = shomar("--as", "nobody", "stats", "-w", str(folder), cwd=tmp_path)
    assert done.returncode == 1
    assert "No account named 'nobody'" in done.stderr and "dana" in done.stderr
    assert "Traceback" not in done.stderr
