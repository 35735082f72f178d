"""The access policy as data: which role may take which action, and which tiers it sees.

Every rule is a row of :data:`RULES` (action, roles allowed, why). Services call
:func:`require` before acting; record visibility by tier is applied in one query helper in
:mod:`shomar.store.queries`, which reads :func:`visible_tiers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from shomar.errors import PermissionDenied
from shomar.security.principal import Principal, Role

TIERS = ("public", "restricted", "confidential")

#: tiers each role sees; anonymous readers see only what the redaction policy publishes
VISIBLE_TIERS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(TIERS),
    Role.ANALYST: frozenset(TIERS),
    Role.DOCUMENTER: frozenset({"public", "restricted"}),
    Role.VIEWER: frozenset({"public", "restricted"}),
    Role.ANONYMOUS: frozenset({"public"}),
}

_ALL = frozenset(Role)
_STAFF = frozenset({Role.ADMIN, Role.ANALYST, Role.DOCUMENTER, Role.VIEWER})
_WRITERS = frozenset({Role.ADMIN, Role.ANALYST, Role.DOCUMENTER})
_ANALYSTS = frozenset({Role.ADMIN, Role.ANALYST})
_ADMIN = frozenset({Role.ADMIN})


@dataclass(frozen=True, slots=True)
class Rule:
    action: str
    roles: frozenset[Role]
    reason: str


RULES: tuple[Rule, ...] = (
    Rule("stats.read", _ALL, "aggregate counts, small cells suppressed for partial viewers"),
    Rule("records.read", _ALL, "records of the tiers the role sees"),
    Rule("persons.read", _ALL, "persons built from the records the role sees"),
    Rule("events.read", _ALL, "events are public vocabulary"),
    Rule("claims.read", _ALL, "the claims ledger is published"),
    Rule("estimates.read", _ALL, "estimates are published with their provenance"),
    Rule("sources.read", _ALL, "who reported is part of every number's provenance"),
    Rule("documents.read", _STAFF, "document metadata (hash, source, custody)"),
    Rule("documents.get_raw", _ANALYSTS, "raw bytes may hold sensitive columns"),
    Rule("records.import", _WRITERS, "documenters bring lists in"),
    Rule("documents.withdraw", _WRITERS, "withdrawing keeps everything, audited"),
    Rule("records.set_tier", _ANALYSTS, "changing who may see a record"),
    Rule("events.add", _WRITERS, "naming an episode"),
    Rule("claims.add", _WRITERS, "recording who said what"),
    Rule("claims.correct", _WRITERS, "a correction is a new version"),
    Rule("review.read", _ANALYSTS, "the review queue shows pairs of records side by side"),
    Rule("review.decide", _ANALYSTS, "match decisions override the model"),
    Rule("linkage.run", _ANALYSTS, "reconciling records into persons"),
    Rule("estimates.run", _ANALYSTS, "statistical estimates"),
    Rule("report.make", _ANALYSTS, "reports include documented counts and estimates"),
    Rule("export.public", _ANALYSTS, "public exports come from the redaction policy"),
    Rule("publish", _ADMIN, "a public database for a public host"),
    Rule("jobs.read", _STAFF, "status of background work"),
    Rule("jobs.cancel", _WRITERS, "cancel one's own background work"),
    Rule("audit.verify", _ANALYSTS, "integrity checks"),
    Rule("audit.checkpoint", _ADMIN, "signing the chain head"),
    Rule("users.manage", _ADMIN, "accounts, roles and tokens"),
    Rule("keys.manage", _ADMIN, "key rotation and backup recipients"),
    Rule("backup", _ADMIN, "backups hold every record"),
    Rule("documents.add", _WRITERS, "keeping an article or a list as evidence"),
    Rule("decisions.read", _ANALYSTS, "review verdicts name the records they join"),
    Rule("demo.run", _ANALYSTS, "the demo imports, links and estimates in a new folder"),
    Rule("jobs.work", _ADMIN, "a worker runs queued jobs as the users who submitted them"),
)

_BY_ACTION = {rule.action: rule for rule in RULES}


def allows(principal: Principal, action: str) -> bool:
    """True when ``principal``'s role may take ``action`` (unknown actions are refused)."""
    rule = _BY_ACTION.get(action)
    return rule is not None and principal.role in rule.roles


def require(principal: Principal, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``principal`` may take ``action``."""
    if action not in _BY_ACTION:
        raise KeyError(f"No policy rule for action {action!r}: add a row to RULES.")
    if not allows(principal, action):
        raise PermissionDenied(
            f"{principal.name} ({principal.role}) may not {action}.",
            hint="Ask an administrator for a role that allows it.",
            action=action,
        )


def visible_tiers(principal: Principal) -> frozenset[str]:
    """The confidentiality tiers whose records ``principal`` may see."""
    return VISIBLE_TIERS[principal.role]


def sees_everything(principal: Principal) -> bool:
    return visible_tiers(principal) == frozenset(TIERS)


__all__ = [
    "RULES",
    "TIERS",
    "VISIBLE_TIERS",
    "Rule",
    "allows",
    "require",
    "sees_everything",
    "visible_tiers",
]
