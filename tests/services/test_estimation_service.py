"""Workspace estimation: capture tables from persons, stored runs, strata, linkage pooling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shomar.errors import EstimationError
from shomar.services.estimation import run_event_estimates
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.services.linkage import link_workspace
from shomar.simulation import SimulationSpec, simulate
from shomar.store.tables import EstimateRun
from shomar.store.workspace import Workspace, open_workspace
from support.principals import ADMIN

SPEC = SimulationSpec(seed=21, size=400, lists=3)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("est")
    sim = simulate(root / "input", SPEC)
    ws = open_workspace(root / "ws", create=True)
    add_event(ws, SPEC.event, principal=ADMIN)
    for path in sim.list_files:
        import_file(ws, path, path.stem, principal=ADMIN)
    link_workspace(ws, principal=ADMIN)
    yield ws
    ws.close()


def test_runs_are_stored_with_inputs_and_provenance(linked: Workspace) -> None:
    (run,) = run_event_estimates(linked, SPEC.event, methods=["dga"], seed=5, principal=ADMIN)
    assert run.result["estimate"] >= run.result["observed"] > 0
    with linked.session() as session:
        row = session.get(EstimateRun, run.run_id)
        assert row is not None
        assert row.input_hash and row.table_csv.startswith("synthetic_list_A")
        assert row.seed == 5 and row.versions["shomar"]
        assert row.settings["counted"] == "killed"
    again = run_event_estimates(linked, SPEC.event, methods=["dga"], seed=5, principal=ADMIN)[0]
    assert again.result["estimate"] == run.result["estimate"]  # same seed, same answer


def test_stratified_runs_combine_strata(linked: Workspace) -> None:
    runs = run_event_estimates(
        linked, SPEC.event, methods=["dga"], by="sex", seed=2, principal=ADMIN
    )
    strata = {r.stratum for r in runs}
    assert "" in strata and any(s.startswith("sex=") for s in strata)
    total = next(r for r in runs if r.stratum == "")
    parts = [r for r in runs if r.stratum]
    assert total.result["observed"] == sum(r.result["observed"] for r in parts)


def test_pooling_over_plausible_linkages_reports_the_spread(linked: Workspace) -> None:
    (run,) = run_event_estimates(
        linked, SPEC.event, methods=["loglinear"], seed=1, linkages=3, principal=ADMIN
    )
    spread = run.result["diagnostics"]["linkage_uncertainty"]
    assert spread["samples"] == 3 and spread["interval_width_ratio"] > 0
    assert any("linkage uncertainty" in w for w in run.result["warnings"])
    with pytest.raises(EstimationError, match="whole population"):
        run_event_estimates(
            linked, SPEC.event, methods=["dga"], by="sex", linkages=2, principal=ADMIN
        )


def test_no_persons_yet_says_what_to_do(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "empty", create=True)
    add_event(ws, "E", principal=ADMIN)
    with pytest.raises(EstimationError, match="link run"):
        run_event_estimates(ws, "E", methods=["dga"], principal=ADMIN)
    ws.close()
