"""Controlled vocabularies: violation types and sex, in English and Persian.

Raw text is always kept beside the normalized value; these functions only say what a text
means, and return ``None`` when they cannot tell.
"""

from __future__ import annotations

from shomar.domain.names_key import match_key

VIOLATIONS = (
    "killing",
    "execution",
    "death in custody",
    "enforced disappearance",
    "arbitrary detention",
    "torture",
    "injury",
    "other",
)

_VIOLATION_WORDS: dict[str, tuple[str, ...]] = {
    "killing": (
        "killing", "killed", "kill", "murder", "murdered", "shot", "shot dead", "dead",
        "کشته", "کشته شده", "کشته شدن", "قتل", "جان باخته", "جانباخته", "کشتار",
    ),
    "execution": ("execution", "executed", "hanged", "اعدام", "اعدام شده", "به دار آویخته"),
    "death in custody": (
        "death in custody", "died in custody", "died in detention", "custodial death",
        "مرگ در بازداشت", "مرگ در زندان", "جان باختن در بازداشت",
    ),
    "enforced disappearance": (
        "enforced disappearance", "disappeared", "disappearance", "missing",
        "ناپدید شدن قهری", "ناپدید شده", "ناپدیدشدگی قهری", "مفقود",
    ),
    "arbitrary detention": (
        "arbitrary detention", "detention", "detained", "arrest", "arrested", "imprisoned",
        "بازداشت", "بازداشت خودسرانه", "دستگیری", "دستگیر شده", "زندانی",
    ),
    "torture": ("torture", "tortured", "شکنجه", "شکنجه شده"),
    "injury": ("injury", "injured", "wounded", "زخمی", "مجروح", "مصدوم"),
    "other": ("other", "سایر", "دیگر"),
}  # fmt: skip

_SEX_WORDS = {
    "m": ("m", "male", "man", "boy", "مرد", "مذکر", "پسر", "ذکور"),
    "f": ("f", "female", "woman", "girl", "زن", "مونث", "مؤنث", "دختر", "اناث"),
    "unknown": ("unknown", "u", "?", "نامعلوم", "نامشخص"),
}


def _fold(text: str) -> str:
    """The same key as every user-typed name (letter forms, ZWNJ/space, case, dots)."""
    return match_key(text)


_VIOLATION_INDEX = {_fold(w): code for code, words in _VIOLATION_WORDS.items() for w in words}
_SEX_INDEX = {_fold(w): code for code, words in _SEX_WORDS.items() for w in words}


def normalize_violation(text: str) -> str | None:
    """The violation type a text names (``None`` if empty, ``"other"`` if unknown)."""
    folded = _fold(text)
    if not folded:
        return None
    return _VIOLATION_INDEX.get(folded, "other")


def is_violation_word(text: str) -> bool:
    """Whether ``text`` is one of the known words for a violation type."""
    return _fold(text) in _VIOLATION_INDEX


def normalize_sex(text: str) -> str | None:
    """``"m"``, ``"f"``, ``"unknown"``; ``None`` for an empty text; raises ``ValueError``."""
    folded = _fold(text)
    if not folded:
        return None
    if folded in _SEX_INDEX:
        return _SEX_INDEX[folded]
    raise ValueError(text)


def accepted_sex_values() -> str:
    return "M/F, male/female, مرد/زن (or leave empty)"
