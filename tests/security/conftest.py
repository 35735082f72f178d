"""Fixtures for the security tests: a list with witness columns, seeded with findable values.

Every value is synthetic (this is test data, not records of real people).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shomar.security.principal import Principal, Role
from shomar.services.imports import import_file
from shomar.store.workspace import Workspace

OWNER = Principal("tester", Role.ADMIN)

#: sensitive values searched for in every file; long and unusual so no chance match occurs
SEEDED = {
    "witness_name": ["Witnessalpha Syntheticson", "شاهدآزمایشی نمونه‌ای"],
    "witness_contact": ["+98-0000-SYNTH-4471", "synthetic.contact@example.invalid"],
    "informant": ["Informantbeta Placeholder", "خبرچینآزمایشی"],
    "confidential_notes": ["Confidentialnote zebra-quartz-7731", "یادداشتمحرمانه‌آزمایشی"],
}
HEADER = (
    "record_id,full_name,sex,date,confidentiality,"
    "witness_name,witness_contact,informant,confidential_notes\n"
)


def seeded_csv() -> str:
    rows = [HEADER]
    for i in range(2):
        tier = "public" if i == 0 else "restricted"
        cells = ",".join(SEEDED[c][i] for c in SEEDED)
        rows.append(f"{i + 1},Synthetic Person {i + 1},male,2022-09-2{i},{tier},{cells}\n")
    rows.append("3,Synthetic Person 3,female,2022-10-01,public,,,,\n")
    return "".join(rows)


def seeded_values() -> list[str]:
    return [v for values in SEEDED.values() for v in values]


def leaks(data: bytes) -> list[str]:
    """Seeded values found in ``data`` in UTF-8, UTF-16-LE or UTF-16-BE."""
    found = []
    for value in seeded_values():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if value.encode(encoding) in data:
                found.append(f"{value!r} ({encoding})")
    return found


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


@pytest.fixture
def seeded_file(tmp_path: Path) -> Path:
    path = tmp_path / "witness-list.csv"
    path.write_text(seeded_csv(), encoding="utf-8")
    return path


@pytest.fixture
def seeded(workspace: Workspace, seeded_file: Path) -> Workspace:
    import_file(workspace, seeded_file, "Synthetic NGO", principal=OWNER)
    return workspace
