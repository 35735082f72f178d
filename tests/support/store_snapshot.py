"""Small input files and a snapshot of the store, for tests that check nothing changed."""

from __future__ import annotations

from sqlalchemy import func, select

from shomar.store.tables import Base
from shomar.store.workspace import Workspace

HEADER = "record_id,full_name,sex,age,date,place,violation,event\n"
ROWS = (
    "1,علی رضایی,مرد,24,۱۳۹۸/۰۸/۲۴,تهران,کشته شده,Synthetic test event\n"
    "2,Maryam Ahmadi,F,31,Aban 1398,Shiraz,killing,Synthetic test event\n"
)


def snapshot(ws: Workspace) -> dict[str, int]:
    """Row counts of every table plus the number of stored raw files."""
    with ws.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()
        }
    counts["blobs"] = sum(1 for p in ws.documents_dir.rglob("*") if p.is_file())
    return counts
