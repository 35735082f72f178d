"""Every route has a policy row, and every route × role is allowed or refused as the policy says.

Generated from the app's route table, so a new route without a policy action fails here. Every
response is also searched for the marker names of tiers the role may not see.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from shomar.security import policy
from shomar.security.principal import Principal, Role
from shomar.web.routes.common import ACTION_KEY

from .conftest import TIER_MARKERS, WebWorld, role_names


def _routes(world: WebWorld) -> list[APIRoute]:
    return [r for r in world.client.app.routes if isinstance(r, APIRoute)]  # type: ignore[attr-defined]


def test_every_route_names_a_policy_action(world: WebWorld) -> None:
    actions = {rule.action for rule in policy.RULES}
    for route in _routes(world):
        action = (route.openapi_extra or {}).get(ACTION_KEY)
        assert action in actions, f"{route.path} {route.methods} has no policy action"


def _fill(path: str, world: WebWorld, role: str) -> str:
    person = world.client.get(
        "/api/v1/persons", headers={"Authorization": f"Bearer {world.tokens['admin']}"}
    ).json()["items"][0]["person_id"]
    values = {
        "lang": "en",
        "uid": world.uids["public"],
        "person_id": person,
        "name": "viewer",
        "document_id": "1",
        "claim_uid": "C-nosuchclaim",
        "job_id": "nosuchjob",
        "fmt": "html",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def _client(world: WebWorld, role: str) -> tuple[TestClient, dict[str, str]]:
    if role == "anonymous":
        return world.client, {}
    return world.login(role), {}


@pytest.mark.parametrize("role", role_names())
def test_route_matrix(world: WebWorld, role: str) -> None:
    principal = Principal(role, Role(role))
    visible = policy.visible_tiers(principal)
    client, _ = _client(world, role)
    api_headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role != "anonymous" else {}
    for route in _routes(world):
        action = (route.openapi_extra or {})[ACTION_KEY]
        path = _fill(route.path, world, role)
        is_api = path.startswith("/api/")
        headers = (
            {**api_headers, "sec-fetch-site": "same-origin"}
            if is_api
            else {"sec-fetch-site": "same-origin"}
        )
        for method in sorted(route.methods):
            if path.endswith("/sign-out") or path.endswith("/sign-in"):
                continue  # would end or start this client's session; tested in test_accounts
            response = client.request(method, path, headers=headers, follow_redirects=False)
            allowed = policy.allows(principal, action)
            where = f"{role} {method} {path} ({action})"
            if allowed:
                assert response.status_code not in (401, 403), f"{where}: {response.status_code}"
                assert response.status_code < 500, f"{where}: {response.text[:300]}"
            else:
                assert response.status_code in (401, 403, 303), f"{where}: {response.status_code}"
            for tier, marker in TIER_MARKERS.items():
                if tier not in visible:
                    assert marker not in response.text, f"{where} leaks a {tier} record"


def test_refusals_are_audited(world: WebWorld) -> None:
    from sqlalchemy import select

    from shomar.store.tables import AuditEntry

    client = world.login("viewer")
    client.get("/en/review", headers={"sec-fetch-site": "same-origin"})
    with world.ws.session() as session:
        denied = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "denied", AuditEntry.actor == "viewer")
        ).all()
    assert denied
