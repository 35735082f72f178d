"""An import's read phase: every row read, parsed and checked into a spool, nothing stored.

:func:`prepare` runs before the write transaction opens, so a long file never holds the
store's write lock while it is parsed, and a file with problems never opens one. Memory stays
flat: rows wait in an encrypted :class:`~shomar.ingest.spool.Spool`; a record_id that appears
twice is found by hash (16 bytes a row). What is inferred from the list itself (family name
first, the century of two-digit years) is counted for the report.
"""

from __future__ import annotations

import datetime as dt
import functools
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from shomar.config import settings
from shomar.domain.columns import SENSITIVE_COLUMNS
from shomar.domain.names_key import ascii_digits, event_key
from shomar.domain.said import Said, said
from shomar.domain.wording import quoted
from shomar.errors import ImportValidationError
from shomar.ingest.mapping import Mapping
from shomar.ingest.packed import PENDING, RECORD_KEY, ROW_NUMBER, SHEET, pack, unpack
from shomar.ingest.problems import Problem, ProblemLog
from shomar.ingest.raw_json import ENCRYPTED_CELL, RawRowEncoder, raw_row
from shomar.ingest.readers import RawRow, Table
from shomar.ingest.spool import Spool
from shomar.ingest.validate import RowContext, resolve_pending, row_to_values
from shomar.ingest.worker import BatchWorker
from shomar.text import NameOrder, detect_name_order

__all__ = ["ENCRYPTED_CELL", "Prepared", "RowKinds", "prepare", "province_iso", "raw_row"]


@functools.lru_cache(maxsize=8192)
def province_iso(text: str) -> str | None:
    try:
        from shomar.places import resolve_place
    except ImportError:  # the gazetteer is optional for an import
        return None
    match = resolve_place(text)
    return match.province_iso if match.confidence >= 0.8 else None


@dataclass
class Prepared:
    """A file read and checked: its rows in a spool, ready to be written."""

    spool: Spool
    ctx: RowContext
    #: data rows read, and those left out by a ``[rows]`` rule
    rows: int = 0
    rows_skipped: int = 0
    #: the vote on the full names' order (over the first :data:`NAME_ORDER_SAMPLE`)
    name_order: NameOrder | None = None

    def two_digit_years(self) -> list[dict[str, Any]]:
        """Two-digit years read with an inferred century: how many, as what, from what hint."""
        return [
            {"dates": count, "read_as": century, "hint": origin}
            for (century, origin), count in sorted(self.ctx.centuries.items())
        ]

    def notes(self) -> list[str]:
        """What the report says of what was inferred from the list itself, never silently
        (each made with :func:`~shomar.domain.said.said`, so the web says it in Persian)."""
        out: list[str] = []
        order = self.name_order
        if order is not None and order.is_family_first:
            out.append(
                said(
                    "the full names are written family name first (%(why)s): linkage reads them "
                    "that way",
                    why=order.explanation,
                )
            )
        elif order is not None and order.order == "mixed":
            out.append(
                said(
                    "the full names mix both orders, family name first and given name first "
                    "(%(why)s)",
                    why=order.explanation,
                )
            )
        for reading in self.two_digit_years():
            out.append(
                said(
                    "%(n)s date(s) written with two-digit years were read as %(century)s "
                    "(%(hint)s)",
                    n=reading["dates"],
                    century=reading["read_as"],
                    hint=reading["hint"],
                )
            )
        marks = self.ctx.unknown_name_marks
        if marks:
            out.append(
                said(
                    "%(n)s name cell(s) held a mark for a name not known (%(marks)s): they were "
                    "read as empty (the raw rows keep them)",
                    n=sum(marks.values()),
                    marks=_tally(marks),
                )
            )
        by_field: dict[str, dict[str, int]] = {}
        for (value_field, mark), count in self.ctx.unknown_value_marks.items():
            by_field.setdefault(value_field, {})[mark] = count
        for value_field, field_marks in sorted(by_field.items()):
            out.append(
                said(
                    "%(n)s %(column)s cell(s) held a mark for not known (%(marks)s): they were "
                    "read as empty (the raw rows keep them)",
                    n=sum(field_marks.values()),
                    column=value_field,
                    marks=_tally(field_marks),
                )
            )
        month_first = self.ctx.month_first_dates
        if month_first:
            out.append(
                said(
                    "%(n)s date(s) could only be month-first, like %(example)s, and were read so "
                    "(month/day/year); the list's other slashed dates are read day-first",
                    n=sum(month_first.values()),
                    example=quoted(next(iter(month_first))),
                )
            )
        approximate = self.ctx.approximate_ages
        if approximate:
            out.append(
                said(
                    "%(n)s age(s) were written as approximate (%(ages)s): each was read as the "
                    "number given",
                    n=sum(approximate.values()),
                    ages=_tally(approximate),
                )
            )
        unknown = sorted(self.ctx.unknown_violations)
        if unknown:
            more = len(unknown) - LISTED_WORDS
            out.append(
                said(
                    "%(n)s violation value(s) name no violation type Shomar knows (%(words)s): "
                    "those records count as 'other'. To count them as a type, map the words with "
                    "[values.violation] in a mapping; to leave a record's violation unspecified, "
                    "leave the cell empty",
                    n=len(unknown),
                    words=", ".join(quoted(w) for w in unknown[:LISTED_WORDS])
                    + (f" and {more:,} more" if more > 0 else ""),
                )
            )
        return out


#: how many unknown violation words the report names before "and N more"
LISTED_WORDS = 8


def _tally(counts: dict[str, int]) -> str:
    """The first values counted and how often: ``'-' ×3, '?' ×1``."""
    return ", ".join(f"{quoted(v)} ×{n:,}" for v, n in sorted(counts.items())[:LISTED_WORDS])


#: how many full names the name-order vote reads (the first ones; a vote, not a census)
NAME_ORDER_SAMPLE = 500


def prepare(
    file: str,
    table: Table,
    fields: dict[int, str],
    mapping: Mapping,
    windows: dict[str, tuple[dt.date, dt.date, str]],
    spool: Spool,
    progress: Callable[[int], None] | None = None,
) -> Prepared:
    """Read, parse and check every row into ``spool``; raise with every problem found.

    Nothing here touches the store: the write transaction opens only once the whole file is
    known to be good.
    """
    cfg = settings()
    sensitive_at = {i for i, name in fields.items() if name in SENSITIVE_COLUMNS}
    extra_sealed = sorted(mapping.sensitive_indexes(table.header))  # mapping's `sensitive`
    sensitive_at.update(extra_sealed)
    ctx = RowContext(
        file,
        table.header,
        fields,
        mapping.default_calendar,
        cfg.max_cell_chars,
        mapping=mapping,
        event_windows=windows,
    )
    log = ProblemLog()
    _check_sealed_columns(file, table.header, fields, extra_sealed, log)
    keys = _KeyCheck()
    names: list[str] = []
    deferred = 0
    kinds = RowKinds(mapping, table.header)
    reader = RowReader(ctx, extra_sealed, RawRowEncoder(table.header, sensitive_at))
    prepared = Prepared(spool, ctx)

    def take(read: BatchRead) -> None:
        """A batch read (here or by the worker), in file order: its rows spooled, its
        problems, keys and names counted."""
        nonlocal deferred
        for problem in read.problems:
            log.add(problem)
        for key, row_number in read.keys:
            keys.add(key, row_number)
        names.extend(read.names[: NAME_ORDER_SAMPLE - len(names)])
        deferred += read.deferred
        if read.body is not None:
            spool.write_pickled(read.body, read.count)
        else:
            spool.write(read.rows)
        if progress is not None:
            progress(read.count)

    worker: BatchWorker | None = None
    in_flight = False
    try:
        size = cfg.import_batch_rows
        for index, rows in enumerate(_batches(table, kinds, prepared, size)):
            if index == 1 and BatchWorker.wanted(cfg.import_worker):
                worker = BatchWorker(reader)  # forked now: the first batch warmed the caches
            if worker is not None and index % 2 == 1:
                worker.submit(rows)  # read there while this process reads the next batch
                in_flight = True
                continue
            read = reader.read(rows)
            if in_flight and worker is not None:
                take(worker.receive())  # the batch before this one, first
                in_flight = False
            take(read)
        if in_flight and worker is not None:
            take(worker.receive())
        if worker is not None:
            reader.merge(worker.finish())
    finally:
        if worker is not None:
            worker.close()
    if prepared.rows == 0:
        log.add(
            Problem(
                file,
                said("the file has a header but no data rows"),
                said("Add at least one record"),
                row=2,
            )
        )
    kinds.check(file, log)
    keys.check(spool, file, log)
    if deferred:
        _resolve_deferred(prepared, log)
    if log:
        raise ImportValidationError(log.summary(), log.sorted())
    prepared.name_order = detect_name_order(names)
    return prepared


def _batches(
    table: Table, kinds: RowKinds, prepared: Prepared, size: int
) -> Iterator[list[RawRow]]:
    """The rows to read, ``size`` at a time; rows a ``[rows]`` rule leaves out are counted."""
    batch: list[RawRow] = []
    for row in table.rows:
        prepared.rows += 1
        if not kinds.keep(row.cells):
            prepared.rows_skipped += 1
            continue
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class BatchRead:
    """One batch of rows read and checked: the packed rows (or, from the worker, their pickled
    bytes) and what the file-wide checks need of them, in file order."""

    rows: list[tuple[Any, ...]]
    count: int
    problems: list[Problem]
    #: (record_id as ASCII digits, row number) of the rows that have one
    keys: list[tuple[str, int]]
    #: the first full names (at most :data:`NAME_ORDER_SAMPLE`), for the name-order vote
    names: list[str]
    #: rows with a two-digit year left for the second pass
    deferred: int
    body: bytes | None = None


class RowReader:
    """Reads batches of rows into packed rows (:mod:`shomar.ingest.packed`), in this process
    or in a worker forked from it."""

    def __init__(self, ctx: RowContext, extra_sealed: list[int], encode_raw: RawRowEncoder) -> None:
        self.ctx, self.extra_sealed, self.encode_raw = ctx, extra_sealed, encode_raw

    def read(self, rows: list[RawRow]) -> BatchRead:
        ctx, extra_sealed, encode_raw, header = (
            self.ctx, self.extra_sealed, self.encode_raw, self.ctx.header
        )  # fmt: skip
        read = BatchRead([], len(rows), [], [], [], 0)
        for row in rows:
            values, problems = row_to_values(row, ctx)
            read.problems += problems
            for index in extra_sealed:  # sealed with the sensitive fields, under its name
                if index < len(row.cells) and row.cells[index]:
                    values["sensitive_fields"][f"column:{header[index]}"] = row.cells[index]
            where = values["province"] or values["place"]
            values.update(
                sheet=row.sheet,
                row_number=row.number,
                province_iso=province_iso(where) if where else None,
                raw_row=encode_raw(row.cells),  # the raw row as its two JSON texts
            )
            if values["has_record_id"]:
                read.keys.append((ascii_digits(values["record_key"]), row.number))
            if len(read.names) < NAME_ORDER_SAMPLE and values["full_name"]:
                read.names.append(values["full_name"])
            read.deferred += "pending_dates" in values
            read.rows.append(pack(values))  # as the write phase binds it, hash pieces made
        return read

    def state(self) -> dict[str, Any]:
        """What reading rows taught the context (to merge a worker's into this process's)."""
        return {name: getattr(self.ctx, name) for name in COUNTED} | {"span": self.ctx._span}

    def forget_counts(self) -> None:
        """Start the counts afresh (in a worker forked after the parent counted some)."""
        for name in COUNTED:
            setattr(self.ctx, name, type(getattr(self.ctx, name))())

    def merge(self, state: dict[str, Any]) -> None:
        for name in COUNTED:
            mine, theirs = getattr(self.ctx, name), state[name]
            if isinstance(mine, set):
                mine.update(theirs)
            else:
                for key, count in theirs.items():
                    mine[key] = mine.get(key, 0) + count
        if state["span"] is not None:
            self.ctx.note_span(state["span"][0])
            self.ctx.note_span(state["span"][1])


#: what reading rows counts in the context for the report: a worker's are added to the parent's
#: (counts summed, sets joined). A new counter of :class:`RowContext` belongs here (a test
#: checks it)
COUNTED = (
    "centuries",
    "unknown_violations",
    "unknown_name_marks",
    "unknown_value_marks",
    "month_first_dates",
    "approximate_ages",
)


def _check_sealed_columns(
    file: str, header: tuple[str, ...], fields: dict[int, str], sealed: list[int], log: ProblemLog
) -> None:
    """A column the mapping lists as sensitive must not also feed a plain field."""
    for index in sealed:
        target = fields.get(index)
        if target is not None and target not in SENSITIVE_COLUMNS:
            log.add(
                Problem(
                    file,
                    said(
                        "the mapping lists the column %(column)s as sensitive, but it is also "
                        "read into %(field)s, which is stored in the clear",
                        column=quoted(header[index]),
                        field=target,
                    ),
                    said(
                        "Map it to one of %(fields)s, or drop it from `sensitive` or from "
                        "[columns]",
                        fields=", ".join(SENSITIVE_COLUMNS),
                    ),
                    row=1,
                    column=header[index],
                )
            )


def _resolve_deferred(prepared: Prepared, log: ProblemLog) -> None:
    """Read two-digit years that had no event window with the list's own dates as the hint.

    A second pass over the spool, made only when a list has such dates.
    """
    ctx = prepared.ctx
    ctx.start_final_pass()
    old = prepared.spool
    new = Spool()
    for batch in old:
        for position, row in enumerate(batch):
            if row[PENDING] is None:
                continue
            values = unpack(row)

            def problem(message: str, column: str | None = None, value: str | None = None,
                        hint: str = "", values: dict[str, Any] = values) -> None:  # fmt: skip
                log.add(Problem(ctx.file, message, hint, values["row_number"], column, value,
                                values["sheet"]))  # fmt: skip

            resolve_pending(values, ctx, problem)
            batch[position] = pack(values)
        new.write(batch)
    old.close()
    prepared.spool = new


class _KeyCheck:
    """Finds record_ids that appear twice in one file, in memory that stays small.

    Keeps 16 bytes per row (the key's hash and its row); equal hashes are confirmed against
    the keys themselves in the spool, so a hash collision is never reported as a duplicate.
    """

    def __init__(self) -> None:
        self.hashes = array("q")
        self.rows = array("q")

    def add(self, key: str, row: int) -> None:
        self.hashes.append(hash(key))
        self.rows.append(row)

    def check(self, spool: Spool, file: str, log: ProblemLog) -> None:
        if len(self.hashes) < 2:
            return
        import numpy as np

        hashes = np.frombuffer(self.hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        ordered = hashes[order]
        same = np.flatnonzero(ordered[1:] == ordered[:-1])
        if not len(same):
            return
        rows = np.frombuffer(self.rows, dtype=np.int64)
        suspects = {int(r) for r in rows[order[same]]} | {int(r) for r in rows[order[same + 1]]}
        first: dict[str, int] = {}
        for batch in spool:
            for row in batch:
                if row[ROW_NUMBER] not in suspects:
                    continue
                key = ascii_digits(row[RECORD_KEY])
                if key in first:
                    log.add(_duplicate(file, row, first[key]))
                else:
                    first[key] = row[ROW_NUMBER]


def _duplicate(file: str, row: tuple[Any, ...], first_row: int | None) -> Problem:
    return Problem(
        file,
        said("this record_id already appears on row %(row)s of the file", row=str(first_row)),
        said("Each row needs its own record_id"),
        row[ROW_NUMBER],
        "record_id",
        row[RECORD_KEY],
        row[SHEET],
    )


def _joined(items: list[Said]) -> Said:
    """``items`` joined with commas, as one message (another language has its own comma)."""
    joined = items[0]
    for item in items[1:]:
        joined = said("%(items)s, %(item)s", items=joined, item=item)
    return joined


class RowKinds:
    """A mapping's ``[rows]`` rule: which rows are records (e.g. one Uwazi template)."""

    def __init__(self, mapping: Mapping, header: tuple[str, ...]) -> None:
        self.index = mapping.row_column_index(header)
        self.column = mapping.row_column
        self.keep_keys = {event_key(k) for k in mapping.row_keep}
        self.seen: dict[str, int] = {}

    def keep(self, cells: tuple[str, ...]) -> bool:
        if self.index is None:
            return True
        value = cells[self.index].strip() if self.index < len(cells) else ""
        if self.keep_keys:
            return event_key(value) in self.keep_keys
        if value not in self.seen and len(self.seen) < 20:
            self.seen[value] = 0
        if value in self.seen:
            self.seen[value] += 1
        return True

    def check(self, file: str, log: ProblemLog) -> None:
        """Without ``keep``, rows of several kinds are refused: they are not all victims."""
        if self.keep_keys or len(self.seen) <= 1:
            return
        kinds = [
            said("%(kind)s (%(n)s row)", kind=quoted(k), n=n)
            if n == 1
            else said("%(kind)s (%(n)s rows)", kind=quoted(k), n=n)
            for k, n in self.seen.items()
        ]
        log.add(
            Problem(
                file,
                said(
                    "the file mixes rows of several kinds in column %(column)s: %(kinds)s",
                    column=quoted(self.column),
                    kinds=_joined(kinds),
                ),
                said(
                    "Export one kind only (in Uwazi: filter by template before exporting), or "
                    'write a mapping with [rows] column = "..." and keep = ["..."]'
                ),
                row=1,
                column=self.column,
            )
        )
