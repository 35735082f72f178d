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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.claims import ClaimInfo, list_claims
from shomar.store.queries import restrict
from shomar.store.tables import EstimateRun, Event, PersonRecord, Record
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


@dataclass
class ClaimRelation:
    claim: ClaimInfo
    relation: str
    rule: str


@dataclass
class CategoryView:
    event: str
    counted: str
    documented: int | None
    documented_multi_source: int | None
    claims: list[ClaimRelation] = field(default_factory=list)
    estimates: list[EstimateSummary] = field(default_factory=list)

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
                }
                for e in self.estimates
            ],
        }


def documented_counts(
    session: Session, event_id: int, violations: tuple[str, ...], principal: Principal
) -> tuple[int, int] | None:
    """Unique persons and multi-source persons (of the records ``principal`` sees), or ``None``
    when no linkage ran yet."""
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    if run is None or not violations:  # no recorded violation type counts this category
        return None
    query = restrict(
        select(PersonRecord.person_id, func.count(func.distinct(Record.source_id)))
        .join(Record, Record.uid == PersonRecord.record_uid)
        .where(PersonRecord.run_id == run, Record.event_id == event_id)
        .group_by(PersonRecord.person_id),
        principal,
    )
    if violations:
        query = query.where(Record.violation.in_(violations))
    rows = session.execute(query).all()
    return len(rows), sum(1 for _, sources in rows if sources > 1)


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
            )
        )
    return out


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
    return result.label, result.rule


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
                    restrict(
                        select(Record.violation).where(Record.event_id == event.id), principal
                    ).distinct()
                )
            )
            for counted, violations in CATEGORY_VIOLATIONS.items():
                if counted not in by_category and not (present & set(violations)):
                    continue
                documented = documented_counts(session, event.id, violations, principal)
                estimates = latest_estimates(session, event.id, counted)
                view = CategoryView(
                    event.name,
                    counted,
                    documented[0] if documented else None,
                    documented[1] if documented else None,
                    estimates=estimates,
                )
                reference = reference_estimate(estimates)
                for claim in by_category.get(counted, []):
                    relation, rule = relate(claim, view.documented, reference)
                    view.claims.append(ClaimRelation(claim, relation, rule))
                views.append(view)
    return views


__all__ = ["CATEGORY_VIOLATIONS", "CategoryView", "compare_event"]
