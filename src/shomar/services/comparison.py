"""Claimed vs documented vs estimated, per event and counted category — never blended.

* **documented**: unique persons of the latest linkage run whose records attach to the event
  and whose violation type falls in the counted category (:data:`CATEGORY_VIOLATIONS`), and how
  many of them more than one source names;
* **claimed**: the ledger's current claims on the event and category;
* **estimated**: the latest estimate run of each method on the event (whole population).

Each claim gets a neutral relation to the evidence computed by :mod:`shomar.claims.relation`,
with the rule that produced it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.claims import ClaimInfo, list_claims
from shomar.services.disclosure import Shown, shown
from shomar.store.queries import all_records, hidden_uids, restrict
from shomar.store.tables import (
    AuditEntry,
    Document,
    EstimateRun,
    Event,
    LinkageRun,
    PersonRecord,
    Record,
)
from shomar.store.workspace import Workspace

#: which recorded violation types a counted category covers
CATEGORY_VIOLATIONS: dict[str, tuple[str, ...]] = {
    "killed": ("killing", "execution", "death in custody"),
    "executed": ("execution",),
    "sentenced_to_death": (),
    "arrested": ("arbitrary detention",),
    "detained": ("arbitrary detention",),
    "disappeared": ("enforced disappearance",),
    "injured": ("injury",),
    "tortured": ("torture",),
}
#: the category of records without a violation type (never dropped silently)
UNSPECIFIED = "unspecified"
#: audit actions after which an estimate no longer reflects the records (besides new records,
#: documents and linkage runs, which are checked directly)
DATA_ACTIONS = ("document", "documents", "record", "records", "import", "link")


def violation_condition(counted: str) -> ColumnElement[bool]:
    """The SQL condition for records of a counted category (``unspecified``: no violation)."""
    if counted == UNSPECIFIED:
        return or_(Record.violation.is_(None), Record.violation == "")
    return Record.violation.in_(CATEGORY_VIOLATIONS.get(counted, ()))


@dataclass
class EstimateSummary:
    method: str
    estimate: float
    interval: tuple[float, float] | None
    level: float
    interval_type: str
    observed: int | None
    warnings: list[str]
    run_id: int
    created: dt.datetime | None
    seed: int | None
    draws: list[float] | None = None
    #: why the estimate no longer reflects the workspace (``None``: it is current)
    stale_reason: str | None = None
    sensitivity: dict[str, Any] | None = None
    linkage_run_id: int | None = None

    @property
    def stale(self) -> bool:
        return self.stale_reason is not None


@dataclass
class ClaimRelation:
    claim: ClaimInfo
    relation: str
    rule: str


@dataclass
class CategoryView:
    event: str
    counted: str
    #: unique persons documented (over all records; "< 5" for a partial viewer's small cell)
    documented: Shown | None
    documented_multi_source: Shown | None
    claims: list[ClaimRelation] = field(default_factory=list)
    estimates: list[EstimateSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "counted": self.counted,
            "documented": {
                "unique_persons": self.documented,
                "multi_source_persons": self.documented_multi_source,
            },
            "claims": [
                {**c.claim.to_dict(), "relation": c.relation, "rule": c.rule} for c in self.claims
            ],
            "estimates": [
                {
                    "method": e.method,
                    "estimate": e.estimate,
                    "interval": list(e.interval) if e.interval else None,
                    "level": e.level,
                    "interval_type": e.interval_type,
                    "observed": e.observed,
                    "run_id": e.run_id,
                    "warnings": e.warnings,
                    "stale": e.stale,
                    "stale_reason": e.stale_reason,
                    "sensitivity": e.sensitivity,
                }
                for e in self.estimates
            ],
            "warnings": list(self.warnings),
        }


def documented_counts(
    session: Session,
    event_id: int,
    violations: tuple[str, ...],
    principal: Principal,
    counted: str = "",
) -> tuple[Shown, Shown] | None:
    """Unique persons and multi-source persons, or ``None`` when no linkage ran yet.

    Counted over every record; cells under the small-cell threshold that include records
    ``principal`` may not see are suppressed (:mod:`shomar.services.disclosure`).
    """
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    if run is None or (not violations and counted != UNSPECIFIED):
        return None  # no recorded violation type counts this category
    hidden = hidden_uids(principal)
    query = all_records(
        select(
            PersonRecord.person_id,
            func.count(func.distinct(Record.source_id)),
            func.max(case((PersonRecord.record_uid.in_(hidden), 1), else_=0)),
        )
        .join(Record, Record.uid == PersonRecord.record_uid)
        .where(PersonRecord.run_id == run, Record.event_id == event_id)
        .group_by(PersonRecord.person_id)
    )
    if counted == UNSPECIFIED:
        query = query.where(violation_condition(UNSPECIFIED))
    elif violations:
        query = query.where(Record.violation.in_(violations))
    rows = session.execute(query).all()
    multi = [row for row in rows if row[1] > 1]
    return (
        shown(len(rows), sum(row[2] for row in rows), principal),
        shown(len(multi), sum(row[2] for row in multi), principal),
    )


def latest_estimates(session: Session, event_id: int, counted: str) -> list[EstimateSummary]:
    """The newest whole-population run of each method on the event's ``counted`` persons."""
    newest: dict[str, EstimateRun] = {}
    for run in session.scalars(
        select(EstimateRun)
        .where(EstimateRun.event_id == event_id, EstimateRun.stratum == "")
        .order_by(EstimateRun.id)
    ):
        if run.settings.get("counted", "killed") == counted:
            newest[run.method] = run
    out = []
    stale = StalenessCheck(session)
    for run in newest.values():
        result = run.result
        interval = result.get("interval")
        out.append(
            EstimateSummary(
                method=run.method,
                estimate=float(result.get("estimate", float("nan"))),
                interval=_interval(interval),
                level=float(result.get("level", 0.95)),
                interval_type=str(result.get("interval_type", "")),
                observed=result.get("observed"),
                warnings=list(result.get("warnings", [])),
                run_id=run.id,
                created=run.created,
                seed=run.seed,
                draws=result.get("draws_sample"),
                stale_reason=stale.reason(run),
                sensitivity=result.get("sensitivity"),
                linkage_run_id=run.linkage_run_id,
            )
        )
    return out


class StalenessCheck:
    """Whether an estimate run still reflects the workspace: made on the latest linkage run
    and after the last change of records and documents."""

    def __init__(self, session: Session) -> None:
        self.latest_link = session.scalar(select(func.max(LinkageRun.id)))
        changes = [
            session.scalar(all_records(select(func.max(Record.created)))),
            session.scalar(select(func.max(Document.received_at))),
            session.scalar(
                select(func.max(AuditEntry.created)).where(
                    or_(*(AuditEntry.action.startswith(f"{a}.") for a in DATA_ACTIONS))
                )
            ),
        ]
        self.last_change = max((_naive(c) for c in changes if c is not None), default=None)

    def reason(self, run: EstimateRun) -> str | None:
        reasons = []
        if self.latest_link is not None and (
            run.linkage_run_id is None or run.linkage_run_id < self.latest_link
        ):
            reasons.append(
                f"linkage run {self.latest_link} came after it (it used run {run.linkage_run_id})"
            )
        created = _naive(run.created) if run.created else None
        if self.last_change is not None and created is not None and self.last_change > created:
            reasons.append("records or documents changed after it")
        if not reasons:
            return None
        return (
            f"estimate run {run.id} is stale: " + "; ".join(reasons) + ". Re-run `shomar "
            "estimate run`."
        )


def _naive(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive UTC datetimes, PostgreSQL aware ones: compare in naive UTC."""
    if value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _interval(stored: list[float | None] | None) -> tuple[float, float] | None:
    """A stored interval; an unbounded end (JSON null) is infinite."""
    if not stored:
        return None
    lower, upper = stored
    return (
        float(lower) if lower is not None else float("-inf"),
        float(upper) if upper is not None else float("inf"),
    )


def relate(
    claim: ClaimInfo, documented: int | None, estimate: EstimateSummary | None
) -> tuple[str, str]:
    """The neutral relation of a claim to the documented count and the reference estimate."""
    from shomar.claims.relation import relate_claim

    q = claim.quantity
    interval = (
        (estimate.interval[0], estimate.interval[1], estimate.level)
        if estimate and estimate.interval
        else None
    )
    result = relate_claim(
        value=q["value"],
        lower=q["lower"],
        upper=q["upper"],
        qualifier=q["qualifier"],
        documented=documented,
        interval=interval,
    )
    rule = result.rule
    if estimate is not None and estimate.stale and interval is not None:
        rule = f"{rule} — computed against a STALE estimate ({estimate.stale_reason})"
    return result.label, rule


def reference_estimate(estimates: list[EstimateSummary]) -> EstimateSummary | None:
    """The estimate a claim is compared with: LCMCR if present (HRDAG's default), else the first."""
    preference = ("lcmcr", "loglinear", "dga")
    for method in preference:
        for estimate in estimates:
            if estimate.method == method:
                return estimate
    return estimates[0] if estimates else None


def compare_event(
    ws: Workspace, event_name: str | None = None, *, principal: Principal
) -> list[CategoryView]:
    """Every event (or one) and counted category with claims or documented records."""
    authorize(ws, principal, "stats.read")
    claims = list_claims(ws, principal=principal)
    views: list[CategoryView] = []
    with ws.read_session() as session:
        events = session.scalars(select(Event).order_by(Event.id)).all()
        for event in events:
            if event_name and event_name.lower() not in (event.name.lower(), event.name_fa):
                continue
            by_category: dict[str, list[ClaimInfo]] = defaultdict(list)
            for claim in claims:
                if claim.event == event.name:
                    by_category[claim.counted].append(claim)
            present = set(
                session.scalars(
                    all_records(  # which categories exist; their counts are suppressed
                        select(Record.violation).where(Record.event_id == event.id)
                    ).distinct()
                )
            )
            unspecified = _unspecified_records(session, event.id, principal)
            categories = list(CATEGORY_VIOLATIONS.items())
            if unspecified:
                categories.append((UNSPECIFIED, ()))
            for counted, violations in categories:
                if counted == UNSPECIFIED:
                    pass
                elif counted not in by_category and not (present & set(violations)):
                    continue
                documented = documented_counts(session, event.id, violations, principal, counted)
                estimates = latest_estimates(session, event.id, counted)
                view = CategoryView(
                    event.name,
                    counted,
                    documented[0] if documented else None,
                    documented[1] if documented else None,
                    estimates=estimates,
                )
                if unspecified:
                    view.warnings.append(
                        f"{unspecified:,} record(s) of this event have no violation type: they "
                        f"are counted under '{UNSPECIFIED}', in no other category; set a "
                        "violation type (e.g. a mapping's `[defaults] violation = ...`)."
                    )
                view.warnings.extend(e.stale_reason for e in estimates if e.stale_reason)
                reference = reference_estimate(estimates)
                known = view.documented if isinstance(view.documented, int) else None
                for claim in by_category.get(counted, []):  # a suppressed count relates to none
                    relation, rule = relate(claim, known, reference)
                    view.claims.append(ClaimRelation(claim, relation, rule))
                views.append(view)
    return views


def _unspecified_records(session: Session, event_id: int, principal: Principal) -> int:
    """Records of the event (that ``principal`` sees) without a violation type."""
    query = restrict(
        select(func.count())
        .select_from(Record)
        .where(Record.event_id == event_id, violation_condition(UNSPECIFIED)),
        principal,
    )
    return int(session.scalar(query) or 0)


__all__ = ["CATEGORY_VIOLATIONS", "UNSPECIFIED", "CategoryView", "compare_event"]
