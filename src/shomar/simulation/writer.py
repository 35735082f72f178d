"""Writes the simulated lists, the ground truth and the population summary to a folder."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from shomar.domain.columns import CANONICAL_COLUMNS
from shomar.simulation.capture import capture_histories
from shomar.simulation.population import Victim, simulate_population
from shomar.simulation.relatives import add_relatives
from shomar.simulation.render import renderer_for
from shomar.simulation.spec import SimulationResult, SimulationSpec

COLUMNS = CANONICAL_COLUMNS
#: the ground truth of every simulated person, captured or not
PERSONS_FILE = "synthetic_persons.csv"
PERSON_COLUMNS = (
    "person_id", "event", "violation", "sex", "birth_year", "date", "province_iso",
    "province_en", "province_fa", "city_en", "city_fa", "visibility", "captured", "lists",
)  # fmt: skip


def simulate(
    out_dir: str | Path,
    spec: SimulationSpec | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> SimulationResult:
    """Simulate ``spec`` and write ``synthetic_list_*.csv``, the truth and a summary.

    ``synthetic_truth.csv`` maps every record to its person; ``synthetic_persons.csv`` lists
    every simulated person, captured or not, with violation, event, covariates, visibility and
    the lists that recorded them (so the true total of any category or stratum is known).

    Same spec (seed included), same files. ``progress`` is called with the number of victims
    rendered since the last call.
    """
    spec = spec or SimulationSpec()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(spec.seed)
    victims, relations = add_relatives(spec, simulate_population(spec, rng), rng)
    captured = capture_histories(spec, victims, rng)
    names = spec.list_names()
    list_files = [out / f"{name}.csv" for name in names]
    truth_file = out / "synthetic_truth.csv"
    counts = dict.fromkeys(names, 0)
    handles = [path.open("w", newline="", encoding="utf-8") for path in list_files]
    try:
        writers = [csv.DictWriter(h, fieldnames=COLUMNS) for h in handles]
        for writer in writers:
            writer.writeheader()
        renderers = [renderer_for(k, spec, rng) for k in range(spec.lists)]
        with truth_file.open("w", newline="", encoding="utf-8") as truth_handle:
            truth = csv.writer(truth_handle)
            truth.writerow(["source", "record_id", "person_id"])
            for i, victim in enumerate(victims):
                for k in np.flatnonzero(captured[i]):
                    name = names[k]
                    copies = 2 if renderers[k].chance(spec.noise.duplicate) else 1
                    for _ in range(copies):  # a within-list duplicate has its own noise
                        counts[name] += 1
                        record_id = f"{name[-1]}-{counts[name]:07d}"
                        writers[k].writerow(renderers[k].row(record_id, victim, spec.event))
                        truth.writerow([name, record_id, victim.person_id])
                if progress is not None and (i + 1) % 1000 == 0:
                    progress(1000)
            if progress is not None:
                progress(len(victims) % 1000)
    finally:
        for handle in handles:
            handle.close()
    persons_file = out / PERSONS_FILE
    _write_persons(persons_file, spec, victims, captured, names)
    observed = int(captured.any(axis=1).sum())
    result = SimulationResult(
        spec=spec,
        out_dir=out,
        list_files=list_files,
        truth_file=truth_file,
        population_file=out / "synthetic_population.json",
        true_n=len(victims),
        observed_persons=observed,
        records=int(captured.sum()),
        records_per_list=counts,
        persons_file=persons_file,
    )
    if relations:
        result.relatives_file = out / "synthetic_relatives.csv"
        with result.relatives_file.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([("person_a", "person_b", "relation"), *relations])
    result.population_file.write_text(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return result


def _write_persons(
    path: Path,
    spec: SimulationSpec,
    victims: list[Victim],
    captured: np.ndarray,
    names: list[str],
) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(PERSON_COLUMNS)
        for i, v in enumerate(victims):
            on = [names[k] for k in np.flatnonzero(captured[i])]
            writer.writerow(
                [
                    v.person_id, spec.event, v.violation, v.sex, v.birth_year,
                    v.date.isoformat(), v.place.province_iso, v.place.province_en,
                    v.place.province_fa, v.place.city_en, v.place.city_fa,
                    f"{v.visibility:.6f}", int(bool(on)), ";".join(on),
                ]
            )  # fmt: skip
