"""This benchmark's own romanisation rules, from the phonemic keys of ``pools``.

Six systems, each a table of sounds plus a few context rules, written from general knowledge
of how Persian names appear in English, UN/BGN-PCGN, French, German and Library of Congress
(ALA-LC) spellings. They are deliberately not Shomar's: a name's spellings differ as real
lists differ (Djavad, Dschawad, Javād; Chahrokh, Schahroch, Shāhrukh).
"""

from __future__ import annotations

import random
import unicodedata

SYSTEMS = ("english", "bgn", "french", "german", "ala", "ala_plain")
VOWELS = frozenset("aeoAiu")

# Sound -> spelling per system; a tuple is a choice the writer makes once per name.
_BASE: dict[str, str] = {
    "b": "b", "p": "p", "t": "t", "d": "d", "r": "r", "z": "z", "s": "s", "f": "f",
    "k": "k", "g": "g", "l": "l", "m": "m", "n": "n", "v": "v", "y": "y", "j": "j",
    "h": "h", "C": "ch", "$": "sh", "x": "kh", "J": "zh", "G": "gh", "q": "gh",
    "H": "h", "S": "s", "T": "t", "Z": "z", "D": "z", "9": "z", "3": "s", "'": "", "^": "",
    "a": "a", "e": "e", "o": "o", "A": "a", "i": "i", "u": "u", "w": "w",
}  # fmt: skip

_SYSTEM: dict[str, dict[str, str | tuple[str, ...]]] = {
    "english": {"q": ("gh", "gh", "q"), "u": ("u", "ou", "oo"), "ay": ("ei", "ey"), "aw": "ow"},
    "bgn": {
        "A": "ā",
        "i": "ī",
        "u": "ū",
        "q": "q",
        "'": "‘",
        "^": "’",
        "ay": "ey",
        "aw": "ow",
    },
    "french": {
        "j": "dj",
        "C": "tch",
        "$": "ch",
        "J": "j",
        "u": "ou",
        "ay": "ei",
        "aw": "o",
        "y": ("y", "i"),
    },
    "german": {
        "j": "dsch",
        "C": "tsch",
        "$": "sch",
        "x": "ch",
        "J": ("sch", "zh"),
        "v": "w",
        "y": "j",
        "q": ("gh", "k"),
        "ay": "ei",
        "aw": "au",
    },
    "ala": {
        "e": "i",
        "o": "u",
        "A": "ā",
        "i": "ī",
        "u": "ū",
        "q": "q",
        "H": "ḥ",
        "S": "ṣ",
        "T": "ṭ",
        "Z": "z̲",
        "D": "z̤",
        "9": "ẓ",
        "3": "s̲",
        "'": "ʻ",
        "^": "ʼ",
        "ay": "ay",
        "aw": "aw",
    },
}
_SYSTEM["ala_plain"] = _SYSTEM["ala"]


def _tokens(word: str) -> list[str]:
    """Split a phonemic word into sounds, reading ``ay``/``aw`` before a consonant as one."""
    out: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        after = word[i + 2] if i + 2 < len(word) else ""
        if c == "a" and nxt in ("y", "w") and after not in VOWELS:
            out.append("a" + nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _pick(value: str | tuple[str, ...], rng: random.Random) -> str:
    return value if isinstance(value, str) else rng.choice(value)


def capitalise(word: str) -> str:
    """Upper-case the first letter that has a capital (not the ayn mark ʻ before it)."""
    for i, c in enumerate(word):
        if c.upper() != c:
            return word[:i] + c.upper() + word[i + 1 :]
    return word


def plain(text: str) -> str:
    """Drop diacritics, macrons and the ayn/hamza marks (ALA-LC written on a plain keyboard)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept.translate({ord(c): None for c in "ʻʼ‘’"}))


def word(phon: str, system: str, rng: random.Random) -> str:
    """One phonemic word in one system (lower case)."""
    table = _SYSTEM[system]
    toks = _tokens(phon)
    choices: dict[str, str] = {}
    double_s = system in ("french", "german") or (system == "english" and rng.random() < 0.3)
    keep_double = system != "english" or rng.random() < 0.85
    parts: list[str] = []
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if tok not in choices:
            choices[tok] = _pick(table.get(tok, _BASE.get(tok, tok)), rng)
        out = choices[tok]
        if tok == "h" and prev == "e" and not nxt:  # silent final heh: Fatemeh
            if system.startswith("ala"):
                parts[-1] = "a"
            elif system in ("english", "german") and rng.random() < 0.2:
                out = ""
            elif system == "french" and rng.random() < 0.3:
                parts[-1], out = "é", ""
        elif tok == "ay" and nxt == "y":  # Seyyed, Sayyid: the y is written once more
            out = "a" if system.startswith("ala") else "e"
        elif tok == "s" and double_s and prev[-1:] in VOWELS and nxt[:1] in VOWELS:
            out = "ss"
        elif tok == "'" and system == "english" and prev == "a" and nxt == "i":
            out = rng.choice(("e", "e", ""))
        elif (tok == prev and not keep_double) or (
            tok == "y" and system == "german" and prev == "i"
        ):
            out = ""  # Mohamad; German Mahdie for Mahdiyeh
        parts.append(out)
    return "".join(parts)


def romanise(phon: str, system: str, rng: random.Random, joiner: str | None = None) -> str:
    """A whole (possibly compound) name; compounds joined, hyphenated or spaced by habit."""
    words = [word(w, system, rng) for w in phon.split()]
    if joiner is None:
        if system.startswith("ala"):
            joiner = rng.choice((" ", "", "-"))
        else:
            joiner = rng.choices(("", " ", "-"), weights=(0.75, 0.15, 0.10))[0]
    joined = capitalise("".join(words))
    text = joined if joiner == "" else joiner.join(capitalise(w) for w in words)
    return plain(text) if system == "ala_plain" else text
