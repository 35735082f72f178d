"""Who may do what, checked at the top of every service call, refusals audited."""

from __future__ import annotations

from shomar.errors import PermissionDenied
from shomar.security import policy
from shomar.security.principal import Principal
from shomar.store.audit import append_audit
from shomar.store.workspace import Workspace


def authorize(ws: Workspace, principal: Principal, action: str, target: str = "") -> None:
    """Raise :class:`PermissionDenied` unless ``principal`` may take ``action``.

    A refusal is written to the audit chain (its own transaction, so it stays when the caller's
    work does not happen) before it is raised.
    """
    try:
        policy.require(principal, action)
    except PermissionDenied:
        with ws.session() as session:
            append_audit(
                session,
                principal.name,
                "denied",
                target or action,
                {"action": action, "role": str(principal.role)},
            )
        raise


def require_full_view(ws: Workspace, principal: Principal, action: str) -> None:
    """Refuse ``action`` to a role that does not see every record (it works on all of them)."""
    authorize(ws, principal, action)
    if not policy.sees_everything(principal):
        with ws.session() as session:
            append_audit(
                session,
                principal.name,
                "denied",
                action,
                {"action": action, "role": principal.role},
            )
        raise PermissionDenied(
            f"{principal.name} ({principal.role}) may not {action}: it works on every record, "
            "including tiers this role does not see.",
            hint="Ask an analyst or an administrator.",
            action=action,
        )


__all__ = ["authorize", "require_full_view"]
