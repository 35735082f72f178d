"""Counts of what a workspace holds."""

from __future__ import annotations

from sqlalchemy import func, select

from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.disclosure import Shown, shown
from shomar.store.queries import all_records, hidden_uids
from shomar.store.tables import Claim, Document, Event, PersonRecord, Record, Source
from shomar.store.workspace import Workspace


def workspace_stats(ws: Workspace, *, principal: Principal) -> dict[str, Shown]:
    """Counts: sources, documents, records (current versions), persons, claims, events.

    Records and persons are counted over every record; for a viewer who may not see them all,
    a count under the small-cell threshold that includes hidden records is shown as "< 5".
    """
    authorize(ws, principal, "stats.read")
    with ws.read_session() as session:
        hidden = hidden_uids(principal)
        records = session.scalar(all_records(select(func.count()).select_from(Record))) or 0
        hidden_records = session.scalar(select(func.count()).select_from(hidden.subquery())) or 0
        latest_run = session.scalar(select(func.max(PersonRecord.run_id)))
        persons = hidden_persons = 0
        if latest_run is not None:
            in_run = PersonRecord.run_id == latest_run
            distinct = func.count(func.distinct(PersonRecord.person_id))
            persons = session.scalar(select(distinct).where(in_run)) or 0
            hidden_persons = (
                session.scalar(select(distinct).where(in_run, PersonRecord.record_uid.in_(hidden)))
                or 0
            )
        claim_superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
        return {
            "sources": session.scalar(select(func.count()).select_from(Source)) or 0,
            "documents": session.scalar(select(func.count()).select_from(Document)) or 0,
            "records": shown(records, hidden_records, principal),
            "persons": shown(persons, hidden_persons, principal),
            "claims": session.scalar(
                select(func.count()).select_from(Claim).where(Claim.id.not_in(claim_superseded))
            )
            or 0,
            "events": session.scalar(select(func.count()).select_from(Event)) or 0,
        }


__all__ = ["workspace_stats"]
