"""Spreading violation-date intervals over calendar months, without inventing precision.

A record known only to "Mordad 1367" (1988-07-23/1988-08-22) is not a point: it adds its weight
to July and August 1988 in proportion to the days of its interval that fall in each month. A
record known to the Jalali year 1367 spreads over twelve or thirteen Gregorian months. The sum
over all months equals the number of records, so the histogram never counts a record twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from shomar.reports.data import PRECISIONS, DateInterval


@dataclass(frozen=True)
class MonthlySpread:
    """Records per month (``months[i]`` is the first day of month ``i``), split by precision."""

    months: list[date]
    by_precision: dict[str, list[float]]

    @property
    def totals(self) -> list[float]:
        """Records per month over all precisions."""
        return [
            sum(values[i] for values in self.by_precision.values()) for i in range(len(self.months))
        ]


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _next_month_start(index: int) -> date:
    return _month_start(index + 1)


def spread_by_month(intervals: Sequence[DateInterval]) -> MonthlySpread:
    """Spread each interval's weight uniformly over its days, and sum the days per month."""
    grouped: dict[tuple[date, date, str], float] = {}
    for interval in intervals:
        start, end = sorted((interval.start, interval.end))
        key = (start, end, interval.precision)
        grouped[key] = grouped.get(key, 0.0) + interval.weight
    if not grouped:
        return MonthlySpread([], {})
    first = min(_month_index(start) for start, _, _ in grouped)
    last = max(_month_index(end) for _, end, _ in grouped)
    months = [_month_start(i) for i in range(first, last + 1)]
    precisions = list(PRECISIONS) + sorted({p for _, _, p in grouped} - set(PRECISIONS))
    by_precision = {p: [0.0] * len(months) for p in precisions}
    for (start, end, precision), weight in grouped.items():
        days = (end - start).days + 1
        row = by_precision[precision]
        for index in range(_month_index(start), _month_index(end) + 1):
            lo = max(start, _month_start(index))
            hi = min(end, _next_month_start(index) - timedelta(days=1))
            row[index - first] += weight * ((hi - lo).days + 1) / days
    return MonthlySpread(months, {p: v for p, v in by_precision.items() if any(v)})
