"""Where the header really is: title rows above it, or the list on another sheet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: rows after the presumed header searched for the real one
LOOKAHEAD_ROWS = 20


def header_hint(table: Any, mapping: Any, required: Iterable[str]) -> str | None:
    """A hint when the header names no required column: a later row that does, or other sheets.

    ``table`` is a :class:`~shomar.ingest.readers.Table` (its next rows are peeked, not
    consumed); ``mapping`` resolves a candidate header like the real one.
    """
    wanted = set(required)
    for row in table.peek(LOOKAHEAD_ROWS):
        header = tuple(cell.strip() for cell in row.cells)
        if wanted & set(mapping.resolve(header).values()):
            above = (
                f"row {table.header_row}"
                if row.number - 1 == table.header_row
                else f"rows {table.header_row}-{row.number - 1}"
            )
            return (
                f"The first {above} look like a title: the header looks like row "
                f"{row.number}; use --header-row {row.number}."
            )
    others = [n for n in getattr(table, "sheet_names", ()) if n != table.sheet]
    if others:
        names = ", ".join(repr(n) for n in table.sheet_names)
        return (
            f"The list may be on another sheet: this workbook has {names}. Choose one with "
            "--sheet NAME (or map your column names with --mapping FILE)."
        )
    return None
