"""The synthetic victims: who they are, when and where the violation happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from shomar.simulation import pools
from shomar.simulation.spec import SimulationSpec

VIOLATIONS = ("killing", "execution", "death in custody", "enforced disappearance")
VIOLATION_WEIGHTS = (0.55, 0.25, 0.12, 0.08)


@dataclass(frozen=True)
class Victim:
    """One synthetic person (the truth the lists report on, imperfectly)."""

    person_id: str
    sex: str
    given: pools.NameEntry
    family: pools.NameEntry
    father: pools.NameEntry
    honorific: str | None
    birth_year: int
    date: dt.date
    place: pools.PlaceEntry
    violation: str
    visibility: float


def _pick(rng: np.random.Generator, items: list[pools.NameEntry]) -> pools.NameEntry:
    return items[int(rng.integers(len(items)))]


def simulate_population(spec: SimulationSpec, rng: np.random.Generator) -> list[Victim]:
    """Draw ``spec.size`` victims. Popular names repeat, as they do in real lists."""
    given = pools.given_names()
    family = pools.surnames()
    places = pools.places()
    # Zipf-like popularity: a few given names and places are common.
    male_p = _zipf(len(given["m"]), rng)
    female_p = _zipf(len(given["f"]), rng)
    place_p = _zipf(len(places), rng, exponent=0.8)
    days = (spec.window_end - spec.window_start).days
    effects = dict(spec.visibility_effects)
    if spec.visibility_by not in (None, "sex", "province"):
        raise ValueError(f"visibility_by must be 'sex' or 'province', not {spec.visibility_by!r}")
    victims = []
    for i in range(spec.size):
        sex = "m" if rng.random() < 0.85 else "f"
        pool, weights = (given["m"], male_p) if sex == "m" else (given["f"], female_p)
        honorific = None
        if sex == "m" and rng.random() < 0.08:
            honorific = "سید"
        given_name = pool[int(rng.choice(len(pool), p=weights))]
        family_name = _pick(rng, family)
        father = given["m"][int(rng.choice(len(given["m"]), p=male_p))]
        birth_year = int(spec.window_start.year - rng.integers(16, 60))
        date = spec.window_start + dt.timedelta(days=int(rng.integers(days + 1)))
        place = places[int(rng.choice(len(places), p=place_p))]
        violation = str(rng.choice(VIOLATIONS, p=VIOLATION_WEIGHTS))
        visibility = float(rng.normal(0.0, spec.heterogeneity))
        if spec.visibility_by == "sex":
            visibility += effects.get(sex, 0.0)
        elif spec.visibility_by == "province":
            visibility += effects.get(place.province_iso, 0.0)
        victims.append(
            Victim(
                person_id=f"SYN-P{i + 1:07d}",
                sex=sex,
                given=given_name,
                family=family_name,
                father=father,
                honorific=honorific,
                birth_year=birth_year,
                date=date,
                place=place,
                violation=violation,
                visibility=visibility,
            )
        )
    return victims


def _zipf(n: int, rng: np.random.Generator, exponent: float = 1.0) -> np.ndarray:
    ranks = rng.permutation(n) + 1
    weights = 1.0 / ranks.astype(float) ** exponent
    return weights / weights.sum()
