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


def estimates(ws: Workspace, principal: Principal) -> list[dict[str, Any]]:
    out = []
    for view in comparisons(ws, principal):
        for estimate in view["estimates"]:
            out.append({"event": view["event"], "counted": view["counted"], **estimate})
    return out


__all__ = ["claims", "comparisons", "decide", "decisions", "estimates", "events", "review", "stats"]
