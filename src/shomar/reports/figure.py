"""What every report figure carries besides its picture: what it shows, its data, its time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from shomar.reports.i18n import current
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
    """A count with thousands separators; fractions (spread weights) with one decimal.

    In a Persian report the digits are Persian and the separators Arabic (٬ and ٫).
    """
    text = f"{round(value):,}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"
    if current().lang == "fa":
        text = current().digits(text.replace(",", "٬").replace(".", "٫"))
    return text


def fmt_time(moment: datetime) -> str:
    """A generation time as readers see it: ISO date and minutes, with the zone if known."""
    zone = moment.strftime("%Z") or ("UTC" if moment.tzinfo else "")
    locale = current()
    if locale.lang == "fa":
        return f"{locale.jalali(moment.date())} {locale.digits(f'{moment:%H:%M}')} {zone}".strip()
    return f"{moment:%Y-%m-%d %H:%M} {zone}".strip()


def fmt_time_gregorian(moment: datetime) -> str:
    """The same time in the Gregorian calendar (the hover title of a Jalali time)."""
    zone = moment.strftime("%Z") or ("UTC" if moment.tzinfo else "")
    return current().digits(f"{moment:%Y-%m-%d %H:%M} {zone}".strip())


def fmt_ratio(value: float) -> str:
    """A ratio with two decimals (Persian digits and the Arabic decimal sign in Persian)."""
    text = f"{value:.2f}"
    if current().lang == "fa":
        text = current().digits(text.replace(".", "٫"))
    return text


def month_text(day: date) -> str:
    """The month of ``day``: ``1988-07`` in English; its Jalali month and year in Persian."""
    locale = current()
    if locale.lang != "fa":
        return f"{day:%Y-%m}"
    return locale.jalali(day).split(" ", 1)[1]  # «۱۰ تیر ۱۳۶۷» → «تیر ۱۳۶۷»
