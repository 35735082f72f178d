"""Figures for estimates and claims, one event (and counted category) at a time.

Claimed, documented and estimated numbers are drawn in three separate panels on one shared
value axis, each in its own colour, so a reader compares them without any being merged into
another. The documented count is also drawn as a dotted reference line across the panels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.ticker import NullFormatter

from shomar.reports.data import (
    CategoryComparison,
    Claim,
    Estimate,
    EventReport,
    Quantity,
    ReportData,
)
from shomar.reports.figure import ReportFigure, fmt_count
from shomar.reports.i18n import _, current
from shomar.reports.svg import (
    COLOURS,
    KeyEntry,
    Labeller,
    has_arabic_script,
    new_figure,
    styled,
    to_svg,
)

#: Fewer posterior draws than this are not drawn as a distribution.
MIN_DRAWS = 20


def _slug(text: str) -> str:
    cleaned = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in cleaned.split("-") if part) or "x"


def event_id(index: int, event: EventReport) -> str:
    """A stable HTML id for an event (its position, plus a slug of its Latin name)."""
    return f"ev{index + 1}-{_slug(event.name_latin or event.name)}"[:40]


def _event_label(event: EventReport, label: Labeller) -> str:
    return label(event.name, event.name_latin)


def _source(data: ReportData, what: str) -> str:
    synthetic = f" ({_('synthetic data')})" if data.synthetic else ""
    where = _("%(table)s of workspace “%(workspace)s”")
    where %= {"table": what, "workspace": data.workspace}
    return where + synthetic


def estimate_label(estimate: Estimate) -> str:
    """``method [stratum] *`` over ``95% type``; the star marks a run with warnings."""
    stratum = f" [{estimate.stratum}]" if estimate.stratum else ""
    kind = f" {estimate.interval_type}" if estimate.interval_type else ""
    star = " *" if estimate.warnings else ""
    if estimate.stale_reason:
        star += " " + _("(stale)")
    return f"{estimate.method}{stratum}{star}\n{estimate.level:.0%}{kind}"


def quantity_text(claim: Claim) -> str:
    """The claimed number as stated: ``1,500``, ``≥ 1,500``, ``≤ 300``, ``≈ 1,500``,
    ``1,000–2,000``; a vague amount ("thousands of") as ``≈ 2,000–9,999``."""
    q = claim.quantity
    if q.value is None and q.lower is not None and q.upper is not None:
        span = f"{fmt_count(q.lower)}–{fmt_count(q.upper)}"
        return f"≈ {span}" if q.qualifier == "vague" else span
    value = q.value if q.value is not None else (q.lower if q.lower is not None else q.upper)
    if value is None:
        return "?"
    prefix = {"at_least": "≥ ", "at_most": "≤ "}.get(q.qualifier, "")
    if q.qualifier in APPROXIMATE:
        prefix = "≈ "
    return prefix + fmt_count(value)


def _day(day: date | None) -> str:
    """A date on a chart: ISO in English, Jalali with Persian digits in Persian."""
    if day is None:
        return ""
    return current().jalali(day) if current().lang == "fa" else day.isoformat()


def _interval_text(estimate: Estimate) -> str:
    if estimate.interval is None:
        return fmt_count(round(estimate.estimate))
    lo, hi = estimate.interval
    return f"{fmt_count(round(estimate.estimate))} [{fmt_count(round(lo))}–{fmt_count(round(hi))}]"


@dataclass(frozen=True)
class Scale:
    """The shared value axis: linear from 0, or logarithmic when values span many magnitudes."""

    log: bool
    lo: float
    hi: float


#: A value axis switches to a logarithmic scale when its largest value exceeds its smallest
#: positive value by this factor (3 documented against 30,000 claimed would vanish otherwise).
LOG_RATIO = 100.0


def axis_scale(category: CategoryComparison) -> Scale:
    """The value axis that shows every claim, the documented count and every interval."""
    values: list[float] = []
    for claim in category.claims:
        q = claim.quantity
        values.extend(v for v in (q.value, q.lower, q.upper) if v is not None)
    if category.documented:
        values.append(category.documented.unique_persons)
        values.append(category.documented.multi_source_persons)
    for estimate in category.estimates:
        values.append(estimate.estimate)
        if estimate.interval:
            values.extend(estimate.interval)
    positive = [v for v in values if v > 0]
    if not positive:
        return Scale(False, 0.0, 1.0)
    top, bottom = max(positive), min(positive)
    if top / bottom >= LOG_RATIO:
        return Scale(True, 10 ** math.floor(math.log10(bottom)) / 2, top * 2.5)
    return Scale(False, 0.0, top * 1.22)


def _empty(ax: Axes, text: str) -> None:
    ax.text(0.01, 0.5, text, transform=ax.transAxes, va="center", color="#777777", style="italic")
    ax.set_yticks([])


def _panel_style(ax: Axes, title: str, colour: str) -> None:
    ax.set_title(title, color=colour, fontsize=9.5)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)


#: Qualifiers drawn with a hollow marker (the number is stated as approximate).
APPROXIMATE = frozenset({"approximate", "approximately"})


def _arrow(ax: Axes, y: float, start: float, end: float, colour: str) -> None:
    ax.annotate(
        "",
        xy=(end, y),
        xytext=(start, y),
        arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.3, "ls": "--"},
    )


def _draw_quantity(ax: Axes, y: float, q: Quantity, scale: Scale, colour: str) -> float:
    """Draw one claimed quantity on row ``y``; return where its text label goes."""
    low, high = q.low, q.high
    is_span = q.qualifier in ("range", "vague") or (q.value is None and None not in (low, high))
    if is_span and low is not None and high is not None:
        vague = q.qualifier == "vague"
        ax.plot(
            [low, high],
            [y, y],
            color=colour,
            lw=1.6 if vague else 2.5,
            ls="--" if vague else "-",
            solid_capstyle="butt",
        )
        ax.plot([low, high], [y, y], "|", color=colour, ms=10, mew=2)
        text_x = math.sqrt(low * high) if scale.log and low > 0 else (low + high) / 2
    elif q.qualifier == "at_least" and low is not None:
        _arrow(ax, y, low, scale.hi, colour)
        text_x = low
    elif q.qualifier == "at_most" and high is not None:
        _arrow(ax, y, high, scale.lo, colour)
        text_x = high
    else:
        text_x = q.value if q.value is not None else (low if low is not None else scale.lo)
    if q.value is not None:
        hollow = q.qualifier in APPROXIMATE
        ax.plot(
            [q.value],
            [y],
            "o",
            ms=7,
            color=colour,
            markerfacecolor="white" if hollow else colour,
            mew=1.6,
            zorder=3,
        )
    return text_x


def _draw_claims(ax: Axes, claims: Sequence[Claim], scale: Scale) -> list[KeyEntry]:
    colour = COLOURS["claim"]
    keys: list[KeyEntry] = []
    labels = []
    n = len(claims)
    for i, claim in enumerate(claims):
        y = n - 1 - i
        q = claim.quantity
        key = f"C{i + 1}"
        if has_arabic_script(claim.claimant) and current().lang != "fa":
            keys.append(KeyEntry(key, claim.claimant))  # English figures draw Latin only
            who = (
                claim.claimant_latin
                if claim.claimant_latin and not has_arabic_script(claim.claimant_latin)
                else _("(Persian name, see key)")
            )
        else:
            who = claim.claimant
        comma = "، " if current().lang == "fa" else ", "
        when = f"{comma}{_day(claim.date_stated)}" if claim.date_stated else ""
        labels.append(f"{key} {who}{when}")
        text_x = _draw_quantity(ax, y, q, scale, colour)
        ax.text(
            text_x,
            y + 0.22,
            quantity_text(claim),
            ha="center",
            va="bottom",
            fontsize=8,
            color="#222222",
        )
    ax.set_yticks(range(n - 1, -1, -1), labels)
    ax.set_ylim(-0.6, n - 0.2)
    return keys


def _draw_documented(ax: Axes, category: CategoryComparison, scale: Scale) -> None:
    doc = category.documented
    if doc is None:
        _empty(ax, _("No documented count yet (linkage has not run for this event)."))
        return
    values = [doc.unique_persons, doc.multi_source_persons]
    ys = [1, 0]
    widths = [max(v - scale.lo, 0.0) for v in values]
    ax.barh(ys, widths, left=scale.lo, color=[COLOURS["documented"], "#7fb8dc"], height=0.55)
    for y, value in zip(ys, values, strict=True):
        ax.text(max(value, scale.lo), y, f"  {fmt_count(value)}", va="center", fontsize=8)
    ax.set_yticks(ys, [_("unique persons named"), _("confirmed by > 1 source")])
    ax.set_ylim(-0.6, 1.6)


def _draw_estimates(ax: Axes, estimates: Sequence[Estimate]) -> None:
    colour = COLOURS["estimate"]
    n = len(estimates)
    for i, estimate in enumerate(estimates):
        y = n - 1 - i
        if estimate.interval is not None:
            lo, hi = estimate.interval
            ax.plot([lo, hi], [y, y], color=colour, lw=2.5, solid_capstyle="butt")
            ax.plot([lo, hi], [y, y], "|", color=colour, ms=10, mew=2)
        ax.plot([estimate.estimate], [y], "D", color=colour, ms=6, zorder=3)
        if estimate.observed is not None:
            ax.plot([estimate.observed], [y], "|", color="#444444", ms=12, mew=1.5, zorder=3)
        ax.text(
            estimate.estimate,
            y + 0.22,
            _interval_text(estimate),
            ha="center",
            va="bottom",
            fontsize=8,
            color="#222222",
        )
    ax.set_yticks(range(n - 1, -1, -1), [estimate_label(e) for e in estimates], linespacing=1.3)
    ax.set_ylim(-0.6, n - 0.2)


def claims_comparison_figure(
    data: ReportData, index: int, event: EventReport, category: CategoryComparison
) -> ReportFigure:
    """Claimed vs documented vs estimated for one event and counted category, panel by panel."""
    label = Labeller("E")
    event_label = _event_label(event, label)
    scale = axis_scale(category)
    rows = [
        max(len(category.claims), 1),
        2 if category.documented else 1,
        max(1.3 * len(category.estimates), 1),
    ]
    with styled():
        fig = new_figure(8.5, 1.5 + 0.42 * sum(rows) + 0.55 * 3)
        axes = fig.subplots(3, 1, sharex=True, height_ratios=[r + 0.9 for r in rows])
        claims_ax, doc_ax, est_ax = axes
        keys: list[KeyEntry] = []
        if category.claims:
            keys = _draw_claims(claims_ax, category.claims, scale)
        else:
            _empty(claims_ax, _("No claims recorded for this event and category."))
        _draw_documented(doc_ax, category, scale)
        if category.estimates:
            _draw_estimates(est_ax, category.estimates)
        else:
            _empty(est_ax, _("No estimate yet for this event and category."))
        _panel_style(claims_ax, _("Claimed: numbers as stated"), COLOURS["claim"])
        _panel_style(doc_ax, _("Documented: unique persons named"), COLOURS["documented"])
        _panel_style(
            est_ax,
            _("Estimated: the total, with intervals"),
            COLOURS["estimate"],
        )
        if category.documented:
            for ax in (claims_ax, est_ax):
                ax.axvline(
                    category.documented.unique_persons,
                    color=COLOURS["documented"],
                    ls=":",
                    lw=1.2,
                    zorder=0,
                )
        if scale.log:
            est_ax.set_xscale("log")
            est_ax.xaxis.set_minor_formatter(NullFormatter())
        est_ax.set_xlim(scale.lo, scale.hi)
        log_note = _(", logarithmic scale") if scale.log else ""
        axis_label = _("number of persons")
        est_ax.set_xlabel(f"{axis_label} ({_(category.counted)}{log_note})")
        est_ax.xaxis.set_major_formatter(lambda v, _: fmt_count(v))
        fig_id = f"fig-cmp-{event_id(index, event)}-{_slug(category.counted)}"
        description = _(
            "Event %(event)s, counted: %(counted)s. Top: each claim as stated (dot: exact "
            "number; hollow dot: approximate; bar: range; dashed bar: a vague amount such as "
            "“thousands”; dashed arrow: “at least” or “at most”), labelled by claim number, "
            "claimant and date stated. Middle: persons documented by name after linkage. "
            "Bottom: estimates by method (diamond: point estimate; bar: interval; grey tick: "
            "persons observed on the lists; * : the run has warnings). The dotted blue line "
            "repeats the documented count. The three are shown apart and never combined."
        ) % {"event": event_label, "counted": _(category.counted)} + (
            " "
            + _(
                "The value axis is logarithmic because the numbers differ by more than a "
                "factor of %(ratio)s; equal steps mean equal ratios."
            )
            % {"ratio": fmt_count(LOG_RATIO)}
            if scale.log
            else ""
        )
        return ReportFigure(
            fig_id=fig_id,
            title=_("Claimed, documented and estimated:")
            + f" {event_label} ({_(category.counted)})",
            svg=to_svg(fig, fig_id),
            description=description,
            data_source=_source(data, _("claims ledger, persons and estimate runs")),
            generated_at=data.generated_at,
            alt=_comparison_alt(event, category),
            key=tuple(label.entries) + tuple(keys),
        )


def _comparison_alt(event: EventReport, category: CategoryComparison) -> str:
    parts = [f"{event.name} ({_(category.counted)})."]
    parts += [
        _("Claim: %(claimant)s %(number)s.") % {"claimant": c.claimant, "number": quantity_text(c)}
        for c in category.claims
    ]
    if category.documented:
        parts.append(
            _("Documented: %(n)s persons.") % {"n": fmt_count(category.documented.unique_persons)}
        )
    parts += [
        _("Estimate %(method)s: %(interval)s.")
        % {"method": e.method, "interval": _interval_text(e)}
        for e in category.estimates
    ]
    return " ".join(parts)


def estimates_figure(data: ReportData, index: int, event: EventReport) -> ReportFigure | None:
    """All estimates of one event, method by method, with intervals side by side."""
    rows = [(c.counted, e) for c in event.categories for e in c.estimates]
    if not rows:
        return None
    label = Labeller("E")
    event_label = _event_label(event, label)
    with styled():
        fig = new_figure(8.0, 1.3 + 0.58 * len(rows))
        ax = fig.add_subplot()
        _draw_estimates(ax, [e for _, e in rows])
        multi = len({c for c, _ in rows}) > 1
        if multi:
            ax.set_yticks(
                range(len(rows) - 1, -1, -1), [f"{_(c)}: {estimate_label(e)}" for c, e in rows]
            )
        _panel_style(ax, "", COLOURS["estimate"])
        tops = [e.interval[1] if e.interval else e.estimate for _, e in rows]
        ax.set_xlim(0, max(tops) * 1.15)
        ax.set_xlabel(_("estimated total persons (N)"))
        ax.xaxis.set_major_formatter(lambda v, _: fmt_count(v))
        fig_id = f"fig-est-{event_id(index, event)}"
        return ReportFigure(
            fig_id=fig_id,
            title=_("Estimates by method:") + f" {event_label}",
            svg=to_svg(fig, fig_id),
            description=_(
                "Each method's point estimate (diamond) and interval (bar) of the total number "
                "of persons, observed and unobserved; the grey tick marks the persons observed "
                "on the lists. Methods rest on different assumptions and model choice dominates "
                "the answer, so they are shown together. * : the run has warnings (see table)."
            ),
            data_source=_source(data, _("estimate runs")),
            generated_at=data.generated_at,
            alt=_("Estimates:")
            + " "
            + "; ".join(f"{e.method} {_interval_text(e)}" for _c, e in rows),
            key=tuple(label.entries),
        )


def _flat(draws: object) -> npt.NDArray[np.float64]:
    """Draws as one flat array, whatever their shape (``(chain, draw)`` or a list)."""
    return np.asarray(draws, dtype=float).reshape(-1)


def posterior_figure(data: ReportData, index: int, event: EventReport) -> ReportFigure | None:
    """Posterior distributions of N from the draws of Bayesian runs, one curve per method."""
    runs = [
        (c.counted, e)
        for c in event.categories
        for e in c.estimates
        if e.draws is not None and _flat(e.draws).size >= MIN_DRAWS
    ]
    if not runs:
        return None
    label = Labeller("E")
    event_label = _event_label(event, label)
    styles = ["-", "--", "-.", ":"]
    with styled():
        fig = new_figure(8.0, 3.0)
        ax = fig.add_subplot()
        everything = np.concatenate([_flat(e.draws) for _, e in runs])
        lo, hi = np.quantile(everything, [0.001, 0.999])
        bins = np.linspace(lo, hi, 60).tolist()
        for i, (counted, estimate) in enumerate(runs):
            draws = _flat(estimate.draws)
            name = f"{_(counted)}: {estimate.method}" if len(runs) > 1 else estimate.method
            ax.hist(
                draws,
                bins=bins,
                density=True,
                histtype="step",
                lw=1.6,
                color=COLOURS["estimate"],
                ls=styles[i % len(styles)],
                label=_("%(name)s (%(n)s draws)") % {"name": name, "n": fmt_count(len(draws))},
            )
            if estimate.interval:
                for end in estimate.interval:
                    ax.axvline(
                        end,
                        color=COLOURS["estimate"],
                        lw=0.8,
                        ls=styles[i % len(styles)],
                        alpha=0.6,
                    )
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_xlabel(_("total persons (N)"))
        ax.xaxis.set_major_formatter(lambda v, _: fmt_count(v))
        ax.legend(frameon=False, fontsize=8)
        fig_id = f"fig-post-{event_id(index, event)}"
        return ReportFigure(
            fig_id=fig_id,
            title=_("Posterior distribution of N:") + f" {event_label}",
            svg=to_svg(fig, fig_id),
            description=_(
                "Histogram of posterior draws of the total N for Bayesian methods (vertical "
                "lines: the interval ends reported). A wide or lopsided curve means the lists "
                "leave the total uncertain."
            ),
            data_source=_source(data, _("posterior draws of estimate runs")),
            generated_at=data.generated_at,
            alt=_("Posterior of N:")
            + " "
            + "; ".join(
                _("%(method)s median %(median)s")
                % {"method": e.method, "median": fmt_count(round(float(np.median(_flat(e.draws)))))}
                for _c, e in runs
            ),
            key=tuple(label.entries),
        )
