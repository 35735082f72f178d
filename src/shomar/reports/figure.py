"""What every report figure carries besides its picture: what it shows, its data, its time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from shomar.reports.svg import KeyEntry


@dataclass(frozen=True)
class ReportFigure:
    """One figure: inline SVG plus the caption parts the HTML prints under it.

    ``key`` explains labels the figure had to abbreviate (Persian names, set right-to-left in
    the HTML). ``data_source`` names the data drawn; ``generated_at`` is the report's time.
    """

    fig_id: str
    title: str
    svg: str
    description: str
    data_source: str
    generated_at: datetime
    alt: str
    key: Sequence[KeyEntry] = field(default_factory=tuple)


def fmt_count(value: float) -> str:
    """A count with thousands separators; fractions (spread weights) with one decimal."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def fmt_time(moment: datetime) -> str:
    """A generation time as readers see it: ISO date and minutes, with the zone if known."""
    zone = moment.strftime("%Z") or ("UTC" if moment.tzinfo else "")
    return f"{moment:%Y-%m-%d %H:%M} {zone}".strip()
