"""The report as a reader sees it: rendered by headless Chromium, not blank, Persian laid out
right-to-left in the embedded font. Skips when Chromium is not installed
(``scripts/install-browser.sh`` installs it)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from shomar.reports import browser, write_report
from shomar.reports.data import ReportData

from .conftest import PERSIAN_CLAIMANT, PERSIAN_EVENT, PERSIAN_QUOTE, PERSIAN_SOURCE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser.find_chromium() is None,
        reason="Chromium is not installed (run scripts/install-browser.sh, needs apt and root)",
    ),
]

WIDTH, HEIGHT = 1280, 4000

#: Injected into a copy of the report only (the report itself has no script). After the fonts
#: load, it records for every Persian run: its box, whether its first letter is drawn to the
#: right of its last (right-to-left), and whether the embedded Persian font is in use.
PROBE = """
<script>
document.fonts.ready.then(() => {
  const runs = [...document.querySelectorAll('bdi[lang="fa"]')].map((el) => {
    const node = el.firstChild;
    const r = el.getBoundingClientRect();
    let rtl = null;
    if (node && node.nodeType === 3 && node.length > 1) {
      const first = document.createRange(); first.setStart(node, 0); first.setEnd(node, 1);
      const last = document.createRange();
      last.setStart(node, node.length - 1); last.setEnd(node, node.length);
      rtl = first.getBoundingClientRect().left > last.getBoundingClientRect().left;
    }
    return {text: el.textContent, x: r.left + scrollX, y: r.top + scrollY,
            w: r.width, h: r.height, rtl: rtl};
  });
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({
    runs: runs,
    font: document.fonts.check('16px Vazirmatn', 'سلام'),
    loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
  });
  document.body.appendChild(out);
});
</script>
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, en_html: str) -> Path:
    probe = tmp_path_factory.mktemp("browser") / "probe.html"
    probe.write_text(en_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return probe


@pytest.fixture(scope="module")
def probe(rendered: Path) -> dict[str, Any]:
    dom = browser.dump_dom(rendered, WIDTH, HEIGHT)
    for text in (PERSIAN_SOURCE, PERSIAN_EVENT, PERSIAN_CLAIMANT, PERSIAN_QUOTE):
        assert text in dom, f"Persian text missing from the rendered DOM: {text}"
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.S)
    assert found, "the probe script did not run"
    raw = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    result: dict[str, Any] = json.loads(raw.replace("&amp;", "&"))
    return result


@pytest.fixture(scope="module")
def screenshot(rendered: Path) -> np.ndarray:
    png = browser.screenshot(rendered, rendered.with_suffix(".png"), WIDTH, HEIGHT)
    return np.asarray(Image.open(png).convert("L"), dtype=float)


def test_embedded_persian_font_is_used(probe: dict[str, Any]) -> None:
    assert probe["font"] is True
    assert "Vazirmatn" in probe["loaded"]


def test_persian_runs_are_laid_out_right_to_left(probe: dict[str, Any]) -> None:
    checked = [run for run in probe["runs"] if run["rtl"] is not None]
    assert len(checked) >= 5
    assert all(run["rtl"] for run in checked), [r["text"] for r in checked if not r["rtl"]]


def test_screenshot_is_not_blank(screenshot: np.ndarray) -> None:
    assert screenshot.shape == (HEIGHT, WIDTH)
    assert screenshot.std() > 20  # a blank page has none; text and figures give plenty
    assert (screenshot < 128).mean() > 0.01


def test_persian_text_is_drawn(probe: dict[str, Any], screenshot: np.ndarray) -> None:
    visible = [
        run
        for run in probe["runs"]
        if run["w"] > 4 and run["y"] + run["h"] < HEIGHT and run["y"] >= 0
    ]
    assert len(visible) >= 3
    for run in visible:
        x0, y0 = int(run["x"]), int(run["y"])
        box = screenshot[y0 : y0 + int(run["h"]) + 1, x0 : x0 + int(run["w"]) + 1]
        background = np.median(box)
        ink = np.abs(box - background) > 80
        assert ink.mean() > 0.03, f"no glyphs drawn for {run['text']!r} at {x0},{y0}"


def test_pdf(tmp_path: Path, report_data: ReportData) -> None:
    html = write_report(report_data, tmp_path / "report.html", pdf=True)
    pdf = html.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 50_000
