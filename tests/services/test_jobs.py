"""Background jobs: submitted, run by a worker as their submitter, persisted, cancellable."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shomar.errors import NotFoundError, PermissionDenied
from shomar.services import job_queue
from shomar.services.jobs import cancel_job, get_job, list_jobs, run_worker, submit_job
from shomar.store.tables import AuditEntry, Record
from shomar.store.workspace import Workspace, open_workspace
from support.principals import ADMIN, DOCUMENTER, VIEWER
from support.store_snapshot import HEADER, ROWS


def _records(ws: Workspace) -> int:
    with ws.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(Record)) or 0)


def _list(tmp_path: Path, name: str = "list.csv") -> str:
    path = tmp_path / name
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return str(path)


def test_an_import_job_runs_as_its_submitter(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    job = submit_job(
        ws, "import", {"path": _list(tmp_path), "source_name": "NGO"}, principal=DOCUMENTER
    )
    assert get_job(ws, job.id, principal=DOCUMENTER).status == "queued"
    assert _records(ws) == 0
    assert run_worker(ws, principal=ADMIN, once=True) == 1
    done = get_job(ws, job.id, principal=DOCUMENTER)
    assert done.status == "done", done.error
    assert done.result["records_added"] == 2 and done.progress_done == 2
    assert done.started is not None and done.finished is not None
    assert _records(ws) == 2
    with ws.read_session() as session:
        actors = {e.actor for e in session.scalars(select(AuditEntry)) if e.action == "import"}
    assert actors == {DOCUMENTER.name}
    assert [j.id for j in list_jobs(ws, principal=DOCUMENTER)] == [job.id]


def test_jobs_are_checked_and_private(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    with pytest.raises(PermissionDenied):
        submit_job(ws, "import", {"path": _list(tmp_path), "source_name": "X"}, principal=VIEWER)
    with pytest.raises(PermissionDenied):
        submit_job(ws, "link", {}, principal=DOCUMENTER)
    job = submit_job(ws, "link", {}, principal=ADMIN)
    with pytest.raises(NotFoundError):
        get_job(ws, job.id, principal=DOCUMENTER)  # someone else's job
    with pytest.raises(PermissionDenied):
        run_worker(ws, principal=DOCUMENTER, once=True)


def test_a_failing_job_records_its_error(sqlite_workspace: Workspace) -> None:
    job = submit_job(sqlite_workspace, "estimate", {"event": "No such event"}, principal=ADMIN)
    run_worker(sqlite_workspace, principal=ADMIN, once=True)
    failed = get_job(sqlite_workspace, job.id, principal=ADMIN)
    assert failed.status == "failed" and "No event named" in failed.error


def test_cancel_queued_and_running(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_workspace
    queued = submit_job(
        ws, "import", {"path": _list(tmp_path), "source_name": "A"}, principal=ADMIN
    )
    assert cancel_job(ws, queued.id, principal=ADMIN).status == "cancelled"
    run_worker(ws, principal=ADMIN, once=True)
    assert get_job(ws, queued.id, principal=ADMIN).status == "cancelled" and _records(ws) == 0

    running = submit_job(
        ws, "import", {"path": _list(tmp_path, "b.csv"), "source_name": "B"}, principal=ADMIN
    )
    original = job_queue._Progress.__call__
    canceller: list[threading.Thread] = []

    def cancel_then_report(self: job_queue._Progress, advance: int) -> None:
        if not canceller:  # the user presses cancel (elsewhere) while the import runs
            thread = threading.Thread(target=cancel_job, args=(ws, running.id), kwargs={
                "principal": ADMIN
            })  # fmt: skip
            canceller.append(thread)
            thread.start()
            queue = job_queue.queue_for(ws.path)
            while not queue.get(job_queue.cancel_key(running.id), peek=True):
                time.sleep(0.01)
        original(self, advance)

    monkeypatch.setattr(job_queue, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(job_queue._Progress, "__call__", cancel_then_report)
    run_worker(ws, principal=ADMIN, once=True)
    canceller[0].join(timeout=30)
    assert get_job(ws, running.id, principal=ADMIN).status == "cancelled"
    assert _records(ws) == 0, "a cancelled import keeps nothing"


def test_queued_jobs_survive_a_restart(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "ws", create=True)
    job = submit_job(ws, "import", {"path": _list(tmp_path), "source_name": "R"}, principal=ADMIN)
    ws.close()
    job_queue._QUEUES.clear()  # a new process: nothing in memory
    ws = open_workspace(tmp_path / "ws")
    try:
        assert run_worker(ws, principal=ADMIN, once=True) == 1
        assert get_job(ws, job.id, principal=ADMIN).status == "done"
    finally:
        ws.close()


def _mark_running(ws: Workspace, job_id: str, *, started_ago: float) -> None:
    import datetime as dt

    from shomar.store.tables import Job

    with ws.session() as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.status = "running"
        job.started = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=started_ago)


def test_a_second_worker_leaves_a_job_another_worker_runs_alone(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    alive = submit_job(ws, "link", {}, principal=ADMIN)
    dead = submit_job(ws, "link", {}, principal=ADMIN)
    silent = submit_job(ws, "link", {}, principal=ADMIN)
    for job in (alive, dead, silent):
        _mark_running(ws, job.id, started_ago=600)
    queue = job_queue.queue_for(ws.path)
    queue.put(job_queue.heartbeat_key(alive.id), time.time())  # its worker beats
    queue.put(job_queue.heartbeat_key(dead.id), time.time() - 120)  # its worker stopped

    assert job_queue.interrupted(ws) == 2
    statuses = {j.id: get_job(ws, j.id, principal=ADMIN).status for j in (alive, dead, silent)}
    assert statuses == {alive.id: "running", dead.id: "failed", silent.id: "failed"}
    assert "interrupted" in get_job(ws, dead.id, principal=ADMIN).error


def test_a_job_just_started_without_a_beat_yet_is_not_interrupted(
    sqlite_workspace: Workspace,
) -> None:
    job = submit_job(sqlite_workspace, "link", {}, principal=ADMIN)
    _mark_running(sqlite_workspace, job.id, started_ago=1)
    assert job_queue.interrupted(sqlite_workspace) == 0
    assert get_job(sqlite_workspace, job.id, principal=ADMIN).status == "running"


def test_a_running_job_beats_and_clears_its_heartbeat_when_done(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sqlite_workspace
    job = submit_job(ws, "import", {"path": _list(tmp_path), "source_name": "H"}, principal=ADMIN)
    beats: list[float | None] = []
    original = job_queue._Progress.__call__

    def observe(self: job_queue._Progress, advance: int) -> None:
        beats.append(job_queue.last_heartbeat(ws.path, job.id))
        original(self, advance)

    monkeypatch.setattr(job_queue._Progress, "__call__", observe)
    run_worker(ws, principal=ADMIN, once=True)
    assert beats and all(b is not None and time.time() - b < 30 for b in beats)
    assert job_queue.last_heartbeat(ws.path, job.id) is None
    assert get_job(ws, job.id, principal=ADMIN).status == "done"


def test_a_report_job_knows_its_steps_and_an_import_counts_rows(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    imported = submit_job(
        ws, "import", {"path": _list(tmp_path), "source_name": "NGO"}, principal=DOCUMENTER
    )
    report = submit_job(ws, "report", {"out": str(tmp_path / "r.html")}, principal=ADMIN)
    assert run_worker(ws, principal=ADMIN, once=True) == 2
    imported_info = get_job(ws, imported.id, principal=ADMIN)
    report_info = get_job(ws, report.id, principal=ADMIN)
    assert report_info.status == "done", report_info.error
    assert (report_info.progress_done, report_info.progress_total) == (2, 2)
    assert (imported_info.progress_done, imported_info.progress_total) == (2, None)
