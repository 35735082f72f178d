"""Reading spreadsheets: XLSX (openpyxl), old Excel XLS (xlrd) and LibreOffice ODS (calamine).

All three give the same :class:`~shomar.ingest.readers.Table`: the chosen sheet (``--sheet``,
else the first visible one that is not a chart), rows numbered as the spreadsheet shows them,
cells as their text. A cell holding a spreadsheet error (``#REF!``) or a date serial number
no calendar reaches is refused at its cell: its text would be imported as a value.

XLSX is read cell by cell from the sheet's XML, never from the size the file declares (a
workbook claiming 1,048,576 rows is read as the rows it has). A broken cell (a text index past
the workbook's text table, a number cell holding text, a date cell that is not an ISO date) is
an error naming the cell; a formula whose value was never computed is refused (its value would
be silently empty). A text table (``sharedStrings.xml``) larger than
``max_shared_strings_bytes`` is refused before it is read. An ODS sheet is read whole, so its
size (repeated cells and rows expanded) is checked first: at most ``max_columns`` columns,
a spreadsheet's 1,048,576 rows and ``max_sheet_cells`` cells.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import unescape

from shomar.config import settings
from shomar.domain.names_key import match_key
from shomar.domain.said import Said, said
from shomar.errors import InputError
from shomar.ingest.cell_refusals import (
    SAVE_AGAIN,
    cell_refused,
    damaged_cell_message,
    error_cell_message,
    serial_not_shown,
    sheet_unreadable,
)
from shomar.ingest.files import display_name, password_protected
from shomar.ingest.merged import MergedRange, fill_merged, merge_notes, scan_xlsx_merges
from shomar.ingest.ods_size import SHEET_MAX_ROWS, SheetSize, declared_sizes
from shomar.ingest.readers import Limits, RawRow, Table, check_header, in_sheet

#: a cell's value element in a sheet's XML
VALUE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v"
SHEET_NAME = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"')


def cell_text(value: Any) -> str:
    """A cell's value as text: whole numbers without ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _CellError(Exception):
    def __init__(self, coordinate: str, message: Said) -> None:
        super().__init__(message)
        self.coordinate = coordinate
        self.message = message


def _choose_sheet(
    name: str,
    names: Sequence[str],
    sheet: str | None,
    hidden: Collection[str] = (),
    charts: Collection[str] = (),
) -> str:
    """The sheet to read: ``sheet`` (as typed), else the first visible sheet that is a table.

    A hidden or very hidden sheet is never the default: the documenter who looks at the
    workbook does not see it (an old copy of the list, a lookup table). A chart sheet holds
    no table at all.
    """
    if not names:
        raise InputError(said("%(file)s: the workbook has no sheets.", file=name))
    if sheet is None:
        shown = [n for n in names if n not in hidden and n not in charts]
        if shown:
            return shown[0]
        tables = [n for n in names if n not in charts]
        if not tables:
            raise InputError(
                said(
                    "%(file)s: the workbook has only chart sheets (%(sheets)s): no table to "
                    "import.",
                    file=name,
                    sheets=_listing(names),
                ),
                hint=said("Import the workbook that holds the list's data."),
            )
        raise InputError(
            said(
                "%(file)s: every sheet of the workbook is hidden (%(sheets)s).",
                file=name,
                sheets=_listing(tables),
            ),
            hint=said("Choose the sheet with the list with --sheet NAME."),
        )
    chosen = _named_sheet(names, sheet)
    if chosen is None:
        raise InputError(
            said("%(file)s: there is no sheet %(sheet)s.", file=name, sheet=repr(sheet)),
            hint=said(
                "Sheets in this workbook: %(sheets)s. Choose one with --sheet NAME.",
                sheets=_listing(names),
            ),
        )
    if chosen in charts:
        raise InputError(
            said(
                "%(file)s: the sheet %(sheet)s is a chart sheet: it holds no table to import.",
                file=name,
                sheet=repr(chosen),
            ),
            hint=said(
                "Sheets in this workbook: %(sheets)s. Choose one with --sheet NAME.",
                sheets=_listing(names),
            ),
        )
    return chosen


def _named_sheet(names: Sequence[str], sheet: str) -> str | None:
    if sheet in names:
        return sheet
    key = match_key(sheet)  # the name as typed: Persian letter forms, ZWNJ and case aside
    folded = [n for n in names if match_key(n) == key]
    return folded[0] if len(folded) == 1 else None


def _hidden_note(chosen: str, hidden: Collection[str], asked: bool) -> list[str]:
    """What the report says of hidden sheets: left out by default, or read because asked."""
    if chosen in hidden:
        return [
            said(
                "the sheet %(sheet)s is hidden in the workbook; it was read because --sheet "
                "names it",
                sheet=repr(chosen),
            )
        ]
    if hidden and not asked:
        return [
            said(
                "the workbook's hidden sheet(s) %(hidden)s were not read (the first visible "
                "sheet, %(sheet)s, was); choose another with --sheet NAME",
                hidden=_listing(sorted(hidden)),
                sheet=repr(chosen),
            )
        ]
    return []


def _listing(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names)


def _table(
    name: str,
    sheet: str,
    names: Sequence[str],
    rows: Iterator[tuple[int, list[str]]],
    header_row: int | None,
    close: Any,
    merged: Sequence[MergedRange] = (),
    hidden: Collection[str] = (),
    asked: str | None = None,
) -> Table:
    """Find the header among ``rows`` (numbered), check it, and stream the rest.

    ``merged``: the sheet's merged ranges; those below the header are read as the sheet shows
    them (:mod:`shomar.ingest.merged`) and named in the table's notes. ``hidden``: the
    workbook's hidden sheets, and ``asked`` the ``--sheet`` given, for the note on them.
    """
    limits = Limits.current()
    header: list[str] | None = None
    number = 0
    try:
        for number, texts in rows:
            if header_row is not None:
                if number < header_row:
                    continue
                if number == header_row:
                    header = [t.strip() for t in texts]
                    break
                header = []  # the chosen row is empty
                break
            if any(t.strip() for t in texts):
                header = [t.strip() for t in texts]
                break
        if not header:
            where = (
                said(
                    "%(file)s: row %(row)s of sheet %(sheet)s is empty.",
                    file=name,
                    row=str(header_row),
                    sheet=repr(sheet),
                )
                if header_row
                else said("%(file)s: the sheet %(sheet)s is empty.", file=name, sheet=repr(sheet))
            )
            others = [n for n in names if n != sheet]
            hint = (
                said(
                    "Sheets in this workbook: %(sheets)s. Choose the one with the list with "
                    "--sheet NAME.",
                    sheets=_listing(names),
                )
                if others
                else said("Expected a header row and data rows.")
            )
            raise InputError(where, hint=hint)
        while header and not header[-1]:
            header.pop()
        check_header(name, header, number, limits, sheet)
    except BaseException:
        close()
        raise
    columns = tuple(header)
    start = number
    below = [m for m in merged if m.first_row > start]

    def data() -> Iterator[RawRow]:
        try:
            for n, texts in fill_merged(rows, below):
                if n <= start:
                    continue
                while len(texts) > len(columns) and not texts[-1].strip():
                    texts.pop()  # empty cells past the header; others are reported
                if any(t.strip() for t in texts):
                    yield RawRow(n, sheet, tuple(texts))
        finally:
            close()

    notes = merge_notes(sheet, below) + _hidden_note(sheet, hidden, asked is not None)
    return Table(columns, data(), sheet, None, start, tuple(names), notes)


# --- XLSX -------------------------------------------------------------------------------------


def _xlsx_parser_class() -> Any:
    """openpyxl's sheet parser, made to report broken cells and formulas without a value.

    (Built on openpyxl's ``WorkSheetParser``, pinned in pyproject.toml: it streams the sheet XML
    and yields only the rows present in it.)
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            coordinate = element.get("r") or f"row {self.row_counter}"
            kind = element.get("t", "n")
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except IndexError:
                raise _CellError(
                    coordinate,
                    said(
                        "the cell points past the end of the workbook's text table (the file is "
                        "damaged)"
                    ),
                ) from None
            except (ValueError, TypeError, OverflowError):
                raw = element.findtext(VALUE_TAG)
                shown = repr(raw[:40]) if raw is not None else "nothing"
                raise _CellError(coordinate, damaged_cell_message(kind, shown)) from None
            if cell["data_type"] == "d" and kind == "n" and _negative(element):
                raise _CellError(coordinate, _error_cell_message(kind, element, None))
            if cell["data_type"] == "e":
                raise _CellError(coordinate, _error_cell_message(kind, element, cell["value"]))
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                raise _CellError(
                    coordinate,
                    said(
                        "the cell holds a formula whose value was never computed and saved; "
                        "save the workbook in Excel/LibreOffice so values are cached, or export "
                        "CSV"
                    ),
                )
            return cell

    # a date cell out of range is turned into an error cell, which is refused below
    warnings.filterwarnings("ignore", "Cell .* is marked as a date", UserWarning)
    return Parser


def _negative(element: Any) -> bool:
    """Whether a number cell's value is negative (a date before 1900: Excel shows ####)."""
    raw = element.findtext(VALUE_TAG)
    return bool(raw) and raw.lstrip().startswith("-")


def _error_cell_message(kind: str, element: Any, value: object) -> Said:
    """Why an error cell is refused: its value would be imported as the error's text."""
    if kind == "n":  # openpyxl's reading of a date serial number no calendar reaches
        raw = element.findtext(VALUE_TAG)
        return serial_not_shown(repr(raw))
    return error_cell_message(str(value))


def _listed_sheets(archive: zipfile.ZipFile) -> list[str]:
    """The sheet names ``xl/workbook.xml`` lists (whether or not their data is present)."""
    try:
        xml = archive.read("xl/workbook.xml")[: 1 << 20].decode("utf-8", "replace")
    except KeyError:
        return []
    return [unescape(n) for n in SHEET_NAME.findall(xml)]


def _check_archive(path: Path, name: str) -> list[str]:
    limit = settings().max_shared_strings_bytes
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            listed = _listed_sheets(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            said("%(file)s: the workbook cannot be opened (it is not a valid ZIP archive: "
                 "%(error)s).", file=name, error=str(exc))
        ) from exc  # fmt: skip
    _refuse_doctype(path, name)
    _refuse_ambiguous_or_bomb(infos, name)
    for info in infos:
        if info.filename.lower().endswith("sharedstrings.xml") and info.file_size > limit:
            raise InputError(
                said(
                    "%(file)s: the workbook's text table (%(part)s) expands to %(size)s bytes; "
                    "an import opens at most %(limit)s.",
                    file=name,
                    part=info.filename,
                    size=info.file_size,
                    limit=limit,
                ),
                hint=said("Export the sheet as CSV, or raise SHOMAR_MAX_SHARED_STRINGS_BYTES."),
            )
    return listed


#: a part may expand this many times its compressed size once it is past ``BOMB_BYTES``
#: (sheet XML compresses 5-30 times; 300 MB of spaces, 1,000 times)
BOMB_RATIO = 200
BOMB_BYTES = 50 * 1024 * 1024


def _refuse_ambiguous_or_bomb(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a workbook holding one part twice (readers disagree on which copy is the
    data, so what is imported is not what Excel shows) or a part that expands hundreds of
    times (a ZIP bomb: minutes of reading for nothing)."""
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            raise InputError(
                said(
                    "%(file)s: the workbook holds the part %(part)s twice, with different "
                    "contents possible; which one a program reads differs, so nothing was "
                    "imported.",
                    file=name,
                    part=info.filename,
                ),
                hint=SAVE_AGAIN,
            )
        seen.add(info.filename)
        if info.file_size > BOMB_BYTES and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            raise InputError(
                said(
                    "%(file)s: the workbook's part %(part)s expands from %(packed)s to %(size)s "
                    "bytes (more than %(ratio)s times): a ZIP bomb, not a sheet; nothing was "
                    "imported.",
                    file=name,
                    part=info.filename,
                    packed=info.compress_size,
                    size=info.file_size,
                    ratio=BOMB_RATIO,
                ),
                hint=SAVE_AGAIN,
            )


#: how much of each XML part is searched for a DTD (it must come before the root element)
DOCTYPE_HEAD = 4096


def _refuse_doctype(path: Path, name: str) -> None:
    """Refuse a workbook whose XML declares a DTD: no spreadsheet program writes one, and its
    entities are how a file reads local files (XXE) or expands to gigabytes (billion laughs).
    The parsers refuse them too; this names the part and the reason."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                with archive.open(info) as part:
                    head = part.read(DOCTYPE_HEAD)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputError(
                        said(
                            "%(file)s: the workbook's part %(part)s declares a DTD (<!DOCTYPE or "
                            "<!ENTITY), which spreadsheet programs never write: it could make "
                            "the reader open local files or expand without end; nothing was "
                            "imported.",
                            file=name,
                            part=info.filename,
                        ),
                        hint=said(
                            "Open and save the file again in Excel/LibreOffice, or export the "
                            "sheet as CSV."
                        ),
                    )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError):
        return  # a broken archive: opening it names the damage


def read_xlsx(path: Path, sheet: str | None, header_row: int | None = None) -> Table:
    from openpyxl import load_workbook

    name = display_name(path)
    listed = _check_archive(path, name)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except KeyError as exc:
        raise InputError(
            said(
                "%(file)s: the workbook is damaged: a part it lists is missing from the archive "
                "(%(error)s).",
                file=name,
                error=str(exc),
            ),
            hint=SAVE_AGAIN,
        ) from exc
    except Exception as exc:  # openpyxl raises many types for a broken archive
        raise InputError(
            said("%(file)s: the workbook cannot be opened (%(error)s).", file=name, error=str(exc))
        ) from exc
    names = list(workbook.sheetnames)
    missing = [n for n in listed if n not in names]
    if missing and (sheet is None or sheet in missing or not names):
        workbook.close()
        raise InputError(
            said(
                "%(file)s: the workbook is damaged: the data of sheet(s) %(sheets)s is missing "
                "from the archive.",
                file=name,
                sheets=_listing(missing),
            ),
            hint=said(
                "Open and save it again in Excel/LibreOffice, or export the sheet as CSV "
                "(readable sheets: %(sheets)s; choose one with --sheet).",
                sheets=_listing(names),
            )
            if names
            else SAVE_AGAIN,
        )
    hidden = {ws.title for ws in workbook._sheets if ws.sheet_state != "visible"}
    charts = {ws.title for ws in workbook._sheets if not hasattr(ws, "_get_source")}
    try:
        chosen = _choose_sheet(name, names, sheet, hidden, charts)
        worksheet = workbook[chosen]
        try:
            merged = scan_xlsx_merges(worksheet._get_source())
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
            merged = []  # the sheet's parse below names the damage, with its row
        source = worksheet._get_source()
    except KeyError as exc:
        workbook.close()
        raise InputError(
            said("%(where)s: the sheet's data is missing from the archive (%(error)s).",
                 where=in_sheet(name, sheet), error=str(exc)),
            hint=SAVE_AGAIN,
        ) from exc  # fmt: skip
    except BaseException:
        workbook.close()
        raise
    parser = _xlsx_parser_class()(
        source,
        worksheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    limits = Limits.current()
    widest = limits.columns + limits.columns // 2

    def close() -> None:
        source.close()
        workbook.close()

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 0
        try:
            for number, parsed in parser.parse():
                # an empty cell (styled, far to the right) holds nothing to read or to count
                cells = [c for c in parsed if not _blank(c["value"])]
                if not cells:
                    continue
                width = max(c["column"] for c in cells)
                if width > widest:
                    raise InputError(
                        said(
                            "%(where)s, row %(row)s: a cell in column %(column)s; an import "
                            "reads at most %(limit)s columns.",
                            where=in_sheet(name, chosen),
                            row=str(number),
                            column=width,
                            limit=widest,
                        ),
                        hint=said(
                            "Delete the stray cells far to the right, or export the used columns "
                            "as CSV."
                        ),
                    )
                texts = [""] * width
                for cell in cells:
                    texts[cell["column"] - 1] = cell_text(cell["value"])
                yield number, texts
        except _CellError as exc:
            raise cell_refused(in_sheet(name, chosen), exc.coordinate, exc.message) from None
        except KeyError as exc:
            raise InputError(
                said("%(where)s: the workbook is damaged (%(error)s).",
                     where=in_sheet(name, chosen), error=str(exc)),
                hint=SAVE_AGAIN,
            ) from None  # fmt: skip
        except (SyntaxError, ValueError, zipfile.BadZipFile, EOFError) as exc:
            raise InputError(
                said(
                    "%(where)s, after row %(row)s: the sheet's data cannot be read (%(error)s).",
                    where=in_sheet(name, chosen),
                    row=str(number),
                    error=str(exc),
                ),
                hint=SAVE_AGAIN,
            ) from None

    return _table(name, chosen, names, rows(), header_row, close, merged, hidden, sheet)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- XLS --------------------------------------------------------------------------------------


def read_xls(path: Path, sheet: str | None, header_row: int | None = None) -> Table:
    import xlrd

    name = display_name(path)
    try:
        book = _open_xls(xlrd, path)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors...
        if "encrypted" in str(exc).lower():
            raise password_protected(name) from exc
        raise InputError(
            said(
                "%(file)s: the old-style Excel workbook cannot be opened: it is damaged or cut "
                "off (%(error)s).",
                file=name,
                error=str(exc),
            ),
            hint=said(
                "Open and save it again in Excel/LibreOffice (as .xlsx), or export the sheet as "
                "CSV."
            ),
        ) from exc
    names = list(book.sheet_names())
    states = getattr(book, "_sheet_visibility", [])  # 0 visible, 1 hidden, 2 very hidden
    hidden = {n for n, state in zip(names, states, strict=False) if state}
    try:
        chosen = _choose_sheet(name, names, sheet, hidden)
        worksheet = book.sheet_by_name(chosen)
    except InputError:
        book.release_resources()
        raise
    except Exception as exc:
        book.release_resources()
        raise sheet_unreadable(name, sheet, exc) from exc

    merged = [
        MergedRange(first_row + 1, first_col + 1, last_row, last_col)
        for first_row, last_row, first_col, last_col in getattr(worksheet, "merged_cells", [])
        if last_row - first_row > 1 or last_col - first_col > 1
    ]

    def value(cell: Any) -> str:
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                if cell.value < 0:
                    raise ValueError("a negative serial number")
                return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                raise _CellError(
                    "",
                    said(
                        "a date cell holds the serial number %(value)s, which cannot be read as "
                        "a date (negative, past the year 9999, or before March 1900, where "
                        "Excel's day numbers are ambiguous); write the date as text or correct "
                        "the cell",
                        value=repr(cell.value),
                    ),
                ) from None
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return "TRUE" if cell.value else "FALSE"
        if cell.ctype == xlrd.XL_CELL_ERROR:
            code = xlrd.error_text_from_code.get(cell.value, "#ERROR")
            raise _CellError("", error_cell_message(code))
        text = cell_text(cell.value)
        if "\x00" in text:  # BIFF strings may hold NUL; CSV and JSON refuse it too
            raise _CellError(
                "", said("the cell holds a NUL character (\\x00), which is not text; remove it")
            )
        return text

    def rows() -> Iterator[tuple[int, list[str]]]:
        for index in range(worksheet.nrows):
            texts = []
            for column, cell in enumerate(worksheet.row(index)):
                try:
                    texts.append(value(cell))
                except _CellError as exc:
                    raise cell_refused(
                        in_sheet(name, chosen), _coordinate(index, column), exc.message
                    ) from None
            yield index + 1, texts

    return _table(
        name, chosen, names, rows(), header_row, book.release_resources, merged, hidden, sheet
    )


def _coordinate(row: int, column: int) -> str:
    """``B7`` for the 0-based ``row`` 6, ``column`` 1."""
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(column + 1)}{row + 1}"


def _open_xls(xlrd: Any, path: Path) -> Any:
    """The workbook with its formatting (which holds the merged cells) where xlrd reads it."""
    try:
        return xlrd.open_workbook(
            str(path), on_demand=True, formatting_info=True, logfile=_QUIET, ragged_rows=True
        )
    except NotImplementedError:  # formatting of some BIFF versions is not supported
        return xlrd.open_workbook(str(path), on_demand=True, logfile=_QUIET, ragged_rows=True)


class _Quiet(io.StringIO):
    """Where xlrd's warnings go (``WARNING *** file size ...``): the error says it instead."""

    def write(self, text: str) -> int:
        return len(text)


_QUIET = _Quiet()


# --- ODS --------------------------------------------------------------------------------------


def read_ods(path: Path, sheet: str | None, header_row: int | None = None) -> Table:
    """An ODS sheet, read by calamine once its declared size is known to be within bounds.

    The size comes first (:func:`~shomar.ingest.ods_size.declared_sizes`): a few bytes can
    declare millions of repeated cells, which any reader would expand.
    """
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    name = display_name(path)
    _refuse_doctype(path, name)
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = declared_sizes(archive)
        book = CalamineWorkbook.from_path(str(path))
        names = [str(n) for n in book.sheet_names]
        hidden = {
            str(m.name) for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible
        }
    except Exception as exc:  # a broken ZIP, XML or document: many types
        raise InputError(
            said("%(file)s: the OpenDocument spreadsheet cannot be opened (%(error)s).",
                 file=name, error=str(exc))
        ) from exc  # fmt: skip
    chosen = _choose_sheet(name, names, sheet, hidden)
    _check_ods_size(name, chosen, sizes.get(chosen))
    try:
        cells = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except Exception as exc:
        raise sheet_unreadable(name, chosen, exc) from exc

    def rows() -> Iterator[tuple[int, list[str]]]:
        for index, values in enumerate(cells, start=1):
            yield index, [cell_text(v) for v in values]

    return _table(name, chosen, names, rows(), header_row, lambda: None, (), hidden, sheet)


def _check_ods_size(name: str, sheet: str, size: SheetSize | None) -> None:
    """Refuse a sheet that declares more rows, columns or cells than an import reads, or that
    holds an error cell (which calamine would read as empty)."""
    if size is None:
        return
    where = in_sheet(name, sheet)
    if size.first_error is not None:
        row_number, column = size.first_error
        raise cell_refused(where, _coordinate(row_number - 1, column - 1), error_cell_message(None))
    cfg = settings()
    if size.columns > cfg.max_columns:
        raise InputError(
            said(
                "%(where)s: row %(row)s declares %(cells)s cells (repeated cells counted); an "
                "import accepts at most %(limit)s columns.",
                where=where,
                row=str(size.widest_row),
                cells=size.columns,
                limit=cfg.max_columns,
            ),
            hint=said("Delete the cells past the list's last column, or raise SHOMAR_MAX_COLUMNS."),
        )
    if size.rows > SHEET_MAX_ROWS:
        raise InputError(
            said(
                "%(where)s: the sheet declares %(rows)s rows (repeated rows counted); a "
                "spreadsheet holds at most %(limit)s, so the file was not written by one.",
                where=where,
                rows=size.rows,
                limit=SHEET_MAX_ROWS,
            ),
            hint=said("Open and save it in LibreOffice, or export the sheet as CSV."),
        )
    if size.cells > cfg.max_sheet_cells:
        raise InputError(
            said(
                "%(where)s: the sheet expands to %(cells)s cells (%(rows)s rows × %(columns)s "
                "columns, repeated cells counted); an import reads at most %(limit)s from a "
                "spreadsheet.",
                where=where,
                cells=size.cells,
                rows=size.rows,
                columns=size.columns,
                limit=cfg.max_sheet_cells,
            ),
            hint=said(
                "Export the sheet as CSV (read as a stream), or raise SHOMAR_MAX_SHEET_CELLS."
            ),
        )


def sheet_names(path: Path, fmt: str) -> list[str]:
    """The sheets of a workbook, in its order (an empty list for a text file, or for a workbook
    that cannot be opened: reading it says why), for a page that lets the user choose one."""
    try:
        if fmt == "xlsx":
            with zipfile.ZipFile(path) as archive:
                return _listed_sheets(archive)
        if fmt == "xls":
            import xlrd

            book = _open_xls(xlrd, path)
            try:
                return [str(n) for n in book.sheet_names()]
            finally:
                book.release_resources()
        if fmt == "ods":
            from python_calamine import CalamineWorkbook

            return [str(n) for n in CalamineWorkbook.from_path(str(path)).sheet_names]
    except Exception:  # a damaged workbook: the import itself names what is wrong
        return []
    return []


def read_sheet(path: Path, fmt: str, sheet: str | None, header_row: int | None = None) -> Table:
    if fmt == "xls":
        return read_xls(path, sheet, header_row)
    if fmt == "ods":
        return read_ods(path, sheet, header_row)
    return read_xlsx(path, sheet, header_row)
