"""Figures whose category a neighbour gives across a gap the main rules of
:mod:`~shomar.claims.counted` stop at.

- An aside in brackets between a figure and its verb: "11 people (three of them women) had been
  sentenced to death", «۱۱ نفر (از جمله سه زن) … به اعدام محکوم شده‌اند»: the figure before the
  brackets takes the verb after them.
- A part named before its whole: "Four police officers were among the 17 people killed",
  «چهار مأمور پلیس در میان ۱۷ کشته …»: the part counts what the whole counts.
- "put two men to death": a hanging, the number between the verb and "to death".
- The figure a change reaches: "rose from 246 in 2020 to 582 in 2022", «از ۲۴۶ مورد در سال ۲۰۲۰
  به ۵۸۲ مورد رسید»: it counts what the figure it starts from counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from shomar.claims.quantity import QuantityMatch

__all__ = ["link_neighbours"]

_ASIDE = re.compile(r"\s*(?:[\w\u200c'’-]+\s+){0,3}?\(([^()]{1,80})\)")
_AMONG = re.compile(
    r"\s*(?:[\w\u200c'’-]+\s+){0,4}?(?:(?:were|was|are|is)\s+)?"
    r"(?:among|(?<![\w\u200c])(?:در|از)\s+میان)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PUT = re.compile(r"(?<![\w])(?:put|puts|putting)\s+$", re.IGNORECASE)
_TO_DEATH = re.compile(r"\s+(?:[\w-]+\s+){0,2}?to\s+death(?![\w])", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w\u200c])(?:from|از)\s+$", re.IGNORECASE)
_TO = re.compile(
    r"\s*(?:(?:نفر|تن|مورد|people|executions|cases)\s+)?"
    r"(?:(?:in\s+|(?:در\s+)?سال\s+)(?:\d{4}|[۰-۹]{4})\s+)?(?:to|به)\s*",
    re.IGNORECASE,
)


def link_neighbours(
    s: str,
    matches: list[QuantityMatch],
    found: list[str | None],
    blocked: set[int],
    category_after: Callable[[str], str | None],
) -> None:
    """Fill ``found`` (one category or ``None`` per match, in place) for the figures of the
    module doc; ``blocked`` figures count no one and stay ``None``."""
    for i, match in enumerate(matches):
        if found[i] is not None or i in blocked:
            continue
        if _PUT.search(s, 0, match.start) and _TO_DEATH.match(s, match.number_end):
            found[i] = "executed"
            continue
        aside = _ASIDE.match(s, match.number_end)
        if aside and any(aside.start(1) <= m.start < aside.end(1) for m in matches[i + 1 :]):
            found[i] = category_after(s[aside.end() :])
            continue
        if i + 1 < len(matches) and found[i + 1] is not None:
            gap = _AMONG.fullmatch(s, match.number_end, matches[i + 1].start)
            if gap:
                found[i] = found[i + 1]
                continue
        if (
            i > 0
            and found[i - 1] is not None
            and _FROM.search(s, 0, matches[i - 1].start)
            and _TO.fullmatch(s, matches[i - 1].number_end, match.start)
        ):
            found[i] = found[i - 1]
