"""A small SYNTHETIC workspace served by the web app, with one account per role.

Records of every tier carry marker names (``Zzpublic…``, ``Zzrestricted…``,
``Zzconfidential…``) so tests can search every response for a tier a role may not see.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shomar.security.principal import Role
from shomar.services import accounts
from shomar.services.imports import import_file
from shomar.services.linkage import link_workspace
from shomar.store.workspace import Workspace, open_workspace
from shomar.web.app import create_app
from support.principals import ADMIN

PASSWORD = "correct-horse-battery-Synthetic-42"
ROLES = ("admin", "analyst", "documenter", "viewer")
TIER_MARKERS = {
    "public": "Zzpublicmarker",
    "restricted": "Zzrestrictedmarker",
    "confidential": "Zzconfidentialmarker",
}
NAMES = [
    ("Mohammad", "Rezaei", "محمد", "رضایی"),
    ("Ali", "Karimi", "علی", "کریمی"),
    ("Zahra", "Ahmadi", "زهرا", "احمدی"),
    ("Hossein", "Moradi", "حسین", "مرادی"),
    ("Maryam", "Jafari", "مریم", "جعفری"),
    ("Reza", "Hosseini", "رضا", "حسینی"),
]


@dataclass
class WebWorld:
    ws: Workspace
    client: TestClient
    tokens: dict[str, str]
    uids: dict[str, str]  # tier -> a record uid of that tier

    def login(self, role: str) -> TestClient:
        """A browser-like client signed in as ``role`` (second factor off in these tests)."""
        return sign_in(self.client, role)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> TestClient:
    """A new browser-like client of ``client``'s app, signed in (second factor off)."""
    browser = TestClient(client.app, base_url="https://testserver")
    response = browser.post(
        "/en/sign-in",
        data={"username": username, "password": password},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return browser


def csrf_of(html: str) -> str:
    """The CSRF token of the (first) form on a page."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def _write_list(path: Path, latin: bool, offset: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["record_id", "given_name", "family_name", "father_name", "sex", "age", "date",
             "place", "violation", "confidentiality", "notes"]
        )  # fmt: skip
        for i, (given, family, given_fa, family_fa) in enumerate(NAMES):
            tier = ("public", "restricted", "confidential")[i % 3]
            writer.writerow(
                [
                    f"R{offset + i}",
                    given if latin else given_fa,
                    family if latin else family_fa,
                    "Hasan" if latin else "حسن",
                    "male" if i % 2 == 0 else "female",
                    20 + i,
                    "1988-08-0" + str(i + 1),
                    "Tehran" if latin else "تهران",
                    "execution",
                    tier,
                    "SYNTHETIC test record",
                ]
            )
        for tier, marker in TIER_MARKERS.items():
            writer.writerow(
                [f"M{offset}-{tier}", marker, "Testfamily", "", "", "", "1988-08-15", "",
                 "execution", tier, "SYNTHETIC"]
            )  # fmt: skip


def _add_uncertain_pairs(ws: Workspace) -> None:
    """Put a few pairs in the review band of the latest run, so the queue is never empty."""
    from sqlalchemy import func, select

    from shomar.store.tables import PairScore, PersonRecord, ReviewQueueItem

    with ws.session() as session:
        run = session.scalar(select(func.max(PersonRecord.run_id)))
        uids = sorted(
            session.scalars(select(PersonRecord.record_uid).where(PersonRecord.run_id == run))
        )
        start = int(
            session.scalar(
                select(func.coalesce(func.max(ReviewQueueItem.position) + 1, 0)).where(
                    ReviewQueueItem.run_id == run
                )
            )
            or 0
        )
        for n, (a, b) in enumerate(zip(uids[0:6:2], uids[1:6:2], strict=True)):
            session.add(PairScore(run_id=run, uid_a=a, uid_b=b, match_probability=0.5))
            session.add(  # the queue the pages read is stored per run
                ReviewQueueItem(
                    run_id=run, position=start + n, uid_a=a, uid_b=b, match_probability=0.5
                )
            )


@dataclass(frozen=True)
class _WorldTemplate:
    """A linked workspace with its accounts, built once per test process and only copied."""

    folder: Path
    tokens: dict[str, str]
    uids: dict[str, str]


def _build_world(root: Path) -> _WorldTemplate:
    ws = open_workspace(root / "ws", create=True)
    for name, latin, offset in (
        ("List A (SYNTHETIC)", True, 0),
        ("List B (SYNTHETIC)", False, 100),
    ):
        path = root / f"{offset}.csv"
        _write_list(path, latin, offset)
        import_file(ws, path, name, principal=ADMIN)
    link_workspace(ws, principal=ADMIN)
    _add_uncertain_pairs(ws)
    tokens = {}
    for role in ROLES:
        accounts.add_user(ws, role, role, principal=ADMIN, password=PASSWORD)
        tokens[role] = accounts.create_token(ws, role, principal=ADMIN)
    from sqlalchemy import select

    from shomar.store.tables import Record

    with ws.session() as session:
        uids = {
            tier: session.scalars(
                select(Record.uid).where(Record.confidentiality == tier).order_by(Record.id)
            ).first()
            or ""
            for tier in TIER_MARKERS
        }
    ws.close()
    return _WorldTemplate(root / "ws", tokens, uids)


def _world_environment() -> pytest.MonkeyPatch:
    mp = pytest.MonkeyPatch()
    mp.setenv("SHOMAR_SECOND_FACTOR_ROLES", "")
    mp.setenv("SHOMAR_ACTOR", "tester")
    mp.delenv("SHOMAR_DATABASE_URL", raising=False)
    return mp


@pytest.fixture(scope="session")
def _world_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_WorldTemplate]:
    """Import and link once: linking runs splink, which is most of a world's cost."""
    mp = _world_environment()
    yield _build_world(tmp_path_factory.mktemp("web-template"))
    mp.undo()


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, _world_template: _WorldTemplate
) -> Iterator[WebWorld]:
    """A module's own copy of the template world: what one module changes, no other sees."""
    mp = _world_environment()
    folder = tmp_path_factory.mktemp("web") / "ws"
    shutil.copytree(_world_template.folder, folder)
    ws = open_workspace(folder)
    client = TestClient(create_app(ws), base_url="https://testserver")
    yield WebWorld(ws, client, dict(_world_template.tokens), dict(_world_template.uids))
    ws.close()
    mp.undo()


def role_names() -> tuple[str, ...]:
    return (*ROLES, "anonymous")


def principal_role(name: str) -> Role:
    return Role(name)
