"""The simulator: reproducible, labeled synthetic, consistent ground truth, both scripts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from shomar.simulation import SimulationSpec, simulate
from shomar.text import detect_script


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = simulate(tmp_path / "a", SimulationSpec(seed=3, size=300, lists=3))
    b = simulate(tmp_path / "b", SimulationSpec(seed=3, size=300, lists=3))
    for fa, fb in zip(a.list_files, b.list_files, strict=True):
        assert fa.read_bytes() == fb.read_bytes()
    c = simulate(tmp_path / "c", SimulationSpec(seed=4, size=300, lists=3))
    assert c.list_files[0].read_bytes() != a.list_files[0].read_bytes()


def test_truth_matches_lists_and_is_labeled(tmp_path: Path) -> None:
    result = simulate(tmp_path, SimulationSpec(seed=1, size=500, lists=4))
    truth = _rows(result.truth_file)
    assert len(truth) == result.records
    persons = {row["person_id"] for row in truth}
    assert len(persons) == result.observed_persons <= result.true_n
    for path in result.list_files:
        assert path.name.startswith("synthetic_")
        rows = _rows(path)
        assert all("SYNTHETIC" in row["notes"] for row in rows)
        ids = {r["record_id"] for r in rows}
        assert ids == {t["record_id"] for t in truth if t["source"] == path.stem}
    summary = json.loads(result.population_file.read_text(encoding="utf-8"))
    assert summary["synthetic"] is True and summary["true_n"] == 500


def test_lists_use_both_scripts_and_overlap(tmp_path: Path) -> None:
    result = simulate(tmp_path, SimulationSpec(seed=2, size=800, lists=4))
    scripts = set()
    for path in result.list_files:
        row = _rows(path)[0]
        name = row["full_name"] or row["given_name"]
        scripts.add(detect_script(name))
    assert {"persian", "latin"} <= scripts
    assert result.records > result.observed_persons  # some persons are on several lists


def test_messy_style_writes_each_failure_class(tmp_path: Path) -> None:
    from shomar.simulation.spec import STYLE_PRESETS, Noise

    rates = {k: 0.3 for k in Noise().to_dict()}
    rates["family_first"] = 1.0
    result = simulate(tmp_path, SimulationSpec(seed=5, size=600, lists=4, noise=Noise(**rates)))
    rows = [r for path in result.list_files for r in _rows(path)]
    dates = " ".join(r["date"] for r in rows)
    places = {r["place"] for r in rows}
    assert any(m in dates for m in ("Mordad 90", "Tir 90", "مهر ۹۰", "تیر ۹۰"))
    assert places & {"Evin Prison", "زندان اوین", "Lakan Prison", "Karun Prison", "اوین", "Evin"}
    assert any(ch in dates + " ".join(r["full_name"] for r in rows) for ch in "āīḤ") or any(
        r["full_name"].startswith(("Dj", "Dsch", "Ch")) for r in rows
    )
    truth = _rows(result.truth_file)
    per_list = {(t["source"], t["person_id"]) for t in truth}
    assert len(per_list) < len(truth)  # within-list duplicates
    relatives = _rows(result.relatives_file) if result.relatives_file else []
    assert {r["relation"] for r in relatives} == {"sibling", "namesake"}
    assert result.true_n == 600 + len(relatives)
    assert STYLE_PRESETS["default"] == Noise()


def test_default_style_draws_no_extra_noise(tmp_path: Path) -> None:
    from shomar.simulation.spec import Noise

    a = simulate(tmp_path / "a", SimulationSpec(seed=3, size=300, lists=3))
    b = simulate(tmp_path / "b", SimulationSpec(seed=3, size=300, lists=3, noise=Noise()))
    for fa, fb in zip(a.list_files, b.list_files, strict=True):
        assert fa.read_bytes() == fb.read_bytes()
    assert a.relatives_file is None
