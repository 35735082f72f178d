"""The claims, documents, report and overview pages in headless Chromium: they render (the
compare chart's SVG images load, Persian right to left), pass axe-core, and leave screenshots
in docs/screenshots/."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from shomar.reports import browser
from shomar.services.claims import QuantityInput, add_claim
from shomar.services.events import add_event
from support.principals import ADMIN

from .conftest import WebWorld
from .test_browser import AXE, SCREENSHOTS, _sign_in, chromium, serious_violations, server

__all__ = ["chromium", "server"]  # the fixtures, shared with the first browser tests

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser.find_chromium() is None, reason="Chromium is not installed"),
]
ARTICLE = (
    "Amnesty International said on 3 May 2011 that at least 120 people were executed.\n"
    "Iran Human Rights said that 35 protesters were killed in Tehran.\n"
)
PAGES = [
    ("analyst", "/fa/", "dashboard-fa.png"),
    ("viewer", "/fa/documents", "documents-fa.png"),
    ("documenter", "/en/documents/1", "document-custody-en.png"),
    ("anonymous", "/fa/claims/compare", "claims-compare-fa.png"),
    ("anonymous", "/en/claims/compare", "claims-compare-en.png"),
    ("analyst", "/fa/report", "report-fa.png"),
    ("documenter", "/fa/claims/new", "claim-new-fa.png"),
]


@pytest.fixture(scope="module")
def ledger(world: WebWorld) -> str:
    name = "November 2019 protests (SYNTHETIC)"
    add_event(world.ws, name, principal=ADMIN)
    for claimant, value in (("Synthetic Watch", 300), ("عفو بین‌الملل (آزمایشی)", 1500)):
        add_claim(
            world.ws,
            claimant=claimant,
            counted="killed",
            quantity=QuantityInput(value),
            event=name,
            date_stated="2019-12-16",
            quote="SYNTHETIC",
            principal=ADMIN,
        )
    return name


def _not_blank(path: object) -> None:
    pixels = np.asarray(Image.open(str(path)).convert("L"), dtype=float)
    assert pixels.std() > 8 and (pixels < 128).mean() > 0.002  # text drawn, not a blank page


@pytest.mark.parametrize(("role", "path", "shot"), PAGES)
def test_new_pages_render_and_leave_screenshots(
    server: str, chromium: object, ledger: str, role: str, path: str, shot: str
) -> None:
    page = chromium.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    if role != "anonymous":
        _sign_in(page, server, role)
    response = page.goto(f"{server}{path}")
    assert response.status == 200
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if "/fa/" in path else "ltr")
    if "compare" in path:
        widths = page.evaluate("[...document.images].map((i) => i.complete && i.naturalWidth)")
        assert widths and all(w > 100 for w in widths), widths  # the SVG images drew
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / shot), full_page=True)
    _not_blank(SCREENSHOTS / shot)
    page.close()


def test_confirm_candidates_in_the_browser(server: str, chromium: object, ledger: str) -> None:
    page = chromium.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    _sign_in(page, server, "documenter")
    page.goto(f"{server}/en/claims/extract")
    page.fill("#text", ARTICLE)
    page.fill("#source", "Synthetic Daily (SYNTHETIC)")
    page.click("main form button[type=submit]")
    page.wait_for_selector("fieldset.candidate")
    assert page.locator("fieldset.candidate").count() == 2
    page.uncheck("input[name=keep-2]")  # reject the second
    page.fill("#value-1", "125")  # edit the first
    page.screenshot(path=str(SCREENSHOTS / "claims-extract-en.png"), full_page=True)
    page.click("text=Add the checked candidates")
    page.wait_for_selector("text=1 claims were added")
    page.close()


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (scripts/install-npm.sh)")
@pytest.mark.parametrize(("role", "path", "_shot"), PAGES)
def test_new_pages_have_no_serious_accessibility_violations(
    server: str, chromium: object, ledger: str, role: str, path: str, _shot: str
) -> None:
    serious = serious_violations(server, chromium, role, path)
    assert not serious, serious
