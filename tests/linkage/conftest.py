"""Small simulated cross-script lists shared by the linkage tests (generated once per session)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from shomar.simulation import SimulationSpec, simulate


@pytest.fixture(scope="session")
def sim_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four synthetic lists about 400 victims (seed 7), with the truth."""
    folder = tmp_path_factory.mktemp("sim")
    simulate(folder, SimulationSpec(seed=7, size=400, lists=4))
    return folder


@pytest.fixture(scope="session")
def sim_records(sim_dir: Path) -> pd.DataFrame:
    from shomar.linkage.standalone import read_lists

    return read_lists(sorted(sim_dir.glob("synthetic_list_*.csv")))


@pytest.fixture(scope="session")
def sim_truth(sim_dir: Path, sim_records: pd.DataFrame) -> list[str]:
    truth = pd.read_csv(sim_dir / "synthetic_truth.csv", dtype=str)
    merged = sim_records[["source", "record_id"]].merge(
        truth, on=["source", "record_id"], how="left"
    )
    return merged["person_id"].tolist()
