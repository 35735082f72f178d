"""Spreadsheets as NGOs have them (SYNTHETIC): XLSX damage, XLS and ODS, sheet choice."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN
from support.workbooks import damaged, inline, row, sheet_xml, xlsx

HEAD = row(1, inline("A1", "full_name"), inline("B1", "age"))


def test_a_missing_sheet_part_is_named(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    path = damaged(tmp_path / "m.xlsx", None)
    refused(sqlite_workspace, path, "m.xlsx", "'Data'", "missing")


def test_a_shared_string_index_out_of_range_names_the_cell(
    workspace: Workspace, tmp_path: Path
) -> None:
    sheet = sheet_xml([HEAD, row(2, '<c r="A2" t="s"><v>7</v></c>')])
    path = damaged(tmp_path / "s.xlsx", sheet, shared=["only one"])
    refused(workspace, path, "s.xlsx, sheet 'Data', cell A2", "text table")


def test_a_number_cell_holding_text_names_the_cell(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    sheet = sheet_xml([HEAD, row(2, inline("A2", "Ali"), '<c r="B2"><v>abc</v></c>')])
    refused(sqlite_workspace, damaged(tmp_path / "n.xlsx", sheet), "cell B2", "'abc'")


def test_an_invalid_iso_date_cell_names_the_cell(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    sheet = sheet_xml([HEAD, row(2, inline("A2", "Ali"), '<c r="B2" t="d"><v>2020-13-45</v></c>')])
    refused(sqlite_workspace, damaged(tmp_path / "d.xlsx", sheet), "cell B2", "not an ISO date")


def test_a_formula_without_a_cached_value_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    sheet = sheet_xml([HEAD, row(2, inline("A2", "Ali"), '<c r="B2"><f>20+1</f></c>')])
    refused(
        sqlite_workspace,
        damaged(tmp_path / "f.xlsx", sheet),
        "cell B2",
        "save the workbook in Excel/LibreOffice so values are cached, or export CSV",
    )
    cached = sheet_xml([HEAD, row(2, inline("A2", "Ali"), '<c r="B2"><f>20+1</f><v>21</v></c>')])
    report = import_file(
        sqlite_workspace, damaged(tmp_path / "c.xlsx", cached), "Cached", principal=ADMIN
    )
    assert report.records_added == 1
    with sqlite_workspace.session() as session:
        assert session.scalars(select(Record.age)).all() == [21]


def test_a_dimension_claiming_a_million_rows_reads_the_cells(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    sheet = sheet_xml(
        [HEAD, row(2, inline("A2", "Ali"), inline("B2", "20"))], dimension="A1:XFD1048576"
    )
    started = time.perf_counter()
    report = import_file(
        sqlite_workspace, damaged(tmp_path / "dim.xlsx", sheet), "Dim", principal=ADMIN
    )
    assert report.records_added == 1 and report.rows == 1
    assert time.perf_counter() - started < 20


def test_empty_styled_cells_far_to_the_right_are_not_columns(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """Formatting a range writes empty cells (``<c r="XFD2" s="1"/>``): nothing to read."""
    far = '<c r="XFD2" s="1"/><c r="XFC2" t="inlineStr"><is><t> </t></is></c>'
    path = damaged(tmp_path / "f.xlsx", sheet_xml([HEAD, row(2, inline("A2", "Ali"), far)]))
    assert import_file(sqlite_workspace, path, "F", principal=ADMIN).records_added == 1
    stray = damaged(tmp_path / "g.xlsx", sheet_xml([HEAD, row(2, inline("XFD2", "z"))]))
    refused(sqlite_workspace, stray, "row 2", "column 16,384")


def test_shared_strings_past_the_limit_are_refused_before_reading(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOMAR_MAX_SHARED_STRINGS_BYTES", "100000")
    items = "<si><t>" + "x" * 1000 + "</t></si>"
    bomb = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + items.encode() * 1000
        + b"</sst>"
    )
    sheet = sheet_xml([row(1, '<c r="A1" t="s"><v>0</v></c>')])
    path = damaged(tmp_path / "bomb.xlsx", sheet, shared_raw=bomb)
    assert path.stat().st_size < 50_000  # compressed: it only expands when read
    started = time.perf_counter()
    refused(sqlite_workspace, path, "bomb.xlsx", "text table", "at most 100,000")
    assert time.perf_counter() - started < 15


def test_data_not_on_the_first_sheet_lists_the_sheets(workspace: Workspace, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "two.xlsx",
        {"Read me": [["SYNTHETIC workbook for a test"]], "Victims": [["full_name"], ["Ali"]]},
    )
    refused(
        workspace,
        path,
        "'Read me', 'Victims'",
        "--sheet",
        error=ImportValidationError,
    )
    empty_first = xlsx(tmp_path / "e.xlsx", {"Blank": [], "Victims": [["full_name"], ["Ali"]]})
    refused(workspace, empty_first, "'Blank', 'Victims'", "--sheet")
    refused(workspace, path, "no sheet 'Nope'", "'Read me', 'Victims'", sheet="Nope")
    assert import_file(workspace, path, "Two", sheet="Victims", principal=ADMIN).records_added == 1


def test_title_rows_above_an_xlsx_header(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "t.xlsx",
        {"List": [["SYNTHETIC list"], [], ["full_name", "age"], ["Ali", 20], ["Sara", 300]]},
    )
    refused(
        sqlite_workspace,
        path,
        "the header looks like row 3; use --header-row 3",
        error=ImportValidationError,
    )
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, path, "T", header_row=3, principal=ADMIN)
    assert [(p.sheet, p.row, p.column) for p in info.value.problems] == [("List", 5, "age")]  # type: ignore[attr-defined]


def test_old_excel_xls_imports_like_xlsx(workspace: Workspace, tmp_path: Path) -> None:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    book.add_sheet("Intro").write(0, 0, "SYNTHETIC workbook")
    data = book.add_sheet("Data", cell_overwrite_ok=True)
    for column, text in enumerate(("record_id", "full_name", "date", "age")):
        data.write(0, column, text)
    data.write(1, 0, 1)
    data.write(1, 1, "علی رضایی")
    data.write(1, 2, dt.datetime(2019, 11, 16), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    data.write(1, 3, 24)
    data.write(3, 1, "Sara")
    data.write(3, 3, "old")
    path = tmp_path / "list.xls"
    book.save(str(path))
    refused(workspace, path, "'Intro', 'Data'", "--sheet")
    with pytest.raises(ImportValidationError) as info:
        import_file(workspace, path, "X", sheet="Data", principal=ADMIN)
    assert [(p.sheet, p.row, p.column) for p in info.value.problems] == [("Data", 4, "age")]  # type: ignore[attr-defined]
    data.write(3, 3, 30)
    book.save(str(path))
    report = import_file(workspace, path, "X", sheet="Data", principal=ADMIN)
    assert report.format == "xls" and report.records_added == 2
    with workspace.session() as session:
        dates = session.scalars(select(Record.date_start).order_by(Record.row_number)).all()
    assert dates[0] == dt.date(2019, 11, 16)


def test_libreoffice_ods_imports_like_xlsx(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "list.ods"
    rows = [["record_id", "full_name", "age"], [1, "Ali", 20], [None, None, None], [2, "Sara", "x"]]
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name="Victims", header=False, index=False)
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, path, "O", principal=ADMIN)
    assert [(p.sheet, p.row, p.column) for p in info.value.problems] == [("Victims", 4, "age")]  # type: ignore[attr-defined]
    refused(sqlite_workspace, path, "no sheet 'Nope'", "'Victims'", sheet="Nope")
