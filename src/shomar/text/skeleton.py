"""Keys shared by both scripts: the consonant skeleton and the vowel signature.

:func:`skeleton` keeps only consonants, mapped to one class per sound so that Persian and Latin
spellings of a name meet: ``محمد``, ``Mohammad``, ``Muhammad`` → ``mhmd``. It is a *blocking*
key: it also merges different names (محمود Mahmoud → ``mhmd``), so never decide on it alone.

:func:`signature` adds what the consonants miss and both scripts write: long vowels inside
the name (``و`` / ``u ou oo v`` → ``U``, ``ی`` / ``i ee ei ey y`` → ``I``) and the final vowel
(``ا``/``a`` → ``A``, ``ه``/``e eh`` → ``E``, ``ی``/``i`` → ``I``). Short vowels (Latin ``a e o``
inside a name, unwritten in Persian) and ``ا``/``ع`` inside a name are dropped, because the two
scripts disagree on them. So Hamid/حمید → ``hmId`` but Hamed/حامد → ``hmd``; Zahra/زهرا →
``zhrA`` but Zohreh/زهره → ``zhrE``; Mahmoud/محمود → ``mhmUd`` but Mohammad/محمد → ``mhmd``.

Consonant classes (one letter each): ``b p t s j(j,zh,ژ) C(ch) h x(kh) d z r S(sh) q(gh,q) f
k g l m n v y``. Persian ``ت ط`` → t; ``ث س ص`` → s; ``ح ه`` → h; ``ذ ز ض ظ`` → z; ``غ ق`` → q.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shomar.text.normalize import _ascii_fold, detect_script, persian_display

__all__ = [
    "cross_match",
    "cross_match_loose",
    "loose",
    "loose_skeleton",
    "signature",
    "skeleton",
    "strict_signature",
]

_FA_CONS = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ج": "j",
    "چ": "C",
    "ح": "h",
    "ه": "h",
    "خ": "x",
    "د": "d",
    "ذ": "z",
    "ز": "z",
    "ض": "z",
    "ظ": "z",
    "ر": "r",
    "ژ": "j",  # Latin writes ژ as j (Bijan, Pejman) as often as zh
    "ش": "S",
    "غ": "q",
    "ق": "q",
    "ف": "f",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
}
_FA_SILENT = {"ا", "آ", "ع", "ء", "أ", "إ"}

_TOKEN_SPLIT = re.compile(r"[\s\u200c\-_.,/()]+")
_LATIN_DIGRAPHS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"sch", "S"),
        (r"tch", "C"),
        (r"dj", "j"),
        (r"kh", "x"),
        (r"gh", "q"),
        (r"sh", "S"),
        (r"ch", "C"),
        (r"zh", "j"),
        (r"jh", "j"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),  # Cyrus, Maurice
        (r"c", "k"),
        (r"w", "v"),
        (r"([^aeiou])\1+", r"\1"),
    )
)


_LATIN_AI_END = re.compile(r"(?:aei|aee|ayi|aie|aii|aiy|ayee|aye|aeey|aeei)$")


def _fa_tokens(s: str) -> list[str]:
    """Persian tokens; «الله» written apart («روح‌الله», «فتح الله») stays with the name before
    it, as when written joined: the ح before it is then not a silent final letter (Ruhollah
    is ``rhl`` in both scripts, not ``rl``)."""
    out: list[str] = []
    for t in _TOKEN_SPLIT.split(persian_display(s)):
        if t == "الله" and out:
            out[-1] += t
        elif t:
            out.append(t)
    return out


_APOSTROPHE_H = re.compile(r"(?<=[sckgzSCKGZ])['’ʼ](?=[hH])")


def _latin_tokens(s: str) -> list[str]:
    out = []
    # an apostrophe keeps s and h apart: Es'hagh is اسحاق (s-h), not sh
    for raw in _TOKEN_SPLIT.split(_APOSTROPHE_H.sub("-", s)):
        t = _ascii_fold(raw)
        for pattern, repl in _LATIN_DIGRAPHS:
            t = pattern.sub(repl, t)
        if t:
            out.append(t)
    return out


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _fa_signature_token(t: str, vowels: bool) -> str:
    out: list[str] = []
    n = len(t)
    if t.endswith("الله") and n > 4:  # Abdollah, Habibollah: final ه is sounded
        t = t[:-4] + "ل"
        tail = "A" if vowels else ""
        n = len(t)
    else:
        tail = ""
    for i, ch in enumerate(t):
        last = i == n - 1
        if ch in _FA_SILENT:
            if last and vowels and i > 0:
                out.append("A")
            continue
        if ch == "و":
            if i == 0:
                out.append("v")
            elif vowels:
                out.append("U")
            continue
        if ch == "ی":
            if i == 0:
                out.append("y")
            elif vowels:
                out.append("I")
            continue
        if ch in "هح" and last and i > 0:
            if vowels:
                out.append("E")
            continue
        c = _FA_CONS.get(ch)
        if c:
            out.append(c)
        elif ch.isdigit() or ("a" <= ch <= "z"):
            out.append(ch)
    return _collapse("".join(out) + tail)


def _latin_signature_token(t: str, vowels: bool) -> str:
    # t is already folded to ASCII with digraphs replaced (upper-case class letters)
    t = re.sub(r"(?<=[aeiou])h$", "", t)  # final -eh / -ah
    t = _LATIN_AI_END.sub("ai", t)  # Rezaei, Rezaee, Rezaie, Rezayi
    out: list[str] = []
    n = len(t)
    i = 0
    while i < n:
        ch = t[i]
        nxt = t[i + 1] if i + 1 < n else ""
        last = i == n - 1
        if ch in "aeiouy" and i == 0 and ch != "y":
            # initial vowel: Persian writes an alef; i/u may be long
            if vowels and ch in "iu" and not last:
                out.append("I" if ch == "i" else "U")
            i += 1
            continue
        if ch == "y" and i == 0:
            out.append("y")
        elif ch == "v" and i == 0:
            out.append("v")
        elif ch in "aeiouy" or ch == "v":
            if not vowels:
                i += 1
                continue
            if last:
                out.append({"a": "A", "e": "E", "i": "I", "y": "I", "o": "U", "u": "U"}.get(ch, ""))
                if ch == "v":
                    out.append("U")
            elif ch == "o" and nxt in ("o", "u"):
                out.append("U")
                i += 1
            elif ch == "e" and nxt in ("i", "y", "e"):
                out.append("I")
                i += 1
            elif ch in "iuy" or ch == "v":
                out.append("I" if ch in "iy" else "U")
            # a, e, o inside the name: short vowels, dropped
        else:
            out.append(ch)
        i += 1
    return _collapse("".join(out))


def _script_key(s: str, vowels: bool) -> str:
    """Consonants (plus long and final vowels when ``vowels``), in either script."""
    script = detect_script(s)
    if script == "persian":
        return _collapse("".join(_fa_signature_token(t, vowels) for t in _fa_tokens(s)))
    if script == "latin":
        return _collapse("".join(_latin_signature_token(t, vowels) for t in _latin_tokens(s)))
    if script == "mixed":
        return "".join(_script_key(t, vowels) for t in _script_runs(s))
    return ""


@lru_cache(maxsize=131072)
def skeleton(s: str) -> str:
    """Return the consonant skeleton of a name in either script (a blocking key)."""
    return _script_key(s, False)


@lru_cache(maxsize=131072)
def signature(s: str) -> str:
    """Return consonants plus long and final vowels, comparable across scripts."""
    return _script_key(s, True)


_RUNS = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc\u200c]+|[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufefc\u200c]+"
)


def _script_runs(s: str) -> list[str]:
    return _RUNS.findall(s)


_LOOSE = str.maketrans("gxC", "qkS")


def loose(key: str) -> str:
    """Merge the consonant classes that Latin spellings often confuse in a skeleton or
    signature: ``g`` with ``q`` (Dehgan/دهقان, Asgar/اصغر), ``x`` with ``k`` (Sheik/شیخ) and
    ``ch`` with ``sh`` (French spellings: Chahla/شهلا, Hachemi/هاشمی)."""
    return key.translate(_LOOSE)


_GERMAN_DIGRAPHS = re.compile(r"([dt])sch", re.IGNORECASE)  # Dschawad (j), Tahrantschi (ch)
_ARTICLE_DIN = re.compile(r"l(?=dn$)")  # «شهاب‌الدین» Shbldn, Shahabeddin Shbdn
_LOOSE_CLASSES = str.maketrans("gSCxk", "qssss", "jyh")
#: an Arabic article written before a Latin name ("al-Isfahani" for «اصفهانی», "el-Ashouri")
_ARTICLE_PREFIX = re.compile(r"^[ae]l-(?=\w)", re.IGNORECASE)


@lru_cache(maxsize=131072)
def loose_skeleton(s: str) -> str:
    """A blocking key that survives other romanisation systems and a dropped ``h``: the
    :func:`skeleton` with German ``dsch``/``tsch`` read as ``j``/``ch``, ``g`` = ``q``
    (Qasem, Ghasem, Gasem), ``s sh ch kh k`` in one class (French ``ch`` is sh, German
    ``ch`` is kh; an ``h`` dropped from a digraph), and ``j``, ``y``, ``h`` left out (German
    ``j`` is ``y``, French ``dj`` is ``j``; ``h`` is often dropped or added). So "Djavad
    Chahrokhi", "Dschawad Schahrochi", «جواد شاهرخی» and "Javad Shahrokhi" share one key.
    The article of «...الدین» is left out as Latin spellings assimilate it (Shahabeddin,
    Fakhreddin), and so is an article written before a Latin name ("al-Isfahani" for
    «اصفهانی»). Far looser than the skeleton: only for blocking on two name parts at once."""
    text = _GERMAN_DIGRAPHS.sub(lambda m: "j" if m.group(1) in "dD" else "ch", s)
    text = _ARTICLE_PREFIX.sub("", text.strip())
    return _collapse(_ARTICLE_DIN.sub("", skeleton(text)).translate(_LOOSE_CLASSES))


# --- strict cross-script matching -------------------------------------------------------------
# Persian writes long vowels and leaves short ones out; Latin writes both. So a Persian name
# gives one *strict signature* (consonants, "V" for an initial vowel, "A" for a written alef,
# "U" for و as a vowel, "I" for ی as a vowel, final "E" for ه) and a Latin spelling gives a
# *pattern* over such signatures: "a" inside a name may be a written alef or a short vowel
# ("A?"), "o" may be و or short ("U?"), "e" is always short (""), "i"/"ee"/"ei"/"y" need a ی,
# "u"/"ou"/"oo"/"v" need a و. Nazeri fits ناظری? no (e is short, ا is written); نظری: yes.


def _fa_strict_token(t: str) -> str:
    out: list[str] = []
    tail = ""
    if t.endswith("الله") and len(t) > 4:
        t, tail = t[:-4] + "ل", "A"
    n = len(t)
    for i, ch in enumerate(t):
        last = i == n - 1
        if i == 0 and ch in "اآعأإ":
            out.append("V")
            continue
        if ch in "اآأإ":
            # the article «ال» inside a compound (ابوالفضل, عبدالحسین) is read as a short -ol-
            if i + 1 < n and t[i + 1] == "ل" and i >= 2:
                continue
            # an alef before ع is often left out (اسمعیل = اسماعیل)
            if i + 1 < n and t[i + 1] == "ع":
                continue
            out.append("A")
            continue
        if ch in "عء":
            continue
        if ch == "و":
            out.append("v" if i == 0 else "U")
            continue
        if ch == "ی":
            out.append("y" if i == 0 else "I")
            continue
        if ch in "هح" and last and i > 0:
            out.append("E")
            continue
        c = _FA_CONS.get(ch)
        if c:
            out.append(c)
    return _collapse("".join(out) + tail)


def _latin_pattern_token(t: str) -> str:
    t = re.sub(r"(?<=[aeiou])h$", "", t)
    t = _LATIN_AI_END.sub("ai", t)
    out: list[str] = []
    n = len(t)
    i = 0
    while i < n:
        ch = t[i]
        nxt = t[i + 1] if i + 1 < n else ""
        last = i == n - 1
        if i == 0 and ch in "aeiou":
            out.append("V")
            if ch == "i" and not last:
                out.append("I?")
            elif ch in "ou" and not last:
                out.append("U?")
            i += 1
            continue
        if i == 0 and ch in "yv":
            out.append(ch)
            i += 1
            continue
        if last and ch in "aeiouy":
            out.append({"a": "A", "e": "E", "i": "I", "y": "I", "o": "U", "u": "U"}[ch])
        elif ch == "o" and nxt in ("o", "u"):
            out.append("U")
            i += 1
        elif ch == "e" and nxt in ("e", "i", "y"):
            out.append("I")
            i += 1
        elif ch == "a" and nxt in ("i", "y") and i + 2 >= n:
            out.append("A?I")  # -ai ending
            i += 1
        elif ch == "a":
            out.append("A?")
        elif ch == "o":
            out.append("U?")
        elif ch == "e":
            out.append("E?")  # short e, or a part-final ه inside a compound (وظیفه‌شناس)
        elif ch in "iy":
            out.append("I")
        elif ch in "uv":
            out.append("U")
        else:
            out.append(ch)
        i += 1
    # collapse repeated class letters the way the Persian side does
    pattern = "".join(out)
    return re.sub(r"([A-Za-z])(?:\1)+", r"\1", pattern)


@lru_cache(maxsize=131072)
def strict_signature(s: str) -> str:
    """Strict signature of a Persian-script name (see :func:`cross_match`)."""
    return _collapse("".join(_fa_strict_token(t) for t in _fa_tokens(s)))


@lru_cache(maxsize=131072)
def _latin_regex(s: str) -> re.Pattern[str]:
    body = "".join(_latin_pattern_token(t) for t in _latin_tokens(s))
    # the Persian side collapses repeated letters across tokens; so does the pattern
    return re.compile(re.sub(r"([A-Za-z])(?:\1)+", r"\1", body))


@lru_cache(maxsize=131072)
def _latin_regex_loose(s: str) -> re.Pattern[str]:
    return re.compile(loose(_latin_regex(s).pattern))


@lru_cache(maxsize=262144)
def cross_match_loose(persian: str, latin: str) -> bool:
    """:func:`cross_match` with g/q and k/kh merged (Dehgan/دهقان, Sheik/شیخ)."""
    sig = loose(strict_signature(persian))
    return bool(sig) and _latin_regex_loose(latin).fullmatch(sig) is not None


@lru_cache(maxsize=262144)
def cross_match(persian: str, latin: str) -> bool:
    """Whether a Latin spelling can be a reading of a Persian name, vowel by vowel.

    Stricter than equal signatures: Nazeri fits نظری but not ناظری, Salehi fits صالحی but not
    صلاحی, Ahmad fits احمد but not حامد, Ehsan fits احسان but not حسن.
    """
    sig = strict_signature(persian)
    return bool(sig) and _latin_regex(latin).fullmatch(sig) is not None
