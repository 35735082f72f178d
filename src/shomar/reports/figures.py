"""Descriptive figures: records per source, list overlap, violations over time, provinces,
linkage. Each function returns a :class:`ReportFigure` (inline SVG and caption), or ``None``
when the report has no data for it. The estimate and claim figures are in
:mod:`shomar.reports.comparison`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import XAxis, YAxis
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from shomar.reports.comparison import (
    claims_comparison_figure,
    estimates_figure,
    posterior_figure,
)
from shomar.reports.data import (
    PRECISIONS,
    ReportData,
    overlap_patterns,
    precision_counts,
)
from shomar.reports.figure import ReportFigure, fmt_count, fmt_ratio, fmt_time, month_text
from shomar.reports.i18n import _, current
from shomar.reports.jalali_axis import jalali_ticks
from shomar.reports.svg import COLOURS, Labeller, new_figure, styled, to_svg
from shomar.reports.timeline import MonthlySpread, spread_by_month

__all__ = [
    "all_figures",
    "claims_comparison_figure",
    "estimates_figure",
    "linkage_figure",
    "overlap_figure",
    "posterior_figure",
    "provinces_figure",
    "sources_figure",
    "timeline_figure",
]

#: Intersections drawn in the overlap figure; the rest are summed in the caption.
MAX_INTERSECTIONS = 20
#: Provinces drawn; the rest are summed in the caption.
MAX_PROVINCES = 31
#: A date range longer than this gets a second panel zoomed on its busiest months.
ZOOM_AFTER_MONTHS = 60
ZOOM_MONTHS = 24


def _workspace_source(data: ReportData, table: str) -> str:
    synthetic = f" ({_('synthetic data')})" if data.synthetic else ""
    where = _("%(table)s of workspace “%(workspace)s”")
    where %= {"table": table, "workspace": data.workspace}
    return where + synthetic


def _finish(
    fig: Figure,
    data: ReportData,
    fig_id: str,
    title: str,
    description: str,
    table: str,
    alt: str,
    labeller: Labeller | None = None,
) -> ReportFigure:
    return ReportFigure(
        fig_id=fig_id,
        title=title,
        svg=to_svg(fig, fig_id),
        description=description,
        data_source=_workspace_source(data, table),
        generated_at=data.generated_at,
        alt=alt,
        key=tuple(labeller.entries) if labeller else (),
    )


def _count_axis(axis: XAxis | YAxis, ticks: int = 5) -> None:
    """Few, readable ticks with thousands separators."""
    axis.set_major_locator(MaxNLocator(ticks, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt_count(v)))


def _hbars(ax: Axes, labels: Sequence[str], values: Sequence[float], colour: str) -> None:
    """Horizontal bars, largest on top, each with its value written at its end.

    In a Persian report the chart reads right to left: labels on the right, bars growing
    leftwards from them, values at their left ends.
    """
    rtl = current().lang == "fa"
    positions = np.arange(len(labels))[::-1]
    ax.barh(positions, values, color=colour, height=0.7)
    ax.set_yticks(positions, labels)
    top = max(values) if values else 1
    for y, value in zip(positions, values, strict=True):
        ax.text(
            value + top * 0.01, y, fmt_count(value), va="center", fontsize=8.5,
            ha="right" if rtl else "left",
        )  # fmt: skip
    ax.set_xlim(0, top * 1.15 or 1)
    _count_axis(ax.xaxis)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.spines["left"].set_visible(False)  # the right one is off in every figure (svg.STYLE)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)


def sources_figure(data: ReportData) -> ReportFigure | None:
    """Records per source, as horizontal bars (source kind in brackets)."""
    if not data.sources:
        return None
    label = Labeller("S")
    ordered = sorted(data.sources, key=lambda s: -s.records)
    with styled():
        fig = new_figure(7.5, 0.9 + 0.32 * len(ordered))
        ax = fig.add_subplot()
        names = [f"{label(s.name, s.name_latin)} ({_(s.kind)})" for s in ordered]
        _hbars(ax, names, [s.records for s in ordered], COLOURS["documented"])
        ax.set_xlabel(_("records (as reported, before linkage)"))
        return _finish(
            fig,
            data,
            "fig-sources",
            _("Records per source"),
            _(
                "Records each source reported (%(n)s in all). A person named by several "
                "sources is counted once per source here."
            )
            % {"n": fmt_count(data.total_records)},
            _("records and sources tables"),
            _("Bar chart of records per source:")
            + " "
            + "; ".join(f"{s.name}: {fmt_count(s.records)}" for s in ordered),
            label,
        )


def overlap_figure(data: ReportData) -> ReportFigure | None:
    """UpSet-style overlap of sources over persons: intersection sizes over a dot matrix."""
    patterns = overlap_patterns(data.memberships)
    if not patterns:
        return None
    label = Labeller("S")
    latin = {s.name: s.name_latin for s in data.sources}
    set_sizes: dict[str, int] = {}
    for combo, count in patterns.items():
        for name in combo:
            set_sizes[name] = set_sizes.get(name, 0) + count
    sets = sorted(set_sizes, key=lambda n: (-set_sizes[n], n))
    ranked = sorted(patterns.items(), key=lambda kv: (-kv[1], len(kv[0]), sorted(kv[0])))
    shown, hidden = ranked[:MAX_INTERSECTIONS], ranked[MAX_INTERSECTIONS:]
    with styled():
        fig = new_figure(8.0, 2.6 + 0.3 * len(sets))
        grid = fig.add_gridspec(
            2, 2, width_ratios=(1, 3.2), height_ratios=(2.2, 0.3 * len(sets) + 0.4)
        )
        bars = fig.add_subplot(grid[0, 1])
        matrix = fig.add_subplot(grid[1, 1], sharex=bars)
        sizes = fig.add_subplot(grid[1, 0], sharey=matrix)
        xs = np.arange(len(shown))
        counts = [count for _, count in shown]
        bars.bar(xs, counts, color=COLOURS["neutral"], width=0.6)
        for x, count in zip(xs, counts, strict=True):
            bars.text(
                float(x),
                count,
                f" {fmt_count(count)}",
                ha="center",
                va="bottom",
                fontsize=7 if len(shown) <= 10 else 6.5,
                rotation=0 if len(shown) <= 10 else 90,
            )
        bars.set_ylabel(_("persons"))
        _count_axis(bars.yaxis, 4)
        bars.tick_params(axis="x", bottom=False, labelbottom=False)
        bars.set_ylim(0, max(counts) * (1.15 if len(shown) <= 10 else 1.4))
        ys = {name: len(sets) - 1 - i for i, name in enumerate(sets)}
        for x, (combo, _count) in zip(xs, shown, strict=True):
            matrix.scatter([x] * len(sets), list(ys.values()), s=28, color="#dddddd", zorder=1)
            member_ys = sorted(ys[name] for name in combo)
            matrix.plot([x, x], [member_ys[0], member_ys[-1]], color="#222222", lw=1.6, zorder=2)
            matrix.scatter([x] * len(member_ys), member_ys, s=34, color="#222222", zorder=3)
        matrix.set_xlim(-0.6, len(shown) - 0.4)
        matrix.set_ylim(-0.6, len(sets) - 0.4)
        matrix.axis("off")
        sizes.barh(
            [ys[n] for n in sets],
            [set_sizes[n] for n in sets],
            color=COLOURS["documented"],
            height=0.6,
        )
        for name in sets:
            sizes.text(
                set_sizes[name],
                ys[name],
                f"{fmt_count(set_sizes[name])} ",
                ha="right",
                va="center",
                fontsize=7.5,
            )
        sizes.set_xlim(max(set_sizes.values()) * 1.35, 0)
        sizes.set_yticks([ys[n] for n in sets], [label(n, latin.get(n)) for n in sets])
        sizes.yaxis.tick_right()
        sizes.tick_params(axis="y", length=0, pad=4)
        sizes.spines["left"].set_visible(False)
        sizes.spines["right"].set_visible(False)
        sizes.set_xlabel(_("persons per source"))
        sizes.tick_params(axis="x", labelsize=7.5)
        _count_axis(sizes.xaxis, 2)
        extra = (
            " "
            + _("%(n)s further combinations (%(persons)s persons) are not drawn.")
            % {"n": fmt_count(len(hidden)), "persons": fmt_count(sum(c for _, c in hidden))}
            if hidden
            else ""
        )
        singles = sum(c for combo, c in patterns.items() if len(combo) == 1)
        return _finish(
            fig,
            data,
            "fig-overlap",
            _("Overlap of sources (UpSet)"),
            _(
                "How many linked persons each exact combination of sources names (bars; the "
                "black dots below show the combination). Left: persons per source. "
                "%(single)s of %(total)s persons are named by one source only."
            )
            % {"single": fmt_count(singles), "total": fmt_count(len(data.memberships))}
            + extra,
            _("persons and their records (latest linkage)"),
            _("UpSet chart of source combinations:")
            + " "
            + "; ".join(f"{' + '.join(sorted(c))}: {fmt_count(n)}" for c, n in shown),
            label,
        )


def _month_bars(ax: Axes, spread: MonthlySpread, counts: dict[str, float]) -> None:
    lefts = mdates.date2num(spread.months)
    rights = mdates.date2num([_next_month(m) for m in spread.months])
    bottom = np.zeros(len(lefts))
    for precision, values in spread.by_precision.items():
        heights = np.asarray(values)
        shown = heights > 0
        ax.bar(
            lefts[shown],
            heights[shown],
            width=(rights - lefts)[shown] * 0.92,
            bottom=bottom[shown],
            align="edge",
            color=COLOURS.get(precision, COLOURS["light"]),
            label=f"{_(precision)} ({fmt_count(counts.get(precision, 0))})",
        )
        bottom += heights
    if current().lang == "fa":  # Jalali months on the axis, in Persian
        ticks, labels = jalali_ticks(spread.months[0], _next_month(spread.months[-1]), current())
        ax.set_xticks(mdates.date2num(ticks), labels, fontsize=8)
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel(_("records per month"))
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    _count_axis(ax.yaxis, 5)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _busiest_window(spread: MonthlySpread, months: int) -> MonthlySpread:
    totals = np.asarray(spread.totals)
    sums = np.convolve(totals, np.ones(months), mode="valid")
    start = int(np.argmax(sums))
    return MonthlySpread(
        spread.months[start : start + months],
        {p: v[start : start + months] for p, v in spread.by_precision.items()},
    )


def timeline_figure(data: ReportData) -> ReportFigure | None:
    """Violations per month, each record spread uniformly over its date interval.

    When the dates span more than :data:`ZOOM_AFTER_MONTHS`, a second panel repeats the
    busiest :data:`ZOOM_MONTHS` months so that a short, intense episode stays readable.
    """
    spread = spread_by_month(data.violation_dates)
    if not spread.months:
        return None
    counts = precision_counts(data.violation_dates)
    zoom = len(spread.months) > ZOOM_AFTER_MONTHS
    with styled():
        fig = new_figure(8.0, 5.6 if zoom else 3.2)
        if zoom:
            top, bottom_ax = fig.subplots(2, 1, height_ratios=(0.8, 1.2))
            _month_bars(top, spread, counts)
            top.set_title(
                _("All dates, %(first)s to %(last)s")
                % {"first": month_text(spread.months[0]), "last": month_text(spread.months[-1])}
            )
            window = _busiest_window(spread, ZOOM_MONTHS)
            _month_bars(bottom_ax, window, counts)
            bottom_ax.set_title(
                _("Busiest %(n)s months, %(first)s to %(last)s")
                % {
                    "n": fmt_count(ZOOM_MONTHS),
                    "first": month_text(window.months[0]),
                    "last": month_text(window.months[-1]),
                }
            )
        else:
            _month_bars(fig.add_subplot(), spread, counts)
        handles, labels = fig.axes[0].get_legend_handles_labels()
        fig.legend(
            handles,
            labels,
            title=_("date known to the"),
            title_fontsize=8,
            frameon=False,
            fontsize=8,
            loc="outside lower center",
            ncols=len(labels),
        )
        coarse = sum(v for p, v in counts.items() if p != "day")
        undated = (
            " "
            + _("%(n)s records have no usable date and are not drawn.")
            % {"n": fmt_count(data.undated_records)}
            if data.undated_records
            else ""
        )
        zoomed = (
            " "
            + _("The lower panel repeats the busiest %(n)s months at a readable scale.")
            % {"n": fmt_count(ZOOM_MONTHS)}
            if zoom
            else ""
        )
        first, last = spread.months[0], spread.months[-1]
        return _finish(
            fig,
            data,
            "fig-timeline",
            _("Violations over time"),
            _(
                "Records per calendar month. Dates are intervals, not points: each record "
                "spreads its weight evenly over the days of its interval (a record known only "
                "to a Jalali year adds about 1/12 to each month of it), so bars may hold "
                "fractions. Colours show how precisely records are dated; %(coarse)s records "
                "are known only to the month, season or year."
            )
            % {"coarse": fmt_count(coarse)}
            + zoomed
            + undated,
            _("violation dates of records (Gregorian start and end)"),
            _("Stacked monthly histogram from %(first)s to %(last)s by date precision:")
            % {"first": month_text(first), "last": month_text(last)}
            + " "
            + ", ".join(f"{_(p)} {fmt_count(counts.get(p, 0))}" for p in PRECISIONS),
        )


def provinces_figure(data: ReportData) -> ReportFigure | None:
    """Records per province, as horizontal bars."""
    if not data.provinces:
        return None
    label = Labeller("P")
    ordered = sorted(data.provinces, key=lambda p: -p.records)
    shown, hidden = ordered[:MAX_PROVINCES], ordered[MAX_PROVINCES:]
    with styled():
        fig = new_figure(7.5, 0.9 + 0.28 * len(shown))
        ax = fig.add_subplot()
        _hbars(
            ax,
            [label(p.province, p.province_latin) for p in shown],
            [p.records for p in shown],
            COLOURS["documented"],
        )
        ax.set_xlabel(_("records"))
        notes = []
        if hidden:
            notes.append(
                _("%(n)s more provinces (%(records)s records) are not drawn.")
                % {
                    "n": fmt_count(len(hidden)),
                    "records": fmt_count(sum(p.records for p in hidden)),
                }
            )
        if data.unplaced_records:
            notes.append(
                _("%(n)s records have no resolved province.")
                % {"n": fmt_count(data.unplaced_records)}
            )
        return _finish(
            fig,
            data,
            "fig-provinces",
            _("Records by province"),
            " ".join(
                [
                    _(
                        "Records per province of the violation, as resolved from the reported "
                        "place with the gazetteer."
                    ),
                    *notes,
                ]
            ),
            _("records table (resolved places)"),
            _("Bar chart of records per province:")
            + " "
            + "; ".join(f"{p.province}: {fmt_count(p.records)}" for p in shown),
            label,
        )


def linkage_figure(data: ReportData) -> ReportFigure | None:
    """Records in, persons out, pairs waiting for review, and the human decisions made."""
    link = data.linkage
    if link is None:
        return None
    with styled():
        fig = new_figure(8.0, 2.2)
        left, right = fig.subplots(1, 2, width_ratios=(1.4, 1))
        _hbars(
            left,
            [_("records"), _("persons"), _("pairs under review")],
            [link.records, link.persons, link.pairs_under_review],
            COLOURS["documented"],
        )
        left.set_title(_("Linkage"))
        decisions = {k: link.decisions.get(k, 0) for k in ("same", "different", "unsure")}
        decisions.update({k: v for k, v in link.decisions.items() if k not in decisions})
        _hbars(right, [_(d) for d in decisions], list(decisions.values()), COLOURS["neutral"])
        right.set_title(_("Review decisions"))
        when = ""
        if link.run_at:
            moment = (
                fmt_time(link.run_at) if current().lang == "fa" else f"{link.run_at:%Y-%m-%d %H:%M}"
            )
            when = f" ({_('run')} {moment})"
        ratio = fmt_ratio(link.records / link.persons) if link.persons else "—"
        return _finish(
            fig,
            data,
            "fig-linkage",
            _("Linkage summary"),
            _(
                "%(records)s records were linked into %(persons)s persons (%(ratio)s records "
                "per person); %(pairs)s uncertain pairs wait for review. Human decisions "
                "override the model in every later run."
            )
            % {
                "records": fmt_count(link.records),
                "persons": fmt_count(link.persons),
                "ratio": ratio,
                "pairs": fmt_count(link.pairs_under_review),
            },
            _("latest linkage run%(when)s and review decisions") % {"when": when},
            _("Linkage: %(records)s records, %(persons)s persons, %(pairs)s pairs under review;")
            % {
                "records": fmt_count(link.records),
                "persons": fmt_count(link.persons),
                "pairs": fmt_count(link.pairs_under_review),
            }
            + " "
            + _("decisions")
            + " "
            + ", ".join(f"{_(k)} {fmt_count(v)}" for k, v in decisions.items()),
        )


def all_figures(data: ReportData) -> dict[str, ReportFigure]:
    """Every descriptive figure the data allows, by id (estimate figures come per event)."""
    figures = [
        sources_figure(data),
        overlap_figure(data),
        timeline_figure(data),
        provinces_figure(data),
        linkage_figure(data),
    ]
    return {f.fig_id: f for f in figures if f is not None}
