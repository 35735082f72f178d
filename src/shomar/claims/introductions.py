"""A sentence that names a source and states no figure, for the figures of the next one.

"Kurdpa reported the deaths on Friday. Four kolbars were shot dead …", "The figures came from
the Kurdistan Human Rights Network. …", "Iran Human Rights released its quarterly report on
Thursday. …", «کردپا روز جمعه این خبر را منتشر کرد. …», «شبکه حقوق بشر کردستان گزارش فصلی خود را
منتشر کرده است. …»: the party introduced is the source of the figures the next sentence of the
paragraph states without a speaker of its own. A sentence only counts as such an introduction
when it speaks of a report, figures, news or the events themselves (not "Amnesty said the
trials were unfair").
"""

from __future__ import annotations

import re

from shomar.claims.attribution import Attribution
from shomar.claims.registry import resolve_claimant

__all__ = ["introduced_source"]

_NAME = r"(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and))*)"
_DOCUMENT = (
    r"(?:report|reports|figures|numbers|data|statistics|statement|bulletin|tally|count|details|"
    r"information|findings|list|news|deaths|killings|executions|hangings|arrests|cases|incident|"
    r"attack|shooting)"
)
#: "The figures came from X", "X released its quarterly report"
_INTRODUCES = [
    re.compile(
        rf"^(?i:the|these|those|its|their)\s+(?:[\w-]+\s+)?{_DOCUMENT}\s+(?:came|come|comes)\s+"
        rf"from\s+{_NAME}"
    ),
    re.compile(
        rf"^{_NAME}\s+(?:has\s+|have\s+|on\s+\w+\s+)?(?:released|published|issued|put\s+out)\s+"
        rf"(?:its|their|a|an|the|new)\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENT}(?![\w])"
    ),
]
#: a main attribution's verb and object that introduce: "reported the deaths", "has documented
#: the cases", «این خبر را منتشر کرد», «گزارش … خود را منتشر کرده است»
_ABOUT = re.compile(
    rf"(?<![\w])(?:reported|documented|confirmed|recorded|published|released)\s+"
    rf"(?:the|these|those|its|their|a|new)\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENT}(?![\w])|"
    r"(?<![\w\u200c])(?:این\s+(?:خبر|آمار|موارد|گزارش)|گزارش|آمار|فهرست|بیانیه)"
    r"(?:\s+[\w\u200c]+){0,3}?\s+(?:خود\s+)?را\s+(?:منتشر|مستند|اعلام|تأیید|تایید)\s+"
    r"(?:کرد|کرده|کردند|نمود)",
    re.IGNORECASE,
)
#: «X گزارش ماهانه خود را منتشر کرده است», «X روز جمعه این خبر را منتشر کرد» with no attribution
_FA_INTRODUCES = re.compile(
    r"^([\u0600-\u06ff\u200c ]+?)\s+(?:روز\s+\S+\s+)?(?:گزارش|آمار|فهرست|بیانیه|این\s+خبر|"
    r"این\s+آمار|این\s+موارد)(?:\s+[\w\u200c]+){0,3}?\s+(?:خود\s+)?(?:را\s+)?(?:منتشر|مستند)\s+"
    r"(?:کرد|کرده|کردند|نمود)"
)
_FA_OBJECT = re.compile(r"\s(?:گزارش|آمار|فهرست|بیانیه|این|روز)(?:\s|$)")


def introduced_source(s: str, mains: list[Attribution]) -> str | None:
    """The source that sentence ``s`` (which states no figure) introduces, or ``None``; ``mains``
    are its main attributions."""
    for pattern in _INTRODUCES:
        m = pattern.match(s)
        if m:
            return m.group(1).strip().rstrip(".")
    persian = _FA_INTRODUCES.match(s)
    if persian and resolve_claimant(persian.group(1)) is not None:
        return persian.group(1).strip()
    if mains and _ABOUT.search(s):
        return _subject(mains[-1].claimant)
    return None


def _subject(name: str) -> str:
    """«شبکه حقوق بشر کردستان گزارش فصلی» → «شبکه حقوق بشر کردستان»: the Persian subject
    reader stops at the verb, so the object before it is cut off here."""
    cut = _FA_OBJECT.search(name)
    if cut is None:
        return name
    head = name[: cut.start()].strip()
    return head if head and resolve_claimant(head) is not None else name
