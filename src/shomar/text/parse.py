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

Family-name-first forms are read right without the option (``family_first`` says so and
``order_evidence`` why):

- **comma**: one comma (``,`` or ``،``) with a name on each side is "FAMILY, Given":
  "Rezaei, Aliakbar", «رضایی، علی‌اکبر»;
- **capitals**: in a Latin name whose other parts are not all capitals, the parts written in
  capitals are the family name: "REZAEI Aliakbar", "S. Ali Reza VAKILI" (shown title-cased).

Abbreviations ("M. Reza" → Mohammad Reza, "Gh. Ali" → Gholam Ali, "S. Ali" → honorific Seyed,
«م.» «غ.» «س.»; see :data:`shomar.text.variants.ABBREVIATIONS`) are expanded when a given
name follows them. The words «آقا»، «خانم»، «سادات»، «بیگم» (Agha, Khanom, Sadat, Begum) after
the given name, separate or glued («علی‌آقا», «زهراسادات»), are taken off as honorifics, never
kept in the family name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from shomar.text.lexicon import is_known_given, is_known_surname, mostly_given
from shomar.text.normalize import detect_script, latin_display, name_key, persian_display
from shomar.text.variants import ABBREVIATIONS, NAME_SUFFIXES, strip_name_suffix

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
    #: whether the text wrote the family name first, and how that was known:
    #: ``"comma"``, ``"capitals"``, ``"option"`` (``surname_first=True``) or ``""``
    family_first: bool = False
    order_evidence: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "script": self.script,
            "honorifics": list(self.honorifics),
            "given": self.given,
            "father": self.father,
            "family": self.family,
            "family_first": self.family_first,
            "order_evidence": self.order_evidence,
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
    ian) are glued only after a given name, so "Ali Far" keeps its family name; a name of two
    tokens keeps its second as the family name even when it is -zadeh or -nejad ("Karam
    Zadeh": a compound family name shortened to its last part)."""
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
        elif out and (
            (key in _ALWAYS_SUFFIX and not (last and len(tokens) == 2))
            or (key in AFFIXES and len(out) >= 2)
        ):
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


#: second halves of -allah names written apart («حبیب الله», "Habib Ollah", "Nasr Allah")
_ALLAH_PIECES = frozenset(
    name_key(a)
    for a in ("الله", "allah", "ollah", "ullah", "olah", "ulah", "alah", "elah", "ellah")
)


#: first halves of Abd- names written apart: never a name on their own
_ABD_HEADS = frozenset(
    name_key(h) for h in ("عبد", "عبدال", "Abd", "Abdol", "Abdul", "Abdel", "Abdal", "Abd-al")
)


def _given_length(tokens: list[str]) -> int:
    if len(tokens) >= 3 and name_key(tokens[1]) in _ALLAH_PIECES:
        return 2  # "Habib Ollah Sadeghi": the given name's -allah is never a family name
    if len(tokens) >= 3 and name_key(tokens[0]) in _ABD_HEADS:
        return 2  # "Abd ul-Ali Jafari", "Abdul Ridha Chenani": Abd is a servant *of* a name
    if len(tokens) < 3:
        return 1
    head = name_key(tokens[0]) in _COMPOUND_HEADS
    if head and is_known_given(name_key(tokens[0] + tokens[1])):
        return 2  # "Mohammad Baqir Ahmadi": Baqir alone is rare, Mohammad-Baqir is a name
    if not mostly_given(name_key(tokens[1])):
        return 1
    for k in (3, 2):
        if len(tokens) > k and is_known_given(name_key("".join(tokens[:k]))):
            return k
    if head:
        return 2  # "Muhammad Ibrahim Bastani Parizi": a compound not attested as one word
    return 1


_COMMA = re.compile(r"[,،]")
_ABBREV = re.compile(r"^([^\W\d_]{1,4})\.$")
_ABBREV_GLUED = re.compile(r"(?<![^\s])([^\W\d_]{1,4})\.(?=[^\W\d_]{2,})")


def _split_tokens(text: str) -> list[str]:
    # hyphens join: "Mir-Hossein", "Ali-Asghar", "Asadi-Lari" are one name part each
    return [t for t in _SPLIT.split(_ABBREV_GLUED.sub(r"\1. ", text)) if t.strip("-.")]


def _expand_abbreviations(tokens: list[str], honorifics: list[str]) -> list[str]:
    """ "M. Reza" → Mohammad Reza, "S. Ali" → (Seyed) Ali: only before a given name."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        m = _ABBREV.match(t)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        abbrev = ABBREVIATIONS.get(m.group(1).lower()) if m else None
        if abbrev and not out and nxt and mostly_given(name_key(nxt.rstrip("."))):
            expansion, is_honorific = abbrev
            if is_honorific:
                honorifics.append(HONORIFICS[name_key(expansion)])
            else:
                out.append(expansion)
            continue
        out.append(t)
    return out


def _strip_suffixes(tokens: list[str], honorifics: list[str]) -> list[str]:
    """Take «آقا»، «خانم»، «سادات»، «بیگم» off the given name (separate or glued)."""
    if not tokens:
        return tokens
    head, label = strip_name_suffix(tokens[0])
    if label is not None and is_known_given(name_key(head)):
        honorifics.append(label)
        tokens = [head, *tokens[1:]]
    if len(tokens) >= 2:
        label = NAME_SUFFIXES.get(name_key(tokens[1]))
        # a final «سادات»/"Sadat" may be a family name (Ali Sadat); آقا/خانم never are
        if label is not None and (len(tokens) > 2 or label in ("Agha", "Khanom", "Begum")):
            honorifics.append(label)
            tokens = [tokens[0], *tokens[2:]]
    return tokens


def _is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _title(token: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in token.split("-"))


def _capitals_family(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """(given tokens, family tokens) when one contiguous run of parts is in capitals and the
    others are not ("REZAEI Aliakbar", "Ali Reza VAKILI")."""
    caps = [i for i, t in enumerate(tokens) if _is_caps(t)]
    if not caps or len(caps) == len(tokens) or caps != list(range(caps[0], caps[-1] + 1)):
        return None
    if caps[0] != 0 and caps[-1] != len(tokens) - 1:
        return None
    family = [_title(tokens[i]) for i in caps]
    given = [t for i, t in enumerate(tokens) if i not in caps]
    return given, family


@lru_cache(maxsize=131072)
def parse_name(full: str, *, surname_first: bool = False) -> ParsedName:
    """Parse ``full`` into honorifics, given, father's and family name (see module rules)."""
    script = detect_script(full)
    text = _display(full, script)
    father = ""
    m = _FATHER_PHRASES.search(text)
    if m:
        father = " ".join(_split_tokens(text[m.end() :].strip()))
        text = text[: m.start()]
    else:
        tokens_all = _split_tokens(text)
        for i, t in enumerate(tokens_all):
            if t.lower() in _FATHER_MARKERS and 0 < i < len(tokens_all) - 1:
                father = " ".join(tokens_all[i + 1 :])
                text = " ".join(tokens_all[:i])
                break
    evidence = "option" if surname_first else ""
    comma_family: list[str] = []
    parts = [p.strip() for p in _COMMA.split(text)]
    if len(parts) == 2 and all(detect_script(p) != "none" for p in parts):
        comma_family = _split_tokens(parts[0])
        text = parts[1]
        evidence = "comma"
    tokens_all = _split_tokens(text)
    honorifics: list[str] = []
    tokens_all = _expand_abbreviations(tokens_all, honorifics)
    tokens, found = _strip_honorifics(tokens_all)
    honorifics.extend(found)
    caps_split = None
    if not comma_family and script == "latin":
        caps_split = _capitals_family(tokens)
        if caps_split is not None:
            tokens, comma_family = caps_split
            tokens, found = _strip_honorifics(tokens)
            honorifics.extend(found)
            evidence = "capitals"
    tokens = _strip_suffixes(_glue_affixes(tokens), honorifics)
    family_tokens = _glue_affixes(comma_family) if comma_family else []
    if not tokens and not family_tokens:
        return ParsedName(full, script, tuple(honorifics), "", father, "", ())
    if family_tokens:
        given, family = " ".join(tokens), " ".join(family_tokens)
        order = (
            (*family_tokens, *tokens)
            if evidence == "comma" or (caps_split and text.split() and _is_caps(text.split()[0]))
            else (*tokens, *family_tokens)
        )
        family_first = order[0] == family_tokens[0] and bool(tokens)
        return ParsedName(
            full,
            script,
            tuple(honorifics),
            given,
            father,
            family,
            tuple(order),
            family_first,
            evidence if family_first or evidence == "capitals" else "",
        )
    if len(tokens) == 1:
        given, family = tokens[0], ""
    elif surname_first:
        given, family = " ".join(tokens[1:]), tokens[0]
    else:
        k = _given_length(tokens)
        given, family = " ".join(tokens[:k]), " ".join(tokens[k:])
    return ParsedName(
        full,
        script,
        tuple(honorifics),
        given,
        father,
        family,
        tuple(tokens),
        surname_first and len(tokens) > 1,
        evidence if surname_first and len(tokens) > 1 else "",
    )
