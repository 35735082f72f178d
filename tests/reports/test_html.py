"""The HTML report: self-contained, Persian isolated right-to-left, numbers kept apart."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from shomar.reports import browser, render_report, write_report
from shomar.reports.bidi import bidi_html, persian_runs
from shomar.reports.data import ReportData, SourceInfo

from .conftest import (
    GENERATED,
    PERSIAN_CLAIMANT,
    PERSIAN_EVENT,
    PERSIAN_PROVINCE,
    PERSIAN_QUOTE,
    PERSIAN_SOURCE,
)

SMALL = ReportData(workspace="small", generated_at=GENERATED)


@pytest.fixture(scope="module")
def html(en_html: str) -> str:
    return en_html


def test_is_self_contained(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "@import" not in html
    assert 'src: url("data:font/woff2;base64,' in html


def test_font_and_license_are_shipped() -> None:
    static = resources.files("shomar.reports").joinpath("static")
    assert static.joinpath("Vazirmatn-NL-wght.woff2").read_bytes()[:4] == b"wOF2"
    assert "SIL OPEN FONT LICENSE" in static.joinpath("Vazirmatn-OFL.txt").read_text()


def test_persian_text_is_isolated_right_to_left(html: str) -> None:
    for text in (PERSIAN_SOURCE, PERSIAN_EVENT, PERSIAN_CLAIMANT, PERSIAN_QUOTE, PERSIAN_PROVINCE):
        assert f'<bdi lang="fa" dir="rtl">{text}</bdi>' in html, text
    assert '<blockquote dir="auto">' in html


def test_every_figure_has_a_caption_with_source_and_time(html: str) -> None:
    figures = re.findall(r"<figure\b.*?</figure>", html, flags=re.S)
    assert len(figures) == 10  # 5 descriptive + 3 comparisons + estimates + posterior
    for figure in figures:
        assert "<svg" in figure
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, flags=re.S)
        assert caption is not None
        assert "Data source:" in caption.group(1)
        assert "Generated 2026-11-25 15:00 UTC" in caption.group(1)


def test_ids_are_unique(html: str) -> None:
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_claimed_documented_estimated_are_apart(html: str) -> None:
    assert html.count('<div class="box claim">') == 3
    assert html.count('<div class="box documented">') == 3
    assert html.count('<div class="box estimate">') == 3
    assert "No estimate yet for this event and category." in html
    assert "No documented count yet" in html
    assert "R-hat 1.03 &gt; 1.01" in html
    assert "lower &lt;= claim &lt;= upper" in html  # the rule behind each relation


def test_provenance_is_shown(html: str, report_data: ReportData) -> None:
    assert "a" * 64 in html  # the document's SHA-256
    assert "Synthetic data." in html
    assert GENERATED.strftime("%Y-%m-%d %H:%M") in html
    assert "Vazirmatn" in html and "Open Font License" in html


def test_user_text_is_escaped() -> None:
    hostile = ReportData(
        workspace="<b>ws</b>",
        generated_at=GENERATED,
        sources=[SourceInfo("<script>alert(1)</script>", "ngo", 3)],
    )
    out = render_report(hostile)
    assert "<b>ws</b>" not in out
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_empty_workspace_renders() -> None:
    out = render_report(ReportData(workspace="empty", generated_at=GENERATED))
    assert "No sources in this workspace yet." in out
    assert "Linkage has not run yet" in out
    assert "No events defined yet." in out
    assert "<figure" not in out


def test_write_report(tmp_path: Path) -> None:
    path = write_report(SMALL, tmp_path / "out" / "report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_pdf_without_chromium_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browser, "find_chromium", lambda: None)
    with pytest.raises(browser.BrowserNotFound, match=r"install-browser\.sh"):
        write_report(SMALL, tmp_path / "report.html", pdf=True)


def test_bidi_runs() -> None:
    assert persian_runs("Tehran") == [("Tehran", False)]
    assert persian_runs("محمد رضایی.") == [("محمد رضایی.", True)]
    assert persian_runs("file فهرست_ساختگی.xlsx") == [
        ("file ", False),
        ("فهرست_ساختگی", True),
        (".xlsx", False),
    ]
    assert str(bidi_html("a < b")) == "a &lt; b"
    assert str(bidi_html("آبان <1398>")) == '<bdi lang="fa" dir="rtl">آبان &lt;1398&gt;</bdi>'


def test_svg_references_resolve(html: str) -> None:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    references = re.findall(r'(?:url\(#|xlink:href="#|href="#)([^")]+)', html)
    assert references
    assert [r for r in references if r not in ids] == []


def test_public_surface_is_pinned() -> None:
    import shomar.reports

    assert shomar.reports.__all__ == sorted(shomar.reports.__all__)
    assert set(shomar.reports.__all__) >= {"ReportData", "render_report", "write_report"}


def test_stale_estimates_sensitivity_and_simulated_truth_are_shown() -> None:
    from datetime import date

    from shomar.reports.data import CategoryComparison, Estimate, EventReport

    sensitivity = {
        "text": "If the 4-list interaction among the unseen is between 0.5× and 2×, N is …",
        "curve": [{"exp_xi": 0.5, "estimate": 900.0}, {"exp_xi": 2.0, "estimate": 1300.0}],
        "estimate_range": [900.0, 1300.0],
        "reference": "Aleshin-Guendel, Sadinle & Wakefield, arXiv:2101.09304",
    }
    category = CategoryComparison(
        "killed",
        estimates=[
            Estimate(
                "loglinear",
                1000.0,
                (950.0, 1090.0),
                observed=815,
                stale_reason="estimate run 4 is stale: linkage run 3 came after it",
                sensitivity=sensitivity,
            )
        ],
        notes=["12 record(s) of this event have no violation type"],
        truth={
            "true_total": 1097,
            "true_observed": 815,
            "true_unobserved": 282,
            "source": "synthetic_persons.csv",
        },
    )
    data = ReportData(
        workspace="w",
        generated_at=GENERATED,
        events=[EventReport("E", [category], "E", date(2020, 1, 1), date(2020, 2, 1))],
        synthetic=True,
    )
    out = render_report(data)
    assert "STALE" in out and "linkage run 3 came after it" in out
    assert "Sensitivity of loglinear to its identifying assumption" in out
    assert "true total 1,097, of whom 815 were observed" in out
    assert "interval MISSES the true total" in out
    assert "have no violation type" in out
