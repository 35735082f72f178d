"""The Persian report (``shomar report --lang fa``): right-to-left, Persian headings from the
web app's catalog, Persian digits, Jalali dates with the Gregorian on hover, and figures whose
labels are SVG text the browser shapes (checked in headless Chromium when it is installed)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from shomar.reports import browser
from shomar.reports.i18n import language

from .conftest import PERSIAN_EVENT, PERSIAN_SOURCE

_ARABIC = re.compile("[\u0600-\u06ff]")
_PERSIAN_WORDS = re.compile("[\u0621-\u064a\u067e-\u06d3\u200c ]{3,}")


def test_persian_report_is_right_to_left(fa_html: str) -> None:
    assert '<html lang="fa" dir="rtl">' in fa_html


def test_section_headings_are_persian(fa_html: str) -> None:
    headings = re.findall(r"<h2>(.*?)</h2>", fa_html)
    for english in ("How to read this report", "Sources and documents", "Linkage"):
        assert english not in headings
    assert "چگونه این گزارش را بخوانیم" in headings
    assert "منابع و اسناد" in headings
    assert "پیوند رکوردها" in headings
    # names from the data stay as they are, isolated
    assert f'<bdi><bdi lang="fa" dir="rtl">{PERSIAN_EVENT}</bdi></bdi>' in fa_html


def test_persian_digits_and_jalali_dates(fa_html: str) -> None:
    # generated 2026-11-25 15:00 UTC = 4 Azar 1405, shown in Jalali with the Gregorian on hover
    assert '<time datetime="2026-11-25T15:00:00+00:00" title="۲۰۲۶-۱۱-۲۵ ۱۵:۰۰ UTC">' in fa_html
    assert "۴ آذر ۱۴۰۵ ۱۵:۰۰ UTC" in fa_html
    body = fa_html[fa_html.index("<body>") :]
    # no Gregorian year anywhere in the text, figure captions included
    text = re.sub(r"<svg.*?</svg>|<code.*?</code>|<[^>]+>", " ", body, flags=re.S)
    assert re.search("[۰-۹]{2,}", text)
    assert "2026" not in text  # Gregorian years only in titles and attributes
    provenance = re.findall(r'<span class="prov">(.*?)</span>', fa_html, flags=re.S)
    assert provenance and all("2026" not in re.sub(r"<[^>]+>", "", p) for p in provenance)
    assert all("منبع داده" in p for p in provenance)


def test_english_report_is_unchanged_in_language(en_html: str) -> None:
    en = en_html
    assert '<html lang="en" dir="ltr">' in en
    assert "<h2>How to read this report</h2>" in en
    assert "Generated 2026-11-25 15:00 UTC" in en
    assert "<text" not in en  # English figures keep text as paths


def test_figures_draw_persian_as_svg_text(fa_html: str) -> None:
    texts = re.findall(r"<text\b[^>]*>(.*?)</text>", fa_html, flags=re.S)
    persian = [t for t in texts if _ARABIC.search(t)]
    assert len(persian) > 20
    assert any(PERSIAN_SOURCE in t for t in persian)  # a data label, drawn, not keyed
    assert any("رکورد" in t for t in persian)  # an axis label, translated
    assert any(re.search("[۰-۹]", t) for t in persian)  # tick labels in Persian digits
    assert "Vazirmatn" in fa_html[fa_html.index("<svg") :]
    # Persian source and province names are drawn, so they need no abbreviation key
    assert "<dt>S1</dt>" not in fa_html and "<dt>P1</dt>" not in fa_html


def _figure_texts(html: str) -> str:
    """Everything the figures say: captions, alt text and the text drawn in the SVG."""
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", html, flags=re.S)
    alts = re.findall(r'role="img" aria-label="([^"]*)"', html)
    drawn = re.findall(r"<text\b[^>]*>(.*?)</text>", html, flags=re.S)
    return "\n".join(re.sub(r"<[^>]+>", " ", t) for t in (*captions, *alts, *drawn))


def test_persian_figures_have_no_english_caption_left(en_html: str, fa_html: str) -> None:
    """Every English caption, alt text and axis fragment of the English report (the report
    catalog's message ids, cut at their placeholders) is gone from the Persian report."""
    from shomar.web.catalog import report_messages

    english = _figure_texts(en_html)
    fragments = {
        piece.strip(" .,:;()")
        for message in report_messages()
        for piece in re.split(r"%\(\w+\)s|%%", message)
        if len(piece.strip(" .,:;()")) >= 10
    }
    shown = sorted(f for f in fragments if f in english)
    assert len(shown) > 25, shown  # descriptions, alt texts, panel titles, axis labels
    persian = _figure_texts(fa_html)
    assert [f for f in shown if f in persian] == []
    assert "Records each source reported" in english and "Bar chart of records" in english


def test_persian_time_axis_is_jalali(fa_html: str) -> None:
    timeline = fa_html[fa_html.index('id="fig-timeline"') :]
    timeline = timeline[: timeline.index("</figure>")]
    ticks = re.findall(r"<text\b[^>]*>(.*?)</text>", timeline, flags=re.S)
    assert any(re.fullmatch(r"\s*[۰-۹]{4}\s*", t) or "۱۳۹۸" in t for t in ticks), ticks
    assert not any(re.search(r"\b(19|20)\d\d\b", t) for t in ticks), ticks  # no Gregorian
    assert "All dates" not in timeline and "Busiest" not in timeline


def test_jalali_ticks_fall_on_jalali_months() -> None:
    import datetime as dt

    from shomar.reports.jalali_axis import jalali_ticks
    from shomar.web.i18n import Locale

    days, labels = jalali_ticks(dt.date(2019, 9, 1), dt.date(2020, 1, 1), Locale("fa"))
    assert days[0] == dt.date(2019, 9, 23)  # 1 Mehr 1398
    assert labels[:2] == ["مهر ۱۳۹۸", "آبان ۱۳۹۸"]
    years, year_labels = jalali_ticks(dt.date(1988, 1, 1), dt.date(2020, 1, 1), Locale("fa"))
    assert len(years) <= 9 and year_labels[0] == "۱۳۶۷" and years[0] == dt.date(1988, 3, 21)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown report language"), language("de"):
        pass


def test_every_report_string_has_a_persian_translation() -> None:
    from shomar.web.catalog import report_messages
    from shomar.web.i18n import translations

    messages = report_messages()
    assert len(messages) > 60
    fa = translations("fa")
    assert [m for m in messages if fa.gettext(m) == m] == []


PROBE = """
<script>
document.fonts.ready.then(() => {
  const runs = [...document.querySelectorAll('h2, svg text')]
    .filter((el) => /[\\u0600-\\u06ff]{3}/.test(el.textContent))
    .map((el) => {
      let rtl = null;
      if (el instanceof SVGTextContentElement) {
        const n = el.getNumberOfChars();
        rtl = n > 1 && el.getStartPositionOfChar(0).x > el.getStartPositionOfChar(n - 1).x;
      } else if (el.firstChild && el.firstChild.nodeType === 3 && el.firstChild.length > 1) {
        const node = el.firstChild;
        const a = document.createRange(); a.setStart(node, 0); a.setEnd(node, 1);
        const b = document.createRange(); b.setStart(node, node.length - 1);
        b.setEnd(node, node.length);
        rtl = a.getBoundingClientRect().left > b.getBoundingClientRect().left;
      }
      const r = el.getBoundingClientRect();
      return {text: el.textContent, svg: el instanceof SVGElement, rtl: rtl, w: r.width,
              family: getComputedStyle(el).fontFamily};
    });
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({runs: runs, dir: getComputedStyle(document.body).direction,
    font: document.fonts.check('16px Vazirmatn', 'سلام')});
  document.body.appendChild(out);
});
</script>
"""


@pytest.fixture(scope="module")
def fa_page(tmp_path_factory: pytest.TempPathFactory, fa_html: str) -> Path:
    folder = tmp_path_factory.mktemp("fa")
    (folder / "report.html").write_text(fa_html, encoding="utf-8")  # the page as written
    probe = folder / "probe.html"
    probe.write_text(fa_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return probe


@pytest.mark.browser
@pytest.mark.skipif(browser.find_chromium() is None, reason="Chromium is not installed")
def test_browser_draws_persian_right_to_left_in_the_embedded_font(fa_page: Path) -> None:
    dom = browser.dump_dom(fa_page, 1280, 4000)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.S)
    assert found, "the probe script did not run"
    raw = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    result: dict[str, Any] = json.loads(raw.replace("&amp;", "&"))
    assert result["dir"] == "rtl" and result["font"] is True
    svg = [r for r in result["runs"] if r["svg"]]
    html = [r for r in result["runs"] if not r["svg"]]
    assert len(svg) > 10 and len(html) > 5
    assert all(r["w"] > 0 for r in svg)
    assert all(r["family"].startswith(("Vazirmatn", '"Vazirmatn"')) for r in svg), svg[0]
    # a run of Persian words only (digits and Latin are left-to-right inside Persian)
    words = [r for r in svg + html if _PERSIAN_WORDS.fullmatch(r["text"].strip())]
    assert len(words) >= 5
    assert all(r["rtl"] for r in words), [r["text"] for r in words if not r["rtl"]]


@pytest.mark.browser
@pytest.mark.skipif(browser.find_chromium() is None, reason="Chromium is not installed")
def test_persian_screenshot_is_not_blank(fa_page: Path) -> None:
    report = fa_page.with_name("report.html")
    png = browser.screenshot(report, report.with_suffix(".png"), 1280, 2000)
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
    assert pixels.std() > 20
    assert (pixels < 128).mean() > 0.01


def test_cli_report_lang_fa(tmp_path: Path) -> None:
    from tests.cli.test_workspace_cli import shomar

    assert shomar("init", "ws", cwd=tmp_path).returncode == 0
    done = shomar("report", "-w", "ws", "--lang", "fa", "--out", "fa.html", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["lang"] == "fa"
    html = (tmp_path / "fa.html").read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in html and "منابع و اسناد" in html
    refused = shomar("report", "-w", "ws", "--lang", "de", cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_bar_charts_read_from_the_labels_side(lang: str) -> None:
    """Persian bar charts read right to left: labels on the right, bars growing leftwards."""
    from matplotlib.figure import Figure

    from shomar.reports.figures import _hbars
    from shomar.reports.i18n import language

    with language(lang):
        ax = Figure().add_subplot()
        _hbars(ax, ["a", "b"], [30, 10], "#333333")
    rtl = lang == "fa"
    assert bool(ax.xaxis_inverted()) is rtl
    assert ax.yaxis.get_ticks_position() == ("right" if rtl else "left")
    assert {t.get_horizontalalignment() for t in ax.texts} == {"right" if rtl else "left"}
