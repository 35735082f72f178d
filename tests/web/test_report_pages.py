"""The report from the browser: made as a job on the queue (never inside the request), then
downloaded as HTML (and PDF when Chromium is installed), in either language."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from shomar.reports import browser
from shomar.services.job_queue import run_queued

from .conftest import WebWorld

SAME_ORIGIN = {"sec-fetch-site": "same-origin"}


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _make(world: WebWorld, language: str, pdf: bool = False) -> tuple[TestClient, str]:
    client = world.login("analyst")
    page = client.get("/en/report")
    assert page.status_code == 200 and "Make the report" in page.text
    data = {"csrf": _csrf(page.text), "language": language, **({"pdf": "true"} if pdf else {})}
    made = client.post("/en/report", data=data, headers=SAME_ORIGIN, follow_redirects=False)
    assert made.status_code == 303, made.text
    job = made.headers["location"].rsplit("/", 1)[-1]
    queued = client.get(made.headers["location"]).text
    assert "queued" in queued and "Download" not in queued  # the request only queued it
    run_queued(world.ws.path)
    return client, job


def test_persian_report_is_made_as_a_job_and_downloaded(world: WebWorld) -> None:
    client, job = _make(world, "fa")
    done = client.get(f"/fa/jobs/{job}").text
    assert f'href="/fa/report/{job}/html"' in done and "بارگیری" in done
    download = client.get(f"/en/report/{job}/html")
    assert download.status_code == 200
    assert download.headers["content-disposition"].startswith("attachment")
    assert '<html lang="fa" dir="rtl">' in download.text
    listed = client.get("/fa/report").text
    assert f"/fa/report/{job}/html" in listed and "فارسی" in listed
    missing = client.get(f"/en/report/{job}/pdf")
    assert missing.status_code == 404  # no PDF was asked for


def test_report_download_is_the_makers_own(world: WebWorld) -> None:
    _client, job = _make(world, "en")
    other = world.login("admin").get(f"/en/report/{job}/html")
    assert other.status_code == 200  # an admin sees every job
    assert world.login("viewer").get(f"/en/report/{job}/html").status_code == 403
    assert world.client.get("/en/report", follow_redirects=False).status_code in (303, 401, 403)


def test_a_documenter_may_not_make_reports(world: WebWorld) -> None:
    client = world.login("documenter")
    page = client.get("/en/")
    refused = client.post(
        "/en/report", data={"csrf": _csrf(page.text), "language": "en"}, headers=SAME_ORIGIN
    )
    assert refused.status_code == 403


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(browser.find_chromium() is None, reason="Chromium is not installed")
def test_pdf_report_is_printed_by_the_job(world: WebWorld) -> None:
    client, job = _make(world, "fa", pdf=True)
    pdf = client.get(f"/en/report/{job}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
