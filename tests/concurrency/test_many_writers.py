"""Many writer processes on one workspace, SQLite and PostgreSQL (issue 10).

Eight real processes import lists, record review decisions, add claims and run linkage at once.
Afterwards the audit chain verifies, every import is all or nothing, no decision is lost, no
person id is minted twice, and no process met an unexpected error (busy or conflicting writes
are clear Shomar errors, counted by the workers).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.concurrency.harness import Target, check, launch, prepare
from sqlalchemy import create_engine, text

from conftest import POSTGRES_URL, _postgres_available

EIGHT = ["import", "import", "decide", "decide", "claim", "claim", "link", "import"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    folder = tmp_path / "ws"
    if request.param == "sqlite":
        yield Target(folder)
        return
    if not _postgres_available():
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield Target(folder, POSTGRES_URL, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _run(target: Target, seconds: float, size: int = 150) -> list[dict[str, object]]:
    prepare(target, size=size)
    reports = launch(target, EIGHT, seconds)
    problems = check(target, reports)
    assert not problems, "\n".join(problems)
    return reports


def test_eight_writers_briefly(target: Target) -> None:
    reports = _run(target, seconds=3, size=80)
    # under load a kind may only meet busy errors in 3 s; the store checks above are the test
    assert sum(int(r["ok"]) for r in reports) > 0, reports  # type: ignore[call-overload]


@pytest.mark.slow
def test_eight_writers_for_twenty_seconds(target: Target) -> None:
    reports = _run(target, seconds=20)
    assert sum(int(r["ok"]) for r in reports if r["kind"] == "link") > 0  # type: ignore[call-overload]
