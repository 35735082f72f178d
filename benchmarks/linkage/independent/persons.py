"""The fictional victims: a population with constructed siblings and namesakes.

Hard negatives are built on purpose, because a linker that merges them would look fine on a
plain pairwise F1 while erasing real people: *siblings* share the family name, the father,
the day and the place and differ in the given name (often only by a gender ending or one
letter: Mehdi/Mahdieh, Bahram/Bahman); *namesakes* share a common full name and differ in
father, age and usually place.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import TypeVar

from benchmarks.linkage.independent import pools
from benchmarks.linkage.independent.pools import City, Name

_MASSACRE = (dt.date(1988, 7, 19), dt.date(1988, 9, 30))
_EARLIER = (dt.date(1981, 6, 20), dt.date(1988, 6, 30))
T = TypeVar("T", Name, City)
_SEYED_FAMILIES = frozenset({"Hosayni", "musavi", "hA$emi", "Safavi", "mir Hosayni", "TAleqAni"})


@dataclass(frozen=True)
class Person:
    """One fictional victim; ``visibility`` drives how many lists name them."""

    pid: str
    sex: str
    given: Name
    family: Name
    father: Name
    age: int
    date: dt.date
    city: City
    prison: tuple[str, tuple[str, ...]]
    seyed: bool
    haj: bool
    visibility: float

    @property
    def birth_year(self) -> int:
        return self.date.year - self.age


@dataclass(frozen=True)
class Relation:
    """A constructed hard negative: two different people a linker must keep apart."""

    kind: str  # "sibling" or "namesake"
    a: str
    b: str
    detail: str


def _weighted(rng: random.Random, items: tuple[T, ...]) -> T:
    return rng.choices(items, weights=[i.weight for i in items])[0]


def _day(rng: random.Random, span: tuple[dt.date, dt.date]) -> dt.date:
    return span[0] + dt.timedelta(days=rng.randrange((span[1] - span[0]).days + 1))


def _prison(rng: random.Random, city: City) -> tuple[str, tuple[str, ...]]:
    options = pools.PRISONS.get(city.province)
    if options:
        return rng.choice(options)
    return ("زندان " + city.fa, (city.en + " Prison", city.en + " Central Prison"))


def _by_fa(fa: str) -> tuple[Name, str]:
    for name in pools.MALE:
        if name.fa == fa:
            return name, "m"
    for name in pools.FEMALE:
        if name.fa == fa:
            return name, "f"
    raise KeyError(fa)


def _base(rng: random.Random, pid: str) -> Person:
    sex = "m" if rng.random() < 0.86 else "f"
    given = _weighted(rng, pools.MALE if sex == "m" else pools.FEMALE)
    family = _weighted(rng, pools.FAMILY)
    father = _weighted(rng, pools.MALE)
    age = max(16, min(68, round(rng.gauss(28, 8))))
    date = _day(rng, _MASSACRE if rng.random() < 0.6 else _EARLIER)
    city = _weighted(rng, pools.CITIES)
    seyed = rng.random() < (0.45 if family.phon in _SEYED_FAMILIES else 0.08)
    haj = sex == "m" and age >= 40 and rng.random() < 0.25
    return Person(pid, sex, given, family, father, age, date, city, _prison(rng, city), seyed, haj,
                  rng.random())  # fmt: skip


def _sibling(rng: random.Random, p: Person, pid: str) -> tuple[Person, str]:
    """A brother or sister of ``p``: same family, father, place and (mostly) day."""
    pairs = {a: b for a, b in pools.NEAR_PAIRS} | {b: a for a, b in pools.NEAR_PAIRS}
    genders = {a: b for a, b in pools.GENDER_PAIRS} | {b: a for a, b in pools.GENDER_PAIRS}
    roll = rng.random()
    if roll < 0.45 and p.given.fa in genders:
        given, sex = _by_fa(genders[p.given.fa])
        detail = "gender_pair"
    elif roll < 0.85 and p.given.fa in pairs:
        given, sex = _by_fa(pairs[p.given.fa])
        detail = "near_name"
    else:
        sex = p.sex if rng.random() < 0.8 else ("f" if p.sex == "m" else "m")
        given = p.given
        while given.fa == p.given.fa:
            given = _weighted(rng, pools.MALE if sex == "m" else pools.FEMALE)
        detail = "other_name"
    gap = rng.choice((-1, 1)) * rng.randint(1, 12)
    date = p.date if rng.random() < 0.7 else p.date + dt.timedelta(days=rng.randint(-10, 10))
    age = max(15, p.age + gap)
    haj = sex == "m" and age >= 40 and p.haj
    return replace(p, pid=pid, sex=sex, given=given, age=age, date=date, haj=haj), detail


def _namesake(rng: random.Random, p: Person, pid: str) -> tuple[Person, str]:
    """Another person with ``p``'s full name: other father and age, usually another town."""
    father = p.father
    while father.fa == p.father.fa:
        father = _weighted(rng, pools.MALE)
    age = p.age
    while abs(age - p.age) < 3:
        age = max(16, min(68, round(rng.gauss(30, 9))))
    same_town = rng.random() < 0.25
    city = p.city if same_town else _weighted(rng, pools.CITIES)
    date = _day(rng, _MASSACRE if rng.random() < 0.6 else _EARLIER)
    other = replace(p, pid=pid, father=father, age=age, city=city, date=date,
                    prison=_prison(rng, city), haj=p.sex == "m" and age >= 40 and p.haj,
                    visibility=rng.random())  # fmt: skip
    return other, "same_town" if same_town else "other_town"


def population(
    rng: random.Random, size: int, siblings: float = 0.07, namesakes: float = 0.05
) -> tuple[list[Person], list[Relation]]:
    """``size`` independent people plus their constructed siblings and namesakes."""
    people = [_base(rng, f"P{i:05d}") for i in range(size)]
    relations: list[Relation] = []
    extra: list[Person] = []
    paired = {n for pair in pools.NEAR_PAIRS + pools.GENDER_PAIRS for n in pair}
    for p in people:
        # People whose name has a near or gender twin get siblings more often, so that the
        # hardest sibling pairs (Mehdi/Mahdieh, Bahram/Bahman) are numerous enough to count.
        if rng.random() < (siblings * 2.5 if p.given.fa in paired else siblings * 0.5):
            sib, detail = _sibling(rng, p, f"P{size + len(extra):05d}")
            extra.append(sib)
            relations.append(Relation("sibling", p.pid, sib.pid, detail))
        elif rng.random() < namesakes:
            twin, detail = _namesake(rng, p, f"P{size + len(extra):05d}")
            extra.append(twin)
            relations.append(Relation("namesake", p.pid, twin.pid, detail))
    return people + extra, relations
