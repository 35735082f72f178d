"""Text and JSON lists as tools write them (SYNTHETIC): Excel's ``sep=`` line, marks, numbers."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN


def _records(ws: Workspace) -> list[tuple[str, str | None]]:
    with ws.session() as session:
        rows = session.execute(select(Record.record_key, Record.full_name).order_by(Record.id))
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_excels_sep_line_names_the_delimiter_and_is_not_the_header(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("sep.csv", "sep=|\r\nrecord_id|full_name|age\r\n1|Ali, Reza|20\r\n")
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    assert report.delimiter == "|" and report.records_added == 1
    assert _records(sqlite_workspace) == [("1", "Ali, Reza")]
    assert any("'sep=|' names its delimiter" in w and "header row 2" in w for w in report.warnings)
    bad = write("sep_bad.csv", "sep=;\nfull_name;age\nAli;old\n")
    refused(sqlite_workspace, bad, "row 3", "'age'", error=ImportValidationError)


def test_a_byte_order_mark_starting_a_row_mid_file_is_removed_and_said(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("pasted.csv", "\ufefffull_name,age\nAli,20\n\ufeffSara,30\n")
    report = import_file(sqlite_workspace, path, "P", principal=ADMIN)
    assert [name for _, name in _records(sqlite_workspace)] == ["Ali", "Sara"]
    assert any("byte-order mark" in w and "row(s) 3;" in w for w in report.warnings)


def test_a_utf16_mark_before_utf8_text_is_refused_not_read_as_cjk(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    body = "full_name,age\nعلی,20\n".encode()
    path = write("mark.csv", codecs.BOM_UTF16_LE + body)
    refused(sqlite_workspace, path, "mark.csv", "UTF-16 byte-order mark", "is UTF-8")
    persian = write("fa16.csv", "full_name,age\nعلی رضایی,20\n".encode("utf-16"))
    assert import_file(sqlite_workspace, persian, "F", principal=ADMIN).records_added == 1


def test_a_spreadsheet_day_number_in_a_date_column_is_refused_with_the_date_it_shows(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("serial.csv", "full_name,date\nAli,1988\nSara,۴۳۷۸۵\nReza,43785.25\n")
    message = refused(sqlite_workspace, path, error=ImportValidationError)
    assert message.count("looks like a spreadsheet's day number") == 2, message
    assert "row 3, column 'date'" in message and "2019-11-16" in message


def test_json_numbers_are_kept_as_written_not_rounded_through_a_float(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "ids.json",
        '[{"record_id": 12345678901234567890.0, "full_name": "Ali"},'
        ' {"record_id": 7.0, "full_name": "Sara"}, {"record_id": 1e400, "full_name": "Reza"}]',
    )
    import_file(sqlite_workspace, path, "J", principal=ADMIN)
    assert [key for key, _ in _records(sqlite_workspace)] == [
        "12345678901234567890",
        "7",
        "1E+400",
    ]
    twice = write(
        "twice.json", '[{"record_id": 1.0, "full_name": "A"}, {"record_id": 1, "full_name": "B"}]'
    )
    refused(
        sqlite_workspace, twice, "row 2", "already appears on row 1", error=ImportValidationError
    )


def test_json_true_and_false_are_kept_as_the_file_writes_them(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "flags.json",
        '[{"record_id": true, "full_name": "Ali"}, {"record_id": false, "full_name": "Sara"}]',
    )
    import_file(sqlite_workspace, path, "J", principal=ADMIN)
    assert [key for key, _ in _records(sqlite_workspace)] == ["true", "false"]


def test_json_lines_named_json_are_read_record_by_record(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("lines.json", '{"full_name": "Ali", "date": "1988"}\n{"full_name": "Sara"}\n')
    report = import_file(sqlite_workspace, path, "L", principal=ADMIN)
    assert report.records_added == 2
    with sqlite_workspace.session() as session:
        assert session.scalars(select(Record.date_start).order_by(Record.id)).first() == dt.date(
            1988, 1, 1
        )
    cut = write("cut.json", '{"full_name": "Ali"}\n{"full_name": "Sara", "age": 3\n')
    refused(sqlite_workspace, cut, "cut.json, record 2", "truncated")
    scalar = write("scalar.json", '{"full_name": "Ali"}\n{"full_name": "Sara"}\n5\n')
    refused(sqlite_workspace, scalar, "scalar.json, record 3", "expected an object")


@pytest.mark.parametrize("name", ["export.xls", "export.csv", "export.xlsx", "export.txt"])
def test_a_web_page_saved_under_a_list_name_is_called_html(
    sqlite_workspace: Workspace, write, name: str
) -> None:  # type: ignore[no-untyped-def]
    """A site's "download as Excel" saves an HTML table as .xls; as .csv it was read as a
    list whose only column was '<html><body><table>...'."""
    page = "\ufeff<!DOCTYPE html>\n<html><body><table><tr><th>full_name</th></tr></table></html>"
    refused(sqlite_workspace, write(name, page), f"{name}: this is an HTML page", "save it as XLSX")


def test_an_excel_2003_xml_workbook_is_named_as_such(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    xml = (
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "<Worksheet><Table><Row><Cell><Data>full_name</Data></Cell></Row></Table></Worksheet>"
        "</Workbook>"
    )
    refused(sqlite_workspace, write("old.xls", xml), "old.xls: this is an Excel 2003 XML")
    plain = write("list.xml.csv", '<?xml version="1.0"?>\n<list/>\n')  # other XML: a text list
    refused(sqlite_workspace, plain, "missing required column", error=ImportValidationError)


@pytest.mark.parametrize(
    ("name", "text"),
    [("one.csv", "full_name,age\nAli,20\n"), ("one.json", '[{"full_name": "Ali"}]')],
)
def test_sheet_on_a_list_without_sheets_is_refused_not_ignored(
    sqlite_workspace: Workspace, write, name: str, text: str
) -> None:  # type: ignore[no-untyped-def]
    path = write(name, text)
    message = refused(sqlite_workspace, path, name, "--sheet 'Deaths'", sheet="Deaths")
    assert "has no sheets" in message
    assert import_file(sqlite_workspace, path, "S", principal=ADMIN).records_added == 1
