"""Readers that stream rows out of CSV, spreadsheet (XLSX, XLS, ODS) and JSON files.

Each reader yields :class:`RawRow` objects: the row number as a spreadsheet shows it (the first
line of the file is row 1, a quoted line break inside a cell does not start a new row), the
sheet, and the cells exactly as read. Problems that stop reading (broken quoting, an unreadable
workbook) are raised as :class:`~shomar.errors.InputError` naming file and row.

Memory is bounded whatever the file: a CSV is read one physical line at a time, and a line
longer than ``max_line_chars`` or with more than ``max_columns`` cells is refused before it is
split into cells; a header cell longer than ``max_header_chars`` is refused (see the README,
"Limits").
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from shomar.config import settings
from shomar.domain.said import Said, said
from shomar.errors import InputError
from shomar.ingest.detect import WORKBOOK_FORMATS
from shomar.ingest.files import display_name

DELIMITERS = (",", ";", "\t", "|", "،")  # the last: the Persian keyboard's comma (U+060C)
QUOTED = re.compile(r'"[^"]*"')
#: Excel's first line naming a CSV's delimiter (``sep=;``), written by Excel and read by it
SEP_LINE = re.compile(r'^\ufeff?"?sep=(\\t|[^\r\n"])"?[ \t]*(?:\r\n|\r|\n|$)')


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
    header_row: int = 1
    sheet_names: tuple[str, ...] = field(default_factory=tuple)
    #: what the reader did that the import report must say (e.g. merged cells read down)
    notes: list[str] = field(default_factory=list)

    def peek(self, count: int) -> list[RawRow]:
        """The next ``count`` rows, without consuming them."""
        head = list(itertools.islice(self.rows, count))
        self.rows = itertools.chain(head, self.rows)
        return head


@dataclass(frozen=True)
class Limits:
    """The bounds a reader enforces (from the settings)."""

    columns: int
    header_chars: int
    line_chars: int
    cell_chars: int

    @classmethod
    def current(cls) -> Limits:
        cfg = settings()
        return cls(cfg.max_columns, cfg.max_header_chars, cfg.max_line_chars, cfg.max_cell_chars)


def guess_delimiter(first_line: str) -> str:
    """The candidate delimiter that splits the header line most (outside quotes)."""
    counts = {}
    for delimiter in DELIMITERS:
        row = next(csv.reader([first_line], delimiter=delimiter), [])
        counts[delimiter] = len(row)
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def in_sheet(name: str, sheet: str | None) -> Said:
    """Where a problem of a workbook's sheet is: the file and the sheet's name."""
    return said("%(file)s, sheet %(sheet)s", file=name, sheet=repr(sheet))


def check_header(
    name: str, header: list[str], row: int, limits: Limits, sheet: str | None = None
) -> None:
    """Refuse a header with too many columns or a column name that is too long."""
    where = in_sheet(name, sheet) if sheet else name
    if len(header) > limits.columns:
        raise InputError(
            said(
                "%(file)s, row %(row)s: the header has %(columns)s columns; an import takes at "
                "most %(limit)s.",
                file=where,
                row=str(row),
                columns=len(header),
                limit=limits.columns,
            ),
            hint=said("Remove the columns you do not need, or raise SHOMAR_MAX_COLUMNS."),
        )
    for index, cell in enumerate(header):
        if len(cell) > limits.header_chars:
            raise InputError(
                said(
                    "%(file)s, row %(row)s, column %(column)s: the column name holds "
                    "%(characters)s characters; a column name takes at most %(limit)s.",
                    file=where,
                    row=str(row),
                    column=str(index + 1),
                    characters=len(cell),
                    limit=limits.header_chars,
                ),
                hint=said(
                    "Is this row really the header? Choose it with --header-row N, or shorten "
                    "the name (SHOMAR_MAX_HEADER_CHARS raises the limit)."
                ),
            )


def _cells_outside_quotes(line: str, delimiter: str) -> int:
    return QUOTED.sub("", line).count(delimiter) + 1


@dataclass
class _Tail:
    """Whether the last physical line read ended with a line break (a cut-off file does not)."""

    ends_with_break: bool = True


def _bounded_lines(
    handle: TextIO, name: str, delimiter: str, limits: Limits, tail: _Tail
) -> Iterator[str]:
    """The file's physical lines; a line too long or with too many cells is refused unsplit."""
    number = 0
    most = limits.columns + limits.columns // 2  # a data row may run past the header a little
    readline = handle.readline
    while line := readline(limits.line_chars + 1):
        number += 1
        if len(line) > limits.line_chars:
            raise InputError(
                said(
                    "%(file)s, line %(line)s: the line is longer than %(limit)s characters; "
                    "nothing was imported.",
                    file=name,
                    line=str(number),
                    limit=limits.line_chars,
                ),
                hint=said(
                    "Is this a CSV list? A line this long usually means the file has no line "
                    "breaks or is not text (SHOMAR_MAX_LINE_CHARS raises the limit)."
                ),
            )
        if line.count(delimiter) >= most and _cells_outside_quotes(line, delimiter) > most:
            raise InputError(
                said(
                    "%(file)s, line %(line)s: the line has more than %(limit)s cells; nothing "
                    "was imported.",
                    file=name,
                    line=str(number),
                    limit=most,
                ),
                hint=said("Check the delimiter; SHOMAR_MAX_COLUMNS raises the limit."),
            )
        tail.ends_with_break = line.endswith(("\n", "\r"))
        yield line


def cut_off_character(name: str, encoding: str) -> InputError:
    """The refusal of a text file whose last character is cut off (CSV and JSON alike)."""
    return InputError(
        said(
            "%(file)s: the file ends in the middle of a %(encoding)s character (its last "
            "bytes are cut off).",
            file=name,
            encoding=encoding,
        ),
        hint=said("The file is truncated or not in this encoding; export it again."),
    )


def _decode_error(name: str, row: int, encoding: str, exc: UnicodeDecodeError) -> InputError:
    if exc.reason == "truncated data":
        return cut_off_character(name, encoding)
    return InputError(
        said(
            "%(file)s, row %(row)s: the bytes there are not valid %(encoding)s (%(reason)s).",
            file=name,
            row=str(row),
            encoding=encoding,
            reason=exc.reason,
        ),
        hint=said("Leave out --encoding to detect it, or name the right one."),
    )


#: the hint of a quoted cell that is never closed
_DOUBLE_THE_QUOTES = said(
    'Check the quotes on that row; a quote inside a cell must be doubled ("").'
)


def _csv_error(name: str, row: int, exc: csv.Error, limits: Limits) -> InputError:
    if "field larger than field limit" in str(exc):
        return InputError(
            said(
                "%(file)s, row %(row)s: a cell runs past %(limit)s characters; a quoted cell is "
                "probably never closed (unbalanced quotes).",
                file=name,
                row=str(row),
                limit=limits.line_chars,
            ),
            hint=_DOUBLE_THE_QUOTES,
        )
    return InputError(
        said(
            "%(file)s, row %(row)s: the CSV is malformed (%(error)s); a quoted cell is probably "
            "never closed (unbalanced quotes).",
            file=name,
            row=str(row),
            error=exc,
        ),
        hint=_DOUBLE_THE_QUOTES,
    )


def _nul_error(name: str, row: int, header: tuple[str, ...], cells: list[str]) -> InputError:
    index = next(i for i, c in enumerate(cells) if "\x00" in c)
    column = header[index] if index < len(header) else f"#{index + 1}"
    return InputError(
        said(
            "%(file)s, row %(row)s, column %(column)s: the cell holds a NUL byte (\\x00), which "
            "is not text; nothing was imported.",
            file=name,
            row=str(row),
            column=repr(column),
        ),
        hint=said("Remove the NUL byte (the file may have been damaged when it was copied)."),
    )


def _cut_off_error(name: str, row: int, cells: int, columns: int) -> InputError:
    return InputError(
        said(
            "%(file)s, row %(row)s: the file ends in the middle of this row (it has %(cells)s of "
            "%(columns)s cells and no line break after it): the file looks cut off, and rows "
            "after it may be missing; nothing was imported.",
            file=name,
            row=str(row),
            cells=str(cells),
            columns=str(columns),
        ),
        hint=said(
            "Export or download the list again. If the row is complete, end the file with a "
            "line break."
        ),
    )


def _marks_note(rows: list[int]) -> Said:
    """What the report says of byte-order marks (U+FEFF) that began rows and were removed."""
    first = ", ".join(str(r) for r in rows[:8])
    shown = (
        said("%(shown)s and %(more)s more", shown=first, more=len(rows) - 8)
        if len(rows) > 8
        else first
    )
    return said(
        "%(n)s row(s) began with a byte-order mark (U+FEFF, invisible; it marks the start of a "
        "file, so the list was probably pasted together from several files): row(s) %(rows)s; "
        "the marks were removed",
        n=len(rows),
        rows=shown,
    )


def _first_line(handle: TextIO, header_row: int | None, limits: Limits) -> str:
    """The line the delimiter is guessed from: the header's (approximately) or the first."""
    count = 0
    while line := handle.readline(limits.line_chars + 1):
        count += 1
        if header_row is not None:
            if count >= header_row:
                return line
        elif line.strip():
            return line
    return ""


def read_csv(path: Path, encoding: str, header_row: int | None = None) -> Table:
    name = display_name(path)
    limits = Limits.current()
    csv.field_size_limit(max(limits.line_chars, limits.cell_chars) + 1)
    handle = path.open("r", encoding=encoding, newline="")
    try:
        first_line = _first_line(handle, header_row, limits)
    except UnicodeDecodeError as exc:
        handle.close()
        raise _decode_error(name, 1, encoding, exc) from exc
    handle.seek(0)
    sep_line = SEP_LINE.match(handle.readline(limits.line_chars + 1))
    handle.seek(0)
    if sep_line:
        delimiter = "\t" if sep_line.group(1) == "\\t" else sep_line.group(1)
    else:
        delimiter = guess_delimiter(first_line.rstrip("\r\n").lstrip("\ufeff"))
    tail = _Tail()
    lines = _bounded_lines(handle, name, delimiter, limits, tail)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    number = 0  # rows as a spreadsheet numbers them: records, not physical lines
    header: list[str] | None = None
    try:
        for cells in reader:
            number += 1
            if sep_line and number == 1 and header_row != 1:
                continue  # Excel's `sep=;` line: not a row of the list
            if header_row is None and not any(cell.strip() for cell in cells):
                continue
            if header_row is None or number == header_row:
                header = cells
                break
    except csv.Error as exc:
        handle.close()
        raise _csv_error(name, number + 1, exc, limits) from exc
    except UnicodeDecodeError as exc:
        handle.close()
        raise _decode_error(name, number + 1, encoding, exc) from exc
    except InputError:
        handle.close()
        raise
    if header is None:
        handle.close()
        if header_row is not None and number > 0:
            raise InputError(
                said("%(file)s: --header-row %(row)s, but the file has only %(rows)s row(s).",
                     file=name, row=str(header_row), rows=str(number))
            )  # fmt: skip
        raise InputError(
            said("%(file)s: the file is empty.", file=name), hint=said("Expected a header row.")
        )
    header = [h.strip().lstrip("\ufeff") for h in header]
    if any("\x00" in h for h in header):
        handle.close()
        raise _nul_error(name, number, tuple(header), header)
    while header and not header[-1]:
        header.pop()  # unnamed columns at the end (cells under them are reported per row)
    try:
        check_header(name, header, number, limits)
    except InputError:
        handle.close()
        raise
    header_number = number
    columns = tuple(header)

    marks: list[int] = []  # rows that start with a byte-order mark

    def rows() -> Iterator[RawRow]:
        n = header_number
        last_width = len(columns)
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    if last_width < len(columns) and not tail.ends_with_break:
                        raise _cut_off_error(name, n, last_width, len(columns)) from None
                    return
                except UnicodeDecodeError as exc:
                    raise _decode_error(name, n + 1, encoding, exc) from exc
                except csv.Error as exc:
                    raise _csv_error(name, n + 1, exc, limits) from exc
                n += 1
                joined = "".join(cells)  # one string: the checks below run at C speed
                if not joined.strip():
                    continue
                if "\x00" in joined:
                    raise _nul_error(name, n, columns, cells)
                if joined[0] == "\ufeff" and cells[0][:1] == "\ufeff":
                    cells[0] = cells[0].lstrip("\ufeff")  # a file's first mark, mid-file
                    marks.append(n)
                last_width = len(cells)
                yield RawRow(n, None, tuple(cells))
        finally:
            handle.close()
            if marks:
                table.notes.append(_marks_note(marks))

    table = Table(columns, rows(), None, delimiter, header_number)
    if sep_line:
        table.notes.append(
            said(
                "the file's first line %(line)s names its delimiter (Excel's convention); it is "
                "row 1, the header row %(row)s",
                line=repr(sep_line.group(0).strip()),
                row=str(header_number),
            )
        )
    return table


def open_table(
    path: Path, fmt: str, encoding: str | None, sheet: str | None, header_row: int | None = None
) -> Table:
    if fmt in WORKBOOK_FORMATS:
        from shomar.ingest.sheets import read_sheet

        return read_sheet(path, fmt, sheet, header_row)
    if fmt == "json":
        from shomar.ingest.json_reader import read_json

        return read_json(path, encoding or "utf-8")
    return read_csv(path, encoding or "utf-8", header_row)


__all__ = ["Limits", "RawRow", "Table", "check_header", "guess_delimiter", "open_table"]
