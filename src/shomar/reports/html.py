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
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

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
from shomar.reports.figure import ReportFigure, fmt_count, fmt_time, fmt_time_gregorian
from shomar.reports.figures import all_figures
from shomar.reports.i18n import _, current, language
from shomar.web.i18n import translations

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
def _environment(lang: str = "en") -> Environment:
    env = Environment(
        loader=PackageLoader("shomar.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["t"] = bidi_html
    env.filters["count"] = fmt_count
    env.filters["when"] = _when
    env.filters["day"] = _day
    env.filters["size"] = _size
    env.filters["quantity"] = quantity_text
    env.filters["tr"] = _
    env.filters["digits"] = lambda value: current().digits(value)
    return env


def _when(moment: datetime) -> Markup | str:
    """A time; in Persian the Jalali date, with the Gregorian in the hover title."""
    if current().lang != "fa":
        return fmt_time(moment)
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        moment.isoformat(), fmt_time_gregorian(moment), fmt_time(moment)
    )


def _day(value: date | None) -> Markup | str:
    if not value:
        return "—"
    locale = current()
    if locale.lang != "fa":
        return value.isoformat()
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        value.isoformat(), locale.gregorian(value), locale.jalali(value)
    )


def _size(n: int) -> str:
    if n < 1024:
        return _("%(n)s bytes") % {"n": fmt_count(n)}
    value = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    text = f"{value:,.1f}"
    if current().lang == "fa":
        text = current().digits(text.replace(",", "٬").replace(".", "٫"))
    return f"{text} {unit}"


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


def render_report(data: ReportData, *, lang: str = "en") -> str:
    """The report as one self-contained HTML document (a string), in ``lang`` (en or fa)."""
    with language(lang) as locale:
        template = _environment(lang).get_template("report.html")
        return template.render(
            data=data,
            figures=all_figures(data),
            events=_events(data),
            precisions=precision_counts(data.violation_dates),
            precision_order=PRECISIONS,
            font_base64=font_base64(),
            lang=lang,
            dir=locale.dir,
        )


def write_report(
    data: ReportData, path: str | Path, *, pdf: bool = False, lang: str = "en"
) -> Path:
    """Write the HTML report to ``path``; with ``pdf``, also ``path`` with suffix ``.pdf``.

    The PDF is printed by headless Chromium (:func:`shomar.reports.browser.print_pdf`), which
    raises :class:`~shomar.reports.browser.BrowserNotFound` when Chromium is not installed.
    Returns the HTML path.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_report(data, lang=lang), encoding="utf-8")
    logger.info("report written to %s", target)
    if pdf:
        from shomar.reports.browser import print_pdf

        print_pdf(target, target.with_suffix(".pdf"))
    return target
