"""The audit log is a hash chain: tampering with any entry is detected."""

from __future__ import annotations

from sqlalchemy import update

from shomar.store.audit import append_audit, verify_audit
from shomar.store.tables import AuditEntry
from shomar.store.workspace import Workspace


def test_chain_verifies_and_detects_tampering(workspace: Workspace) -> None:
    with workspace.session() as session:
        for i in range(3):
            append_audit(session, "tester", "import", f"document:{i}", {"n": i})
    with workspace.session() as session:
        assert verify_audit(session) is None
        second = session.query(AuditEntry).order_by(AuditEntry.id).all()[1]
        session.execute(
            update(AuditEntry).where(AuditEntry.id == second.id).values(payload={"n": 99})
        )
    with workspace.session() as session:
        assert verify_audit(session) == second.id


def test_hash_does_not_depend_on_the_session_time_zone() -> None:
    import datetime as dt

    from shomar.store.audit import _created_text
    from shomar.store.tables import AuditEntry

    utc = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    tehran = utc.astimezone(dt.timezone(dt.timedelta(hours=3, minutes=30)))
    naive = utc.replace(tzinfo=None)
    texts = {_created_text(AuditEntry(created=c)) for c in (utc, tehran, naive)}
    assert texts == {"2026-01-02T03:04:05+00:00"}
