"""Merged cells are read as the sheet shows them, and the import report says so (SYNTHETIC).

A column merged down over a group of rows (one event beside many names) once gave the first
row the value and the others nothing: records silently without their event.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from shomar.ingest.merged import MergedRange, fill_merged, parse_range, scan_xlsx_merges
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN

ROWS = [
    ["full_name", "place", "notes"],
    ["Synthetic Person One", "Evin", "a"],
    ["Synthetic Person Two", None, "b"],
    ["Synthetic Person Three", None, "c"],
    ["Synthetic Person Four", "Qezel Hesar", None],
]


def _workbook(path: Path, merges: list[str], title_row: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title_row:
        sheet.append(["SYNTHETIC list title", None, None])
    for row in ROWS:
        sheet.append(row)
    for ref in merges:
        sheet.merge_cells(ref)
    book.save(path)
    return path


def _places(ws: Workspace) -> list[str | None]:
    with ws.session() as session:
        return [r.place for r in session.scalars(select(Record).order_by(Record.id))]


def test_a_column_merged_down_gives_every_row_its_value_and_is_reported(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "merged.xlsx", ["B2:B4"])
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    assert _places(sqlite_workspace) == ["Evin", "Evin", "Evin", "Qezel Hesar"]
    (note,) = [w for w in report.warnings if "merged" in w]
    assert "B2:B4" in note and "2 cell(s)" in note


def test_a_range_across_columns_keeps_its_value_in_the_first_column_and_is_reported(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "across.xlsx", ["B5:C5"])
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    assert _places(sqlite_workspace)[-1] == "Qezel Hesar"
    assert any("across columns (B5:C5)" in w for w in report.warnings), report.warnings


def test_a_merged_title_above_the_header_is_not_reported(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "title.xlsx", ["A1:C1"], title_row=True)
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN, header_row=2)
    assert not any("merged" in w for w in report.warnings), report.warnings
    assert len(_places(sqlite_workspace)) == 4


def test_an_old_excel_workbook_fills_its_merged_column_too(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Victims")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            if value is not None and not (c == 1 and r in (1, 2, 3)):
                sheet.write(r, c, value)
    sheet.write_merge(1, 3, 1, 1, "Evin")  # rows 2-4, column B
    path = tmp_path / "old.xls"
    book.save(str(path))
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    assert _places(sqlite_workspace) == ["Evin", "Evin", "Evin", "Qezel Hesar"]
    assert any("B2:B4" in w for w in report.warnings), report.warnings


def test_the_scan_finds_ranges_split_between_reads() -> None:
    element = b'<mergeCell ref="C10:C20"/>'
    data = b"x" * ((1 << 20) - 10) + element + b'<x:mergeCell ref="D1:E1"/>'
    ranges = scan_xlsx_merges(io.BytesIO(data))
    assert [m.ref for m in ranges] == ["D1:E1", "C10:C20"]


def test_parse_range_ignores_single_cells_and_nonsense() -> None:
    assert parse_range("B2") is None and parse_range("B2:B2") is None
    assert parse_range("zz") is None
    assert parse_range("b2:b4") == MergedRange(2, 2, 4, 2)


def test_fill_keeps_what_a_covered_cell_already_holds() -> None:
    rows = [(2, ["a", "X"]), (3, ["b", ""]), (4, ["c", "kept"]), (6, ["d"])]
    filled = list(fill_merged(iter(rows), [MergedRange(2, 2, 6, 2)]))
    assert [t[1] for _, t in filled] == ["X", "X", "kept", "X"]
