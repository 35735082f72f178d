"""Stratified capture tables: read the shared ``*_by_*.csv`` format, estimate, combine strata.

The stratified format (``../shared/data/mse/README.md``) has one 0/1 column per list, one or
more stratum columns (e.g. ``eth`` or ``Region, Gender, Age``) and ``count``; only the patterns
present are listed. ``--by COLUMN`` splits the table on that column (stratum columns not named
are summed over). Strata are estimated separately and combined: Bayesian methods by summing
posterior draws (independent strata: the draws of the sum are sums of draws), others by a normal
approximation from the per-stratum intervals. A stratum that cannot be estimated (fewer than 2
lists with records, or a method's error) is skipped with its reason, and the total says which
strata and how many records it covers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.stats import norm

from shomar.errors import CaptureTableError
from shomar.estimation.capture import MAX_TABLE_BYTES, CaptureTable
from shomar.estimation.result import EstimateResult
from shomar.readable import read_small_file


@dataclass
class StratifiedTable:
    """One capture table per stratum value, over the same lists."""

    lists: tuple[str, ...]
    by: tuple[str, ...]
    strata: dict[str, CaptureTable]

    @property
    def observed(self) -> int:
        return sum(t.observed for t in self.strata.values())


@dataclass
class SkippedStratum:
    stratum: str
    observed: int
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"stratum": self.stratum, "observed": self.observed, "reason": self.reason}


@dataclass
class StratifiedResult:
    """Per-stratum results, the skipped strata and the combined total of the others."""

    method: str
    per_stratum: dict[str, EstimateResult]
    skipped: list[SkippedStratum] = field(default_factory=list)
    combined: EstimateResult | None = None


def read_stratified_table(path: str | Path, by: Sequence[str]) -> StratifiedTable:
    """Read a stratified table and split it on the columns ``by`` (others summed over)."""
    path = Path(path)
    data = read_small_file(path, expected="a capture table (CSV)", limit=MAX_TABLE_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptureTableError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    rows = [r for r in csv.reader(io.StringIO(text)) if r and any(c.strip() for c in r)]
    if not rows:
        raise CaptureTableError(f"{path}: the file is empty", hint="Expected a header row.")
    header = [h.strip() for h in rows[0]]
    if "count" not in header:
        raise CaptureTableError(
            f"{path}, row 1: no `count` column in header {header}",
            hint="List columns (0/1), stratum columns, then `count`.",
        )
    missing = [b for b in by if b not in header]
    if missing:
        raise CaptureTableError(
            f"{path}, row 1: no column {', '.join(map(repr, missing))} to stratify by",
            hint=f"The columns are: {', '.join(header)}.",
        )
    body = rows[1:]
    for line_no, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise CaptureTableError(
                f"{path}, row {line_no}: {len(row)} cells, the header has {len(header)}"
            )
    count_col = header.index("count")
    binary = {
        i: all(row[i].strip() in ("0", "1") for row in body)
        for i, h in enumerate(header)
        if i != count_col
    }
    list_cols = [i for i, is_binary in binary.items() if is_binary and header[i] not in by]
    by_cols = [header.index(b) for b in by]
    if len(list_cols) < 2:
        raise CaptureTableError(
            f"{path}: found {len(list_cols)} list column(s) (0/1 values); need at least 2",
            hint="List columns hold only 0 and 1; stratum columns hold the stratum values.",
        )
    lists = tuple(header[i] for i in list_cols)
    grouped: dict[str, dict[tuple[int, ...], int]] = {}
    for line_no, row in enumerate(body, start=2):
        raw = row[count_col].strip()
        if not raw.isdigit():
            raise CaptureTableError(
                f"{path}, row {line_no}, column 'count': {raw!r} is not a count",
                hint="Counts are non-negative whole numbers.",
            )
        pattern = tuple(int(row[i]) for i in list_cols)
        count = int(raw)
        if not any(pattern):
            if count:
                raise CaptureTableError(
                    f"{path}, row {line_no}: the all-zero pattern cannot be observed "
                    f"(count {count})",
                    hint="Remove that row: individuals on no list are what MSE estimates.",
                )
            continue
        stratum = ", ".join(f"{header[i]}={row[i].strip()}" for i in by_cols)
        cell = grouped.setdefault(stratum, {})
        cell[pattern] = cell.get(pattern, 0) + count
    strata = {s: CaptureTable.from_counts(lists, c) for s, c in sorted(grouped.items())}
    return StratifiedTable(lists, tuple(by), strata)


def unestimable_reason(table: CaptureTable, min_lists: int = 3) -> str | None:
    """Why a stratum's table cannot be estimated, or ``None``.

    A stratum needs ``min_lists`` lists with records (all of them on a 2-list table) and some
    overlap between lists.
    """
    if table.observed == 0:
        return "no records"
    min_lists = min(min_lists, table.n_lists)
    with_records = sum(1 for total in table.list_totals().values() if total > 0)
    if with_records < min_lists:
        return f"only {with_records} list(s) with records (at least {min_lists} needed)"
    pats = table.patterns.astype(bool)
    overlap = int(table.counts[pats.sum(axis=1) > 1].sum())
    if overlap == 0:
        return "no record is on more than one list (no overlap to estimate from)"
    return None


def combine_strata(
    method: str,
    results: dict[str, EstimateResult],
    skipped: Sequence[SkippedStratum] = (),
) -> EstimateResult:
    """Total over the estimated strata; says which strata and how many records it covers."""
    parts = list(results.values())
    if not parts:
        raise CaptureTableError(
            "no stratum could be estimated: "
            + "; ".join(f"{s.stratum}: {s.reason}" for s in skipped)
        )
    observed = sum(r.observed for r in parts)
    skipped_records = sum(s.observed for s in skipped)
    where: dict[str, list[str]] = {}
    for stratum, result in results.items():
        for warning in result.warnings:
            where.setdefault(warning, []).append(stratum)
    warnings = [
        w if len(strata) == len(results) else f"[{'; '.join(strata)}] {w}"
        for w, strata in where.items()
    ]
    coverage = (
        f"the total covers {len(results)} strata ({', '.join(results)}) with {observed:,} records"
    )
    if skipped:
        warnings.insert(
            0,
            f"{coverage}; {len(skipped)} stratum/strata with {skipped_records:,} records were "
            "skipped and are NOT in it: "
            + "; ".join(f"{s.stratum} ({s.observed:,} records): {s.reason}" for s in skipped),
        )
    level = parts[0].level
    settings = {
        "strata": list(results),
        "skipped_strata": [s.to_dict() for s in skipped],
        "records_covered": observed,
        "records_skipped": skipped_records,
    }
    diagnostics = {"coverage": coverage}
    tail = (1 - level) / 2
    if all(r.draws is not None for r in parts):
        flat = [np.asarray(r.draws).reshape(-1) for r in parts]
        size = min(len(d) for d in flat)
        total = np.sum([d[:size] for d in flat], axis=0)
        lo, hi = np.quantile(total, [tail, 1 - tail])
        return EstimateResult(
            method,
            observed,
            float(np.median(total)),
            (float(lo), float(hi)),
            level,
            "equal-tailed posterior interval of the sum of strata",
            None,
            settings,
            parts[0].seed,
            diagnostics,
            warnings,
            sum(r.runtime_s for r in parts),
            total,
        )
    estimate = sum(r.estimate for r in parts)
    z = float(norm.ppf(1 - tail))
    variance = sum(((r.interval[1] - r.interval[0]) / (2 * z)) ** 2 for r in parts)
    half = z * variance**0.5
    return EstimateResult(
        method,
        observed,
        estimate,
        (max(observed, estimate - half), estimate + half),
        level,
        "normal approximation from per-stratum intervals",
        None,
        settings,
        parts[0].seed,
        diagnostics,
        warnings,
        sum(r.runtime_s for r in parts),
    )
