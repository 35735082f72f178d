"""Display forms and comparison keys for Persian-script and Latin-script names.

Standard library only. Every function here is idempotent: applying it to its own output
changes nothing (a property test pins this).

Persian script
    :func:`persian_display` is what we show: NFKC; Arabic ``ي ى ئ`` → ``ی``, ``ك`` → ``ک``,
    ``ة ۀ`` → ``ه``, ``أ إ ٱ`` → ``ا``, ``ؤ`` → ``و``; diacritics (harakat, shadda, superscript
    alef, hamza marks), tatweel and invisible marks (ZWJ, bidi controls, BOM, soft hyphen) are
    removed; ZWNJ is kept; runs of whitespace become one space; Persian and Arabic-Indic digits
    become ASCII. A word in Sorani Kurdish script is written in Persian letters («ئەحمەدی» →
    «احمدی», «ڕێبوار» → «ریبوار»; see ``_kurdish_word``).

    :func:`persian_key` is what we compare: the display form, then ``آ`` → ``ا``, lone hamza
    ``ء`` dropped, and ZWNJ, space, hyphen and nothing treated alike (all removed), so
    «حسین‌زاده», «حسین زاده» and «حسینزاده» share one key.

Latin script
    :func:`latin_key` lower-cases, folds accents (``ā`` → ``a``, ``ü`` → ``u``; Turkish ``ş ç ğ``
    and ``š č ž`` → ``sh ch gh zh``), drops
    apostrophes, hyphens and spaces, then folds the spelling alternations of Persian names:
    digraphs (``kh``/``x`` → ``x``; ``gh``/``q`` → ``q``; ``sch`` → ``sh``; ``tch`` → ``ch``;
    ``jh`` → ``zh``; ``dj`` → ``j``; ``ph`` → ``f``; ``w`` → ``v``; ``c`` before ``e i y`` → ``s``,
    other ``c`` not before ``h`` → ``k``),
    doubled letters, ``ou``/``oo``/``o``/``u`` → ``u``, ``ee``/``ie``(final) → ``i``,
    ``ey``/``ei``/``ay``/``ai`` before a consonant → ``ei``, the endings
    ``-aei/-aee/-ayi/-aie/-aii`` → ``ai``, final ``-eh``/``-ah`` → ``e``/``a``, and ``e`` →
    ``a`` in the stated positions ``-mmed``/``-hmed`` (Mohammed, Ahmed). Vowels that
    distinguish names (Hamid/Hamed, Zahra/Zohreh) are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "detect_script",
    "latin_display",
    "latin_key",
    "name_key",
    "persian_display",
    "persian_key",
]

ZWNJ = "\u200c"

_PERSIAN_MAP = {
    "\u064a": "\u06cc",  # ي ARABIC YEH → ی
    "\u0649": "\u06cc",  # ى ALEF MAKSURA → ی
    "\u0626": "\u06cc",  # ئ YEH WITH HAMZA → ی
    "\u06d2": "\u06cc",  # ے YEH BARREE → ی
    "\u0643": "\u06a9",  # ك ARABIC KAF → ک
    "\u0629": "\u0647",  # ة TEH MARBUTA → ه
    "\u06c0": "\u0647",  # ۀ HEH WITH YEH → ه
    "\u06d5": "\u0647",  # ە AE → ه
    "\u06c1": "\u0647",  # ہ HEH GOAL → ه
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0671": "\u0627",  # ٱ ALEF WASLA → ا
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0624": "\u0648",  # ؤ → و
}
# Arabic-Indic and extended (Persian) digits → ASCII
for _i in range(10):
    _PERSIAN_MAP[chr(0x0660 + _i)] = str(_i)
    _PERSIAN_MAP[chr(0x06F0 + _i)] = str(_i)

_REMOVE = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x06E5, 0x06E6}
_REMOVE |= set(range(0x06D6, 0x06DD)) | set(range(0x06DF, 0x06E5)) | set(range(0x06E7, 0x06EE))
_REMOVE |= {0x200B, 0x200D, 0x200E, 0x200F, 0x00AD, 0xFEFF, 0x061C, 0x2060}
_REMOVE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
_TABLE: dict[int, str | None] = {ord(k): v for k, v in _PERSIAN_MAP.items()}
_TABLE.update({cp: None for cp in _REMOVE})

_WS = re.compile(r"\s+")
#: a Persian yeh or an alef maksura carrying a hamza mark (after other marks, in any order):
#: read as the Arabic yeh, which NFC composes with the mark into ئ, so the three keyboards'
#: forms are one letter before the rules below (the composition, its mark reordering and its
#: blocking are Unicode's own: :func:`_with_yeh_hamza`)
_YEH_HAMZA = re.compile("[\u06cc\u0649](?=[\u064b-\u065f\u0670]*\u0654)")
_ZWNJ_RUN = re.compile(r"\u200c{2,}")
_ZWNJ_EDGE = re.compile(r"(?:(?<=\s)|^)\u200c+|\u200c+(?=\s|$)")


#: letters of Sorani Kurdish script that Persian spelling does not have
_KURDISH_LETTERS = re.compile("[\u06d5\u06ce\u06c6\u0695\u06b5\u06a4]")
_KURDISH_MAP = str.maketrans(
    {
        "\u06ce": "\u06cc",  # ێ → ی
        "\u06c6": "\u0648",  # ۆ → و
        "\u0695": "\u0631",  # ڕ → ر
        "\u06b5": "\u0644",  # ڵ → ل
        "\u06a4": "\u0648",  # ڤ → و (v)
    }
)
_KURDISH_WORD = re.compile(r"[^\s\u200c]+")


def _kurdish_word(found: re.Match[str]) -> str:
    """One word of Sorani Kurdish script in Persian letters, as Persian lists write the same
    name: «ئەحمەدی» → «احمدی», «کاوە» → «کاوه», «مەحموود» → «محمود», «ڕێبوار» → «ریبوار».

    A word-initial ئ only carries the vowel after it (ئا is آ); the vowel letter ە has no
    Persian letter inside a word and is ه at its end; the long-u وو is one و."""
    w = found.group()
    if w.startswith("\u0627\u0626"):  # Azeri ائ for a word-initial e: «ائلچین» is «الچین»
        w = w[0] + w[2:]
    if w.startswith("\u0626"):  # ئ
        w = ("\u0622" + w[2:]) if w[1:2] == "\u0627" else "\u0627" + w[1:]
    if not _KURDISH_LETTERS.search(w):
        return w
    w = w.translate(_KURDISH_MAP)
    w = w[:-1].replace("\u06d5", "") + w[-1:]
    return re.sub("\u0648{2,}", "\u0648", w)


def _with_yeh_hamza(s: str) -> str:
    """«یٔ» and «ىٔ» as «ئ»: NFKC composes only the Arabic yeh with a hamza mark."""
    if not _YEH_HAMZA.search(s):
        return s
    return unicodedata.normalize("NFC", _YEH_HAMZA.sub("\u064a", s))


def _display_once(s: str) -> str:
    s = _KURDISH_WORD.sub(_kurdish_word, _with_yeh_hamza(unicodedata.normalize("NFKC", s)))
    s = s.translate(_TABLE)
    s = _ZWNJ_RUN.sub(ZWNJ, s)
    s = _WS.sub(" ", s).strip()
    return _ZWNJ_EDGE.sub("", s)


@lru_cache(maxsize=65536)
def persian_display(s: str) -> str:
    """Return the display form of Persian-script text (ZWNJ kept; see the module docstring)."""
    prev = s
    for _ in range(4):  # reaches a fixed point in one or two rounds
        cur = _display_once(prev)
        if cur == prev:
            break
        prev = cur
    return prev


_KEY_TABLE: dict[int, str | None] = {
    ord("\u0622"): "\u0627",  # آ → ا
    ord("\u0621"): None,  # ء lone hamza
    ord(ZWNJ): None,
    ord(" "): None,
    ord("-"): None,
    ord("\u2010"): None,
    ord("_"): None,
    ord("."): None,
}


@lru_cache(maxsize=131072)
def persian_key(s: str) -> str:
    """Return the comparison key of Persian-script text: no ZWNJ, space or hyphen; آ → ا."""
    key = persian_display(s).translate(_KEY_TABLE)
    # Dropping the separators can join marks that NFKC kept apart ("´¸" → space + mark, space
    # + mark): the joined string needs normalising again, or keying the key would reorder it.
    return key if unicodedata.is_normalized("NFKC", key) else persian_display(key)


def _is_persian_letter(ch: str) -> bool:
    cp = ord(ch)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFEFC


@lru_cache(maxsize=65536)
def detect_script(s: str) -> str:
    """Return ``"persian"``, ``"latin"``, ``"mixed"`` or ``"none"`` from the letters of ``s``."""
    persian = latin = False
    for ch in s:
        if not ch.isalpha():
            continue
        if _is_persian_letter(ch):
            persian = True
        elif (
            ch.isascii()
            or unicodedata.name(ch, "").startswith("LATIN")
            or unicodedata.normalize("NFKC", ch).isascii()
        ):
            latin = True
        if persian and latin:
            return "mixed"
    if persian:
        return "persian"
    if latin:
        return "latin"
    return "none"


_LATIN_SPECIAL = str.maketrans(
    {
        "ı": "i",
        # Turkish, Azeri and Kurdish-Latin letters, and the caron letters of other systems:
        # Aydın Şamlu is Shamlou, Elçin Elchin, Alioğlu Alioghlu
        "ş": "sh",
        "ç": "ch",
        "ğ": "gh",
        "š": "sh",
        "č": "ch",
        "ž": "zh",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ł": "l",
        "ð": "d",
        "þ": "th",
        "ʻ": "",
        "ʼ": "",
        "ʿ": "",
        "ʾ": "",
        "‘": "",
        "’": "",
        "`": "",
        "´": "",
        "'": "",
    }
)


@lru_cache(maxsize=65536)
def latin_display(s: str) -> str:
    """Return a display form of Latin-script text: NFKC and single spaces, case kept."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", s)).strip()


def _ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower().translate(_LATIN_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    return "".join(_fold_char(ch) for ch in s if "a" <= ch <= "z" or ch.isdigit())


def _fold_char(ch: str) -> str:
    """Return a decimal digit of any script as its ASCII digit (as the Persian key does)."""
    return str(unicodedata.decimal(ch)) if ch.isdecimal() else ch


_VOWELS = "aeiou"
# Ordered rewrite rules; each is applied to the whole string, in order.
_LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[mh])med$", "mad"),  # Mohammed, Ahmed → -mad
        (r"sch", "sh"),
        (r"tch", "ch"),
        (r"dj", "j"),
        (r"kh", "x"),
        (r"gh", "q"),
        (r"jh", "zh"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c(?!h)", "k"),
        (r"w", "v"),
        (r"(?:aei|aee|ayi|aie|aii|aiy|ayee|aye|aeey|aeei)$", "ai"),  # Rezaei, Rezaee, Rezayi
        (r"i(?:y?eh?|ye)$", "iye"),  # Mahdieh, Mahdiyeh, Mahdie (kept apart from Mahdi)
        (r"ee|iy$|(?<=[^aeiou])y$", "i"),
        (r"([a-z])\1+", r"\1"),  # doubled letters
        (r"ou|o", "u"),
        (r"uu+", "u"),
        (r"([aeu])(?:y|i)(?=[^aeiouy]|$)", r"\1i"),  # ey/ay/ei before a consonant
        (r"ei(?=[^aeiou]|$)", "ei"),
        (r"(?<=[aeiu])h$", ""),  # final -eh/-ah
        (r"([a-z])\1+", r"\1"),
    )
)


@lru_cache(maxsize=131072)
def latin_key(s: str) -> str:
    """Return the comparison key of Latin-script text (see the module docstring)."""
    prev = _ascii_fold(s)
    for _ in range(4):
        cur = prev
        for pattern, repl in _LATIN_RULES:
            cur = pattern.sub(repl, cur)
        if cur == prev:
            break
        prev = cur
    return prev


@lru_cache(maxsize=131072)
def name_key(s: str) -> str:
    """Return the script-appropriate key: :func:`persian_key` or :func:`latin_key`.

    Mixed text keys each run of Persian-block characters and each run of other characters
    with its own function, in order. The script is read from the NFKC form, which both keys
    start from: "ʱ" or "㏒" are Latin letters once normalised and must be keyed as Latin.
    """
    s = unicodedata.normalize("NFKC", s)
    script = detect_script(s)
    if script == "persian":
        return persian_key(s)
    if script == "latin":
        return latin_key(s)
    if script == "mixed":
        prev = s
        for _ in range(4):  # keying may join runs; repeat to a fixed point
            cur = _mixed_key(prev)
            if cur == prev:
                break
            prev = cur
        return prev
    return persian_key(s)


def _mixed_key(s: str) -> str:
    if detect_script(s) != "mixed":
        return persian_key(s) if detect_script(s) != "latin" else latin_key(s)
    return "".join(
        persian_key(run) if _is_persian_letter(run[0]) else latin_key(run)
        for run in _RUNS.findall(s)
    )


_RUNS = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc]+|[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc]+"
)
