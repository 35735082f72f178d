"""Figures: each renders to inline SVG with a caption; intervals are spread, not pointed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from shomar.reports import comparison, figures
from shomar.reports.data import DateInterval, ReportData
from shomar.reports.svg import Labeller, has_arabic_script
from shomar.reports.timeline import spread_by_month

from .conftest import GENERATED, PERSIAN_SOURCE


def _check(figure: figures.ReportFigure | None) -> figures.ReportFigure:
    assert figure is not None
    assert figure.svg.startswith("<svg")
    assert "viewBox" in figure.svg
    assert figure.generated_at == GENERATED
    assert "synthetic-demo" in figure.data_source
    assert figure.description and figure.alt and figure.title
    ids = re.findall(r'\bid="([^"]+)"', figure.svg)
    assert ids and all(i.startswith(figure.fig_id + "-") for i in ids)
    return figure


def test_descriptive_figures_render(report_data: ReportData) -> None:
    made = figures.all_figures(report_data)
    assert set(made) == {
        "fig-sources",
        "fig-overlap",
        "fig-timeline",
        "fig-provinces",
        "fig-linkage",
    }
    for figure in made.values():
        _check(figure)


def test_figures_are_absent_without_data() -> None:
    empty = ReportData(workspace="empty", generated_at=GENERATED)
    assert figures.all_figures(empty) == {}


def test_persian_labels_become_latin_or_a_key(report_data: ReportData) -> None:
    sources = _check(figures.sources_figure(report_data))
    assert sources.key == ()  # the Persian source has a Latin form
    provinces = _check(figures.provinces_figure(report_data))
    assert [(k.key, k.text) for k in provinces.key] == [("P1", "کرمانشاه")]


def test_labeller() -> None:
    label = Labeller("S")
    assert label("Tehran") == "Tehran"
    assert label(PERSIAN_SOURCE, "Defenders") == "Defenders"
    assert label("تهران") == "S1"
    assert label("تهران") == "S1"
    assert label("شیراز", "شیراز") == "S2"
    assert has_arabic_script("ك") and not has_arabic_script("Kerman")


def test_interval_spreads_over_its_months() -> None:
    # Mordad 1367 = 1988-07-23/1988-08-22: 9 of its 31 days fall in July, 22 in August.
    spread = spread_by_month([DateInterval(date(1988, 7, 23), date(1988, 8, 22), "month", 31)])
    assert spread.months == [date(1988, 7, 1), date(1988, 8, 1)]
    assert spread.by_precision["month"] == pytest.approx([9.0, 22.0])


def test_spread_keeps_the_total(report_data: ReportData) -> None:
    spread = spread_by_month(report_data.violation_dates)
    total = sum(i.weight for i in report_data.violation_dates)
    assert sum(spread.totals) == pytest.approx(total)
    # The Jalali year 1398 spans 13 Gregorian months (2019-03-21 .. 2020-03-19).
    assert sum(1 for v in spread.by_precision["year"] if v > 0) == 13


def test_timeline_zooms_when_dates_span_decades(report_data: ReportData) -> None:
    figure = _check(figures.timeline_figure(report_data))
    assert "busiest 24 months" in figure.description
    assert "known only to the month, season or year" in figure.description


def test_comparison_figure_per_category(report_data: ReportData) -> None:
    aban = report_data.events[0]
    killed = aban.categories[0]
    figure = _check(comparison.claims_comparison_figure(report_data, 0, aban, killed))
    assert "never combined" in figure.description
    assert ("C1", aban.categories[0].claims[0].claimant) in [(k.key, k.text) for k in figure.key]
    assert comparison.axis_scale(killed).log is False


def test_comparison_uses_log_scale_across_magnitudes(report_data: ReportData) -> None:
    prisons = report_data.events[1]
    executed = prisons.categories[0]
    assert comparison.axis_scale(executed).log is True
    figure = _check(comparison.claims_comparison_figure(report_data, 1, prisons, executed))
    assert "logarithmic" in figure.description


def test_estimate_and_posterior_figures(report_data: ReportData) -> None:
    aban, prisons = report_data.events
    _check(comparison.estimates_figure(report_data, 0, aban))
    posterior = _check(comparison.posterior_figure(report_data, 0, aban))
    assert "lcmcr" in posterior.alt and "dga" in posterior.alt  # dga's draws are (chain, draw)
    assert comparison.estimates_figure(report_data, 1, prisons) is None
    assert comparison.posterior_figure(report_data, 1, prisons) is None


def test_quantity_text(report_data: ReportData) -> None:
    killed, arrested = report_data.events[0].categories
    texts = [comparison.quantity_text(c) for c in [*killed.claims, *arrested.claims]]
    assert texts == ["1,500", "1,500", "≥ 304", "200–225", "≈ 2,000–9,999", "≈ 7,000", "≥ 7,000"]


def test_estimate_label_marks_warnings(report_data: ReportData) -> None:
    estimates = report_data.events[0].categories[0].estimates
    assert comparison.estimate_label(estimates[0]) == "loglinear\n95% profile"
    assert comparison.estimate_label(estimates[1]).startswith("lcmcr *")
    stratified = replace(estimates[0], stratum="Tehran")
    assert "[Tehran]" in comparison.estimate_label(stratified)


def test_estimate_from_engine_result() -> None:
    import numpy as np

    from shomar.estimation.result import EstimateResult
    from shomar.reports.adapters import estimate_from_result

    result = EstimateResult(
        method="lcmcr",
        observed=370,
        estimate=1330.0,
        interval=(910.0, 2210.0),
        level=0.95,
        interval_type="credible",
        model=None,
        settings={},
        seed=7,
        warnings=["R-hat 1.03"],
        draws=np.arange(12, dtype=float).reshape(3, 4),
    )
    estimate = estimate_from_result(result, run_id="run-1", stratum="Tehran")
    assert estimate.draws == [float(v) for v in range(12)]
    assert (estimate.method, estimate.seed, estimate.stratum) == ("lcmcr", 7, "Tehran")
    assert estimate.warnings == ("R-hat 1.03",)
    assert estimate_from_result(result, with_draws=False).draws is None
