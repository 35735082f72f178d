"""Query fragments every service needs the same way."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import aliased

from shomar.store.tables import Document, Record


def in_active_document() -> ColumnElement[bool]:
    """True for a record whose document is active (not withdrawn, not replaced).

    Records entered without a document (none today) count as active.
    """
    inactive = select(Document.id).where(Document.status != "active")
    return or_(Record.document_id.is_(None), Record.document_id.not_in(inactive))


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
