"""Inserting many rows at once, for the importer's batches.

``session.execute(insert(table), rows)`` builds the parameters of every row through
SQLAlchemy's per-row machinery, which costs more than the database's own work on large
imports. :func:`insert_rows` compiles the statement once per dialect and column set, converts
each value with the column type's own bind processor (the same conversion SQLAlchemy applies:
dates, JSON, encrypted fields), and hands the driver one ``executemany``. Nothing here branches
on the dialect: the compiled statement says whether the driver takes positional or named
parameters.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None


@functools.cache
def _compiled(
    table: Table, names: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[str, ...] | None, tuple[Processor, ...]]:
    statement = insert(table).values({name: bindparam(name) for name in names})
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
    processors = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        for name in (order or names)
    )
    return str(compiled), order, processors


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (each a mapping of every column to insert; the first row's keys)."""
    if not rows:
        return
    connection = session.connection()
    names = tuple(rows[0])
    sql, order, processors = _compiled(table, names, connection.dialect)
    keys = order or names
    take = operator.itemgetter(*keys)
    convert = [(i, p) for i, p in enumerate(processors) if p is not None]
    params: list[Any] = []
    for row in rows:
        values = list(take(row)) if len(keys) > 1 else [take(row)]
        for i, process in convert:
            values[i] = process(values[i])
        params.append(tuple(values) if order is not None else dict(zip(keys, values, strict=True)))
    connection.exec_driver_sql(sql, params)
