"""The task queue behind jobs: huey, with SQLite storage in the workspace or Redis on a server.

A job's state (status, progress, result, error, cancel request) lives in the store's ``jobs``
table, so it survives restarts and every process sees it; huey only carries "run job X of the
workspace at Y" to a worker. :func:`execute` is the one huey task: it opens the workspace,
runs the job's service as the principal who submitted it, and records what happened.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from huey import RedisHuey, SqliteHuey, crontab
from huey.api import Huey

from shomar.config import settings
from shomar.errors import ShomarError
from shomar.security.principal import Principal, Role
from shomar.services.uploads import UPLOADS, discard_expired
from shomar.store.tables import Job, utcnow
from shomar.store.workspace import Workspace, open_workspace

logger = logging.getLogger(__name__)

QUEUE_FILE = "jobs.db"
#: seconds between two progress writes of one job (each is a short write transaction)
PROGRESS_EVERY = 0.5
#: seconds between two "still running" marks a worker writes for each job it runs
HEARTBEAT_EVERY = 2.0
#: a running job whose worker has not marked it for this long is taken as interrupted
HEARTBEAT_STALE = 30.0
#: minutes between two sweeps of expired staged uploads by a running consumer
SWEEP_MINUTES = 5
_QUEUES: dict[str, tuple[Huey, Any]] = {}  # one queue (and its task) per workspace or URL
_QUEUES_LOCK = threading.Lock()


class JobCancelled(ShomarError):
    """Raised inside a running job when its cancellation was requested."""


def _queue(folder: Path) -> tuple[Huey, Any]:
    url = settings().jobs_url
    key = url or str(folder.resolve())
    with _QUEUES_LOCK:
        entry = _QUEUES.get(key)
        if entry is None:
            queue: Huey
            if url:
                queue = RedisHuey("shomar", url=url, results=False)
            else:
                queue = SqliteHuey("shomar", filename=str(folder / QUEUE_FILE), results=False)
            entry = (queue, queue.task(name="shomar_job")(execute))
            # the consumer's scheduler also removes expired staged uploads (on Redis, those of
            # the workspace that made the queue in this process: uploads are on local disk)
            sweep = partial(discard_expired, folder / UPLOADS)
            queue.periodic_task(crontab(minute=f"*/{SWEEP_MINUTES}"), name="shomar_sweep")(sweep)
            _QUEUES[key] = entry
        return entry


def queue_for(folder: Path) -> Huey:
    """The huey queue of the workspace in ``folder`` (``SHOMAR_JOBS_URL`` if set)."""
    return _queue(folder)[0]


def enqueue(ws: Workspace, job_id: str) -> None:
    """Hand job ``job_id`` to the queue (a worker runs it)."""
    _queue(ws.path)[1](job_id, str(ws.path), ws.url, ws.schema)


def run_queued(folder: Path, *, limit: int | None = None) -> int:
    """Run queued tasks in this thread until the queue is empty (or ``limit`` ran)."""
    queue = queue_for(folder)
    ran = 0
    while limit is None or ran < limit:
        task = queue.dequeue()
        if task is None:
            break
        queue.execute(task)
        ran += 1
    return ran


def execute(job_id: str, folder: str, url: str, schema: str | None) -> None:
    """Run one job (the huey task): mark it running, call its service, store the outcome."""
    ws = open_workspace(Path(folder), url=url, schema=schema)
    try:
        with ws.session() as session:
            job = session.get(Job, job_id)
            if job is None or job.status != "queued":
                return  # cancelled before it started, or already run
            if job.cancel_requested:
                job.status, job.finished = "cancelled", utcnow()
                return
            job.status, job.started = "running", utcnow()
            kind, params = job.kind, dict(job.params)
            job.progress_total = known_total(kind, params)
            principal = Principal(job.created_by, Role(job.created_role))
        progress = _Progress(ws, job_id)
        heartbeat = _Heartbeat(ws.path, job_id)
        try:
            result = run_kind(ws, kind, params, principal, progress)
        except JobCancelled:
            _finish(ws, job_id, progress, "cancelled", {}, "cancelled while running; nothing kept")
        except ShomarError as error:
            _finish(ws, job_id, progress, "failed", {}, str(error))
        except Exception as error:  # recorded for the user; the traceback goes to the log
            logger.exception("job %s failed", job_id)
            message = f"internal error: {type(error).__name__}: {error}"
            _finish(ws, job_id, progress, "failed", {}, message)
        else:
            _finish(ws, job_id, progress, "done", result, "")
        finally:
            heartbeat.stop()
    finally:
        ws.close()


class _Heartbeat:
    """Marks a job as alive in the queue's storage every :data:`HEARTBEAT_EVERY` seconds while
    it runs, so a worker starting elsewhere can tell a job another worker is running from one
    whose worker died (see :func:`interrupted`)."""

    def __init__(self, folder: Path, job_id: str) -> None:
        self.folder, self.job_id = folder, job_id
        self._stopped = threading.Event()
        self._beat()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{job_id}", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        queue_for(self.folder).put(heartbeat_key(self.job_id), time.time())

    def _run(self) -> None:
        while not self._stopped.wait(HEARTBEAT_EVERY):
            try:
                self._beat()
            except Exception:  # a missed beat only makes the job look older; never fail the job
                logger.warning("job %s: could not write its heartbeat", self.job_id, exc_info=True)

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()
        queue_for(self.folder).get(heartbeat_key(self.job_id))  # reading it removes it


def _finish(
    ws: Workspace,
    job_id: str,
    progress: _Progress,
    status: str,
    result: dict[str, Any],
    error: str,
) -> None:
    with ws.session() as session:
        job = session.get(Job, job_id)
        if job is not None:
            job.status, job.result, job.error, job.finished = status, result, error, utcnow()
            job.progress_done = progress.done


class _Progress:
    """The progress callback the CLI's bars use (``advance(n)``), published for ``get_job``.

    Progress goes to the queue's own storage (not the store: the job's write transaction may
    hold the store's write lock). Cancellation takes effect here too: the next call after a
    cancel request raises :class:`JobCancelled`, which rolls the job's transaction back.
    """

    def __init__(self, ws: Workspace, job_id: str) -> None:
        self.ws, self.job_id = ws, job_id
        self.done = 0
        self.written = 0.0

    def __call__(self, advance: int) -> None:
        self.done += advance
        now = time.monotonic()
        if now - self.written < PROGRESS_EVERY:
            return
        self.written = now
        queue = queue_for(self.ws.path)
        queue.put(progress_key(self.job_id), self.done)
        if queue.get(cancel_key(self.job_id), peek=True):
            raise JobCancelled(f"Job {self.job_id} was cancelled.")


def progress_key(job_id: str) -> str:
    return f"shomar-progress:{job_id}"


def cancel_key(job_id: str) -> str:
    return f"shomar-cancel:{job_id}"


def heartbeat_key(job_id: str) -> str:
    return f"shomar-alive:{job_id}"


def last_heartbeat(folder: Path, job_id: str) -> float | None:
    """When (Unix time) the worker running ``job_id`` last marked it alive (``None``: never)."""
    value = queue_for(folder).get(heartbeat_key(job_id), peek=True)
    return float(value) if value is not None else None


def request_cancel(folder: Path, job_id: str) -> None:
    """Ask a running job to stop (through the queue's storage: no store lock is needed, so
    this works while the job's own transaction holds the write lock)."""
    queue_for(folder).put(cancel_key(job_id), True)


def current_progress(folder: Path, job_id: str) -> int | None:
    """The progress a running job last published (``None``: none yet)."""
    value = queue_for(folder).get(progress_key(job_id), peek=True)
    return int(value) if value is not None else None


def known_total(kind: str, params: dict[str, Any]) -> int | None:
    """How many steps a job of ``kind`` will advance by, where that is known before it runs
    (a report: data read, HTML written and, with ``pdf``, printed); ``None``: unknown (an
    import counts rows as it reads them)."""
    if kind == "report":
        return 3 if params.get("pdf") else 2
    return None


def _json(value: Any) -> dict[str, Any]:
    """A service's result as plain JSON (dates and paths as text)."""
    data = value.to_dict() if hasattr(value, "to_dict") else value
    if isinstance(data, list):
        data = {"items": [d.to_dict() if hasattr(d, "to_dict") else d for d in data]}
    if not isinstance(data, dict):
        data = {"value": data}
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


def run_kind(
    ws: Workspace,
    kind: str,
    params: dict[str, Any],
    principal: Principal,
    progress: Callable[[int], None],
) -> dict[str, Any]:
    """Call the service a job of ``kind`` stands for (checks run inside, as for the CLI)."""
    if kind == "import" and "upload_id" in params:
        from shomar.services.uploads import import_upload

        return _json(import_upload(ws, principal=principal, progress=progress, **params))
    if kind == "import":
        from shomar.services.imports import import_file

        return _json(import_file(ws, principal=principal, progress=progress, **params))
    if kind == "link":
        from shomar.services.linkage import link_workspace

        return _json(link_workspace(ws, principal=principal, **params))
    if kind == "estimate":
        from shomar.services.estimation import run_event_estimates

        runs = run_event_estimates(ws, principal=principal, **params)
        return {"runs": [{"run_id": r.run_id, "method": r.method, **r.to_summary()} for r in runs]}
    if kind == "report":
        from shomar.services.report import write_workspace_report

        out = Path(params.pop("out", ws.path / "report.html"))
        path = write_workspace_report(ws, out, principal=principal, progress=progress, **params)
        pdf = str(path.with_suffix(".pdf")) if params.get("pdf") else None
        return {"path": str(path), "pdf": pdf, "lang": params.get("lang", "en")}
    if kind == "backup":
        from shomar.services.backup import backup

        out = Path(params.pop("out"))
        return _json(backup(ws, out, principal=principal, **params))
    raise ShomarError(f"Unknown job kind {kind!r}.")


def interrupted(ws: Workspace, *, stale_after: float = HEARTBEAT_STALE) -> int:
    """Mark ``running`` jobs whose worker stopped as failed; how many there were.

    A job counts as interrupted when no worker has marked it alive for ``stale_after`` seconds
    (a job another worker is running keeps its heartbeat fresh, so starting a second worker or
    web process leaves it alone). Worker clocks are compared, so on Redis keep them in sync.
    """
    from sqlalchemy import select, update

    now = time.time()
    with ws.read_session() as session:
        running = list(session.execute(select(Job.id, Job.started).where(Job.status == "running")))
    dead = []
    for job_id, started in running:
        beat = last_heartbeat(ws.path, job_id)
        if beat is None and started is not None:
            beat = started.replace(tzinfo=started.tzinfo or dt.UTC).timestamp()
        if beat is None or now - beat > stale_after:
            dead.append(job_id)
    if not dead:
        return 0
    with ws.session() as session:
        result = session.execute(
            update(Job)
            .where(Job.status == "running", Job.id.in_(dead))
            .values(
                status="failed",
                error="interrupted: the worker stopped while it ran; submit it again",
                finished=dt.datetime.now(dt.UTC).replace(microsecond=0),
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


__all__ = [
    "JobCancelled",
    "current_progress",
    "enqueue",
    "execute",
    "interrupted",
    "last_heartbeat",
    "queue_for",
    "request_cancel",
    "run_kind",
    "run_queued",
]
