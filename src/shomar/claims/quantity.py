"""Quantities as written in English and Persian news text.

:func:`find_quantities` finds every number in a text together with the qualifier around it and
returns it as a :class:`Quantity` plus character offsets. It knows nothing about what is counted;
:mod:`shomar.claims.filters` rejects years, ages, money and the like, and
:mod:`shomar.claims.extract` attaches what was counted.

Forms read
    digits ``1500``, ``1,500``, ``1.500`` (dot before exactly three digits is a thousands
    separator), ``30 000``; Persian ``۰-۹`` and Arabic-Indic ``٠-٩`` digits with ``٬``
    (thousands) and ``٫`` (decimal), or a slash as decimal mark before a multiplier
    (``۱/۵ میلیون``); multipliers ``1.5 million``, ``30 thousand``, ``۳۰ هزار``; English number
    words (``fifteen hundred``, ``thirty thousand``, ``ninety-six``, ``two dozen`` = 24);
    Persian number words (``هزار و پانصد``, ``سی هزار``, ``نود و شش``).

Qualifiers and the bounds they give (``N`` is the figure as stated)
    ============== ===================================================== ===== ===== =====
    qualifier      words                                                 value lower upper
    ============== ===================================================== ===== ===== =====
    exact          none                                                  N     N     N
    at_least       at least, more than, over, no fewer than, N or more,  N     N     —
                   N-odd, has passed N, ۳۰۰ و اندی, از مرز N
                   دست‌کم، حداقل، بیش از، بالغ بر
    at_most        up to, as many as, as high as, at most, fewer than,   N     —     N
                   below,
                   no more than, حداکثر، کمتر از، تا
    approximately  about, around, nearly, almost, some, roughly,          N     —     —
                   حدود، نزدیک به، تقریباً
    range          between A and B, A-B, A to B, بین A تا B                —     A     B
    vague          dozens / tens of, scores of          (ده‌ها)             —     20    99
                   a few / several dozen                (چند ده)
                   hundreds of, a few / several hundred (صدها, چند صد)     —     200   999
                   thousands of, several thousand       (هزاران)           —     2000  9999
                   tens of thousands                    (ده‌ها هزار)        —     20000 99999
                   hundreds of thousands                (صدها هزار)        —     2e5   999999
    ============== ===================================================== ===== ===== =====

"More than N" and "fewer than N" keep ``N`` as the bound: the text states ``N``, and the strict
inequality is kept in the qualifier's wording, not in an off-by-one bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

__all__ = [
    "QUALIFIERS",
    "Quantity",
    "QuantityMatch",
    "find_quantities",
    "fold_text",
    "parse_number",
]

#: the qualifiers a :class:`Quantity` can carry
QUALIFIERS = ("exact", "at_least", "at_most", "approximately", "range", "vague")


@dataclass(frozen=True)
class Quantity:
    """A claimed number: the stated figure and the bounds its wording implies."""

    value: int | None
    lower: int | None
    upper: int | None
    qualifier: str

    def to_dict(self) -> dict[str, int | str | None]:
        return asdict(self)

    @classmethod
    def exact(cls, n: int) -> Quantity:
        return cls(n, n, n, "exact")

    @classmethod
    def at_least(cls, n: int) -> Quantity:
        return cls(n, n, None, "at_least")

    @classmethod
    def at_most(cls, n: int) -> Quantity:
        return cls(n, None, n, "at_most")

    @classmethod
    def approximately(cls, n: int) -> Quantity:
        return cls(n, None, None, "approximately")

    @classmethod
    def between(cls, low: int, high: int, qualifier: str = "range") -> Quantity:
        return cls(None, min(low, high), max(low, high), qualifier)


@dataclass(frozen=True)
class QuantityMatch:
    """A quantity found in a text: ``text[start:end]`` includes its qualifier words."""

    quantity: Quantity
    start: int
    end: int
    #: offsets of the number itself (no qualifier), used by the context filters
    number_start: int
    number_end: int


# --- folding: one character in, one character out, so offsets survive ---------------------------

_FOLD = str.maketrans(
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٬٫يكىۀ\u00a0\u2009\u202f\u2007",
    "01234567890123456789,.یکیه    ",
)


def fold_text(text: str) -> str:
    """Map Persian/Arabic digits and separators to ASCII and Arabic letter forms to Persian.

    The result has exactly the length of ``text``; every offset in it is an offset in ``text``.
    """
    return text.translate(_FOLD)


# --- atoms: one written number ----------------------------------------------------------------

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12,
}  # fmt: skip
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_FA_UNITS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30,
    "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "یکصد": 100,
    "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700,
    "هشتصد": 800, "نهصد": 900, "یکهزار": 1000,
}  # fmt: skip
_FA_SCALES = {"صد": 100, "هزار": 1000, "میلیون": 1_000_000, "میلیارد": 1_000_000_000}

_FA_LETTER = r"[\u0600-\u06ff\u200c]"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_EN_WORD = rf"(?:{_alternation([*_EN_UNITS, *_EN_SCALES])})"
_EN_WORDS_RE = re.compile(
    rf"\b(?:an?\s+(?=(?:hundred|thousand|dozen)\b))?{_EN_WORD}(?:(?:\s+and\s+|[\s-]+){_EN_WORD})*\b",
    re.IGNORECASE,
)
_FA_WORD = rf"(?:{_alternation([*_FA_UNITS, *_FA_SCALES])})"
_FA_WORDS_RE = re.compile(
    rf"(?<!{_FA_LETTER}){_FA_WORD}(?:(?:\s+و\s+|\s+){_FA_WORD})*(?!{_FA_LETTER})"
)
_DIGITS_RE = re.compile(
    r"(?<![\d.,/])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d]|\.\d)|\d{1,3}(?: \d{3})+"
    r"|\d+/\d+(?=\s*(?:میلیون|هزار|میلیارد))"  # Persian decimal slash: «۱/۵ میلیون»
    r"|\d+(?:\.\d+)?)(?![\d]|/\d)"  # not part of a numeric date «۱۳۹۸/۰۹/۲۵»
)
_MULTIPLIER_RE = re.compile(
    r"\s*(?:-\s*)?(million|thousand|billion|میلیون|هزار|میلیارد)(?![a-z\u0600-\u06ff])",
    re.IGNORECASE,
)
_AND_REST_RE = re.compile(
    rf"\s*و\s*(?:(\d{{1,3}})(?![\d,.])(?!\s*(?:هزار|میلیون|میلیارد))|((?:{_alternation(_FA_UNITS)})(?:\s+و\s+(?:{_alternation(_FA_UNITS)}))*)(?!{_FA_LETTER}))"
)
_VAGUE = [
    (r"hundreds\s+of\s+thousands|صدها\s+هزار", 200_000, 999_999),
    (r"tens\s+of\s+thousands|ده[\u200c ]?ها\s+هزار", 20_000, 99_999),
    (r"(?:several|a\s+few|many)\s+thousands?|thousands|هزاران|چند(?:ین)?\s+هزار", 2000, 9999),
    (r"(?:several|a\s+few|many)\s+hundreds?|hundreds|صدها|چند(?:ین)?\s*صد", 200, 999),
    (
        r"dozens|(?:several|a\s+few)\s+dozen|(?:scores|tens)(?=\s+of\b)|ده[\u200c ]?ها|"
        r"چند(?:ین)?\s+ده",
        20,
        99,
    ),
]
_VAGUE_RE = [
    (re.compile(rf"(?<![\w\u200c])(?:{p})(?![\w\u200c])", re.IGNORECASE), lo, hi)
    for p, lo, hi in _VAGUE
]


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: int | None
    lower: int | None = None
    upper: int | None = None
    scale: int = 1


def _words_value(words: list[str], units: dict[str, int], scales: dict[str, int]) -> int | None:
    total, current = 0, 0
    for word in words:
        if word == "dozen":  # "two dozen" is 24, not 2 + 12; "a dozen" is 12
            current = (current or 1) * 12
        elif word in units:
            current += units[word]
        elif word in scales:
            scale = scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
    value = total + current
    return value or None


def parse_number(text: str) -> int | None:
    """Read one written number (digits or words, either script) as an integer, else ``None``.

    >>> parse_number("۱٬۵۰۰"), parse_number("fifteen hundred"), parse_number("هزار و پانصد")
    (1500, 1500, 1500)
    """
    atoms = _atoms(fold_text(text.strip()))
    if len(atoms) == 1 and atoms[0].value is not None:
        return atoms[0].value
    return None


def _digit_value(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:([,. ])\d{3})+", raw):
        return float(re.sub(r"[,. ]", "", raw))
    return float(raw.replace("/", "."))


def _atoms(folded: str) -> list[_Atom]:
    found: list[_Atom] = []
    taken = [False] * (len(folded) + 1)

    def add(atom: _Atom) -> None:
        if any(taken[atom.start : atom.end]):
            return
        for i in range(atom.start, atom.end):
            taken[i] = True
        found.append(atom)

    for pattern, lo, hi in _VAGUE_RE:
        for m in pattern.finditer(folded):
            add(_Atom(m.start(), m.end(), None, lo, hi))
    for m in _DIGITS_RE.finditer(folded):
        number = _digit_value(m.group())
        end = m.end()
        scale = 1
        mult = _MULTIPLIER_RE.match(folded, end)
        if mult:
            word = mult.group(1).casefold()
            scale = _EN_SCALES.get(word) or _FA_SCALES[word]
            number *= scale
            end = mult.end()
            rest = _AND_REST_RE.match(folded, end)  # «۳هزار و ۸۰۰»: 3,800, not 3,000 and 800
            if rest:
                tail = (
                    int(rest.group(1))
                    if rest.group(1)
                    else _words_value(rest.group(2).split(), _FA_UNITS, _FA_SCALES)
                )
                if tail is not None and 0 < tail < scale:
                    number += tail
                    end = rest.end()
        if number != int(number):
            continue  # a decimal that stays fractional is no head count
        add(_Atom(m.start(), end, int(number), scale=scale))
    for m in _EN_WORDS_RE.finditer(folded):
        words = re.findall(r"[a-z]+", m.group().casefold())
        if words[-1] == "dozen" and len(words) == 1:
            continue  # "a dozen" alone is left to the vague rule's neighbours
        add(_Atom(m.start(), m.end(), _words_value(words, _EN_UNITS, _EN_SCALES)))
    for m in _FA_WORDS_RE.finditer(folded):
        words = [w for w in m.group().split() if w != "و"]
        scale = _FA_SCALES.get(words[-1], 1)
        add(_Atom(m.start(), m.end(), _words_value(words, _FA_UNITS, _FA_SCALES), scale=scale))
    return _join_word_and_digits(sorted(found, key=lambda a: a.start), folded)


def _join_word_and_digits(atoms: list[_Atom], folded: str) -> list[_Atom]:
    """«یک هزار و ۲۰۰»: a number in words ending in a scale, "and", then digits below the scale
    is one number (1,200), as «۱ هزار و ۲۰۰» already is."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and atom.value is not None
            and prev.scale >= 1000
            and 0 < atom.value < prev.scale
            and re.fullmatch(r"\s*و\s*", folded[prev.end : atom.start])
            and re.fullmatch(r"\d{1,3}", folded[atom.start : atom.end])
        ):
            out[-1] = _Atom(prev.start, atom.end, prev.value + atom.value, scale=prev.scale)
            continue
        out.append(atom)
    return out


# --- qualifiers and ranges --------------------------------------------------------------------

_PREFIXES = [
    ("at_least", r"at\s+least|more\s+than|over|no\s+(?:fewer|less)\s+than|not\s+less\s+than|"
     r"in\s+excess\s+of|upwards\s+of|a\s+minimum\s+of|above|exceeding|exceeded|exceeds|"
     r"surpassed|topped|(?:has|have|had)\s+passed|(?:has|have|had)\s+crossed"),
    ("at_most", r"up\s+to|as\s+many\s+as|as\s+high\s+as|at\s+most|(?:fewer|less)\s+than|"
     r"no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|below"),  # "below 200"
    ("approximately", r"about|around|nearly|almost|approximately|roughly|some|close\s+to|"
     r"an\s+estimated|estimated|circa|approx\."),
    # «دست‌کم به ۳۰۴ نفر رسیده»: the qualifier before «به»
    ("at_least", r"دست[\u200c ]?کم\s+به|حداقل\s+به|"
     r"دست[\u200c ]?کم|حداقل|بیش(?:تر)?[\u200c ]?از|بالغ\s+بر|افزون\s+بر|متجاوز\s+از|"
     r"لا[\u200c ]?اقل|لا\s+اقل|کم\s+از\s+کم|از\s+مرز"),  # «از مرز ۵۰۰ نفر گذشت»
    ("at_most", r"حداکثر|کم[\u200c ]?تر\s+از|تا"),
    ("approximately", r"(?:در\s+)?حدود(?:اً|ا)?|نزدیک\s+به|قریب\s+به|تقریباً|تقریبا"),
]  # fmt: skip
_PREFIX_RE = [
    (q, re.compile(rf"(?<![\w\u200c])(?:{p})(?:\s+|(?<=[\u0600-\u06ff]))(?:of\s+)?$", re.I))
    for q, p in _PREFIXES
]
#: "300+", "300 or more", "300-odd", «۳۰۰ و اندی» ("300 and some")
_SUFFIX_AT_LEAST_RE = re.compile(
    r"(?:\s*\+|-plus|\s+or\s+more|\s+plus\b|[-\s]odd\b|\s+و\s+اندی(?![\w\u200c]))", re.IGNORECASE
)
_FA_MORE_THAN_RE = re.compile(
    r"\s*(?:(?:نفر|تن)\s+)?(?:بیشتر|بیش|فزون[\u200c ]?تر|فراتر)(?![\w\u200c])"
)
_RANGE_JOIN_RE = re.compile(r"\s*(?:-|–|—|to|and|تا|و)\s*", re.IGNORECASE)
_RANGE_OPEN_RE = re.compile(r"(?<![\w\u200c])(?:between|from|بین|از)\s+$", re.IGNORECASE)


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every number in ``text`` with its qualifier, in reading order (no context filtering)."""
    folded = fold_text(text)
    atoms = _atoms(folded)
    matches: list[QuantityMatch] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and atom.value is not None and nxt.value is not None:
            window = folded[max(0, atom.start - 40) : atom.start]
            opener = _RANGE_OPEN_RE.search(window)
            gap = folded[atom.end : nxt.start]
            joined = _RANGE_JOIN_RE.fullmatch(gap) is not None
            is_and = re.fullmatch(r"\s*(?:and|و)\s*", gap) is not None
            low = atom.value
            if atom.scale == 1 and nxt.scale > 1 and low * nxt.scale <= nxt.value:
                low *= nxt.scale  # "between 2 and 3 million"
            if joined and (opener or not is_and) and low < nxt.value:
                start = atom.start - (len(window) - opener.start()) if opener else atom.start
                quantity = Quantity.between(low, nxt.value)
                matches.append(QuantityMatch(quantity, start, nxt.end, atom.start, nxt.end))
                i += 2
                continue
        matches.append(_qualified(folded, atom))
        i += 1
    return matches


def _qualified(folded: str, atom: _Atom) -> QuantityMatch:
    if atom.value is None:
        assert atom.lower is not None and atom.upper is not None
        quantity = Quantity.between(atom.lower, atom.upper, "vague")
        return QuantityMatch(quantity, atom.start, atom.end, atom.start, atom.end)
    window = folded[max(0, atom.start - 30) : atom.start]
    found = [(m.start(), q) for q, p in _PREFIX_RE if (m := p.search(window))]
    if found:  # the longest qualifier wins: "no more than" over "more than"
        first, qualifier = min(found)
        start = atom.start - (len(window) - first)
        return QuantityMatch(_make(qualifier, atom.value), start, atom.end, atom.start, atom.end)
    more = _FA_MORE_THAN_RE.match(folded, atom.end)
    if more and re.search(r"(?<![\w\u200c])از\s*$", window):  # «از ۶۰ نفر بیشتر»
        start = atom.start - (len(window) - window.rstrip().rfind("از"))
        quantity = Quantity.at_least(atom.value)
        return QuantityMatch(quantity, start, atom.end, atom.start, atom.end)
    suffix = _SUFFIX_AT_LEAST_RE.match(folded, atom.end)
    if suffix:
        quantity = Quantity.at_least(atom.value)
        return QuantityMatch(quantity, atom.start, suffix.end(), atom.start, atom.end)
    return QuantityMatch(Quantity.exact(atom.value), atom.start, atom.end, atom.start, atom.end)


def _make(qualifier: str, n: int) -> Quantity:
    if qualifier == "at_least":
        return Quantity.at_least(n)
    if qualifier == "at_most":
        return Quantity.at_most(n)
    return Quantity.approximately(n)
