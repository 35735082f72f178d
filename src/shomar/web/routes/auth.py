"""Sign-in, second factor, sign-out: the browser's side of :mod:`shomar.services.accounts`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from shomar.config import settings
from shomar.errors import InputError, PermissionDenied
from shomar.security.second_factor import qr_svg
from shomar.services import accounts
from shomar.web.deps import ActingDep, WorkspaceDep, cookie_name
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]


def _set_cookie(response: Response, value: str) -> None:
    secure = settings().cookie_secure
    response.set_cookie(
        cookie_name(),
        value,
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
        max_age=settings().session_absolute_hours * 3600,
    )


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


@router.get("/{lang}/sign-in", **act("account.sign_in"))
def sign_in_form(request: Request, lang: Lang, acting: ActingDep) -> Response:
    return page(request, acting, "sign_in.html", error="")


@router.post("/{lang}/sign-in", **act("account.sign_in"))
def sign_in(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    try:
        result = accounts.sign_in(ws, username, password, address=_address(request))
    except (InputError, PermissionDenied) as exc:
        return page(request, acting, "sign_in.html", status=401, error=exc.message)
    target = f"/{lang}/"
    if result.must_enrol:
        target = f"/{lang}/enrol"
    elif result.needs_second_factor:
        target = f"/{lang}/second-factor"
    response = RedirectResponse(target, status_code=303)
    _set_cookie(response, result.session_id)  # a new random id at every sign-in
    return response


@router.get("/{lang}/second-factor", **act("account.sign_in"))
def second_factor_form(request: Request, lang: Lang, acting: ActingDep) -> Response:
    if acting.session is None:
        return RedirectResponse(f"/{lang}/sign-in", status_code=303)
    return page(request, acting, "second_factor.html", error="")


@router.post("/{lang}/second-factor", **act("account.sign_in"))
def second_factor(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    code: Annotated[str, Form(max_length=40)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    try:
        accounts.complete_second_factor(ws, request.cookies.get(cookie_name(), ""), code)
    except InputError as exc:
        return page(request, acting, "second_factor.html", status=401, error=exc.message)
    return RedirectResponse(f"/{lang}/", status_code=303)


@router.get("/{lang}/enrol", **act("account.sign_in"))
def enrol_form(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    if acting.session is None:
        return RedirectResponse(f"/{lang}/sign-in", status_code=303)
    secret, uri = accounts.begin_enrolment(ws, request.cookies.get(cookie_name(), ""))
    return page(request, acting, "enrol.html", secret=secret, qr=qr_svg(uri), error="", codes=None)


@router.post("/{lang}/enrol", **act("account.sign_in"))
def enrol(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    secret: Annotated[str, Form(max_length=64)],
    code: Annotated[str, Form(max_length=40)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    session_id = request.cookies.get(cookie_name(), "")
    try:
        codes = accounts.finish_enrolment(ws, session_id, secret, code)
    except InputError as exc:
        from shomar.security.second_factor import provisioning_uri

        uri = provisioning_uri(secret, acting.session.principal.name if acting.session else "")
        return page(
            request, acting, "enrol.html", status=400, secret=secret, qr=qr_svg(uri),
            error=exc.message, codes=None,
        )  # fmt: skip
    return page(request, acting, "enrol.html", secret="", qr="", error="", codes=codes)


@router.post("/{lang}/sign-out", **act("account.sign_in"))
def sign_out(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    accounts.sign_out(ws, request.cookies.get(cookie_name(), ""))
    response = RedirectResponse(f"/{lang}/", status_code=303)
    response.delete_cookie(cookie_name(), path="/", secure=settings().cookie_secure, httponly=True)
    return response


__all__ = ["router"]
