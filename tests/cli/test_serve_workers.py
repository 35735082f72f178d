"""`shomar serve` picks its worker processes from the store when not told."""

from __future__ import annotations

import pytest

from shomar.cli.serve_cmd import default_workers

PG = "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize("url", [None, "sqlite:////tmp/ws/shomar.db"])
def test_sqlite_gets_one_worker_which_also_runs_the_jobs(url: str | None) -> None:
    assert default_workers(url, 8) == 1


@pytest.mark.parametrize(("cpus", "workers"), [(None, 2), (1, 2), (2, 2), (3, 3), (16, 4)])
def test_postgresql_gets_one_worker_per_core_from_2_to_4(cpus: int | None, workers: int) -> None:
    assert default_workers(PG, cpus) == workers
