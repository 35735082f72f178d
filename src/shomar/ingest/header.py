"""Where the header really is: title rows above it, or the list on another sheet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from shomar.domain.said import said

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
            if row.number - 1 == table.header_row:
                return said(
                    "Row %(title)s looks like a title: the header looks like row %(row)s; use "
                    "--header-row %(row)s.",
                    title=str(table.header_row),
                    row=str(row.number),
                )
            return said(
                "Rows %(first)s-%(last)s look like a title: the header looks like row %(row)s; "
                "use --header-row %(row)s.",
                first=str(table.header_row),
                last=str(row.number - 1),
                row=str(row.number),
            )
    others = [n for n in getattr(table, "sheet_names", ()) if n != table.sheet]
    if others:
        return said(
            "The list may be on another sheet: this workbook has %(sheets)s. Choose one with "
            "--sheet NAME (or map your column names with --mapping FILE).",
            sheets=", ".join(repr(n) for n in table.sheet_names),
        )
    return None
