"""Bulk inserts write exactly what the ORM would, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from shomar.store.bulk import insert_rows, insert_values
from shomar.store.tables import LinkageRun, PairScore
from shomar.store.workspace import Workspace


def _pairs(run_id: int, n: int) -> list[dict[str, Any]]:
    return [
        {
            "run_id": run_id,
            "uid_a": f"a:{i}",
            "uid_b": f"b:{i}",
            "match_probability": i / n,
            "match_weight": None if i % 3 == 0 else float(i),
            "evidence": {"gamma_name": i % 4, "note": "«محمد»"},
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("count", [1, 23])
def test_bulk_rows_are_stored_as_given(workspace: Workspace, count: int) -> None:
    with workspace.session() as session:
        run = LinkageRun()
        session.add(run)
        session.flush()
        rows = _pairs(run.id, count)
        insert_rows(session, PairScore.__table__, rows)
        insert_rows(session, PairScore.__table__, [])
    with workspace.read_session() as session:
        stored = session.scalars(select(PairScore).order_by(PairScore.id)).all()
        got = [
            {
                "run_id": p.run_id,
                "uid_a": p.uid_a,
                "uid_b": p.uid_b,
                "match_probability": p.match_probability,
                "match_weight": p.match_weight,
                "evidence": p.evidence,
            }
            for p in stored
        ]
    assert got == rows


def test_bulk_dates_convert_like_the_orm(workspace: Workspace) -> None:
    """Dates and times are converted once per object: the same object repeated, and equal
    instants in other time zones (equal, but not stored alike), are stored as the ORM does."""
    shared = dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.UTC)
    elsewhere = shared.astimezone(dt.timezone(dt.timedelta(hours=3, minutes=30)))
    times = [shared, shared, elsewhere, dt.datetime(1988, 7, 19, tzinfo=dt.UTC), shared]
    with workspace.session() as session:
        names = ("created", "created_by", "backend", "mode", "spec", "model", "summary")
        insert_values(
            session,
            LinkageRun.__table__,
            names,
            [(t, "", "bulk", "full", {}, {}, {}) for t in times],
        )
        session.add_all(LinkageRun(created=t, backend="orm") for t in times)
    with workspace.read_session() as session:
        bulk = session.scalars(
            select(LinkageRun.created).where(LinkageRun.backend == "bulk").order_by(LinkageRun.id)
        ).all()
        orm = session.scalars(
            select(LinkageRun.created).where(LinkageRun.backend == "orm").order_by(LinkageRun.id)
        ).all()
    assert bulk == orm


def test_bulk_values_in_another_column_order(workspace: Workspace) -> None:
    with workspace.session() as session:
        run = LinkageRun()
        session.add(run)
        session.flush()
        insert_values(
            session,
            PairScore.__table__,
            ("uid_b", "match_probability", "uid_a", "run_id", "evidence", "match_weight"),
            [("b:1", 0.5, "a:1", run.id, {"k": "«م»"}, None)],
        )
    with workspace.read_session() as session:
        stored = session.scalars(select(PairScore)).one()
    assert (stored.uid_a, stored.uid_b, stored.match_probability, stored.evidence) == (
        "a:1",
        "b:1",
        0.5,
        {"k": "«م»"},
    )


def test_bulk_text_that_copy_would_misread_is_stored_as_given(workspace: Workspace) -> None:
    """PostgreSQL's COPY text format gives tabs, newlines, backslashes and ``\\N`` a meaning;
    the values must still arrive as written (and None as NULL)."""
    awkward = ["a\tb", "line\nnext\r\n", "back\\slash", "\\N", "", "«علی‌اکبر»\u200c", "\\."]
    with workspace.session() as session:
        run = LinkageRun()
        session.add(run)
        session.flush()
        rows = [
            {
                "run_id": run.id,
                "uid_a": text,
                "uid_b": f"b:{i}",
                "match_probability": 0.5,
                "match_weight": None,
                "evidence": {"note": text},
            }
            for i, text in enumerate(awkward)
        ]
        insert_rows(session, PairScore.__table__, rows)
    with workspace.read_session() as session:
        stored = session.scalars(select(PairScore).order_by(PairScore.id)).all()
    assert [(p.uid_a, p.match_weight, p.evidence) for p in stored] == [
        (text, None, {"note": text}) for text in awkward
    ]


def test_bulk_conflict_is_the_same_error_on_both_backends(workspace: Workspace) -> None:
    """A unique violation inside a bulk insert (COPY on PostgreSQL) is a ConflictError, and the
    transaction writes nothing."""
    from shomar.errors import ConflictError
    from shomar.store.dialects import translated_errors
    from shomar.store.tables import RecordNameKey

    table = RecordNameKey.__table__
    with pytest.raises(ConflictError), translated_errors(), workspace.session() as session:
        insert_values(session, table, ("record_id", "key"), [(1, "ali"), (1, "ali")])
    with workspace.read_session() as session:
        assert session.scalars(select(RecordNameKey)).all() == []
