"""Name structure for linkage: order, honorifics, suffixes, initials and compound parts.

Real lists write one name in many shapes: family name first for a whole list ("Sanjari
Sohrab") or in one row ("SANJARI, Sohrab"), with honorifics (Seyed, Haj, Mir) or suffixes
after the given name (آقا, خانم, سادات), with initials ("M. Reza", "S. Ali"), or with a
compound reduced to one part (Aliakbar → Akbar, Ghaem-Maghami → Maghami). This module puts
each record's name in one order and shape before the features are computed (the records
themselves are not changed), using the names engine's public functions only:

- :func:`family_first_sources`: lists whose full names are written family-first, detected
  from the attested given and family names (:mod:`shomar.text.lexicon`);
- :func:`columns_swapped`: a row whose given and family columns hold each other's name
  (given "Tehrani", family "Mahmood"), from how often the lexicon attests each as which;
- :func:`split_full_name`: given, family and father of one full name, honouring a comma
  ("FAMILY, Given") and the list's order;
- :func:`clean_given`: a given name without honorifics (also misspelt ones before the name,
  :func:`honorific_slip`), initials and honorific suffixes, a colloquial form read as its
  formal name (:func:`formal_given`);
- :func:`compound_parts`: the parts of a compound name (ZWNJ, hyphen, or an attested head
  such as Mohammad/Ali/Gholam followed by an attested given name); :func:`family_core`: a
  family name's parts without the honorifics that open it (Haj-Seyed-Javadi → Javadi).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from shomar.errors import ShomarError
from shomar.text import colloquial_formal, detect_script, name_key, parse_name, skeleton
from shomar.text.lexicon import is_known_given, is_known_surname, mostly_given, role_counts
from shomar.text.parse import AFFIXES, HONORIFICS

ZWNJ = "\u200c"

#: words written after a given name that are not part of any name part
SUFFIXES: frozenset[str] = frozenset(
    name_key(s) for s in ("آقا", "خانم", "سادات", "agha", "aqa", "khanom", "khanum", "sadat")
)

#: heads of compound given names (Mohammad Reza, Ali Akbar, Gholam Hossein, Abdol Karim)
COMPOUND_HEADS: tuple[str, ...] = tuple(
    sorted(
        {
            name_key(h)
            for h in (
                "محمد", "علی", "امیر", "غلام", "عبدال", "ابوال", "Mohammad", "Muhammad",
                "Mohamad", "Mohammed", "Mohamed", "Ali", "Amir", "Gholam", "Qolam", "Abdol",
                "Abdul", "Abol", "Abul",
            )
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip

_GLUED_LATIN_SUFFIXES = tuple(name_key(s) for s in ("agha", "khanom", "khanum"))
_COMMA = re.compile(r"\s*[,،]\s*")
_INITIAL = re.compile(r"^\w{1,2}\.$|^\w$")
_SPLIT = re.compile(r"[\s\u200c-]+")

#: a list is family-first when at least this share of its two-part names read that way
FAMILY_FIRST_SHARE = 0.6
#: ... and at least this many names say either way
FAMILY_FIRST_MIN = 20


def _tokens(text: str) -> list[str]:
    return [t for t in text.split() if t.strip("-")]


def _order_vote(full: str) -> int:
    """+1 if ``full`` reads family-first, -1 if given-first, 0 if it cannot tell."""
    tokens = _tokens(full)
    if len(tokens) != 2:
        return 0
    first, last = name_key(tokens[0]), name_key(tokens[1])
    first_given, last_given = mostly_given(first), mostly_given(last)
    first_family = is_known_surname(first) and not first_given
    last_family = is_known_surname(last) and not last_given
    if first_family and last_given:
        return 1
    if first_given and last_family:
        return -1
    return 0


def reads_family_first(first: str, last: str) -> bool:
    """Whether a name written ``first last`` is plainly family-first: ``first`` is attested
    only as a family name and ``last`` only as a given name (per row, in any list)."""
    a, b = name_key(first), name_key(last)
    return (
        is_known_surname(a)
        and not is_known_given(a)
        and is_known_given(b)
        and not is_known_surname(b)
    )


#: a row's given and family columns are read the other way around when the family column leans
#: this many bits more to a given name than the given column does (:func:`role_lean`) ...
SWAP_MARGIN_BITS = 3.0
#: ... and each column leans the other way by at least this much
SWAP_LEAN_BITS = 0.5
#: the lean of an unattested name ending as family names end ("Amirkhezi", "Taghavinejad",
#: «رضاپور»): as a family name attested three times as often as a given name
UNATTESTED_FAMILY_LEAN = -1.5
#: endings of Persian family names (an unattested name that ends so leans to a family name)
FAMILY_ENDINGS: tuple[str, ...] = tuple(
    name_key(e)
    for e in (
        "i", "y", "zadeh", "zade", "zadah", "pour", "pur", "nejad", "nezhad", "far", "ian",
        "loo", "lou", "vand", "ی", "زاده", "پور", "نژاد", "فر", "یان", "لو", "وند",
    )
)  # fmt: skip
#: an unattested name shorter than this (keyed) says nothing by its ending ("Ali" typos)
FAMILY_ENDING_MIN_LETTERS = 5


@lru_cache(maxsize=200_000)
def role_lean(text: str, *, given_field: bool) -> float:
    """How much ``text`` reads as a given name rather than a family name, in bits: log2 of its
    attestations as a given name over those as a family name (+0.5 each), from the names
    lexicon (Reza +7.6, Hosseini -2.7). The text is read as linkage reads its field: in the
    given field without honorifics and initials ("Sayyed Ghulamhusayn", "M. Reza"); French
    and German spellings read back ("Dschafari"); an unattested compound by its parts (not
    honorifics: "Hadj-Seyed-Djavadi"), unless it ends as family names do ("Kazem Pour",
    "Amirkhezi": :data:`UNATTESTED_FAMILY_LEAN`); else 0 (nothing known)."""
    cleaned = (clean_given(text) or text) if given_field else clean_family(text)
    cleaned = reromanised(cleaned)
    key = name_key(cleaned)
    given, family = role_counts(key)
    if given + family == 0:
        if len(key) >= FAMILY_ENDING_MIN_LETTERS and key.endswith(FAMILY_ENDINGS):
            return UNATTESTED_FAMILY_LEAN
        for part in compound_parts(cleaned, given=given_field):
            part_key = name_key(reromanised(part))
            if part_key not in HONORIFICS and part_key not in SUFFIXES:
                g, f = role_counts(part_key)
                given, family = given + g, family + f
    if given + family == 0:
        return 0.0
    return math.log2((given + 0.5) / (family + 0.5))


def columns_swapped(given: str, family: str) -> bool:
    """Whether a row's given-name column holds its family name and the family-name column its
    given name (lists swap them in some rows: given "Tehrani", family "Mahmood"): the given
    column leans to a family name and the family column to a given name, each by at least
    :data:`SWAP_LEAN_BITS` and together by :data:`SWAP_MARGIN_BITS` (:func:`role_lean`). Two
    given names ("Naser", "Manouchehr") or two unknown names say nothing and stay as written."""
    if reads_family_first(given, family):
        return True
    as_given = role_lean(family, given_field=True)
    as_family = role_lean(given, given_field=False)
    return (
        as_family <= -SWAP_LEAN_BITS
        and as_given >= SWAP_LEAN_BITS
        and as_given - as_family >= SWAP_MARGIN_BITS
    )


def family_first_sources(sources: Sequence[str], full_names: Sequence[str | None]) -> set[str]:
    """The lists (sources) whose full names are written family name first."""
    votes: dict[str, list[int]] = {}
    for source, full in zip(sources, full_names, strict=True):
        if not full or _COMMA.search(full):
            continue
        vote = _order_vote(full)
        if vote:
            votes.setdefault(source, []).append(vote)
    out = set()
    for source, vs in votes.items():
        first = sum(v > 0 for v in vs)
        if len(vs) >= FAMILY_FIRST_MIN and first / len(vs) >= FAMILY_FIRST_SHARE:
            out.add(source)
    return out


@lru_cache(maxsize=500_000)
def split_full_name(
    full: str, family_first: bool = False
) -> tuple[str | None, str | None, str | None]:
    """Given, family and father's name of ``full``; "FAMILY, Given" when there is a comma."""
    parts = _COMMA.split(_drop_inner(_glue_articles(full.strip())), maxsplit=1)
    if len(parts) == 1:
        full = parts[0]
    try:
        if len(parts) == 2 and parts[0] and parts[1]:
            family = parts[0]
            rest = parse_name(parts[1])
            given = " ".join(p for p in (rest.given, rest.family) if p) or None
            return given, family, rest.father or None
        parsed = parse_name(full, surname_first=family_first)
    except ShomarError:
        return None, None, None
    given, family = parsed.given or None, parsed.family or None
    two = not family_first and given and family and len(_tokens(full)) == 2
    if two and given and family and reads_family_first(given, family):
        given, family = family, given
    if family_first and given and family:
        given, family = _family_spelled_apart(*_affix_to_family(given, family))
    return given, family, parsed.father or None


_PIECE = re.compile(r"^([^\s\u200c-]+)[\s\u200c-]+(.+)$")


def _affix_to_family(given: str, family: str) -> tuple[str, str]:
    """A family-first name whose family name ends in an affix written apart («حسن پور
    ناصر»): the parser glues «پور» to the given name as a prefix («پور‌ناصر», as in
    «پورمحمدی»), but no given name begins with an affix, so it goes back to the family name
    («حسن‌پور», «ناصر»)."""
    match = _PIECE.match(given)
    if match is None or name_key(match.group(1)) not in AFFIXES:
        return given, family
    glue = ZWNJ if detect_script(family) == "persian" else "-"
    return match.group(2), f"{family}{glue}{match.group(1)}"


def _family_spelled_apart(given: str, family: str) -> tuple[str, str]:
    """A family-first full name whose compound family name is written with a space for the
    ZWNJ («قائم مقامی محمد», «اسدی فر مهدی», «سپاه منصور غلامحسین») parses as family
    «قائم», given «مقامی محمد»: the given name keeps its last part, with the part before it
    only when that makes a compound given name (a head such as «محمد» of «محمد رضا», or an
    attested joined name) or is an honorific; the parts before go back to the family name.
    Only when that last part is an attested given name (else it may be a misspelt suffix)."""
    tokens = _tokens(given)
    suffixes: list[str] = []
    while tokens and name_key(tokens[-1]) in SUFFIXES:  # «زهره سادات»: سادات is no name
        suffixes.insert(0, tokens.pop())
    if len(tokens) < 2 or not is_known_given(name_key(tokens[-1])):  # "Sadegh Ahga": a typo
        return given, family
    keep = len(tokens) - 1
    while keep > 0:
        part, nxt = name_key(tokens[keep - 1]), name_key(tokens[keep])
        joined = is_known_given(part + nxt)
        if part in HONORIFICS or part in COMPOUND_HEADS or joined:
            keep -= 1
            continue
        break
    pieces = [name_key(p) for t in [family, *tokens[:keep]] for p in t.split(ZWNJ)]
    if keep == 0 or any(p in HONORIFICS for p in pieces):
        return given, family
    glue = ZWNJ if detect_script(family) == "persian" else "-"
    return " ".join([*tokens[keep:], *suffixes]), glue.join([family, *tokens[:keep]])


def _drop_inner(text: str) -> str:
    """``text`` without initials and honorific suffixes before its last token ("M. Reza
    Vakili" → "Reza Vakili", "Zahra Khanom Ahmadi" → "Zahra Ahmadi"), so the parser sees
    only name parts; unchanged when fewer than two tokens would be left."""
    tokens = _tokens(text)
    kept = [
        t
        for i, t in enumerate(tokens)
        if i == len(tokens) - 1
        or not (_INITIAL.match(t.rstrip(",،")) or name_key(t.rstrip(",،")) in SUFFIXES)
    ]
    if len(kept) < 2 or len(kept) == len(tokens):
        return text
    if any(t.endswith((",", "،")) for t in tokens) and not any(
        t.endswith((",", "،")) for t in kept
    ):
        return text
    return " ".join(kept)


@lru_cache(maxsize=500_000)
def clean_given(text: str) -> str | None:
    """``text`` without honorifics, initials ("M.", "S."), and suffixes (آقا, خانم, سادات),
    also when glued with a ZWNJ («علی‌آقا»); the text itself when nothing else is left."""
    kept: list[str] = []
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        if _misspelt_honorific(tokens, i):
            continue  # «سد حسین», "Seyyd Akbar": a misspelt Seyed before the name
        pieces = token.split(ZWNJ)
        if len(pieces) > 1 and name_key(pieces[-1]) in SUFFIXES:
            token = ZWNJ.join(pieces[:-1])
        key = name_key(token)
        for suffix in _GLUED_LATIN_SUFFIXES:  # "Aliagha", "Zahrakhanom"
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3 and is_known_given(stem):
                token = key = stem
                break
        if not key or key in HONORIFICS or key in SUFFIXES or _INITIAL.match(token):
            continue
        kept.append(formal_given(token))
    if not kept:
        return text.strip() or None
    return " ".join(kept)


#: honorifics long enough that one letter dropped or changed still says which («سید», Seyyed)
_SLIP_HONORIFICS = tuple(h for h in HONORIFICS if len(h) >= 3)
#: a word attested this often as a given name is a name, not a misspelt honorific (Said)
NAME_NOT_HONORIFIC = 10


@lru_cache(maxsize=50_000)
def honorific_slip(key: str) -> bool:
    """Whether a word (key) before a given name is an honorific with one letter dropped («سد»
    for «سید», "Seyyd" for Seyyed), and not itself a common given name (Said). A letter
    added makes a name (Amir beside Mir), and so may a letter changed: «سیف» (Seif of «سیف
    الله» written apart), «تاج», «ملک» are one letter from «سید», «حاج», «ملا»."""
    if len(key) < 2 or role_counts(key)[0] >= NAME_NOT_HONORIFIC:
        return False
    return any(len(key) == len(h) - 1 and OSA.distance(key, h) == 1 for h in _SLIP_HONORIFICS)


def _misspelt_honorific(tokens: Sequence[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a misspelt honorific (:func:`honorific_slip`) before a name:
    another word follows that is no honorific or suffix ("Saidah Sadat" is a name)."""
    if i + 1 >= len(tokens):
        return False
    after = name_key(tokens[i + 1])
    return after not in HONORIFICS and after not in SUFFIXES and honorific_slip(name_key(tokens[i]))


@lru_cache(maxsize=200_000)
def formal_given(token: str) -> str:
    """The formal name of a colloquial given name, so that it shares the formal name's keys
    (blocking and comparisons see «ممد» as «محمد», "Mamad" as "Mohammad"), also at the head
    of a compound («ممدرضا», "Mamadali": the rest an attested given name); else ``token``."""
    formal = colloquial_formal(token)
    if formal is not None:
        return formal
    key = name_key(token)
    for head in _COLLOQUIAL_HEADS:
        rest = key[len(head) :]
        if key.startswith(head) and len(rest) >= 2 and is_known_given(rest):
            return f"{colloquial_formal(head)}{rest}"
    return token


def leading_initial(text: str) -> str | None:
    """The initial a given name is abbreviated to before its other part ("M." of "M. Ali",
    "Gh." of "Gh. Hossein", also after an honorific), which :func:`clean_given` drops; None
    without one. "S." is read as Seyed, not as an initial of the name."""
    tokens = _tokens(text)
    while tokens and name_key(tokens[0]) in HONORIFICS:  # "Sayyid A. Riza"
        tokens = tokens[1:]
    if len(tokens) < 2 or not _INITIAL.match(tokens[0]):
        return None
    key = name_key(tokens[0])
    return None if not key or key == "s" else tokens[0]


def is_initial(text: str) -> bool:
    """``text`` is a bare initial ("M.", "Gh."): all a list gave of the given name."""
    return bool(_INITIAL.match(text.strip()))


def initial_key(part: str) -> str:
    """The first sound of a name part as one skeleton letter, shared by an initial and the
    whole name across scripts (M/«محمد» → m, Gh/«غلام» → q); ``_`` for a vowel or «ع»."""
    text = part.strip(". ")
    if not text:
        return "_"
    if detect_script(text) == "latin":
        if text[0].lower() in "aeiouāīūâêîôû":
            return "_"
        return (skeleton(text[:2]) or "_")[:1]
    return (skeleton(text[:1]) or "_")[:1]


def abbreviation_key(initial: str | None, given: str | None) -> str | None:
    """``initial|last part's skeleton`` of a given name written with an initial ("H. Reza")
    or of a compound given name («حمیدرضا», Hamidreza → h|rz): an abbreviated compound and
    the whole one share it. None for a given name of one part."""
    if not given:
        return None
    parts = compound_parts(given, given=True)
    if len(parts) == 1:
        parts = two_given_names(parts[0])
    if initial is not None:
        head = initial
    elif len(parts) >= 2:
        head = parts[0]
    else:
        return None
    last = skeleton(parts[-1]) if parts else ""
    return f"{initial_key(head)}|{last}" if last else None


@lru_cache(maxsize=200_000)
def two_given_names(word: str) -> tuple[str, ...]:
    """A one-word given name read as two attested given names of three letters or more
    (Hamidreza → hamid, reza; «حمیدرضا»), for the abbreviation key only; else ``(word,)``."""
    key = name_key(word)
    for cut in range(3, len(key) - 2):
        if is_known_given(key[:cut]) and is_known_given(key[cut:]):
            return key[:cut], key[cut:]
    return (word,)


#: colloquial forms that begin compound given names («ممدرضا», "Mamadhossein")
_COLLOQUIAL_HEADS = tuple(name_key(h) for h in ("ممد", "Mamad", "Mammad", "غلوم"))


@lru_cache(maxsize=500_000)
def compound_parts(text: str, *, given: bool = True) -> tuple[str, ...]:
    """Parts of a compound name: split at spaces, ZWNJ and hyphens, and, for a given name
    written as one word, after an attested head when the rest is an attested given name
    (Aliakbar → Ali, Akbar; «غلامرضا» → غلام, رضا), also when the head's last letter begins
    the rest and was written once (Amirreza, keyed ``amireza`` → Amir, Reza). Affixes
    (-zadeh, -pour) stay attached."""
    raw = [p for p in _SPLIT.split(text) if p]
    parts: list[str] = []
    for piece in raw:
        if parts and name_key(piece) in AFFIXES:
            parts[-1] = parts[-1] + piece
            continue
        parts.append(piece)
    if given and len(parts) == 1:
        key = name_key(parts[0])
        for head in COMPOUND_HEADS:
            rest = key[len(head) :]
            if not key.startswith(head) or len(rest) < 3:
                continue
            if is_known_given(rest):
                return (head, rest)
            if is_known_given(head[-1] + rest):  # one letter at the seam: amir|reza
                return (head, head[-1] + rest)
    return tuple(parts) if parts else (text,)


#: honorifics that open compound family names (Haj-Seyed-Javadi, Mirhosseini, Sheikh-Bahaei),
#: not titles (Dr, Mr, Shahid) or suffixes (Sadat, Khanum)
FAMILY_HONORIFICS = frozenset(HONORIFICS) - {
    "dr", "duktur", "mr", "mrs", "ms", "mis", "martyr", "shahid", "sadat", "xanum",
    "دکتر", "شهید", "سادات", "خانم",
}  # fmt: skip
#: a joined honorific is read off a family name only when the rest is a family name attested
#: this often (Mirhosseini → Hosseini; Mirzaei, Hajizadeh, Mirsalim stay whole)
HONORIFIC_REST_ATTESTED = 3
#: ... and the rest has at least this many letters
HONORIFIC_REST_LETTERS = 4


def family_core(text: str) -> tuple[str, ...]:
    """The compound parts of a family name (:func:`compound_parts`) without the honorifics
    that open it, written apart, hyphenated or joined: "Haj-Seyed-Javadi", «حاج‌سیدجوادی»,
    "HAJSAYIDJAVADI" → Javadi, which lists also write alone (the spaced form loses its
    honorifics when the name is cleaned, :func:`clean_family`). The name itself when nothing
    would be left, and the honorific kept when an article or an affix follows it
    («شیخ‌الاسلامی», Hajizadeh)."""
    parts = list(compound_parts(text, given=False))
    while (
        len(parts) > 1
        and name_key(reromanised(parts[0])) in FAMILY_HONORIFICS
        and not _is_article(parts[1])  # «شیخ‌الاسلامی», Sheikh-ol-Eslami: one name
    ):
        parts.pop(0)
    rest = _joined_honorifics_off(name_key(reromanised(parts[0])))
    if rest is not None:
        parts[0] = rest
    return tuple(parts)


@lru_cache(maxsize=50_000)
def _joined_honorifics_off(key: str) -> str | None:
    """``key`` without the honorifics joined at its start when an attested family name is
    left («حاجسیدجوادی» → «جوادی»), else None. Keys read "dj" as "j", so "Seyedjavadi" keys
    as ``seyejavadi``: an honorific ending in d may lose it before a j."""
    for honorific in FAMILY_HONORIFICS:
        heads = [honorific]
        if honorific.endswith("d"):
            heads.append(honorific[:-1])
        for head in heads:
            rest = key[len(head) :]
            if not key.startswith(head) or len(rest) < HONORIFIC_REST_LETTERS:
                continue
            if head != honorific and not rest.startswith("j"):
                continue
            if rest in AFFIXES or _is_article(rest) or rest[:2] in ARTICLES:
                continue  # Hajizadeh, Sheikholeslami: the honorific is the name's head
            if role_counts(rest)[1] >= HONORIFIC_REST_ATTESTED:
                return rest
            deeper = _joined_honorifics_off(rest)
            if deeper is not None:
                return deeper
    return None


#: French and German spellings of Persian sounds, read back into common English spelling
_GERMAN = (("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("w", "v"))
_FRENCH = (("tch", "ch"), ("dj", "j"), ("ch", "sh"), ("ou", "u"), ("ï", "i"), ("é", "eh"))


def _fold(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    pattern = re.compile("|".join(re.escape(a) for a, _ in rules))
    table = dict(rules)
    return pattern.sub(lambda m: table[m.group()], word)


@lru_cache(maxsize=200_000)
def reromanised(text: str) -> str:
    """A Latin name in French or German spelling ("Chahrokh", "Dschawad", "Schahroch") read
    in common English spelling, word by word, but only when the word as written is not an
    attested name and the reading is (so "Cheraghi" and "Jalal" stay as they are). When both
    readings are attested, the more often attested one: French "Arach", "Farchad" are Arash
    (attested 99 times), Farshad (41), not the German Arakh, Farkhad (once each); German
    "Bachtiar" stays Bakhtiar."""
    if not text.isascii() and not any("a" <= ch.lower() <= "z" for ch in text):
        return text
    out = []
    for word in text.split(" "):
        key = name_key(word)
        if not key or is_known_given(key) or is_known_surname(key) or not key.isascii():
            out.append(word)
            continue
        low = word.lower()
        best = 0
        for rules in (_GERMAN, _FRENCH):
            folded = _fold(low, rules)
            fkey = name_key(folded)
            if folded != low and (is_known_given(fkey) or is_known_surname(fkey)):
                seen = sum(role_counts(fkey)) + 1  # attested, if only by its gender
                if seen > best:
                    word, best = folded.capitalize(), seen
        out.append(word)
    return " ".join(out)


@lru_cache(maxsize=200_000)
def clean_family(text: str) -> str:
    """A family name without honorific tokens (a row with its columns swapped puts "Haj
    Hediyeh" in the family field); the text itself when nothing else is left, or when an
    honorific is followed by an article: it is then part of the family name ("SHAYKH UL
    ISLAMI", «شیخ الاسلامی»: Sheykholeslami)."""
    tokens = _tokens(text)
    if any(name_key(t) in HONORIFICS and _is_article(nxt) for t, nxt in itertools.pairwise(tokens)):
        return text
    kept = [t for t in tokens if name_key(t) not in HONORIFICS and name_key(t) not in SUFFIXES]
    return " ".join(kept) if kept and len(kept) < len(tokens) else text


def _glue_articles(text: str) -> str:
    """An honorific and an article written apart inside a family name («شیخ الاسلامی»,
    "Sheikh ol Eslami") joined as one word («شیخ‌الاسلامی», "Sheikh-ol-Eslami"), so the
    parser does not take the honorific off the family name."""
    tokens = _tokens(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 1 < len(tokens) and name_key(token) in HONORIFICS and _is_article(tokens[i + 1]):
            persian = detect_script(token) == "persian"
            joined = [token, tokens[i + 1]]
            i += 2
            if not persian and name_key(joined[1]) in ARTICLES and i < len(tokens):
                joined.append(tokens[i])  # "ol" and the noun after it
                i += 1
            out.append((ZWNJ if persian else "-").join(joined))
            continue
        out.append(token)
        i += 1
    return " ".join(out) if len(out) < len(tokens) else text


#: Arabic articles written apart inside a family name (Sheykh-ol-Eslami, «شیخ الاسلامی»)
ARTICLES = frozenset(name_key(a) for a in ("ul", "ol", "al", "el", "os", "us"))


def _is_article(token: str) -> bool:
    key = name_key(token)
    return key in ARTICLES or (key.startswith("ال") and len(key) > 3)


def name_bag(parts: Iterable[str | None], key: object) -> str | None:
    """All name parts' ``key`` values (e.g. skeletons) sorted and joined: the same whatever
    the order they are written in. ``None`` when fewer than two parts are known."""
    assert callable(key)
    values = sorted(v for p in parts if p for v in [key(p)] if v)
    return " ".join(values) if len(values) >= 2 else None
