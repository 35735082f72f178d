"""The record page's "show witness and contact fields": decrypted for analysts, audited, a form
(POST with the session's CSRF token), refused to roles that may not read them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from shomar.services import accounts
from shomar.services.imports import import_file
from shomar.store.tables import AuditEntry, Record
from shomar.store.workspace import Workspace, open_workspace
from shomar.web.app import create_app
from support.principals import ADMIN

from .conftest import PASSWORD, csrf_of, sign_in

WITNESS = "Zzwitness Synthetic"
LIST = (
    "record_id,full_name,witness_name,violation,confidentiality\n"
    f"1,Ali Testname,{WITNESS},execution,public\n"
    "2,Reza Testname,,execution,public\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, TestClient]]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SHOMAR_SECOND_FACTOR_ROLES", "")
    mp.delenv("SHOMAR_DATABASE_URL", raising=False)
    root = tmp_path_factory.mktemp("sensitive")
    (root / "list.csv").write_text(LIST, encoding="utf-8")
    ws = open_workspace(root / "ws", create=True)
    import_file(ws, root / "list.csv", "NGO (SYNTHETIC)", principal=ADMIN)
    for role in ("analyst", "documenter", "viewer"):
        accounts.add_user(ws, role, role, principal=ADMIN, password=PASSWORD)
    yield ws, TestClient(create_app(ws), base_url="https://testserver")
    ws.close()
    mp.undo()


def _uid(ws: Workspace, full_name: str) -> str:
    with ws.read_session() as session:
        return str(session.scalar(select(Record.uid).where(Record.full_name == full_name)))


def _reads(ws: Workspace) -> list[str]:
    with ws.read_session() as session:
        return [
            e.target
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
            if e.action == "records.read_sensitive"
        ]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_an_analyst_sees_the_witness_after_asking_and_the_reading_is_audited(
    site: tuple[Workspace, TestClient], lang: str
) -> None:
    ws, client = site
    browser = sign_in(client, "analyst")
    uid = _uid(ws, "Ali Testname")
    page = browser.get(f"/{lang}/records/{uid}")
    assert page.status_code == 200
    assert WITNESS not in page.text  # not shown until asked for
    before = _reads(ws)
    shown = browser.post(
        f"/{lang}/records/{uid}/sensitive",
        data={"csrf": csrf_of(page.text)},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert shown.status_code == 200, shown.text
    assert WITNESS in shown.text
    assert ("شاهد" if lang == "fa" else "Witness") in shown.text
    assert _reads(ws) == [*before, f"record:{uid}"]


def test_a_record_without_sensitive_values_says_so(site: tuple[Workspace, TestClient]) -> None:
    ws, client = site
    browser = sign_in(client, "analyst")
    uid = _uid(ws, "Reza Testname")
    page = browser.get(f"/en/records/{uid}")
    shown = browser.post(
        f"/en/records/{uid}/sensitive",
        data={"csrf": csrf_of(page.text)},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert shown.status_code == 200
    assert "holds no sensitive values" in shown.text


def test_without_the_form_token_nothing_is_decrypted(site: tuple[Workspace, TestClient]) -> None:
    ws, client = site
    browser = sign_in(client, "analyst")
    before = _reads(ws)
    refused = browser.post(
        f"/en/records/{_uid(ws, 'Ali Testname')}/sensitive",
        data={"csrf": "forged"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert refused.status_code == 403
    assert WITNESS not in refused.text
    assert _reads(ws) == before


@pytest.mark.parametrize("role", ["documenter", "viewer"])
def test_roles_that_may_not_read_them_get_no_button_and_a_refusal(
    site: tuple[Workspace, TestClient], role: str
) -> None:
    ws, client = site
    browser = sign_in(client, role)
    uid = _uid(ws, "Ali Testname")
    page = browser.get(f"/en/records/{uid}")
    assert page.status_code == 200
    assert "/sensitive" not in page.text
    refused = browser.post(
        f"/en/records/{uid}/sensitive",
        data={"csrf": csrf_of(page.text) if 'name="csrf"' in page.text else ""},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert refused.status_code == 403
    assert WITNESS not in refused.text
