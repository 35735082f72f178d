"""Linkage use cases on a workspace, shared by the CLI and the web app.

- :func:`link_workspace` links the current version of every record into persons. The first run
  (or ``full=True``) trains the model and scores every candidate pair. Later runs are
  *incremental*: only records imported or corrected since the last run are scored (against the
  existing records and among themselves) with the saved model, the stored pair scores of
  everything else are reused, and all records are re-clustered. Either way the run stores its
  spec, trained model, pair scores and person membership, and person ids stay stable: a person
  keeps its id while most of its records stay together.
- Human decisions (:func:`decide`) are append-only; the latest decision on a pair is in force.
  *same* is a must-link and *different* a cannot-link in every clustering after it, whatever the
  model says, so a re-run never loses or contradicts a decision. A decision that contradicts
  earlier ones (through a chain of *same* verdicts) is refused. Confirmed pairs also train the
  model's m probabilities once there are enough of them.
- :func:`review_items` is the queue of uncertain pairs, most informative first, each with both
  records and the per-comparison evidence.
- :func:`linkage_samples` draws plausible linkages from the stored pair probabilities, for
  estimates that carry linkage uncertainty.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from shomar.config import settings
from shomar.domain.columns import CANONICAL_COLUMNS
from shomar.domain.names_key import ascii_digits
from shomar.errors import ConflictError, InputError, LinkageError, NotFoundError
from shomar.linkage.calibration import calibrate_pairs
from shomar.linkage.cluster import best_links, cluster_pairs, stable_person_ids
from shomar.linkage.conflicts import RecordConflicts
from shomar.linkage.pair_levels import pair_levels
from shomar.linkage.review import pair_evidence, review_queue
from shomar.linkage.spec import LinkageSpec, TrainedModel
from shomar.linkage.uncertainty import sample_linkages
from shomar.security.principal import Principal
from shomar.services.access import authorize, require_full_view
from shomar.services.documents import find_source
from shomar.store.audit import append_audit
from shomar.store.bulk import insert_rows
from shomar.store.dialects import serialize
from shomar.store.queries import all_records, restrict, visible_uids
from shomar.store.tables import (
    VERDICTS,
    Counter,
    LinkageRun,
    MatchDecision,
    PairScore,
    Person,
    PersonRecord,
    Record,
    ReviewQueueItem,
    Source,
    utcnow,
)
from shomar.store.workspace import Workspace

logger = logging.getLogger(__name__)

#: record fields shown side by side in review
REVIEW_FIELDS = ("source", *(c for c in CANONICAL_COLUMNS if c != "notes"))

#: rows per multi-row INSERT (well under SQLite's and PostgreSQL's bound-parameter limits)
_VALUES_CHUNK = 500
PERSON_COUNTER = "person"
#: times a run re-clusters when review decisions arrive while it computes
REBASES = 3


@dataclass
class RunSummary:
    """What one linkage run did."""

    run_id: int
    mode: str
    backend: str
    records: int
    new_records: int
    persons: int
    persons_created: int
    persons_retired: int
    pairs_scored: int
    review_queue: int
    decisions_applied: int
    #: record rows imported while the run computed: not in this run, linked by the next one
    records_after_snapshot: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PersonSummary:
    person_id: str
    records: int
    sources: list[str]
    name: str
    record_uids: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReviewItem:
    uid_a: str
    uid_b: str
    match_probability: float
    same_person_now: bool
    value: float
    record_a: dict[str, Any]
    record_b: dict[str, Any]
    evidence: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DecisionResult:
    uid_a: str
    uid_b: str
    verdict: str
    actor: str
    reason: str
    created: dt.datetime
    replaces: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["created"] = self.created.isoformat()
        return data


# -- reading the store -------------------------------------------------------------------------


def _current_records(
    session: Session, principal: Principal | None, uids: list[str] | None = None
) -> pd.DataFrame:
    """Current versions of the records ``principal`` sees (``None``: every record, for linking),
    as canonical columns plus ``uid``/``created``."""
    query = (
        select(
            Record.uid,
            Record.created,
            Source.name,
            Record.record_key,
            Record.full_name,
            Record.given_name,
            Record.family_name,
            Record.father_name,
            Record.sex,
            Record.age,
            Record.birth_date_text,
            Record.date_text,
            Record.place,
            Record.province,
            Record.violation_text,
            Record.event_text,
        )
        .join(Source, Source.id == Record.source_id)
        .order_by(Record.uid)
    )
    query = all_records(query) if principal is None else restrict(query, principal)
    if uids is not None:
        query = query.where(Record.uid.in_(uids))
    rows = session.execute(query).all()
    columns = [
        "uid",
        "created",
        "source",
        "record_id",
        "full_name",
        "given_name",
        "family_name",
        "father_name",
        "sex",
        "age",
        "birth_date",
        "date",
        "place",
        "province",
        "violation",
        "event",
    ]
    frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
    frame["age"] = frame["age"].map(lambda a: None if a is None or pd.isna(a) else str(int(a)))
    return frame


def _decisions(session: Session) -> dict[tuple[str, str], MatchDecision]:
    """The decision in force on each pair (the latest), keyed by the sorted uid pair."""
    latest: dict[tuple[str, str], MatchDecision] = {}
    for decision in session.scalars(select(MatchDecision).order_by(MatchDecision.id)):
        latest[_pair(decision.uid_a, decision.uid_b)] = decision
    return latest


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _last_run(session: Session) -> LinkageRun | None:
    return session.scalars(select(LinkageRun).order_by(LinkageRun.id.desc()).limit(1)).first()


def _assignments(
    session: Session, run_id: int, principal: Principal | None = None
) -> dict[str, str]:
    """Record uid → person id in run ``run_id`` (only visible records with a ``principal``)."""
    query = select(PersonRecord.record_uid, PersonRecord.person_id).where(
        PersonRecord.run_id == run_id
    )
    if principal is not None:
        query = query.where(PersonRecord.record_uid.in_(visible_uids(principal)))
    rows = session.execute(query).all()
    return {uid: pid for uid, pid in rows}


def _pair_scores(session: Session, run_id: int) -> pd.DataFrame:
    rows = session.execute(
        select(
            PairScore.uid_a,
            PairScore.uid_b,
            PairScore.match_probability,
            PairScore.match_weight,
            PairScore.evidence,
        ).where(PairScore.run_id == run_id)
    ).all()
    return pd.DataFrame(
        [tuple(r) for r in rows],
        columns=["uid_a", "uid_b", "match_probability", "match_weight", "evidence"],
    )


# -- linking ------------------------------------------------------------------------------------


def _constraints(
    decisions: dict[tuple[str, str], MatchDecision], index: dict[str, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    must: list[tuple[int, int]] = []
    cannot: list[tuple[int, int]] = []
    for (a, b), decision in decisions.items():
        if a not in index or b not in index:
            continue
        if decision.verdict == "same":
            must.append((index[a], index[b]))
        elif decision.verdict == "different":
            cannot.append((index[a], index[b]))
    return must, cannot


@dataclass(frozen=True)
class _Marks:
    """High-water marks of a run's inputs: the newest record row and decision it read."""

    record_id: int
    decision_id: int


def _marks(session: Session) -> _Marks:
    return _Marks(
        int(session.scalar(all_records(select(func.max(Record.id)))) or 0),  # newest row
        int(session.scalar(select(func.max(MatchDecision.id))) or 0),
    )


def _refuse_if_rerun(session: Session, last_run_id: int | None) -> None:
    """ConflictError when another linkage run was stored since this one read its inputs."""
    newest_run = _last_run(session)
    if (newest_run.id if newest_run else None) != last_run_id:
        raise ConflictError(
            "The linkage run was not stored: another linkage run finished while it computed.",
            hint="Its persons are current; run `shomar link run` again to include anything new.",
        )


class _PersonIds:
    """Person ids from the ``person`` counter (in the write transaction, serialised)."""

    def __init__(self, session: Session) -> None:
        serialize(session, "persons")
        self.session = session
        self.row = session.get(Counter, PERSON_COUNTER)
        if self.row is None:  # first run, or a workspace from before the counter
            numbers = [
                int(m.group(1))
                for pid in session.scalars(select(Person.id))
                if (m := re.fullmatch(r"P-(\d+)", pid))
            ]
            self.row = Counter(name=PERSON_COUNTER, value=max(numbers, default=0))
            session.add(self.row)
        self.value = int(self.row.value)

    def __call__(self, _keys: list[str]) -> str:
        self.value += 1
        return f"P-{self.value:06d}"

    def save(self) -> None:
        assert self.row is not None
        self.row.value = self.value
        self.session.flush()


def _id_factory(session: Session) -> _PersonIds:
    return _PersonIds(session)


def _weights(
    frame: pd.DataFrame, columns: list[str], rows: np.ndarray, digits: int | None = None
) -> list[dict[str, float]]:
    """Per row of ``frame``, its non-missing values in ``columns`` as floats (rounded to
    ``digits``), for the rows ``rows`` (a mask) selects; ``{}`` for the others."""
    out: list[dict[str, float]] = [{} for _ in range(len(frame))]
    if not columns or not rows.any():
        return out
    values = frame[columns].to_numpy(dtype=float, na_value=np.nan)[rows]
    for i, row in zip(np.flatnonzero(rows).tolist(), values.tolist(), strict=True):
        out[i] = {
            c: v if digits is None else round(v, digits)
            for c, v in zip(columns, row, strict=True)
            if not math.isnan(v)
        }
    return out


def link_workspace(
    ws: Workspace,
    *,
    backend: str = "duckdb",
    full: bool = False,
    principal: Principal,
    spec: LinkageSpec | None = None,
) -> RunSummary:
    """Link the workspace's records into persons (incrementally when a model exists)."""
    require_full_view(ws, principal, "linkage.run")
    actor = principal.name
    from shomar.linkage.features import compute_features
    from shomar.linkage.model import link, predict_incremental

    seconds: dict[str, float] = {}
    start = time.perf_counter()
    with ws.read_session() as session:  # one snapshot; the write below checks it still holds
        marks = _marks(session)
        records = _current_records(session, None)
        record_ids = dict(session.execute(all_records(select(Record.uid, Record.id))).all())
        decisions = _decisions(session)
        last = _last_run(session)
        previous = _assignments(session, last.id) if last else {}
        old_pairs = _pair_scores(session, last.id) if last else pd.DataFrame()
        last_created = last.created if last else None
        last_record_id = last.last_record_id if last else None
        last_model = TrainedModel.from_dict(last.model) if last and last.model else None
    if records.empty:
        raise LinkageError(
            "The workspace has no records to link.",
            hint="Import a list first: shomar import FILE --source NAME",
        )
    uids = records["uid"].tolist()
    index = {uid: i for i, uid in enumerate(uids)}
    must, _ = _constraints(decisions, index)  # labels for a first (full) run's training
    features = compute_features(records)
    seconds["features"] = time.perf_counter() - start

    incremental = not full and last_model is not None and (spec is None or spec == last_model.spec)
    start = time.perf_counter()
    if incremental and last_model is not None:
        model = last_model
        new_mask = ~records["uid"].isin(previous.keys())
        if last_record_id is not None:  # new work by id: a new version has a higher id
            new_mask |= records["uid"].map(record_ids).fillna(0).astype("int64") > last_record_id
        elif last_created is not None:  # a run stored before the high-water marks existed
            created = pd.to_datetime(records["created"], utc=True)
            new_mask |= created > _utc(last_created)
        new_uids = set(records.loc[new_mask, "uid"])
        pairs = _reuse_pairs(old_pairs, index, new_uids)
        if new_uids:
            fresh = predict_incremental(
                model, features[~new_mask.to_numpy()], features[new_mask.to_numpy()],
                backend=backend,
            )  # fmt: skip
            pairs = pd.concat([pairs, fresh], ignore_index=True)
        mode = "incremental"
        new_count = len(new_uids)
    else:
        spec = spec or (last_model.spec if last_model else LinkageSpec())
        spec.keep_evidence = True
        prediction = link(features, spec, backend=backend, labels=must)
        model, pairs = prediction.model, prediction.pairs
        mode = "full"
        new_count = len(records)
    seconds["score"] = time.perf_counter() - start

    spec = model.spec
    run_input = _RunInput(
        uids, previous, pairs, model, mode, backend, actor, new_count,
        _pair_rows(pairs, uids, spec), features,
    )  # fmt: skip
    conflicts = RecordConflicts(features, spec.extra_names)

    def clustered(decisions: dict[tuple[str, str], MatchDecision], decision_id: int) -> _Clustering:
        start = time.perf_counter()
        clustering = _cluster(run_input, index, conflicts, decisions, decision_id)
        seconds["cluster"] = seconds.get("cluster", 0.0) + time.perf_counter() - start
        return clustering

    # Features and scores (the heavy part) are computed once. Decisions recorded meanwhile are
    # applied by clustering the same scores again (a rebase), outside any lock, up to REBASES
    # times; should they keep arriving, the last attempt holds new decisions back for one
    # clustering and the store, so a run always lands and honours every decision before it.
    clustering = clustered(decisions, marks.decision_id)
    for attempt in range(REBASES + 1):
        last_try = attempt == REBASES
        start = time.perf_counter()
        with ws.session() as session:
            serialize(session, "linkage")
            _refuse_if_rerun(session, last.id if last else None)
            if last_try:
                serialize(session, "decisions")
            now = _marks(session)
            if now.decision_id != clustering.decision_id:
                decisions = _decisions(session)
                if last_try:
                    clustering = clustered(decisions, now.decision_id)
            if now.decision_id == clustering.decision_id:
                marks = _Marks(marks.record_id, now.decision_id)
                summary = _store_run(session, run_input, marks, now, clustering)
                seconds["store"] = time.perf_counter() - start
                summary.seconds = {k: round(v, 3) for k, v in seconds.items()}
                stored = session.get(LinkageRun, summary.run_id)
                assert stored is not None
                stored.summary = summary.to_dict()
                append_audit(
                    session, actor, "link", f"linkage_run:{summary.run_id}", stored.summary
                )
                return summary
        clustering = clustered(decisions, now.decision_id)
    raise AssertionError("unreachable: the last attempt stores the run")  # pragma: no cover


@dataclass(frozen=True)
class _Clustering:
    """Persons from a run's scored pairs under the decisions up to ``decision_id``."""

    decision_id: int
    labels: np.ndarray
    best: np.ndarray
    queue_rows: list[dict[str, Any]]
    decisions_applied: int


def _cluster(
    data: _RunInput,
    index: dict[str, int],
    conflicts: RecordConflicts,
    decisions: dict[tuple[str, str], MatchDecision],
    decision_id: int,
) -> _Clustering:
    """Cluster the scored pairs under ``decisions``; the review queue of the result."""
    spec, pairs, n = data.model.spec, data.pairs, len(data.uids)
    must, cannot = _constraints(decisions, index)
    labels = cluster_pairs(
        n, pairs, spec.cluster_threshold, must_link=must, cannot_link=cannot, conflicts=conflicts
    )
    queue = review_queue(
        calibrate_pairs(pairs, _verdicts(decisions, index))[0],
        labels,
        low=spec.review_low,
        high=spec.review_high,
        decided=_decided_indices(decisions, index),
        limit=settings().review_queue_max,  # a queue for people: its rows carry evidence
    )
    best = best_links(n, pairs, labels)
    return _Clustering(decision_id, labels, best, _queue_rows(queue, data), len(must) + len(cannot))


@dataclass
class _RunInput:
    uids: list[str]
    previous: dict[str, str]
    pairs: pd.DataFrame
    model: TrainedModel
    mode: str
    backend: str
    actor: str
    new_count: int
    #: the pair scores' rows (:func:`_pair_rows`), the same whatever the clustering
    pair_rows: list[dict[str, Any]]
    #: the records' linkage features (row position = index), for the queue's comparison levels
    features: pd.DataFrame | None = None
    #: the comparison levels of the pairs queued so far (a rebase queues mostly the same pairs)
    levels_seen: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)


def _store_run(
    session: Session,
    data: _RunInput,
    marks: _Marks,
    now: _Marks,
    clustering: _Clustering,
) -> RunSummary:
    """Write a computed run (in the caller's serialised write transaction)."""
    spec, labels, best = data.model.spec, clustering.labels, clustering.best
    run = LinkageRun(
        created_by=data.actor,
        backend=data.backend,
        mode=data.mode,
        spec=spec.to_dict(),
        model=data.model.to_dict(),
        last_record_id=marks.record_id,
        last_decision_id=marks.decision_id,
    )
    session.add(run)
    session.flush()
    new_id = _id_factory(session)
    person_ids = stable_person_ids(data.uids, labels, data.previous, new_id=new_id)
    new_id.save()
    known = set(session.scalars(select(Person.id)))
    current = set(person_ids)
    created_ids = sorted(current - known)
    born = utcnow()  # insert_rows sends the given columns only: no ORM defaults
    _insert_chunked(
        session,
        Person,
        ({"id": pid, "created": born, "created_run_id": run.id} for pid in created_ids),
    )
    retired = sorted(set(data.previous.values()) - current)
    if retired:
        session.execute(
            update(Person)
            .where(Person.id.in_(retired), Person.retired_run_id.is_(None))
            .values(retired_run_id=run.id)
        )
    revived = current & known
    if revived:
        session.execute(update(Person).where(Person.id.in_(revived)).values(retired_run_id=None))
    _insert_chunked(
        session,
        PersonRecord,
        (
            {
                "run_id": run.id,
                "record_uid": uid,
                "person_id": pid,
                "match_probability": None if np.isnan(p) else float(p),
            }
            for uid, pid, p in zip(data.uids, person_ids, best.tolist(), strict=True)
        ),
    )
    _insert_chunked(session, PairScore, ({"run_id": run.id, **row} for row in data.pair_rows))
    _insert_chunked(
        session, ReviewQueueItem, ({"run_id": run.id, **row} for row in clustering.queue_rows)
    )
    return RunSummary(
        run_id=run.id,
        mode=data.mode,
        backend=data.backend,
        records=len(data.uids),
        new_records=data.new_count,
        persons=len(current),
        persons_created=len(created_ids),
        persons_retired=len(retired),
        pairs_scored=len(data.pairs),
        review_queue=len(clustering.queue_rows),
        decisions_applied=clustering.decisions_applied,
        records_after_snapshot=_rows_after(session, marks.record_id) if now != marks else 0,
    )


def _rows_after(session: Session, record_id: int) -> int:
    """Record rows stored after the run's snapshot (the next run links them)."""
    query = all_records(select(func.count()).select_from(Record)).where(Record.id > record_id)
    return int(session.scalar(query) or 0)


def _utc(moment: dt.datetime) -> pd.Timestamp:
    stamp = pd.Timestamp(moment)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _reuse_pairs(old: pd.DataFrame, index: dict[str, int], changed: set[str]) -> pd.DataFrame:
    """Stored pairs of the last run between records that still exist and did not change."""
    if old.empty:
        return pd.DataFrame(
            columns=["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
        )
    keep = (
        old["uid_a"].isin(index.keys())
        & old["uid_b"].isin(index.keys())
        & ~old["uid_a"].isin(changed)
        & ~old["uid_b"].isin(changed)
    )
    old = old[keep]
    left = old["uid_a"].map(index).to_numpy(np.int64)
    right = old["uid_b"].map(index).to_numpy(np.int64)
    out = pd.DataFrame(
        {
            "unique_id_l": np.minimum(left, right),
            "unique_id_r": np.maximum(left, right),
            "match_probability": old["match_probability"].to_numpy(float),
            "match_weight": old["match_weight"].to_numpy(float),
        }
    )
    weights = pd.DataFrame(old["evidence"].tolist(), index=out.index) if len(old) else None
    if weights is not None and not weights.empty:
        out = pd.concat([out, weights], axis=1)
    return out


def _verdicts(
    decisions: dict[tuple[str, str], MatchDecision], index: dict[str, int]
) -> dict[tuple[int, int], bool]:
    """Record-index pair → the verdict is "same" (for calibration; other verdicts left out)."""
    return {
        (index[a], index[b]): d.verdict == "same"
        for (a, b), d in decisions.items()
        if a in index and b in index and d.verdict in ("same", "different")
    }


def _decided_indices(
    decisions: dict[tuple[str, str], MatchDecision], index: dict[str, int]
) -> list[tuple[int, int]]:
    return [(index[a], index[b]) for a, b in decisions if a in index and b in index]


def _insert_chunked(session: Session, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Insert ``rows`` in batches of ``_VALUES_CHUNK`` through one short compiled statement
    (:func:`shomar.store.bulk.insert_rows`, a driver ``executemany``).

    Not SQLAlchemy's multi-row ``INSERT … VALUES`` batches: psycopg re-parses every statement
    longer than its cache limit in Python, so 500-row statements kept a linkage's write
    transaction open for minutes on PostgreSQL (first read as a stall: the server sits idle in
    transaction while the client parses)."""
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _VALUES_CHUNK:
            insert_rows(session, table.__table__, batch)
            batch = []
    if batch:
        insert_rows(session, table.__table__, batch)


def _pair_rows(pairs: pd.DataFrame, uids: list[str], spec: LinkageSpec) -> list[dict[str, Any]]:
    """A run's pair scores as rows (the run id left out), with the per-comparison weights of
    the pairs in the review band; built once per run, before its write transaction."""
    columns = [c for c in pairs.columns if c.startswith(("mw_", "gamma_"))]
    probability = pairs["match_probability"].to_numpy(float)
    band = (spec.review_low <= probability) & (probability <= spec.review_high)
    evidence = _weights(pairs, columns, band, digits=4)
    weight = pd.to_numeric(pairs["match_weight"], errors="coerce").to_numpy(float)
    return [
        {
            "uid_a": uids[left],
            "uid_b": uids[right],
            "match_probability": p,
            "match_weight": None if math.isnan(w) else w,
            "evidence": e,
        }
        for left, right, p, w, e in zip(
            pairs["unique_id_l"].to_numpy(np.int64).tolist(),
            pairs["unique_id_r"].to_numpy(np.int64).tolist(),
            probability.tolist(),
            weight.tolist(),
            evidence,
            strict=True,
        )
    ]


def _queue_rows(queue: pd.DataFrame, data: _RunInput) -> list[dict[str, Any]]:
    """A review queue as rows (the run id left out), most informative first, with each pair's
    evidence."""
    columns = [c for c in queue.columns if str(c).startswith("mw_")]
    weights = _weights(queue, columns, np.ones(len(queue), dtype=bool))
    left_right = list(
        zip(
            queue["unique_id_l"].to_numpy(np.int64).tolist(),
            queue["unique_id_r"].to_numpy(np.int64).tolist(),
            strict=True,
        )
    )
    known = _levels_of(data, left_right)
    for pair, w in zip(left_right, weights, strict=True):  # the level each comparison is at
        w.update(known.get(pair, {}))
    levels = data.model.level_weights()
    return [
        {
            "position": position,
            "uid_a": data.uids[left],
            "uid_b": data.uids[right],
            "match_probability": p,
            "same_person": same,
            "value": round(value, 4),
            "evidence": {"items": [e.to_dict() for e in pair_evidence(data.model, w, levels)]},
        }
        for position, (left, right, p, same, value, w) in enumerate(
            zip(
                queue["unique_id_l"].to_numpy(np.int64).tolist(),
                queue["unique_id_r"].to_numpy(np.int64).tolist(),
                queue["match_probability"].to_numpy(float).tolist(),
                queue["same_person"].to_numpy(bool).tolist(),
                queue["value"].to_numpy(float).tolist(),
                weights,
                strict=True,
            )
        )
    ]


def _levels_of(
    data: _RunInput, pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], dict[str, float]]:
    """``gamma_<comparison>`` of each queued pair (:func:`pair_levels`), computed once a run."""
    todo = [p for p in dict.fromkeys(pairs) if p not in data.levels_seen]
    if todo and data.features is not None:
        left = np.array([a for a, _ in todo], dtype=np.int64)
        right = np.array([b for _, b in todo], dtype=np.int64)
        found = pair_levels(data.model.splink_settings, data.features, left, right)
        rows = found.to_dict("records") if len(found.columns) else [{} for _ in todo]
        for pair, row in zip(todo, rows, strict=True):
            data.levels_seen[pair] = {str(k): float(v) for k, v in row.items() if v is not None}
    return data.levels_seen


# -- persons ------------------------------------------------------------------------------------


def list_persons(ws: Workspace, *, principal: Principal) -> list[PersonSummary]:
    """Persons of the latest run, largest first, with their records' sources and a name.

    A person appears with the records ``principal`` may see, and only if there is one.
    """
    authorize(ws, principal, "persons.read")
    with ws.read_session() as session:
        last = _last_run(session)
        if last is None:
            return []
        assignment = _assignments(session, last.id, principal)
        records = _current_records(session, principal).set_index("uid")
    groups: dict[str, list[str]] = {}
    for uid, pid in assignment.items():
        groups.setdefault(pid, []).append(uid)
    out = []
    for pid, members in groups.items():
        present = [u for u in sorted(members) if u in records.index]
        if not present:  # every record of this person was withdrawn
            continue
        sources = sorted({str(records.at[u, "source"]) for u in present})
        out.append(PersonSummary(pid, len(present), sources, _name(records, present), present))
    out.sort(key=lambda p: (-p.records, p.person_id))
    return out


def _name(records: pd.DataFrame, uids: list[str]) -> str:
    for uid in uids:
        row = records.loc[uid]
        name = row["full_name"] or " ".join(x for x in (row["given_name"], row["family_name"]) if x)
        if name:
            return str(name)
    return ""


# -- review -------------------------------------------------------------------------------------


def review_items(
    ws: Workspace, limit: int | None = 20, *, principal: Principal, offset: int = 0
) -> list[ReviewItem]:
    """The review queue of the latest run, most informative pair first (a page of it).

    The queue is the table the run wrote; pairs decided since then are left out, and so are
    pairs with a record ``principal`` may not see. Paginated in SQL: ``limit`` from ``offset``.
    """
    authorize(ws, principal, "review.read")
    with ws.read_session() as session:
        last = _last_run(session)
        if last is None:
            raise NotFoundError(
                "There is no linkage run to review yet.", hint="Run `shomar link run` first."
            )
        visible = visible_uids(principal)
        decided = select(MatchDecision.id).where(
            MatchDecision.uid_a == ReviewQueueItem.uid_a,
            MatchDecision.uid_b == ReviewQueueItem.uid_b,
        )
        query = (
            select(ReviewQueueItem)
            .where(
                ReviewQueueItem.run_id == last.id,
                ReviewQueueItem.uid_a.in_(visible),
                ReviewQueueItem.uid_b.in_(visible),
                ~decided.exists(),
            )
            .order_by(ReviewQueueItem.position)
            .offset(max(offset, 0))
        )
        if limit is not None:
            query = query.limit(limit)
        page = list(session.scalars(query))
        wanted = sorted({u for item in page for u in (item.uid_a, item.uid_b)})
        records = _current_records(session, principal, wanted).set_index("uid")
    return [
        ReviewItem(
            uid_a=item.uid_a,
            uid_b=item.uid_b,
            match_probability=item.match_probability,
            same_person_now=item.same_person,
            value=item.value,
            record_a=_record_view(records, item.uid_a),
            record_b=_record_view(records, item.uid_b),
            evidence=list(item.evidence.get("items", [])),
        )
        for item in page
    ]


def _record_view(records: pd.DataFrame, uid: str) -> dict[str, Any]:
    if uid not in records.index:
        return {"uid": uid}
    row = records.loc[uid]
    view: dict[str, Any] = {"uid": uid}
    for name in REVIEW_FIELDS:
        value = row.get(name)
        view[name] = (
            None if value is None or (isinstance(value, float) and np.isnan(value)) else value
        )
    return view


def resolve_record(session: Session, ref: str, principal: Principal) -> str:
    """The uid of a record ``principal`` sees, named by its uid or by ``SOURCE/RECORD_ID``.

    Record ids match by their ASCII-digit form (``1:7`` finds ``1:۷``); source names by the
    Persian key.
    """

    def exists(uid: str) -> bool:
        query = select(func.count()).select_from(Record).where(Record.uid == uid)
        return bool(session.scalar(restrict(query, principal)))

    for uid in dict.fromkeys((ref, ascii_digits(ref))):
        if exists(uid):
            return uid
    if "/" in ref:
        source_name, key = ref.rsplit("/", 1)
        source = find_source(session, source_name)
        if source is not None:
            uid = f"{source.id}:{ascii_digits(key)}"
            if exists(uid):
                return uid
    raise NotFoundError(
        f"No record {ref!r} in this workspace.",
        hint="Name a record by its uid (as `shomar review --list` shows) or SOURCE/RECORD_ID.",
    )


def decide(
    ws: Workspace, a: str, b: str, verdict: str, *, principal: Principal, reason: str = ""
) -> DecisionResult:
    """Record a human verdict on two records; refuse one that contradicts earlier verdicts."""
    authorize(ws, principal, "review.decide", f"pair:{a}|{b}")
    actor = principal.name
    if verdict not in VERDICTS:
        raise InputError(
            f"Unknown verdict {verdict!r}.", hint=f"Use one of: {', '.join(VERDICTS)}."
        )
    with ws.session() as session:
        serialize(session, "decisions")
        uid_a, uid_b = _pair(
            resolve_record(session, a, principal), resolve_record(session, b, principal)
        )
        if uid_a == uid_b:
            raise InputError("A record cannot be compared with itself.")
        decisions = _local_decisions(session, {uid_a, uid_b})
        previous = decisions.pop((uid_a, uid_b), None)
        _check_consistent(decisions, uid_a, uid_b, verdict)
        decision = MatchDecision(
            uid_a=uid_a, uid_b=uid_b, verdict=verdict, actor=actor, reason=reason
        )
        session.add(decision)
        session.flush()
        append_audit(
            session,
            actor,
            "review",
            f"pair:{uid_a}|{uid_b}",
            {"verdict": verdict, "reason": reason},
        )
        return DecisionResult(
            uid_a,
            uid_b,
            verdict,
            actor,
            reason,
            decision.created,
            previous.verdict if previous is not None else None,
        )


def _local_decisions(session: Session, seeds: set[str]) -> dict[tuple[str, str], MatchDecision]:
    """The decisions in force that a verdict on ``seeds`` can contradict.

    That is every decision touching a record joined to a seed through *same* verdicts; the
    rest of the workspace's decisions are not read.
    """
    latest: dict[tuple[str, str], MatchDecision] = {}
    reached = set(seeds)
    frontier = set(seeds)
    while frontier:
        touching = select(MatchDecision).where(
            or_(MatchDecision.uid_a.in_(frontier), MatchDecision.uid_b.in_(frontier))
        )
        for decision in session.scalars(touching):
            key = _pair(decision.uid_a, decision.uid_b)
            if key not in latest or decision.id > latest[key].id:
                latest[key] = decision
        joined = {u for key, d in latest.items() if d.verdict == "same" for u in key}
        frontier = joined - reached
        reached |= frontier
    return latest


def _check_consistent(
    decisions: dict[tuple[str, str], MatchDecision], a: str, b: str, verdict: str
) -> None:
    """Raise ConflictError when ``verdict`` on (a, b) contradicts the decisions in force."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (x, y), d in decisions.items():
        if d.verdict == "same":
            parent[find(x)] = find(y)
    if verdict == "different" and find(a) == find(b):
        raise ConflictError(
            f"{a} and {b} are already one person by earlier 'same' decisions.",
            hint="Change one of those decisions first (decide the pair again).",
        )
    if verdict == "same":
        ra, rb = find(a), find(b)
        for (x, y), d in decisions.items():
            if d.verdict == "different" and {find(x), find(y)} == {ra, rb}:
                raise ConflictError(
                    f"Calling {a} and {b} the same would join {x} and {y}, "
                    "which were decided to be different.",
                    hint="Change that decision first (decide the pair again).",
                )


def list_decisions(ws: Workspace, *, principal: Principal) -> list[DecisionResult]:
    """Decisions in force on pairs of records ``principal`` sees, oldest first."""
    authorize(ws, principal, "decisions.read")
    with ws.read_session() as session:
        decisions = _decisions(session)
        visible = set(session.scalars(visible_uids(principal)))
    decisions = {k: d for k, d in decisions.items() if k[0] in visible and k[1] in visible}
    return sorted(
        (
            DecisionResult(d.uid_a, d.uid_b, d.verdict, d.actor, d.reason, d.created)
            for d in decisions.values()
        ),
        key=lambda d: d.created,
    )


# -- uncertainty --------------------------------------------------------------------------------


def linkage_samples(
    ws: Workspace, n: int, rng: np.random.Generator, *, principal: Principal
) -> list[dict[str, int]]:
    """``n`` plausible linkages of the latest run: per sample, record uid → cluster label."""
    require_full_view(ws, principal, "estimates.run")
    with ws.read_session() as session:
        last = _last_run(session)
        if last is None:
            raise NotFoundError("There is no linkage run yet.", hint="Run `shomar link run`.")
        assignment = _assignments(session, last.id)
        scores = _pair_scores(session, last.id)
        decisions = _decisions(session)
    uids = sorted(assignment)
    index = {u: i for i, u in enumerate(uids)}
    pairs = _reuse_pairs(scores, index, set())
    pairs = calibrate_pairs(pairs, _verdicts(decisions, index))[0]  # with enough decisions
    must, cannot = _constraints(decisions, index)
    samples = sample_linkages(pairs, len(uids), n, rng, must_link=must, cannot_link=cannot)
    return [dict(zip(uids, s.tolist(), strict=True)) for s in samples]
