"""The web app as a person uses it, in headless Chromium driven by Playwright (Debian's
Chromium, never a downloaded browser): Persian pages right to left in the embedded font, search
across scripts, a review decision by keyboard and its undo, and the site without JavaScript."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from shomar.reports import browser

from .conftest import PASSWORD, WebWorld

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser.find_chromium() is None,
        reason="Chromium is not installed (run scripts/install-browser.sh, needs apt and root)",
    ),
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def server(world: WebWorld) -> Iterator[str]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(world.client.app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        engine = playwright.chromium.launch(
            executable_path=browser.find_chromium(), args=CHROMIUM_ARGS, headless=True
        )
        yield engine
        engine.close()


def _sign_in(page: object, base: str, role: str) -> None:
    page.goto(f"{base}/en/sign-in")  # type: ignore[attr-defined]
    page.fill("#username", role)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/en/")  # type: ignore[attr-defined]


def test_persian_page_is_rtl_in_the_embedded_font(server: str, chromium: object) -> None:
    page = chromium.new_page(viewport={"width": 1200, "height": 800})  # type: ignore[attr-defined]
    page.goto(f"{server}/fa/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'شمار')")
    heading = page.locator("h1").first
    assert (
        page.evaluate("(el) => getComputedStyle(el).direction", heading.element_handle()) == "rtl"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "public-home-fa.png"
    page.screenshot(path=str(shot))
    pixels = np.asarray(Image.open(shot).convert("L"))
    assert pixels.std() > 10  # not blank
    page.close()


def test_search_in_persian_finds_latin_spellings(server: str, chromium: object) -> None:
    page = chromium.new_page()  # type: ignore[attr-defined]
    _sign_in(page, server, "admin")
    page.goto(f"{server}/fa/records")
    page.fill("#q", "محمد")
    page.click("form.search button[type=submit]")
    page.wait_for_load_state()
    text = page.inner_text("table")
    assert "Mohammad" in text and "محمد" in text
    assert "Karimi" not in text
    page.close()


def test_review_by_keyboard_and_undo(server: str, chromium: object, world: WebWorld) -> None:
    from shomar.services.linkage import list_decisions
    from support.principals import ADMIN

    page = chromium.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    _sign_in(page, server, "analyst")
    page.goto(f"{server}/en/review")
    assert page.locator("button[name=verdict]").count() > 0, "the world puts pairs in the queue"
    before = len(list_decisions(world.ws, principal=ADMIN))
    page.screenshot(path=str(SCREENSHOTS / "review-en.png"))
    page.keyboard.press("y")
    page.wait_for_selector("#undo")
    assert "Decision saved" in page.inner_text("main")
    assert len(list_decisions(world.ws, principal=ADMIN)) == before + 1
    page.keyboard.press("z")
    page.wait_for_selector("text=The last decision was undone")
    page.close()


def test_site_works_without_javascript(server: str, chromium: object) -> None:
    context = chromium.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    _sign_in(page, server, "viewer")
    page.goto(f"{server}/fa/persons")
    assert page.locator("table tbody tr").count() > 0
    page.click("table tbody tr a")
    page.wait_for_load_state()
    assert "/fa/persons/" in page.url
    context.close()


def test_upload_a_windows_1256_list_and_see_its_row_errors(
    server: str, chromium: object, tmp_path: Path
) -> None:
    from .test_upload import WIN1256_WITH_ERRORS

    listing = tmp_path / "فهرست.csv"
    listing.write_bytes(WIN1256_WITH_ERRORS)
    page = chromium.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    _sign_in(page, server, "documenter")
    page.goto(f"{server}/fa/documents/upload")
    page.set_input_files("#file", str(listing))
    page.fill("#source", "Synthetic browser upload (SYNTHETIC)")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("text=مشکلاتی پیدا شد")
    table = page.inner_text("table")
    assert "ردیف" in table and "۳" in table
    assert "این سطر نام ندارد" in table and "را نمی‌توان تاریخ خواند" in table  # said in Persian
    page.screenshot(path=str(SCREENSHOTS / "upload-errors-fa.png"), full_page=True)
    page.close()


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core is not installed (scripts/install-npm.sh)")
@pytest.mark.parametrize(
    ("role", "path"),
    [("anonymous", "/fa/"), ("anonymous", "/en/records"), ("analyst", "/fa/review"),
     ("analyst", "/fa/persons"), ("documenter", "/fa/documents/upload"),
     ("analyst", "/en/estimates"), ("admin", "/fa/admin/users")],
)  # fmt: skip
def test_no_serious_accessibility_violations(
    server: str, chromium: object, role: str, path: str
) -> None:
    serious = serious_violations(server, chromium, role, path)
    assert not serious, serious


def serious_violations(server: str, chromium: object, role: str, path: str) -> list[str]:
    """axe-core's serious and critical findings on ``path`` as ``role`` sees it."""
    # axe is injected by the test only: the site itself allows no inline script (strict CSP)
    context = chromium.new_context(bypass_csp=True)  # type: ignore[attr-defined]
    page = context.new_page()
    if role != "anonymous":
        _sign_in(page, server, role)
    page.goto(f"{server}{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
