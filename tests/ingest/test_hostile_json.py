"""Hostile JSON lists (SYNTHETIC): each is refused naming its record, the store unchanged."""

from __future__ import annotations

import json
import time
from pathlib import Path

from shomar.services.imports import import_file
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN

GOOD = '{"record_id": "1", "full_name": "Ali"}'


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_a_lone_surrogate_names_its_record(workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "s.json", f'[{GOOD}, {{"full_name": "Sa\\ud800ra"}}]')
    refused(workspace, path, "s.json, record 2, field 'full_name'", "surrogate")


def test_nesting_100000_deep_is_a_clear_error(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.json", f"[{GOOD}, " + "[" * 100_000 + "]" * 100_000 + "]")
    refused(sqlite_workspace, path, "deep.json, record 2", "nested too deeply")


def test_a_5000_digit_integer_is_a_clear_error(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "n.json", f'[{GOOD}, {{"full_name": "Sara", "age": {"9" * 5000}}}]')
    refused(sqlite_workspace, path, "n.json, record 2", "5,000 digits")


def test_a_truncated_utf16_file_is_a_clear_error(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    data = f"[{GOOD}]".encode("utf-16")
    refused(
        sqlite_workspace, _write(tmp_path, "t.json", data[:-1]), "t.json", "odd number of bytes"
    )
    refused(
        sqlite_workspace,
        _write(tmp_path, "t2.json", data[:-1]),
        "t2.json",
        "cut off",
        encoding="utf-16",
    )
    refused(
        sqlite_workspace, _write(tmp_path, "t3.json", data[:-4]), "t3.json, record 1", "truncated"
    )


def test_a_duplicate_key_is_refused_not_reduced_to_the_last_value(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = _write(tmp_path, "dup.json", f'[{GOOD}, {{"full_name": "Sara", "full_name": "Maryam"}}]')
    refused(workspace, path, "dup.json, record 2", "'full_name' appears twice")


def test_an_object_with_100000_keys_is_refused_quickly(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    record = {"full_name": "Ali", **{f"k{i}": i for i in range(100_000)}}
    path = _write(tmp_path, "keys.json", json.dumps([record]))
    started = time.perf_counter()
    refused(sqlite_workspace, path, "keys.json", "columns")
    assert time.perf_counter() - started < 15


def test_records_not_objects_and_nan_name_their_record(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    refused(sqlite_workspace, _write(tmp_path, "a.json", f"[{GOOD}, 3]"), "record 2", "object")
    path = _write(tmp_path, "nan.json", f'[{GOOD}, {{"full_name": "S", "age": NaN}}]')
    refused(sqlite_workspace, path, "record 2", "NaN")


def test_a_good_list_still_imports_with_its_keys_in_order(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "ok.json",
        '{"records": [{"record_id": 1, "full_name": "Ali", "age": 20.0},'
        ' {"full_name": "Sara", "notes": "x"}]}',
    )
    report = import_file(sqlite_workspace, path, "OK", principal=ADMIN)
    assert report.records_added == 2
    assert report.columns_ignored == [] and list(report.columns_used) == [
        "record_id",
        "full_name",
        "age",
        "notes",
    ]


def test_a_nul_character_in_a_key_or_a_value_is_refused_at_its_record(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """CSV refused NUL bytes; JSON's \\u0000 was stored (and PostgreSQL refuses NUL in text)."""
    value = _write(tmp_path, "v.json", f'[{GOOD}, {{"full_name": "Sa\\u0000ra"}}]')
    refused(sqlite_workspace, value, "v.json, record 2, field 'full_name'", "NUL")
    key = _write(tmp_path, "k.json", '[{"full_name": "Ali", "no\\u0000tes": "x"}]')
    refused(sqlite_workspace, key, "k.json, record 1, field 'no\\x00tes'", "NUL")
