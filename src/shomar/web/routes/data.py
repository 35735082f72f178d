"""The web's calls into the shared services, in one place (pages and API both use them).

Each function takes the acting principal and returns plain JSON-ready data.
"""

from __future__ import annotations

from typing import Any

from shomar.security import policy
from shomar.security.principal import Principal
from shomar.services import comparison, linkage
from shomar.services import events as event_service
from shomar.services import stats as stats_service
from shomar.services.claims import list_claims
from shomar.store.workspace import Workspace


def stats(ws: Workspace, principal: Principal) -> dict[str, Any]:
    counts: dict[str, Any] = dict(stats_service.workspace_stats(ws, principal=principal))
    return counts


def review(ws: Workspace, principal: Principal, limit: int) -> list[dict[str, Any]]:
    try:
        items = linkage.review_items(ws, limit, principal=principal)
    except Exception as exc:
        from shomar.errors import NotFoundError

        if isinstance(exc, NotFoundError):
            return []
        raise
    return [item.to_dict() for item in items]


def decide(
    ws: Workspace, principal: Principal, a: str, b: str, verdict: str, reason: str
) -> dict[str, Any]:
    result = linkage.decide(ws, a, b, verdict, principal=principal, reason=reason)
    return result.to_dict()


def decisions(ws: Workspace, principal: Principal) -> list[dict[str, Any]]:
    return [d.to_dict() for d in linkage.list_decisions(ws, principal=principal)]


def events(ws: Workspace, principal: Principal) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "name": e.name,
            "name_fa": e.name_fa,
            "start": e.start.isoformat() if e.start else None,
            "end": e.end.isoformat() if e.end else None,
            "area": e.area,
            "records": e.records,
        }
        for e in event_service.list_events(ws, principal=principal)
    ]


def claims(ws: Workspace, principal: Principal, event: str | None = None) -> list[dict[str, Any]]:
    return [c.to_dict() for c in list_claims(ws, principal=principal, event=event)]


def comparisons(ws: Workspace, principal: Principal) -> list[dict[str, Any]]:
    """Per event and category: documented, claimed and estimated, side by side."""
    views = [view.to_dict() for view in comparison.compare_event(ws, principal=principal)]
    if not policy.sees_everything(principal):
        for view in views:  # counts over records a reader cannot see: small cells suppressed
            documented = view["documented"]
            for key in ("unique_persons", "multi_source_persons"):
                value = documented.get(key)
                if value is not None and value < 5:
                    documented[key] = "< 5"
    return views


DASHBOARD_ROWS = 5


def dashboard(ws: Workspace, principal: Principal, views: list[dict[str, Any]]) -> dict[str, Any]:
    """What the overview adds for staff: the latest imports and jobs (each shown only to a role
    whose policy reads them) and the estimates that no longer reflect the records, with why."""
    from shomar.services.documents import list_documents
    from shomar.services.jobs import list_jobs

    imports = (
        list(reversed(list_documents(ws, principal=principal)))[:DASHBOARD_ROWS]
        if policy.allows(principal, "documents.read")
        else None
    )
    jobs = (
        list_jobs(ws, principal=principal, limit=DASHBOARD_ROWS)
        if policy.allows(principal, "jobs.read")
        else None
    )
    return {"imports": imports, "jobs": jobs, "stale": stale_estimates(views)}


def stale_estimates(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The latest estimates (of :func:`comparisons`) whose inputs changed since they ran."""
    return [
        {"event": view["event"], "counted": view["counted"], **estimate}
        for view in views
        for estimate in view["estimates"]
        if estimate.get("stale_reason")
    ]


def estimates(ws: Workspace, principal: Principal) -> list[dict[str, Any]]:
    out = []
    for view in comparisons(ws, principal):
        for estimate in view["estimates"]:
            out.append({"event": view["event"], "counted": view["counted"], **estimate})
    return out


__all__ = [
    "claims", "comparisons", "dashboard", "decide", "decisions", "estimates", "events", "review",
    "stale_estimates", "stats",
]  # fmt: skip
