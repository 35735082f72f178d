"""Documents in the browser: the list (id, SHA-256, source, rows, records, status), one
document with its custody log, withdraw with a reason, replace by an upload; and the overview's
latest imports, latest jobs and stale estimates."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from shomar.services.documents import list_documents
from shomar.store.tables import CustodyEntry, Document
from support.principals import ADMIN

from .conftest import WebWorld, csrf_of

SAME_ORIGIN = {"sec-fetch-site": "same-origin"}


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_documents_list_shows_hash_source_rows_records_and_status(
    world: WebWorld, lang: str
) -> None:
    html = world.login("viewer").get(f"/{lang}/documents").text
    first = list_documents(world.ws, principal=ADMIN)[0]
    assert first.sha256[:12] in html and f'title="{first.sha256}"' in html
    assert "List A (SYNTHETIC)" in html and "List B (SYNTHETIC)" in html
    rows = str(first.rows) if lang == "en" else str(first.rows).translate(_FA_DIGITS)
    assert f'<td class="num">{rows}</td>' in html
    status = "active" if lang == "en" else "فعال"
    assert f'status-active">{status}</span>' in html
    if lang == "fa":
        assert 'dir="rtl"' in html


_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def test_anonymous_may_not_list_documents(world: WebWorld) -> None:
    assert world.client.get("/en/documents", follow_redirects=False).status_code in (303, 401, 403)


def test_document_page_shows_the_custody_log(world: WebWorld) -> None:
    html = world.login("viewer").get("/en/documents/1").text
    assert "Custody log" in html and ">received</td>" in html
    assert "Withdraw this document" not in html  # a viewer may not withdraw
    fa = world.login("viewer").get("/fa/documents/1").text
    assert "سابقهٔ نگهداری" in fa and "سند ۱" in fa


def test_viewer_may_not_withdraw(world: WebWorld) -> None:
    client = world.login("viewer")
    page = client.get("/en/documents/1")
    refused = client.post(
        "/en/documents/1/withdraw",
        data={"csrf": csrf_of(page.text), "reason": "no"},
        headers=SAME_ORIGIN,
        follow_redirects=False,
    )
    assert refused.status_code == 403
    with world.ws.session() as session:
        assert session.get(Document, 1).status == "active"  # type: ignore[union-attr]


def test_replace_then_withdraw_through_the_pages(world: WebWorld) -> None:
    """Upload the same bytes as document 2 with ``?replace=2``; then withdraw the new one."""
    client = world.login("documenter")
    form = client.get("/en/documents/2")
    assert 'href="/en/documents/upload?replace=2"' in form.text
    upload = client.get("/en/documents/upload?replace=2")
    assert "This import replaces document 2" in upload.text
    raw = world.ws.read_blob(list_documents(world.ws, principal=ADMIN)[1].sha256)
    checked = client.post(
        "/en/documents/upload",
        data={"csrf": csrf_of(upload.text), "source": "List B again (SYNTHETIC)", "replace": "2"},
        files={"file": ("again.csv", raw, "text/csv")},
        headers=SAME_ORIGIN,
    )
    assert checked.status_code == 200, checked.text
    action = re.search(r'action="(/en/documents/upload/[^"]+/import)"', checked.text)
    assert action
    done = client.post(
        action.group(1),
        data={"csrf": csrf_of(checked.text), "source": "List B again (SYNTHETIC)", "replace": "2"},
        headers=SAME_ORIGIN,
    )
    assert done.status_code == 200 and "replaces document 2" in done.text
    documents = {d.id: d for d in list_documents(world.ws, principal=ADMIN)}
    new = max(documents)
    assert documents[2].status == "replaced" and documents[2].replaced_by == new
    listing = client.get("/en/documents").text
    assert 'status-replaced">replaced</span>' in listing

    page = client.get(f"/en/documents/{new}")
    withdrawn = client.post(
        f"/en/documents/{new}/withdraw",
        data={"csrf": csrf_of(page.text), "reason": "SYNTHETIC test withdrawal"},
        headers=SAME_ORIGIN,
        follow_redirects=False,
    )
    assert withdrawn.status_code == 303
    shown = client.get(withdrawn.headers["location"]).text
    assert "The document was withdrawn" in shown and "SYNTHETIC test withdrawal" in shown
    with world.ws.session() as session:
        steps = session.scalars(
            select(CustodyEntry.action).where(CustodyEntry.document_id == new)
        ).all()
    assert list(steps) == ["received", "withdrawn"]
    again = client.post(
        f"/en/documents/{new}/withdraw",
        data={"csrf": csrf_of(page.text), "reason": "twice"},
        headers=SAME_ORIGIN,
    )
    assert again.status_code == 400 and "already withdrawn" in again.text


def test_dashboard_shows_latest_imports_and_jobs(world: WebWorld) -> None:
    from shomar.security.principal import Principal, Role
    from shomar.services.jobs import submit_job

    submit_job(world.ws, "link", {}, principal=Principal("analyst", Role.ANALYST))
    html = world.login("analyst").get("/en/").text
    imports = html[html.index("Latest imports") : html.index("Latest jobs")]
    assert "List A (SYNTHETIC)" in imports and ">active</span>" in imports
    assert "Latest jobs" in html and "queued" in html[html.index("Latest jobs") :]
    fa = world.login("analyst").get("/fa/").text
    assert "تازه‌ترین ورودها" in fa and "تازه‌ترین کارها" in fa
    public = world.client.get("/en/").text
    assert "Latest imports" not in public and "Latest jobs" not in public


def test_dashboard_marks_stale_estimates_with_the_reason(
    world: WebWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shomar.web.routes import data

    estimate = {
        "method": "lcmcr",
        "estimate": 1200.0,
        "interval": [900.0, 1500.0],
        "stale": True,
        "stale_reason": "new records were imported after this run",
    }
    views = [
        {"event": "E (SYNTHETIC)", "counted": "killed", "claims": [],
         "documented": {"unique_persons": 10, "multi_source_persons": 2},
         "estimates": [estimate, {**estimate, "method": "dga", "stale": False,
                                  "stale_reason": None}]},
    ]  # fmt: skip
    assert [e["method"] for e in data.stale_estimates(views)] == ["lcmcr"]
    monkeypatch.setattr(data, "comparisons", lambda ws, principal: views)
    en = world.login("analyst").get("/en/").text
    stale = en[en.index("Stale estimates") : en.index("Latest imports")]
    assert 'status-stale">stale</span>' in stale and "lcmcr" in stale and "dga" not in stale
    assert "new records were imported after this run" in stale
    fa = world.login("analyst").get("/fa/").text
    assert "برآوردهای کهنه" in fa and "۱٬۲۰۰" in fa


def test_documents_and_their_custody_through_the_api(world: WebWorld) -> None:
    viewer = {"Authorization": f"Bearer {world.tokens['viewer']}"}
    listed = world.client.get("/api/v1/documents", headers=viewer).json()
    assert listed["total"] >= 2 and {"sha256", "status", "rows", "records"} <= set(
        listed["items"][0]
    )
    one = world.client.get("/api/v1/documents/1", headers=viewer).json()
    assert one["id"] == 1 and one["custody"][0]["action"] == "received"
    prefix = one["sha256"][:10]
    assert world.client.get(f"/api/v1/documents/{prefix}", headers=viewer).json()["id"] == 1
    assert world.client.get("/api/v1/documents").status_code in (401, 403)  # anonymous
