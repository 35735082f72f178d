"""Workbooks as they come (SYNTHETIC): chart and hidden sheets, error cells, passwords, XXE."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN
from support.workbooks import MAIN, damaged, inline, ods, ods_cell, ods_row, row, sheet_xml

HEAD = row(1, inline("A1", "full_name"), inline("B1", "age"))


def _names(ws: Workspace) -> list[str]:
    with ws.session() as session:
        return list(session.scalars(select(Record.full_name).order_by(Record.row_number)))


def test_a_chart_sheet_first_is_passed_over_and_never_read(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    data = book.active
    data.title = "Data"
    for values in (["full_name", "age"], ["Ali", 20]):
        data.append(values)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=2))
    book.create_chartsheet("Chart", 0).add_chart(chart)
    path = tmp_path / "chart.xlsx"
    book.save(path)
    refused(sqlite_workspace, path, "'Chart' is a chart sheet", "'Chart', 'Data'", sheet="Chart")
    report = import_file(sqlite_workspace, path, "C", principal=ADMIN)
    assert report.sheet == "Data" and report.records_added == 1


def test_a_hidden_first_sheet_is_not_the_default_and_the_report_says_so(
    workspace: Workspace, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    old = book.active
    old.title = "Old copy"
    old.append(["full_name"])
    old.append(["Hidden Person"])
    old.sheet_state = "veryHidden"
    shown = book.create_sheet("Victims")
    shown.append(["full_name"])
    shown.append(["Ali"])
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    report = import_file(workspace, path, "H", principal=ADMIN)
    assert report.sheet == "Victims" and _names(workspace) == ["Ali"]
    assert any("hidden sheet(s) 'Old copy' were not read" in w for w in report.warnings)
    again = import_file(workspace, path, "H2", sheet="Old copy", replace="1", principal=ADMIN)
    assert any("is hidden in the workbook" in w for w in again.warnings)


def test_an_old_excel_hidden_sheet_is_passed_over_too(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    old = book.add_sheet("Old")
    old.write(0, 0, "full_name")
    old.write(1, 0, "Hidden Person")
    old.visibility = 1
    shown = book.add_sheet("Victims")
    shown.write(0, 0, "full_name")
    shown.write(1, 0, "Ali")
    path = tmp_path / "hidden.xls"
    book.save(str(path))
    report = import_file(sqlite_workspace, path, "H", principal=ADMIN)
    assert report.sheet == "Victims" and _names(sqlite_workspace) == ["Ali"]


def test_error_cells_are_refused_at_their_cell_not_imported_as_text(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    import xlwt

    sheet = sheet_xml([HEAD, row(2, '<c r="A2" t="e"><v>#REF!</v></c>', inline("B2", "20"))])
    refused(sqlite_workspace, damaged(tmp_path / "e.xlsx", sheet), "cell A2", "#REF!", "formula")
    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    data.write(0, 0, "full_name")
    data.write(0, 1, "age")
    data.write(1, 0, "Ali")
    data.row(1).set_cell_error(1, "#DIV/0!")
    path = tmp_path / "e.xls"
    book.save(str(path))
    refused(sqlite_workspace, path, "e.xls, sheet 'Data', cell B2", "#DIV/0!")


def test_date_cells_no_calendar_reaches_are_refused_at_their_cell(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """A negative serial (Excel shows ####) would be a date in 1899; one past 9999, an error."""
    import xlwt

    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    data.write(0, 0, "full_name")
    data.write(0, 1, "date")
    data.write(1, 0, "Ali")
    data.write(1, 1, -5.0, xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    path = tmp_path / "neg.xls"
    book.save(str(path))
    refused(sqlite_workspace, path, "cell B2", "serial number -5.0")
    for serial in ("-3", "9999999"):
        path = _xlsx_date_cell(tmp_path / f"d{serial}.xlsx", serial)
        refused(sqlite_workspace, path, "cell B2", f"serial number '{serial}'")
    good = _xlsx_date_cell(tmp_path / "good.xlsx", "43785")
    assert import_file(sqlite_workspace, good, "D", principal=ADMIN).records_added == 1


def _xlsx_date_cell(path: Path, serial: str) -> Path:
    """A workbook whose cell B2 is styled as a date and holds the serial number ``serial``."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["full_name", "date"])
    book.active.append(["Ali", dt.date(2019, 11, 16)])  # serial 43785
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    part = "xl/worksheets/sheet1.xml"
    assert b"<v>43785</v>" in parts[part]
    parts[part] = parts[part].replace(b"<v>43785</v>", f"<v>{serial}</v>".encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return path


def test_password_protected_workbooks_say_so(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    book.add_sheet("Data").write(0, 0, "full_name")
    bof = book._Workbook__bof_rec  # a FILEPASS record (RC4) after the workbook's BOF
    book._Workbook__bof_rec = lambda: (
        bof() + struct.pack("<HH", 0x2F, 54) + b"\x01\x00\x01\x00" + b"\x00" * 50
    )
    path = tmp_path / "locked.xls"
    book.save(str(path))
    refused(sqlite_workspace, path, "locked.xls: the workbook is password-protected")
    # an encrypted XLSX is an OLE container with an EncryptedPackage stream, not a ZIP
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 70_000
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    refused(sqlite_workspace, locked, "locked.xlsx: the workbook is password-protected")


def test_external_entities_and_entity_bombs_are_refused_without_reading_them(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    doctype = f'<!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()
    xxe = doctype + sheet_xml([row(1, inline("A1", "full_name")), row(2, inline("A2", "&x;"))])
    path = damaged(tmp_path / "xxe.xlsx", xxe.replace(b"&amp;x;", b"&x;"))
    message = refused(sqlite_workspace, path, "xl/worksheets/sheet1.xml declares a DTD")
    assert "SECRET" not in message
    lol = b'<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
    )
    shared = (
        lol + f']><sst xmlns="{MAIN}"><si><t>full_name</t></si><si><t>&j;</t></si></sst>'.encode()
    )
    cells = [row(1, '<c r="A1" t="s"><v>0</v></c>'), row(2, '<c r="A2" t="s"><v>1</v></c>')]
    lol_path = damaged(tmp_path / "lol.xlsx", sheet_xml(cells), shared_raw=shared)
    refused(sqlite_workspace, lol_path, "xl/sharedStrings.xml declares a DTD")
    content = ods(tmp_path / "x.ods", [ods_row(ods_cell("full_name")), ods_row(ods_cell("XXX"))])
    with zipfile.ZipFile(content) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(b"?>", b"?>" + doctype, 1)
    parts["content.xml"] = parts["content.xml"].replace(b"XXX", b"&x;")
    with zipfile.ZipFile(content, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)
    message = refused(sqlite_workspace, content, "x.ods: the workbook's part content.xml declares")
    assert "SECRET" not in message


def test_one_old_excel_cell_at_the_last_row_and_column_is_read_quickly_and_named(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """xlrd padded every row to the widest (65,536 × 256 cells): 30 s for one stray cell."""
    import time

    import xlwt

    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    data.write(0, 0, "full_name")
    data.write(1, 0, "Ali")
    data.write(65535, 255, "stray")
    path = tmp_path / "far.xls"
    book.save(str(path))
    started = time.perf_counter()
    message = refused(
        sqlite_workspace, path, "row 65536", "256 cells", "stray value", error=ImportValidationError
    )
    assert "delimiter" not in message
    assert time.perf_counter() - started < 15


def test_an_ods_error_cell_is_refused_not_read_as_empty(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """calamine reads LibreOffice's error cells as empty: the size pass finds them."""
    failed = (
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
    )
    rows = [
        ods_row(ods_cell("full_name"), ods_cell("age")),
        ods_row(ods_cell("Ali"), ods_cell("20")),
        ods_row(ods_cell(None, repeat=2), ods_cell("x")),  # row 3: the error is C4 below
        ods_row(ods_cell("Sara"), ods_cell(None), failed),
    ]
    path = ods(tmp_path / "e.ods", rows)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    calcext = (
        b'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    )
    parts["content.xml"] = parts["content.xml"].replace(
        b"office:version", calcext + b"office:version"
    )
    with zipfile.ZipFile(path, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)
    refused(sqlite_workspace, path, "e.ods, sheet 'Victims', cell C4", "spreadsheet error")


def _with_sheet_parts(path: Path, *sheets: bytes) -> Path:
    """``path`` (a workbook) rewritten with its sheet part stored once per item of ``sheets``."""
    import warnings

    with zipfile.ZipFile(path) as archive:
        parts = [(i.filename, archive.read(i.filename)) for i in archive.infolist()]
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of the test
        for part, data in parts:
            for content in sheets if part == "xl/worksheets/sheet1.xml" else (data,):
                target.writestr(part, content)
    return path


def test_a_sheet_part_stored_twice_is_refused(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    """Python reads the last copy, other readers the first: the list Excel shows is not the
    one imported."""
    path = tmp_path / "twice.xlsx"
    from support.workbooks import xlsx

    xlsx(path, {"Data": [["full_name"], ["Synthetic Shown"]]})
    with zipfile.ZipFile(path) as archive:
        shown = archive.read("xl/worksheets/sheet1.xml")
    _with_sheet_parts(path, shown, shown.replace(b"Synthetic Shown", b"Synthetic Hidden"))
    refused(sqlite_workspace, path, "twice.xlsx", "part xl/worksheets/sheet1.xml twice")


def test_a_sheet_part_that_expands_a_thousand_times_is_refused_quickly(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    import time

    from shomar.ingest.sheets import BOMB_BYTES

    path = tmp_path / "bomb.xlsx"
    from support.workbooks import xlsx

    xlsx(path, {"Data": [["full_name"], ["Synthetic Ali"]]})
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (BOMB_BYTES + 1024), 1)
    _with_sheet_parts(path, padded)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    refused(sqlite_workspace, path, "bomb.xlsx", "xl/worksheets/sheet1.xml expands", "ZIP bomb")
    assert time.perf_counter() - started < 10


def test_a_nul_in_an_old_excel_cell_is_refused_at_its_cell(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """CSV and JSON refuse NUL; an XLS string cell carried it into the store."""
    import xlwt

    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    for column, value in enumerate(["full_name", "notes"]):
        data.write(0, column, value)
    data.write(1, 0, "Synthetic Ali")
    data.write(1, 1, "a\x00b")
    path = tmp_path / "nul.xls"
    book.save(str(path))
    refused(sqlite_workspace, path, "nul.xls, sheet 'Data', cell B2", "NUL character")
