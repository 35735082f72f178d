"""Blocking rules: which record pairs are compared at all.

A pair missed here can never be linked, so the rules are many and cross-script: they use the
consonant skeleton that Persian and Latin spellings of one name share (``محمد``, ``Mohammad``,
``Muhammad`` → ``mhmd``), never raw text. Each rule is a list of feature columns that must be
equal (and not null); the union of the rules' pairs is scored. An item ``"a=b"`` asks for one
record's column ``a`` to equal the other's column ``b`` (a father's name written in the other
record's family-name field); such a rule is listed in both directions. With ``within_sources=False``
pairs inside one list are skipped (for lists known to hold each person once).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Shomar's default rules, each a tuple of feature columns that must be equal
DEFAULT_RULES: tuple[tuple[str, ...], ...] = (
    ("name_skel",),  # given + family skeletons, in either order
    ("name_bag_skel",),  # every name part, in any order ("Rezaei Mohammad Reza")
    ("given_last_skel", "family_skel"),  # a compound given name shortened (Aliakbar → Akbar)
    ("given_skel", "family_last_skel"),  # a compound family name shortened
    ("given_skel", "family_head", "family_tail"),  # a letter dropped or changed mid-family
    # a letter dropped, doubled or swapped in the given name (within a province: without it
    # this rule made a quarter of all pairs for 0.1 % of the true ones)
    ("family_skel", "given_initial", "province"),
    ("given_skel", "family_initial", "province"),  # ... or in the family name
    ("given_skel", "family_initial", "birth_lo"),
    ("family_skel", "father_skel"),
    ("given_skel", "place_skel", "family_head"),  # a typo in the family name's end
    ("given_skel", "place_skel", "family_tail"),  # ... or in its beginning
    ("family_skel", "place_skel"),
    ("given_skel", "father_skel", "date_day"),  # family name missing or garbled
    ("family_skel", "date_day"),
    ("date_day", "place_skel"),
    ("family_skel", "birth_lo"),
    ("name_lskel",),  # both parts in French/German/BGN spelling, h dropped, in either order
    ("name_single",),  # one name part only (the other missing, or only an honorific)
    # one part as written, a typo in the other, either order: with the day (the place
    # differs: a prison) or the place as written
    ("name_anchor", "date_day"),
    ("name_anchor_lo", "date_day"),
    ("name_anchor", "place_skel"),
    ("name_anchor_lo", "place_skel"),
    # a compound given name whole on one list, its first part on the other (Bani-Torof/بنی,
    # Amirizadeh/امیری) beside the same family name
    ("family_skel", "given_head"),
    ("given_skel", "family_tail", "province"),  # a family name shortened to its end (Pour)
    ("given_skel", "family_initial", "place_skel"),
    ("given_lskel", "birth_lo", "place_skel"),  # family name garbled, given name spelled apart
    ("name_initials", "birth_lo", "province"),  # both parts garbled ("Vossouh Sooush")
    # one part as written, a typo in the other, and no shared day, place or province: the
    # same month ("1390/09/20" against "2011-12", a town against a prison)
    ("family_skel", "given_initial", "date_month"),
    ("given_skel", "family_head", "date_month"),
    # the father's name written in the family-name field (families do this: «رامین»,
    # family «کمال», for Ramin Rahimi son of Kamal), in either direction
    ("given_skel", "father_skel=family_skel"),
    ("given_skel", "family_skel=father_skel"),
    # a compound given name abbreviated to an initial and its last part ("H. Reza" Hamidreza,
    # "M. Ali" «محمدعلی»)
    ("given_abbr", "family_skel"),
    # ... with the family name in another romanisation ("M. Reza | Ataji" / «عطایی محمدرضا»,
    # "H. Reza Shirazi" / "SĪRĀZĪ, Hamīdrezā") or, in the province, with a typo in it
    ("given_abbr", "family_lskel"),
    ("given_abbr", "family_initial", "province"),
    # a compound family name written as one word, shortened to its end on another list
    # ("Ghaemmaghami"/"Maghami"): the same given and father's name, or birth year
    ("given_skel", "family_tail", "father_skel"),
    ("given_skel", "family_tail", "birth_lo"),
    # a row with only a given name (a testimony's «اصغر», son of Hossein, from Mashhad) and a
    # whole name: the given name with the father's name or the birth year, in the province,
    # or on the same day; one side only single-part rows, so few pairs (+0.2 % on the
    # independent lists, +0.03 % on the messy ones)
    ("name_single=given_lskel", "father_skel", "province"),
    ("given_lskel=name_single", "father_skel", "province"),
    ("name_single=given_lskel", "province", "birth_lo"),
    ("given_lskel=name_single", "province", "birth_lo"),
    ("name_single=given_lskel", "date_day"),
    ("given_lskel=name_single", "date_day"),
    # ... or with the place as written (a testimony's «فاطمه», son of Qasim, of خرم‌آباد, and
    # "Fatimah Afshar" of Khorramabad: the town resolves to no province, a village's name), or
    # with the father's name alone (no date or place on the one row)
    ("name_single=given_lskel", "place_skel"),
    ("given_lskel=name_single", "place_skel"),
    ("name_single=given_lskel", "father_skel"),
    ("given_lskel=name_single", "father_skel"),
    # a garbled family name (or a given name in its field) with the same given name, day and
    # province: (given, day) alone grows with a day of mass executions, the province bounds it
    ("given_skel", "date_day", "province"),
)
# Measured on 100,225 simulated records (seed 1): these rules keep 99.4 % of the true pairs
# with 0.74 M comparisons; (given, place), (given, father) and (given, day) without a second
# key kept 99.8 % but cost 3.2 M, and grow with the square of the data (a common given name in
# a city, on a day of protests): at 1,010,030 records the rules here make about 41 M.
# The name_* rules (2026-12-02) took candidate recall on the messy lists from 0.986–0.989 to
# 0.995–0.997 at 2.4–2.7x the pairs of 6630d6b (benchmarks/linkage/README.md, "Blocking").
# 2026-12-02 (branch link-recall): (name_anchor, province) and (name_anchor_lo, birth_lo)
# made 64,000 pairs of their own on messy seeds 1-3 + default seed 1 for 24 true pairs; the
# rules after name_single replace them: missed true pairs on those lists 236 -> 112 with 2 %
# fewer pairs (messy seeds 11-13, not tuned on: 0.9950-0.9961 -> 0.9963-0.9970).
# 2026-12-02 (second link-recall, tuned on messy seeds 11-13): the two date_month rules block
# 11 of those seeds' 179 missed true pairs for +4.3-4.7 % pairs (README, "a month key").
# 2026-12-04 (branch link-block, tuned on the independent lists' seeds 1-3): the seven rules
# of a given name alone with the place or the father, (given, day, province) and given_abbr
# with the loose family name or in the province compare 167 more of those seeds' 712
# never-compared true pairs for +1.2 % pairs there and +0.5-0.8 % on the simulator's
# (README, "Blocking recall on the independent lists").

#: rules for the deterministic estimate of the prior match probability (near-certain matches)
DETERMINISTIC_RULES: tuple[tuple[str, ...], ...] = (
    ("given_canon", "family_canon", "father_canon"),
    ("given_canon", "family_canon", "date_start"),
)

#: EM sessions: each fixes the columns it blocks on and trains the others
EM_RULES: tuple[tuple[str, ...], ...] = (
    ("given_skel", "family_skel"),  # trains dates, birth, place, father's name, ...
    ("date_start", "birth_lo"),  # trains the names (sampled: 143 M pairs at 1M records)
)


def sides(item: str) -> tuple[str, str]:
    """The left and right record's column of a rule item (``"a=b"``, or ``"a"`` for both)."""
    left, _, right = item.partition("=")
    return left, right or left


def rule_sql(columns: Sequence[str], *, within_sources: bool = True) -> Any:
    """A splink blocking rule: all ``columns`` equal, optionally across sources only."""
    from splink import block_on

    crossed = any("=" in c for c in columns)
    if within_sources and not crossed:
        return block_on(*columns)
    condition = " AND ".join(f"l.{a} = r.{b}" for a, b in map(sides, columns))
    return condition if within_sources else f"{condition} AND l.source <> r.source"


def blocking_rules(rules: Sequence[Sequence[str]], *, within_sources: bool = True) -> list[Any]:
    """splink blocking rules for the given column lists."""
    return [rule_sql(r, within_sources=within_sources) for r in rules]
