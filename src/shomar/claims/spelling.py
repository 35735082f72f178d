"""The one Persian spelling every extraction rule reads, whatever the article was typed with.

Persian is typed in several ways that mean the same: Arabic letter forms («ي»، «ك») from an
Arabic keyboard, and a plain space where the standard writes a zero-width non-joiner (ZWNJ)
before a plural or comparative suffix («گزارش ها»، «پیش تر») or after the verbal prefix «می»
(«می گوید»). The rules (verbs of saying, «این آمار را …», anaphora such as «این نهاد پیش‌تر»,
registry names) are written in the standard spelling, so :func:`standard_spelling` maps the
article to it once, before any rule runs, instead of every pattern listing every variant.

Each change is one character for one character, so every offset the rules report is still an
offset in the input text; quotes are cut from the input as written.
"""

from __future__ import annotations

import re

__all__ = ["standard_spelling"]

#: Arabic letter forms typed for Persian ones (an Arabic keyboard: «كانون»، «ايران»)
_LETTERS = str.maketrans("يكىۀ", "یکیه")
#: Persian letters (no digits, no «،» or «؛»)
_FA = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff"
#: a space before a bound suffix: «گزارش ها»، «گروه های»، «پیش تر»، «بازداشت شدگان»
_SPACED_SUFFIX = re.compile(
    rf"(?<=[{_FA}]) (?=(?:ها|های|هایی|هایش|هایشان|تر|ترین|شدگان)(?![{_FA}\u200c]))"
)
#: a space after the verbal prefix: «می گوید»، «نمی دانند»; «ماه می ۲۰۲۳» is the month May
_SPACED_PREFIX = re.compile(rf"(?<![{_FA}\u200c0-9])(?<!ماه )(?:ن?می) (?=[{_FA}]{{2}})")


def standard_spelling(text: str) -> str:
    """``text`` in Persian letters with ZWNJ before suffixes and after «می», same length."""
    text = text.translate(_LETTERS)
    text = _SPACED_SUFFIX.sub("\u200c", text)
    return _SPACED_PREFIX.sub(lambda m: m.group()[:-1] + "\u200c", text)
