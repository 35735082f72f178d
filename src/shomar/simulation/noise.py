"""How real lists mangle names beyond attested spellings (the simulator's ``messy`` style).

Each function takes the random generator and returns a new text; none draws random numbers
unless its failure class is switched on, so the default style's files do not change. The
transformations are those seen in real Iranian lists (see issue 13): compound names reduced
to one part, initials, colloquial forms, honorific suffixes, romanisation systems other than
common English, spelling noise beyond attested variants, two-digit Jalali years and prisons
as places.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from shomar.simulation import pools

ZWNJ = "\u200c"

#: heads of compound given names (Persian, Latin initial written for the head)
COMPOUND_HEADS: tuple[tuple[str, str], ...] = (
    ("محمد", "M."),
    ("علی", "A."),
    ("امیر", "A."),
    ("غلام", "Gh."),
    ("عبدال", "A."),
    ("ابوال", "A."),
)

#: colloquial forms: Persian name → (Persian colloquial, Latin colloquial)
COLLOQUIAL: dict[str, tuple[str, str]] = {
    "محمد": ("ممد", "Mamad"),
    "فاطمه": ("فاطی", "Fati"),
    "علی": ("علی‌آقا", "Aliagha"),
    "حسین": ("حسین‌آقا", "Hosseinagha"),
    "زهرا": ("زهرا خانم", "Zahra Khanom"),
    "معصومه": ("معصی", "Masi"),
    "مصطفی": ("مصی", "Mosi"),
    "محمود": ("ممود", "Mamud"),
    "رضا": ("رضا آقا", "Reza Agha"),
    "مریم": ("مری", "Mari"),
}

#: suffixes written after a name that are not part of it (Persian, Latin) by sex
NAME_SUFFIXES = {"m": (("آقا", "Agha"),), "f": (("خانم", "Khanom"), ("سادات", "Sadat"))}

#: prisons and detention sites with the province of their city (both scripts)
PRISONS: tuple[tuple[str, str, str], ...] = (
    ("زندان اوین", "Evin Prison", "IR-23"),
    ("اوین", "Evin", "IR-23"),
    ("زندان گوهردشت", "Gohardasht Prison", "IR-30"),
    ("زندان رجایی‌شهر", "Rajaei Shahr", "IR-30"),
    ("زندان قزل‌حصار", "Ghezel Hesar", "IR-30"),
    ("زندان وکیل‌آباد", "Vakilabad Prison", "IR-09"),
    ("زندان عادل‌آباد", "Adelabad Prison", "IR-07"),
    ("زندان دستگرد", "Dastgerd Prison", "IR-10"),
    ("زندان لاکان", "Lakan Prison", "IR-01"),
    ("زندان کارون", "Karun Prison", "IR-06"),
    ("زندان دیزل‌آباد", "Dizelabad Prison", "IR-05"),
    ("زندان تبریز", "Tabriz Central Prison", "IR-03"),
)


@functools.cache
def _entries_by_persian() -> dict[str, pools.NameEntry]:
    table: dict[str, pools.NameEntry] = {}
    for entry in pools.surnames():
        table.setdefault(entry.persian, entry)
    for sex in ("m", "f"):
        for entry in pools.given_names()[sex]:
            table.setdefault(entry.persian, entry)
    return table


def entry_for(persian: str) -> pools.NameEntry | None:
    """The pool entry (Persian name with its Latin spellings) of ``persian``, if any."""
    return _entries_by_persian().get(persian)


def shortened(entry: pools.NameEntry) -> pools.NameEntry | None:
    """The last part of a compound name as its own entry (غلامرضا → رضا), or ``None``."""
    persian = entry.persian
    parts = persian.split(ZWNJ)
    if len(parts) > 1:
        return entry_for(parts[-1]) if len(parts[-1]) >= 3 else None
    for head, _ in COMPOUND_HEADS:
        if persian.startswith(head) and len(persian) - len(head) >= 3:
            return entry_for(persian[len(head) :])
    return None


def abbreviated(entry: pools.NameEntry, latin: bool) -> str | None:
    """A compound given name with its head as an initial ("M. Reza"), or ``None``."""
    for head, initial in COMPOUND_HEADS:
        if entry.persian.startswith(head) and len(entry.persian) - len(head) >= 3:
            rest = entry_for(entry.persian[len(head) :])
            if rest is None:
                return None
            if latin:
                return f"{initial} {rest.spellings[0]}"
            return f"{head[0]}. {rest.persian}"
    return None


# -- romanisation systems and spelling noise ---------------------------------------------------

_FRENCH = ((r"^J", "Dj"), (r"j", "dj"), (r"^Sh", "Ch"), (r"sh", "ch"), (r"oo|u", "ou"),
           (r"ae", "aï"), (r"ee", "i"), (r"eh$", "é"))  # fmt: skip
_GERMAN = ((r"^J", "Dsch"), (r"j", "dsch"), (r"^Y", "J"), (r"y", "j"), (r"^Sh", "Sch"),
           (r"sh", "sch"), (r"ch", "tsch"), (r"kh", "ch"), (r"^V", "W"), (r"v", "w"),
           (r"oo|ou", "u"))  # fmt: skip
_BGN = ((r"ei", "ey"), (r"ou|oo", "u"), (r"gh", "q"), (r"aa", "ā"), (r"^H", "Ḥ"),
        (r"ss", "s"), (r"ee|i$", "ī"), (r"eh$", "eh"))  # fmt: skip
_SYSTEMS = (_FRENCH, _GERMAN, _BGN)


def romanised(latin: str, rng: np.random.Generator) -> str:
    """``latin`` (a common English spelling) in French, German or UN/BGN-style spelling."""
    rules = _SYSTEMS[int(rng.integers(len(_SYSTEMS)))]
    return _compiled(rules).sub(lambda m: _replacement(rules, m), latin)


@functools.cache
def _compiled(rules: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """All of a system's rules in one pass (a rule's output is never rewritten by another)."""
    return re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(rules)))


def _replacement(rules: tuple[tuple[str, str], ...], match: re.Match[str]) -> str:
    group = match.lastgroup
    assert group is not None
    return rules[int(group[1:])][1]


_VOWEL_SHIFTS = (("e", "a"), ("a", "e"), ("ou", "u"), ("oo", "u"), ("u", "ou"), ("ei", "ey"),
                 ("ey", "ei"), ("ay", "ei"), ("gh", "q"), ("q", "gh"), ("gh", "g"),
                 ("i", "ee"))  # fmt: skip


def misspelled(latin: str, rng: np.random.Generator) -> str:
    """A transliteration slip: a vowel shift or letter class swap, else a letter swap/drop."""
    low = latin.lower()
    shifts = [(a, b) for a, b in _VOWEL_SHIFTS if a in low[1:]]
    if shifts and rng.random() < 0.6:
        a, b = shifts[int(rng.integers(len(shifts)))]
        i = low.index(a, 1)
        return latin[:i] + b + latin[i + len(a) :]
    if len(latin) < 4:
        return latin
    i = int(rng.integers(1, len(latin) - 1))
    if rng.random() < 0.5:
        return latin[:i] + latin[i + 1] + latin[i] + latin[i + 2 :]
    return latin[:i] + latin[i + 1 :]


def two_digit_years(text: str) -> str:
    """A Jalali month, season or year with its year written in two digits («مرداد ۶۷»)."""
    return re.sub(r"(?<![\d۰-۹])(?:13|۱۳)([\d۰-۹]{2})(?![\d۰-۹])", r"\1", text)


def prison_for(province_iso: str, rng: np.random.Generator) -> tuple[str, str]:
    """A prison (Persian, Latin) in the province if there is one there, else any."""
    near = [p for p in PRISONS if p[2] == province_iso]
    options = near or list(PRISONS)
    persian, latin, _ = options[int(rng.integers(len(options)))]
    return persian, latin
