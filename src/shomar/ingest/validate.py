"""Turning one raw row into the fields of a record, or into problems."""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shomar.calendar import PartialDate, century_window, parse_partial_date
from shomar.calendar.parse import CenturyUnknownError, reads_month_first
from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS, SENSITIVE_COLUMNS
from shomar.domain.names_key import event_key, match_key
from shomar.domain.said import said
from shomar.domain.vocabulary import accepted_sex_values, normalize_sex
from shomar.domain.wording import quoted
from shomar.errors import DateParseError
from shomar.ingest.ages import Age, AgeProblem, read_age
from shomar.ingest.cells import (
    is_invisible,
    is_total_line,
    is_unknown_name_mark,
    is_unknown_value_mark,
    time_exists,
)
from shomar.ingest.mapping import Mapping, unknown_violation_parts, violation_of
from shomar.ingest.problems import Problem
from shomar.ingest.readers import RawRow

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
TIERS = ("public", "restricted", "confidential")
#: fields stored in bounded columns (store/tables.py)
FIELD_LIMITS = {
    "record_id": 200,
    "date": 200,
    "birth_date": 200,
    "violation": 200,
    "event": 300,
    "province": 200,
    "sex": 40,
    "age": 40,
    "confidentiality": 40,
}
ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$")
NAME_FIELDS = ("full_name", "given_name", "family_name")
#: the name cells a mark for "not known" (``-``, ``N/A``, «نامشخص») is read as empty in
MARKABLE_FIELDS = (*NAME_FIELDS, "father_name")
#: value cells that may hold a mark for "not known" (`-`, `?`, «نامعلوم»): read as empty (a
#: [defaults] constant then applies) instead of refused as a date or an age that cannot be read
VALUE_MARK_FIELDS = ("date", "birth_date", "age", "place", "province")
#: a year written as 0 or below (``0000-01-01``, ``-44``, ``-0044-03-15``): no calendar day
#: a bare spreadsheet day number of five digits (10000 is 1927-05-18, 99999 a day in 2173),
#: with a time of day as its fraction; four digits are a year
EXCEL_SERIAL = re.compile(r"^[1-9]\d{4}(?:\.\d+)?$")
#: day 0 of Excel's 1900 date system (its day 60 is 29 February 1900, which never was)
EXCEL_EPOCH = dt.date(1899, 12, 30)
YEAR_ZERO_OR_NEGATIVE = re.compile(r"^\s*-\s*\d|^\s*0{1,4}(?:$|[-/.\s])|[-/.\s]0000\s*$")


@dataclass
class RowContext:
    file: str
    header: tuple[str, ...]
    fields: dict[int, str]
    default_calendar: str | None
    max_cell_chars: int
    default_tier: str = "restricted"
    mapping: Mapping = field(default_factory=Mapping)
    #: the import date: a violation or birth cannot be dated after it
    today: dt.date = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())
    #: event match key → (start, end, name) of an event with a time window: the century hint
    #: of a two-digit year in a row naming that event
    event_windows: dict[str, tuple[dt.date, dt.date, str]] = field(default_factory=dict)
    #: the hint for two-digit years in rows without an event window (the list's own dates);
    #: None during the first pass, when such dates are deferred
    list_window: tuple[dt.date, dt.date] | None = None
    #: set for the second pass over deferred dates: a two-digit year without a hint is refused
    final_pass: bool = False
    #: how two-digit years were read: (century, where the hint came from) → count
    centuries: dict[tuple[str, str], int] = field(default_factory=dict)
    #: violation values that name no known type (read as ``other``; the import report says so)
    unknown_violations: set[str] = field(default_factory=set)
    #: name cells read as empty because they held a mark for "not known": mark → count
    unknown_name_marks: dict[str, int] = field(default_factory=dict)
    #: (field, mark) → how many value cells held the mark (read as empty)
    unknown_value_marks: dict[tuple[str, str], int] = field(default_factory=dict)
    #: slashed dates that could only be read month-first (11/16/2019): first one → count
    month_first_dates: dict[str, int] = field(default_factory=dict)
    #: ages written as approximate («حدود ۳۰», "about 30"), read as the number: text → count
    approximate_ages: dict[str, int] = field(default_factory=dict)
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_target = {name: self.header[index] for index, name in self.fields.items()}
        self._columns = by_target
        self._span: tuple[PartialDate, PartialDate] | None = None
        self._mapped = [
            (index, name, FIELD_LIMITS.get(name)) for index, name in self.fields.items()
        ]
        # the fast path of row_to_values: every mapped cell at once, through C-level calls
        self._targets = tuple(self.fields.values())
        self._take = _getter(tuple(self.fields))
        self._width = max(self.fields, default=-1) + 1
        bounded = [(index, bound) for index, _, bound in self._mapped if bound is not None]
        self._take_bounded = _getter(tuple(index for index, _ in bounded))
        self._bounds = tuple(bound for _, bound in bounded)

    def note_span(self, date: PartialDate) -> None:
        """Widen the span of the list's own (four-digit) violation dates by ``date``."""
        first, last = self._span or (date, date)
        self._span = (date if date.start < first.start else first,
                      date if date.end > last.end else last)  # fmt: skip

    def start_final_pass(self) -> None:
        """Give deferred two-digit years the century hint of the list's own dates."""
        self.final_pass = True
        self.list_window = century_window(self._span) if self._span else None

    def event_window(self, event: str) -> tuple[dt.date, dt.date, str] | None:
        """The time window of the event a row names (by distinct text)."""
        key = ("event window", event)
        if key not in self._cache:
            self._cache[key] = self.event_windows.get(event_key(event))
        return self._cache[key]  # type: ignore[no-any-return]

    def column_of(self, target: str) -> str:
        """The header of the column feeding ``target`` (as the user named it)."""
        return self._columns.get(target, target)


#: a date cell deferred until the list's own dates give the century of its two-digit year
PENDING = "pending"


@functools.lru_cache(maxsize=65536)
def _parse_date(
    text: str, default_calendar: str | None, hint: tuple[dt.date, dt.date] | None = None
) -> PartialDate:
    return parse_partial_date(text, default_calendar=default_calendar, century_hint=hint)


def _column_of(ctx: RowContext, target: str) -> str:
    """The header of the column feeding ``target`` (as the user named it)."""
    return ctx.column_of(target)


_NOTE_YEAR = re.compile(r"read as (\d+) ")

#: the fields copied as they are (after the [defaults])
PLAIN_FIELDS = (
    "full_name",
    "given_name",
    "family_name",
    "father_name",
    "aliases",
    "place",
    "province",
    "perpetrator",
    "notes",
)
_ALL_COLUMNS = (*CANONICAL_COLUMNS, *EXTRA_COLUMNS)


def _getter(indexes: tuple[int, ...]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """``operator.itemgetter(*indexes)`` that always gives a tuple (of 0, 1 or more)."""
    if len(indexes) > 1:
        return operator.itemgetter(*indexes)
    if len(indexes) == 1:
        index = indexes[0]
        return lambda cells: (cells[index],)
    return lambda cells: ()


_PLAIN = operator.itemgetter(*PLAIN_FIELDS)
_SENSITIVE = operator.itemgetter(*SENSITIVE_COLUMNS)


def repeats_header(cells: tuple[str, ...], header: tuple[str, ...]) -> bool:
    """Whether a data row holds the header's names again, column for column: a second list
    pasted under the first with its header would otherwise be a record named "full_name"."""
    if not header[0]:
        return False
    padded = (*cells, *("",) * (len(header) - len(cells)))
    return all(
        c.strip().casefold() == h.strip().casefold() for c, h in zip(padded, header, strict=False)
    )


def row_to_values(row: RawRow, ctx: RowContext) -> tuple[dict[str, Any], list[Problem]]:
    """The record fields of ``row`` and every problem it has (all of them, not the first).

    Checks that depend on one cell alone (sex, age, tier, violation words, dates) are worked
    out once per distinct value and remembered in ``ctx``: a list repeats few values.
    """
    problems: list[Problem] = []

    def problem(
        message: str, column: str | None = None, value: str | None = None, hint: str = ""
    ) -> None:
        problems.append(Problem(ctx.file, message, hint, row.number, column, value, row.sheet))

    header, limit, cache = ctx.header, ctx.max_cell_chars, ctx._cache
    row_cells = row.cells
    if len(row_cells) > len(header) and any(c.strip() for c in row_cells[len(header) :]):
        problem(
            said(
                "the row has %(cells)s cells but the header has %(header)s",
                cells=len(row_cells),
                header=len(header),
            ),
            hint=said("A cell probably contains the delimiter without quotes around it")
            if row.sheet is None
            else said(
                "A cell to the right of the header's last column holds a value: name its "
                "column in the header row, or delete the stray value"
            ),
        )
    if (
        row_cells
        and row_cells[0].strip().casefold() == header[0].strip().casefold()
        and repeats_header(row_cells, header)
    ):
        problem(
            said(
                "the row repeats the header row (lists pasted together, each with its header?); "
                "it would be read as a record"
            ),
            hint=said("Delete the row, or import each list on its own"),
        )
    cells = dict.fromkeys(_ALL_COLUMNS, "")
    width = len(row_cells)
    if row_cells and max(map(len, row_cells)) > limit:
        too_long = {i for i, v in enumerate(row_cells) if len(v) > limit}
        for index in sorted(too_long):
            value = row_cells[index]
            name = header[index] if index < len(header) else f"#{index + 1}"
            problem(
                said(
                    "the cell holds %(chars)s characters; the limit is %(limit)s",
                    chars=len(value),
                    limit=limit,
                ),
                name,
                value[:40],
                said("Split long text into a document of its own, or raise SHOMAR_MAX_CELL_CHARS"),
            )
    else:
        too_long = set()
    if (
        not too_long
        and width >= ctx._width
        and not any(map(operator.gt, map(len, ctx._take_bounded(row_cells)), ctx._bounds))
    ):  # the usual row: every mapped cell there and within its bound
        cells.update(zip(ctx._targets, map(str.strip, ctx._take(row_cells)), strict=True))
    else:
        for index, target, bound in ctx._mapped:
            if index >= width or index in too_long:
                continue
            value = row_cells[index]
            if bound is not None and len(value) > bound:
                problem(
                    said(
                        "the cell holds %(chars)s characters; %(column)s takes at most %(bound)s",
                        chars=len(value),
                        column=target,
                        bound=bound,
                    ),
                    header[index],
                    value[:40],
                    said("Move long text to the notes column"),
                )
            else:
                cells[target] = value.strip()
    for value_field in VALUE_MARK_FIELDS:  # "-", «نامعلوم» in a date or age: not known
        if cells[value_field] and is_unknown_value_mark(cells[value_field]):
            noted = (value_field, cells[value_field])
            ctx.unknown_value_marks[noted] = ctx.unknown_value_marks.get(noted, 0) + 1
            cells[value_field] = ""
    for name, constant in ctx.mapping.defaults.items():  # [defaults]: rows without a value
        if not cells[name]:
            cells[name] = constant
    out: dict[str, Any] = dict(zip(PLAIN_FIELDS, _PLAIN(cells), strict=True))
    for name_field in NAME_FIELDS:  # a name of only ZWNJ, zero-width or other invisible marks
        if cells[name_field] and is_invisible(cells[name_field]):
            problem(
                said(
                    "the name holds only invisible characters (such as ZWNJ or zero-width spaces)"
                ),
                ctx.column_of(name_field),
                cells[name_field],
                said("Write the name, or leave the cell empty"),
            )
            cells[name_field] = ""
            out[name_field] = ""
    marks = {f: cells[f] for f in MARKABLE_FIELDS if cells[f] and is_unknown_name_mark(cells[f])}
    for name_field, mark in marks.items():  # "-", «نامشخص»: not a name (linkage compares it)
        ctx.unknown_name_marks[mark] = ctx.unknown_name_marks.get(mark, 0) + 1
        cells[name_field] = ""
        out[name_field] = ""
    named = [f for f in NAME_FIELDS if cells[f]]
    if len(named) == 1 and is_total_line(cells[named[0]]):  # "Total: 45", «جمع کل ۴۵ نفر»
        problem(  # (alone: «جمع» and «کل» are also rare given names, beside a family name)
            said("the name reads as the list's total line, not a person"),
            ctx.column_of(named[0]),
            cells[named[0]],
            said("Delete the total row under the list (Shomar counts the rows itself)"),
        )
    # sealed by the importer
    out["sensitive_fields"] = dict(zip(SENSITIVE_COLUMNS, _SENSITIVE(cells), strict=True))
    key = cells["record_id"] or f"row-{row.number}"
    out["has_record_id"] = bool(cells["record_id"])
    out["record_key"] = key
    if not (cells["full_name"] or cells["given_name"] or cells["family_name"]):
        marked = [f for f in marks if f in NAME_FIELDS]
        if marked:
            problem(
                said("the row has no name: the cell holds a mark for a name not known"),
                ctx.column_of(marked[0]),
                marks[marked[0]],
                said(
                    "Every record must name the victim, even partly; a victim whose name is not "
                    "known cannot be told apart from others in linkage"
                ),
            )
        else:
            problem(
                said("the row has no name (full_name, given_name and family_name are all empty)"),
                "full_name",
                hint=said("Every record must name the victim, even partly"),
            )
    sex = _cached(cache, "sex", cells["sex"], ctx, _read_sex)
    out["sex"] = sex[0]
    age = _cached(cache, "age", cells["age"], ctx, _read_age)
    out["age"] = age[0].years if age[0] is not None else None
    if age[0] is not None and age[0].approximate:  # «حدود ۳۰», "about 30": the report says so
        ctx.approximate_ages[cells["age"]] = ctx.approximate_ages.get(cells["age"], 0) + 1
    for cell_problem in sex[1] + age[1]:
        problem(*cell_problem)
    _dates(row, ctx, cells, out, problem)
    out["violation_text"] = cells["violation"]
    violation: Any = cache.get(("violation", cells["violation"]), PENDING)
    if violation is PENDING:
        violation = cache[("violation", cells["violation"])] = violation_of(
            ctx.mapping, cells["violation"]
        )
        if violation == "other":
            ctx.unknown_violations.update(unknown_violation_parts(ctx.mapping, cells["violation"]))
    out["violation"] = violation
    out["event_text"] = cells["event"]
    tier = _cached(cache, "tier", cells["confidentiality"], ctx, _read_tier)
    out["confidentiality"] = tier[0]
    for cell_problem in tier[1]:
        problem(*cell_problem)
    return out, problems


def _count_century(
    ctx: RowContext, parsed: PartialDate, origin: str, window: tuple[dt.date, dt.date]
) -> None:
    """Count a two-digit year read with a century hint, by century and hint, for the report."""
    year = _NOTE_YEAR.search(parsed.century_inferred or "")
    century = f"{year.group(1)[:2]}xx" if year else "an inferred century"
    where = f"{origin}, {window[0].isoformat()}/{window[1].isoformat()}"
    ctx.centuries[(century, where)] = ctx.centuries.get((century, where), 0) + 1


def resolve_pending(values: dict[str, Any], ctx: RowContext, problem: Any) -> None:
    """The second pass over a row whose two-digit years waited for the list's dates.

    Only the deferred cells are read again (and the birth/violation order, which needed
    them); the row's other problems were reported by the first pass.
    """
    columns = values.pop("pending_dates")
    cells = {"date": values["date_text"], "birth_date": values["birth_date_text"],
             "event": values["event_text"]}  # fmt: skip
    for column in columns:
        parsed = _date_cell(cells[column], ctx, column, None, problem)
        if parsed is None or parsed is PENDING:
            continue
        if parsed.century_inferred and ctx.list_window is not None:
            _count_century(ctx, parsed, "from the list's other dates", ctx.list_window)
        if column == "date":
            values.update(
                date_calendar=parsed.calendar,
                date_precision=parsed.precision,
                date_qualifier=parsed.qualifier,
                date_start=parsed.start,
                date_end=parsed.end,
                date_edtf=parsed.edtf,
            )
        else:
            values.update(birth_start=parsed.start, birth_end=parsed.end)
    birth, violation_end = values.get("birth_start"), values.get("date_end")
    if birth is not None and violation_end is not None and birth > violation_end:
        problem(
            said("the birth date is after the violation date (%(date)s)", date=cells["date"]),
            ctx.column_of("birth_date"),
            cells["birth_date"],
            said("Check both dates (and their calendar)"),
        )


#: a problem of one cell, before it is placed on a row: (message, column, value, hint)
CellProblem = tuple[str, str | None, str | None, str]


def _cached(
    cache: dict[Any, Any],
    kind: str,
    text: str,
    ctx: RowContext,
    read: Any,
) -> tuple[Any, list[CellProblem]]:
    found = cache.get((kind, text))
    if found is None:
        found = cache[(kind, text)] = read(text, ctx)
    return found  # type: ignore[no-any-return]


def _read_sex(text: str, ctx: RowContext) -> tuple[Any, list[CellProblem]]:
    try:
        sex_words = ctx.mapping.values.get("sex", {})
        return sex_words.get(match_key(text)) or normalize_sex(text), []
    except ValueError:
        return None, [
            (
                said("not a recognised sex"),
                "sex",
                text,
                said("Use %(values)s", values=accepted_sex_values()),
            )
        ]


#: direction marks, embeddings and isolates that text copied from a Persian page carries
#: around numbers ("45\u200f", "\u202b1367/05/12\u202c"): they change neither what the
#: number says nor how it shows. (Overrides, U+202D/U+202E, do reverse how digits show: they
#: stay, and the cell is refused.)
_DIRECTION_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
)


def _read_age(text: str, ctx: RowContext) -> tuple[Age | None, list[CellProblem]]:
    if not text:
        return None, []
    try:
        return read_age(text.translate(_DIRECTION_MARKS).strip()), []
    except AgeProblem as exc:
        return None, [(exc.message, "age", text, exc.hint)]


def _read_tier(text: str, ctx: RowContext) -> tuple[Any, list[CellProblem]]:
    tier_words = ctx.mapping.values.get("confidentiality", {})
    tier = tier_words.get(match_key(text)) or text.lower() or ctx.default_tier
    if tier not in TIERS:
        return ctx.default_tier, [
            (
                said("unknown confidentiality tier"),
                "confidentiality",
                text,
                said("Use public, restricted or confidential"),
            )
        ]
    return tier, []


def _dates(row: RawRow, ctx: RowContext, cells: dict[str, str], out: dict[str, Any],
           problem: Any) -> None:  # fmt: skip
    """The violation and birth dates of a row (a two-digit year read with a century hint)."""
    out["date_text"] = cells["date"]
    out["birth_date_text"] = cells["birth_date"]
    event = cells["event"]
    window = ctx.event_window(event) if event and ctx.event_windows else None
    for column, prefix in (("date", "date"), ("birth_date", "birth")):
        text = cells[column]
        if not text:
            continue
        parsed = _date_cell(text, ctx, column, window, problem)
        if parsed is None:
            continue
        if parsed is PENDING:
            out.setdefault("pending_dates", []).append(column)
            continue
        if parsed.century_inferred and window is not None:
            _count_century(ctx, parsed, f"from the window of the event {quoted(window[2])}",
                           window[:2])  # fmt: skip
        if parsed.precision == "day" and reads_month_first(
            text, default_calendar=ctx.default_calendar
        ):
            first = next(iter(ctx.month_first_dates), text)
            ctx.month_first_dates[first] = ctx.month_first_dates.get(first, 0) + 1
        if prefix == "date":
            if not parsed.century_inferred:
                ctx.note_span(parsed)
            out.update(
                date_calendar=parsed.calendar,
                date_precision=parsed.precision,
                date_qualifier=parsed.qualifier,
                date_start=parsed.start,
                date_end=parsed.end,
                date_edtf=parsed.edtf,
            )
        else:
            out.update(birth_start=parsed.start, birth_end=parsed.end)
            violation_end = out.get("date_end")
            if (
                violation_end is not None
                and parsed.start is not None
                and (parsed.start > violation_end)
            ):
                problem(
                    said(
                        "the birth date is after the violation date (%(date)s)", date=cells["date"]
                    ),
                    ctx.column_of(column),
                    text,
                    said("Check both dates (and their calendar)"),
                )


def _date_cell(
    text: str,
    ctx: RowContext,
    column: str,
    window: tuple[dt.date, dt.date, str] | None,
    problem: Any,
) -> Any:
    """The date a cell holds (remembered per distinct text and hint), or None after a problem,
    or :data:`PENDING` when its two-digit year waits for the list's own dates."""
    hint = window[:2] if window is not None else ctx.list_window
    key = ("date", text, column, hint, ctx.final_pass)
    found = ctx._cache.get(key)
    if found is None:
        cell_problems: list[CellProblem] = []

        def note(message: str, where: str | None = None, value: str | None = None,
                 hint_text: str = "") -> None:  # fmt: skip
            cell_problems.append((message, where, value, hint_text))

        found = ctx._cache[key] = (_read_cell_date(text, ctx, column, hint, note), cell_problems)
    parsed, cell_problems = found
    for message, where, value, hint_text in cell_problems:
        problem(message, where, value, hint_text)
    return parsed


def _read_cell_date(
    text: str, ctx: RowContext, column: str, hint: tuple[dt.date, dt.date] | None, problem: Any
) -> Any:
    stamp = ISO_DATETIME.match(text)  # a spreadsheet date cell with a time of day
    if stamp and not time_exists(*stamp.group(2, 3, 4)):
        problem(
            said("the time of day does not exist (hours run 00-23, minutes and seconds 00-59)"),
            ctx.column_of(column),
            text,
        )
        return None
    try:
        return _read_date(text, ctx, column, problem, hint)
    except CenturyUnknownError:
        return PENDING  # only without a hint: read again once the list's dates are known


def _excel_serial_problem(serial: str, text: str, column: str) -> CellProblem:
    """A date cell holding a bare day number: the date a spreadsheet would show, never read.

    A date column that lost its format in the spreadsheet exports Excel's day numbers
    (``43789``). Reading them would guess the workbook's date system (1900 or 1904, four
    years apart) from digits that may also be a typo, so the documenter is shown the date
    and asked to export the column as dates.
    """
    day = float(serial)
    shown = (EXCEL_EPOCH + dt.timedelta(days=int(day))).isoformat()
    return (
        said(
            "%(text)s looks like a spreadsheet's day number, not a date: in Excel's 1900 date "
            "system it is %(shown)s; it was not read as a date",
            text=quoted(text),
            shown=shown,
        ),
        column,
        text,
        said(
            "Format the column as dates in the spreadsheet before saving or exporting (Format "
            "Cells > Date), or write the date out (e.g. %(shown)s)",
            shown=shown,
        ),
    )


def _read_date(
    text: str,
    ctx: RowContext,
    column: str,
    problem: Any,
    hint: tuple[dt.date, dt.date] | None = None,
) -> PartialDate | None:
    """Parse one date cell (a ``from~to`` range too); report why it cannot be a date."""
    separator = ctx.mapping.date_range_separator
    parts = text.split(separator, 1) if separator and separator in text else [text]
    read: list[PartialDate] = []
    for part in parts:
        part = part.translate(_DIRECTION_MARKS).strip()
        if YEAR_ZERO_OR_NEGATIVE.search(part.translate(DIGITS)):
            problem(
                said("the year is 0 or negative: dates before year 1 are not accepted"),
                column,
                text,
                said("Write the year as reported (Jalali or Gregorian, e.g. 1367 or 1988)"),
            )
            return None
        serial = EXCEL_SERIAL.match(part.translate(DIGITS))
        if serial:
            problem(*_excel_serial_problem(serial.group(0), text, column))
            return None
        stamp = ISO_DATETIME.match(part)  # a spreadsheet date cell with a time of day
        try:
            read.append(_parse_date(stamp.group(1) if stamp else part, ctx.default_calendar, hint))
        except CenturyUnknownError as exc:
            if hint is None and not ctx.final_pass:
                raise  # deferred: the list's own dates will give the century
            problem(exc.message, column, text)
            return None
        except DateParseError as exc:
            problem(exc.message, column, text)
            return None
    first, last = read[0], read[-1]
    if first.start > ctx.today:
        problem(
            said(
                "the date %(text)s (%(start)s) is after the import date (%(today)s): a record "
                "cannot be dated in the future",
                text=quoted(text),
                start=first.start.isoformat(),
                today=ctx.today.isoformat(),
            ),
            column,
            text,
            said("Check the year and the calendar (a Jalali year read as Gregorian, or a typo)"),
        )
        return None
    if len(read) == 1:
        return first
    if last.end < first.start:
        problem(
            said("the date range ends before it starts"), column, text, said("Write it as FROM~TO")
        )
        return None
    return PartialDate(
        text=text,
        calendar=first.calendar,
        precision=first.precision,
        qualifier=first.qualifier or last.qualifier,
        start=first.start,
        end=last.end,
        edtf=f"{first.start.isoformat()}/{last.end.isoformat()}",
    )
