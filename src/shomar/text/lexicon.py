"""Attested Persian names and their Latin spellings, for comparison and for simulation.

Sources (shipped in :mod:`shomar.data.iran`, see its README for origin and license):

- ``names_ir_wikidata_units.csv``: Persian name parts of Iranian people on Wikidata, each with
  an attested Latin spelling, a role (``given``/``surname``/``unknown``) and a count.
- ``given_names_pngt26k.csv``: Persian given names with gender and one transliteration.

Everything is loaded lazily on first use and cached.

For comparison
    :func:`spellings_of` (Persian key → {Latin key: count}) and :func:`readings_of` (Latin key →
    {Persian key: count}). Counts are kept as evidence, not as a yes/no set: the data is noisy
    (multi-part alignment mistakes such as حسینی → "Banisadr"), so a pairing enters the table
    only when its consonant skeletons agree (g/q and k/kh merged); PNGT-26K rows add a count
    of 1.

For simulation
    :func:`given_names` returns :class:`LexiconName` entries (Persian display form, gender
    ``"m"``/``"f"``/``None``, total count, and the attested Latin spellings with counts);
    :func:`surnames` the same for family names. Draw a Persian name with probability
    proportional to ``count`` and a Latin spelling proportional to its count, for example::

        import random
        from shomar.text.lexicon import given_names
        names = given_names("f")
        name = random.choices(names, weights=[n.count for n in names])[0]
        latin = name.sample_latin(random.Random(1))

    Only names whose Latin spellings were attested at least once are returned; spellings keep
    their original case as attested (``"Rezaee"``).
"""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from shomar.text.normalize import (
    detect_script,
    latin_display,
    latin_key,
    persian_display,
    persian_key,
)
from shomar.text.skeleton import loose, skeleton

__all__ = [
    "LexiconName",
    "attested_keys",
    "given_gender",
    "given_names",
    "is_known_given",
    "is_known_surname",
    "mostly_given",
    "readings_of",
    "role_counts",
    "spellings_of",
    "surnames",
]


def _read_csv(name: str) -> list[dict[str, str]]:
    text = files("shomar.data.iran").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


DERIVED_FILE = "name_spellings.csv"
_DERIVED_FIELDS = ("persian", "pkey", "skeleton", "latin", "lkey", "role", "gender", "count")


class _Spelling(NamedTuple):
    """One attested spelling (a named tuple, not a frozen dataclass: the 37,000 rows are read
    by every process that compares or parses names, in a third of the time)."""

    persian: str  # display form
    pkey: str
    skel: str  # consonant skeleton of the Persian name
    latin: str  # as attested
    lkey: str
    role: str  # given | surname | unknown
    gender: str | None
    attested: int  # how often (``count`` in the file; a tuple's ``count`` is its method)


def derive_spellings() -> list[_Spelling]:
    """Build the spelling table from the two source files (slow: a few seconds).

    Keeps a (Persian, Latin) pairing only when the Latin text is Latin script and the two
    consonant skeletons agree (up to :func:`shomar.text.skeleton.loose`); sums counts of
    identical (Persian, Latin, role, gender) rows.
    The result is shipped as ``name_spellings.csv``; a test checks it is up to date.
    """
    acc: dict[tuple[str, str, str, str, str, str, str], int] = defaultdict(int)

    def add(fa_raw: str, latin_raw: str, role: str, gender: str, count: int) -> None:
        fa = persian_display(fa_raw)
        latin = latin_display(latin_raw)
        pkey = persian_key(fa)
        if not pkey or detect_script(latin) != "latin" or detect_script(fa) != "persian":
            return
        lkey = latin_key(latin)
        skel = skeleton(fa)
        if not lkey or loose(skel) != loose(skeleton(latin)):
            return
        acc[(fa, pkey, skel, latin, lkey, role, gender)] += count

    for r in _read_csv("names_ir_wikidata_units.csv"):
        add(r["key_persian_letters"], r["latin"], r["role"], "", int(r["count"]))
    for r in _read_csv("given_names_pngt26k.csv"):
        add(r["name"], r["english_name"], "given", r["gender"] if r["gender"] in "mf" else "", 1)
    return [
        _Spelling(fa, pkey, skel, latin, lkey, role, gender or None, n)
        for (fa, pkey, skel, latin, lkey, role, gender), n in sorted(acc.items())
    ]


def write_spellings(path: str) -> None:
    """Write :func:`derive_spellings` as CSV to ``path`` (how ``name_spellings.csv`` is made)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(_DERIVED_FIELDS)
        for r in derive_spellings():
            w.writerow(
                [r.persian, r.pkey, r.skel, r.latin, r.lkey, r.role, r.gender or "", r.attested]
            )


@cache
def _spelling_rows() -> tuple[_Spelling, ...]:
    text = files("shomar.data.iran").joinpath(DERIVED_FILE).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    if tuple(next(reader)) != _DERIVED_FIELDS:
        raise ValueError(f"{DERIVED_FILE}: the columns are not {', '.join(_DERIVED_FIELDS)}")
    return tuple(
        _Spelling(persian, pkey, skel, latin, lkey, role, gender or None, int(count))
        for persian, pkey, skel, latin, lkey, role, gender, count in reader
    )


@cache
def _tables() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    p2l: dict[str, dict[str, int]] = defaultdict(dict)
    l2p: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _spelling_rows():
        p2l[row.pkey][row.lkey] = p2l[row.pkey].get(row.lkey, 0) + row.attested
        l2p[row.lkey][row.pkey] = l2p[row.lkey].get(row.pkey, 0) + row.attested
    return dict(p2l), dict(l2p)


_EMPTY: dict[str, int] = {}


def spellings_of(pkey: str) -> dict[str, int]:
    """Attested Latin keys (with counts) of the Persian name whose key is ``pkey``."""
    return _tables()[0].get(pkey, _EMPTY)


def readings_of(lkey: str) -> dict[str, int]:
    """Persian keys (with counts) attested for the Latin key ``lkey``."""
    return _tables()[1].get(lkey, _EMPTY)


@cache
def _totals() -> tuple[dict[str, int], dict[str, int], int]:
    p2l, l2p = _tables()
    pt = {k: sum(v.values()) for k, v in p2l.items()}
    lt = {k: sum(v.values()) for k, v in l2p.items()}
    return pt, lt, sum(pt.values())


@cache
def _group_stats() -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Per Persian key: spellings seen once; per skeleton: attestations; key → skeleton."""
    p2l, _ = _tables()
    singles = {k: sum(1 for n in v.values() if n == 1) for k, v in p2l.items()}
    skel_of: dict[str, str] = {}
    for row in _spelling_rows():
        skel_of.setdefault(row.pkey, row.skel)
    groups: dict[str, int] = defaultdict(int)
    for k, v in p2l.items():
        groups[loose(skel_of[k])] += sum(v.values())
    return singles, dict(groups), skel_of


def unseen_share(pkey: str) -> float:
    """Good-Turing estimate of the share of a Persian name's spellings not yet attested."""
    n = persian_total(pkey)
    return (_group_stats()[0].get(pkey, 0) + 1) / (n + 1)


def persian_skeleton(pkey: str) -> str | None:
    """The consonant skeleton of an attested Persian key (``None`` when not attested)."""
    return _group_stats()[2].get(pkey)


def skeleton_total(skel: str) -> int:
    """Attestations of all Persian names whose loose consonant skeleton is ``loose(skel)``."""
    return _group_stats()[1].get(loose(skel), 0)


def persian_total(pkey: str) -> int:
    """How many attestations the Persian key has in the spelling table."""
    return _totals()[0].get(pkey, 0)


def latin_total(lkey: str) -> int:
    """How many attestations the Latin key has in the spelling table."""
    return _totals()[1].get(lkey, 0)


def table_total() -> int:
    """All attestations in the spelling table."""
    return _totals()[2]


@dataclass(frozen=True)
class LexiconName:
    """A Persian name with its attested Latin spellings (for simulation and display)."""

    persian: str
    gender: str | None
    count: int
    latin: tuple[tuple[str, int], ...]

    def sample_latin(self, rng: random.Random) -> str:
        """Draw one Latin spelling with probability proportional to its attested count."""
        spellings, weights = zip(*self.latin, strict=True)
        return rng.choices(spellings, weights=weights)[0]


def _collect(roles: set[str], gender_filter: str | None) -> list[LexiconName]:
    genders = _genders()
    counts: dict[str, int] = defaultdict(int)
    display: dict[str, str] = {}
    spell: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in _spelling_rows():
        if row.role not in roles or not row.latin.replace("-", "").replace(" ", "").isalpha():
            continue
        if not row.latin.isascii():
            continue
        counts[row.pkey] += row.attested
        display.setdefault(row.pkey, row.persian)
        # keep one attested case form per spelling: title-case the lower-case PNGT entries
        latin = row.latin if not row.latin.islower() else row.latin.title()
        spell[row.pkey][latin] += row.attested
    out = []
    for pkey, n in counts.items():
        g = genders.get(pkey)
        if gender_filter is not None and g != gender_filter:
            continue
        spellings = tuple(sorted(spell[pkey].items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(LexiconName(display[pkey], g, n, spellings))
    out.sort(key=lambda n: (-n.count, n.persian))
    return out


@cache
def _genders() -> dict[str, str]:
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in _spelling_rows():
        if row.gender:
            votes[row.pkey][row.gender] += 1
    return {k: max(v, key=lambda g: v[g]) for k, v in votes.items()}


def given_gender(name: str) -> str | None:
    """Return ``"m"`` or ``"f"`` for a known Persian given name (any form), else ``None``."""
    return _genders().get(persian_key(name))


@cache
def _given_all() -> tuple[LexiconName, ...]:
    return tuple(_collect({"given"}, None))


def given_names(gender: str | None = None) -> list[LexiconName]:
    """Persian given names with attested Latin spellings, most frequent first.

    ``gender`` ``"m"`` or ``"f"`` keeps the names PNGT-26K gives that gender.
    """
    names = _given_all()
    if gender is None:
        return list(names)
    return [n for n in names if n.gender == gender]


@cache
def _surnames_all() -> tuple[LexiconName, ...]:
    return tuple(_collect({"surname"}, None))


def surnames() -> list[LexiconName]:
    """Persian family names with attested Latin spellings, most frequent first."""
    return list(_surnames_all())


@cache
def _given_keys() -> frozenset[str]:
    # PNGT-26K names, and Wikidata given names seen at least twice (single sightings include
    # alignment mistakes such as "Alihosseini")
    rows = [
        r
        for r in _spelling_rows()
        if r.role == "given" and (r.gender is not None or r.attested >= 2)
    ]
    return frozenset({r.pkey for r in rows} | {r.lkey for r in rows})


@cache
def _surname_keys() -> frozenset[str]:
    keys = {row.pkey for row in _spelling_rows() if row.role == "surname" and row.attested >= 2}
    keys |= {
        latin_key(row.latin)
        for row in _spelling_rows()
        if row.role == "surname" and row.attested >= 2
    }
    return frozenset(keys)


@cache
def _role_counts() -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in _spelling_rows():
        if r.role in ("given", "surname"):
            i = 0 if r.role == "given" else 1
            counts[r.pkey][i] += r.attested
            counts[r.lkey][i] += r.attested
    return {k: (v[0], v[1]) for k, v in counts.items()}


def role_counts(key: str) -> tuple[int, int]:
    """How often a Persian or Latin key is attested as (a given name, a family name)."""
    return _role_counts().get(key, (0, 0))


@cache
def attested_keys(role: str, at_least: int = 1) -> frozenset[str]:
    """Persian and Latin keys attested at least ``at_least`` times as a ``role`` name
    (``"given"`` or ``"surname"``), as :func:`role_counts` counts them."""
    i = ("given", "surname").index(role)
    return frozenset(k for k, counts in _role_counts().items() if counts[i] >= at_least)


def mostly_given(key: str) -> bool:
    """Whether a Persian or Latin key is attested as a given name at least as often as as a
    family name (Reza: yes; Hosseini: no)."""
    given, family = _role_counts().get(key, (0, 0))
    return given > 0 and given >= family


def is_known_given(key: str) -> bool:
    """Whether a Persian or Latin key is an attested given name (PNGT-26K, or Wikidata ≥ 2)."""
    return key in _given_keys()


def is_known_surname(key: str) -> bool:
    """Whether a Persian or Latin key is an attested family name (count ≥ 2)."""
    return key in _surname_keys()


if __name__ == "__main__":  # regenerate the derived table: python -m shomar.text.lexicon OUT
    import sys

    write_spellings(sys.argv[1])
