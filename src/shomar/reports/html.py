"""The report as one self-contained HTML file: inline CSS, inline SVG figures, embedded font.

Nothing is fetched when the file is opened: no scripts, no links, no web fonts from a server.
The Persian font (Vazirmatn, SIL Open Font License 1.1, shipped in ``static/``) is embedded
as a base64 ``@font-face`` restricted to Arabic-script code points, so Latin text keeps the
reader's sans-serif font and Persian text is shaped by the browser, right-to-left.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from shomar.reports.bidi import bidi_html
from shomar.reports.comparison import (
    claims_comparison_figure,
    estimates_figure,
    event_id,
    posterior_figure,
    quantity_text,
)
from shomar.reports.data import (
    PRECISIONS,
    CategoryComparison,
    EventReport,
    ReportData,
    precision_counts,
)
from shomar.reports.figure import ReportFigure, fmt_count, fmt_time
from shomar.reports.figures import all_figures

logger = logging.getLogger(__name__)

FONT_FILE = "Vazirmatn-NL-wght.woff2"
FONT_LICENSE_FILE = "Vazirmatn-OFL.txt"


@dataclass(frozen=True)
class CategoryView:
    """One counted category of an event, with its comparison figure."""

    category: CategoryComparison
    figure: ReportFigure


@dataclass(frozen=True)
class EventView:
    """One event as the template shows it."""

    anchor: str
    event: EventReport
    categories: list[CategoryView]
    estimates: ReportFigure | None
    posterior: ReportFigure | None


@cache
def font_base64() -> str:
    """The shipped Persian font, base64-encoded for an inline ``@font-face``."""
    blob = resources.files("shomar.reports").joinpath("static", FONT_FILE).read_bytes()
    return base64.b64encode(blob).decode("ascii")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shomar.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["t"] = bidi_html
    env.filters["count"] = fmt_count
    env.filters["when"] = fmt_time
    env.filters["day"] = _day
    env.filters["size"] = _size
    env.filters["quantity"] = quantity_text
    return env


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n:,} bytes"
    value = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:,.1f} {unit}"


def _events(data: ReportData) -> list[EventView]:
    views = []
    for index, event in enumerate(data.events):
        categories = [
            CategoryView(category, claims_comparison_figure(data, index, event, category))
            for category in event.categories
        ]
        views.append(
            EventView(
                anchor=event_id(index, event),
                event=event,
                categories=categories,
                estimates=estimates_figure(data, index, event),
                posterior=posterior_figure(data, index, event),
            )
        )
    return views


def render_report(data: ReportData) -> str:
    """The report as one self-contained HTML document (a string)."""
    template = _environment().get_template("report.html")
    return template.render(
        data=data,
        figures=all_figures(data),
        events=_events(data),
        precisions=precision_counts(data.violation_dates),
        precision_order=PRECISIONS,
        font_base64=font_base64(),
    )


def write_report(data: ReportData, path: str | Path, *, pdf: bool = False) -> Path:
    """Write the HTML report to ``path``; with ``pdf``, also ``path`` with suffix ``.pdf``.

    The PDF is printed by headless Chromium (:func:`shomar.reports.browser.print_pdf`), which
    raises :class:`~shomar.reports.browser.BrowserNotFound` when Chromium is not installed.
    Returns the HTML path.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_report(data), encoding="utf-8")
    logger.info("report written to %s", target)
    if pdf:
        from shomar.reports.browser import print_pdf

        print_pdf(target, target.with_suffix(".pdf"))
    return target
