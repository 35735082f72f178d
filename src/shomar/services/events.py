"""Events: named episodes with a time window and an area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from shomar.calendar import parse_partial_date
from shomar.errors import ConflictError, NotFoundError
from shomar.store.audit import append_audit
from shomar.store.queries import current_record
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
    records: int


def add_event(
    ws: Workspace,
    name: str,
    *,
    name_fa: str = "",
    start: str | None = None,
    end: str | None = None,
    area: str = "",
    description: str = "",
    actor: str = "",
) -> EventInfo:
    """Define an event; records whose ``event`` text names it are attached to it."""
    start_date = parse_partial_date(start).start if start else None
    end_date = parse_partial_date(end).end if end else None
    with ws.session() as session:
        if session.scalars(select(Event).where(func.lower(Event.name) == name.lower())).first():
            raise ConflictError(f"An event named {name!r} already exists.")
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
        names = [n.lower() for n in (name, name_fa) if n]
        session.execute(
            update(Record)
            .where(func.lower(Record.event_text).in_(names), Record.event_id.is_(None))
            .values(event_id=event.id)
        )
        append_audit(session, actor, "event.add", f"event:{event.id}", {"name": name})
    return get_event(ws, name)


def find_event(session: Session, name: str) -> Event:
    """The event named ``name`` (English name, any case, or Persian name), or a clear error."""
    event = session.scalars(
        select(Event).where((func.lower(Event.name) == name.lower()) | (Event.name_fa == name))
    ).first()
    if event is None:
        known = ", ".join(session.scalars(select(Event.name)).all()) or "none yet"
        raise NotFoundError(
            f"No event named {name!r}.",
            hint=f"Known events: {known}. Define one with `shomar events add NAME`.",
        )
    return event


def get_event(ws: Workspace, name: str) -> EventInfo:
    with ws.session() as session:
        return _info(session, find_event(session, name))


def list_events(ws: Workspace) -> list[EventInfo]:
    with ws.session() as session:
        return [_info(session, e) for e in session.scalars(select(Event).order_by(Event.id))]


def _info(session: Session, event: Event) -> EventInfo:
    count = session.scalar(
        select(func.count())
        .select_from(Record)
        .where(Record.event_id == event.id, current_record())
    )
    return EventInfo(
        event.id,
        event.name,
        event.name_fa,
        event.start_date,
        event.end_date,
        event.area,
        count or 0,
    )
