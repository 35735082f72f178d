"""Request dependencies as typed aliases: the workspace, the acting principal, the language.

A browser acts through a server-side session (cookie); a script through
``Authorization: Bearer TOKEN``; anyone else is :data:`~shomar.security.principal.ANONYMOUS`
and sees only what is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from shomar.config import settings
from shomar.security.principal import ANONYMOUS, Principal
from shomar.services.accounts import SessionState, principal_for_token, session_state
from shomar.store.workspace import Workspace


def cookie_name() -> str:
    return "__Host-shomar_session" if settings().cookie_secure else "shomar_session"


async def get_workspace(request: Request) -> Workspace:
    """The app's workspace (async: no I/O, so no trip through the thread pool)."""
    ws: Workspace = request.app.state.workspace
    return ws


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]


@dataclass(frozen=True)
class Acting:
    """Who is acting in this request and how they came (session, token or nobody)."""

    principal: Principal
    session: SessionState | None = None
    via_token: bool = False

    @property
    def csrf_token(self) -> str:
        return self.session.csrf_token if self.session else ""


def _session(request: Request, ws: Workspace) -> SessionState | None:
    cached = getattr(request.state, "shomar_session", None)
    if cached is not None:
        return cached if isinstance(cached, SessionState) else None
    state = session_state(ws, request.cookies.get(cookie_name(), ""))
    request.state.shomar_session = state or False
    return state


def get_acting(request: Request, ws: WorkspaceDep) -> Acting:
    acting = _acting(request, ws)
    request.state.acting = acting
    return acting


def _acting(request: Request, ws: Workspace) -> Acting:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = principal_for_token(ws, header[7:].strip())
        if principal is None:
            from shomar.web.errors import Unauthenticated

            raise Unauthenticated()
        return Acting(principal, via_token=True)
    if request.url.path.startswith("/api/"):  # the API never acts on cookies (no CSRF there)
        return Acting(ANONYMOUS)
    state = _session(request, ws)
    if state is None or state.pending_second_factor:
        return Acting(ANONYMOUS, state)
    return Acting(state.principal, state)


ActingDep = Annotated[Acting, Depends(get_acting)]

__all__ = ["Acting", "ActingDep", "WorkspaceDep", "cookie_name", "get_acting", "get_workspace"]
