"""Inserting many rows at once, for the importer's batches.

``session.execute(insert(table), rows)`` builds the parameters of every row through
SQLAlchemy's per-row machinery, which costs more than the database's own work on large
imports. :func:`insert_rows` compiles the statement once per dialect and column set, converts
the values column by column with the column type's own bind processor (the same conversion
SQLAlchemy applies: dates, JSON, encrypted fields; a date or time object an import repeats is
converted once), and hands the driver one ``executemany``, or on PostgreSQL one ``COPY``
stream (:func:`shomar.store.dialects.copy_rows`). :func:`insert_values` takes the rows as
tuples, without a dictionary per row. Nothing here branches on the dialect: the compiled
statement says whether the driver takes positional or named parameters.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Date, DateTime, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from shomar.store.dialects import copy_rows, json_text_binder

Processor = Callable[[Any], Any] | None


@functools.cache
def _compiled(
    table: Table, names: tuple[str, ...], dialect: Dialect, json_texts: frozenset[str]
) -> tuple[str, tuple[str, ...] | None, tuple[Processor, ...], tuple[bool, ...]]:
    statement = insert(table).values({name: bindparam(name) for name in names})
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
    columns = [table.c[name] for name in (order or names)]
    as_text = json_text_binder(dialect)
    processors = tuple(
        as_text
        if column.name in json_texts
        else column.type.dialect_impl(dialect).bind_processor(dialect)
        for column in columns
    )
    repeats = tuple(isinstance(column.type, Date | DateTime) for column in columns)
    return str(compiled), order, processors, repeats


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    json_texts: frozenset[str] = frozenset(),
) -> None:
    """Insert ``rows`` (each a mapping of every column to insert; the first row's keys).

    ``json_texts`` names JSON columns whose values are given as their JSON text already
    (made by the engine's serializer, :data:`shomar.store.jsontext.dumps`).
    """
    if not rows:
        return
    names = tuple(rows[0])
    take = operator.itemgetter(*names)
    insert_values(
        session,
        table,
        names,
        list(map(take, rows)) if len(names) > 1 else [(take(row),) for row in rows],
        json_texts,
    )


def insert_values(
    session: Session,
    table: Table,
    names: tuple[str, ...],
    rows: Sequence[Sequence[Any]],
    json_texts: frozenset[str] = frozenset(),
) -> None:
    """Insert ``rows`` given as values in the order of the column ``names``."""
    if not rows:
        return
    connection = session.connection()
    sql, order, processors, repeats = _compiled(table, names, connection.dialect, json_texts)
    columns = [list(column) for column in zip(*rows, strict=True)]
    if order is not None and order != names:
        position = {name: index for index, name in enumerate(names)}
        columns = [columns[position[name]] for name in order]
    for values, process, repeat in zip(columns, processors, repeats, strict=True):
        if process is not None:
            _convert(values, process, repeat)
    if copy_rows(connection, table, order or names, zip(*columns, strict=True)):
        return
    if order is not None:
        params: list[Any] = list(zip(*columns, strict=True))
    else:
        params = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    connection.exec_driver_sql(sql, params)


def _convert(values: list[Any], process: Callable[[Any], Any], repeat: bool) -> None:
    """Apply a column's bind processor in place; to dates and times (an import repeats the
    same objects: one creation time, dates parsed once per distinct cell) once per object."""
    if not repeat:
        values[:] = map(process, values)
        return
    # by identity, which is exact whatever the type's equality; the loops run in C
    distinct = dict(zip(map(id, values), values, strict=True))
    done = {key: process(value) for key, value in distinct.items()}
    values[:] = map(done.__getitem__, map(id, values))
