"""Query fragments every service needs the same way, and the one place record visibility lives.

Every query of a service that reads records (or persons, pairs, review items, documents and
exports built from them) goes through :func:`restrict` / :func:`visible_records`, which keep the
current version of each record and only the confidentiality tiers the acting principal sees
(:func:`shomar.security.policy.visible_tiers`). Work that must see every record whatever the
caller may read — linking, attaching an event to records, counts that are then suppressed —
says so with :func:`all_records`. ``tests/test_architecture.py`` finds record queries that use
neither.

The conditions are built once and reused (SQLAlchemy expressions are immutable): building the
superseded-version subqueries anew cost milliseconds of every request.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import aliased

from shomar.security.policy import sees_everything, visible_tiers
from shomar.security.principal import Principal
from shomar.store.tables import Document, Record

S = TypeVar("S", bound=Select[*tuple[Any, ...]])
T = TypeVar("T")


@cache
def in_active_document() -> ColumnElement[bool]:
    """True for a record whose document is active (not withdrawn, not replaced).

    Records entered without a document (none today) count as active.
    """
    inactive = select(Document.id).where(Document.status != "active")
    return or_(Record.document_id.is_(None), Record.document_id.not_in(inactive))


@cache
def current_record() -> ColumnElement[bool]:
    """True for the current version of a record.

    The current version is in an active document and no version in an active document
    supersedes it: withdrawing a correction brings the version it corrected back.
    """
    later = aliased(Record)
    inactive = select(Document.id).where(Document.status != "active")
    superseded = select(later.supersedes_id).where(
        later.supersedes_id.is_not(None),
        or_(later.document_id.is_(None), later.document_id.not_in(inactive)),
    )
    return and_(Record.id.not_in(superseded), in_active_document())


def visible_records(principal: Principal) -> ColumnElement[bool]:
    """True for the current records whose tier ``principal`` may see."""
    if sees_everything(principal):
        return current_record()
    return _current_in_tiers(tuple(sorted(visible_tiers(principal))))


@cache
def _current_in_tiers(tiers: tuple[str, ...]) -> ColumnElement[bool]:
    return and_(current_record(), Record.confidentiality.in_(tiers))


def restrict(stmt: S, principal: Principal) -> S:
    """``stmt`` (a select over ``records``) limited to what ``principal`` may see."""
    return stmt.where(visible_records(principal))


def all_records(stmt: S) -> S:
    """``stmt`` over the current version of every record, whoever asks.

    Only for work whose result is not records shown to the caller: linking, attaching events,
    aggregate counts that are suppressed for partial viewers.
    """
    return stmt.where(current_record())


def visible_uids(principal: Principal) -> Select[str]:
    """Uids of the records ``principal`` may see (for persons, pairs and decisions by uid)."""
    return restrict(select(Record.uid), principal)


def hidden_uids(principal: Principal) -> Select[str]:
    """Uids of current records ``principal`` may not see (empty for full viewers)."""
    return _uids_outside(tuple(sorted(visible_tiers(principal))))


#: statements built once per (name, role): see :func:`per_role`
_PER_ROLE: dict[tuple[str, str], Any] = {}


def per_role(name: str, principal: Principal, build: Callable[[Principal], T]) -> T:
    """What ``build(principal)`` makes (statements), made once per role and then reused.

    Visibility depends on the role alone, so a statement restricted for one analyst is the
    statement for every analyst; ``build`` must use nothing else of the principal and take
    every request's values as ``bindparam``. Reusing the object also reuses its cache key:
    SQLAlchemy otherwise walks the whole statement (visibility subqueries and all) on every
    execution to find its compiled form, a large share of a request's CPU.
    """
    key = (name, str(principal.role))
    stmt = _PER_ROLE.get(key)
    if stmt is None:
        stmt = _PER_ROLE[key] = build(principal)
    return stmt  # type: ignore[no-any-return]


@cache
def _uids_outside(tiers: tuple[str, ...]) -> Select[str]:
    return all_records(select(Record.uid)).where(Record.confidentiality.not_in(tiers))


__all__ = [
    "all_records",
    "current_record",
    "hidden_uids",
    "in_active_document",
    "per_role",
    "restrict",
    "visible_records",
    "visible_uids",
]
