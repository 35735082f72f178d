"""The one place where SQLite and PostgreSQL differ. Nothing else branches on the dialect.

Transactions that hold on both (DESIGN §6):

* **SQLite**: WAL journal (readers never wait for the writer) and every write transaction opened
  with ``BEGIN IMMEDIATE`` — SQLAlchemy's documented pysqlite recipe (the driver's own implicit
  ``BEGIN`` is switched off and the ``begin`` event emits ours), so a check and the write it
  guards run under the one write lock, and a second writer waits up to the busy timeout instead
  of failing half-way. Read-only sessions (execution option ``shomar_write=False``) use a
  plain ``BEGIN``: a consistent snapshot that takes no lock.
* **PostgreSQL**: writers run concurrently; :func:`serialize` takes a transaction-scoped advisory
  lock where a chain or a counter is appended (audit head, person ids, decisions, sources), and
  ``lock_timeout`` bounds the wait by the same busy timeout.

:func:`translated_errors` turns the driver's errors into Shomar's: unique and other integrity
violations into :class:`~shomar.errors.ConflictError`, locks held too long, serialization
failures and deadlocks into :class:`~shomar.errors.BusyError`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL, Connection, Dialect, Engine
from sqlalchemy.orm import Session

from shomar.errors import BusyError, ConflictError
from shomar.store.jsontext import dumps

#: execution option: ``False`` opens a read-only transaction (SQLite: no write lock)
WRITE_OPTION = "shomar_write"
_LOCK_NAMESPACE = 0x5348  # "SH": the first key of every Shomar advisory lock
#: SQLSTATEs of PostgreSQL errors that mean "busy, try again"
_PG_BUSY = {"55P03", "40001", "40P01", "57014"}  # lock timeout, serialization, deadlock, cancel
BUSY_HINT = "The workspace is busy (another import or linkage is running); try again."


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _busy_timeout(seconds: float | None) -> float:
    if seconds is not None:
        return seconds
    from shomar.config import settings

    return settings().busy_timeout


def make_engine(
    url: str, *, schema: str | None = None, busy_timeout: float | None = None
) -> Engine:
    """Create an engine with each backend's settings.

    SQLite: foreign keys on, WAL journal, ``BEGIN IMMEDIATE`` for writes, the busy timeout.
    PostgreSQL: psycopg 3; the busy timeout as ``lock_timeout``; an optional ``schema`` becomes
    the search path (tests isolate themselves this way); ``options`` in the URL are kept
    (:func:`postgres_options`).
    """
    timeout = _busy_timeout(busy_timeout)
    pool = _pool_sizes()
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"timeout": timeout}, json_serializer=dumps, **pool
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            write = connection.get_execution_options().get(WRITE_OPTION, True)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    parsed = make_url(url)
    return create_engine(
        parsed.difference_update_query(["options"]),
        connect_args={"options": postgres_options(parsed, timeout, schema)},
        pool_pre_ping=True,
        json_serializer=dumps,
        **pool,
    )


#: connections a pool opens beyond its size for a moment (a session opened inside another)
POOL_OVERFLOW = 5


def _pool_sizes() -> dict[str, int]:
    """The pool keeps a connection per web request thread (``web_threads``), so connections are
    not opened and dropped under load; at most ``POOL_OVERFLOW`` more for a moment."""
    from shomar.config import settings

    return {"pool_size": settings().web_threads, "max_overflow": POOL_OVERFLOW}


def postgres_options(url: URL, timeout: float, schema: str | None = None) -> str:
    """libpq ``options`` for a connection: the URL's own (``?options=-csearch_path%3Dfoo``)
    first, then ``lock_timeout`` and the ``schema`` as search path, which win over the URL's.

    The driver takes ``options`` from the connect arguments *instead of* the URL's, so both are
    joined here; dropping the URL's would send a server's queries to the wrong schema.
    """
    given = url.query.get("options", ())
    options = [given] if isinstance(given, str) else list(given)
    options.append(f"-clock_timeout={int(timeout * 1000)}")
    if schema:
        options.append(f"-csearch_path={schema}")
    return " ".join(o for o in options if o)


def reader(engine: Engine) -> Engine:
    """The same engine for read-only transactions: one snapshot, no write lock.

    SQLite: a deferred ``BEGIN`` (WAL gives the snapshot). PostgreSQL: ``REPEATABLE READ``, so
    every statement of the read sees the same committed state.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True, **{WRITE_OPTION: False}
        )
    return engine.execution_options(**{WRITE_OPTION: False})


def serialize(session: Session, name: str) -> None:
    """Serialise writers on ``name`` until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock, keyed by the workspace's schema and
    ``name`` (advisory locks are database-wide: two workspaces in two schemas of one database
    must not wait for each other). SQLite: nothing to do — the write transaction already holds
    the database's one write lock (``BEGIN IMMEDIATE``).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text(
            "SELECT pg_advisory_xact_lock(:namespace, "
            "('x' || substr(md5(current_schema() || '/' || :name), 1, 8))::bit(32)::int)"
        ),
        {"namespace": _LOCK_NAMESPACE, "name": name},
    )


def _same_text(text: str) -> str:
    return text


def json_text_binder(dialect: Dialect) -> Callable[[str], Any] | None:
    """How the driver takes a JSON column's value given as JSON text already made (by the
    engine's own serializer, :data:`shomar.store.jsontext.dumps`, so the same bytes are stored).

    SQLite stores JSON as the text itself. psycopg wraps a JSON value in ``Json``, whose
    ``dumps`` here gives the text back as it is.
    """
    if dialect.name != "postgresql":
        return None
    from psycopg.types.json import Json

    return functools.partial(Json, dumps=_same_text)


def copy_rows(
    connection: Connection, table: Table, names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> bool:
    """Write ``rows`` (values in the order of the column ``names``, already converted by the
    columns' bind processors) with PostgreSQL's ``COPY ... FROM STDIN``; ``False`` where the
    backend has no such path (SQLite), and the caller inserts them itself.

    psycopg sends the rows as one stream in the connection's own transaction, which on a
    large import took a fifth of the time of ``executemany``'s one statement per row
    (``benchmarks/ingest``); a failure is raised as SQLAlchemy's own error for it (a unique
    violation as ``IntegrityError``), so :func:`translated_errors` treats both paths alike.
    """
    if connection.dialect.name != "postgresql":
        return False
    import psycopg

    quote = connection.dialect.identifier_preparer
    statement = (
        f"COPY {quote.format_table(table)} ({', '.join(map(quote.quote, names))}) FROM STDIN"
    )
    driver = connection.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as error:
        raise exc.DBAPIError.instance(
            statement, None, error, psycopg.Error, dialect=connection.dialect
        ) from error
    return True


def _sqlstate(error: exc.DBAPIError) -> str:
    orig = error.orig
    return str(getattr(orig, "sqlstate", "") or getattr(orig, "pgcode", "") or "")


def is_busy(error: exc.DBAPIError) -> bool:
    if _sqlstate(error) in _PG_BUSY:
        return True
    message = str(error.orig).lower()
    return "database is locked" in message or "database is busy" in message


@contextmanager
def translated_errors() -> Iterator[None]:
    """Database errors as Shomar errors, with what happened and what to do next."""
    try:
        yield
    except exc.IntegrityError as error:
        detail = str(error.orig).splitlines()[0] if error.orig else str(error)
        raise ConflictError(
            f"The change conflicts with what is stored ({detail}).",
            hint="Someone else changed the workspace at the same time: look again and retry.",
        ) from error
    except exc.DBAPIError as error:
        if is_busy(error):
            raise BusyError(
                BUSY_HINT,
                hint=f"Shomar waited {_busy_timeout(None):g} s for the other writer "
                "(SHOMAR_BUSY_TIMEOUT sets how long).",
            ) from error
        raise


__all__ = [
    "BUSY_HINT",
    "WRITE_OPTION",
    "copy_rows",
    "is_busy",
    "is_sqlite",
    "json_text_binder",
    "make_engine",
    "postgres_options",
    "reader",
    "serialize",
    "translated_errors",
]
