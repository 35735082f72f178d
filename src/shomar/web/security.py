"""Web hardening as one ASGI middleware: security headers on every response, CSRF by origin.

- Headers on every response, 404 and 500 pages included: a CSP without ``unsafe-inline``
  (``default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'``),
  ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``, and HSTS when the
  ``hsts`` setting is on (served over TLS).
- Cross-site state changes are refused before any route runs: an unsafe method must come with
  ``Sec-Fetch-Site: same-origin`` (or ``none``), or, for clients that do not send it, an
  ``Origin`` equal to the request's own. Forms also carry the session's token (checked in the
  routes, :func:`shomar.web.routes.common.check_csrf`). The API acts only on bearer tokens,
  never on cookies, so it is not exposed to CSRF and is exempt.
- An unhandled error becomes a plain 500 page here, with the same headers.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shomar.config import settings

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
logger = logging.getLogger("shomar.web")


def security_headers() -> list[tuple[bytes, bytes]]:
    return list(_headers(settings().hsts))


@functools.cache
def _headers(hsts: bool) -> tuple[tuple[bytes, bytes], ...]:
    headers = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if hsts:
        headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
    return tuple(headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def cross_site(scope: Scope) -> bool:
    """True when an unsafe request comes from another site."""
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return origin == "null"
    host = _header(scope, b"host") or ""
    scheme = scope.get("scheme", "http")
    return origin.rstrip("/") != f"{scheme}://{host}"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers()
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        path: str = scope.get("path", "")
        if (
            scope.get("method", "GET") not in SAFE_METHODS
            and not path.startswith("/api/")
            and cross_site(scope)
        ):
            await _plain(send_with_headers, 403, "Cross-site request refused (CSRF protection).")
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            logger.exception("unhandled error on %s", path)
            if not started:
                await _plain(send_with_headers, 500, "Something went wrong on the server.")


async def _plain(send: Any, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


__all__ = ["CSP", "SecurityMiddleware", "cross_site", "security_headers"]
