"""Persian-aware feature columns, computed before splink.

splink compares columns with SQL; it cannot tell that ``محمد`` and ``Mohammad`` are one name,
that ``Mordad 1367`` is a month in 1988, or that ``Tehran`` and ``تهران`` are one province. So
every record is turned into plain columns first, using :mod:`shomar.text`,
:mod:`shomar.calendar` and :mod:`shomar.places`, and the model only compares those columns.
Because they are precomputed, the same model runs on DuckDB and on Spark.

Columns (``X`` is ``given``, ``family`` or ``father``):

==================  ===========================================================================
``X_key``           the part's comparison key in its own script (``name_key``)
``X_canon``         a cross-script canonical form: parts with the same skeleton that
                    ``compare_parts`` calls the same name share it (Mohammad = محمد, not محمود)
``X_sig``           consonants plus long and final vowels, shared by both scripts
                    (``signature``: Mohammad/محمد → mhmd, Mahmoud/محمود → mhmUd)
``X_skel``          consonant skeleton shared by both scripts (a blocking key)
``X_fix``           for a rare spelling one letter from a common name (a slip: «مجتب» for
                    «مجتبی»), that name's canonical form (:mod:`shomar.linkage.typos`)
``name_skel``       given and family skeletons sorted (catches swaps); null unless both known
``family_head/tail`` first and last two letters of the family skeleton (blocking that survives
                    one typo in the family name); ``given/family_initial`` a skeleton's first
                    letter; ``given_head`` the given skeleton's first two letters (a compound
                    given name whole on one list, its first part on another: Bani-Torof/بنی)
``date_start/end``  violation date as Gregorian day numbers (days since 1970-01-01), inclusive;
                    a two-digit year read near its list's other dates (:func:`violation_dates`),
                    also year first («۶۷/۵/۸»)
``date_year``       the year of ``date_start`` (a blocking key)
``birth_lo/hi``     birth-year interval, from the birth date or from age at the violation date
``birth_iso``       the birth date as ``YYYY-MM-DD`` when it is known to the day
``birth_wide_lo/hi`` for the conflict test only: ``birth_lo/hi``, or, for an age on a row
                    without a date, the age read against its list's span of violation dates
                    (:func:`birth_years_from_span`)
``birth_start/end`` the birth interval in Gregorian day numbers (whole years from an age)
``province``        ISO 3166-2 code of the resolved province; ``city`` the resolved city
``place_sig/skel``  signature and skeleton of the place as written (villages the gazetteer
                    lacks); ``place_site`` ``y`` for a prison or detention site
``date_day``        ``date_start`` when the date is known to the day (a blocking key)
``date_month``      the Gregorian month (``year * 12 + month - 1``) of the date's midpoint when
                    the date spans at most :data:`MONTH_KEY_MAX_DAYS` (a day, "Azar 1390",
                    "2011-12"); null for a season, a year or no date (a blocking key)
``violation``       normalized violation type; ``sex`` ``m``/``f`` (as recorded, else the
                    gender of an attested given name: Mehdi m, Mahdieh f)
``given_known``     ``y`` when the given name is an attested given name
``given_slip``      ``r`` for a given name attested only 1-3 times, ``c`` for a
                    common one (``typos.slip_marks``): a rare one one edit from the other
                    record's common name is a slip of it
``given_last/first_sig``, ``given_last_skel``, ``family_last_sig/skel``
                    signature/skeleton of the first or last part of a compound name
``given_stem``      the given signature without a gender or affix ending (Mahdi/Mahdieh)
``given_abbr``      ``initial|last part's skeleton`` of a given name written with an initial
                    or of a compound one ("H. Reza", Hamidreza, «حمیدرضا» → ``h|rz``)
``given_lead``      the given name's first sound as one skeleton letter (``initial_key``:
                    M./Mohammad/«محمد» → ``m``); ``given_bare`` ``y`` when the given name is
                    only an initial ("FALLAHI, M.")
``name_bag_skel/sig`` every name part's skeleton/signature, sorted (any order)
``name_order``      how the full name was read: given_first, family_first (list), comma
``name_lskel``      given and family *loose* skeletons sorted (``loose_skeleton``: French,
                    German and BGN spellings, a dropped ``h``); ``_`` for a part without consonants
``name_anchor_lo``  the smaller of the two (the other half of the swaps and typos)
``name_single``     the loose skeleton of a name with one part only (the other missing or just
                    an honorific: "Sheykh | Ghanbarzadeh", «شیخ قنبرزاده»)
``given/family_lskel`` the part's loose skeleton (another romanisation: Lagaei/لقایی,
                    "Goddja"/گوجا), for a comparison level below the close spellings
``name_initials``   the first letters of both parts' loose skeletons, sorted (both parts
                    garbled at once: "Vossouh Sooush"/«سروش وثوق», with a birth year)
``name_anchor``     the larger of "given loose skeleton|family's first letter" and the same
                    with the parts swapped (a typo in one part, in either order)
==================  ===========================================================================

Values are computed once per distinct input text, so a million records with a few ten thousand
distinct names cost seconds. The engine is handed only the columns splink's SQL reads
(:mod:`.columns`); the ids, ``name_order``, ``date_year``, ``birth_iso`` and (unless birth
days are compared) ``birth_start/end`` stay with the Python steps and the diagnostics.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from shomar.calendar import parse_partial_date
from shomar.domain.columns import CANONICAL_COLUMNS
from shomar.errors import LinkageError, ShomarError
from shomar.linkage.names import (
    abbreviation_key,
    clean_family,
    clean_given,
    columns_swapped,
    compound_parts,
    family_core,
    family_first_sources,
    initial_key,
    is_initial,
    leading_initial,
    name_bag,
    reromanised,
    split_full_name,
)
from shomar.linkage.typos import FAMILY, GIVEN, slip_marks, typo_canons
from shomar.places import resolve_place
from shomar.text import (
    compare_parts,
    detect_script,
    name_key,
    parse_name,
    persian_display,
    signature,
    skeleton,
)
from shomar.text.lexicon import given_gender, is_known_given, readings_of
from shomar.text.parse import HONORIFICS
from shomar.text.skeleton import loose_skeleton

logger = logging.getLogger(__name__)


NAME_PARTS: tuple[str, ...] = ("given", "family", "father")

FEATURE_COLUMNS: tuple[str, ...] = (
    "unique_id",
    "source",
    "record_id",
    *(f"{p}_{k}" for p in NAME_PARTS for k in ("key", "canon", "sig", "skel", "fix")),
    "name_skel",
    "name_bag_skel",
    "name_bag_sig",
    "given_first_sig",
    "given_last_sig",
    "given_last_skel",
    "given_stem",
    "given_abbr",
    "given_lead",
    "given_bare",
    "family_last_sig",
    "family_last_skel",
    "name_order",
    "family_head",
    "family_tail",
    "given_head",
    "given_initial",
    "family_initial",
    "date_start",
    "date_end",
    "date_year",
    "birth_lo",
    "birth_hi",
    "birth_iso",
    "birth_wide_lo",
    "birth_wide_hi",
    "birth_start",
    "birth_end",
    "province",
    "city",
    "place_sig",
    "place_skel",
    "place_site",
    "date_day",
    "date_month",
    "violation",
    "sex",
    "given_known",
    "given_slip",
    "name_lskel",
    "name_anchor",
    "name_single",
    "name_anchor_lo",
    "given_lskel",
    "family_lskel",
    "name_initials",
)

#: the probability above which ``compare_parts`` puts two spellings in one canonical group
CANON_THRESHOLD = 0.5

_EPOCH = dt.date(1970, 1, 1)

_VIOLATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("death_in_custody", ("custody", "در بازداشت", "زیر شکنجه", "در زندان")),
    ("execution", ("execut", "hang", "اعدام")),
    ("enforced_disappearance", ("disappear", "ناپدید")),
    ("torture", ("tortur", "شکنجه")),
    ("arbitrary_detention", ("detent", "arrest", "imprison", "بازداشت", "دستگیر", "زندان")),
    ("injury", ("injur", "wound", "blind", "زخمی", "مجروح", "جراحت", "نابینا")),
    ("killing", ("kill", "shot", "murder", "death", "died", "کشته", "قتل", "جان باخت", "جانباخت")),
    ("other", ("other", "سایر", "دیگر")),
)

_SEX = {
    "m": "m",
    "male": "m",
    "man": "m",
    "boy": "m",
    "مرد": "m",
    "مذکر": "m",
    "پسر": "m",
    "f": "f",
    "female": "f",
    "woman": "f",
    "girl": "f",
    "زن": "f",
    "مونث": "f",
    "مؤنث": "f",
    "دختر": "f",
}

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    text = str(value).strip()
    return text or None


def _texts(values: pd.Series) -> list[str | None]:
    """Stripped texts, ``None`` for missing or blank cells (vectorised :func:`_text`)."""
    cleaned = values.astype("string").str.strip()
    cleaned = cleaned.mask(cleaned == "")
    return [None if v is pd.NA else v for v in cleaned.tolist()]


def _map_unique(values: pd.Series | list[str | None], func: Callable[[str], Any]) -> list[Any]:
    """Apply ``func`` once per distinct non-empty text in ``values``; ``None`` for empties."""
    texts = values if isinstance(values, list) else _texts(values)
    cache: dict[str, Any] = {}
    out: list[Any] = []
    for text in texts:
        if text is None:
            out.append(None)
            continue
        if text not in cache:
            try:
                cache[text] = func(text)
            except ShomarError:
                cache[text] = None
            except (ValueError, KeyError, IndexError):
                logger.debug("feature extraction failed on %r", text, exc_info=True)
                cache[text] = None
        out.append(cache[text])
    return out


def _shared(values: Iterable[str | None]) -> list[str | None]:
    """``values`` with equal texts as one object: keys built per row (``name_skel``, a
    skeleton's first two letters) are otherwise one string object per record, which at a
    million records is most of the feature frame's memory."""
    seen: dict[str, str] = {}
    return [None if v is None else seen.setdefault(v, v) for v in values]


def normalize_violation(text: str) -> str:
    """The violation category (DESIGN §3) that a free text in either script names."""
    folded = persian_display(text).casefold().replace("_", " ")  # Arabic ي/ك as Persian
    for category, needles in _VIOLATIONS:
        if any(n in folded for n in needles):
            return category
    return folded


def normalize_sex(text: str) -> str | None:
    """``m``, ``f`` or ``None`` for a sex written in either script."""
    return _SEX.get(persian_display(text).casefold().strip())


def _parse_age(text: str) -> int | None:
    match = re.search(r"\d{1,3}", text.translate(_PERSIAN_DIGITS))
    if not match:
        return None
    age = int(match.group())
    return age if 0 <= age <= 120 else None


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=200_000)
def _date_interval(text: str) -> tuple[int, int] | None:
    iso = _ISO_DAY.fullmatch(text)
    if iso:  # fast path for the commonest form; anything odd goes to the full parser
        try:
            day = (dt.date(*map(int, iso.groups())) - _EPOCH).days
        except ValueError:
            return None
        return day, day
    try:
        parsed = parse_partial_date(text)
    except ShomarError:
        return None
    return (parsed.start - _EPOCH).days, (parsed.end - _EPOCH).days


#: a two-digit year is read near its list's other dates, widened by this (as an import does)
CENTURY_MARGIN_YEARS = 5


@lru_cache(maxsize=200_000)
def _date_with_century(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text`` read with the century hint ``start``..``end`` (day numbers), or ``None``
    (the date parser reads «مرداد ۶۷» and a register's year-first «۶۷/۵/۸» so)."""
    hint = (_EPOCH + dt.timedelta(days=start), _EPOCH + dt.timedelta(days=end))
    try:
        parsed = parse_partial_date(text, century_hint=hint)
    except ShomarError:
        return None
    return (parsed.start - _EPOCH).days, (parsed.end - _EPOCH).days


def violation_dates(
    texts: Sequence[str | None], sources: Sequence[str]
) -> list[tuple[int, int] | None]:
    """Violation dates as day intervals. A two-digit year («مرداد ۶۷», "summer 90") is read
    with the century of its list's other dates, widened by :data:`CENTURY_MARGIN_YEARS`, as
    :mod:`shomar.ingest.validate` does on import; without them it stays unread. Records
    imported into a workspace already carry the four-digit year."""
    dates = _map_unique(list(texts), _date_interval)
    spans: dict[str, tuple[int, int]] = {}
    for source, date in zip(sources, dates, strict=True):
        if date is not None:
            lo, hi = spans.get(source, date)
            spans[source] = (min(lo, date[0]), max(hi, date[1]))
    margin = round(365.25 * CENTURY_MARGIN_YEARS)
    for i, (text, source) in enumerate(zip(texts, sources, strict=True)):
        if text is not None and dates[i] is None and source in spans:
            lo, hi = spans[source]
            dates[i] = _date_with_century(text, lo - margin, hi + margin)
    return dates


def birth_years_from_span(
    lo: Sequence[int | None],
    hi: Sequence[int | None],
    ages: Sequence[int | None],
    dates: Sequence[tuple[int, int] | None],
    sources: Sequence[str],
) -> tuple[list[int | None], list[int | None]]:
    """Birth-year intervals ``lo``/``hi`` with the gaps filled where a row gives an age but
    no date: the age is read against the span of its list's violation dates (a list about
    one event spans months, so "41" on an undated row of a 1988 list is born 1946-1947, and
    cannot be a namesake aged 22). The interval is as wide as the list's span, so a list of
    many years' events gives a wide one, and a list without any date gives none."""
    spans: dict[str, tuple[int, int]] = {}
    for source, date in zip(sources, dates, strict=True):
        if date is not None:
            first, last = spans.get(source, date)
            spans[source] = (min(first, date[0]), max(last, date[1]))
    wide_lo, wide_hi = list(lo), list(hi)
    for i, (age, date, source) in enumerate(zip(ages, dates, sources, strict=True)):
        if wide_lo[i] is None and age is not None and date is None and source in spans:
            first, last = spans[source]
            wide_lo[i] = (_EPOCH + dt.timedelta(days=first)).year - age - 1
            wide_hi[i] = (_EPOCH + dt.timedelta(days=last)).year - age
    return wide_lo, wide_hi


@lru_cache(maxsize=200_000)
def _key(text: str) -> str | None:
    return name_key(text) or None


@lru_cache(maxsize=200_000)
def _skel(text: str) -> str | None:
    return skeleton(text) or None


@lru_cache(maxsize=200_000)
def _sig(text: str) -> str | None:
    return signature(text) or None


@lru_cache(maxsize=500_000)
def _split_parts(
    full: str | None,
    given: str | None,
    family: str | None,
    father: str | None,
    family_first: bool = False,
) -> tuple[str | None, str | None, str | None, str | None]:
    """Given, family and father's name of one record, parsing the full name when needed
    ("FAMILY, Given" and family-first lists honoured); the given name without honorifics,
    initials and suffixes; and the given name's abbreviation key (``abbreviation_key``)."""
    if given and family and columns_swapped(given, family):
        given, family = family, given
    initial = None
    if full and not (given and family):
        initial = None if given else leading_initial(re.split("[,،]", full)[-1])
        g, f, fa = split_full_name(full, family_first)
        given = given or g
        family = family or f
        father = father or fa
    if given:
        stripped = _parse(given)
        if stripped is not None and stripped[0] and not stripped[1]:
            given = stripped[0]
        initial = initial or leading_initial(given)
        given = clean_given(given)
    if family:
        family = clean_family(family)
    given, family, father = (reromanised(v) if v else v for v in (given, family, father))
    return given, family, father, abbreviation_key(initial, given)


#: signature endings that make another name of the same stem (Mahdi/Mahdieh, Javad/Javadi)
_ENDINGS = ("IE", "Ih", "E", "A", "I", "h")


@lru_cache(maxsize=200_000)
def _stem(sig: str) -> str:
    for ending in _ENDINGS:
        if sig.endswith(ending) and len(sig) - len(ending) >= 2:
            return sig[: -len(ending)]
    return sig


def _part_columns(values: list[str | None], given: bool) -> dict[str, list[str | None]]:
    """Signatures and skeletons of the first and last compound part of each name (of a family
    name, without the honorifics that open it: "Haj-Seyed-Javadi" and «حاج‌سیدجوادی» end
    in Javadi, which other lists write alone)."""
    columns = [_part_sigs(v, given) if v else (None, None, None) for v in values]
    first_sig, last_sig, last_skel = (
        (list(c) for c in zip(*columns, strict=True)) if columns else ([], [], [])
    )
    return {"first_sig": first_sig, "last_sig": last_sig, "last_skel": last_skel}


@lru_cache(maxsize=200_000)
def _part_sigs(value: str, given: bool) -> tuple[str | None, str | None, str | None]:
    parts = compound_parts(value, given=True) if given else family_core(value)
    if not parts:
        return None, None, None
    first, last = _as_written(value, parts[0]), _as_written(value, parts[-1])
    return _sig(first), _sig(last), _skel(last)


def _as_written(value: str, part: str) -> str:
    """The piece of ``value`` that a compound part found as a key stands for ("Gholamreza" →
    "Gholam" for the key ``qulam``), so its signature is the one the name alone gets: a key's
    own signature reads its u as long ("qUlm", where "Gholam" and «غلام» give "qlm")."""
    if part in value:
        return part
    for i in range(1, len(value)):
        if name_key(value[:i]) == part:
            return value[:i]
        if name_key(value[i:]) == part:
            return value[i:]
    return part


@lru_cache(maxsize=200_000)
def _parse(text: str) -> tuple[str | None, str | None, str | None] | None:
    try:
        parsed = parse_name(text)
    except ShomarError:
        return None
    return (
        _text(getattr(parsed, "given", None)),
        _text(getattr(parsed, "family", None)),
        _text(getattr(parsed, "father", None)),
    )


def canonical_forms(
    names: Iterable[str | None],
    compare: Callable[[str, str], float] = compare_parts,
    threshold: float = CANON_THRESHOLD,
) -> dict[str, str]:
    """Map each distinct name part to a representative spelling shared across scripts.

    Names are grouped by consonant skeleton; within a group, the most frequent spellings become
    representatives first and every other spelling joins the first representative that
    ``compare`` scores at ``threshold`` or more. ``Mohammad``/``محمد``/``Mohamad`` share one
    representative; ``Mahmoud``/``محمود`` (same skeleton) keep their own.
    """
    counts: dict[str, int] = defaultdict(int)
    for key in names:
        if key:
            counts[key] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        groups[_skel(key) or key].append(key)
    canon: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda k: (-counts[k], k))
        reps: list[str] = []
        for key in members:
            for rep in reps:
                if compare(key, rep) >= threshold:
                    canon[key] = rep
                    break
            else:
                reps.append(key)
                canon[key] = key
    return canon


@lru_cache(maxsize=100_000)
def _name_gender(given: str) -> str | None:
    """``m``/``f`` of an attested given name in either script (a Latin spelling by its
    dominant Persian reading, ≥ 90 % of its attestations), else ``None``."""
    first = compound_parts(given)[0]
    if detect_script(first) == "persian":
        return given_gender(first)
    readings = readings_of(name_key(first))
    total = sum(readings.values())
    if not total:
        return None
    top = max(readings, key=lambda k: readings[k])
    return given_gender(top) if readings[top] / total >= 0.9 else None


def _all_parts(given: str | None, family: str | None) -> list[str]:
    out: list[str] = []
    if given:
        out += compound_parts(given, given=True)
    if family:
        out += compound_parts(family, given=False)
    return out


def _year_start(year: int) -> int:
    return (dt.date(year, 1, 1) - _EPOCH).days


def _year_end(year: int) -> int:
    return (dt.date(year, 12, 31) - _EPOCH).days


#: place kinds that are detention sites (a prison where one list places a death and another
#: names the home town: weak evidence, not a mismatch)
DETENTION_KINDS = ("prison", "detention_centre", "camp")

#: a place resolved with less confidence (an ambiguous village name) says nothing of its province
PLACE_PROVINCE_CONFIDENCE = 0.5


def _province_of_place(match: Any) -> str | None:
    if match is None or (getattr(match, "confidence", 0.0) or 0.0) < PLACE_PROVINCE_CONFIDENCE:
        return None
    return _text(getattr(match, "province_iso", None))


#: the longest date interval (days) that still gets a ``date_month`` key: a Jalali or Gregorian
#: month is 29-31 days; two months read as one interval still name a month by their middle
MONTH_KEY_MAX_DAYS = 62


def month_key(interval: tuple[int, int] | None) -> int | None:
    """``year * 12 + month - 1`` of the interval's middle day, for intervals of at most
    :data:`MONTH_KEY_MAX_DAYS` days (both ends counted); "Azar 1390" (2011-11-22/12-21) and
    "2011-12" share a key, and so does a day from 10 Azar on (a day before it is November's:
    a Gregorian key loses some Jalali pairs, never makes a wrong one)."""
    if interval is None or interval[1] - interval[0] >= MONTH_KEY_MAX_DAYS:
        return None
    middle = _EPOCH + dt.timedelta(days=(interval[0] + interval[1]) // 2)
    return middle.year * 12 + middle.month - 1


def _days(values: list[tuple[int, int] | None], index: int) -> pd.Series:
    return pd.Series([v[index] if v else None for v in values], dtype="Int64")


@lru_cache(maxsize=200_000)
def _loose(text: str) -> str | None:
    """The loose skeleton of a name part; ``_`` for a part written without consonants
    (او, "Ave"), ``None`` for no name."""
    return loose_skeleton(text) or ("_" if _key(text) else None)


def loose_name_keys(
    given: Sequence[str | None], family: Sequence[str | None]
) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """``name_lskel``, ``name_anchor`` and ``name_anchor_lo`` of each (given, family) pair;
    ``None`` unless both parts are known. The anchors are "one part's loose skeleton|the
    other's first letter" both ways, the larger and the smaller: a typo in one part leaves
    the key of the other intact, whatever the order the parts are written in."""
    lskel: list[str | None] = []
    high: list[str | None] = []
    low: list[str | None] = []
    for g, f in zip(given, family, strict=True):
        a, b = (_loose(g) if g else None), (_loose(f) if f else None)
        if a is None or b is None:
            lskel.append(None)
            high.append(None)
            low.append(None)
            continue
        lskel.append(" ".join(sorted((a, b))))
        anchors = sorted((f"{a}|{b[0]}", f"{b}|{a[0]}"))
        low.append(anchors[0])
        high.append(anchors[1])
    return lskel, high, low


def _real_part(text: str | None) -> str | None:
    return text if text and _key(text) and _key(text) not in HONORIFICS else None


def single_name_keys(given: Sequence[str | None], family: Sequence[str | None]) -> list[str | None]:
    """``name_single`` of each (given, family) pair: the loose skeleton of the one real name
    part when the other is missing or only an honorific, else ``None``."""
    out: list[str | None] = []
    for g, f in zip(given, family, strict=True):
        real = [p for p in (_real_part(g), _real_part(f)) if p]
        out.append(_loose(real[0]) if len(real) == 1 else None)
    return out


def compute_features(records: pd.DataFrame, extra_columns: Sequence[str] = ()) -> pd.DataFrame:
    """Feature frame for ``records`` (canonical columns plus ``source``; see module docs).

    ``extra_columns`` (identifiers such as a national id or a postcode) are copied as text.
    Rows keep their order; ``unique_id`` is the row position.
    """
    if "record_id" not in records.columns or "source" not in records.columns:
        raise LinkageError(
            "Records for linkage need the columns 'source' and 'record_id'.",
            hint="Name each list (source) and give every row a record_id.",
        )
    frame = records.reset_index(drop=True)
    n = len(frame)
    col = {c: frame[c] if c in frame.columns else pd.Series([None] * n) for c in CANONICAL_COLUMNS}
    raw = {c: _texts(col[c]) for c in CANONICAL_COLUMNS}

    parts: dict[str, list[str | None]] = {p: [] for p in NAME_PARTS}
    sources = frame["source"].astype(str).tolist()
    reversed_lists = family_first_sources(sources, raw["full_name"])
    order: list[str | None] = []
    abbreviations: list[str | None] = []
    names = zip(
        sources,
        raw["full_name"],
        raw["given_name"],
        raw["family_name"],
        raw["father_name"],
        strict=True,
    )
    for source, full, given_name, family_name, father_name in names:
        first = source in reversed_lists
        given, family, father, abbr = _split_parts(
            full, given_name, family_name, father_name, first
        )
        abbreviations.append(abbr)
        if full and not (given_name and family_name):
            comma = "," in full or "،" in full
            order.append("comma" if comma else "family_first" if first else "given_first")
        else:
            order.append(None)
        parts["given"].append(given)
        parts["family"].append(family)
        parts["father"].append(father)

    out = pd.DataFrame(
        {
            "unique_id": np.arange(n, dtype=np.int64),
            "source": frame["source"].astype(str).to_numpy(),
            "record_id": frame["record_id"].astype(str).to_numpy(),
        }
    )
    given_canon = canonical_forms([*parts["given"], *parts["father"]])
    family_canon = canonical_forms(parts["family"])
    for p in NAME_PARTS:
        table = family_canon if p == "family" else given_canon
        out[f"{p}_key"] = [_key(v) if v else None for v in parts[p]]
        out[f"{p}_canon"] = [_key(table[v]) if v else None for v in parts[p]]
        out[f"{p}_sig"] = [_sig(v) if v else None for v in parts[p]]
        out[f"{p}_skel"] = [_skel(v) if v else None for v in parts[p]]
        role = FAMILY if p == "family" else GIVEN
        out[f"{p}_fix"] = typo_canons(parts[p], table, role, compare_parts, CANON_THRESHOLD)
    for p, is_given in (("given", True), ("family", False)):
        columns = _part_columns(parts[p], is_given)
        if is_given:
            out["given_first_sig"] = columns["first_sig"]
        out[f"{p}_last_sig"] = columns["last_sig"]
        out[f"{p}_last_skel"] = columns["last_skel"]
    out["given_stem"] = [_stem(s) if s else None for s in out["given_sig"]]
    out["given_abbr"] = _shared(abbreviations)
    out["given_lead"] = [initial_key(g) if g else None for g in parts["given"]]
    out["given_bare"] = ["y" if g and is_initial(g) else None for g in parts["given"]]
    both = list(zip(parts["given"], parts["family"], strict=True))
    out["name_bag_skel"] = _shared(name_bag(_all_parts(g, f), _skel) for g, f in both)
    out["name_bag_sig"] = _shared(name_bag(_all_parts(g, f), _sig) for g, f in both)
    out["name_order"] = order
    out["family_head"] = _shared(s[:2] if s else None for s in out["family_skel"])
    out["given_initial"] = [s[:1] if s else None for s in out["given_skel"]]
    out["family_initial"] = [s[:1] if s else None for s in out["family_skel"]]
    out["family_tail"] = _shared(s[-2:] if s else None for s in out["family_skel"])
    out["given_head"] = _shared(s[:2] if s else None for s in out["given_skel"])
    out["name_skel"] = _shared(
        " ".join(sorted((g, f))) if g and f else None
        for g, f in zip(out["given_skel"], out["family_skel"], strict=True)
    )

    dates = violation_dates(raw["date"], sources)
    out["date_start"] = _days(dates, 0)
    out["date_end"] = _days(dates, 1)
    out["date_day"] = pd.Series(
        [d[0] if d and d[0] == d[1] else None for d in dates], dtype="Int64"
    )
    out["date_month"] = pd.Series([month_key(d) for d in dates], dtype="Int64")
    out["date_year"] = pd.Series(
        [(_EPOCH + dt.timedelta(days=d[0])).year if d else None for d in dates], dtype="Int64"
    )
    births = _map_unique(raw["birth_date"], _date_interval)
    ages = _map_unique(raw["age"], _parse_age)
    lo: list[int | None] = []
    hi: list[int | None] = []
    for birth, age, date in zip(births, ages, dates, strict=True):
        if birth:
            lo.append((_EPOCH + dt.timedelta(days=birth[0])).year)
            hi.append((_EPOCH + dt.timedelta(days=birth[1])).year)
        elif age is not None and date:
            lo.append((_EPOCH + dt.timedelta(days=date[0])).year - age - 1)
            hi.append((_EPOCH + dt.timedelta(days=date[1])).year - age)
        else:
            lo.append(None)
            hi.append(None)
    out["birth_iso"] = _shared(
        (_EPOCH + dt.timedelta(days=b[0])).isoformat() if b and b[0] == b[1] else None
        for b in births
    )
    out["birth_lo"] = pd.Series(lo, dtype="Int64")
    out["birth_hi"] = pd.Series(hi, dtype="Int64")
    wide_lo, wide_hi = birth_years_from_span(lo, hi, ages, dates, sources)
    out["birth_wide_lo"] = pd.Series(wide_lo, dtype="Int64")
    out["birth_wide_hi"] = pd.Series(wide_hi, dtype="Int64")
    out["birth_start"] = pd.Series(
        [
            b[0] if b else (_year_start(y) if y is not None else None)
            for b, y in zip(births, lo, strict=True)
        ],
        dtype="Int64",
    )
    out["birth_end"] = pd.Series(
        [
            b[1] if b else (_year_end(y) if y is not None else None)
            for b, y in zip(births, hi, strict=True)
        ],
        dtype="Int64",
    )

    places = _map_unique(raw["place"], resolve_place)
    provinces = _map_unique(raw["province"], resolve_place)
    out["province"] = [
        _text(getattr(pr, "province_iso", None)) or _province_of_place(pl)
        for pl, pr in zip(places, provinces, strict=True)
    ]
    out["city"] = [
        _text(getattr(pl, "city", None)) or _text(getattr(pl, "county", None)) for pl in places
    ]
    out["place_site"] = [
        "y" if getattr(pl, "kind", None) in DETENTION_KINDS else None for pl in places
    ]
    out["place_sig"] = _map_unique(raw["place"], _sig)
    out["place_skel"] = _map_unique(raw["place"], _skel)
    out["violation"] = _map_unique(raw["violation"], normalize_violation)
    recorded = _map_unique(raw["sex"], normalize_sex)
    out["sex"] = [
        r or _name_gender(g) if g else r for r, g in zip(recorded, parts["given"], strict=True)
    ]
    out["given_known"] = [
        "y" if k and is_known_given(k) else None for k in out["given_key"].tolist()
    ]
    out["given_slip"] = slip_marks(out["given_key"].tolist(), GIVEN)
    loose_keys = loose_name_keys(parts["given"], parts["family"])
    out["name_lskel"], out["name_anchor"], out["name_anchor_lo"] = map(_shared, loose_keys)
    out["name_single"] = single_name_keys(parts["given"], parts["family"])
    for p in ("given", "family"):
        out[f"{p}_lskel"] = _shared((loose_skeleton(v) or None) if v else None for v in parts[p])
    out["name_initials"] = _shared(
        "".join(sorted((g[0], f[0]))) if g and f else None
        for g, f in zip(out["given_lskel"], out["family_lskel"], strict=True)
    )
    for extra in extra_columns:
        if extra not in frame.columns:
            raise LinkageError(f"The extra linkage column {extra!r} is not in the records.")
        out[extra] = [_text(v) for v in frame[extra].tolist()]
    return out[[*FEATURE_COLUMNS, *extra_columns]]
