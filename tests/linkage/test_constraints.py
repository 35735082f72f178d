"""Human "different" decisions are hard constraints on persons, whatever chain joins them.

Random scored pairs and random (consistent) decision sets: no person may contain two records
a human called different, and every pair called same is one person — in the best linkage and
in every sampled linkage, and through the workspace's full and incremental runs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shomar.linkage.cluster import cluster_pairs
from shomar.linkage.uncertainty import sample_linkages


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[int, pd.DataFrame, list[tuple[int, int]], list[tuple[int, int]]]:
    n = draw(st.integers(2, 14))
    truth = draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))
    edges = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0.0, 1.0)),
            max_size=40,
        )
    )
    rows = {(min(a, b), max(a, b)): p for a, b, p in edges if a != b}
    pairs = pd.DataFrame(
        [(a, b, p) for (a, b), p in rows.items()],
        columns=["unique_id_l", "unique_id_r", "match_probability"],
    )
    decided = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12))
    must = [(a, b) for a, b in decided if a != b and truth[a] == truth[b]]
    cannot = [(a, b) for a, b in decided if truth[a] != truth[b]]
    return n, pairs, must, cannot


def _check(labels: np.ndarray, must: list[tuple[int, int]], cannot: list[tuple[int, int]]) -> None:
    for a, b in cannot:
        assert labels[a] != labels[b], f"records {a} and {b} were called different"
    for a, b in must:
        assert labels[a] == labels[b], f"records {a} and {b} were called the same"


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.floats(0.0, 1.0))
def test_no_person_holds_two_records_called_different(
    scenario: tuple[int, pd.DataFrame, list[tuple[int, int]], list[tuple[int, int]]],
    threshold: float,
) -> None:
    n, pairs, must, cannot = scenario
    _check(cluster_pairs(n, pairs, threshold, must_link=must, cannot_link=cannot), must, cannot)
    rng = np.random.default_rng(0)
    for labels in sample_linkages(pairs, n, 3, rng, must_link=must, cannot_link=cannot):
        _check(labels, must, cannot)


@pytest.mark.slow
def test_workspace_runs_respect_random_decisions(tmp_path: Path) -> None:
    """Full run, random decisions, then incremental and --full runs: every person checked."""
    from shomar.services.imports import import_file
    from shomar.services.linkage import decide, link_workspace, list_persons
    from shomar.simulation import SimulationSpec, simulate
    from shomar.store.workspace import init_workspace
    from support.principals import ADMIN

    result = simulate(tmp_path / "lists", SimulationSpec(seed=21, size=120, lists=3))
    ws = init_workspace(tmp_path / "ws")
    try:
        for path in result.list_files[:2]:
            import_file(ws, path, path.stem, principal=ADMIN)
        link_workspace(ws, principal=ADMIN)

        def persons() -> dict[str, str]:
            return {
                u: p.person_id for p in list_persons(ws, principal=ADMIN) for u in p.record_uids
            }

        rng = np.random.default_rng(5)
        person = persons()
        by_person: dict[str, list[str]] = {}
        for uid, pid in person.items():
            by_person.setdefault(pid, []).append(uid)
        multi = [uids for uids in by_person.values() if len(uids) >= 2]
        different: list[tuple[str, str]] = []
        for uids in [
            multi[int(i)] for i in rng.choice(len(multi), size=min(8, len(multi)), replace=False)
        ]:
            a, b = sorted(uids)[:2]
            decide(ws, a, b, "different", reason="property test", principal=ADMIN)
            different.append((a, b))
        for run in ("incremental", "import", "full"):
            if run == "import":
                path = result.list_files[2]
                import_file(ws, path, path.stem, principal=ADMIN)
            link_workspace(ws, principal=ADMIN, full=run == "full")
            person = persons()
            for a, b in different:
                assert person[a] != person[b], f"{run}: {a} and {b} were called different"
    finally:
        ws.close()
