"""Server-rendered pages in Persian and English (``/fa/…``, ``/en/…``), working without
JavaScript. Anonymous visitors get the public site: the same pages over published data."""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from shomar.config import settings
from shomar.errors import ShomarError
from shomar.services import keys as key_service
from shomar.services import records as record_service
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.i18n import negotiate
from shomar.web.routes import data
from shomar.web.routes.common import act, check_csrf, page, page_url

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
VIOLATIONS = (
    "killing", "execution", "death in custody", "enforced disappearance",
    "arbitrary detention", "torture", "injury", "other",
)  # fmt: skip


@router.get("/", **act("stats.read"))
def root(request: Request) -> Response:
    return RedirectResponse(
        f"/{negotiate(request.headers.get('accept-language'))}/", status_code=307
    )


@router.get("/{lang}/", **act("stats.read"))
def home(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    counts = data.stats(ws, acting.principal)
    views = data.comparisons(ws, acting.principal)
    queue = None
    if not acting.principal.is_anonymous and acting.principal.role in ("admin", "analyst"):
        queue = len(data.review(ws, acting.principal, 500))
    return page(
        request, acting, "home.html", counts=counts, views=views, queue=queue,
        **data.dashboard(ws, acting.principal, views),
    )  # fmt: skip


@router.get("/{lang}/records", **act("records.read"))
def records(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    q: str = "",
    source: str = "",
    event: str = "",
    violation: str = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=10**6)] = 1,
) -> Response:
    found = record_service.search_records(
        ws,
        principal=acting.principal,
        q=q,
        source=source or None,
        event=event or None,
        violation=violation or None,
        page=page_number,
        page_size=settings().page_size,
    )
    return page(
        request, acting, "records.html", found=found, q=q, source=source, event=event,
        violation=violation, violations=VIOLATIONS,
        next_url=page_url(request, page_number + 1) if found.has_next else None,
        prev_url=page_url(request, page_number - 1) if page_number > 1 else None,
    )  # fmt: skip


@router.get("/{lang}/records/{uid}", **act("records.read"))
def record(request: Request, lang: Lang, uid: str, ws: WorkspaceDep, acting: ActingDep) -> Response:
    detail = record_service.get_record(ws, uid, principal=acting.principal)
    return page(request, acting, "record.html", record=detail)


@router.post("/{lang}/records/{uid}/sensitive", **act("records.read_sensitive"))
def record_sensitive(
    request: Request,
    lang: Lang,
    uid: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """The record page with its decrypted witness and contact fields (a form, not a link: each
    reading is written to the audit chain, so no prefetch or crawler may trigger one)."""
    check_csrf(acting, csrf)
    detail = record_service.get_record(ws, uid, principal=acting.principal)
    fields = key_service.sensitive_fields(ws, uid, principal=acting.principal)
    shown = {name: value for name, value in fields.items() if value}
    return page(request, acting, "record.html", record=detail, sensitive=shown)


@router.get("/{lang}/persons", **act("persons.read"))
def persons(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    q: str = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=10**6)] = 1,
) -> Response:
    found = record_service.search_persons(
        ws, principal=acting.principal, q=q, page=page_number, page_size=settings().page_size
    )
    return page(
        request, acting, "persons.html", found=found, q=q,
        next_url=page_url(request, page_number + 1) if found.has_next else None,
        prev_url=page_url(request, page_number - 1) if page_number > 1 else None,
    )  # fmt: skip


@router.get("/{lang}/persons/{person_id}", **act("persons.read"))
def person(
    request: Request, lang: Lang, person_id: str, ws: WorkspaceDep, acting: ActingDep
) -> Response:
    detail = record_service.get_person(ws, person_id, principal=acting.principal)
    return page(
        request, acting, "person.html", person=detail, last=request.query_params.get("last", ""),
        undone=request.query_params.get("undone", ""),
    )  # fmt: skip


@router.get("/{lang}/review", **act("review.read"))
def review(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    at: Annotated[int, Query(ge=0, le=10**6)] = 0,
    blind: bool = False,
    undone: str = "",
) -> Response:
    items = data.review(ws, acting.principal, 500)
    decided = len(data.decisions(ws, acting.principal))
    at = min(at, max(len(items) - 1, 0))
    item = items[at] if items else None
    return page(
        request, acting, "review.html", item=item, at=at, total=len(items), decided=decided,
        blind=blind, last=request.query_params.get("last", ""), undone=undone,
    )  # fmt: skip


@router.post("/{lang}/review/decide", **act("review.decide"))
def review_decide(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    a: Annotated[str, Form(max_length=300)],
    b: Annotated[str, Form(max_length=300)],
    verdict: Annotated[Literal["same", "different", "unsure"], Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    at: Annotated[int, Form(ge=0, le=10**6)] = 0,
    blind: Annotated[bool, Form()] = False,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    result = data.decide(ws, acting.principal, a, b, verdict, reason)
    previous = result.get("replaces") or "none"
    target = f"/{lang}/review?at={at}&last={a}|{b}|{previous}" + ("&blind=1" if blind else "")
    return RedirectResponse(target, status_code=303)  # stays in place: the next pair slides in


@router.post("/{lang}/review/undo", **act("review.decide"))
def review_undo(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    last: Annotated[str, Form(max_length=700)],
    at: Annotated[int, Form(ge=0, le=10**6)] = 0,
    blind: Annotated[bool, Form()] = False,
    person: Annotated[str, Form(max_length=40)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Undo the last decision: the pair goes back to the verdict it had (or to unsure)."""
    check_csrf(acting, csrf)
    try:
        a, b, previous = last.split("|")
    except ValueError as exc:
        raise ShomarError("Nothing to undo.") from exc
    verdict = previous if previous in ("same", "different", "unsure") else "unsure"
    data.decide(ws, acting.principal, a, b, verdict, "undo")
    if person and re.fullmatch(r"[\w-]{1,40}", person):
        return RedirectResponse(f"/{lang}/persons/{person}?undone=1", status_code=303)
    return RedirectResponse(
        f"/{lang}/review?at={at}&undone=1" + ("&blind=1" if blind else ""), status_code=303
    )


@router.post("/{lang}/persons/{person_id}/merge", **act("review.decide"))
def person_merge(
    request: Request,
    lang: Lang,
    person_id: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    other: Annotated[str, Form(min_length=1, max_length=40)],
    reason: Annotated[str, Form(min_length=1, max_length=2000)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Two persons are one: a *same* decision between a record of each (undoable)."""
    check_csrf(acting, csrf)
    mine = record_service.get_person(ws, person_id, principal=acting.principal).records[0].uid
    theirs = record_service.get_person(ws, other.strip(), principal=acting.principal).records[0].uid
    result = data.decide(ws, acting.principal, mine, theirs, "same", reason)
    return _back_to_person(lang, person_id, mine, theirs, result)


@router.post("/{lang}/persons/{person_id}/split", **act("review.decide"))
def person_split(
    request: Request,
    lang: Lang,
    person_id: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    a: Annotated[str, Form(min_length=1, max_length=300)],
    b: Annotated[str, Form(min_length=1, max_length=300)],
    reason: Annotated[str, Form(min_length=1, max_length=2000)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Two records of this person are two people: a *different* decision (undoable)."""
    check_csrf(acting, csrf)
    result = data.decide(ws, acting.principal, a, b, "different", reason)
    return _back_to_person(lang, person_id, a, b, result)


def _back_to_person(
    lang: str, person_id: str, a: str, b: str, result: dict[str, object]
) -> Response:
    previous = result.get("replaces") or "none"
    return RedirectResponse(
        f"/{lang}/persons/{person_id}?last={quote(f'{a}|{b}|{previous}')}", status_code=303
    )


@router.get("/{lang}/events", **act("events.read"))
def events(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return page(request, acting, "events.html", events=data.events(ws, acting.principal))


@router.get("/{lang}/claims", **act("claims.read"))
def claims(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return page(request, acting, "claims.html", claims=data.claims(ws, acting.principal))


@router.get("/{lang}/estimates", **act("estimates.read"))
def estimates(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return page(
        request, acting, "estimates.html", views=data.comparisons(ws, acting.principal),
        events=data.events(ws, acting.principal),
    )  # fmt: skip


__all__ = ["router"]
