"""A checked row as the spool carries it: a tuple in the order the write phase binds it.

The read phase (:func:`shomar.ingest.prepare.prepare`) turns each row's values into one tuple:
what the write phase needs to finish the record (the end of its identity, the fields to seal,
the name-search keys) and the record's columns in :data:`FIELDS` order, with the parts of its
content hash that do not depend on the store already made
(:func:`shomar.store.integrity.hash_piece`). The write phase then only adds what the store
decides (uid, version, event id, sealed fields, hash) and binds: the encoding is done before
the write lock is taken, and a tuple costs far less to spool than a dictionary of 30 keys.
"""

from __future__ import annotations

import functools
import operator
from typing import Any, cast

from sqlalchemy import Table

from shomar.domain.name_search import INDEXED_NAMES, name_search_keys
from shomar.domain.names_key import ascii_digits
from shomar.store.integrity import READ_AFTER_EVENT, READ_BEFORE_EVENT, hash_piece
from shomar.store.tables import Record

#: the record columns the read phase fills, in the order of the packed row (and of the hash:
#: the hashed ones first, as :data:`READ_BEFORE_EVENT` and :data:`READ_AFTER_EVENT`)
FIELDS: tuple[str, ...] = (*READ_BEFORE_EVENT, *READ_AFTER_EVENT, "raw_row")

# the positions in a packed row: the write phase's inputs, then the FIELDS
UID_TAIL, IN_DOCUMENT, SECRET, BEFORE_EVENT, AFTER_EVENT, RAW_HASHED, PENDING, NAME_KEYS = range(8)
#: where the FIELDS start
AT = 8
_BEFORE, _AFTER = len(READ_BEFORE_EVENT), len(READ_BEFORE_EVENT) + len(READ_AFTER_EVENT)


_INDEXED = operator.itemgetter(*INDEXED_NAMES)


def at(name: str) -> int:
    """The position of the column ``name`` in a packed row."""
    return AT + FIELDS.index(name)


ROW_NUMBER, SHEET, RECORD_KEY, EVENT_TEXT = (
    at("row_number"), at("sheet"), at("record_key"), at("event_text")
)  # fmt: skip


@functools.cache
def _defaults() -> tuple[Any, ...]:
    """Each of FIELDS' column default: what a row without the value stores."""
    columns = cast(Table, Record.__table__).columns
    out = []
    for name in FIELDS:
        default = getattr(columns[name].default, "arg", None)
        out.append(None if callable(default) else default)
    return tuple(out)


def pack(values: dict[str, Any]) -> tuple[Any, ...]:
    """A row's values (:func:`~shomar.ingest.validate.row_to_values` and the read phase's
    additions; ``raw_row`` as its stored and hashed JSON texts) as the spool carries them."""
    stored, hashed = values["raw_row"]
    fields = tuple(map(values.get, FIELDS, _defaults()))
    fields = (*fields[:-1], stored)
    secret = values.get("sensitive_fields") or None
    if secret is not None and not any(secret.values()):
        secret = None
    has_record_id = values.get("has_record_id", False)
    return (
        ascii_digits(values["record_key"]) if has_record_id else values["record_key"],
        not has_record_id,
        secret,
        hash_piece(fields[:_BEFORE]),
        hash_piece(fields[_BEFORE:_AFTER]),
        hashed,
        values.get("pending_dates"),
        name_search_keys(_INDEXED(values)),
        *fields,
    )


def unpack(row: tuple[Any, ...]) -> dict[str, Any]:
    """The values of a packed row, by column (for a second pass over the spool)."""
    values = dict(zip(FIELDS, row[AT:], strict=True))
    values["raw_row"] = (values["raw_row"], row[RAW_HASHED])
    values["sensitive_fields"] = row[SECRET]
    values["has_record_id"] = not row[IN_DOCUMENT]
    if row[PENDING] is not None:
        values["pending_dates"] = row[PENDING]
    return values
