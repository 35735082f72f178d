"""Readers that stream rows out of CSV, XLSX and JSON files.

Each reader yields :class:`RawRow` objects: the row number as a spreadsheet shows it (header =
row 1), the sheet, and the cells exactly as read. Problems that stop reading (broken quoting,
an unreadable workbook) are raised as :class:`~shomar.errors.InputError` naming file and row.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shomar.errors import InputError
from shomar.ingest.sheets import pick_sheet

DELIMITERS = (",", ";", "\t", "|")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class RawRow:
    number: int
    sheet: str | None
    cells: tuple[str, ...]


@dataclass
class Table:
    """A readable table: its header and a row iterator (consumed once)."""

    header: tuple[str, ...]
    rows: Iterator[RawRow]
    sheet: str | None = None
    delimiter: str | None = None


def guess_delimiter(first_line: str) -> str:
    """The candidate delimiter that splits the header line most (outside quotes)."""
    counts = {}
    for delimiter in DELIMITERS:
        row = next(csv.reader([first_line], delimiter=delimiter), [])
        counts[delimiter] = len(row)
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def read_csv(path: Path, encoding: str) -> Table:
    handle = path.open("r", encoding=encoding, newline="")
    try:
        first_line = handle.readline()
        while first_line and not first_line.strip():  # blank lines before the header
            first_line = handle.readline()
    except UnicodeDecodeError as exc:
        handle.close()
        raise InputError(
            f"{path.name}, row 1: the bytes are not valid {encoding} ({exc.reason}).",
            hint="Leave out --encoding to detect it, or name the right one.",
        ) from exc
    handle.seek(0)
    delimiter = guess_delimiter(first_line.rstrip("\r\n"))
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
    except StopIteration:
        handle.close()
        raise InputError(
            f"{path.name}: the file is empty.", hint="Expected a header row."
        ) from None
    except csv.Error as exc:
        handle.close()
        raise InputError(f"{path.name}, row 1: the header cannot be read as CSV ({exc}).") from exc
    header = [h.strip().lstrip("\ufeff") for h in header]

    header_row = reader.line_num

    def rows() -> Iterator[RawRow]:
        number = header_row
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{path.name}, row {number + 1}: the bytes there are not valid "
                        f"{encoding} ({exc.reason}).",
                        hint="Leave out --encoding to detect it, or name the right one.",
                    ) from exc
                except csv.Error as exc:
                    raise InputError(
                        f"{path.name}, row {number + 1}: the CSV is malformed ({exc}); a quoted "
                        "cell is probably never closed (unbalanced quotes).",
                        hint="Check the quotes on that row; a quote inside a cell must be "
                        'doubled ("").',
                    ) from exc
                number += 1
                if not any(c.strip() for c in cells):
                    continue
                yield RawRow(number, None, tuple(cells))
        finally:
            handle.close()

    return Table(tuple(header), rows(), None, delimiter)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken archive
        raise InputError(f"{path.name}: the workbook cannot be opened ({exc}).") from exc
    names = workbook.sheetnames
    if sheet is None:
        sheet = names[0]
    sheet = pick_sheet(sheet, names)
    if sheet not in names:
        workbook.close()
        raise InputError(
            f"{path.name}: there is no sheet {sheet!r}.",
            hint=f"Sheets in this workbook: {', '.join(names)}. Choose one with --sheet.",
        )
    worksheet = workbook[sheet]
    iterator = worksheet.iter_rows(values_only=True)
    header: list[str] | None = None
    number = 0
    for values in iterator:
        number += 1
        if any(v is not None and str(v).strip() for v in values):
            header = [_cell_text(v).strip() for v in values]
            break
    if header is None:
        workbook.close()
        raise InputError(f"{path.name}, sheet {sheet!r}: the sheet is empty.")
    while header and not header[-1]:
        header.pop()
    start = number

    def rows() -> Iterator[RawRow]:
        n = start
        try:
            for values in iterator:
                n += 1
                texts = [_cell_text(v) for v in values]
                while len(texts) > len(header or []) and not texts[-1].strip():
                    texts.pop()  # empty cells past the header; others are reported
                cells = tuple(texts)
                if any(c.strip() for c in cells):
                    yield RawRow(n, sheet, cells)
        finally:
            workbook.close()

    return Table(tuple(header), rows(), sheet)


def read_json(path: Path, encoding: str) -> Table:
    try:
        data = json.loads(path.read_text(encoding=encoding))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path.name}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        data = data["records"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError(
            f"{path.name}: expected a JSON list of objects (one per record), or an object with "
            "a `records` list."
        )
    header: list[str] = []
    for item in data:
        for key in item:
            if key not in header:
                header.append(key)
    for index, item in enumerate(data, start=2):
        for key, value in item.items():
            if isinstance(value, dict | list):
                raise InputError(
                    f"{path.name}, record {index - 1}, field {key!r}: nested values are not "
                    "supported.",
                    hint="Give each field a single text or number value.",
                )

    def rows() -> Iterator[RawRow]:
        for index, item in enumerate(data, start=2):
            yield RawRow(index, None, tuple(_cell_text(item.get(k)) for k in header))

    return Table(tuple(header), rows(), None)


def open_table(path: Path, fmt: str, encoding: str | None, sheet: str | None) -> Table:
    if fmt == "xlsx":
        return read_xlsx(path, sheet)
    if fmt == "json":
        return read_json(path, encoding or "utf-8")
    return read_csv(path, encoding or "utf-8")


__all__ = ["RawRow", "Table", "guess_delimiter", "open_table"]
