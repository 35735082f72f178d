"""An import read by two processes (every other batch in a forked worker) stores, reports and
refuses exactly what one process does: the same rows and hashes, the same problems in the same
order, the same counts of what was inferred."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.ingest.worker import BatchWorker
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.store.integrity import verify_records
from shomar.store.tables import Record, RecordNameKey
from shomar.store.workspace import open_workspace
from support.principals import ADMIN

pytestmark = pytest.mark.skipif(not BatchWorker.possible(), reason="needs fork and 2 CPUs")

HEADER = "record_id,full_name,father_name,sex,age,date,place,violation,witness_name,notes,event\n"
EVENT = "Summer 1988"


def _rows(count: int, bad_every: int = 0) -> str:
    lines = []
    for i in range(1, count + 1):
        date = "مرداد ۶۷" if i % 7 in (0, 6) else f"13{60 + i % 20}/05/10"  # some deferred
        event = EVENT if i % 3 == 0 else ""  # its window reads the two-digit years at once
        sex = "robot" if bad_every and i % bad_every == 0 else ("m" if i % 2 else "f")
        lines.append(
            f"{i},Name{i} «محمد» {i % 13},{['-', 'Reza', 'نامشخص'][i % 3]},{sex},"
            f"{'?' if i % 11 == 0 else 20 + i % 50},"
            f"{date},"
            f"{['Tehran', 'Shiraz', 'Karaj', 'Nowhere-' + str(i)][i % 4]},"
            f"{['killing', 'arrest', 'strange word ' + str(i % 3)][i % 3]},"
            f"{'W' + str(i) if i % 5 == 0 else ''},note {i},{event}\n"
        )
    return HEADER + "".join(lines)


def _import(tmp_path: Path, name: str, text: str, worker: bool, monkeypatch: Any) -> Any:
    monkeypatch.setenv("SHOMAR_IMPORT_BATCH_ROWS", "7")
    monkeypatch.setenv("SHOMAR_IMPORT_WORKER", "on" if worker else "off")
    (tmp_path / name).mkdir()
    path = tmp_path / name / "list.csv"
    path.write_text(text, encoding="utf-8")
    ws = open_workspace(tmp_path / f"ws-{name}", create=True)
    add_event(ws, EVENT, start="1988-07-19", end="1988-09-30", principal=ADMIN)
    try:
        report = import_file(ws, path, "NGO", principal=ADMIN)
    except ImportValidationError as refused:
        ws.close()
        return [(p.row, p.column, p.value, p.message) for p in refused.problems], refused
    with ws.read_session() as session:
        assert verify_records(session) == []
        columns = [c for c in Record.__table__.columns if c.name not in
                   ("sensitive", "witness_index", "content_hash", "created")]  # fmt: skip
        rows = session.execute(select(*columns).order_by(Record.id)).all()
        keys = session.execute(select(RecordNameKey.record_id, RecordNameKey.key)).all()
    ws.close()
    report.document_id = None
    return rows, sorted(keys), report.to_dict()


def test_the_worker_stores_what_one_process_stores(tmp_path: Path, monkeypatch: Any) -> None:
    text = _rows(100)
    one = _import(tmp_path, "one", text, False, monkeypatch)
    two = _import(tmp_path, "two", text, True, monkeypatch)
    assert len(one[0]) == 100
    assert one == two
    read_as = {said["hint"].split(",")[0]: said["dates"] for said in one[2]["two_digit_years"]}
    assert "66 name cell(s) held a mark for a name not known ('-' ×33, 'نامشخص' ×33)" in (
        " ".join(one[2]["warnings"])
    )  # counted in both processes, once
    assert "9 age cell(s) held a mark for not known ('?' ×9)" in " ".join(one[2]["warnings"])
    window = f"from the window of the event '{EVENT}'"
    assert read_as == {window: 9, "from the list's other dates": 19}  # each counted once


def test_the_worker_refuses_with_the_same_problems(tmp_path: Path, monkeypatch: Any) -> None:
    text = _rows(60, bad_every=4) + "3,Twice,,m,30,1367/05/10,Tehran,killing,,,\n"
    one, refused_one = _import(tmp_path, "one", text, False, monkeypatch)
    two, refused_two = _import(tmp_path, "two", text, True, monkeypatch)
    assert len(one) == 16  # 15 unreadable sex values, one record_id twice
    assert one == two
    assert str(refused_one) == str(refused_two)


def test_a_failing_worker_stops_the_import(tmp_path: Path, monkeypatch: Any) -> None:
    from shomar.ingest import prepare

    original = prepare.RowReader.read
    parent = __import__("os").getpid()

    def read(self: Any, rows: Any) -> Any:
        if __import__("os").getpid() != parent:
            raise MemoryError("the worker ran out")
        return original(self, rows)

    monkeypatch.setattr(prepare.RowReader, "read", read)
    with pytest.raises(RuntimeError, match="the worker ran out"):
        _import(tmp_path, "fail", _rows(30), True, monkeypatch)
    ws = open_workspace(tmp_path / "ws-fail")
    with ws.read_session() as session:
        assert session.scalars(select(Record.id)).all() == []
    ws.close()


def test_every_counter_of_the_context_is_merged() -> None:
    import dataclasses

    from shomar.ingest.prepare import COUNTED
    from shomar.ingest.validate import RowContext

    settings = {"mapping", "event_windows", "today", "_cache"}  # given, or per process
    mutable = {
        f.name
        for f in dataclasses.fields(RowContext)
        if f.default_factory is not dataclasses.MISSING and f.name not in settings
    }
    assert mutable == set(COUNTED)


def test_auto_never_forks_beside_another_thread(monkeypatch: Any) -> None:
    """A fork copies only the calling thread: with another thread alive (a job's heartbeat, a
    web server's requests) ``auto`` reads in one process; ``on`` still forks."""
    import threading

    monkeypatch.setattr("os.getloadavg", lambda: (0.0, 0.0, 0.0))
    assert BatchWorker.wanted("auto") is (threading.active_count() == 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert BatchWorker.wanted("auto") is False
        assert BatchWorker.wanted("on") is True
        assert BatchWorker.wanted("off") is False
    finally:
        stop.set()
        other.join()
