"""Public export: tiers decide what leaves, cells are spreadsheet-safe, and it is audited."""

from __future__ import annotations

import csv
from pathlib import Path

from shomar.services.export import audit_status, export_public
from shomar.services.imports import import_file
from shomar.store.workspace import Workspace
from support.principals import ADMIN


def test_public_export_redacts_and_neutralises_formulas(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "list.csv"
    source.write_text(
        "record_id,full_name,father_name,notes,confidentiality\n"
        "1,=cmd|' /C calc'!A0,Hassan,informant: X,public\n"
        "2,Sara Karimi,Reza,witness phone,confidential\n"
        "3,Ali Ahmadi,,,restricted\n",
        encoding="utf-8",
    )
    import_file(workspace, source, "Synthetic NGO", principal=ADMIN)
    out = tmp_path / "public.csv"
    exported, withheld = export_public(workspace, out, principal=ADMIN)
    assert (exported, withheld) == (1, 2)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["full_name"] == "'=cmd|' /C calc'!A0"
    assert "father_name" not in rows[0] and "notes" not in rows[0]
    text = out.read_text(encoding="utf-8")
    assert "Sara" not in text and "informant" not in text and "Hassan" not in text
    count, broken = audit_status(workspace, principal=ADMIN)
    assert count == 2 and broken is None  # the import and the export
