"""Counts of what a workspace holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select

from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.disclosure import Shown, shown
from shomar.store.queries import all_records, hidden_uids, per_role, restrict
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
    count = per_role("stats", principal, _statements)
    with ws.read_session() as session:

        def scalar(name: str, **params: object) -> int:
            return session.scalar(count[name], params) or 0

        latest_run = session.scalar(_LATEST_RUN)
        persons = hidden_persons = 0
        if latest_run is not None:
            persons = scalar("persons", run=latest_run)
            hidden_persons = scalar("hidden_persons", run=latest_run)
        return {
            "sources": scalar("sources"),
            "claimants": scalar("claimants"),
            "documents": scalar("documents"),
            "documents_withdrawn": scalar("documents_withdrawn"),
            "records": shown(scalar("records"), scalar("hidden_records"), principal),
            "persons": shown(persons, hidden_persons, principal),
            "claims": scalar("claims"),
            "events": scalar("events"),
        }


_LATEST_RUN = select(func.max(PersonRecord.run_id))


def _statements(principal: Principal) -> dict[str, Any]:
    """The counts' statements for the principal's role (built once: see ``per_role``)."""
    hidden = hidden_uids(principal)
    in_run = PersonRecord.run_id == bindparam("run")
    distinct = func.count(func.distinct(PersonRecord.person_id))
    current = all_records(select(Record.uid))  # withdrawn documents count nowhere
    claim_superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    return {
        "records": all_records(select(func.count()).select_from(Record)),
        "hidden_records": select(func.count()).select_from(hidden.subquery()),
        "persons": select(distinct).where(in_run, PersonRecord.record_uid.in_(current)),
        "hidden_persons": select(distinct).where(in_run, PersonRecord.record_uid.in_(hidden)),
        # sources of lists (they reported current records), apart from claimants
        "sources": restrict(select(func.count(func.distinct(Record.source_id))), principal),
        "claimants": select(func.count(func.distinct(Claim.claimant_id))),
        "documents": select(func.count()).select_from(Document),
        "documents_withdrawn": select(func.count())
        .select_from(Document)
        .where(Document.status != "active"),
        "claims": select(func.count()).select_from(Claim).where(Claim.id.not_in(claim_superseded)),
        "events": select(func.count()).select_from(Event),
    }


__all__ = ["workspace_stats"]
