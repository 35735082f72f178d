"""The simulator's ground truth lists every person, and visibility can follow a covariate
(issue 15 items 1 and 7)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from shomar.estimation.capture import CaptureTable
from shomar.estimation.lcmcr import estimate_lcmcr
from shomar.estimation.strata import combine_strata
from shomar.simulation import SimulationSpec, simulate
from shomar.simulation.capture import capture_histories
from shomar.simulation.population import simulate_population
from shomar.simulation.truth import true_count


def test_persons_file_lists_every_person_captured_or_not(tmp_path: Path) -> None:
    spec = SimulationSpec(seed=5, size=400, lists=3)
    result = simulate(tmp_path, spec)
    assert result.persons_file is not None
    with result.persons_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == spec.size
    captured = [r for r in rows if r["captured"] == "1"]
    assert len(captured) == result.observed_persons < spec.size
    assert all(r["lists"] == "" for r in rows if r["captured"] == "0")
    with result.truth_file.open(encoding="utf-8", newline="") as handle:
        linked = {r["person_id"] for r in csv.DictReader(handle)}
    assert linked == {r["person_id"] for r in captured}
    assert {r["event"] for r in rows} == {spec.event}
    assert all(r["violation"] and r["sex"] in ("m", "f") and r["province_iso"] for r in rows)
    killed = true_count(result.persons_file, spec.event, ("killing",))
    assert 0 < killed.observed < killed.total < spec.size


def test_the_default_spec_draws_the_same_people_as_before(tmp_path: Path) -> None:
    # visibility by covariate is off by default and draws no extra random numbers
    plain = simulate(tmp_path / "a", SimulationSpec(seed=3, size=200, lists=3))
    tied = simulate(
        tmp_path / "b",
        SimulationSpec(seed=3, size=200, lists=3, visibility_by="sex", visibility_effects=()),
    )
    assert plain.list_files[0].read_bytes() == tied.list_files[0].read_bytes()


def test_visibility_can_follow_sex() -> None:
    spec = SimulationSpec(
        seed=9, size=3000, lists=4, heterogeneity=0.0, dependence=0.0,
        visibility_by="sex", visibility_effects=(("f", -2.0),),
    )  # fmt: skip
    rng = np.random.default_rng(spec.seed)
    victims = simulate_population(spec, rng)
    seen = capture_histories(spec, victims, rng).any(axis=1)
    women = np.array([v.sex == "f" for v in victims])
    assert seen[women].mean() < seen[~women].mean() - 0.2


def _stratified_tables(spec: SimulationSpec) -> dict[str, CaptureTable]:
    rng = np.random.default_rng(spec.seed)
    victims = simulate_population(spec, rng)
    histories = capture_histories(spec, victims, rng)
    names = tuple(spec.list_names())
    tables = {}
    for sex in ("m", "f"):
        rows = [h for v, h in zip(victims, histories, strict=True) if v.sex == sex]
        members = [{names[k] for k in np.flatnonzero(h)} for h in rows]
        tables[f"sex={sex}"] = CaptureTable.from_memberships(names, members)
    return tables


@pytest.mark.slow
def test_stratified_lcmcr_covers_when_visibility_depends_only_on_the_stratum() -> None:
    # 10 replicates (2 cores shared: few), N = 1,500, four lists, no heterogeneity or list
    # dependence within a stratum; women far less visible than men.
    covered = 0
    replicates = 10
    for seed in range(replicates):
        spec = SimulationSpec(
            seed=100 + seed, size=1500, lists=4, heterogeneity=0.0, dependence=0.0,
            visibility_by="sex", visibility_effects=(("f", -1.5),),
        )  # fmt: skip
        per = {
            s: estimate_lcmcr(
                t, seed=seed, K=5, chains=2, burnin=1_000, samples=500, thinning=10, extend=False
            )
            for s, t in _stratified_tables(spec).items()
        }
        total = combine_strata("lcmcr", per)
        covered += total.interval[0] <= spec.size <= total.interval[1]
    assert covered / replicates >= 0.9
