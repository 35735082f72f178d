"""``shomar records sensitive``: a record's encrypted fields, decrypted and audited."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from shomar.store.tables import AuditEntry
from shomar.store.workspace import open_workspace

from .test_documents_cli import shomar

PHONE = "+98-912-555-0147"  # synthetic
LIST = f"record_id,full_name,witness_name,Witness phone\n۱,Ali Rezaei,Sara K.,{PHONE}\n2,B,,\n"


def test_records_sensitive_shows_the_witness_and_the_mappings_sealed_columns(
    tmp_path: Path,
) -> None:
    (tmp_path / "list.csv").write_text(LIST, encoding="utf-8")
    (tmp_path / "m.toml").write_text('sensitive = ["Witness phone"]\n', encoding="utf-8")
    imported = shomar("-w", "ws", "import", "list.csv", "-s", "NGO", "--mapping", "m.toml",
                      cwd=tmp_path)  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    shown = shomar("-w", "ws", "records", "sensitive", "NGO/1", "--json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    fields = json.loads(shown.stdout)["fields"]
    assert fields["witness_name"] == "Sara K."
    assert fields["column:Witness phone"] == PHONE
    table = shomar("-w", "ws", "records", "sensitive", "1:1", cwd=tmp_path)
    assert "Witness phone (column)" in table.stdout and PHONE in table.stdout
    empty = shomar("-w", "ws", "records", "sensitive", "1:2", cwd=tmp_path)
    assert "holds no sensitive values" in empty.stdout
    missing = shomar("-w", "ws", "records", "sensitive", "1:9", cwd=tmp_path)
    assert missing.returncode == 1 and "No record" in missing.stderr
    ws = open_workspace(tmp_path / "ws")
    try:
        with ws.read_session() as session:
            reads = [
                e.target
                for e in session.scalars(select(AuditEntry))
                if e.action == "records.read_sensitive"
            ]
    finally:
        ws.close()
    assert reads == ["record:1:1", "record:1:1", "record:1:2"]  # by uid, whatever was typed
