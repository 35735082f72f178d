"""The four lists of one seed, each written the way such a source writes.

- ``register``: a prison register in Persian script, family name first in one ``full_name``
  field, Jalali dates (mostly Persian digits), the prison as the place;
- ``ngo``: a diaspora NGO list in Latin, romanised in several systems by different volunteers,
  given and family columns (sometimes swapped), Gregorian dates, the home town;
- ``testimony``: family testimonies in Persian, partial and colloquial, «مرداد ۶۷» dates;
- ``annex``: a report annex in Latin, ``FAMILY, Given``, ALA-LC / BGN-like spellings.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.linkage.independent import noise
from benchmarks.linkage.independent.jalali import fa_digits
from benchmarks.linkage.independent.persons import Person
from benchmarks.linkage.independent.pools import PROVINCES

COLUMNS = (
    "record_id", "full_name", "given_name", "family_name", "father_name", "sex", "age",
    "birth_date", "date", "place", "province", "violation", "event", "notes",
)  # fmt: skip
Row = dict[str, str]
Writer = Callable[[Person, random.Random, list[str]], Row]


def _blank() -> Row:
    return dict.fromkeys(COLUMNS, "")


def register(p: Person, rng: random.Random, tags: list[str]) -> Row:
    """A Persian prison register row: «خانوادگی نام», Jalali date, the prison."""
    row = _blank()
    arabic = rng.random() < 0.2
    given = noise.fa_noise(noise.fa_given(p, rng, tags, 0.0, 0.7), rng, tags, arabic, 0.04, 0.3)
    family = noise.fa_noise(noise.fa_family(p, rng, tags, 0.1), rng, tags, arabic, 0.04, 0.3)
    sep = "، " if rng.random() < 0.15 else " "
    row["full_name"] = family + sep + given
    tags.append("family_first")
    if rng.random() < 0.9:
        row["father_name"] = noise.fa_noise(p.father.fa, rng, tags, arabic, 0.02, 0.3)
    else:
        tags.append("father_missing")
    if rng.random() < 0.7:
        row["sex"] = "مرد" if p.sex == "m" else "زن"
    row["age"] = noise.age_text(p, rng, tags, 0.8, 0.1)
    if row["age"] and rng.random() < 0.5:
        row["age"] = fa_digits(row["age"])
    if rng.random() < 0.15:
        row["birth_date"] = fa_digits(str(p.birth_year - 621))
    day = noise.shifted(p.date, rng, tags, 0.05)
    style = rng.choices(("full", "ascii", "short"), weights=(0.75, 0.15, 0.10))[0]
    row["date"] = noise.jalali_text(day, style)
    tags.append("jalali_2digit" if style == "short" else "jalali_date")
    row["place"] = p.prison[0]
    tags.append("place_prison")
    if rng.random() < 0.6:
        row["province"] = PROVINCES[p.city.province][0]
    row["violation"] = "اعدام"
    row["notes"] = "SYNTHETIC — fictional register row"
    return row


_NGO_SYSTEMS = (("english", 0.45), ("bgn", 0.10), ("french", 0.15), ("german", 0.15),
                ("ala_plain", 0.10), ("ala", 0.05))  # fmt: skip
_ANNEX_SYSTEMS = (("ala", 0.30), ("ala_plain", 0.25), ("bgn", 0.25), ("english", 0.20))


def _system(rng: random.Random, options: tuple[tuple[str, float], ...], tags: list[str]) -> str:
    system = rng.choices([s for s, _ in options], weights=[w for _, w in options])[0]
    tags.append("rom_" + system)
    return system


def _la_date(p: Person, rng: random.Random, tags: list[str], weights: dict[str, float]) -> str:
    style = rng.choices(list(weights), weights=list(weights.values()))[0]
    if style == "missing":
        tags.append("date_missing")
        return ""
    if style in ("month", "mon"):
        tags.append("month_only")
    elif style == "year":
        tags.append("year_only")
    return noise.gregorian_text(noise.shifted(p.date, rng, tags, 0.08), style)


def ngo(p: Person, rng: random.Random, tags: list[str]) -> Row:
    """A diaspora NGO row in Latin: mixed romanisations, given/family columns, home town."""
    row = _blank()
    system = _system(rng, _NGO_SYSTEMS, tags)
    given = noise.la_given(p, system, rng, tags, coll=0.05, hon=0.5, abbr=0.4, alt=0.5)
    family = noise.la_family(p, system, rng, tags, short=0.15, alt=0.5)
    given = noise.la_typo(given, rng, tags, 0.05)
    family = noise.la_typo(family, rng, tags, 0.05)
    father = noise.la_father(p, system, rng) if rng.random() < 0.6 else ""
    if not father:
        tags.append("father_missing")
    if rng.random() < 0.03:
        family, father = father or noise.la_father(p, system, rng), ""
        tags.append("father_in_family")
    if rng.random() < 0.2:
        row["full_name"] = f"{given} {family}"
        tags.append("full_name_only")
    elif rng.random() < 0.06:
        row["given_name"], row["family_name"] = family, given
        tags.append("swapped_columns")
    else:
        row["given_name"], row["family_name"] = given, family
    row["father_name"] = father
    if rng.random() < 0.85:
        row["sex"] = rng.choice(("M", "male")) if p.sex == "m" else rng.choice(("F", "female"))
    row["age"] = noise.age_text(p, rng, tags, 0.65, 0.2)
    if rng.random() < 0.25:
        row["birth_date"] = str(p.birth_year + (rng.choice((-1, 1)) if rng.random() < 0.3 else 0))
    weights = {"iso": 0.4, "dmy": 0.2, "long": 0.15, "month": 0.15, "year": 0.05, "missing": 0.05}
    row["date"] = _la_date(p, rng, tags, weights)
    if rng.random() < 0.95:
        row["place"] = noise.la_city(p, system, rng, tags, 0.35)
        tags.append("place_city")
    else:
        tags.append("place_missing")
    if rng.random() < 0.6:
        row["province"] = rng.choice(PROVINCES[p.city.province][1])
    row["violation"] = "execution"
    row["notes"] = "SYNTHETIC: fictional person, generated for a linkage benchmark"
    return row


def testimony(p: Person, rng: random.Random, tags: list[str]) -> Row:
    """A family testimony in Persian: given name first, colloquial, often partial."""
    row = _blank()
    arabic = rng.random() < 0.1
    given = noise.fa_noise(noise.fa_given(p, rng, tags, 0.35, 0.5), rng, tags, arabic, 0.06, 0.4)
    family = noise.fa_noise(noise.fa_family(p, rng, tags, 0.15), rng, tags, arabic, 0.06, 0.4)
    father = p.father.fa if rng.random() < 0.5 else ""
    if not father:
        tags.append("father_missing")
    if rng.random() < 0.08:
        family, father = p.father.fa, ""
        tags.append("father_in_family")
    elif rng.random() < 0.08:
        family = ""
        tags.append("family_missing")
    if rng.random() < 0.7:
        row["full_name"] = f"{given} {family}".strip()
        tags.append("full_name_only")
    else:
        row["given_name"], row["family_name"] = given, family
    row["father_name"] = noise.fa_noise(father, rng, tags, arabic, 0.0, 0.0)
    if rng.random() < 0.3:
        row["sex"] = "مرد" if p.sex == "m" else "زن"
    row["age"] = noise.age_text(p, rng, tags, 0.5, 0.3)
    roll = rng.random()
    day = noise.shifted(p.date, rng, tags, 0.05)
    if roll < 0.4:
        row["date"] = noise.jalali_text(day, "month")
        tags += ["jalali_2digit", "month_only"]
    elif roll < 0.65:
        row["date"] = noise.jalali_text(day, "long")
        tags.append("jalali_date")
    elif roll < 0.8:
        row["date"] = noise.jalali_text(day, "year")
        tags += ["jalali_date", "year_only"]
    else:
        tags.append("date_missing")
    if rng.random() < 0.8:
        row["place"] = noise.fa_city(p, rng, tags, 0.15)
        tags.append("place_city")
    else:
        tags.append("place_missing")
    row["violation"] = "اعدام"
    row["notes"] = "SYNTHETIC — شهادت ساختگی خانواده"
    return row


def annex(p: Person, rng: random.Random, tags: list[str]) -> Row:
    """A report-annex row in Latin: ``FAMILY, Given``, scholarly spellings, prison or town."""
    row = _blank()
    system = _system(rng, _ANNEX_SYSTEMS, tags)
    if rng.random() < 0.03:
        given = noise.initial(p.given.phon.split()[0], system, rng) + "."
        tags.append("initial_only")
    else:
        given = noise.la_given(p, system, rng, tags, coll=0.0, hon=0.6, abbr=0.25, alt=0.3)
    family = noise.la_family(p, system, rng, tags, short=0.1, alt=0.3)
    given = noise.la_typo(given, rng, tags, 0.03)
    family = noise.la_typo(family, rng, tags, 0.03)
    row["full_name"] = f"{family.upper()}, {given}"
    tags.append("comma_family_first")
    if rng.random() < 0.4:
        row["father_name"] = noise.la_father(p, system, rng)
    else:
        tags.append("father_missing")
    if rng.random() < 0.5:
        row["sex"] = p.sex.upper()
    row["age"] = noise.age_text(p, rng, tags, 0.5, 0.1)
    weights = {"iso": 0.5, "dot": 0.2, "mon": 0.2, "missing": 0.1}
    row["date"] = _la_date(p, rng, tags, weights)
    if rng.random() < 0.6:
        row["place"] = rng.choice(p.prison[1])
        tags.append("place_prison")
    else:
        row["place"] = noise.la_city(p, system, rng, tags, 0.1)
        tags.append("place_city")
    if rng.random() < 0.5:
        row["province"] = PROVINCES[p.city.province][1][0]
    row["violation"] = "execution"
    row["notes"] = "SYNTHETIC: fictional annex entry"
    return row


# name, writer, base capture probability, within-list duplicate rate, record-id prefix
LISTS: tuple[tuple[str, Writer, float, float, str], ...] = (
    ("register", register, 0.45, 0.03, "R"),
    ("ngo", ngo, 0.50, 0.05, "N"),
    ("testimony", testimony, 0.38, 0.06, "T"),
    ("annex", annex, 0.45, 0.02, "A"),
)
