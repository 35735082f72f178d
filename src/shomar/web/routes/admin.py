"""Administration pages: users, roles and API tokens."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from shomar.services import accounts
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
RoleName = Literal["admin", "analyst", "documenter", "viewer"]


def _users_page(
    request: Request,
    ws: WorkspaceDep,
    acting: ActingDep,
    created: tuple[str, str] | None = None,
) -> Response:
    users = accounts.list_users(ws, principal=acting.principal)
    return page(
        request,
        acting,
        "admin_users.html",
        users=users,
        created=created,
    )


@router.get("/{lang}/admin/users", **act("users.manage"))
def users(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return _users_page(request, ws, acting)


@router.post("/{lang}/admin/users", **act("users.manage"))
def add_user(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    username: Annotated[str, Form(max_length=100)],
    role: Annotated[RoleName, Form()],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    info, password = accounts.add_user(ws, username, role, principal=acting.principal)
    return _users_page(request, ws, acting, created=(info.name, password))


@router.post("/{lang}/admin/users/{name}/disable", **act("users.manage"))
def disable_user(
    request: Request,
    lang: Lang,
    name: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    disabled: Annotated[bool, Form()] = True,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    accounts.set_disabled(ws, name, disabled, principal=acting.principal)
    return _users_page(request, ws, acting)


@router.post("/{lang}/admin/tokens", **act("account.self"))
def create_token(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    label: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """A token for the signed-in user (who passed the second factor to get here)."""
    check_csrf(acting, csrf)
    token = accounts.create_token(
        ws, acting.principal.name, principal=acting.principal, label=label
    )
    return page(request, acting, "token.html", token=token)


__all__ = ["router"]
