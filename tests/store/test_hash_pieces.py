"""A content hash made from pieces (an import's read and write phases) is record_hash's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from shomar.ingest import packed
from shomar.store.encrypted import Sealed
from shomar.store.integrity import (
    HASHED_COLUMNS,
    READ_AFTER_EVENT,
    READ_BEFORE_EVENT,
    hash_piece,
    raw_row_texts,
    record_hash,
    record_hash_of,
)

CREATED = dt.datetime(2026, 12, 2, 12, 30, tzinfo=dt.UTC)


def _row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(HASHED_COLUMNS, "")
    row.update(
        uid="3:۷", version=1, supersedes_id=None, source_id=3, document_id=9, sheet=None,
        row_number=12, record_key="۷", full_name='«محمد» "q" \u2028 \\', age=None,
        birth_start=dt.date(1961, 3, 21), birth_end=dt.date(1962, 3, 20), date_start=None,
        event_id=None, sensitive=None, witness_index=None, created=CREATED, created_by="root",
        raw_row=[["record_id", "۷"], ["full_name", "«محمد»"]],
    )  # fmt: skip
    row.update(changes)
    return row


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"event_id": 4, "version": 2, "supersedes_id": 17, "reason": "re-reported"},
        {"sensitive": Sealed(b"\x00\x01envelope"), "witness_index": "ab" * 16},
        {"sheet": "Sheet 1", "age": 34, "date_start": dt.date(5, 1, 2), "aliases": "x y"},
        {"created": dt.datetime(2026, 12, 2, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))},
        {"raw_row": []},
    ],
)
def test_pieces_give_the_same_hash(changes: dict[str, Any]) -> None:
    row = _row(**changes)
    hashed = raw_row_texts(row["raw_row"])[1]
    pieces = record_hash_of(
        [row[name] for name in HASHED_COLUMNS[:5]],
        hash_piece([row[name] for name in READ_BEFORE_EVENT]),
        row["event_id"],
        hash_piece([row[name] for name in READ_AFTER_EVENT]),
        (row["sensitive"], row["witness_index"]),
        hashed,
        hash_piece((row["created"], row["created_by"], row["reason"])),
    )
    assert pieces == record_hash(row) == record_hash(row, hashed)


def test_a_packed_row_carries_the_read_phase_pieces() -> None:
    row = _row(date_start=dt.date(1988, 7, 23))
    values = {name: row[name] for name in packed.FIELDS if name != "raw_row"}
    values.update(raw_row=raw_row_texts(row["raw_row"]), has_record_id=True)
    del values["birth_end"]  # a row may lack a column: it gets the column's default
    one = packed.pack(values)
    assert one[packed.UID_TAIL] == "7" and not one[packed.IN_DOCUMENT]  # ASCII digits
    assert one[packed.at("birth_end")] is None
    assert one[packed.at("raw_row")] == raw_row_texts(row["raw_row"])[0]
    row["birth_end"] = None
    assert one[packed.BEFORE_EVENT] == hash_piece([row[n] for n in READ_BEFORE_EVENT])
    assert packed.pack(packed.unpack(one)) == one  # a second pass gives the row back


def test_name_search_keys_are_made_once_per_row() -> None:
    from shomar.domain.name_search import NO_NAME_KEY, name_search_keys, word_key

    keys = name_search_keys(("Ali  Reza", None, "", "Reza"))
    assert keys == tuple(sorted({word_key("Ali"), word_key("Reza")}))
    assert name_search_keys(("", None, "", "")) == (NO_NAME_KEY,)
