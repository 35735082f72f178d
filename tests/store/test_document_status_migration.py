"""The documents-status migration upgrades a store that already holds records (SQLite rebuild)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from shomar.store import migrate
from shomar.store.dialects import make_engine


def test_upgrade_keeps_documents_and_their_records(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (id, name, kind, description, created, created_by) "
                "VALUES (1, 'NGO', 'ngo', '', '2026-01-01', 't')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO documents (id, source_id, sha256, size, media_type, original_name,"
                " received_at, received_by, rows) VALUES (1, 1, :h, 3, 'text/csv', 'a.csv',"
                " '2026-01-01', 't', 1)"
            ),
            {"h": "a" * 64},
        )
        connection.execute(
            text(
                "INSERT INTO records (uid, version, source_id, document_id, record_key, full_name,"
                " given_name, family_name, father_name, aliases, birth_date_text, date_text,"
                " place, province, violation_text, event_text, perpetrator, notes,"
                " confidentiality, raw_row, created, created_by, reason) VALUES ('1:1', 1, 1, 1,"
                " '1', 'Reza', '', '', '', '', '', '', '', '', '', '', '', '', 'restricted',"
                " '[]', '2026-01-01', 't', '')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT status, status_reason FROM documents")).all() == [
            ("active", "")
        ]
        assert connection.execute(text("SELECT document_id FROM records")).scalar() == 1
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # the same bytes may now be a second document
        connection.execute(
            text(
                "INSERT INTO documents (source_id, sha256, size, media_type, original_name,"
                " received_at, received_by, rows) VALUES (1, :h, 3, 'text/csv', 'a.csv',"
                " '2026-01-02', 't', 1)"
            ),
            {"h": "a" * 64},
        )
    engine.dispose()
