"""An import reads and checks its file before it takes the write lock (issue 9, performance).

While a long file is parsed, other writers (a review decision, an event, a claim) commit; the
checks that guard the write (the same bytes imported twice) run again inside the transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import shomar.ingest.prepare as prepare
import shomar.services.imports as imports
from shomar.errors import InputError
from shomar.services.events import add_event
from shomar.store.tables import Document, Event, Record
from shomar.store.workspace import Workspace, open_workspace
from support.principals import ADMIN
from support.store_snapshot import HEADER, ROWS


class _Gate:
    """Pauses the import thread at a chosen point until the test lets it go on."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go_on = threading.Event()

    def wait_here(self, *_: Any) -> None:
        self.reached.set()
        assert self.go_on.wait(30), "the test never let the import go on"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Gate]:
    monkeypatch.setenv("SHOMAR_BUSY_TIMEOUT", "1")  # a blocked writer fails fast, not in 5 s
    gate = _Gate()
    yield gate
    gate.go_on.set()


def _run_import(ws: Workspace, path: Path) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["report"] = imports.import_file(ws, path, "Synthetic NGO", principal=ADMIN)
        except BaseException as exc:  # handed to the test thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_other_writers_commit_while_an_import_validates(
    sqlite_workspace: Workspace, write: Any, gate: _Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate = prepare.row_to_values

    def paused(row: Any, ctx: Any) -> Any:  # the first row's validation waits for the test
        if not gate.reached.is_set():
            gate.wait_here()
        return validate(row, ctx)

    monkeypatch.setattr(prepare, "row_to_values", paused)
    thread, outcome = _run_import(sqlite_workspace, write("list.csv", HEADER + ROWS))
    assert gate.reached.wait(30)
    other = open_workspace(sqlite_workspace.path)  # another writer, with its own sessions
    try:
        add_event(other, "Another event", start="2019-11-15", principal=ADMIN)  # commits now
    finally:
        other.close()
    gate.go_on.set()
    thread.join(60)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["report"].records_added == 2
    with sqlite_workspace.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == 2
        assert session.scalars(select(Event.name)).all() == ["Another event"]


def test_the_same_bytes_are_checked_again_inside_the_write(
    sqlite_workspace: Workspace, write: Any, gate: _Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports._hooks, "before_write", gate.wait_here)
    path = write("list.csv", HEADER + ROWS)
    thread, outcome = _run_import(sqlite_workspace, path)
    assert gate.reached.wait(30)  # read and checked; the write transaction not yet open
    monkeypatch.setattr(imports._hooks, "before_write", None)
    other = open_workspace(sqlite_workspace.path)
    try:  # the same bytes, imported meanwhile by another writer
        imports.import_file(other, path, "Another NGO", principal=ADMIN)
    finally:
        other.close()
    gate.go_on.set()
    thread.join(60)
    error = outcome.get("error")
    assert isinstance(error, InputError) and "these exact bytes" in str(error)
    with sqlite_workspace.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 1
        assert session.scalar(select(func.count()).select_from(Record)) == 2
    assert not list((sqlite_workspace.documents_dir / ".pending").glob("*"))


def test_a_failed_check_opens_no_write_transaction(
    sqlite_workspace: Workspace, write: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    real = Workspace.session

    def session(self: Workspace, *a: Any, **k: Any) -> Any:
        opened.append(True)
        return real(self, *a, **k)

    monkeypatch.setattr(Workspace, "session", session)
    bad = HEADER + "1,,مرد,24,۱۳۹۸/۰۸/۲۴,تهران,کشته شده,Synthetic test event\n"
    with pytest.raises(imports.ImportValidationError, match=r"row 2.*has no name"):
        imports.import_file(sqlite_workspace, write("bad.csv", bad), "NGO", principal=ADMIN)
    assert opened == []
