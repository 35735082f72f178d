"""Issue 9 items 6-8 and issue 15 item 5 in the workspace: no record left out silently, stale
estimates marked, stratified runs that skip (not abort), pooling over linkages that widens."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from shomar.services.comparison import UNSPECIFIED, compare_event
from shomar.services.estimation import run_event_estimates, stratum_label
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.services.linkage import link_workspace
from shomar.simulation import SimulationSpec, simulate
from shomar.store.workspace import Workspace, open_workspace
from support.principals import ADMIN

SPEC = SimulationSpec(seed=33, size=300, lists=3)
BLANKED = 40  # records of each list whose violation type is removed before import


def _blank_violations(path: Path, n: int) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows[:n]:
        row["violation"] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _workspace(root: Path) -> Workspace:
    sim = simulate(root / "input", SPEC)
    for path in sim.list_files:
        _blank_violations(path, BLANKED)
    ws = open_workspace(root / "ws", create=True)
    add_event(ws, SPEC.event, principal=ADMIN)
    for path in sim.list_files:
        import_file(ws, path, path.stem, principal=ADMIN)
    link_workspace(ws, principal=ADMIN)
    return ws


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = _workspace(tmp_path_factory.mktemp("honest"))
    yield ws
    ws.close()


def test_records_without_violation_are_named_not_dropped(linked: Workspace) -> None:
    (run,) = run_event_estimates(linked, SPEC.event, principal=ADMIN, methods=["loglinear"], seed=1)
    left = run.result["left_out"]
    blank = [item for item in left if "no violation type" in item["reason"]]
    assert blank and blank[0]["records"] == BLANKED * SPEC.lists
    assert any(
        f"{BLANKED * SPEC.lists:,} record(s) of this event left out" in w
        for w in run.result["warnings"]
    )
    views = {v.counted: v for v in compare_event(linked, principal=ADMIN)}
    assert UNSPECIFIED in views
    assert views[UNSPECIFIED].documented is not None and views[UNSPECIFIED].documented > 0
    assert any("have no violation type" in w for w in views["killed"].to_dict()["warnings"])


def test_unspecified_can_be_estimated_and_says_what_it_is(linked: Workspace) -> None:
    runs = run_event_estimates(
        linked, SPEC.event, principal=ADMIN, methods=["loglinear"], counted=UNSPECIFIED, seed=1
    )
    assert runs and runs[-1].result["observed"] > 0
    assert any("WITHOUT a violation type" in w for w in runs[-1].result["warnings"])


def test_stratified_run_skips_unestimable_strata_and_says_what_the_total_covers(
    linked: Workspace,
) -> None:
    runs = run_event_estimates(
        linked, SPEC.event, principal=ADMIN, methods=["loglinear"], by="province", seed=1
    )
    total = next(r for r in runs if r.stratum == "")
    settings = total.result["settings"]
    assert settings["skipped_strata"], "small provinces cannot be estimated"
    assert all(s["reason"] for s in settings["skipped_strata"])
    parts = [r for r in runs if r.stratum]
    assert settings["records_covered"] == sum(r.result["observed"] for r in parts)
    assert total.result["warnings"][0].startswith("the total covers") or any(
        w.startswith("the total covers") for w in total.result["warnings"]
    )
    labels = [r.stratum for r in parts] + [s["stratum"] for s in settings["skipped_strata"]]
    assert not any("IR-" in label for label in labels)  # provinces by name, not ISO code


def test_province_label_has_both_scripts() -> None:
    label = stratum_label("province", "IR-23")
    assert label.startswith("Tehran") and "تهران" in label


def test_pooled_linkages_never_narrower_than_median_single(linked: Workspace) -> None:
    (run,) = run_event_estimates(
        linked, SPEC.event, principal=ADMIN, methods=["loglinear"], seed=2, linkages=4
    )
    spread = run.result["diagnostics"]["linkage_uncertainty"]
    low, high = run.result["interval"]
    assert high - low >= spread["median_single_width"] - 1e-6
    assert spread["interval_width_ratio"] >= 1 - 1e-9
    assert 0 <= run.result["linkage_variance_share"] <= 1


def test_estimates_become_stale_after_a_new_linkage_run(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    try:
        run_event_estimates(ws, SPEC.event, principal=ADMIN, methods=["loglinear"], seed=1)
        (view,) = [v for v in compare_event(ws, principal=ADMIN) if v.counted == "killed"]
        assert not view.estimates[0].stale
        link_workspace(ws, principal=ADMIN)
        (view,) = [v for v in compare_event(ws, principal=ADMIN) if v.counted == "killed"]
        estimate = view.to_dict()["estimates"][0]
        assert estimate["stale"] is True
        assert "linkage run" in estimate["stale_reason"]
        assert any("stale" in w for w in view.warnings)
        run_event_estimates(ws, SPEC.event, principal=ADMIN, methods=["loglinear"], seed=1)
        (view,) = [v for v in compare_event(ws, principal=ADMIN) if v.counted == "killed"]
        assert len(view.estimates) == 1 and not view.estimates[0].stale  # only the latest
    finally:
        ws.close()
