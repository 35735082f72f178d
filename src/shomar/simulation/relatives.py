"""Siblings and namesakes: distinct victims a linker must keep apart.

A sibling shares the family name, the father's name, the date and the place of a victim and
has another given name, often a confusable one (Mehdi/Mahdieh, Bahram/Bahman, Hasan/Hossein).
A namesake shares the given and the family name and nothing else. Both are new victims (new
person ids); the pairs are returned so a benchmark can count how many were merged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import numpy as np

from shomar.simulation import pools
from shomar.simulation.population import Victim
from shomar.simulation.spec import SimulationSpec
from shomar.text import skeleton

#: (person id, person id, "sibling" | "namesake")
Relation = tuple[str, str, str]


@functools.cache
def _by_head() -> dict[str, list[tuple[str, pools.NameEntry]]]:
    """Given names of both sexes grouped by the first two letters of their skeleton."""
    groups: dict[str, list[tuple[str, pools.NameEntry]]] = {}
    for sex in ("m", "f"):
        for entry in pools.given_names()[sex]:
            groups.setdefault(skeleton(entry.persian)[:2], []).append((sex, entry))
    return groups


def _sibling_name(victim: Victim, rng: np.random.Generator) -> tuple[str, pools.NameEntry]:
    close = [
        (sex, e)
        for sex, e in _by_head().get(skeleton(victim.given.persian)[:2], [])
        if e.persian != victim.given.persian
    ]
    if close and rng.random() < 0.7:
        return close[int(rng.integers(len(close)))]
    sex = "m" if rng.random() < 0.7 else "f"
    pool = pools.given_names()[sex]
    entry = pool[int(rng.integers(len(pool)))]
    return sex, entry


def add_relatives(
    spec: SimulationSpec, victims: list[Victim], rng: np.random.Generator
) -> tuple[list[Victim], list[Relation]]:
    """``victims`` plus siblings and namesakes at the spec's noise rates (none by default)."""
    noise = spec.noise
    if noise.siblings <= 0 and noise.namesakes <= 0:
        return victims, []
    out = list(victims)
    relations: list[Relation] = []
    all_places = pools.places()
    all_fathers = pools.given_names()["m"]
    days = (spec.window_end - spec.window_start).days
    for victim in victims:
        if rng.random() < noise.siblings:
            sex, given = _sibling_name(victim, rng)
            if given.persian == victim.given.persian:
                continue
            sibling = dataclasses.replace(
                victim,
                person_id=f"SYN-P{len(out) + 1:07d}",
                sex=sex,
                given=given,
                honorific=victim.honorific if sex == "m" else None,
                birth_year=victim.birth_year + int(rng.choice([-1, 1]) * rng.integers(1, 9)),
            )
            out.append(sibling)
            relations.append((victim.person_id, sibling.person_id, "sibling"))
        if rng.random() < noise.namesakes:
            same_place = rng.random() < 0.5
            namesake = dataclasses.replace(
                victim,
                person_id=f"SYN-P{len(out) + 1:07d}",
                father=all_fathers[int(rng.integers(len(all_fathers)))],
                birth_year=int(spec.window_start.year - rng.integers(16, 60)),
                date=spec.window_start + dt.timedelta(days=int(rng.integers(days + 1))),
                place=victim.place
                if same_place
                else all_places[int(rng.integers(len(all_places)))],
                visibility=float(rng.normal(0.0, spec.heterogeneity)),
            )
            out.append(namesake)
            relations.append((victim.person_id, namesake.person_id, "namesake"))
    return out, relations
