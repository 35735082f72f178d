"""The claims ledger: who claimed what number, when, about which event, citing whom.

Append-only: a correction is a new version of the claim (same ``uid``, ``version + 1``,
``supersedes_id`` pointing to the replaced row); the old version stays. Every addition is an
audit entry.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shomar.calendar import parse_partial_date
from shomar.claims.lexicon import COUNTED_CATEGORIES
from shomar.claims.quantity import QUALIFIERS
from shomar.errors import InputError, NotFoundError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.events import find_event
from shomar.store.audit import append_audit
from shomar.store.dialects import serialize
from shomar.store.tables import Claim, ClaimCitation, Event, Source
from shomar.store.workspace import Workspace

COUNTED = COUNTED_CATEGORIES


@dataclass(frozen=True)
class QuantityInput:
    """A claimed number: ``qualifier`` says how ``value``, ``lower`` and ``upper`` relate."""

    value: float | None
    lower: float | None = None
    upper: float | None = None
    qualifier: str = "exact"

    def checked(self) -> QuantityInput:
        if self.qualifier not in QUALIFIERS:
            raise InputError(
                f"Unknown quantity qualifier {self.qualifier!r}.",
                hint=f"Use one of: {', '.join(QUALIFIERS)}.",
            )
        numbers = [n for n in (self.value, self.lower, self.upper) if n is not None]
        if not numbers:
            raise InputError("A claim needs a number: give --value, or --lower/--upper.")
        if not all(math.isfinite(n) for n in numbers):
            raise InputError("Claimed numbers must be finite numbers (not NaN or infinity).")
        if any(n < 0 for n in numbers):
            raise InputError("Claimed numbers cannot be negative.")
        lower = self.lower
        upper = self.upper
        if self.qualifier == "exact" and self.value is not None:
            lower = upper = self.value
        elif self.qualifier == "at_least" and lower is None:
            lower = self.value
        elif self.qualifier == "at_most" and upper is None:
            upper = self.value
        if lower is not None and upper is not None and lower > upper:
            raise InputError(f"The lower bound {lower:g} is above the upper bound {upper:g}.")
        return QuantityInput(self.value, lower, upper, self.qualifier)


@dataclass(frozen=True)
class ClaimCorrection:
    """What a correction changes; ``None`` keeps the current value. Checked by the same rules
    as a new claim (a known counted category, a valid quantity, a real date, a known event)."""

    quantity: QuantityInput | None = None
    counted: str | None = None
    date_stated: str | dt.date | None = None
    event: str | None = None
    quote: str | None = None
    notes: str | None = None
    claimant: str | None = None
    claimant_kind: str | None = None

    def checked(self) -> ClaimCorrection:
        if self.counted is not None and self.counted not in COUNTED:
            raise InputError(
                f"Unknown counted category {self.counted!r}.",
                hint=f"Use one of: {', '.join(COUNTED)}.",
            )
        quantity = self.quantity.checked() if self.quantity is not None else None
        if all(
            v is None
            for v in (
                quantity,
                self.counted,
                self.date_stated,
                self.event,
                self.quote,
                self.notes,
                self.claimant,
            )
        ):
            raise InputError(
                "A correction changes nothing.",
                hint="Give a new value, bound, qualifier, date, event or quote.",
            )
        return ClaimCorrection(
            quantity, self.counted, self.date_stated, self.event, self.quote, self.notes,
            self.claimant, self.claimant_kind,
        )  # fmt: skip


@dataclass
class ClaimInfo:
    """A claim as the ledger shows it (current version unless asked otherwise)."""

    uid: str
    version: int
    claimant: str
    claimant_kind: str
    counted: str
    quantity: dict[str, Any]
    event: str | None
    date_stated: dt.date | None
    quote: str
    document_id: int | None
    start: int | None
    end: int | None
    cites: list[str] = field(default_factory=list)
    created: dt.datetime | None = None
    created_by: str = ""
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "version": self.version,
            "claimant": self.claimant,
            "claimant_kind": self.claimant_kind,
            "counted": self.counted,
            "quantity": self.quantity,
            "event": self.event,
            "date_stated": self.date_stated.isoformat() if self.date_stated else None,
            "quote": self.quote,
            "document_id": self.document_id,
            "start": self.start,
            "end": self.end,
            "cites": self.cites,
            "created": self.created.isoformat() if self.created else None,
            "created_by": self.created_by,
            "notes": self.notes,
        }


def _source(session: Session, name: str, kind: str | None = None) -> Source:
    serialize(session, "sources")  # looked up, then maybe added: one writer at a time
    source = session.scalars(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name, kind=kind or "other")
        session.add(source)
        session.flush()
    return source


def _event(session: Session, name: str | None) -> Event | None:
    return find_event(session, name) if name else None


def _date(text: str | dt.date | None) -> dt.date | None:
    """The day a claim was stated (a partial date gives its first day)."""
    if text is None or isinstance(text, dt.date):
        return text
    return parse_partial_date(text).start


def add_claim(
    ws: Workspace,
    *,
    claimant: str,
    counted: str,
    quantity: QuantityInput,
    event: str | None = None,
    date_stated: str | dt.date | None = None,
    quote: str = "",
    document_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    cites: Sequence[str] = (),
    claimant_kind: str | None = None,
    notes: str = "",
    principal: Principal,
) -> ClaimInfo:
    """Add a claim. ``cites`` names claim uids or source names the claim relies on."""
    authorize(ws, principal, "claims.add")
    actor = principal.name
    if counted not in COUNTED:
        raise InputError(
            f"Unknown counted category {counted!r}.", hint=f"Use one of: {', '.join(COUNTED)}."
        )
    checked = quantity.checked()
    if not claimant.strip():
        raise InputError("A claim needs a claimant (the source that stated the number).")
    with ws.session() as session:
        source = _source(session, claimant.strip(), claimant_kind)
        event_row = _event(session, event)
        claim = Claim(
            uid=f"C-{uuid.uuid4().hex[:10]}",
            version=1,
            claimant_id=source.id,
            date_stated=_date(date_stated),
            event_id=event_row.id if event_row else None,
            counted=counted,
            qualifier=checked.qualifier,
            value=checked.value,
            lower=checked.lower,
            upper=checked.upper,
            quote=quote,
            document_id=document_id,
            quote_start=start,
            quote_end=end,
            notes=notes,
            created_by=actor,
        )
        session.add(claim)
        session.flush()
        _add_citations(session, claim, cites)
        append_audit(session, actor, "claim.add", f"claim:{claim.uid}", {"counted": counted})
        return _info(session, claim)


def _add_citations(session: Session, claim: Claim, cites: Sequence[str]) -> None:
    for target in cites:
        target = target.strip()
        if not target:
            continue
        known = session.scalars(select(Claim.uid).where(Claim.uid == target)).first()
        if known:
            session.add(ClaimCitation(claim_id=claim.id, cites_claim_uid=target))
        else:
            session.add(
                ClaimCitation(claim_id=claim.id, cites_source_id=_source(session, target).id)
            )


def correct_claim(
    ws: Workspace,
    uid: str,
    correction: ClaimCorrection,
    *,
    reason: str,
    principal: Principal,
) -> ClaimInfo:
    """Record a corrected version of claim ``uid``; the previous version is kept."""
    authorize(ws, principal, "claims.correct", f"claim:{uid}")
    actor = principal.name
    change = correction.checked()
    if not reason.strip():
        raise InputError("A correction needs a reason.", hint="Say why: --reason TEXT.")
    with ws.session() as session:
        current = _current(session, uid)
        fields: dict[str, Any] = {
            c: getattr(current, c)
            for c in (
                "claimant_id",
                "date_stated",
                "event_id",
                "counted",
                "qualifier",
                "value",
                "lower",
                "upper",
                "quote",
                "document_id",
                "quote_start",
                "quote_end",
            )
        }
        if change.claimant is not None:
            name = change.claimant.strip()
            if not name:
                raise InputError("A claim needs a claimant (the source that stated the number).")
            fields["claimant_id"] = _source(session, name, change.claimant_kind).id
        if change.quantity is not None:
            q = change.quantity
            fields.update(value=q.value, lower=q.lower, upper=q.upper, qualifier=q.qualifier)
        if change.counted is not None:
            fields["counted"] = change.counted
        if change.date_stated is not None:
            fields["date_stated"] = _date(change.date_stated)
        if change.event is not None:
            event_row = _event(session, change.event)
            fields["event_id"] = event_row.id if event_row else None
        if change.quote is not None:
            fields["quote"] = change.quote
        notes = f"correction: {reason}" + (f"; {change.notes}" if change.notes else "")
        claim = Claim(
            uid=uid,
            version=current.version + 1,
            supersedes_id=current.id,
            notes=notes,
            created_by=actor,
            **fields,
        )
        session.add(claim)
        session.flush()
        old = session.scalars(select(ClaimCitation).where(ClaimCitation.claim_id == current.id))
        for citation in old:
            session.add(
                ClaimCitation(
                    claim_id=claim.id,
                    cites_claim_uid=citation.cites_claim_uid,
                    cites_source_id=citation.cites_source_id,
                )
            )
        append_audit(session, actor, "claim.correct", f"claim:{uid}", {"reason": reason})
        return _info(session, claim)


def _current(session: Session, uid: str) -> Claim:
    claim = session.scalars(
        select(Claim).where(Claim.uid == uid).order_by(Claim.version.desc())
    ).first()
    if claim is None:
        raise NotFoundError(f"No claim {uid!r}.", hint="List claims with `shomar claims list`.")
    return claim


def list_claims(
    ws: Workspace, *, principal: Principal, event: str | None = None, history: bool = False
) -> list[ClaimInfo]:
    """Current claims (or every version with ``history``), oldest first."""
    authorize(ws, principal, "claims.read")
    with ws.read_session() as session:
        query = select(Claim).order_by(Claim.id)
        if not history:
            superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
            query = query.where(Claim.id.not_in(superseded))
        if event:
            event_row = _event(session, event)
            query = query.where(Claim.event_id == (event_row.id if event_row else None))
        return [_info(session, c) for c in session.scalars(query)]


def _info(session: Session, claim: Claim) -> ClaimInfo:
    source = session.get(Source, claim.claimant_id)
    event = session.get(Event, claim.event_id) if claim.event_id else None
    cites = []
    for citation in session.scalars(
        select(ClaimCitation).where(ClaimCitation.claim_id == claim.id)
    ):
        if citation.cites_claim_uid:
            cites.append(citation.cites_claim_uid)
        elif citation.cites_source_id:
            cited = session.get(Source, citation.cites_source_id)
            cites.append(cited.name if cited else "?")
    return ClaimInfo(
        uid=claim.uid,
        version=claim.version,
        claimant=source.name if source else "?",
        claimant_kind=source.kind if source else "other",
        counted=claim.counted,
        quantity={
            "value": claim.value,
            "lower": claim.lower,
            "upper": claim.upper,
            "qualifier": claim.qualifier,
        },
        event=event.name if event else None,
        date_stated=claim.date_stated,
        quote=claim.quote,
        document_id=claim.document_id,
        start=claim.quote_start,
        end=claim.quote_end,
        cites=cites,
        created=claim.created,
        created_by=claim.created_by,
        notes=claim.notes,
    )
