"""Denials: a figure a speaker rejects is not the speaker's claim.

"The ministry dismissed the figure of 200 dead circulated by foreign media, saying the true
number was 41": 200 belongs to foreign media (or to no one), 41 to the ministry; likewise «با
رد آمار منتشرشده از سوی X درباره … ۳۰۰ نفر، گفت …». Split out of
:mod:`~shomar.claims.extract`, which asks :func:`denied` and :func:`denied_source`.
"""

from __future__ import annotations

import re

from shomar.claims.attribution import Attribution
from shomar.claims.quantity import QuantityMatch

__all__ = ["denied", "denied_source"]

#: a verb that rejects a figure rather than stating it ("dismissed", «جعلی خواند»)
_DENIAL_VERB = re.compile(
    r"(?:dismissed|rejected|denied|disputed|(?:رد|تکذیب)\s+(?:کرد|کردند|کرده)|خواند(?:ند)?)$",
    re.IGNORECASE,
)
#: what a denial rejects when it rejects a count
_FIGURE_NOUN = re.compile(
    r"(?<![\w])(?:figures?|tolls?|numbers?|tall(?:y|ies)|statistics|estimates?|claims?|reports?|"
    r"allegations?|counts?|reporting)(?![\w])|(?<![\w\u200c])(?:رقم|ارقام|آمار|ادعا|ادعای|گزارش|"
    r"گزارش[\u200c ]?های|خبر|اخبار)(?![\w\u200c])",
    re.IGNORECASE,
)
_DENIAL_PARTICIPLE = re.compile(
    r"(?<![\w])(?:rejecting|dismissing|denying|disputing)(?![\w])|"
    # "Asked about the HRW figure of 400, the spokesman said …": a figure put to the speaker
    r"(?<![\w])(?:asked|questioned)\s+(?:about|on)(?![\w])|"
    r"(?<![\w\u200c])در\s+پاسخ\s+به\s+(?:پرسش|سؤال|سوال)(?:ی)?(?:\s+\S+){0,2}?\s+درباره(?![\w\u200c])|"
    r"(?<![\w\u200c])با\s+(?:رد|تکذیب)(?![\w\u200c])",  # «با رد آمار منتشرشده از سوی …»
    re.I,
)
#: the denier goes on to state a figure of its own: ", saying …", «… و گفت»
_OWN_FIGURE = re.compile(
    r"(?<![\w])(?:saying|and\s+said|said|adding|insisting)(?![\w])|(?<![\w\u200c])(?:گفت|افزود)",
    re.IGNORECASE,
)


def denied(s: str, attributions: list[Attribution], match: QuantityMatch) -> bool:
    """Whether ``match`` is a figure that a speaker rejects: "The ministry dismissed the figure
    of 200 dead circulated by foreign media, saying the true number was 41" rejects 200 (foreign
    media's claim, or no one's) and states 41; «وزارت کشور رقم ۲۰۰ کشته را … «جعلی» خواند»."""
    cues = list(_DENIAL_PARTICIPLE.finditer(s, 0, match.start))
    cue = cues[-1] if cues else None
    if cue is not None and _rejects_a_figure(s[cue.end() : match.start]):
        return True  # "…, rejecting what it called fabricated figures of 300 dead"
    for att in attributions:
        if att.kind != "active" or att.start > match.start:
            continue
        if not _DENIAL_VERB.search(s[att.start : att.end]):
            continue
        if att.end <= match.start and _rejects_a_figure(s[att.end : match.start]):
            return True
        if match.start < att.end and _FIGURE_NOUN.search(s[att.start : match.start]):
            return True  # Persian: the object, and the figure in it, precede the verb
    return False


def _rejects_a_figure(between: str) -> bool:
    """Whether the words between a denial and a number make the number the thing denied: a
    figure noun ("the figure of", "claims by X that"), and no figure of the denier's own yet;
    "the court rejected the appeals of 3 men" rejects appeals, not a count."""
    denied = _FIGURE_NOUN.search(between) or re.match(r"\s*that(?![\w])", between)
    return bool(denied) and not _OWN_FIGURE.search(between)


def denied_source(
    match: QuantityMatch,
    main: Attribution,
    chain: Attribution | None,
    attributions: list[Attribution],
    s: str | None = None,
) -> Attribution | None:
    """Who a rejected figure belongs to: the party that circulated it ("the figure of 200 dead
    circulated by foreign media", "claims by rights groups that 500 …"), or no one."""
    if chain is not None and chain.kind == "passive":
        return chain
    passive = next(
        # after the denier, or before a speaker named after the figure ("Asked about the HRW
        # figure of 400, the spokesman said …")
        (
            a
            for a in attributions
            if a.kind == "passive"
            and a.start < match.start
            and (main.start < a.start or match.start < main.start)
        ),
        None,
    )
    if passive is None and s is not None:
        report = _REPORT_OF.search(s, main.start, match.start)
        if report:  # «گزارش سازمان ملل را که از کشته شدن ۵۵۱ معترض خبر داده بود … خواند»
            name = report.group(1)
            return Attribution(name, "passive", report.start(1), report.end(1), None, False)
    return passive


#: «گزارش X را که …», «گزارش X درباره …»: the report, and whose it is, that a Persian denial
#: rejects
_REPORT_OF = re.compile(
    r"(?<![\w\u200c])(?:گزارش(?:[\u200c ]?های)?|آمار|ادعای|رقم)\s+"
    r"((?:[^\s،,«»]+\s+){0,5}?[^\s،,«»]+)\s+"
    r"(?:را\s+که|درباره|در\s+(?:مورد|باره)|مبنی\s+بر)\s"
)
