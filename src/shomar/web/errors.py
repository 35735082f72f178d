"""Errors at the web edge: Shomar's exception tree to HTTP status, JSON or an error page.

API errors are ``{"error": {"code", "message", "hint"}}``; pages show the same message.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from shomar.errors import (
    BusyError,
    ConflictError,
    ImportValidationError,
    NotFoundError,
    PermissionDenied,
    ShomarError,
)


class Unauthenticated(ShomarError):
    """No valid credentials where they are needed (a bad token, or a page for staff)."""

    code = "unauthenticated"

    def __init__(self, message: str = "Sign in, or send a valid API token.") -> None:
        super().__init__(message, hint="Use `Authorization: Bearer TOKEN` or sign in.")


#: the HTTP status of each kind of error, most specific first; the error's ``code`` is its own
#: (``ShomarError.code``), the same string the CLI's ``--json`` prints
STATUS: tuple[tuple[type[ShomarError], int], ...] = (
    (Unauthenticated, 401),
    (PermissionDenied, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (ImportValidationError, 422),
    (BusyError, 503),
)
HTTP_CODES = {
    400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "unprocessable",
    429: "too_many_requests", 500: "internal", 503: "busy",
}  # fmt: skip


def status_of(exc: ShomarError) -> tuple[int, str]:
    status = next((status for kind, status in STATUS if isinstance(exc, kind)), 400)
    return status, exc.code


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_body(code: str, message: str, hint: str | None) -> dict[str, object]:
    return {"error": {"code": code, "message": message, "hint": hint or ""}}


def _page(request: Request, status: int, message: str, hint: str | None) -> Response:
    from shomar.security.principal import ANONYMOUS
    from shomar.web.deps import Acting
    from shomar.web.routes.common import page

    acting = getattr(request.state, "acting", None) or Acting(ANONYMOUS)
    return page(request, acting, "error.html", status=status, message=message, hint=hint or "")


async def shomar_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ShomarError)
    status, code = status_of(exc)
    if isinstance(exc, PermissionDenied) and _anonymous(request):
        status, code = 401, "unauthenticated"
    if _wants_json(request):
        body = error_body(code, exc.message, exc.hint)
        if isinstance(exc, ImportValidationError):
            body["error"]["problems"] = [  # type: ignore[index]
                p.to_dict() if hasattr(p, "to_dict") else str(p) for p in exc.problems
            ]
        return JSONResponse(body, status_code=status)
    if status == 401 and request.method == "GET":
        from fastapi.responses import RedirectResponse

        from shomar.web.routes.common import language_of

        return RedirectResponse(f"/{language_of(request)}/sign-in", status_code=303)
    return _page(request, status, exc.message, exc.hint)


def _anonymous(request: Request) -> bool:
    acting = getattr(request.state, "acting", None)
    return acting is None or acting.principal.is_anonymous


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, "error")
    message = str(exc.detail) if exc.detail else code
    if _wants_json(request):
        return JSONResponse(error_body(code, message, None), status_code=exc.status_code)
    return _page(request, exc.status_code, message, None)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
    )
    if _wants_json(request):
        return JSONResponse(
            error_body("unprocessable", details, "Check the request against the OpenAPI document."),
            status_code=422,
        )
    return _page(request, 422, details, None)


async def internal_error(request: Request, exc: Exception) -> Response:
    import logging

    logging.getLogger("shomar.web").exception("unhandled error on %s", request.url.path)
    message = "Something went wrong on the server; it was logged."
    if _wants_json(request):
        return JSONResponse(error_body("internal", message, None), status_code=500)
    return _page(request, 500, message, None)


__all__ = ["Unauthenticated", "error_body", "status_of"]
