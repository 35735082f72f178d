"""Why a workbook's cell or sheet is refused, said so another language can say it again
(:mod:`shomar.domain.said`): a cell whose value its type cannot hold, a spreadsheet error,
a sheet the reader cannot read. :mod:`shomar.ingest.sheets` names the file, sheet and cell."""

from __future__ import annotations

from shomar.domain.said import Said, said
from shomar.errors import InputError
from shomar.ingest.readers import in_sheet

__all__ = [
    "SAVE_AGAIN",
    "cell_refused",
    "damaged_cell_message",
    "error_cell_message",
    "serial_not_shown",
    "sheet_unreadable",
]


def damaged_cell_message(kind: str, shown: str) -> Said:
    """Why a cell whose value does not fit its type is refused (``shown``: its value)."""
    if kind == "n":
        return said(
            "a number cell holds %(value)s, which it cannot hold (the file is damaged)",
            value=shown,
        )
    if kind == "d":
        return said(
            "a date cell holds %(value)s (not an ISO date), which it cannot hold (the file is "
            "damaged)",
            value=shown,
        )
    if kind == "b":
        return said(
            "a true/false cell holds %(value)s, which it cannot hold (the file is damaged)",
            value=shown,
        )
    if kind == "s":
        return said(
            "a text-table cell holds %(value)s, which it cannot hold (the file is damaged)",
            value=shown,
        )
    return said("the cell holds %(value)s, which it cannot hold (the file is damaged)", value=shown)


def serial_not_shown(value: str) -> Said:
    """Why a date cell is refused whose serial number no calendar reaches (``value``: quoted)."""
    return said(
        "a date cell holds the serial number %(value)s, which is not a date a spreadsheet "
        "can show (negative, or past the year 9999); write the date as text or correct the "
        "cell",
        value=value,
    )


def error_cell_message(code: str | None) -> Said:
    """The message for a cell holding a spreadsheet error (``#REF!``, ``#N/A``)."""
    if code:
        return said(
            "the cell holds the spreadsheet error %(code)s (a formula that failed), not a value; "
            "correct the formula or clear the cell (delete the column if the list does not need "
            "it)",
            code=code,
        )
    return said(
        "the cell holds a spreadsheet error (such as #DIV/0!) (a formula that failed), not a "
        "value; correct the formula or clear the cell (delete the column if the list does not "
        "need it)"
    )


#: the hint of a workbook whose parts are damaged
SAVE_AGAIN = said("Open and save it again in Excel/LibreOffice, or export the sheet as CSV.")


def cell_refused(where: Said, coordinate: str, message: Said) -> InputError:
    """The refusal of a workbook whose cell cannot be imported (``where``: file and sheet)."""
    return InputError(
        said("%(where)s, cell %(cell)s: %(problem)s; nothing was imported.",
             where=where, cell=coordinate, problem=message)
    )  # fmt: skip


def sheet_unreadable(name: str, sheet: str | None, exc: Exception) -> InputError:
    return InputError(
        said("%(where)s: the sheet cannot be read (%(error)s).", where=in_sheet(name, sheet),
             error=str(exc))
    )  # fmt: skip
