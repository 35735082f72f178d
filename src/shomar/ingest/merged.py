"""Merged cells in spreadsheets: read as the sheet shows them, and said so.

Lists kept in spreadsheets often merge a column down over a group of rows (one event, prison
or date written once beside many names). A reader that only sees the stored cell would give the
first row the value and the others nothing: records silently without their event. A range that
covers one column is therefore read into every row it covers; a range across several columns
keeps its value in its first column only (which field it belongs to is not knowable). Either way
the import report names the ranges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from openpyxl.utils.cell import range_boundaries

from shomar.domain.said import said

#: a <mergeCell ref="B2:B40"/> element of a worksheet's XML (any namespace prefix)
MERGE_CELL = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}[0-9]+(?::[A-Za-z]{1,3}[0-9]+)?)"'
)
_CHUNK = 1 << 20
_OVERLAP = 256  # longer than any mergeCell element, so none is split between two reads
_LISTED = 5  # ranges named in a note before "and N more"


@dataclass(frozen=True)
class MergedRange:
    """A merged block of cells; rows and columns numbered from 1, both ends included."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def ref(self) -> str:
        from openpyxl.utils.cell import get_column_letter

        start = f"{get_column_letter(self.first_column)}{self.first_row}"
        end = f"{get_column_letter(self.last_column)}{self.last_row}"
        return start if start == end else f"{start}:{end}"

    @property
    def one_column(self) -> bool:
        return self.first_column == self.last_column


def parse_range(ref: str) -> MergedRange | None:
    """``"B2:B40"`` as a range; ``None`` for a single cell or a reference that is not one."""
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.upper())
    except ValueError:
        return None
    if None in (min_col, min_row, max_col, max_row):
        return None
    merged = MergedRange(int(min_row), int(min_col), int(max_row), int(max_col))  # type: ignore[arg-type]
    if merged.first_row == merged.last_row and merged.one_column:
        return None
    return merged


def scan_xlsx_merges(stream: IO[bytes]) -> list[MergedRange]:
    """The merged ranges a worksheet's XML lists (read in chunks: the file may be large)."""
    found: dict[bytes, MergedRange] = {}
    tail = b""
    with stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            for match in MERGE_CELL.finditer(data):
                ref = match.group(1)
                if ref not in found and (merged := parse_range(ref.decode("ascii"))):
                    found[ref] = merged
            tail = data[-_OVERLAP:]
    return sorted(found.values(), key=lambda m: (m.first_row, m.first_column))


def fill_merged(
    rows: Iterable[tuple[int, list[str]]], ranges: list[MergedRange]
) -> Iterator[tuple[int, list[str]]]:
    """``rows`` with each one-column range's value written into every row it covers."""
    down = [m for m in ranges if m.one_column and m.last_row > m.first_row]
    if not down:
        yield from rows
        return
    values: dict[MergedRange, str] = {}
    waiting = iter(down)  # sorted by first row
    pending = next(waiting, None)
    open_ranges: list[MergedRange] = []
    for number, texts in rows:
        while pending is not None and pending.first_row <= number:
            open_ranges.append(pending)
            pending = next(waiting, None)
        still_open = []
        for merged in open_ranges:
            if merged.last_row < number:
                continue
            still_open.append(merged)
            index = merged.first_column - 1
            if number == merged.first_row:
                values[merged] = texts[index] if index < len(texts) else ""
                continue
            value = values.get(merged, "")
            if not value:
                continue
            if index >= len(texts):
                texts.extend([""] * (index + 1 - len(texts)))
            if not texts[index].strip():
                texts[index] = value
        open_ranges = still_open
        yield number, texts


def merge_notes(sheet: str, ranges: list[MergedRange]) -> list[str]:
    """What the import report says about merged ranges (those below the header)."""
    filled = [m for m in ranges if m.one_column]
    across = [m for m in ranges if not m.one_column]
    notes: list[str] = []
    if filled:
        cells = sum(m.last_row - m.first_row for m in filled)
        notes.append(
            said(
                "sheet %(sheet)s has %(n)s merged range(s) down a column (%(ranges)s): each "
                "range's value was read into every row it covers (%(cells)s cell(s) that are "
                "empty in the file). Check that this is what the merge meant.",
                sheet=repr(sheet),
                n=str(len(filled)),
                ranges=_listing(filled),
                cells=cells,
            )
        )
    if across:
        notes.append(
            said(
                "sheet %(sheet)s has %(n)s merged range(s) across columns (%(ranges)s): each "
                "value was kept in the range's first column only.",
                sheet=repr(sheet),
                n=str(len(across)),
                ranges=_listing(across),
            )
        )
    return notes


def _listing(ranges: list[MergedRange]) -> str:
    shown = ", ".join(m.ref for m in ranges[:_LISTED])
    more = len(ranges) - _LISTED
    return said("%(shown)s and %(more)s more", shown=shown, more=more) if more > 0 else shown
