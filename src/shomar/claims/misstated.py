"""Figures an article states only to correct them: no claim of anyone.

- An editor's note about the article's own earlier text: "An earlier version of this article
  said 60 people had been arrested.", «در گزارش قبلی ما شمار بازداشت‌شدگان ۶۰ نفر ذکر شده بود؛
  …». When the earlier text cited a party ("…, citing local officials") the figure stays that
  party's claim, so a clause that cites someone is left alone.
- The figure a correction replaces: "was 582, not 528 as stated earlier", «۵۸۲ نفر، نه ۵۲۸ نفر که
  پیش‌تر اعلام شده بود».
"""

from __future__ import annotations

import re

from shomar.claims.quantity import QuantityMatch

__all__ = ["misstated"]

_OWN_EARLIER_TEXT = re.compile(
    r"(?<![\w])(?:an?\s+)?(?:earlier|previous|original)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|piece)|(?<![\w])we\s+(?:earlier|previously|wrongly|mistakenly)\s+"
    r"(?:reported|said|stated)|"
    r"(?<![\w\u200c])در\s+(?:گزارش|نسخه|خبر)\s+(?:قبلی|پیشین|اولیه|نخست)\s+(?:ما|این\s+(?:گزارش|خبر))",
    re.IGNORECASE,
)
_CITES = re.compile(r"(?<![\w])(?:citing|quoting)(?![\w])|به\s+نقل\s+از", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"(?<![\w\u200c])(?:not|نه)\s+$", re.IGNORECASE)
_AS_STATED = re.compile(
    r"\s*(?:(?:people|persons|نفر|مورد|تن)\s+)?(?:as\s+(?:\w+\s+){0,2}?(?:stated|reported|said|"
    r"given|published)|(?:[،,]\s*)?که\s+(?:پیش[\u200c ]?تر|قبلا|قبلاً|به\s+اشتباه))",
    re.IGNORECASE,
)


def misstated(s: str, match: QuantityMatch) -> bool:
    """Whether the figure at ``match`` in sentence ``s`` is one the text corrects (module doc)."""
    if _NOT_BEFORE.search(s, 0, match.start) and _AS_STATED.match(s, match.number_end):
        return True
    start = max(s.rfind(";", 0, match.start), s.rfind("؛", 0, match.start)) + 1
    ends = [i for i in (s.find(";", match.end), s.find("؛", match.end)) if i >= 0]
    clause = s[start : min(ends) if ends else len(s)]
    return _OWN_EARLIER_TEXT.search(clause) is not None and not _CITES.search(clause)
