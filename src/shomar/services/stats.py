"""Counts of what a workspace holds."""

from __future__ import annotations

from sqlalchemy import func, select

from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.disclosure import Shown, shown
from shomar.store.queries import all_records, hidden_uids, restrict
from shomar.store.tables import Claim, Document, Event, PersonRecord, Record
from shomar.store.workspace import Workspace


def workspace_stats(ws: Workspace, *, principal: Principal) -> dict[str, Shown]:
    """Counts: list sources, claimants, documents, records (current versions), persons, ...

    Records and persons are counted over every record; for a viewer who may not see them all,
    a count under the small-cell threshold that includes hidden records is shown as "< 5".
    ``sources`` counts the sources whose lists hold current records the viewer sees;
    ``claimants`` the sources that made a claim (a source can be both);
    ``documents_withdrawn`` the documents withdrawn or replaced, whose records count nowhere.
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
            current = all_records(select(Record.uid))  # withdrawn documents count nowhere
            persons = (
                session.scalar(select(distinct).where(in_run, PersonRecord.record_uid.in_(current)))
                or 0
            )
            hidden_persons = (
                session.scalar(select(distinct).where(in_run, PersonRecord.record_uid.in_(hidden)))
                or 0
            )
        claim_superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
        return {
            # sources of lists (they reported current records), apart from claimants
            "sources": session.scalar(
                restrict(select(func.count(func.distinct(Record.source_id))), principal)
            )
            or 0,
            "claimants": session.scalar(select(func.count(func.distinct(Claim.claimant_id)))) or 0,
            "documents": session.scalar(select(func.count()).select_from(Document)) or 0,
            "documents_withdrawn": session.scalar(
                select(func.count()).select_from(Document).where(Document.status != "active")
            )
            or 0,
            "records": shown(records, hidden_records, principal),
            "persons": shown(persons, hidden_persons, principal),
            "claims": session.scalar(
                select(func.count()).select_from(Claim).where(Claim.id.not_in(claim_superseded))
            )
            or 0,
            "events": session.scalar(select(func.count()).select_from(Event)) or 0,
        }


__all__ = ["workspace_stats"]
