"""Events: named episodes with a time window and an area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from shomar.calendar import parse_partial_date
from shomar.domain.names_key import event_key
from shomar.errors import ConflictError, InputError, NotFoundError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.disclosure import Shown, shown
from shomar.store.audit import append_audit
from shomar.store.queries import all_records, restrict
from shomar.store.tables import Event, Record
from shomar.store.workspace import Workspace


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    name_fa: str
    start: dt.date | None
    end: dt.date | None
    area: str
    #: records on the event (over all records; "< 5" for a partial viewer's small cell)
    records: Shown


def add_event(
    ws: Workspace,
    name: str,
    *,
    name_fa: str = "",
    start: str | None = None,
    end: str | None = None,
    area: str = "",
    description: str = "",
    principal: Principal,
) -> EventInfo:
    """Define an event; records whose ``event`` text names it are attached to it."""
    authorize(ws, principal, "events.add", f"event:{name}")
    actor = principal.name
    start_date = parse_partial_date(start).start if start else None
    end_date = parse_partial_date(end).end if end else None
    with ws.session() as session:
        taken = {
            event_key(n) for e in session.scalars(select(Event)) for n in (e.name, e.name_fa) if n
        }
        for wanted in (name, name_fa):
            if wanted and event_key(wanted) in taken:
                raise ConflictError(f"An event named {wanted!r} already exists.")
        if start_date and end_date and end_date < start_date:
            raise InputError(f"The event ends ({end_date}) before it starts ({start_date}).")
        event = Event(
            name=name,
            name_fa=name_fa,
            start_date=start_date,
            end_date=end_date,
            area=area,
            description=description,
        )
        session.add(event)
        session.flush()
        keys = {event_key(n) for n in (name, name_fa) if n}
        unattached = session.execute(  # every record, whoever adds the event
            all_records(
                select(Record.id, Record.event_text).where(
                    Record.event_id.is_(None), Record.event_text != ""
                )
            )
        )
        ids = [record_id for record_id, text in unattached if event_key(text) in keys]
        for offset in range(0, len(ids), 5000):
            session.execute(
                update(Record)
                .where(Record.id.in_(ids[offset : offset + 5000]))
                .values(event_id=event.id)
            )
        append_audit(session, actor, "event.add", f"event:{event.id}", {"name": name})
    return get_event(ws, name, principal=principal)


def find_event(session: Session, name: str) -> Event:
    """The event named ``name`` (English name, any case, or Persian name), or a clear error."""
    key = event_key(name)
    event = next(
        (
            e
            for e in session.scalars(select(Event))
            if key in {event_key(e.name), event_key(e.name_fa)}
        ),
        None,
    )
    if event is None:
        known = ", ".join(session.scalars(select(Event.name)).all()) or "none yet"
        raise NotFoundError(
            f"No event named {name!r}.",
            hint=f"Known events: {known}. Define one with `shomar events add NAME`.",
        )
    return event


def get_event(ws: Workspace, name: str, *, principal: Principal) -> EventInfo:
    authorize(ws, principal, "events.read")
    with ws.read_session() as session:
        return _info(session, find_event(session, name), principal)


def list_events(ws: Workspace, *, principal: Principal) -> list[EventInfo]:
    authorize(ws, principal, "events.read")
    with ws.read_session() as session:
        return [
            _info(session, e, principal) for e in session.scalars(select(Event).order_by(Event.id))
        ]


def _info(session: Session, event: Event, principal: Principal) -> EventInfo:
    on_event = select(func.count()).select_from(Record).where(Record.event_id == event.id)
    total = session.scalar(all_records(on_event)) or 0
    visible = session.scalar(restrict(on_event, principal)) or 0
    count = shown(total, total - visible, principal)
    return EventInfo(
        event.id,
        event.name,
        event.name_fa,
        event.start_date,
        event.end_date,
        event.area,
        count,
    )
