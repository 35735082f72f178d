"""Other ways of writing one name: romanisation systems, colloquial forms, abbreviations.

Standard library only. Used by :mod:`shomar.text.compare` (a name is compared through its
variants when its plain key does not match) and :mod:`shomar.text.parse`.

Romanisation systems (:func:`latin_variants`) beyond common English spelling, each rewritten
to the common English reading:

- **UN/BGN-PCGN and ALA-LC**, with or without diacritics: when a name carries the systems'
  macrons or dots (ā ī ū ḥ ṣ ṭ ẓ ż ẕ ḩ ţ ẖ), its unmarked ``u``/``i`` are short vowels, written
  ``o``/``e`` in common spelling (Ḥusaynī → Hoseyni, Fāṭimah → Fatemeh, Riz̤ā → Reza); ``ay``/
  ``aw`` → ``ey``/``ow``, final ``-ah``/``-ih`` → ``-eh``, ``á`` (alif maqsura) → ``a``.
  Without diacritics the same rewrite is one variant among others (Husayn → Hoseyn).
- **French**: ``ch`` → ``sh`` (Chahrokh → Shahrokh, Hachemi), ``dj`` → ``j``, ``gu`` before
  e/i → ``g``, a mute final ``e`` after a consonant (Chirine → Shirin), ``ï``/``ë`` as a vowel
  of its own (Saïd = Saeid).
- **German**: ``dsch`` → ``j`` (Dschawad → Javad), ``tsch`` → ``ch``, ``sch`` → ``sh``, ``ch``
  → ``kh`` (Chamenei → Khamenei), ``j`` → ``y`` (Jazdani → Yazdani), ``w`` → ``v``.
- **The Arabic article** as Persian spelling writes it: ``-allah``/``-ullah`` after a consonant
  → ``-ollah`` (Fazl-Allah → Fazlollah), a doubled sun letter after ``Abd`` → ``Abdol``
  (Abdurrahman → Abdolrahman).
- **Arabic-style endings and vowels** (:func:`arabic_readings`, used by
  :mod:`shomar.text.compare` only where the spelling table supports them): final ``-a`` →
  ``-eh``, a short ``i`` between consonants → ``e`` (Fatima → Fatemeh, Mohsin → Mohsen).
- ``g`` → ``gh`` at the start (Gasem → Ghasem). A general ``e``/``a`` shift (Pervin/Parvin) is
  *not* a variant: it merges different names (Abedi/Abadi, Shakeri/Shekari); such pairs keep
  their fallback score (Pervin ~ Parvin 0.67, "uncertain").

Colloquial forms (:data:`COLLOQUIAL`): «ممد»/Mamad → «محمد», «مملی» → «محمدعلی», «فاطی»/Fati →
«فاطمه», «ابرام»/Ebram → «ابراهیم», «غلوم» → «غلام», «رقی» → «رقیه»; a name with «آقا»،
«خانم»، «سادات»، «بیگم» glued to it («علی‌آقا», «فاطمه‌خانم», «زهراسادات») is the name without it.

Abbreviations (:data:`ABBREVIATIONS`): "M."/"Moh."/"Mohd."/"Md." → Mohammad, "Gh."/"Q." →
Gholam, "Abd." → Abdol, "S."/"Sd." → the honorific Seyed, «م.» → «محمد», «غ.» → «غلام», «س.»
→ «سید».
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from shomar.text.normalize import detect_script, name_key, persian_display

__all__ = [
    "ABBREVIATIONS",
    "COLLOQUIAL",
    "NAME_SUFFIXES",
    "arabic_readings",
    "colloquial_formal",
    "latin_variants",
    "strip_name_suffix",
]

#: colloquial or pet form → the formal name (display forms)
COLLOQUIAL: dict[str, str] = {}
for _formal, _forms in {
    "محمد": "ممد ممدی مَمَد مامد",
    "Mohammad": "Mamad Mammad Mamd Mamed Mammed",
    "محمدعلی": "مملی",
    "Mohammadali": "Mamali Mammali",
    "فاطمه": "فاطی فاطو",
    "Fatemeh": "Fati Fatti",
    "ابراهیم": "ابرام",
    "Ebrahim": "Ebram Ebraam",
    "اسماعیل": "اسمال",
    "Esmail": "Esmal Esmaal",
    "غلام": "غلوم",
    "Gholam": "Gholoom Gholum",
    "رقیه": "رقی",
    "Roghayeh": "Roghi",
    "حسین": "حسینعلی‌آقا",
    "عبدالله": "عبدلله",
}.items():
    for _f in _forms.split():
        COLLOQUIAL[name_key(_f)] = _formal

#: words written after a given name that are not part of any name: key → label
NAME_SUFFIXES: dict[str, str] = {}
for _label, _forms in {
    "Agha": "آقا اقا agha aqa aga",
    "Khanom": "خانم khanom khanum khanoum khanoom khanm",
    "Sadat": "سادات sadat",
    "Begum": "بیگم begum beygom beigom begom",
}.items():
    for _f in _forms.split():
        NAME_SUFFIXES[name_key(_f)] = _label

_FA_SUFFIXES = ("آقا", "خانم", "سادات", "بیگم")

#: abbreviation key (lower-case, dot removed) → (expansion, is_honorific)
ABBREVIATIONS: dict[str, tuple[str, bool]] = {
    "m": ("Mohammad", False),
    "moh": ("Mohammad", False),
    "mohd": ("Mohammad", False),
    "md": ("Mohammad", False),
    "mhd": ("Mohammad", False),
    "gh": ("Gholam", False),
    "q": ("Gholam", False),
    "abd": ("Abdol", False),
    "s": ("Seyed", True),
    "sd": ("Seyed", True),
    "sy": ("Seyed", True),
    "م": ("محمد", False),
    "غ": ("غلام", False),
    "س": ("سید", True),
}


def strip_name_suffix(token: str) -> tuple[str, str | None]:
    """A Persian name part with «آقا»، «خانم»، «سادات»، «بیگم» glued to its end (with ZWNJ or
    nothing) → (the name, the suffix's label); otherwise (token, None)."""
    if detect_script(token) != "persian":
        return token, None
    text = persian_display(token)
    for suffix in _FA_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            stem = text[: -len(suffix)].rstrip("\u200c ")
            if len(stem) >= 2:
                return stem, NAME_SUFFIXES[name_key(suffix)]
    return token, None


def colloquial_formal(token: str) -> str | None:
    """The formal name of a colloquial form («ممد» → «محمد», "Fati" → "Fatemeh"), or None."""
    formal = COLLOQUIAL.get(name_key(token))
    if formal is not None:
        return formal
    stem, label = strip_name_suffix(token)
    if label is not None and label in ("Agha", "Khanom"):
        return COLLOQUIAL.get(name_key(stem), stem)
    return None


_DIACRITIC_SYSTEM = re.compile(r"[āīūḥṣṭẓżẕḩţẖḍʿʾǧšžčḏṯ]|z̤|s̤|h̤|t̤", re.IGNORECASE)


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(ch for ch in s if "a" <= ch <= "z" or ch in "ïë")


def _ala_lc(s: str, marked: bool) -> str:
    """ALA-LC / BGN reading: macron vowels long, plain u and (when ``marked``) i short."""
    out: list[str] = []
    text = unicodedata.normalize("NFC", s.lower())
    i = 0
    while i < len(text):
        ch = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in "āáâ":
            out.append("a")
        elif ch in "īî":
            out.append("i")
        elif ch in "ūû":
            out.append("u")
        elif ch == "a" and nxt in "yw" and (i + 2 >= len(text) or text[i + 2] not in "aeiouāīūyw"):
            out.append("e" if nxt == "y" else "o")
        elif ch == "u" and i > 0:
            out.append("o")
        elif ch == "i" and marked and i > 0 and i < len(text) - 1:
            out.append("e")
        else:
            out.append(ch)
        i += 1
    word = _ascii("".join(out))
    return re.sub(r"(?<=[^aeiou])[ai]h$", "eh", word)


def _french(s: str) -> str:
    t = _ascii(s)
    t = t.replace("ï", "-i").replace("ë", "-e")
    t = t.replace("tch", "\0").replace("ch", "sh").replace("\0", "ch")
    t = re.sub(r"gu(?=[eiy])", "g", t)
    t = re.sub(r"(?<=[^aeiou][aeiou][nmlr])e$", "", t)  # Chirine, Nasrine, Parvine
    return t.replace("-", "")


def _german(s: str) -> str:
    t = _ascii(s)
    initial_j = t.startswith("j")
    t = t.replace("dsch", "j").replace("tsch", "\0").replace("sch", "sh")
    t = re.sub(r"(?<!s)ch", "kh", t).replace("\0", "ch")
    if initial_j:
        t = "y" + t[1:]
    return t.replace("w", "v")


_KURDISH_LATIN = str.maketrans({"ê": "i", "î": "i", "û": "u"})


def _kurdish_latin(s: str) -> str:
    """Kurdish Latin letters (Hawar): ê is Sorani ێ, written ی in Persian letters, as î is;
    û is وو ("Hêwa" → Hiwa «هیوا», "Rêbwar" → Ribwar «ریبوار»). Empty when none is used."""
    t = unicodedata.normalize("NFC", s.lower())
    return _ascii(t.translate(_KURDISH_LATIN)) if t != t.translate(_KURDISH_LATIN) else ""


def _vowel_shift(s: str) -> str:
    return re.sub(r"^g(?=[aeiou])", "gh", _ascii(s))  # Gasem → Ghasem


_ALLAH_AFTER_CONSONANT = re.compile(r"(?<=[^aeiou])(?:allah|ullah)$")
_ABD_ASSIMILATED = re.compile(r"^abd[aeiou]([tdrzsn])\1")


_ARABIC_DH = re.compile(r"dh")


def _arabic_article(s: str) -> str:
    """The Arabic article as Persian spelling writes it: "Fazl-Allah"/"Nasrullah" →
    Fazlollah, "Abdurrahman"/"Abd-ur-Rahman" → Abdolrahman (a sun letter doubled)."""
    t = _ALLAH_AFTER_CONSONANT.sub("ollah", _ascii(s))
    return _ABD_ASSIMILATED.sub(r"abdol\1", t)


def arabic_dh(s: str) -> str | None:
    """The Arabic dh of ذ ظ ض read as the z Persian says ("Kadhim" → Kazim «کاظم», "Ridha"
    → Riza «رضا»); None without a dh. Only for spellings the table does not know: in
    "Adham" («ادهم») the d and h are two letters, and Azam is «اعظم»."""
    if detect_script(s) != "latin" or not _ARABIC_DH.search(_ascii(s)):
        return None
    return _ARABIC_DH.sub("z", _ascii(s))


_FA_ARTICLE = re.compile(r"^ال(?=[^\s\u200c]{3,}$)")


def persian_article(s: str) -> str | None:
    """A Persian-script family name without the Arabic article it may carry as Arabic
    writes it: «الکعبی» → «کعبی», «السواری» → «سواری» (Ahwazi lists write both); None when
    there is none. Only a variant to try: «الماسی» (Almasi) is a name of its own."""
    if detect_script(s) != "persian":
        return None
    stripped = _FA_ARTICLE.sub("", s.strip())
    return stripped if stripped != s.strip() else None


#: the article as Latin lists write it before an Arabic family name: Al-/El-/al Kaabi, and
#: assimilated before a "sun letter", which it doubles (As-Saedi, Ash-Shami, Ad-Dawudi); an
#: apostrophe after "al" or a lone "as"/"an" is the ʿayn of one word (A'lami, As'adi, An'ami)
_LATIN_ARTICLE = re.compile(
    "^(?:[ae]l[-\u2010 ]|a(sh|th|[dnrstz])[-\u2010'\u2019\u02bc](?=\\1))(?=[^\\W\\d_]{3,}$)",
    re.IGNORECASE,
)


def latin_article(s: str) -> str | None:
    """A Latin-script family name without the Arabic article: "Al-Kaabi" → "Kaabi",
    "As-Saedi" → "Saedi" (the Persian spelling has none: «کعبی», «ساعدی»); None when there is
    none. Only with its hyphen (or a space after "al"): "Alborzi", "Al-e Ahmad" and "Ash'ari"
    keep theirs."""
    if detect_script(s) != "latin":
        return None
    stripped = _LATIN_ARTICLE.sub("", s.strip())
    return stripped if stripped != s.strip() else None


_FINAL_A = re.compile(r"(?<=[^aeiouy])a$")
_SHORT_I = re.compile(r"(?<=[^aeiouy])i(?=[^aeiouy](?:[aeiou]|$))")


def arabic_readings(s: str) -> tuple[str, ...]:
    """Readings of an Arabic-style romanisation as the Persian name: a final ``-a`` after a
    consonant for Persian ``-eh`` (Hamza → Hamzeh), then also a short ``i`` between
    consonants for ``e`` (Fatima → Fatemeh, Mohsin → Mohsen, Tahira → Tahereh).

    These rules also turn Zahra into Zahreh and Hamid into Hamed, other Persian names, so
    :mod:`shomar.text.compare` uses a reading only when the spelling as written is not
    attested or is attested for a Persian name the reading is attested for as well."""
    if detect_script(s) != "latin":
        return ()
    t = _ascii(s)
    out: list[str] = []
    for c in (_FINAL_A.sub("eh", t), _FINAL_A.sub("eh", _SHORT_I.sub("e", t))):
        if c != t and c not in out:
            out.append(c)
    return tuple(out)


_ALA_SIGNS = re.compile(r"(?<![oa])u(?![uo])|a[yw](?![aeiouy])")


@lru_cache(maxsize=65536)
def latin_variants(s: str) -> tuple[str, ...]:
    """Other readings of a Latin-script name under the romanisation systems above, best first,
    without ``s`` itself; empty when no rule changes it."""
    if detect_script(s) != "latin":
        return ()
    out: list[str] = []
    marked = _DIACRITIC_SYSTEM.search(unicodedata.normalize("NFC", s)) is not None
    candidates = [_ala_lc(s, True)] if marked else []
    candidates += [_french(s), _german(s), _vowel_shift(s), _arabic_article(s)]
    candidates.append(_kurdish_latin(s))
    if not marked and _ALA_SIGNS.search(s.lower()):
        # ALA-LC without diacritics: u for a short o is the sign, and then an i inside the
        # part is a short e as well (Muhsin → Mohsen, Husayni → Hoseyni)
        candidates.append(_ala_lc(s, False))
        candidates.append(_ala_lc(s, True))
    base = name_key(s)
    for c in candidates:
        if c and name_key(c) != base and c not in out:
            out.append(c)
    return tuple(out)
