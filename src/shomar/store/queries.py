"""Query fragments every service needs the same way."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from shomar.store.tables import Record


def current_record() -> ColumnElement[bool]:
    """True for the current version of a record (no other row supersedes it)."""
    superseded = select(Record.supersedes_id).where(Record.supersedes_id.is_not(None))
    return Record.id.not_in(superseded)
