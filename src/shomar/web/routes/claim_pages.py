"""The claims ledger in the browser: add a claim, correct one (a new version), confirm the
candidates the extraction engine proposes in an article, and the compare chart (claimed,
documented and estimated, shown apart)."""

from __future__ import annotations

import base64
import math
from dataclasses import asdict, dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from shomar.claims.quantity import QUALIFIERS
from shomar.domain.names_key import ascii_digits
from shomar.errors import InputError, NotFoundError
from shomar.services import claim_intake, report
from shomar.services import claims as claim_service
from shomar.services.claims import COUNTED, ClaimCorrection, QuantityInput
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes import data
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
Text = Annotated[str, Form(max_length=2000)]
Number = Annotated[str, Form(max_length=40)]


def number(text: str, what: str) -> float | None:
    """A number typed in either script (``۱٬۵۰۰`` or ``1,500``); empty is ``None``."""
    cleaned = ascii_digits(text.strip()).replace("٬", "").replace(",", "").replace("٫", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{what}: {text!r} is not a number.") from None
    if not math.isfinite(value):
        raise InputError(f"{what}: {text!r} is not a finite number.")
    return value


def quantity(qualifier: str, value: str, lower: str, upper: str) -> QuantityInput:
    """The claimed number; a stated figure (exact, at least, at most, about) sets its bounds
    from the figure, a range or a vague amount takes the bounds as typed."""
    if qualifier not in ("range", "vague") and value.strip():
        lower = upper = ""
    return QuantityInput(
        number(value, "Number"), number(lower, "Lower bound"), number(upper, "Upper bound"),
        qualifier,
    )  # fmt: skip


@dataclass(frozen=True)
class ClaimForm:
    """The fields of the add and correct forms, as typed."""

    claimant: str
    counted: str
    qualifier: str
    value: str
    lower: str
    upper: str
    event: str
    date_stated: str
    quote: str

    def quantity(self) -> QuantityInput:
        return quantity(self.qualifier, self.value, self.lower, self.upper)


def claim_form(
    claimant: Annotated[str, Form(max_length=300)] = "",
    counted: Annotated[str, Form(max_length=40)] = "",
    qualifier: Annotated[str, Form(max_length=20)] = "exact",
    value: Number = "",
    lower: Number = "",
    upper: Number = "",
    event: Annotated[str, Form(max_length=300)] = "",
    date_stated: Annotated[str, Form(max_length=100)] = "",
    quote: Text = "",
) -> ClaimForm:
    return ClaimForm(claimant, counted, qualifier, value, lower, upper, event, date_stated, quote)


ClaimFormDep = Annotated[ClaimForm, Depends(claim_form)]


def _form_page(
    request: Request, ws: WorkspaceDep, acting: ActingDep, template: str, status: int = 200,
    **context: object,
) -> Response:  # fmt: skip
    return page(
        request, acting, template, status, counted=COUNTED, qualifiers=QUALIFIERS,
        events=data.events(ws, acting.principal), **context,
    )  # fmt: skip


# -- add ---------------------------------------------------------------------------------------


@router.get("/{lang}/claims/new", **act("claims.add"))
def new_claim(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return _form_page(request, ws, acting, "claim_new.html", error="", form={})


@router.post("/{lang}/claims/new", **act("claims.add"))
def add_claim(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    form: ClaimFormDep,
    cites: Text = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    try:
        info = claim_service.add_claim(
            ws, claimant=form.claimant, counted=form.counted, quantity=form.quantity(),
            event=form.event or None, date_stated=form.date_stated.strip() or None,
            quote=form.quote, cites=[c for c in cites.split(",") if c.strip()],
            principal=acting.principal,
        )  # fmt: skip
    except InputError as exc:
        return _form_page(
            request, ws, acting, "claim_new.html", 422, error=exc.message,
            form={**asdict(form), "cites": cites},
        )  # fmt: skip
    return RedirectResponse(f"/{lang}/claims/{info.uid}?added=1", status_code=303)


# -- candidates from an article ---------------------------------------------------------------


@router.get("/{lang}/claims/extract", **act("claims.add"))
def extract_form(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    return _form_page(request, ws, acting, "claim_extract.html", candidates=None, text="",
                      source="", name="", error="")  # fmt: skip


@router.post("/{lang}/claims/extract", **act("claims.add"))
async def extract(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    text: Annotated[str, Form(max_length=claim_intake.MAX_TEXT)] = "",
    source: Annotated[str, Form(max_length=300)] = "",
    file: Annotated[UploadFile | None, File()] = None,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Propose the claims of a pasted or uploaded article (nothing is stored yet)."""
    check_csrf(acting, csrf)
    name = "article.txt"
    if file is not None and file.filename:
        raw = await file.read(claim_intake.MAX_TEXT * 4 + 1)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _extract_error(request, ws, acting, "The file is not UTF-8 plain text.", text)
        name = file.filename
    try:
        candidates = claim_intake.propose(text)
    except InputError as exc:
        return _extract_error(request, ws, acting, exc.message, text)
    return _form_page(
        request, ws, acting, "claim_extract.html", candidates=candidates, text=text,
        source=source, name=name[:200], error="",
    )  # fmt: skip


def _extract_error(
    request: Request, ws: WorkspaceDep, acting: ActingDep, message: str, text: str
) -> Response:
    return _form_page(request, ws, acting, "claim_extract.html", 422, candidates=None,
                      text=text, source="", name="", error=message)  # fmt: skip


@router.post("/{lang}/claims/extract/confirm", **act("claims.add"))
async def confirm(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    """Store the confirmed candidates (each edited as the form says); the rest are rejected."""
    form = await request.form()
    check_csrf(acting, str(form.get("csrf", "")))
    text = str(form.get("text", ""))[: claim_intake.MAX_TEXT]
    source = str(form.get("source", ""))[:300]
    choices = []
    try:
        for key in form:
            if not key.startswith("keep-") or not key[5:].isdigit():
                continue
            n = key[5:]
            edited = quantity(
                str(form.get(f"qualifier-{n}", "exact")), str(form.get(f"value-{n}", "")),
                str(form.get(f"lower-{n}", "")), str(form.get(f"upper-{n}", "")),
            )  # fmt: skip
            choices.append(
                claim_intake.CandidateChoice(
                    int(n),
                    str(form.get(f"claimant-{n}", ""))[:300],
                    str(form.get(f"counted-{n}", ""))[:40],
                    edited,
                )
            )
        added = claim_intake.confirm_from_text(
            ws, text, choices, source=source, name=str(form.get("name", "article.txt"))[:200],
            event=str(form.get("event", ""))[:300] or None, principal=acting.principal,
        )  # fmt: skip
    except InputError as exc:
        return _form_page(
            request, ws, acting, "claim_extract.html", 422, candidates=claim_intake.propose(text)
            if text.strip() else None, text=text, source=source,
            name=str(form.get("name", ""))[:200], error=exc.message,
        )  # fmt: skip
    return page(request, acting, "claim_added.html", added=added)


# -- compare chart ------------------------------------------------------------------------------


def _font_face() -> str:
    from shomar.reports.html import font_base64

    return (
        '<style>@font-face{font-family:"Vazirmatn";src:url("data:font/woff2;base64,'
        + font_base64()
        + '") format("woff2");font-weight:100 900;}</style>'
    )


def chart_image(svg: str, lang: str) -> Markup:
    """The figure as a ``data:`` image: the page's strict CSP holds (the SVG's styles stay in
    its own document), and a Persian chart carries the font its text is shaped with."""
    if lang == "fa":
        end = svg.index(">") + 1
        svg = svg[:end] + _font_face() + svg[end:]
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f"data:image/svg+xml;base64,{encoded}")


@router.get("/{lang}/claims/compare", **act("claims.read"))
def compare(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    figures = report.comparison_figures(ws, principal=acting.principal, lang=lang)
    return page(
        request, acting, "claims_compare.html",
        figures=[(f, chart_image(f.svg, lang)) for f in figures],
        views=data.comparisons(ws, acting.principal),
    )  # fmt: skip


# -- one claim, its versions, and a correction ------------------------------------------------


def _versions(ws: WorkspaceDep, acting: ActingDep, uid: str) -> list[claim_service.ClaimInfo]:
    versions = [
        c for c in claim_service.list_claims(ws, principal=acting.principal, history=True)
        if c.uid == uid
    ]  # fmt: skip
    if not versions:
        raise NotFoundError(f"No claim {uid!r}.", hint="See the claims ledger.")
    return sorted(versions, key=lambda c: -c.version)


@router.get("/{lang}/claims/{claim_uid}", **act("claims.read"))
def claim(
    request: Request, lang: Lang, claim_uid: str, ws: WorkspaceDep, acting: ActingDep
) -> Response:
    versions = _versions(ws, acting, claim_uid)
    asked = request.query_params
    note = "added" if asked.get("added") else ("corrected" if asked.get("corrected") else "")
    return _form_page(
        request, ws, acting, "claim.html", claim=versions[0], versions=versions, error="",
        note=note,
    )  # fmt: skip


@router.post("/{lang}/claims/{claim_uid}/correct", **act("claims.correct"))
def correct(
    request: Request,
    lang: Lang,
    claim_uid: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    reason: Annotated[str, Form(min_length=1, max_length=2000)],
    form: ClaimFormDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """A correction is a new version of the claim; only the fields that changed are sent."""
    check_csrf(acting, csrf)
    current = _versions(ws, acting, claim_uid)[0]
    try:
        change = _correction(current, form)
        claim_service.correct_claim(
            ws, claim_uid, change, reason=reason, principal=acting.principal
        )
    except InputError as exc:
        versions = _versions(ws, acting, claim_uid)
        return _form_page(
            request, ws, acting, "claim.html", 422, claim=versions[0], versions=versions,
            error=exc.message, note="",
        )  # fmt: skip
    return RedirectResponse(f"/{lang}/claims/{claim_uid}?corrected=1", status_code=303)


def _correction(current: claim_service.ClaimInfo, form: ClaimForm) -> ClaimCorrection:
    """What the form changes (a field typed as it was is no change)."""
    asked = form.quantity().checked()
    q = current.quantity
    same_number = (asked.qualifier, asked.value, asked.lower, asked.upper) == (
        q["qualifier"], q["value"], q["lower"], q["upper"],
    )  # fmt: skip
    stated = current.date_stated.isoformat() if current.date_stated else ""
    date_stated = form.date_stated.strip()
    return ClaimCorrection(
        quantity=None if same_number else asked,
        counted=form.counted if form.counted and form.counted != current.counted else None,
        date_stated=date_stated if date_stated != stated else None,
        event=form.event if form.event and form.event != (current.event or "") else None,
        quote=form.quote if form.quote != current.quote else None,
        claimant=form.claimant
        if form.claimant.strip() and form.claimant != current.claimant
        else None,
    )


__all__ = ["router"]
