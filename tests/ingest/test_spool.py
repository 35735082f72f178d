"""The spool gives back exactly the batches written, in order, any number of times."""

from __future__ import annotations

import datetime as dt

from shomar.ingest.spool import Spool


def test_batches_come_back_as_written() -> None:
    day = dt.date(1988, 7, 19)
    batches = [
        [
            {"full_name": "«محمد»", "date_start": day, "raw_row": [["a", "b"]]},
            {"full_name": "Ali", "date_start": day, "raw_row": []},
            {"date_start": None, "full_name": "", "pending_dates": ["date"]},  # other keys, order
        ],
        [],
        [1, "two", (3,)],  # not dictionaries: kept as they are
        [{"sensitive_fields": {"witness_name": "X"}}],
    ]
    with Spool() as spool:
        for batch in batches:
            spool.write(batch)
        first, second = list(spool), list(spool)
    assert first == second == batches
    assert [list(row) for row in first[0]] == [list(row) for row in batches[0]]  # key order
    assert first[0][0]["date_start"] is first[0][1]["date_start"]  # shared objects stay shared


def test_nothing_readable_on_disk(tmp_path: object) -> None:
    with Spool() as spool:
        spool.write([{"witness_name": "UNIQUE-WITNESS-NAME"}])
        spool._file.flush()
        spool._file.seek(0)
        assert b"UNIQUE-WITNESS-NAME" not in spool._file.read()


def test_packed_rows_come_back_as_written() -> None:
    from shomar.ingest import packed
    from shomar.store.integrity import raw_row_texts

    day = dt.date(1988, 7, 23)
    values = {name: "" for name in packed.FIELDS}
    values.update(row_number=2, age=None, date_start=day, date_end=day, record_key="7",
                  has_record_id=True, raw_row=raw_row_texts([["record_id", "7"]]),
                  sensitive_fields={"witness_name": "UNIQUE-WITNESS"})  # fmt: skip
    batch = [packed.pack(values), packed.pack({**values, "row_number": 3, "has_record_id": False})]
    with Spool() as spool:
        spool.write(list(batch))
        spool._file.flush()
        spool._file.seek(0)
        assert b"UNIQUE-WITNESS" not in spool._file.read()
        (back,) = list(spool)
    assert back == batch
    assert back[0][packed.SECRET] == {"witness_name": "UNIQUE-WITNESS"}
