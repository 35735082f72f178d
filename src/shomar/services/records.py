"""Reading records and persons page by page, as the acting principal may see them.

Search works in either script: each query word is matched on the consonant skeleton that both
scripts share (an indexed table, ``record_name_keys``, filled for new records on first use),
then ranked by the names engine's match probability, so «محمد» finds "Mohammad" and
"Muhammad" but not "Mahmoud".
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import BindParameter, ColumnElement, Table, bindparam, func, intersect, select
from sqlalchemy.orm import Session

from shomar.domain.name_search import name_search_keys, word_key
from shomar.errors import NotFoundError
from shomar.security.policy import visible_tiers
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.bulk import insert_values
from shomar.store.queries import per_role, restrict, visible_records
from shomar.store.tables import (
    Document,
    Event,
    PairScore,
    PersonRecord,
    Record,
    RecordNameKey,
    Source,
)
from shomar.store.workspace import Workspace
from shomar.text import compare_names

#: fields of a record every reader may see (the redaction policy decides what is published)
RECORD_FIELDS = (
    "full_name", "given_name", "family_name", "father_name", "sex", "age", "date_text",
    "date_start", "date_end", "date_precision", "place", "province", "violation", "event_text",
)  # fmt: skip
MATCH_THRESHOLD = 0.5
#: plain searches of up to this many distinct word keys reuse a statement (longer ones are rare,
#: and the statements kept stay few whatever is typed)
CACHED_KEYS = 4


@dataclass
class RecordSummary:
    uid: str
    source: str
    full_name: str
    tier: str
    person_id: str | None
    violation: str | None
    date_text: str
    date_start: dt.date | None
    place: str
    event: str | None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value: a shallow copy (``asdict`` deep-copies each one)
        data = dict(self.__dict__)
        data["date_start"] = self.date_start.isoformat() if self.date_start else None
        return data


@dataclass
class Page:
    items: list[Any]
    total: int
    page: int
    page_size: int

    @property
    def has_next(self) -> bool:
        return self.page * self.page_size < self.total


@dataclass
class RecordVersion:
    version: int
    created: dt.datetime
    created_by: str
    reason: str
    fields: dict[str, Any]


@dataclass
class RecordDetail:
    summary: RecordSummary
    fields: dict[str, Any]
    document: dict[str, Any] | None
    row_number: int | None
    sheet: str | None
    raw_row: list[Any]
    versions: list[RecordVersion] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "fields": {k: _plain(v) for k, v in self.fields.items()},
            "document": self.document,
            "row_number": self.row_number,
            "sheet": self.sheet,
            "raw_row": self.raw_row,
            "versions": [
                {
                    "version": v.version,
                    "created": v.created.isoformat(),
                    "created_by": v.created_by,
                    "reason": v.reason,
                    "fields": {k: _plain(x) for k, x in v.fields.items()},
                }
                for v in self.versions
            ],
        }


@dataclass
class PersonDetail:
    person_id: str
    name: str
    records: list[RecordSummary]
    sources: list[str]
    links: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "sources": self.sources,
            "records": [r.to_dict() for r in self.records],
            "links": self.links,
        }


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def visible(principal: Principal) -> ColumnElement[bool]:
    """Current record versions of the tiers ``principal`` sees (the shared helper)."""
    return visible_records(principal)


# Statements a request runs are built once and take its values as bound parameters
# (``per_role`` for those restricted by the principal's role): building a statement and
# finding its compiled form again cost more CPU than running it.
_LATEST_RUN = select(func.max(PersonRecord.run_id))
_PERSONS_OF = select(PersonRecord.record_uid, PersonRecord.person_id).where(
    PersonRecord.run_id == bindparam("run"),
    PersonRecord.record_uid.in_(bindparam("uids", expanding=True)),
)
_LINK_UIDS: BindParameter[str] = bindparam("uids", expanding=True)
_LINKS = select(
    PairScore.uid_a,
    PairScore.uid_b,
    PairScore.match_probability,
    PairScore.match_weight,
    PairScore.evidence,
).where(
    PairScore.run_id == bindparam("run"),
    PairScore.uid_a.in_(_LINK_UIDS),
    PairScore.uid_b.in_(_LINK_UIDS),
)
_NAME_INDEX_STATE = select(
    func.max(Record.id), select(func.max(RecordNameKey.record_id)).scalar_subquery()
)


def _latest_run(session: Session) -> int | None:
    return session.scalar(_LATEST_RUN)


def refresh_name_index(session: Session) -> int:
    """Index the name skeletons of records added since the last indexing; returns how many.

    Streams the new records and writes their keys in batches (memory does not grow with an
    import's size); each distinct word is keyed once.
    """
    done = session.scalar(select(func.max(RecordNameKey.record_id))) or 0
    rows = session.execute(
        select(Record.id, Record.full_name, Record.given_name, Record.family_name, Record.aliases)
        .where(Record.id > done)
        .order_by(Record.id)
        .execution_options(yield_per=NAME_INDEX_BATCH)
    )
    count = 0
    for chunk in rows.partitions():
        count += len(chunk)
        index_names(session, [(record_id, names) for record_id, *names in chunk])
    return count


def index_names(session: Session, records: Sequence[tuple[int, Sequence[str | None]]]) -> None:
    """Write the name-search keys of ``records``: (row id, its full, given, family names and
    aliases) each; a record without a name word gets the key ``-``."""
    insert_name_keys(
        session, [(record_id, name_search_keys(names)) for record_id, names in records]
    )


def insert_name_keys(session: Session, records: Sequence[tuple[int, Sequence[str]]]) -> None:
    """Write the name-search keys already made (:func:`name_search_keys`) of ``records``."""
    batch = [(record_id, key) for record_id, keys in records for key in keys]
    insert_values(session, cast(Table, RecordNameKey.__table__), ("record_id", "key"), batch)


#: records read and keyed per batch by :func:`refresh_name_index`
NAME_INDEX_BATCH = 5000


def catch_up_name_index(ws: Workspace) -> None:
    """Index records no import indexed (a workspace made before the index existed).

    Imports index their records in their own transaction, so this finds nothing to do almost
    always and takes no write lock then; when it must write and another writer holds the store,
    the search goes on with the index as it is.
    """
    from shomar.errors import BusyError, ConflictError

    with ws.read_session() as session:
        newest, done = session.execute(_NAME_INDEX_STATE).one()
    if (newest or 0) <= (done or 0):
        return
    try:
        with ws.session() as session:
            refresh_name_index(session)
    except (BusyError, ConflictError):
        return


@functools.lru_cache(maxsize=CACHED_KEYS)
def _name_candidates(keys: int) -> Any:
    """Ids of the records whose names hold every one of ``keys`` word keys (``key0``, ...).

    The keys' postings are intersected in the ``(key, record_id)`` index before any record is
    visited; filtering records by one ``IN`` per word made the database visit every record of
    the commonest word (a tenth of the table for «محمد»).
    """
    postings = [
        select(RecordNameKey.record_id).where(RecordNameKey.key == bindparam(f"key{k}"))
        for k in range(keys)
    ]
    return postings[0] if keys == 1 else intersect(*postings)


def _names_of(query: Any, keys: int) -> Any:
    """Ids and names of ``query``'s records that hold every word key, in id order."""
    return (
        query.where(Record.id.in_(_name_candidates(keys)))
        .with_only_columns(Record.id, Record.full_name, Record.given_name, Record.family_name)
        .order_by(Record.id)
    )


def _summary(
    record: Any, source: str, event: str | None, persons: dict[str, str], score: float | None = None
) -> RecordSummary:
    """A summary of ``record`` (a :class:`Record` or a row of :func:`_listing`'s columns)."""
    return RecordSummary(
        uid=record.uid,
        source=source,
        full_name=record.full_name
        or " ".join(x for x in (record.given_name, record.family_name) if x),
        tier=record.confidentiality,
        person_id=persons.get(record.uid),
        violation=record.violation,
        date_text=record.date_text,
        date_start=record.date_start,
        place=record.place,
        event=event,
        score=score,
    )


def _base(principal: Principal) -> Any:
    """Whole records the principal may see, with their source's and event's names."""
    return restrict(
        select(Record, Source.name, Event.name)
        .join(Source, Source.id == Record.source_id)
        .outerjoin(Event, Event.id == Record.event_id),
        principal,
    )


#: the columns a summary shows (loading whole records, raw rows and all, cost more than the SQL)
_SUMMARY_COLUMNS = (
    Record.id, Record.uid, Record.full_name, Record.given_name, Record.family_name,
    Record.confidentiality, Record.violation, Record.date_text, Record.date_start, Record.place,
)  # fmt: skip


def _listing(principal: Principal) -> Any:
    """The summary columns of the records the principal may see (rows of :func:`_summary`)."""
    return restrict(
        select(*_SUMMARY_COLUMNS, Source.name.label("source"), Event.name.label("event"))
        .join(Source, Source.id == Record.source_id)
        .outerjoin(Event, Event.id == Record.event_id),
        principal,
    )


def _summaries(
    rows: Any, persons: dict[str, str], scores: dict[int, float] | None = None
) -> list[RecordSummary]:
    return [
        _summary(r, r.source, r.event, persons, None if scores is None else scores[r.id])
        for r in rows
    ]


def _persons_of(session: Session, uids: list[str]) -> dict[str, str]:
    run = _latest_run(session)
    if run is None or not uids:
        return {}
    return dict(session.execute(_PERSONS_OF, {"run": run, "uids": uids}).all())


def search_records(
    ws: Workspace,
    *,
    principal: Principal,
    q: str = "",
    source: str | None = None,
    event: str | None = None,
    violation: str | None = None,
    tier: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> Page:
    """Records the principal may see, filtered, name matches first when ``q`` is given."""
    authorize(ws, principal, "records.read")
    page = max(page, 1)
    if q.strip():
        catch_up_name_index(ws)
    with ws.read_session() as session:
        query = _listing(principal)
        if source:
            query = query.where(Source.name == source)
        if event:
            query = query.where((Event.name == event) | (Event.name_fa == event))
        if violation:
            query = query.where(Record.violation == violation)
        if tier:
            query = query.where(Record.confidentiality == tier)
        words = [w for w in q.split() if w.strip()]
        if not words:
            total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
            rows = session.execute(
                query.order_by(Record.id).offset((page - 1) * page_size).limit(page_size)
            ).all()
            persons = _persons_of(session, [r.uid for r in rows])
            return Page(_summaries(rows, persons), total, page, page_size)
        keys = sorted({word_key(word) for word in words})
        if source or event or violation or tier or len(keys) > CACHED_KEYS:
            names = _names_of(query, len(keys))
        else:  # the plain search: one statement per role and number of keys
            names = per_role(
                f"records.search/{len(keys)}",
                principal,
                lambda p: _names_of(_listing(p), len(keys)),
            )
        # score the candidates' names only (each distinct name once), then load the page's rows
        seen: dict[str, float] = {}
        scored = []
        params = {f"key{k}": key for k, key in enumerate(keys)}
        for record_id, full, given, family in session.execute(names, params):
            name = full or " ".join(x for x in (given, family) if x)
            if name not in seen:
                seen[name] = _name_score(q, name)
            if seen[name] >= MATCH_THRESHOLD:
                scored.append((seen[name], record_id))
        scored.sort(key=lambda item: (-item[0], item[1]))
        chosen = scored[(page - 1) * page_size : page * page_size]
        # the page's ids passed every filter in this snapshot: fetch them by id alone
        by_id = {
            r.id: r
            for r in session.execute(
                per_role("records.by_id", principal, _by_id), {"ids": [i for _, i in chosen]}
            )
        }
        rows = [by_id[i] for _, i in chosen]
        persons = _persons_of(session, [r.uid for r in rows])
        items = _summaries(rows, persons, {i: round(p, 3) for p, i in chosen})
        return Page(items, len(scored), page, page_size)


def _by_id(principal: Principal) -> Any:
    return _listing(principal).where(Record.id.in_(bindparam("ids", expanding=True)))


def _name_score(query: str, name: str) -> float:
    """How well the name matches the query words: each query word against its best name part."""
    parts = name.split()
    if not parts:
        return 0.0
    best = []
    for word in query.split():
        best.append(max(compare_names(word, part).probability for part in parts))
    return min(best)


def get_record(ws: Workspace, uid: str, *, principal: Principal) -> RecordDetail:
    """One record the principal may see: its current fields, document, raw row and versions."""
    authorize(ws, principal, "records.read")
    with ws.read_session() as session:
        row = session.execute(_base(principal).where(Record.uid == uid)).first()
        if row is None:  # unknown and invisible look the same (no probing by id)
            raise NotFoundError(f"No record {uid!r}.")
        record = row[0]
        persons = _persons_of(session, [uid])
        document = session.get(Document, record.document_id) if record.document_id else None
        versions = session.scalars(
            select(Record).where(Record.uid == uid).order_by(Record.version)
        ).all()
        return RecordDetail(
            summary=_summary(record, row[1], row[2], persons),
            fields={name: getattr(record, name) for name in RECORD_FIELDS},
            document=(
                {
                    "id": document.id,
                    "sha256": document.sha256,
                    "name": document.original_name,
                    "received_at": document.received_at.isoformat(),
                }
                if document
                else None
            ),
            row_number=record.row_number,
            sheet=record.sheet,
            raw_row=list(record.raw_row or []),
            versions=[
                RecordVersion(
                    v.version,
                    v.created,
                    v.created_by,
                    v.reason,
                    {name: getattr(v, name) for name in RECORD_FIELDS},
                )
                for v in versions
                if v.confidentiality in visible_tiers(principal)
            ],
        )


def search_persons(
    ws: Workspace, *, principal: Principal, q: str = "", page: int = 1, page_size: int = 50
) -> Page:
    """Persons of the latest linkage run with at least one record the principal may see."""
    authorize(ws, principal, "persons.read")
    page = max(page, 1)
    matched = search_records(ws, principal=principal, q=q, page=1, page_size=10**9) if q else None
    with ws.read_session() as session:
        run = _latest_run(session)
        if run is None:
            return Page([], 0, page, page_size)
        query = restrict(
            select(PersonRecord.person_id, func.count(), func.min(Record.full_name))
            .join(Record, Record.uid == PersonRecord.record_uid)
            .where(PersonRecord.run_id == run)
            .group_by(PersonRecord.person_id),
            principal,
        )
        if matched is not None:
            wanted = sorted({r.person_id for r in matched.items if r.person_id})
            query = query.where(PersonRecord.person_id.in_(wanted))
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(
            query.order_by(func.count().desc(), PersonRecord.person_id)
            .offset((page - 1) * page_size)
            .limit(page_size)
        ).all()
        items = [{"person_id": pid, "records": n, "name": name or ""} for pid, n, name in rows]
        return Page(items, total, page, page_size)


def get_person(ws: Workspace, person_id: str, *, principal: Principal) -> PersonDetail:
    """A person's records (those the principal may see) and the scored links between them."""
    authorize(ws, principal, "persons.read")
    with ws.read_session() as session:
        run = _latest_run(session)
        person_records = per_role(
            "records.person",
            principal,
            lambda p: (
                _listing(p)
                .join(PersonRecord, PersonRecord.record_uid == Record.uid)
                .where(
                    PersonRecord.run_id == bindparam("run"),
                    PersonRecord.person_id == bindparam("id"),
                )
                .order_by(Record.uid)
            ),
        )
        rows = (
            session.execute(person_records, {"run": run, "id": person_id}).all()
            if run is not None
            else []
        )
        if not rows:
            raise NotFoundError(f"No person {person_id!r}.")
        records = _summaries(rows, {r.uid: person_id for r in rows})
        uids = [r.uid for r in records]
        links = [
            {
                "a": a,
                "b": b,
                "match_probability": round(p, 4),
                "match_weight": None if w is None else round(w, 3),
                "evidence": evidence or {},
            }
            for a, b, p, w, evidence in session.execute(_LINKS, {"run": run, "uids": uids}).all()
        ]
    name = next((r.full_name for r in records if r.full_name), "")
    return PersonDetail(person_id, name, records, sorted({r.source for r in records}), links)


__all__ = [
    "Page",
    "PersonDetail",
    "RecordDetail",
    "RecordSummary",
    "catch_up_name_index",
    "get_person",
    "get_record",
    "refresh_name_index",
    "search_persons",
    "search_records",
    "visible",
]
