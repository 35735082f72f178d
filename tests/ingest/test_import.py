"""Importing good lists: encodings, formats, mappings, raw bytes and rows kept exactly."""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from shomar.services.imports import import_file
from shomar.store.tables import Document, Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import HEADER, ROWS, snapshot


def _records(ws: Workspace) -> list[Record]:
    with ws.session() as session:
        return list(session.scalars(select(Record).order_by(Record.id)))


def test_import_keeps_bytes_hash_and_rows(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("list.csv", HEADER + ROWS)
    report = import_file(workspace, path, "Synthetic NGO", principal=ADMIN)
    assert report.records_added == 2
    raw = path.read_bytes()
    with workspace.session() as session:
        document = session.scalars(select(Document)).one()
        assert document.sha256 == hashlib.sha256(raw).hexdigest()
        assert document.size == len(raw)
    assert workspace.read_blob(report.sha256) == raw  # stored encrypted, checked on read
    assert raw not in workspace.blob_path(report.sha256).read_bytes()
    first, second = _records(workspace)
    assert first.raw_row[1] == ["full_name", "علی رضایی"]
    assert first.row_number == 2 and second.row_number == 3
    assert first.sex == "m" and first.age == 24 and first.violation == "killing"
    assert first.date_calendar == "jalali" and str(first.date_start) == "2019-11-15"
    assert second.date_precision == "month" and str(second.date_end) == "2019-11-21"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("cp1256", b"")],
)
def test_encodings(sqlite_workspace: Workspace, write, encoding: str, prefix: bytes) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + ROWS
    if encoding == "cp1256":  # Windows-1256 has Arabic ي/ك and no Persian digits
        text = (
            text.replace("ی", "ي")
            .replace("ک", "ك")
            .translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
        )
    path = write("list.csv", prefix + text.encode(encoding))
    report = import_file(sqlite_workspace, path, "Enc", principal=ADMIN)
    assert report.records_added == 2
    assert _records(sqlite_workspace)[0].full_name.replace("ي", "ی") == "علی رضایی"


def test_semicolon_and_tab_delimiters(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    semi = write("semi.csv", (HEADER + ROWS).replace(",", ";"))
    tab = write("tab.tsv", (HEADER + ROWS).replace(",", "\t").replace("1;", "3;"))
    assert import_file(sqlite_workspace, semi, "S", principal=ADMIN).delimiter == ";"
    assert import_file(sqlite_workspace, tab, "T", principal=ADMIN).delimiter == "\t"


def test_the_persian_comma_delimits_a_list_typed_on_a_persian_keyboard(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    text = "full_name،age،notes\nعلی رضایی،۲۴،SYNTHETIC, with a Latin comma\n"
    report = import_file(sqlite_workspace, write("fa.csv", text), "S", principal=ADMIN)
    assert report.delimiter == "،" and report.records_added == 1
    latin = write("mixed.csv", "full_name,notes\nAli,«الف، ب»\n")
    assert import_file(sqlite_workspace, latin, "T", principal=ADMIN).delimiter == ","


def test_xlsx_with_sheet_choice(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "notes"
    book.active.append(["nothing here"])
    sheet = book.create_sheet("victims")
    sheet.append(["record_id", "given_name", "family_name", "date"])
    sheet.append(["x1", "Reza", "Karimi", "1367"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = import_file(sqlite_workspace, path, "Book", sheet="victims", principal=ADMIN)
    assert report.sheet == "victims" and report.records_added == 1
    record = _records(sqlite_workspace)[0]
    assert record.sheet == "victims" and str(record.date_start) == "1988-03-21"


def test_json_and_mapping(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    data = [{"id": "a", "نام": "سارا", "نام خانوادگی": "کریمی", "تاریخ": "۱۳۶۷"}]
    path = write("list.json", json.dumps(data, ensure_ascii=False))
    mapping = write(
        "map.toml",
        '[columns]\nid = "record_id"\n"نام" = "given_name"\n'
        '"نام خانوادگی" = "family_name"\n"تاریخ" = "date"\n',
    )
    report = import_file(sqlite_workspace, path, "Json", mapping_path=mapping, principal=ADMIN)
    assert report.records_added == 1
    record = _records(sqlite_workspace)[0]
    assert (record.record_key, record.given_name, record.family_name) == ("a", "سارا", "کریمی")


def test_formula_cell_is_stored_as_text(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("f.csv", "record_id,full_name,notes\n1,Ali Ahmadi,\"=cmd|' /C calc'!A0\"\n")
    import_file(sqlite_workspace, path, "F", principal=ADMIN)
    assert _records(sqlite_workspace)[0].notes == "=cmd|' /C calc'!A0"


def test_dry_run_changes_nothing(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(workspace)
    report = import_file(
        workspace, write("d.csv", HEADER + ROWS), "Dry", dry_run=True, principal=ADMIN
    )
    assert report.rows == 2 and report.dry_run
    assert snapshot(workspace) == before


def test_correction_is_a_new_version(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    import_file(sqlite_workspace, write("v1.csv", HEADER + ROWS), "V", principal=ADMIN)
    import_file(
        sqlite_workspace, write("v2.csv", HEADER + ROWS.replace("24", "25")), "V", principal=ADMIN
    )
    records = _records(sqlite_workspace)
    assert len(records) == 4
    newest = [r for r in records if r.record_key == "1"][-1]
    assert newest.version == 2 and newest.supersedes_id == records[0].id
    assert records[0].age == 24  # the old version is untouched


def test_files_without_record_ids_never_replace_each_other(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    import_file(
        workspace,
        write("a.csv", "full_name,age\nAli Rezaei,30\nSara Ahmadi,25\n"),
        "NGO",
        principal=ADMIN,
    )
    report = import_file(
        workspace,
        write("b.csv", "full_name,age\nReza Karimi,40\nMina Jafari,22\n"),
        "NGO",
        principal=ADMIN,
    )
    assert report.versions_added == 0
    assert {r.full_name for r in _records(workspace) if r.supersedes_id is None} == {
        "Ali Rezaei",
        "Sara Ahmadi",
        "Reza Karimi",
        "Mina Jafari",
    }


def test_spreadsheet_datetime_cells_and_long_keys(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    import_file(
        sqlite_workspace,
        write("t.csv", "full_name,date\nAli,2019-11-17T14:30:00\n"),
        "T",
        principal=ADMIN,
    )
    assert str(_records(sqlite_workspace)[0].date_start) == "2019-11-17"
    from shomar.errors import ImportValidationError

    with pytest.raises(ImportValidationError, match="record_id takes at most 200"):
        import_file(
            sqlite_workspace,
            write("k.csv", f"record_id,full_name\n{'x' * 250},Ali\n"),
            "T",
            principal=ADMIN,
        )


def test_wrong_encoding_names_and_bad_mapping_are_clear_errors(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    from shomar.errors import InputError

    path = write("e.csv", (HEADER + ROWS).encode("utf-16"))
    with pytest.raises(InputError, match="Unknown text encoding"):
        import_file(sqlite_workspace, path, "E", encoding="bogus", principal=ADMIN)
    with pytest.raises(InputError, match="not valid utf-8"):
        import_file(sqlite_workspace, path, "E", encoding="utf-8", principal=ADMIN)
    with pytest.raises(InputError, match="mapping file is an object"):
        import_file(
            sqlite_workspace, path, "E", mapping_path=write("m.json", "[1, 2]"), principal=ADMIN
        )


def test_event_names_match_across_letter_forms_and_unknown_ones_are_reported(
    sqlite_workspace: Workspace,
    write,  # type: ignore[no-untyped-def]
) -> None:
    from shomar.services.events import add_event, get_event

    add_event(sqlite_workspace, "January 2018 protests", name_fa="اعتراضات دی", principal=ADMIN)
    text = "full_name,event\nعلي,اعتراضات دي\nSara,Unknown thing\n"
    report = import_file(
        sqlite_workspace, write("ev.csv", text.encode("cp1256")), "W", principal=ADMIN
    )
    assert get_event(sqlite_workspace, "اعتراضات دی", principal=ADMIN).records == 1
    assert any("'Unknown thing', which is not defined" in w for w in report.warnings)


def test_blank_lines_before_the_header_are_skipped(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    report = import_file(
        sqlite_workspace, write("b.csv", "\n\n" + HEADER + ROWS), "B", principal=ADMIN
    )
    assert report.records_added == 2
    assert [r.row_number for r in _records(sqlite_workspace)] == [4, 5]


def test_two_columns_for_one_field_and_xlsx_extra_cells_are_problems(
    sqlite_workspace: Workspace,
    write,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from shomar.errors import ImportValidationError

    with pytest.raises(ImportValidationError, match="both give full_name"):
        import_file(
            sqlite_workspace,
            write("d.csv", "full_name,Full_Name\nAli,Rezaei\n"),
            "D",
            principal=ADMIN,
        )
    book = Workbook()
    book.active.append(["full_name", "age"])
    book.active.append(["Ali", 30, "stray note"])
    path = tmp_path / "extra.xlsx"
    book.save(path)
    with pytest.raises(ImportValidationError, match="3 cells but the header has 2"):
        import_file(sqlite_workspace, path, "X", principal=ADMIN)
