"""Bulk inserts write exactly what the ORM would, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from shomar.store.bulk import insert_rows
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
