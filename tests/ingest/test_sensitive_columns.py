"""A mapping may keep other columns encrypted: ``sensitive = ["Witness phone"]`` (issue 9)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.services.imports import import_file
from shomar.store.keyring import record_row_key
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import snapshot

PHONE = "+98-912-555-0147"
LIST = f"record_id,full_name,Witness phone\n1,Ali Rezaei,{PHONE}\n2,Maryam Ahmadi,\n"


def test_a_sensitive_extra_column_is_stored_encrypted(
    sqlite_workspace: Workspace, write: Any
) -> None:
    mapping = write("m.toml", 'sensitive = ["witness PHONE"]\n')  # letter case does not matter
    report = import_file(
        sqlite_workspace, write("l.csv", LIST), "NGO", mapping_path=mapping, principal=ADMIN
    )
    assert report.columns_ignored == []  # kept, encrypted: not "in the raw rows only"
    with sqlite_workspace.read_session() as session:
        first, second = session.scalars(select(Record).order_by(Record.id))
        assert first.raw_row[2] == ["Witness phone", "(encrypted)"]
        assert second.raw_row[2] == ["Witness phone", ""] and second.sensitive is None
        assert first.sensitive is not None
        body = sqlite_workspace.keyring().open(
            first.sensitive,
            table="records",
            column="sensitive",
            row_key=record_row_key(first.uid, first.version),
        )
    assert json.loads(body) == {"column:Witness phone": PHONE}
    sqlite_workspace.engine.dispose()
    raw = (sqlite_workspace.path / "shomar.db").read_bytes()
    wal = sqlite_workspace.path / "shomar.db-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert PHONE.encode() not in raw


def test_a_sensitive_column_the_file_lacks_is_an_error(
    sqlite_workspace: Workspace, write: Any
) -> None:
    mapping = write("m.toml", 'sensitive = ["Witness fone"]\n')
    before = snapshot(sqlite_workspace)
    with pytest.raises(ImportValidationError) as info:
        import_file(
            sqlite_workspace, write("l.csv", LIST), "NGO", mapping_path=mapping, principal=ADMIN
        )
    (problem,) = info.value.problems  # type: ignore[attr-defined]
    assert problem.column == "Witness fone" and "Witness phone" in problem.message
    assert snapshot(sqlite_workspace) == before


def test_a_sensitive_column_cannot_also_feed_a_plain_field(
    sqlite_workspace: Workspace, write: Any
) -> None:
    mapping = write(
        "m.toml", 'sensitive = ["Witness phone"]\n[columns]\n"Witness phone" = "notes"\n'
    )
    with pytest.raises(ImportValidationError) as info:
        import_file(
            sqlite_workspace, write("l.csv", LIST), "NGO", mapping_path=mapping, principal=ADMIN
        )
    (problem,) = info.value.problems  # type: ignore[attr-defined]
    assert (problem.row, problem.column) == (1, "Witness phone")
    assert "stored in the clear" in problem.message
