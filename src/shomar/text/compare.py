"""Are two names the same name? Probabilities from attested spellings, with fallbacks.

:func:`compare_parts` scores two single name parts (``"Hosseinzadeh"`` vs «حسین‌زاده») and is
built for linkage: every step is cached per token and per pair. :func:`compare_names` parses
two full names and combines the part scores, explaining its evidence.

The evidence, strongest first:

1. **Same key** after normalization in the same script (Arabic/Persian letters, ZWNJ, case,
   digraph and vowel folds): the same name.
2. **Affix or gender ending**: one signature (see :mod:`shomar.text.skeleton`) is the other's
   plus a suffix (-i, -e/-eh, -zadeh, -pour, -nejad, -ian, -far, -lou): Amini/Amin,
   Abbas/Abbasi, Mahdi/Mahdieh, Tahereh/Taher. Strong evidence of *different* names.
3. **Attested spellings** (:mod:`shomar.text.lexicon`): counts of Latin spellings per Persian
   name, used as probabilities. For a Persian name *p* and a Latin spelling *l*, the weight of
   "*l* is a spelling of *p*" is its count (plus the counts of Persian variants with the same
   signature) plus a prior from the fallback; it competes with the counts of *l* as a spelling
   of other Persian names. Two Latin spellings are compared through the Persian names each
   may be read as.
4. **Fallback** for names the dictionary does not know: equal signatures (consonants plus long
   and final vowels) in any script pair, then equal skeletons, then Jaro-Winkler similarity of
   Latin keys (rapidfuzz).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from shomar.text import lexicon
from shomar.text.normalize import detect_script, latin_key, name_key, persian_key
from shomar.text.parse import parse_name
from shomar.text.skeleton import (
    cross_match,
    cross_match_loose,
    loose,
    signature,
    skeleton,
    strict_signature,
)
from shomar.text.variants import (
    arabic_dh,
    arabic_readings,
    colloquial_formal,
    latin_article,
    latin_variants,
    persian_article,
)

__all__ = [
    "MATCH_THRESHOLD",
    "NO_MATCH_THRESHOLD",
    "NameComparison",
    "compare_names",
    "compare_parts",
    "explain_parts",
]

#: probability at or above which two names are called a match
MATCH_THRESHOLD = 0.7
#: probability below which two names are called a non-match
NO_MATCH_THRESHOLD = 0.3

# signature suffixes that make a different name (Amin/Amini, Mahdi/Mahdieh, Hossein/Hosseinzadeh)
_SUFFIXES = (
    "I",
    "E",
    "IE",
    "A",
    "zdE",
    "zd",
    "pUr",
    "pr",
    "njd",
    "nZd",
    "In",
    "An",
    "yAn",
    "fr",
    "frd",
    "lU",
    "U",
    "Ih",
    "h",
)

# fallback likelihoods of "l is a spelling of p" by what the keys share
_G_SIGNATURE = 0.5
_G_SKELETON = 0.02
_G_NONE = 0.0005
_G_LOOSE_SIGNATURE = 0.25
_G_LOOSE_SKELETON = 0.01
_ALPHA = 0.5  # pseudo-count of "a confusable other name is spelled like this"
_EPSILON = 0.02  # P(l | other) when nothing is known about either name


@dataclass(frozen=True)
class _Part:
    raw: str
    script: str  # persian | latin | mixed | none
    key: str
    sig: str
    skel: str
    loose_skel: str


@lru_cache(maxsize=262144)
def _part(s: str) -> _Part:
    script = detect_script(s)
    if script == "persian":
        key = persian_key(s)
    elif script == "latin":
        key = latin_key(s)
    elif script == "mixed":
        key = persian_key(s) + latin_key(s)
    else:
        key = ""  # no letters: not a name
    skel = skeleton(s)
    return _Part(s, script, key, signature(s), skel, loose(skel))


def _affix_relation(a: _Part, b: _Part) -> str | None:
    sa, sb = a.sig, b.sig
    if not sa or not sb or sa == sb:
        return None
    short, long_ = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if long_.startswith(short) and long_[len(short) :] in _SUFFIXES:
        suffix = long_[len(short) :]
        longer = a if len(sa) > len(sb) else b
        if suffix == "E" and longer.script == "latin" and longer.raw.lower().endswith("ie"):
            return None  # Rafie/Rafiei, Qasemie: a final -ie is as often -ی as -یه
        return suffix
    return None


def _attested_pair(a: _Part, b: _Part) -> bool:
    """Whether the dictionary attests the pair at least twice (overrides the affix rule)."""
    if a.script == "persian" and b.script == "latin":
        return lexicon.spellings_of(a.key).get(b.key, 0) >= 2
    if a.script == "latin" and b.script == "persian":
        return lexicon.spellings_of(b.key).get(a.key, 0) >= 2
    return False


def _fallback_g(p: _Part, l_: _Part) -> float:
    if cross_match(p.raw, l_.raw):
        return _G_SIGNATURE
    if cross_match_loose(p.raw, l_.raw):
        return _G_LOOSE_SIGNATURE
    if p.skel == l_.skel:
        return _G_SKELETON
    if loose(p.skel) == loose(l_.skel):
        return _G_LOOSE_SKELETON
    return _G_NONE


@lru_cache(maxsize=65536)
def _persian_variants(pkey: str, sig: str) -> frozenset[str]:
    """Persian keys spelled in Latin the way ``pkey`` is (اسمعیل/اسماعیل, کورش/کوروش): same
    loose skeleton and a Bhattacharyya overlap of their attested Latin spellings ≥ 0.5."""
    mine = lexicon.spellings_of(pkey)
    out = {pkey}
    if not mine:
        return frozenset(out)
    skel = lexicon.persian_skeleton(pkey) or ""
    n_mine = sum(mine.values())
    for lkey in mine:
        for other in lexicon.readings_of(lkey):
            if other in out or loose(lexicon.persian_skeleton(other) or "") != loose(skel):
                continue
            theirs = lexicon.spellings_of(other)
            n_theirs = sum(theirs.values())
            bc = sum((mine[k] / n_mine * theirs.get(k, 0) / n_theirs) ** 0.5 for k in mine)
            if bc >= 0.5:
                out.add(other)
    return frozenset(out)


@lru_cache(maxsize=262144)
def _cross(p: _Part, l_: _Part) -> float:
    """Probability that Latin ``l_`` spells the Persian name ``p`` (not a confusable other).

    ``P(l | p)`` is the attested share of ``l`` among the spellings of ``p`` plus the
    Good-Turing share of unseen spellings times the fallback likelihood; ``P(l | other)`` is the
    share of ``l`` among the spellings of the *other* names with the same loose consonant
    skeleton (the names a blocked pair could really be), floored for names nobody spelled.
    Equal prior odds.
    """
    readings = lexicon.readings_of(l_.key)
    strict = strict_signature(p.raw)
    same = _persian_variants(p.key, p.sig) | {k for k in readings if strict_signature(k) == strict}
    c = sum(n for k, n in readings.items() if k in same)
    other = sum(n for k, n in readings.items() if k not in same)
    n_p = sum(lexicon.persian_total(k) for k in same)
    unseen = lexicon.unseen_share(p.key) if n_p else 1.0
    p_same = c / (n_p + 1) + unseen * _fallback_g(p, l_)
    n_group = lexicon.skeleton_total(l_.skel)
    if loose(p.skel) == loose(l_.skel):
        n_group -= n_p
    p_other = (other + _ALPHA) / (max(0, n_group) + _ALPHA / _EPSILON)
    return p_same / (p_same + p_other)


def _latin_fallback(a: _Part, b: _Part) -> float:
    if a.sig == b.sig:
        return 0.9
    jw = JaroWinkler.normalized_similarity(a.key, b.key)
    if a.skel == b.skel:
        return 0.25 + 0.5 * max(0.0, jw - 0.8) / 0.2
    return 0.1 * max(0.0, jw - 0.7) / 0.3


def _top_readings(lkey: str, n: int = 4) -> list[tuple[str, float]]:
    readings = lexicon.readings_of(lkey)
    if not readings:
        return []
    total = sum(readings.values())
    top = sorted(readings.items(), key=lambda kv: -kv[1])[:n]
    return [(k, v / total) for k, v in top]


def _via_persian(a: _Part, b: _Part) -> float | None:
    """Probability that Latin ``a`` and Latin ``b`` spell one name, through a's readings."""
    top = _top_readings(a.key)
    if not top:
        return None
    return sum(w * _cross(_part_fa(k), b) for k, w in top)


@lru_cache(maxsize=65536)
def _part_fa(pkey: str) -> _Part:
    return _part(pkey)


def _latin_latin(a: _Part, b: _Part) -> float:
    x = _via_persian(a, b)
    y = _via_persian(b, a)
    if x is None and y is None:
        return _latin_fallback(a, b)
    if x is None or y is None:
        v = x if x is not None else y
        assert v is not None
        return v
    return (x + y) / 2.0


def _persian_persian(a: _Part, b: _Part) -> float:
    # different Persian keys are different names unless the dictionary reads both the same way
    if a.sig == b.sig and b.key in _persian_variants(a.key, a.sig):
        return 0.9
    if a.skel == b.skel:
        return 0.05
    return 0.01


#: what joins the pieces of one compound name part: ZWNJ, a space, a hyphen
_PIECES = re.compile(r"[\s\u200c\-_]+")


def _read_as_one_word(a: _Part, b: _Part) -> tuple[_Part, _Part] | None:
    """``a`` and ``b`` with a compound written in pieces read as one word, when that makes
    their loose skeletons agree (else None).

    A piece's last letter is read as a word's last: «روح‌الله» drops its ح and «آدینه‌زاده»
    its ه like a final -h, while "Rouhollah" and "Adinehzadeh", one Latin word, keep them.
    """
    whole_a = _part(_PIECES.sub("", a.raw)) if _PIECES.search(a.raw) else a
    whole_b = _part(_PIECES.sub("", b.raw)) if _PIECES.search(b.raw) else b
    for x, y in ((whole_a, b), (a, whole_b), (whole_a, whole_b)):
        if (x, y) != (a, b) and x.loose_skel == y.loose_skel:
            return x, y
    return None


@lru_cache(maxsize=524288)
def _score(a: str, b: str) -> tuple[float, str]:
    pa, pb = _part(a), _part(b)
    if not pa.key or not pb.key:
        return 0.0, "a name has no letters"
    if pa.key == pb.key and pa.script == pb.script:
        return 0.99, "same key after normalization"
    scripts = {pa.script, pb.script}
    affix = _affix_relation(pa, pb)
    if affix is not None and not _attested_pair(pa, pb):
        return 0.02, f"affix or gender ending differs (-{affix})"
    if pa.loose_skel != pb.loose_skel and scripts <= {"persian", "latin"}:
        joined = _read_as_one_word(pa, pb)
        if joined is None:
            # the spelling table only pairs names whose loose skeletons agree, and every
            # fallback needs them to agree: different consonants make different names
            return 0.01, "consonants differ"
        pa, pb = joined
    if scripts == {"persian", "latin"}:
        p, l_ = (pa, pb) if pa.script == "persian" else (pb, pa)
        prob = _cross(p, l_)
        attested = lexicon.spellings_of(p.key).get(l_.key, 0)
        readings = lexicon.readings_of(l_.key)
        others = sum(n for k, n in readings.items() if k != p.key)
        if attested:
            why = f"attested spelling of this name {attested}×"
            if others:
                why += f", of other names {others}×"
            return prob, why
        vowels = (
            "consonants and long vowels agree"
            if cross_match(p.raw, l_.raw)
            else "vowels or consonants disagree"
        )
        if others:
            return prob, f"not attested for this name, attested {others}× for others; {vowels}"
        return prob, f"no attested spelling; {vowels}"
    if scripts == {"latin"}:
        prob = _latin_latin(pa, pb)
        if lexicon.readings_of(pa.key) or lexicon.readings_of(pb.key):
            return prob, "spellings compared through the Persian names they are attested for"
        return prob, "neither spelling attested; vowels, consonants and Jaro-Winkler compared"
    if scripts == {"persian"}:
        prob = _persian_persian(pa, pb)
        if prob >= MATCH_THRESHOLD:
            return prob, "Persian spelling variants with the same attested Latin spellings"
        return prob, "different Persian spellings"
    # mixed or unknown scripts: fall back on shared keys
    if pa.sig == pb.sig:
        return 0.85, "same signature"
    if pa.skel == pb.skel:
        return 0.4, "same consonant skeleton"
    return 0.05, "different skeletons"


_ARABIC_READING_SHARE = 0.25


def _arabic_readings(s: str) -> list[str]:
    """:func:`~shomar.text.variants.arabic_readings` of ``s`` that the spelling table
    supports: those whose most attested Persian name holds at least
    :data:`_ARABIC_READING_SHARE` of the attestations of ``s`` (Fatima → Fatemeh, «فاطمه» 6 of
    11; Mohsin → Mohsen; not Zahra → Zahreh, «زهره» 1 of 114, nor Hamid → Hamed, «حامد» 2 of
    314). None for a spelling the table does not know: an unattested "Zehra" or "Hemid" is as
    likely a vowel-shifted Zahra or Hamid as an Arabic Zohreh or Hamed."""
    readings = arabic_readings(s)
    if not readings:
        return []
    attested = lexicon.readings_of(latin_key(s))
    total = sum(attested.values())
    if not total:
        # Zehra, Hemid: a vowel-shifted Zahra or Hamid would read as Zohreh, Hamed; but an
        # unknown spelling's Arabic short i alone (Hashimi, Qasimi, Baqir: Hashemi, Qasemi,
        # Baqer) is read when the reading is attested and keeps the written ending
        return [r for r in readings if not r.endswith("eh") and lexicon.readings_of(latin_key(r))]
    kept = []
    for r in readings:
        of_reading = lexicon.readings_of(latin_key(r))
        if not of_reading:
            continue
        top = max(of_reading, key=of_reading.__getitem__)
        if attested.get(top, 0) >= _ARABIC_READING_SHARE * total:
            kept.append(r)
    return kept


def _latin_variants(s: str) -> tuple[str, ...]:
    """:func:`~shomar.text.variants.latin_variants` of ``s``, less the readings the spelling
    table does not know when it knows ``s`` as written: "Husain" is attested for «حسین», so
    its unattested re-reading "Hosaen" must not make it «حسن»."""
    variants = latin_variants(s)
    if not lexicon.readings_of(latin_key(s)):
        dh = arabic_dh(s)
        return (*variants, dh) if dh else variants
    return tuple(v for v in variants if lexicon.readings_of(latin_key(v)))


def _without_article(s: str) -> list[str]:
    """:func:`~shomar.text.variants.persian_article` of ``s`` unless ``s`` with its «ال» is
    itself a known name: «الناز» (Elnaz) is not al-Naz, «الیاس» not al-Yas, «الهامی» not
    al-Hami; «الکعبی» and «السواری» are the Arabic spellings of «کعبی» and «سواری», as
    "Al-Kaabi" and "As-Sawari" are in Latin letters."""
    stripped = persian_article(s) or latin_article(s)
    if stripped is None:
        return []
    key = name_key(s)
    if lexicon.is_known_given(key) or lexicon.is_known_surname(key):
        return []
    return [stripped]


def _feminine_a_readings(latin: str, persian: str) -> list[str]:
    """An unattested Latin final -a read as the Persian name's final ه (Fereshta «فرشته»,
    Sakina «سکینه», Manizha «منیژه», Kawa «کاوه»): only against a Persian name that ends
    in ه and has no sibling ending in ا («زهره» has «زهرا», so "Zehra" stays Zahra)."""
    if detect_script(latin) != "latin" or detect_script(persian) != "persian":
        return []
    if lexicon.readings_of(latin_key(latin)):
        return []  # attested spellings are read by _arabic_readings, guarded by the table
    pkey = persian_key(persian)
    if len(pkey) < 3 or not pkey.endswith("ه") or pkey.endswith("اه"):
        return []
    sibling = pkey[:-1] + "ا"
    if lexicon.persian_total(sibling) or lexicon.is_known_given(sibling):
        return []
    return [r for r in arabic_readings(latin) if r.endswith("eh")] or (
        [_FINAL_YA.sub("eh", latin.lower())] if _FINAL_YA.search(latin.lower()) else []
    )


#: the Arabic -iyya/-ayya ending (Roqayya, Raziya) for Persian «یه»
_FINAL_YA = re.compile(r"(?<=y)a$")
_PIECE_FINAL_HEH = re.compile("ه[\u200c ]")


def _persian_spellings(s: str) -> list[str]:
    """The other Persian spelling of a compound whose first piece ends in a silent ه:
    «قره‌گوزلو» is also written «قراگوزلو» (Turkish qara), the form the table may know."""
    if detect_script(s) != "persian" or not _PIECE_FINAL_HEH.search(s):
        return []
    other = _PIECE_FINAL_HEH.sub("ا", s)
    return [other] if lexicon.persian_total(persian_key(other)) else []


#: a match found only through another romanisation system or a colloquial form is discounted
VARIANT_DISCOUNT = 0.95


def _sorted_score(a: str, b: str) -> tuple[float, str]:
    return _score(a, b) if a <= b else _score(b, a)


@lru_cache(maxsize=524288)
def _score_variants(a: str, b: str) -> tuple[float, str]:
    """:func:`_score`, then, when it is not a match, the best score through colloquial forms
    and other romanisation systems (:mod:`shomar.text.variants`), discounted."""
    best = _score(a, b)
    if best[0] >= MATCH_THRESHOLD:
        return best
    ca, cb = colloquial_formal(a), colloquial_formal(b)
    if ca or cb:
        p, why = _sorted_score(ca or a, cb or b)
        p *= VARIANT_DISCOUNT
        if p > best[0]:
            best = (p, f"colloquial form ({ca or a} ~ {cb or b}); {why}")
    # one side read in another system, the other as written (never both rewritten)
    pairs = [(x, b) for x in _latin_variants(a)] + [(a, y) for y in _latin_variants(b)]
    pairs += [(x, b) for x in _feminine_a_readings(a, b) + _persian_spellings(a)]
    pairs += [(a, y) for y in _feminine_a_readings(b, a) + _persian_spellings(b)]
    pairs += [(x, b) for x in _arabic_readings(a)] + [(a, y) for y in _arabic_readings(b)]
    if pairs:
        for x, y in pairs:
            p, why = _sorted_score(x, y)
            p *= VARIANT_DISCOUNT
            if p > best[0]:
                best = (p, f"read in another romanisation ({x} ~ {y}); {why}")
    return best


def compare_parts(a: str, b: str) -> float:
    """Probability that two single name parts (any script) are the same name. Cached."""
    if b < a:
        a, b = b, a
    return _score_variants(a, b)[0]


def explain_parts(a: str, b: str) -> tuple[float, str]:
    """Like :func:`compare_parts`, also returning the main evidence as a short phrase."""
    if b < a:
        a, b = b, a
    return _score_variants(a, b)


def _decision(p: float) -> str:
    if p >= MATCH_THRESHOLD:
        return "match"
    if p < NO_MATCH_THRESHOLD:
        return "no-match"
    return "uncertain"


@dataclass(frozen=True)
class NameComparison:
    """The result of :func:`compare_names`."""

    a: str
    b: str
    probability: float
    decision: str  # "match" | "no-match" | "uncertain"
    explanation: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "probability": round(self.probability, 4),
            "decision": self.decision,
            "explanation": list(self.explanation),
        }


def _pair(x: str, y: str, label: str, notes: list[str]) -> float:
    p, why = explain_parts(x, y)
    notes.append(f"{label}: {x} ~ {y}: {p:.2f} ({why})")
    return p


def _family_score(x: str, y: str, label: str, notes: list[str]) -> float:
    """Compare two family names that may have several tokens, joined or token by token, and
    with the Arabic article one side may write in Persian script («الکعبی» ~ «کعبی»): a
    part-level variant, so that a whole name joined for comparison («الناز» + «کریمی») is
    never read as article + name."""
    p, why = explain_parts(x, y)
    for u, v in ((x, y), (y, x)):
        for stripped in _without_article(u):
            q, how = explain_parts(stripped, v)
            if q * VARIANT_DISCOUNT > p:
                p, why = q * VARIANT_DISCOUNT, f"without the Arabic article ({stripped}); {how}"
    tx, ty = x.split(), y.split()
    if len(tx) == len(ty) > 1:
        q = 1.0
        for u, v in zip(tx, ty, strict=True):
            q *= compare_parts(u, v)
        if q > p:
            p, why = q, "token by token"
    notes.append(f"{label}: {x} ~ {y}: {p:.2f} ({why})")
    return p


#: an initial against a given name it could stand for: neither evidence for nor against
INITIAL_AGREES = 0.5
_INITIAL = re.compile(r"^([^\W\d_])\.?$")


def _initial_agrees(x: str, y: str) -> bool:
    """Whether ``x`` is a bare Latin initial ("A.", "A") that ``y``'s Latin key starts with."""
    m = _INITIAL.match(x.strip())
    if m is None or detect_script(x) != "latin" or detect_script(y) != "latin":
        return False
    return latin_key(y).startswith(latin_key(m.group(1)))


def _given_score(x: str, y: str, label: str, notes: list[str]) -> float:
    """:func:`_family_score`, with an initial that agrees scored as unknown, not different
    ("A. Karimi" ~ "Ali Karimi": uncertain; "B. Karimi" ~ "Ali Karimi": no match)."""
    if _initial_agrees(x, y) or _initial_agrees(y, x):
        notes.append(f"{label}: {x} ~ {y}: {INITIAL_AGREES:.2f} (an initial that agrees)")
        return INITIAL_AGREES
    return _family_score(x, y, label, notes)


def compare_names(a: str, b: str) -> NameComparison:
    """Compare two full names or single name parts in any script."""
    na, nb = parse_name(a), parse_name(b)
    notes: list[str] = []
    if na.honorifics or nb.honorifics:
        notes.append(
            "honorifics ignored: " + ", ".join(sorted(set(na.honorifics) | set(nb.honorifics)))
        )
    if not na.tokens or not nb.tokens:
        return NameComparison(a, b, 0.0, "no-match", ["a name is empty", *notes])
    whole = 0.0
    if len(na.tokens) + len(nb.tokens) > 2 or na.honorifics != nb.honorifics:
        # whole names compared as one: catches compound splits the parser disagreed on, and
        # a Mir/Seyed that is part of the name on one side (میرحسین, "Mir Hossein"); but
        # not over a part that is surely another name in both orders (Hassan Akbari and
        # Ehsan Akbari share a joined signature, not a given name)
        whole = max(
            compare_parts("".join(na.tokens), "".join(nb.tokens)),
            compare_parts(a, b) if na.honorifics or nb.honorifics else 0.0,
        )
    if not na.family and not nb.family:
        p = _pair(na.given, nb.given, "name", notes)
    elif not na.family or not nb.family:
        # one side has a single part: it may be either part of the other
        single = na.given if not na.family else nb.given
        full = nb if not na.family else na
        pg = compare_parts(single, full.given)
        pf = compare_parts(single, full.family)
        p = 0.6 * max(pg, pf)
        notes.append(
            f"only one part on one side: {single} vs given {pg:.2f}, family {pf:.2f}; capped"
        )
    else:
        sub: list[str] = []
        pg = _given_score(na.given, nb.given, "given", sub)
        pf = _family_score(na.family, nb.family, "family", sub)
        p = pg * pf
        swapped: list[str] = []
        qg = _family_score(na.given, nb.family, "given~family", swapped)
        qf = _family_score(na.family, nb.given, "family~given", swapped)
        q = 0.9 * qg * qf
        if q > p:
            p = q
            notes.append("order differs (surname first on one side)")
            notes.extend(swapped)
        else:
            notes.extend(sub)
        if na.father and nb.father:
            pfa = _pair(na.father, nb.father, "father", notes)
            p = p * (0.3 + 0.7 * pfa)
    if whole > p and not _surely_different_part(na.tokens, nb.tokens):
        p = whole
        notes.append(f"whole names compared as one: {whole:.2f}")
    if len(na.tokens) == len(nb.tokens) > 1:
        in_order = 1.0
        for u, v in zip(na.tokens, nb.tokens, strict=True):
            in_order *= compare_parts(u, v)
        if in_order > p:
            p = in_order
            notes.append(f"parts compared one by one, in order: {in_order:.2f}")
    partial = _subsequence(na.tokens, nb.tokens)
    if partial > p:
        p = partial
        notes.append(
            f"every part of the shorter name is in the longer one, in order: {partial:.2f}"
        )
    return NameComparison(a, b, p, _decision(p), notes)


#: a part pair scored below this is surely two different names (different consonants, an
#: affix or gender ending, different attested names)
SURELY_DIFFERENT = 0.05


def _surely_different_part(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Two names of as many parts with, in the written order, two different attested given
    names of one consonant skeleton (Hassan / Ehsan, Akbar / Kobra: what joining the parts
    cannot tell apart), and in the other order some part pair surely different too."""
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    in_order = any(
        compare_parts(u, v) < SURELY_DIFFERENT
        and _part(u).loose_skel == _part(v).loose_skel
        and lexicon.is_known_given(name_key(u))
        and lexicon.is_known_given(name_key(v))
        for u, v in zip(ta, tb, strict=True)
    )
    reverse = any(
        compare_parts(u, v) < SURELY_DIFFERENT for u, v in zip(ta, reversed(tb), strict=True)
    )
    return in_order and reverse


def _subsequence(ta: tuple[str, ...], tb: tuple[str, ...]) -> float:
    """0.85 × the part scores when the shorter name (≥ 2 parts) is an ordered subsequence of
    the longer (a dropped middle or extra family part: "Milad Beigi" / "Milad Beigi Harchegani")."""
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < 2 or len(short) == len(long_):
        return 0.0
    score = 1.0
    j = 0
    for tok in short:
        best = 0.0
        while j < len(long_):
            q = compare_parts(tok, long_[j])
            j += 1
            if q >= MATCH_THRESHOLD:
                best = q
                break
        if best == 0.0:
            return 0.0
        score *= best
    return 0.85 * score
