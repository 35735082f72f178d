"""Bulleted lists under a heading that names their source.

Monthly bulletins and live pages list their figures one per line under a heading:

    Hengaw's monthly report for October recorded the following:
    - 42 executions, including 2 women
    - 118 arrests of Kurdish citizens

The lines have no verb of saying and each starts a paragraph of its own, so the paragraph rule of
:mod:`~shomar.claims.extract` would leave them in the article's own voice. A heading line that
ends in a colon and names a registry entry (:mod:`~shomar.claims.registry`) makes that source the
claimant of the bulleted lines right after it; so does a heading that is a source cue with a
colon ("According to the Baluch Activists Campaign:", «به گزارش کمپین فعالین بلوچ:») and a caption
that names its source in brackets ("Executions by month (source: IHR)", «(منبع: هرانا)»), whose
lines may be labelled with a colon ("January: 55").
"""

from __future__ import annotations

import re
from functools import cache

from shomar.claims.attribution import find_attributions
from shomar.claims.dates import find_dates
from shomar.claims.quantity import fold_text
from shomar.claims.registry import registry

__all__ = ["heading_source", "is_bullet"]

_BULLET = re.compile(r"^\s*(?:[-•*–—▪]|\d{1,2}[.)])\s+")
#: a labelled line of a list: "January — 41", «تهران – ۳۴۰», "March: 48"
_LABELLED = re.compile(
    r"^\s*(?:[^\d\n:—–-]{2,30}?"
    # "Killed in custody, 2023: 17", "Executed for protest-related charges: 8": a label with a
    # year or a hyphenated word, before a colon
    r"|[^\d\n:—–]{2,45}?(?:,\s*(?:19|20)\d\d)?(?=\s*:))"
    r"(?:\s+[—–-]\s+|\s*:\s*)[\d۰-۹][\d,٬۰-۹]*\s*$"
)
#: a caption that names its source in brackets: "(source: IHR)", «(منبع: هرانا)»
_BRACKETED_SOURCE = re.compile(
    r"\(\s*(?:source|sources|منبع|منابع)\s*[:：]\s*([^()\n]+?)\s*\)\s*$", re.IGNORECASE
)


def is_bullet(line: str) -> bool:
    """Whether ``line`` is an item of a bulleted or numbered list, or a labelled line."""
    return _BULLET.match(line) is not None or is_labelled(line)


def is_labelled(line: str) -> bool:
    """Whether ``line`` is a label, a dash and a bare figure ("January — 41")."""
    return _LABELLED.match(line) is not None


@cache
def _alias_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    names = {a for e in registry() for a in (e.name, e.name_fa, *e.aliases) if len(a) > 2}
    return tuple(
        (name, re.compile(rf"(?<![\w\u200c]){re.escape(name)}(?![\w\u200c])", re.IGNORECASE))
        for name in sorted(names, key=len, reverse=True)
    )


def heading_source(line: str) -> str | None:
    """The registry source a list heading names («گزارش ماهانه هه‌نگاو …:»), as written in it;
    ``None`` when ``line`` is no heading (it must end in a colon or a bracketed source) or names
    none."""
    bracketed = _BRACKETED_SOURCE.search(line)
    if bracketed:
        return bracketed.group(1)
    if not line.rstrip().endswith((":", "：")):
        return None
    best: tuple[int, str] | None = None
    for _, pattern in _alias_patterns():
        m = pattern.search(line)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.group())
    if best:
        return best[1]
    cue = next(
        (a for a in find_attributions(fold_text(line), find_dates(line)) if a.kind == "according"),
        None,
    )  # "According to the Baluch Activists Campaign:", «به گزارش کمپین فعالین بلوچ:»
    return cue.claimant.rstrip(":： ") if cue and not cue.anaphoric else None
