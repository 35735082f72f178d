"""The claims ledger in the browser: add a claim, correct it (a new version), confirm, edit and
reject the candidates of an article, and the compare chart (claimed, documented and estimated
apart), in English and Persian, refused to the roles the policy refuses."""

from __future__ import annotations

import base64
import re

import pytest

from shomar.services.claims import ClaimInfo, QuantityInput, add_claim, list_claims
from shomar.services.events import add_event
from support.principals import ADMIN

from .conftest import WebWorld

SAME_ORIGIN = {"sec-fetch-site": "same-origin"}
ARTICLE = (
    "Executions reported (SYNTHETIC)\n\n"
    "Amnesty International said on 3 May 2011 that at least 120 people were executed.\n"
    "Iran Human Rights said that 35 protesters were killed in Tehran.\n"
)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.fixture(scope="module")
def event(world: WebWorld) -> str:
    """An event with one claim, so every test of this module (on any worker) has a chart."""
    name = "Ledger test event (SYNTHETIC)"
    add_event(world.ws, name, principal=ADMIN)
    add_claim(world.ws, claimant="Fixture Watch (SYNTHETIC)", counted="killed",
              quantity=QuantityInput(40), event=name, principal=ADMIN)  # fmt: skip
    return name


def _claims(world: WebWorld) -> dict[str, ClaimInfo]:
    return {c.uid: c for c in list_claims(world.ws, principal=ADMIN)}


def test_add_then_correct_a_claim(world: WebWorld, event: str) -> None:
    client = world.login("documenter")
    form = client.get("/en/claims/new")
    assert form.status_code == 200 and 'name="qualifier"' in form.text
    added = client.post(
        "/en/claims/new",
        data={
            "csrf": _csrf(form.text),
            "claimant": "Synthetic Watch (SYNTHETIC)",
            "counted": "killed",
            "qualifier": "exact",
            "value": "۱٬۵۰۰",
            "event": event,
            "date_stated": "1367-05-10",
            "quote": "1,500 were killed",
        },
        headers=SAME_ORIGIN,
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    uid = added.headers["location"].split("/")[-1].split("?")[0]
    claim = _claims(world)[uid]
    assert claim.quantity["value"] == 1500 and claim.event == event
    assert str(claim.date_stated) == "1988-08-01"
    page = client.get(added.headers["location"])
    assert "The claim was added" in page.text and "1,500" in page.text
    assert 'name="value" value="1500"' in page.text  # the correction form, as typed

    correction = {
        "csrf": _csrf(page.text),
        "claimant": "Synthetic Watch (SYNTHETIC)",
        "counted": "killed",
        "qualifier": "at_least",
        "value": "1600",
        "event": event,
        "date_stated": "1988-08-01",
        "quote": "1,500 were killed",
    }
    corrected = client.post(
        f"/en/claims/{uid}/correct",
        data={**correction, "reason": "the report was updated"},
        headers=SAME_ORIGIN,
        follow_redirects=False,
    )
    assert corrected.status_code == 303, corrected.text
    versions = [c for c in list_claims(world.ws, principal=ADMIN, history=True) if c.uid == uid]
    assert sorted(c.version for c in versions) == [1, 2]
    current = _claims(world)[uid]
    assert current.quantity == {
        "value": 1600,
        "lower": 1600,
        "upper": None,
        "qualifier": "at_least",
    }
    assert "correction: the report was updated" in current.notes
    fa = client.get(f"/fa/claims/{uid}").text
    assert 'dir="rtl"' in fa and "نسخهٔ ۲" in fa and "۱٬۶۰۰" in fa and "۱٬۵۰۰" in fa

    unchanged = client.post(  # the same values again: no change, refused
        f"/en/claims/{uid}/correct", data={**correction, "reason": "none"}, headers=SAME_ORIGIN
    )
    assert unchanged.status_code == 422 and "changes nothing" in unchanged.text


def test_bad_number_is_shown_on_the_form(world: WebWorld) -> None:
    client = world.login("documenter")
    form = client.get("/fa/claims/new")
    response = client.post(
        "/fa/claims/new",
        data={
            "csrf": _csrf(form.text),
            "claimant": "X (SYNTHETIC)",
            "counted": "killed",
            "value": "many",
        },
        headers=SAME_ORIGIN,
    )
    assert response.status_code == 422 and "is not a number" in response.text
    assert 'value="X (SYNTHETIC)"' in response.text  # what was typed is kept


@pytest.mark.parametrize("role", ["viewer", "anonymous"])
def test_roles_that_may_not_add_or_correct(world: WebWorld, role: str) -> None:
    client = world.client if role == "anonymous" else world.login(role)
    for path in ("/en/claims/new", "/en/claims/extract"):
        assert client.get(path, follow_redirects=False).status_code in (303, 401, 403)
    refused = client.post(
        "/en/claims/C-x/correct",
        data={"reason": "x"},
        headers=SAME_ORIGIN,
        follow_redirects=False,
    )
    assert refused.status_code in (303, 401, 403)


def test_confirm_edit_and_reject_candidates_of_an_article(world: WebWorld, event: str) -> None:
    client = world.login("documenter")
    form = client.get("/en/claims/extract")
    proposed = client.post(
        "/en/claims/extract",
        data={"csrf": _csrf(form.text), "source": "Synthetic Daily (SYNTHETIC)"},
        files={"file": ("article.txt", ARTICLE.encode("utf-8"), "text/plain")},
        headers=SAME_ORIGIN,
    )
    assert proposed.status_code == 200, proposed.text
    assert "2 candidates" in proposed.text and 'name="keep-2"' in proposed.text
    assert "Amnesty International said on 3 May 2011" in proposed.text
    before = set(_claims(world))
    confirmed = client.post(
        "/en/claims/extract/confirm",
        data={
            "csrf": _csrf(proposed.text),
            "text": ARTICLE,
            "name": "article.txt",
            "source": "Synthetic Daily (SYNTHETIC)",
            "event": event,
            "keep-1": "1",
            "claimant-1": "Amnesty International",
            "counted-1": "executed",
            "qualifier-1": "at_least",
            "value-1": "125",
        },
        headers=SAME_ORIGIN,
    )
    assert confirmed.status_code == 200, confirmed.text
    new = [c for uid, c in _claims(world).items() if uid not in before]
    assert len(new) == 1
    claim = new[0]
    assert claim.quantity["value"] == 125 and claim.counted == "executed"
    assert claim.quote.startswith("Amnesty International said")
    assert claim.document_id and claim.event == event
    assert ARTICLE.index("Amnesty") == claim.start
    assert "1 claims were added" in confirmed.text


def test_persian_article_is_proposed_in_persian(world: WebWorld) -> None:
    client = world.login("analyst")
    form = client.get("/fa/claims/extract")
    proposed = client.post(
        "/fa/claims/extract",
        data={
            "csrf": _csrf(form.text),
            "text": "سازمان عفو بین‌الملل گفت دست‌کم ۱۲۰ نفر اعدام شدند.",
            "source": "روزنامهٔ آزمایشی",
        },
        headers=SAME_ORIGIN,
    )
    assert proposed.status_code == 200
    assert "نامزد ۱" in proposed.text and "افزودن به دفتر" in proposed.text


def test_empty_article_is_refused_with_a_message(world: WebWorld) -> None:
    client = world.login("documenter")
    form = client.get("/en/claims/extract")
    response = client.post(
        "/en/claims/extract", data={"csrf": _csrf(form.text), "text": "  "}, headers=SAME_ORIGIN
    )
    assert response.status_code == 422 and "The article is empty" in response.text


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_compare_chart_shows_the_three_apart_as_svg_with_text(
    world: WebWorld, event: str, lang: str
) -> None:
    html = world.client.get(f"/{lang}/claims/compare").text  # anonymous: the ledger is public
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', html)
    assert images, html[:2000]
    svg = base64.b64decode(images[0][0]).decode("utf-8")
    assert svg.startswith("<svg")
    if lang == "fa":
        texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.S)
        assert any("ادعا" in t for t in texts)  # panel titles drawn as text, in Persian
        assert "@font-face" in svg and "Vazirmatn" in svg
        assert 'dir="rtl"' in html and "ادعاشده، مستند و برآوردشده" in html
    else:
        assert "Claimed, documented and estimated" in html
        assert images[0][1]  # alt text
    page = re.sub(r'src="data:[^"]+"', "", html)
    assert "style=" not in page and "<script>" not in page  # the page's strict CSP holds


def test_a_claim_and_its_versions_through_the_api(world: WebWorld, event: str) -> None:
    uid = next(c.uid for c in list_claims(world.ws, principal=ADMIN) if c.event == event)
    found = world.client.get(f"/api/v1/claims/{uid}").json()  # the ledger is public
    assert found["uid"] == uid and found["versions"][0]["version"] == found["version"]
    assert world.client.get("/api/v1/claims/C-nosuchclaim").status_code == 404
