"""A document's life: list, withdraw (its records leave every count), replace (issue 9 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shomar.errors import InputError, NotFoundError, PermissionDenied
from shomar.security.principal import Principal, Role
from shomar.services.documents import list_documents, withdraw_document
from shomar.services.export import export_public
from shomar.services.imports import import_file
from shomar.services.stats import workspace_stats
from shomar.store.audit import verify_audit
from shomar.store.tables import (
    AuditEntry,
    CustodyEntry,
    LinkageRun,
    Person,
    PersonRecord,
    Record,
)
from shomar.store.workspace import Workspace

ADMIN = Principal("tester", Role.ADMIN)
LIST_A = (
    "record_id,full_name,date,confidentiality\n"
    "1,Reza Karimi,1367,public\n2,Ali Rezaei,1367,public\n"
)
LIST_B = "record_id,full_name,date,confidentiality\n3,Maryam Ahmadi,1398,public\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _current(ws: Workspace) -> list[str]:
    from shomar.store.queries import current_record

    with ws.session() as session:
        return list(
            session.scalars(select(Record.full_name).where(current_record()).order_by(Record.id))
        )


def test_withdrawn_records_leave_every_count_and_nothing_is_deleted(
    workspace: Workspace, tmp_path: Path
) -> None:
    a = import_file(workspace, _write(tmp_path, "a.csv", LIST_A), "NGO A", principal=ADMIN)
    import_file(workspace, _write(tmp_path, "b.csv", LIST_B), "NGO B", principal=ADMIN)
    with workspace.session() as session:  # a linkage run: every record its own person
        run = LinkageRun()
        session.add(run)
        session.flush()
        for i, uid in enumerate(session.scalars(select(Record.uid).order_by(Record.id))):
            session.add(Person(id=f"P-{i:06d}", created_run_id=run.id))
            session.flush()
            session.add(PersonRecord(run_id=run.id, record_uid=uid, person_id=f"P-{i:06d}"))
    assert workspace_stats(workspace, principal=ADMIN)["records"] == 3
    assert workspace_stats(workspace, principal=ADMIN)["persons"] == 3

    info = withdraw_document(workspace, a.sha256[:10], reason="wrong mapping", principal=ADMIN)
    assert (info.id, info.status, info.records) == (a.document_id, "withdrawn", 2)
    stats = workspace_stats(workspace, principal=ADMIN)
    assert (stats["records"], stats["persons"]) == (1, 1)
    assert _current(workspace) == ["Maryam Ahmadi"]
    assert export_public(workspace, tmp_path / "public.csv", principal=ADMIN) == (1, 0)
    exported = (tmp_path / "public.csv").read_text(encoding="utf-8")
    assert "Reza Karimi" not in exported and "Maryam Ahmadi" in exported
    # nothing deleted: records, bytes, custody and an audit entry that verifies
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 3
        assert session.scalars(
            select(CustodyEntry.action).where(CustodyEntry.document_id == a.document_id)
        ).all() == ["received", "withdrawn"]
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "document.withdraw")
        ).one()
        assert entry.target == f"document:{a.document_id}"
        assert entry.payload["reason"] == "wrong mapping"
    assert workspace.blob_path(a.sha256).exists()
    with workspace.session() as session:
        assert verify_audit(session) is None
    listed = {d.id: d.status for d in list_documents(workspace, principal=ADMIN)}
    assert listed == {a.document_id: "withdrawn", a.document_id + 1: "active"}
    with pytest.raises(InputError, match="already withdrawn"):
        withdraw_document(workspace, str(a.document_id), reason="again", principal=ADMIN)


def test_withdrawing_a_correction_brings_the_corrected_version_back(
    workspace: Workspace, tmp_path: Path
) -> None:
    import_file(workspace, _write(tmp_path, "a.csv", LIST_A), "NGO", principal=ADMIN)
    fix = _write(tmp_path, "fix.csv", "record_id,full_name\n1,Reza Karimi-Zadeh\n")
    corrected = import_file(workspace, fix, "NGO", principal=ADMIN)
    assert _current(workspace) == ["Ali Rezaei", "Reza Karimi-Zadeh"]
    withdraw_document(workspace, str(corrected.document_id), reason="typo", principal=ADMIN)
    assert _current(workspace) == ["Reza Karimi", "Ali Rezaei"]


def test_document_refs_are_ids_or_unique_sha256_prefixes(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    report = import_file(
        sqlite_workspace, _write(tmp_path, "a.csv", LIST_A), "NGO", principal=ADMIN
    )
    with pytest.raises(InputError, match="SHA-256 prefix of 8"):
        withdraw_document(sqlite_workspace, report.sha256[:6], reason="x", principal=ADMIN)
    with pytest.raises(NotFoundError):
        withdraw_document(sqlite_workspace, "99", reason="x", principal=ADMIN)
    with pytest.raises(NotFoundError):
        withdraw_document(sqlite_workspace, "0" * 12, reason="x", principal=ADMIN)
    with pytest.raises(NotFoundError):  # past 64 bits: SQLite raised OverflowError
        withdraw_document(sqlite_workspace, "9" * 30, reason="x", principal=ADMIN)
    with pytest.raises(InputError, match="needs a reason"):
        withdraw_document(sqlite_workspace, "1", reason=" ", principal=ADMIN)
    with pytest.raises(PermissionDenied):
        withdraw_document(sqlite_workspace, "1", reason="x", principal=Principal("v", Role.VIEWER))
    assert workspace_stats(sqlite_workspace, principal=ADMIN)["records"] == 2


def test_replace_reads_the_same_bytes_again_and_records_keep_their_versions(
    workspace: Workspace, tmp_path: Path
) -> None:
    text = "id,name,when\n1,Reza Karimi,1367\n2,Ali Rezaei,1368\n"
    path = _write(tmp_path, "list.csv", text)
    first_mapping = _write(tmp_path, "m1.json", json.dumps({"columns": {"name": "full_name"}}))
    wrong = import_file(workspace, path, "NGO", mapping_path=first_mapping, principal=ADMIN)
    with workspace.session() as session:
        assert session.scalars(select(Record.date_text)).all() == ["", ""]  # dates not read
    with pytest.raises(InputError) as info:  # the same bytes without --replace: refused
        import_file(workspace, path, "NGO", mapping_path=first_mapping, principal=ADMIN)
    assert f"--replace {wrong.document_id}" in (info.value.hint or "")

    full = {"columns": {"id": "record_id", "name": "full_name", "when": "date"}}
    second_mapping = _write(tmp_path, "m2.json", json.dumps(full))
    right = import_file(
        workspace,
        path,
        "NGO",
        mapping_path=second_mapping,
        replace=wrong.sha256[:8],
        principal=ADMIN,
    )
    assert right.replaces_document_id == wrong.document_id and right.records_added == 2
    assert workspace_stats(workspace, principal=ADMIN)["records"] == 2
    documents = {d.id: d for d in list_documents(workspace, principal=ADMIN)}
    assert documents[wrong.document_id].status == "replaced"
    assert documents[wrong.document_id].replaced_by == right.document_id
    assert documents[right.document_id].sha256 == documents[wrong.document_id].sha256
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 4
    with pytest.raises(InputError, match="is replaced"):
        import_file(workspace, path, "NGO", replace=str(wrong.document_id), principal=ADMIN)
    # with record ids, a replacement's rows are new versions of the same records
    third = _write(tmp_path, "m3.json", json.dumps({**full, "defaults": {"violation": "torture"}}))
    again = import_file(
        workspace, path, "NGO", mapping_path=third, replace=str(right.document_id), principal=ADMIN
    )
    with workspace.session() as session:
        rows = session.execute(
            select(Record.uid, Record.version, Record.violation).where(
                Record.document_id == again.document_id
            )
        ).all()
    assert sorted((v, viol) for _, v, viol in rows) == [(2, "torture"), (2, "torture")]
    assert workspace_stats(workspace, principal=ADMIN)["records"] == 2


def test_replace_dry_run_changes_nothing(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.csv", LIST_A)
    first = import_file(sqlite_workspace, path, "NGO", principal=ADMIN)
    import_file(
        sqlite_workspace,
        path,
        "Other NGO",
        replace=str(first.document_id),
        dry_run=True,
        principal=ADMIN,
    )
    statuses = [d.status for d in list_documents(sqlite_workspace, principal=ADMIN)]
    assert statuses == ["active"]


def test_set_tier_changes_current_versions_and_is_audited(
    workspace: Workspace, tmp_path: Path
) -> None:
    from shomar.services.tiers import set_tier

    report = import_file(
        workspace,
        _write(tmp_path, "a.csv", "record_id,full_name\n1,Reza\n2,Ali\n"),
        "NGO",
        principal=ADMIN,
    )
    assert export_public(workspace, tmp_path / "p.csv", principal=ADMIN) == (0, 2)
    change = set_tier(workspace, "public", document=report.sha256[:8], principal=ADMIN)
    assert (change.changed, change.unchanged) == (2, 0)
    assert export_public(workspace, tmp_path / "p.csv", principal=ADMIN) == (2, 0)
    with workspace.session() as session:
        source_id = session.scalar(select(Record.source_id))
    again = set_tier(workspace, "confidential", records=[f"{source_id}:1", "NGO/2"],
                     reason="witness at risk", principal=ADMIN)  # fmt: skip
    assert again.changed == 2
    assert export_public(workspace, tmp_path / "p.csv", principal=ADMIN) == (0, 2)
    with workspace.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "records.set_tier")
        ).all()
        assert [e.payload["count"] for e in entries] == [2, 2]
        assert entries[1].payload["changes"][0][1:] == ["public", "confidential"]
    with pytest.raises(PermissionDenied):
        set_tier(workspace, "public", document="1", principal=Principal("d", Role.DOCUMENTER))
    with pytest.raises(InputError, match="Unknown tier"):
        set_tier(workspace, "secret", document="1", principal=ADMIN)
