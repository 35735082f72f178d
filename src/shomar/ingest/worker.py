"""A second process for an import's read phase: every other batch is read and checked there.

The read phase is pure computation over the rows (parsing, checks, the packed rows' JSON and
hash pieces), one core's worth; the machine usually has another. :class:`BatchWorker` forks
the importing process once its first batch is read (so the child starts with every cache
that batch warmed: places, dates, words; warming them in both processes cost more CPU than
the parallel start saved), sends it the raw rows of the odd batches and gets back their
packed rows already pickled, with their problems, record ids and names, while the parent
reads the even ones. The parent puts each batch in the spool in file order, so the spool,
the problems (the same messages, in the same order) and the store are what one process
would have made; the worker's counts (two-digit years, unknown violation words, the span of
the list's dates) are merged at the end.

Nothing of the rows touches the disk on the way: they go through a pipe between the two
processes, and the child writes nothing. The child never touches the store (it ends with
``os._exit``, as :mod:`multiprocessing` ends a forked child, so nothing inherited is closed or
flushed by it).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import traceback
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shomar.ingest.prepare import BatchRead, RowReader
    from shomar.ingest.readers import RawRow

__all__ = ["BatchWorker", "WorkerFailed"]


class WorkerFailed(RuntimeError):
    """The worker process stopped on an error of its own (its traceback is the message)."""


class BatchWorker:
    """A forked child that reads the batches it is sent with the parent's :class:`RowReader`."""

    def __init__(self, reader: RowReader) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, reader), daemon=True)
        self._process.start()
        child.close()

    @staticmethod
    def possible() -> bool:
        """Whether a worker can run in parallel here: fork exists and there is a second CPU."""
        return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1

    @staticmethod
    def wanted(setting: str) -> bool:
        """Whether to start one, by the ``import_worker`` setting: ``auto`` only when the
        1-minute load average leaves a CPU free (measured: on a busy machine the worker made
        imports slower, as the two processes then share one CPU's worth of time) and this
        process runs no other thread: a fork copies only the calling thread, so a lock another
        thread holds at that moment (a job's heartbeat writing, a web request logging) stays
        locked in the child forever, and the import would hang waiting for it. Imports run
        as jobs or from the web therefore read in one process unless the setting is ``on``."""
        if setting == "off" or not BatchWorker.possible():
            return False
        if setting == "on":
            return True
        return threading.active_count() == 1 and os.getloadavg()[0] + 1 <= (os.cpu_count() or 1)

    def submit(self, rows: list[RawRow]) -> None:
        self._conn.send([(row.number, row.sheet, row.cells) for row in rows])

    def receive(self) -> BatchRead:
        answer = self._conn.recv()
        if isinstance(answer, WorkerFailed):
            raise answer
        read: BatchRead = answer
        read.body = self._conn.recv_bytes()
        return read

    def finish(self) -> Any:
        """The reader's context state in the child (see :meth:`RowReader.state`)."""
        self._conn.send(None)
        answer = self._conn.recv()
        if isinstance(answer, WorkerFailed):
            raise answer
        return answer

    def close(self) -> None:
        """Stop the child (at once if the import stopped early) and wait for it."""
        self._conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _serve(conn: Connection, reader: RowReader) -> None:
    from shomar.ingest.readers import RawRow

    reader.forget_counts()  # counted by the parent already: the child reports its own
    try:
        while (message := conn.recv()) is not None:
            read = reader.read([RawRow(number, sheet, cells) for number, sheet, cells in message])
            body = pickle.dumps(read.rows, pickle.HIGHEST_PROTOCOL)
            read.rows = []
            conn.send(read)
            conn.send_bytes(body)
        conn.send(reader.state())
    except EOFError:  # the parent stopped early: nothing to answer
        pass
    except BaseException:  # every failure goes back to the parent, named
        conn.send(WorkerFailed(traceback.format_exc()))
