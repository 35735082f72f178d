"""The generated hostile corpus (SYNTHETIC, ``support.hostile_corpus``) through ``shomar import``.

Each of some 230 files runs through the real command (in-process) in a fresh copy of one
workspace: exit 0 or 1 and no traceback; a refusal names the file (and row and column where a
cell is at fault) and leaves every table and the raw-file folder as they were; an import adds
exactly the records the file holds and keeps its bytes under their SHA-256. ``SHOMAR_HOSTILE_SEED``
picks another seed (other names, row counts and positions of the same kinds).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.hostile_corpus import Case, cases
from support.hostile_run import run_case, template_workspace

SEED = int(os.environ.get("SHOMAR_HOSTILE_SEED", "1"))
CASES = cases(SEED)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_workspace(tmp_path_factory.mktemp("hostile-template"))


def test_the_corpus_has_every_family_and_some_200_files() -> None:
    kinds = {case.kind for case in CASES}
    assert len(kinds) == 15 and 150 <= len(CASES) <= 300
    assert len({case.name for case in CASES}) == len(CASES)  # one file name each


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_generated_hostile_file_keeps_the_import_contract(
    case: Case, template: Path, tmp_path: Path
) -> None:
    outcome = run_case(case, tmp_path, template)
    assert not outcome.faults, (outcome.faults, outcome.out[-800:], outcome.err[-800:])
    if case.expect != "either":
        assert outcome.code == (1 if case.expect == "refused" else 0)
