"""Capture-history tables: which lists recorded how many individuals.

A table has ``J`` lists and one count per observable capture pattern (the ``2**J - 1`` non-zero
0/1 vectors). Pattern rows are ordered by the binary number they form with the first list as the
most significant bit, as in the shared CSV format (``../shared/data/mse/README.md``).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from shomar.errors import CaptureTableError
from shomar.readable import read_small_file

MAX_LISTS = 15


def all_patterns(n_lists: int) -> npt.NDArray[np.int8]:
    """All ``2**J - 1`` non-zero capture patterns, first list = most significant bit."""
    codes = np.arange(1, 2**n_lists)
    shifts = np.arange(n_lists - 1, -1, -1)
    return ((codes[:, None] >> shifts[None, :]) & 1).astype(np.int8)


@dataclass(frozen=True)
class CaptureTable:
    """Counts of individuals per capture pattern over ``lists``.

    ``patterns`` has shape ``(2**J - 1, J)`` and holds every observable pattern in canonical
    order; ``counts`` has one non-negative integer per pattern.
    """

    lists: tuple[str, ...]
    patterns: npt.NDArray[np.int8]
    counts: npt.NDArray[np.int64]

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of distinct individuals seen on at least one list."""
        return int(self.counts.sum())

    def list_totals(self) -> dict[str, int]:
        """Individuals recorded by each list."""
        totals = (self.patterns * self.counts[:, None]).sum(axis=0)
        return {name: int(t) for name, t in zip(self.lists, totals, strict=True)}

    def digest(self) -> str:
        """SHA-256 of the canonical CSV form: identifies the input of an estimate run."""
        return hashlib.sha256(self.to_csv().encode("utf-8")).hexdigest()

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*self.lists, "count"])
        for row, count in zip(self.patterns, self.counts, strict=True):
            writer.writerow([*map(int, row), int(count)])
        return out.getvalue()

    def subset(self, keep: Sequence[str]) -> CaptureTable:
        """Collapse the table onto the lists in ``keep`` (individuals seen on none are dropped)."""
        index = [self.lists.index(name) for name in keep]
        histories: dict[tuple[int, ...], int] = {}
        for row, count in zip(self.patterns, self.counts, strict=True):
            sub = tuple(int(row[i]) for i in index)
            if any(sub):
                histories[sub] = histories.get(sub, 0) + int(count)
        return CaptureTable.from_counts(tuple(keep), histories)

    @classmethod
    def from_counts(
        cls, lists: Sequence[str], counts: Mapping[tuple[int, ...], int]
    ) -> CaptureTable:
        """Build a table from ``{pattern: count}``; missing patterns count zero."""
        lists = tuple(lists)
        _check_list_names(lists, where="list names")
        patterns = all_patterns(len(lists))
        values = np.zeros(len(patterns), dtype=np.int64)
        for pattern, count in counts.items():
            if len(pattern) != len(lists) or not any(pattern):
                raise CaptureTableError(f"pattern {pattern} does not fit lists {lists}")
            code = int("".join(str(int(bool(v))) for v in pattern), 2)
            values[code - 1] += int(count)
        return cls(lists, patterns, values)

    @classmethod
    def from_memberships(
        cls, lists: Sequence[str], memberships: Iterable[Iterable[str]]
    ) -> CaptureTable:
        """Build a table from one set of list names per individual (e.g. per person)."""
        lists = tuple(lists)
        position = {name: i for i, name in enumerate(lists)}
        counts: dict[tuple[int, ...], int] = {}
        for member_of in memberships:
            pattern = [0] * len(lists)
            for name in member_of:
                pattern[position[name]] = 1
            if any(pattern):
                key = tuple(pattern)
                counts[key] = counts.get(key, 0) + 1
        return cls.from_counts(lists, counts)


def _check_list_names(lists: Sequence[str], *, where: str) -> None:
    if len(lists) < 2:
        raise CaptureTableError(
            f"{where}: a capture table needs at least 2 lists, found {len(lists)}",
            hint="Add 0/1 columns, one per list, before the `count` column.",
        )
    if len(lists) > MAX_LISTS:
        raise CaptureTableError(f"{where}: at most {MAX_LISTS} lists are supported")
    if len(set(lists)) != len(lists):
        raise CaptureTableError(f"{where}: list names repeat: {', '.join(lists)}")


#: a capture table has one row per pattern of lists (at most 2^lists rows, times strata)
MAX_TABLE_BYTES = 64 * (1 << 20)


def read_capture_table(path: str | Path) -> CaptureTable:
    """Read the shared CSV format: one 0/1 column per list, then ``count``.

    Patterns may be listed in any order and may be missing (they count zero). An all-zero row
    is accepted only with count 0 (it cannot be observed). Every problem names the row.
    """
    path = Path(path)
    raw = read_small_file(path, expected="a capture table (CSV)", limit=MAX_TABLE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptureTableError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise CaptureTableError(f"{path}: the file is empty", hint="Expected a header row.")
    header = [h.strip() for h in rows[0]]
    if "count" not in header:
        raise CaptureTableError(
            f"{path}, row 1: no `count` column in header {header}",
            hint="The last column must be `count`; the others are 0/1 list columns.",
        )
    count_col = header.index("count")
    lists = tuple(h for i, h in enumerate(header) if i != count_col)
    _check_list_names(lists, where=f"{path}, row 1")
    counts: dict[tuple[int, ...], int] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CaptureTableError(
                f"{path}, row {line_no}: {len(row)} cells, the header has {len(header)}"
            )
        pattern = []
        for i, cell in enumerate(row):
            if i == count_col:
                continue
            if cell.strip() not in ("0", "1"):
                raise CaptureTableError(
                    f"{path}, row {line_no}, column {header[i]!r}: {cell!r} is not 0 or 1",
                    hint=f"If {header[i]!r} is a stratum column (as in the shared *_by_*.csv "
                    f"tables), estimate per stratum with `--by {header[i]}`.",
                )
            pattern.append(int(cell))
        raw_count = row[count_col].strip()
        try:
            count = int(float(raw_count))
        except ValueError:
            count = -1
        if count < 0 or str(count) != raw_count.split(".")[0]:
            raise CaptureTableError(
                f"{path}, row {line_no}, column 'count': {raw_count!r} is not a count",
                hint="Counts are non-negative whole numbers.",
            )
        if not any(pattern):
            if count:
                raise CaptureTableError(
                    f"{path}, row {line_no}: the all-zero pattern cannot be observed "
                    f"(count {count})",
                    hint="Remove that row: individuals on no list are what MSE estimates.",
                )
            continue
        key = tuple(pattern)
        if key in counts:
            raise CaptureTableError(f"{path}, row {line_no}: pattern {key} appears twice")
        counts[key] = count
    table = CaptureTable.from_counts(lists, counts)
    if table.observed == 0:
        raise CaptureTableError(f"{path}: every count is zero")
    return table
