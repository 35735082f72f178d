"""The sheets a workbook offers to choose from on the upload page."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from shomar.ingest.sheets import sheet_names


def test_a_workbooks_sheets_in_their_order(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Notes"
    book.create_sheet("فهرست")
    book.create_sheet("Sources")
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert sheet_names(path, "xlsx") == ["Notes", "فهرست", "Sources"]


def test_a_text_list_or_a_damaged_workbook_offers_none(tmp_path: Path) -> None:
    text = tmp_path / "list.csv"
    text.write_text("record_id,full_name\n1,Synthetic Name\n", encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert sheet_names(text, "csv") == []
    assert sheet_names(broken, "xlsx") == []
