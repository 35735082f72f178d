"""ODS files whose few bytes declare millions of repeated cells (SYNTHETIC): refused before
any reader expands them, with the sheet and row named; what LibreOffice itself writes (empty
cells and rows repeated to the sheet's edge) still imports."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from shomar.ingest.ods_size import declared_sizes
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN
from support.workbooks import ods, ods_cell, ods_row

HEADER = ods_row(ods_cell("record_id"), ods_cell("full_name"), ods_cell("date"))
FIRST = ods_row(ods_cell("A-1"), ods_cell("SYNTHETIC Ali"), ods_cell("1398-08-25"))


def test_one_cell_repeated_five_million_times_is_refused_at_once(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = ods(tmp_path / "wide.ods", [HEADER, ods_row(ods_cell("A-2"), ods_cell("z", 5_000_000))])
    start = time.perf_counter()
    refused(sqlite_workspace, path, "sheet 'Victims'", "row 2", "5,000,001 cells", "2,000 columns")
    assert time.perf_counter() - start < 10  # expanded, this file took minutes


def test_rows_past_a_spreadsheets_last_row_are_refused(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    many = ods_row(ods_cell("A-2"), ods_cell("x"), ods_cell("1398-08-25"), repeat=2_000_000)
    path = ods(tmp_path / "long.ods", [HEADER, FIRST, many])
    refused(sqlite_workspace, path, "2,000,002 rows", "1,048,576")


def test_a_sheet_expanding_past_the_cell_limit_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOMAR_MAX_SHEET_CELLS", "1000")
    rows = ods_row(ods_cell("A-2"), ods_cell("x", 9), repeat=500)
    path = ods(tmp_path / "square.ods", [HEADER, rows])
    refused(
        sqlite_workspace, path, "5,010 cells", "501 rows × 10 columns", "SHOMAR_MAX_SHEET_CELLS"
    )


def test_libreoffices_empty_cells_and_rows_to_the_sheet_edge_import(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """LibreOffice writes every sheet this way: the empty rest repeated to 16,384 × 1,048,576."""
    edge = ods_row(ods_cell(None, 16_384), repeat=1_048_574)
    padded = ods_row(
        ods_cell("A-1"), ods_cell("SYNTHETIC Ali"), ods_cell("1398-08-25"), ods_cell(None, 16_381)
    )
    path = ods(tmp_path / "saved.ods", [HEADER, padded, edge])
    result = import_file(sqlite_workspace, path, "O", principal=ADMIN)
    assert result.records_added == 1
    with sqlite_workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 1


def test_covered_cells_of_a_merged_range_read_as_empty(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    merged = ods_row(ods_cell("A-2"), ods_cell("SYNTHETIC Sara"), ods_cell(None, covered=True))
    path = ods(tmp_path / "merged.ods", [HEADER, FIRST, merged])
    import_file(sqlite_workspace, path, "O", principal=ADMIN)
    with sqlite_workspace.session() as session:
        dates = session.scalars(select(Record.date_text).order_by(Record.row_number)).all()
    assert dates == ["1398-08-25", ""]


@pytest.mark.parametrize(
    "rows",
    [
        [HEADER, FIRST],
        [HEADER, ods_row(ods_cell("A-2"), ods_cell("x", 3), ods_cell(None, 50), ods_cell("y"))],
        [HEADER, ods_row(ods_cell(None, 4), repeat=7), FIRST, ods_row(ods_cell(None), repeat=99)],
        [ods_row(ods_cell(None, 2), ods_cell("b", 2), repeat=3), ods_row(ods_cell(None, 9))],
    ],
)
def test_the_declared_size_is_the_size_the_reader_expands_to(
    tmp_path: Path, rows: list[str]
) -> None:
    path = ods(tmp_path / "s.ods", rows)
    with zipfile.ZipFile(path) as archive:
        size = declared_sizes(archive)["Victims"]
    cells = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Victims")
    expanded = cells.to_python(skip_empty_area=False)
    assert (size.rows, size.columns) == (len(expanded), max(map(len, expanded)))
