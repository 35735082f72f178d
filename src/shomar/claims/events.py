"""Event hints: the episode or time a claimed number is about ("1988 massacre", «آبان ۹۸»).

The hint is the text as written, for a person to map onto a defined event; it is never
resolved to an event automatically. Named episodes come first, then "month year" cues, then a
bare year. A stated date (when the claim was made) is not an event hint.
"""

from __future__ import annotations

import re

from shomar.claims.dates import EN_MONTHS, FA_GREGORIAN_MONTHS, JALALI_MONTHS

__all__ = ["find_event_hint"]

_EN_MONTH = "|".join(m for m in EN_MONTHS if len(m) > 3)
_FA_MONTH = "|".join([*JALALI_MONTHS, *FA_GREGORIAN_MONTHS])
_EPISODE = (
    r"protests?|uprising|massacre|crackdown|executions|unrest|demonstrations|killings|revolution|"
    r"movement|strikes?|riots?|election"
)
_YEAR = r"(?:1[39]\d\d|20\d\d)"
_PATTERNS = [
    re.compile(
        rf"(?:(?:{_EN_MONTH})\s+)?(?:{_YEAR}\s+)?(?:(?:{_EN_MONTH})\s+)?"
        rf"(?:(?:[\w-]+)\s+){{0,1}}?(?:{_EPISODE})(?:\s+of\s+{_YEAR})?",
        re.IGNORECASE,
    ),
    re.compile(r"Bloody\s+(?:Friday|November|Aban)|Green\s+Movement|Woman,\s+Life,\s+Freedom"),
    re.compile(
        r"(?:اعتراضات|خیزش|قیام|کشتار|قتل[\u200c ]?عام|ناآرامی[\u200c ]?های|جمعه\s+خونین|"
        rf"اعدام[\u200c ]?های|تابستان)(?:\s+[\w\u200c]+){{0,3}}?\s+(?:(?:{_FA_MONTH})\s+)?"
        r"[۰-۹\d]{2,4}(?![\d۰-۹])"
    ),
    re.compile(r"جمعه\s+خونین(?:\s+[\w\u200c]+)?"),
    re.compile(rf"(?:{_EN_MONTH})\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"(?:{_FA_MONTH})\s+(?:ماه\s+)?[۰-۹\d]{{2,4}}(?![\d۰-۹])"),
    re.compile(rf"(?<!\d)(?:in|since|of)\s+({_YEAR})(?!\d)", re.IGNORECASE),
    re.compile(
        r"(?<![\w\u200c])سال\s+((?:۱[۳۴]|۱۹|۲۰|1[34]|19|20)[۰-۹\d]{2})(?![\d۰-۹])"
    ),  # «در سال ۲۰۲۳»
]
_NEEDS_CUE = re.compile(rf"{_YEAR}|{_EN_MONTH}|[۰-۹]|Bloody|Green|Woman|خونین", re.IGNORECASE)


def find_event_hint(sentence: str, excluded: list[tuple[int, int]]) -> str | None:
    """The first event cue in ``sentence`` outside the ``excluded`` spans (stated dates)."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in excluded):
                continue
            text = m.group(m.lastindex or 0).strip()
            if _NEEDS_CUE.search(text):
                return text
    return None
