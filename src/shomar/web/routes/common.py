"""What every router shares: the route's policy action, the page language, forms' CSRF token."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from shomar.errors import PermissionDenied
from shomar.security import policy
from shomar.services.access import authorize
from shomar.web.deps import Acting, get_acting
from shomar.web.i18n import DEFAULT_LANGUAGE, LANGUAGES, negotiate
from shomar.web.templating import render

ACTION_KEY = "x-shomar-action"


def _requirer(action: str) -> Any:
    async def check(request: Request, acting: Acting = Depends(get_acting)) -> None:
        # on the event loop: an allowed action needs no I/O, and every sync dependency costs a
        # trip through the thread pool; only a refusal (written to the audit chain) goes there
        if not policy.allows(acting.principal, action):
            ws = request.app.state.workspace
            await run_in_threadpool(authorize, ws, acting.principal, action, request.url.path)

    return check


def act(action: str, **extra: Any) -> dict[str, Any]:
    """Route options that bind a route to a policy action (checked before the route runs).

    The route table carries the action (``openapi_extra``), so a test can check that every
    route has a policy row and test it for every role.
    """
    if not any(rule.action == action for rule in policy.RULES):
        raise KeyError(f"No policy rule for {action!r}")
    return {
        "openapi_extra": {ACTION_KEY: action, **extra.pop("openapi_extra", {})},
        "dependencies": [Depends(_requirer(action))],
        **extra,
    }


def language_of(request: Request) -> str:
    first = request.url.path.strip("/").split("/", 1)[0]
    if first in LANGUAGES:
        return first
    return negotiate(request.headers.get("accept-language")) if request else DEFAULT_LANGUAGE


def page(
    request: Request, acting: Acting, template: str, status: int = 200, **context: Any
) -> HTMLResponse:
    lang = language_of(request)
    other = "en" if lang == "fa" else "fa"
    path = request.url.path
    switch = "/" + other + path[len(lang) + 1 :] if path.startswith(f"/{lang}") else f"/{other}/"
    if request.url.query:
        switch += "?" + request.url.query
    html = render(
        lang,
        template,
        {
            "acting": acting,
            "principal": acting.principal,
            "csrf": acting.csrf_token,
            "switch_url": switch,
            "base": f"/{lang}",
            "allows": lambda action: policy.allows(acting.principal, action),
            **context,
        },
    )
    return HTMLResponse(html, status_code=status)


def check_csrf(acting: Acting, token: str | None) -> None:
    """A form's token must be its session's (the origin check ran in the middleware)."""
    import secrets

    if acting.session is None or not token or not secrets.compare_digest(token, acting.csrf_token):
        raise PermissionDenied(
            "This form has expired or did not come from this site.",
            hint="Reload the page and try again.",
        )


def page_url(request: Request, page_number: int) -> str:
    query = dict(request.query_params)
    query["page"] = str(page_number)
    return f"{request.url.path}?{urlencode(query)}"


__all__ = ["ACTION_KEY", "act", "check_csrf", "language_of", "page", "page_url"]
