"""Compare partial dates as intervals of days: overlap and distance."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Interval(Protocol):
    """Anything with inclusive ``start`` and ``end`` dates, such as a PartialDate."""

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def intervals_overlap(a: Interval, b: Interval) -> bool:
    """True when the two inclusive intervals share at least one day."""
    return a.start <= b.end and b.start <= a.end


def interval_distance_days(a: Interval, b: Interval) -> int:
    """Days from the end of the earlier interval to the start of the later; 0 if they overlap.

    Two single days are as far apart as their dates (29 and 30 July 1988: 1); adjacent
    intervals (Tir and Mordad 1367) are 1 apart.
    """
    if intervals_overlap(a, b):
        return 0
    if a.end < b.start:
        return (b.start - a.end).days
    return (a.start - b.end).days
