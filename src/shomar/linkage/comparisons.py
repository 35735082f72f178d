"""splink comparisons over the precomputed feature columns (see :mod:`.features`).

Every level is either portable SQL (equality, arithmetic, ``greatest``/``least``) or one of
splink's dialect-aware levels (Jaro-Winkler, Damerau-Levenshtein), so one model runs on DuckDB
and on Spark. Levels go from most to least specific; the first that holds is the pair's level.

Names (given, family, father's name)
    (father: the other record's family field holds this father's name, the other has none ▸) both
    known ▸ same key in one script ▸ same name across scripts (canonical form, weighted by how
    common the name is) ▸ same parts in another order (given and family) ▸ the two parts swapped,
    consonant skeletons crossed ("Mousai | Jalal" against «موسوی جلال») ▸ a rare spelling one
    letter from the other's common name («مجتب»/«مجتبی», a slip, not another name) ▸ same stem
    with another gender or affix ending (given: Mehdi/Mahdieh, strong evidence of two persons) ▸
    same signature
    (consonants and long vowels) ▸ same consonant skeleton (possibly another name: Mahmoud/محمد) ▸
    (given: an initial and the last part agree, "H. Reza"/Hamidreza ▸ only an initial, "M."/Mohammad
    ▸) one is a part of the other's compound (Aliakbar/Akbar) ▸ close spelling (Jaro-Winkler on the
    key) ▸ (family: the one record's family field holds the other's father's name, neutral ▸) close
    skeleton ▸ same loose skeleton (given and family: French/German/BGN spellings, g = q, a dropped
    h) ▸ (given and family: the parts swapped, loose skeletons crossed ▸) anything else
Violation date (Gregorian day intervals)
    same day ▸ intervals overlap ▸ within a few days (a conversion a day off, the day of an
    execution against the day it was announced) ▸ within a month ▸ within a year ▸ further apart
Birth (year interval from birth date, or from age at the violation date)
    (an age on an undated row, read against its list's dates, consistent with the other ▸)
    the same years ▸ consistent (ages one year apart overlap) ▸ within two years ▸ further
Place, violation type, sex
    same city ▸ same place as written (signature, skeleton, close skeleton) ▸ one is a prison
    or detention site, the other another place or another prison (prisoners are moved, and
    lists name the prison or the home town: weak evidence, never a mismatch) ▸ same
    province ▸ other; same ▸ other
Extra identifiers (a national id, a postcode)
    equal ▸ one or two edits apart (``fuzzy``) ▸ other
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, Literal

import splink.comparison_level_library as cll
import splink.comparison_library as cl

from shomar.linkage.spec import ExtraColumn

NameLevels = Literal["exact", "canon", "skeleton", "close_key", "close_skeleton", "other"]


def _both(column: str, cond: str) -> str:
    return f"{column}_l IS NOT NULL AND {column}_r IS NOT NULL AND ({cond})"


#: the other part a name is swapped with (given and family names written in the other order)
SWAPS = {"given": "family", "family": "given"}


def name_comparison(part: str, *, term_frequency: bool = True) -> Any:
    """Cross-script evidence that the ``part`` names (given/family/father) are the same."""
    key, canon = f"{part}_key", f"{part}_canon"
    sig, skel = f"{part}_sig", f"{part}_skel"
    exact: Any = cll.CustomLevel(f"{key}_l = {key}_r", "same key")
    same: Any = cll.CustomLevel(f"{canon}_l = {canon}_r", "same name across scripts")
    if term_frequency:
        exact = exact.configure(tf_adjustment_column=canon, tf_adjustment_weight=1.0)
        same = same.configure(tf_adjustment_column=canon, tf_adjustment_weight=1.0)
    return cl.CustomComparison(
        comparison_levels=[
            *_father_as_family_levels(part),
            cll.NullLevel(key),
            exact,
            same,
            *_order_levels(part),
            *_swap_levels(part, "skel"),
            _typo_level(part),
            *_ending_levels(part),
            cll.CustomLevel(f"{sig}_l = {sig}_r", "same signature"),
            cll.CustomLevel(f"{skel}_l = {skel}_r", "same consonant skeleton"),
            *_abbreviation_levels(part),
            *_compound_levels(part),
            *_rare_slip_levels(part),
            *_family_as_father_levels(part),
            *_distinct_levels(part),
            cll.JaroWinklerLevel(key, 0.9),
            cll.JaroWinklerLevel(skel, 0.85),
            *_loose_levels(part),
            *_swap_levels(part, "lskel"),
            cll.ElseLevel(),
        ],
        output_column_name=f"{part}_name",
        comparison_description=f"{part} name across Persian and Latin script",
    )


#: one record's family-name field holds the other's father's name, and it has no father's
#: name of its own (a testimony gives «رامین», family «کمال», for Ramin Rahimi son of Kamal);
#: on the consonant skeleton, like the blocking rule (Mostafa/«مصطفی» differ in signature)
FATHER_AS_FAMILY = (
    "(father_key_l IS NULL AND family_skel_l = father_skel_r) "
    "OR (father_key_r IS NULL AND family_skel_r = father_skel_l)"
)

#: the father's level for such a pair (its weight is capped at the fathers' cross-script level)
FATHER_IN_FAMILY_LEVEL = "father's name written in the other's family field"


def _father_as_family_levels(part: str) -> list[Any]:
    """Fathers: the one record's father is named, in the other's family field (the families
    write it so); ahead of the null level, since that record's own father field is empty."""
    if part != "father":
        return []
    return [cll.CustomLevel(FATHER_AS_FAMILY, FATHER_IN_FAMILY_LEVEL)]


def _family_as_father_levels(part: str) -> list[Any]:
    """Family names: the same pair carries no evidence here (the family name is missing on
    the one record, not another name), so a neutral level, not the "else" level."""
    if part != "family":
        return []
    level = cll.CustomLevel(FATHER_AS_FAMILY, "family field holds the other's father's name")
    return [level.configure(is_null_level=True)]


def _order_levels(part: str) -> list[Any]:
    """Given and family names: the same parts in another order ("Sanjari Sohrab")."""
    if part not in SWAPS:
        return []
    return [
        cll.CustomLevel(
            _both("name_bag_sig", "name_bag_sig_l = name_bag_sig_r"),
            "same name parts in another order",
        )
    ]


#: a rare spelling of one record is one letter from the other record's (common) name
TYPO_LEVEL = "a slip of the other's name"


def _typo_level(part: str) -> Any:
    """The one name is a rare spelling one letter from the other, a common name («مجتب» /
    «مجتبی» or "Mojtaba", «حشین» / Hossein: :mod:`shomar.linkage.typos`), or both are slips
    of one name («مجتب» / «مجبی»); ahead of the
    ending and distinct-name levels, which would read «هاد» / «هادی» as another name."""
    fix, canon = f"{part}_fix", f"{part}_canon"
    cond = f"{fix}_l = {canon}_r OR {fix}_r = {canon}_l OR {fix}_l = {fix}_r"
    return cll.CustomLevel(cond, TYPO_LEVEL)


#: a rarely attested given name one edit from the other record's common one (in one script)
RARE_SLIP_LEVEL = "a rare spelling one letter from the other's name"


def _rare_slip_levels(part: str) -> list[Any]:
    """Given names: a rare spelling one edit (Damerau-Levenshtein on the keys) from the other
    record's common name, «پویز» beside «پرویز», «کامان» beside «کامران»: a dropped letter that
    the lexicon attests once, which is also one letter from another common name («پویا»,
    «سامان»), so the slip level (:func:`_typo_level`) cannot read it; the pair can. Ahead of
    "two different attested given names" (two common names stay there: Bahram/Bahman)."""
    if part != "given":
        return []
    marks = (
        "(given_slip_l = 'r' AND given_slip_r = 'c') OR (given_slip_l = 'c' AND given_slip_r = 'r')"
    )
    level = cll.And(cll.CustomLevel(marks), cll.DamerauLevenshteinLevel("given_key", 1))
    return [level.configure(label_for_charts=RARE_SLIP_LEVEL)]


def _ending_levels(part: str) -> list[Any]:
    """Given names of one stem with another ending: Mehdi/Mahdieh, a brother and a sister."""
    if part != "given":
        return []
    return [
        cll.CustomLevel(
            "given_stem_l = given_stem_r AND given_sig_l <> given_sig_r",
            DISAGREEMENT_LEVELS[0],
        )
    ]


#: levels that say the names differ: not floored at zero weight after training
DISAGREEMENT_LEVELS = ("gender or affix ending differs", "two different attested given names")


def _distinct_levels(part: str) -> list[Any]:
    """Two attested given names that no earlier level relates: Bahram/Bahman, two brothers."""
    if part != "given":
        return []
    return [
        cll.CustomLevel(
            "given_known_l = 'y' AND given_known_r = 'y' AND given_canon_l <> given_canon_r",
            DISAGREEMENT_LEVELS[1],
        )
    ]


def _abbreviation_levels(part: str) -> list[Any]:
    """Given names: a compound abbreviated to its head's initial and its last part ("H. Reza"
    for Hamidreza, "M. Ali" for «محمدعلی»), closer than a bare part of the compound; a given
    name that is only an initial ("FALLAHI, M.") and a name that begins with it."""
    if part != "given":
        return []
    bare = (
        "given_lead_l = given_lead_r AND given_lead_l <> '_' "
        "AND (given_bare_l = 'y' OR given_bare_r = 'y')"
    )
    return [
        cll.CustomLevel(
            _both("given_abbr", "given_abbr_l = given_abbr_r"), "initial and last part agree"
        ),
        cll.CustomLevel(_both("given_lead", bare), "an initial of the other name"),
    ]


def _compound_levels(part: str) -> list[Any]:
    """One name is a part of the other's compound (Aliakbar/Akbar, Ghaem-Maghami/Maghami)."""
    if part == "given":
        cond = (
            "given_sig_l = given_last_sig_r OR given_sig_r = given_last_sig_l "
            "OR given_sig_l = given_first_sig_r OR given_sig_r = given_first_sig_l"
        )
    elif part == "family":
        cond = "family_sig_l = family_last_sig_r OR family_sig_r = family_last_sig_l"
        return [cll.CustomLevel(cond, "part of a compound name"), _family_end_level()]
    else:
        return []
    return [cll.CustomLevel(cond, "part of a compound name")]


#: a family name's signature this long that ends another's is its shortened end, even when its
#: consonant skeleton is too short to say so («خیزی», ``xIzI``, skeleton ``xz``: Amirkhizi)
FAMILY_END_SIG_LETTERS = 4


def _family_end_level() -> Any:
    """A compound family name written as one word and shortened to its end on the other list
    ("Ghaemmaghami"/"Maghami", "Mirhosseini"/«حسینی»): one skeleton ends with the other, of
    three letters or more, or one signature (long vowels kept) with the other, of
    :data:`FAMILY_END_SIG_LETTERS` or more ("Amirkhizi"/«خیزی»; ``right`` and ``length`` run
    on DuckDB and Spark)."""
    ends = (
        "length({c}_{b}) >= {n} AND length({c}_{a}) > length({c}_{b}) "
        "AND right({c}_{a}, length({c}_{b})) = {c}_{b}"
    )
    conds = [
        ends.format(c=column, n=n, a=a, b=b)
        for column, n in (("family_skel", 3), ("family_sig", FAMILY_END_SIG_LETTERS))
        for a, b in (("l", "r"), ("r", "l"))
    ]
    cond = " OR ".join(f"({c})" for c in conds)
    both = f"family_sig_l IS NOT NULL AND family_sig_r IS NOT NULL AND {_both('family_skel', cond)}"
    return cll.CustomLevel(both, "family name ends with the other")


def _loose_levels(part: str) -> list[Any]:
    """Given and family names: the same loose skeleton (another romanisation and a dropped
    ``h`` or ``j``: Lagaei/لقایی, "Dschaber"/Jaber), weak evidence, never against a match."""
    if part not in SWAPS:
        return []
    column = f"{part}_lskel"
    return [cll.CustomLevel(_both(column, f"{column}_l = {column}_r"), "same loose skeleton")]


def _swap_levels(part: str, column: str) -> list[Any]:
    """Given and family names: the other reading of a row whose columns hold each other's
    name (given "Mousai", family "Jalal" for «موسوی جلال»), when the row-level check
    (:func:`shomar.linkage.names.columns_swapped`) could not tell: both crossed parts agree
    on the consonant skeleton (a typo in the vowels: the signatures differ, so "same name
    parts in another order" does not hold), or, late, on the loose skeleton (another
    romanisation of both), and each crossed pair ends in the same sound (the suffix -i makes
    another name: Hossein/Hosseini). Both records' values stay as they are; the weight is
    capped at the cross-script level's, as for any reordered name (``REORDER_LEVELS``)."""
    other = SWAPS.get(part)
    if other is None:
        return []
    a, b = f"{part}_{column}", f"{other}_{column}"
    # the last sound of each crossed pair agrees too: skeletons alone would take "Reza
    # Hosseini" for "Hossein Rezaei" (rz, hsn), two persons
    ends = (
        f"right({part}_sig_l, 1) = right({other}_sig_r, 1) "
        f"AND right({other}_sig_l, 1) = right({part}_sig_r, 1)"
    )
    cond = f"{a}_l = {b}_r AND {b}_l = {a}_r AND {a}_l <> {a}_r AND {ends}"
    both = _both(a, f"{b}_l IS NOT NULL AND {b}_r IS NOT NULL AND {cond}")
    return [cll.CustomLevel(both, f"swapped with the {other} name")]


def _interval_gap(lo: str, hi: str) -> str:
    """Days (or years) between two intervals; zero or less when they overlap."""
    return f"greatest({lo}_l, {lo}_r) - least({hi}_l, {hi}_r)"


#: days apart that two lists' dates of one event often are: a Jalali date converted a day off,
#: the date of an execution against the day it was announced or the body handed over
FEW_DAYS = 3
WITHIN_DAYS_LEVEL = "within a few days"


def date_comparison() -> Any:
    """Violation dates as Gregorian intervals: overlap, then distance in days."""
    gap = _interval_gap("date_start", "date_end")
    return cl.CustomComparison(
        comparison_levels=[
            cll.NullLevel("date_start"),
            cll.CustomLevel(
                "date_start_l = date_end_l AND date_start_r = date_end_r "
                "AND date_start_l = date_start_r",
                "same day",
            ),
            cll.CustomLevel(f"{gap} <= 0", "intervals overlap"),
            cll.CustomLevel(f"{gap} <= {FEW_DAYS}", WITHIN_DAYS_LEVEL),
            cll.CustomLevel(f"{gap} <= 31", "within a month"),
            cll.CustomLevel(f"{gap} <= 366", "within a year"),
            cll.ElseLevel(),
        ],
        output_column_name="violation_date",
        comparison_description="violation date interval overlap and distance",
    )


def birth_comparison() -> Any:
    """Birth-year intervals (from a birth date, or from age at the violation date)."""
    gap = _interval_gap("birth_lo", "birth_hi")
    wide = _interval_gap("birth_wide_lo", "birth_wide_hi")
    return cl.CustomComparison(
        comparison_levels=[
            # an age on an undated row, read against its list's span of dates (as the
            # conflict test reads it): consistent is weak evidence, not nothing
            cll.CustomLevel(
                "(birth_lo_l IS NULL OR birth_lo_r IS NULL) AND birth_wide_lo_l IS NOT NULL "
                f"AND birth_wide_lo_r IS NOT NULL AND {wide} <= 0",
                "birth years consistent with an undated age",
            ),
            cll.NullLevel("birth_lo"),
            cll.CustomLevel(
                "birth_lo_l = birth_lo_r AND birth_hi_l = birth_hi_r", "same birth years"
            ),
            cll.CustomLevel(f"{gap} <= 0", "birth years consistent (age ±1)"),
            cll.CustomLevel(f"{gap} <= 2", "within two years"),
            cll.ElseLevel(),
        ],
        output_column_name="birth",
        comparison_description="birth year vs age at the violation date",
    )


def birth_day_comparison() -> Any:
    """Exact birth dates, for lists that carry them (day precision)."""
    return cl.CustomComparison(
        comparison_levels=[
            cll.NullLevel("birth_iso"),
            cll.ExactMatchLevel("birth_iso"),
            cll.DamerauLevenshteinLevel("birth_iso", 1),
            cll.CustomLevel(
                _both("birth_start", f"{_interval_gap('birth_start', 'birth_end')} <= 31"),
                "within a month",
            ),
            cll.CustomLevel(
                _both("birth_lo", f"{_interval_gap('birth_lo', 'birth_hi')} <= 0"), "same year"
            ),
            cll.CustomLevel(
                _both("birth_lo", f"{_interval_gap('birth_lo', 'birth_hi')} <= 10"),
                "within ten years",
            ),
            cll.ElseLevel(),
        ],
        output_column_name="birth_day",
        comparison_description="birth date (day), one typo, year",
    )


def place_comparison() -> Any:
    """Resolved place: same city, same place as written, same province, or elsewhere."""
    missing = cll.CustomLevel(
        "(place_sig_l IS NULL AND province_l IS NULL) "
        "OR (place_sig_r IS NULL AND province_r IS NULL)",
        "place missing",
    ).configure(is_null_level=True)
    return cl.CustomComparison(
        comparison_levels=[
            missing,
            cll.CustomLevel(_both("city", "city_l = city_r"), "same city"),
            cll.CustomLevel(_both("place_sig", "place_sig_l = place_sig_r"), "same place"),
            cll.CustomLevel(
                _both("place_skel", "place_skel_l = place_skel_r"), "same place skeleton"
            ),
            cll.JaroWinklerLevel("place_skel", 0.88),
            cll.CustomLevel(
                "coalesce(place_site_l, 'n') = 'y' OR coalesce(place_site_r, 'n') = 'y'",
                "a detention site against another place",
            ),
            cll.CustomLevel(_both("province", "province_l = province_r"), "same province"),
            cll.ElseLevel(),
        ],
        output_column_name="place",
        comparison_description="resolved place (gazetteer)",
    )


def exact_comparison(column: str, description: str, *, term_frequency: bool = False) -> Any:
    """Equal or not (nulls are neutral)."""
    return cl.CustomComparison(
        comparison_levels=[
            cll.NullLevel(column),
            cll.ExactMatchLevel(column, term_frequency_adjustments=term_frequency),
            cll.ElseLevel(),
        ],
        output_column_name=column,
        comparison_description=description,
    )


def extra_comparison(extra: ExtraColumn) -> Any:
    """An identifier column: equal, one or two edits apart (fuzzy), or different."""
    levels: list[Any] = [
        cll.NullLevel(extra.name),
        cll.ExactMatchLevel(extra.name, term_frequency_adjustments=extra.term_frequency),
    ]
    if extra.kind == "fuzzy":
        levels += [
            cll.DamerauLevenshteinLevel(extra.name, 1),
            cll.DamerauLevenshteinLevel(extra.name, 2),
        ]
    elif extra.kind == "text":
        levels += [cll.JaroWinklerLevel(extra.name, 0.92), cll.JaroWinklerLevel(extra.name, 0.8)]
    levels.append(cll.ElseLevel())
    return cl.CustomComparison(
        comparison_levels=levels,
        output_column_name=extra.name,
        comparison_description=f"identifier {extra.name} ({extra.kind})",
    )


def default_comparisons(
    extras: Sequence[ExtraColumn] = (),
    *,
    birth_days: bool = False,
    present: Collection[str] | None = None,
) -> list[Any]:
    """The comparisons of Shomar's model, in a fixed order.

    With ``present`` (the feature columns that hold any value), comparisons of columns that
    are empty in every record are left out: they carry no evidence and cost time.
    """
    candidates: list[tuple[str, Any]] = [
        ("given_key", name_comparison("given")),
        ("family_key", name_comparison("family")),
        ("father_key", name_comparison("father", term_frequency=False)),
        ("date_start", date_comparison()),
        ("birth_lo", birth_day_comparison() if birth_days else birth_comparison()),
        ("place_sig", place_comparison()),
        ("violation", exact_comparison("violation", "violation type")),
        ("sex", exact_comparison("sex", "sex")),
    ]
    candidates += [(e.name, extra_comparison(e)) for e in extras]
    return [c for column, c in candidates if present is None or column in present]
