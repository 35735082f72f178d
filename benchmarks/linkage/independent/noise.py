"""How one person's name, date and place get written by one list: the noise, with its tags.

Every helper appends the noise classes it applied to ``tags`` so the scorer can say which
kinds of writing the linker misses; a tag names what the writer did, not what it costs.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.linkage.independent import jalali
from benchmarks.linkage.independent.persons import Person
from benchmarks.linkage.independent.romanise import capitalise, plain, romanise, word

ZWNJ = "\u200c"
_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})
_FA_CONFUSABLE = ("بپتث", "جچحخ", "دذ", "رزژ", "سش", "صض", "طظ", "عغ", "فق", "کگ")
_LA_VOWEL_SWAP = {"e": "a", "a": "e", "o": "u", "u": "o", "i": "e"}
_SEYED = {
    "english": ("Seyed", "Seyyed", "Sayed", "Sayyed", "Seied"),
    "bgn": ("Seyyed",),
    "french": ("Seyed", "Sayed", "Seyyed"),
    "german": ("Seyed", "Sejjed", "Seyyed"),
    "ala": ("Sayyid",),
    "ala_plain": ("Sayyid", "Sayyed"),
}
_HAJ = {"ala": ("Ḥājj",), "ala_plain": ("Hajj",)}
_DIGRAPHS = ("Dsch", "Tsch", "Sch", "Dj", "Gh", "Kh", "Sh", "Ch", "Zh", "Tch")


# --- Persian script -------------------------------------------------------------------------


def fa_given(p: Person, rng: random.Random, tags: list[str], coll: float, hon: float) -> str:
    """The given name in Persian, maybe colloquial, with or without «سید»/«سادات»/«حاج»."""
    text = p.given.fa
    if p.given.coll and rng.random() < coll:
        text = p.given.coll[0]
        tags.append("colloquial")
    return _fa_honorific(p, text, rng, tags, hon)


def _fa_honorific(p: Person, text: str, rng: random.Random, tags: list[str], hon: float) -> str:
    if p.seyed or p.haj:
        if rng.random() < hon:
            tags.append("honorific_kept")
            if p.seyed:
                text = text + " سادات" if p.sex == "f" else "سید " + text
            if p.haj:
                text = "حاج " + text
        else:
            tags.append("honorific_dropped")
    return text


def fa_family(p: Person, rng: random.Random, tags: list[str], short: float) -> str:
    """The family name in Persian, its compound maybe cut to one part («سپاه‌منصور» → منصور)."""
    if p.family.short and rng.random() < short:
        tags.append("compound_short")
        return p.family.short[0]
    return p.family.fa


def fa_noise(
    text: str, rng: random.Random, tags: list[str], arabic: bool, typo: float, zwnj: float
) -> str:
    """Keyboard and spelling noise on a Persian field; ``arabic`` is the row's keyboard."""
    if ZWNJ in text and rng.random() < zwnj:
        if rng.random() < 0.6:
            text = text.replace(ZWNJ, " ")
            tags.append("zwnj_space")
        else:
            text = text.replace(ZWNJ, "")
            tags.append("zwnj_joined")
    if text and rng.random() < typo:
        text = _fa_typo(text, rng)
        tags.append("typo")
    if arabic and any(c in text for c in "یک"):
        text = text.translate(_ARABIC)
        tags.append("arabic_letters")
    return text


def _fa_typo(text: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(text) if c not in " " + ZWNJ and i > 0]
    if not spots:
        return text
    i = rng.choice(spots)
    group = next((g for g in _FA_CONFUSABLE if text[i] in g), "")
    if group and rng.random() < 0.6:
        return text[:i] + rng.choice([c for c in group if c != text[i]]) + text[i + 1 :]
    return text[:i] + text[i + 1 :]


# --- Latin script ---------------------------------------------------------------------------


def la_given(
    p: Person,
    system: str,
    rng: random.Random,
    tags: list[str],
    *,
    coll: float,
    hon: float,
    abbr: float,
    alt: float,
) -> str:
    """The given name romanised, maybe a conventional spelling, colloquial or abbreviated."""
    phon = p.given.phon
    if p.given.coll and rng.random() < coll:
        phon = p.given.coll[1]
        tags.append("colloquial")
        text = romanise(phon, system, rng)
    elif system == "english" and p.given.alts and rng.random() < alt:
        text = rng.choice(p.given.alts)
        tags.append("name_alt")
    else:
        text = romanise(phon, system, rng)
    parts = phon.split()
    if len(parts) > 1 and "ollAh" not in phon and rng.random() < abbr:
        text = initial(parts[0], system, rng) + ". " + capitalise(word(parts[1], system, rng))
        tags.append("abbreviation")
    if p.seyed or p.haj:
        if rng.random() < hon:
            tags.append("honorific_kept")
            if p.seyed and p.sex == "f":
                text += " " + ("Sādāt" if system == "ala" else "Sadat")
            elif p.seyed:
                seyed = rng.choice(_SEYED[system])
                text = ("S. " if rng.random() < 0.1 else seyed + " ") + text
            if p.haj:
                text = rng.choice(_HAJ.get(system, ("Haj", "Hajj", "Haji"))) + " " + text
        else:
            tags.append("honorific_dropped")
    return plain(text) if system == "ala_plain" else text


def initial(phon: str, system: str, rng: random.Random) -> str:
    """A name's initial as lists abbreviate it: the first letter, or its digraph (Gh, Sch)."""
    first = plain(capitalise(word(phon, system, rng))).lstrip("'")
    return next((d for d in _DIGRAPHS if first.startswith(d)), first[:1])


def la_family(
    p: Person, system: str, rng: random.Random, tags: list[str], *, short: float, alt: float
) -> str:
    """The family name romanised, maybe the conventional spelling or the shortened compound."""
    if p.family.short and rng.random() < short:
        tags.append("compound_short")
        return romanise(p.family.short[1], system, rng)
    if system == "english" and p.family.alts and rng.random() < alt:
        tags.append("name_alt")
        return rng.choice(p.family.alts)
    return romanise(p.family.phon, system, rng)


def la_father(p: Person, system: str, rng: random.Random) -> str:
    """The father's given name in the row's system."""
    return romanise(p.father.phon, system, rng)


def la_typo(text: str, rng: random.Random, tags: list[str], rate: float) -> str:
    """One letter swapped with its neighbour, dropped, doubled or a vowel changed."""
    if len(text) < 4 or rng.random() >= rate:
        return text
    i = rng.randrange(1, len(text) - 1)
    op = rng.random()
    if op < 0.3 and text[i + 1].isalpha():
        text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    elif op < 0.55:
        text = text[:i] + text[i + 1 :]
    elif op < 0.75:
        text = text[:i] + text[i] + text[i:]
    elif text[i] in _LA_VOWEL_SWAP:
        text = text[:i] + _LA_VOWEL_SWAP[text[i]] + text[i + 1 :]
    else:
        text = text[:i] + text[i + 1 :]
    tags.append("typo")
    return text


# --- Dates, ages, places --------------------------------------------------------------------


def shifted(day: dt.date, rng: random.Random, tags: list[str], rate: float) -> dt.date:
    """The day as a list recorded it: a few days off now and then (a burial or report date)."""
    if rng.random() < rate:
        tags.append("date_off")
        return day + dt.timedelta(days=rng.choice((-3, -2, -1, 1, 2, 3, 7)))
    return day


def jalali_text(day: dt.date, style: str) -> str:
    """A Jalali date: ``full`` ۱۳۶۷/۰۵/۰۸, ``ascii`` 1367/5/8, ``short`` ۶۷/۵/۸,
    ``month`` «مرداد ۶۷», ``long`` «۸ مرداد ۱۳۶۷», ``year`` ۱۳۶۷."""
    y, m, d = jalali.to_jalali(day)
    if style == "ascii":
        return f"{y}/{m}/{d}"
    text = {
        "full": f"{y}/{m:02d}/{d:02d}",
        "short": f"{y % 100}/{m}/{d}",
        "month": f"{jalali.MONTHS_FA[m - 1]} {y % 100}",
        "long": f"{d} {jalali.MONTHS_FA[m - 1]} {y}",
        "year": f"{y}",
    }[style]
    return jalali.fa_digits(text)


def gregorian_text(day: dt.date, style: str) -> str:
    """A Gregorian date: ``iso``, ``dmy`` 30/07/1988, ``dot`` 30.07.1988, ``long``
    30 July 1988, ``month`` July 1988, ``mon`` Aug 1988, ``year``."""
    month = jalali.MONTHS_EN[day.month - 1]
    return {
        "iso": day.isoformat(),
        "dmy": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "dot": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "long": f"{day.day} {month} {day.year}",
        "month": f"{month} {day.year}",
        "mon": f"{month[:3]} {day.year}",
        "year": f"{day.year}",
    }[style]


def age_text(p: Person, rng: random.Random, tags: list[str], present: float, off: float) -> str:
    """The age as reported: missing, or ±1 (a birthday not yet reached, a Jalali year)."""
    if rng.random() >= present:
        tags.append("age_missing")
        return ""
    if rng.random() < off:
        tags.append("age_pm1")
        return str(p.age + rng.choice((-1, 1)))
    return str(p.age)


def la_city(p: Person, system: str, rng: random.Random, tags: list[str], old: float) -> str:
    """The home town in Latin: the usual English name, a romanisation, or its old name."""
    if p.city.old and rng.random() < old:
        tags.append("old_city_name")
        return p.city.old[2]
    if rng.random() < 0.6 or system == "english":
        return p.city.en
    return romanise(p.city.phon, system, rng, joiner=" ")


def fa_city(p: Person, rng: random.Random, tags: list[str], old: float) -> str:
    """The home town in Persian, or its pre-1979 (or 1980s) name."""
    if p.city.old and rng.random() < old:
        tags.append("old_city_name")
        return p.city.old[0]
    return p.city.fa
