"""Split a full name into honorifics, given name, father's name and family name.

Rules, in order:

1. Tokens are split on spaces (ZWNJ and hyphens stay inside a token). Leading honorifics are
   taken off, in either script: Seyed/Sayyid/Sadat/سید/سیده, Haj/Haji/حاج/حاجی/حاجیه, Mir/میر,
   Mirza/میرزا, Sheikh/شیخ, Karbalaei/کربلایی, Mashhadi/مشهدی, Shahid/شهید, Dr/دکتر, Mulla/ملا,
   Mr/Mrs/Agha/آقای/خانم. A honorific glued to a known given name («سیدمحمد», "Seyedali") is
   split off too.
2. A father's name is recognised only when it is marked: «فرزند», «ولد», «بن», "son of",
   "daughter of", "s/o", "d/o", "bin", "ibn", "ben"; what follows the marker is the father's name.
3. Surname affixes written as separate tokens («حسین زاده», "Ahmadi Nejad") are glued to the
   token before them: -zadeh/-zade/زاده and -nejad/-nezhad/نژاد always; -pour/-poor/پور,
   -far/-fard/فر/فرد, -lou/-loo/لو, -ian/-yan/یان only after a given name ("Ali Far" keeps
   its family name Far). ``pour`` followed by another token is a prefix of it ("Pour
   Ebrahimi" = Pourebrahimi). Hyphenated forms ("Hassan-pour") are one token already.
4. The given name is the first token, or the first two or three tokens when together they are
   an attested given name (Mohammad Reza = Mohammadreza = محمدرضا; Abdol Karim), or when the
   first is a compound head (Mohammad, Ali, Amir, Gholam, Abdol, Abol); either way only when
   the second token is attested mostly as a given name (Reza, not Hosseini), and never for a
   two-token name (then it is given + family). The family
   name is the rest. With ``surname_first=True`` the first token (after honorifics) is the
   family name instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from shomar.text.lexicon import is_known_given, is_known_surname, mostly_given
from shomar.text.normalize import detect_script, latin_display, name_key, persian_display

__all__ = ["AFFIXES", "HONORIFICS", "ParsedName", "parse_name"]

#: honorific keys (name_key of the written forms) → canonical English label
HONORIFICS: dict[str, str] = {}
for _label, _forms in {
    "Seyed": "seyed seyyed sayed sayyed sayyid sayid seyyid seied sadat seyedeh seyyedeh sayyida "
    "سید سیده سادات",
    "Haj": "haj haji hajj hajji hajiye hajieh hadj حاج حاجی حاجیه",
    "Mir": "mir میر",
    "Mirza": "mirza میرزا",
    "Sheikh": "sheikh sheykh shaikh shaykh sheik شیخ",
    "Karbalaei": "karbalaei karbalai karbalayi kalbali کربلایی کربلائی",
    "Mashhadi": "mashhadi mashadi مشهدی",
    "Shahid": "shahid martyr شهید",
    "Dr": "dr doctor دکتر",
    "Mulla": "mulla molla mullah ملا",
    "Mr": "mr mrs ms miss agha aghaye aqa khanom khanum آقا آقای خانم",
}.items():
    for _f in _forms.split():
        HONORIFICS[name_key(_f)] = _label

# honorifics that may be glued to the following given name
_GLUED_HONORIFICS = ("سید", "سیده", "میر", "seyed", "seyyed", "sayed", "mir")

#: affix tokens (name_key) glued to the preceding token
_AFFIX_WORDS = (
    "zadeh zade zada pour poor pur nejad nezhad nejhad nijad nezhaad far fard lou loo lu "
    "ian yan زاده پور نژاد فر فرد لو یان"
)
AFFIXES: frozenset[str] = frozenset(name_key(a) for a in _AFFIX_WORDS.split())

_FATHER_MARKERS = {
    "فرزند": 1,
    "ولد": 1,
    "بن": 1,
    "bin": 1,
    "ibn": 1,
    "ben": 1,
    "s/o": 1,
    "d/o": 1,
}
_FATHER_PHRASES = re.compile(r"\b(?:son|daughter|child)\s+of\b|\bs/o\b|\bd/o\b", re.IGNORECASE)
_SPLIT = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class ParsedName:
    """A name split into parts; every part is in its display form (empty when absent)."""

    raw: str
    script: str
    honorifics: tuple[str, ...]
    given: str
    father: str
    family: str
    tokens: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "script": self.script,
            "honorifics": list(self.honorifics),
            "given": self.given,
            "father": self.father,
            "family": self.family,
        }


def _display(s: str, script: str) -> str:
    return persian_display(s) if script in ("persian", "mixed") else latin_display(s)


def _strip_honorifics(tokens: list[str]) -> tuple[list[str], list[str]]:
    found: list[str] = []
    while len(tokens) > 1:
        label = HONORIFICS.get(name_key(tokens[0]))
        if label is None:
            break
        found.append(label)
        tokens = tokens[1:]
    if len(tokens) >= 2:
        head = tokens[0]
        low = head.lower()
        for h in _GLUED_HONORIFICS:
            if low.startswith(h) and len(low) > len(h) + 2:
                rest = head[len(h) :].lstrip("\u200c-")
                whole = name_key(head)
                if (
                    is_known_given(name_key(rest))
                    and not is_known_given(whole)
                    and not is_known_surname(whole)
                ):
                    found.append(HONORIFICS[name_key(h)])
                    tokens = [rest, *tokens[1:]]
                    break
    return tokens, found


_ALWAYS_SUFFIX = frozenset(
    name_key(a) for a in ("zadeh", "zade", "zada", "nejad", "nezhad", "nejhad", "زاده", "نژاد")
)
_PREFIX_OR_SUFFIX = frozenset(name_key(a) for a in ("pour", "poor", "pur", "پور"))


def _join(left: str, right: str) -> str:
    if detect_script(left) == "persian" or detect_script(right) == "persian":
        return left + "\u200c" + right
    return left + right.lower()


def _glue_affixes(tokens: list[str]) -> list[str]:
    """Glue affix tokens to their stem: a suffix to the token before it, ``pour`` before a
    family name to the token after it (Pour Ebrahimi = Pourebrahimi). Short affixes (far, lou,
    ian) are glued only after a given name, so "Ali Far" keeps its family name."""
    out: list[str] = []
    pending = ""
    for i, t in enumerate(tokens):
        key = name_key(t)
        last = i == len(tokens) - 1
        if pending:
            out.append(_join(pending, t))
            pending = ""
        elif key in _PREFIX_OR_SUFFIX and not last and len(out) >= 1:
            pending = t
        elif out and (key in _ALWAYS_SUFFIX or (key in AFFIXES and len(out) >= 2)):
            out[-1] = _join(out[-1], t)
        else:
            out.append(t)
    if pending:
        out.append(pending)
    return out


#: first halves of compound given names (Mohammad Reza, Ali Akbar, Amir Hossein, Abdol Karim)
_COMPOUND_HEADS = frozenset(
    name_key(h)
    for h in (
        "محمد",
        "علی",
        "امیر",
        "غلام",
        "عبد",
        "عبدال",
        "ابو",
        "ابول",
        "میر",
        "شیخ",
        "Mohammad",
        "Muhammad",
        "Mohamad",
        "Mohammed",
        "Ali",
        "Amir",
        "Gholam",
        "Qolam",
        "Abdol",
        "Abdul",
        "Abd",
        "Abol",
        "Abul",
        "Abu",
    )
)


def _given_length(tokens: list[str]) -> int:
    if len(tokens) < 3 or not mostly_given(name_key(tokens[1])):
        return 1
    for k in (3, 2):
        if len(tokens) > k and is_known_given(name_key("".join(tokens[:k]))):
            return k
    if name_key(tokens[0]) in _COMPOUND_HEADS:
        return 2  # "Muhammad Ibrahim Bastani Parizi": a compound not attested as one word
    return 1


@lru_cache(maxsize=131072)
def parse_name(full: str, *, surname_first: bool = False) -> ParsedName:
    """Parse ``full`` into honorifics, given, father's and family name (see module rules)."""
    script = detect_script(full)
    text = _display(full, script)
    father = ""
    m = _FATHER_PHRASES.search(text)
    # hyphens join: "Mir-Hossein", "Ali-Asghar", "Asadi-Lari" are one name part each
    tokens_all = [t for t in _SPLIT.split(text) if t.strip("-")]
    if m:
        before = text[: m.start()]
        father = " ".join(_SPLIT.split(text[m.end() :].strip()))
        tokens_all = [t for t in _SPLIT.split(before) if t.strip("-")]
    else:
        for i, t in enumerate(tokens_all):
            if t.lower() in _FATHER_MARKERS and 0 < i < len(tokens_all) - 1:
                father = " ".join(tokens_all[i + 1 :])
                tokens_all = tokens_all[:i]
                break
    tokens, honorifics = _strip_honorifics(tokens_all)
    tokens = _glue_affixes(tokens)
    if not tokens:
        return ParsedName(full, script, tuple(honorifics), "", father, "", ())
    if len(tokens) == 1:
        given, family = tokens[0], ""
    elif surname_first:
        given, family = " ".join(tokens[1:]), tokens[0]
    else:
        k = _given_length(tokens)
        given, family = " ".join(tokens[:k]), " ".join(tokens[k:])
    return ParsedName(full, script, tuple(honorifics), given, father, family, tuple(tokens))
