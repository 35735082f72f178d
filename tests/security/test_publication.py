"""Publication: deterministic exports, a valid Frictionless package, a public-only database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from security.conftest import leaks
from shomar.errors import InputError, PermissionDenied
from shomar.security.principal import Principal, Role
from shomar.services.export import export_public
from shomar.services.publish import publish
from shomar.store.workspace import Workspace

ADMIN = Principal("tester", Role.ADMIN)


def test_the_public_package_is_valid_and_deterministic(seeded: Workspace, tmp_path: Path) -> None:
    from frictionless import Package, validate

    first, second = tmp_path / "one", tmp_path / "two"
    assert export_public(seeded, first, principal=ADMIN) == (2, 1)
    assert export_public(seeded, second, principal=ADMIN) == (2, 1)
    for name in ("datapackage.json", "records.csv"):  # same data, same bytes (no clock)
        assert (first / name).read_bytes() == (second / name).read_bytes()
    report = validate(str(first / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(first / "datapackage.json"))
    resource = package.get_resource("records")
    assert package.licenses and package.licenses[0]["name"] == "CC-BY-4.0"
    assert resource.schema.primary_key == ["record_uid"]
    rows = resource.read_rows()
    assert [row["record_uid"] for row in rows] == ["1:1", "1:3"]  # the restricted one withheld
    assert package.to_dict()["created"].startswith("20")  # from the data, not the clock
    csv_path = second / "records.csv"  # the recorded hash and size are checked
    csv_path.write_bytes(csv_path.read_bytes().replace(b"Synthetic", b"Synthetik", 1))
    assert not validate(str(second / "datapackage.json")).valid
    for path in first.iterdir():
        assert leaks(path.read_bytes()) == [] and b"Synthetic Person 2" not in path.read_bytes()


def test_a_csv_export_is_the_package_table(seeded: Workspace, tmp_path: Path) -> None:
    export_public(seeded, tmp_path / "pkg", principal=ADMIN)
    export_public(seeded, tmp_path / "public.csv", principal=ADMIN)
    assert (tmp_path / "public.csv").read_bytes() == (tmp_path / "pkg" / "records.csv").read_bytes()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("x")
    with pytest.raises(InputError, match="not an empty folder"):
        export_public(seeded, tmp_path / "busy", principal=ADMIN)


def test_publish_builds_a_database_with_only_public_data(seeded: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "site"
    report = publish(seeded, target, principal=ADMIN)
    assert (report.records, report.withheld) == (2, 1)
    database = target / "public.sqlite"
    data = database.read_bytes()
    assert leaks(data) == [] and b"Synthetic Person 2" not in data
    connection = sqlite3.connect(database)
    try:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert tables == {"records", "events", "sources"}
        columns = [r[1] for r in connection.execute("PRAGMA table_info(records)")]
        assert "notes" not in columns and "raw_row" not in columns and "sensitive" not in columns
        uids = [r[0] for r in connection.execute("SELECT record_uid FROM records ORDER BY 1")]
        assert uids == ["1:1", "1:3"]
    finally:
        connection.close()
    with pytest.raises(PermissionDenied):
        publish(seeded, tmp_path / "other", principal=Principal("a", Role.ANALYST))
