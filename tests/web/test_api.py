"""The JSON API: list shape, errors, token auth, search in both scripts."""

from __future__ import annotations

from .conftest import TIER_MARKERS, WebWorld


def _auth(world: WebWorld, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[role]}"}


def test_lists_have_items_total_page_next(world: WebWorld) -> None:
    body = world.client.get("/api/v1/records", headers=_auth(world, "analyst")).json()
    assert set(body) == {"items", "total", "page", "next"}
    assert body["total"] == len(body["items"]) > 0
    record = body["items"][0]
    assert {"uid", "source", "full_name", "tier", "person_id"} <= set(record)


def test_anonymous_sees_only_public_records(world: WebWorld) -> None:
    body = world.client.get("/api/v1/records").json()
    assert body["items"] and {r["tier"] for r in body["items"]} == {"public"}


def test_bad_token_is_401_with_error_body(world: WebWorld) -> None:
    response = world.client.get("/api/v1/records", headers={"Authorization": "Bearer shm_nope"})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "unauthenticated" and error["message"] and "hint" in error


def test_refused_is_403_and_unknown_is_404(world: WebWorld) -> None:
    assert world.client.get("/api/v1/review", headers=_auth(world, "viewer")).status_code == 403
    assert world.client.get("/api/v1/review").status_code == 401
    missing = world.client.get("/api/v1/records/999:none", headers=_auth(world, "admin"))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_invisible_record_looks_missing(world: WebWorld) -> None:
    """IDOR probe: a viewer asking for a confidential record id gets 404, not its data."""
    uid = world.uids["confidential"]
    response = world.client.get(f"/api/v1/records/{uid}", headers=_auth(world, "viewer"))
    assert response.status_code == 404
    assert TIER_MARKERS["confidential"] not in response.text


def test_persian_query_finds_latin_spellings(world: WebWorld) -> None:
    body = world.client.get(
        "/api/v1/records", params={"q": "محمد"}, headers=_auth(world, "admin")
    ).json()
    names = {r["full_name"] for r in body["items"]}
    assert any("Mohammad" in n for n in names), names
    assert any("محمد" in n for n in names), names
    assert not any("Ali" in n or "Reza " in n for n in names), names


def test_review_decision_round_trip(world: WebWorld) -> None:
    queue = world.client.get("/api/v1/review?limit=5", headers=_auth(world, "analyst")).json()
    items = queue["items"]
    if not items:  # the tiny world may have no uncertain pair: decide on two known records
        a, b = world.uids["public"], world.uids["restricted"]
    else:
        a, b = items[0]["uid_a"], items[0]["uid_b"]
    response = world.client.post(
        "/api/v1/review/decisions",
        json={"a": a, "b": b, "verdict": "unsure", "reason": "test"},
        headers=_auth(world, "analyst"),
    )
    assert response.status_code == 201, response.text
    assert response.json()["verdict"] == "unsure"
    bad = world.client.post(
        "/api/v1/review/decisions",
        json={"a": a, "b": b, "verdict": "maybe"},
        headers=_auth(world, "analyst"),
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "unprocessable"


def test_openapi_document(world: WebWorld) -> None:
    doc = world.client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/stats", "/api/v1/records", "/api/v1/records/{uid}", "/api/v1/persons",
                 "/api/v1/persons/{person_id}", "/api/v1/review", "/api/v1/review/decisions",
                 "/api/v1/events", "/api/v1/claims", "/api/v1/estimates"):  # fmt: skip
        assert path in doc["paths"], path


def test_import_through_the_api_is_a_job(world: WebWorld) -> None:
    from shomar.services.job_queue import run_queued

    content = b"record_id,full_name,date,notes\nJ1,Ali Jobtest,1988-08-01,SYNTHETIC\n"
    response = world.client.post(
        "/api/v1/imports",
        data={"source": "API list (SYNTHETIC)"},
        files={"file": ("list.csv", content, "text/csv")},
        headers=_auth(world, "documenter"),
    )
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] == "queued" and job["kind"] == "import"
    run_queued(world.ws.path)
    done = world.client.get(f"/api/v1/jobs/{job['id']}", headers=_auth(world, "documenter")).json()
    assert done["status"] == "done", done
    assert done["result"]["records_added"] == 1
    other = world.client.get(f"/api/v1/jobs/{job['id']}", headers=_auth(world, "viewer"))
    assert other.status_code == 404  # one's own jobs only


def test_person_split_then_undo_through_the_pages(world: WebWorld) -> None:
    import re

    from shomar.services.linkage import list_decisions
    from support.principals import ADMIN

    client = world.login("analyst")
    persons = world.client.get("/api/v1/persons", headers=_auth(world, "admin")).json()["items"]
    multi = next(p for p in persons if p["records"] > 1)
    page = client.get(f"/en/persons/{multi['person_id']}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    uids = re.findall(r'<option value="([^"]+)">', page.text)
    a, b = uids[0], uids[1]  # two records of the first select
    before = len(list_decisions(world.ws, principal=ADMIN))
    done = client.post(
        f"/en/persons/{multi['person_id']}/split",
        data={"csrf": csrf, "a": a, "b": b, "reason": "different fathers (test)"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert done.status_code == 200 and "Decision saved" in done.text
    decisions = list_decisions(world.ws, principal=ADMIN)
    assert len(decisions) == before + 1 and decisions[-1].verdict == "different"
    last = re.search(r'name="last" value="([^"]+)"', done.text).group(1)  # type: ignore[union-attr]
    undone = client.post(
        "/en/review/undo",
        data={"csrf": csrf, "last": last.replace("&#124;", "|"), "person": multi["person_id"]},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert undone.status_code == 200 and "was undone" in undone.text
    verdicts = {(d.uid_a, d.uid_b): d.verdict for d in list_decisions(world.ws, principal=ADMIN)}
    assert verdicts[tuple(sorted((a, b)))] == "unsure"
