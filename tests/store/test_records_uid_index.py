"""Migration records_uid_01 drops ix_records_uid: the uid look-ups use the unique (uid, version)
index instead, and the migration goes down and up again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, inspect, select, text

from shomar.store import migrate
from shomar.store.dialects import make_engine
from shomar.store.tables import Record


def _record_indexes(engine: object) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes("records")}  # type: ignore[arg-type]


def test_down_and_up_again(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate.upgrade(engine)
    assert "ix_records_uid" not in _record_indexes(engine)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "web_perf_01")
    assert "ix_records_uid" in _record_indexes(engine)
    migrate.upgrade(engine)
    assert "ix_records_uid" not in _record_indexes(engine)
    engine.dispose()


def test_uid_look_ups_still_use_an_index(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate.upgrade(engine)
    latest = (
        select(Record.uid, func.max(Record.version).label("version"))
        .where(Record.uid.in_(["1:7", "1:8"]))
        .group_by(Record.uid)
        .subquery()
    )
    versions = select(Record.uid, Record.id, Record.version).join(
        latest, (latest.c.uid == Record.uid) & (latest.c.version == Record.version)
    )  # the import's look-up of earlier versions
    queries = [
        "SELECT id FROM records WHERE uid = '1:7'",
        str(versions.compile(engine, compile_kwargs={"literal_binds": True})),
    ]
    with engine.connect() as connection:
        for query in queries:
            plan = [str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}"))]
            on_records = [step for step in plan if " records " in f"{step} "]
            assert on_records, plan
            assert all("INDEX sqlite_autoindex_records" in step for step in on_records), plan
    engine.dispose()
