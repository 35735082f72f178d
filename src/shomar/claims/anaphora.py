"""Pronouns and descriptions that stand for a party named earlier.

A claimant phrase such as "it", "the group", «این سازمان» (an organisation) or "he", "the
general", «این نماینده» (a person) names no one by itself: :func:`anaphora_kind` tells which
kind of party it stands for, so that the extractor can resolve it to the last one named, and
``ANAPHORA`` matches either kind (:func:`~shomar.claims.attribution.find_attributions` marks
such an attribution ``anaphoric``).
"""

from __future__ import annotations

import re

__all__ = ["ANAPHORA", "anaphora_kind"]


_PERSON_DESC = (
    r"general|commander|legislator|lawmaker|mp|official|spokes(?:man|woman|person)|minister|"
    r"prosecutor|governor|judge|cleric|author|writer|journalist|chief|head|deputy|director"
)
_PERSON_ANAPHORA = re.compile(
    rf"^(?:he|she|(?:(?:the|this)\s+)?(?:same\s+)?(?:{_PERSON_DESC})|"
    r"(?:این|همین|آن)\s+(?:فرمانده|نماینده(?:\s+مجلس)?|مقام(?:[\u200c ]?ها|ات)?(?:\s+\S+)?|مسئول|"
    r"سردار|وزیر|دادستان|سخنگو|استاندار|فرماندار|نویسنده|زندانی)|وی|او)$",
    re.IGNORECASE,
)
_ORG_ANAPHORA = re.compile(
    r"^(?:it|they|its|(?:(?:the|this|these|its|their)\s+)?(?:same\s+)?(?:\d+-page\s+)?"
    r"(?:group|groups|organi[sz]ations?|agency|report|briefing|statement|update|community|ngo|"
    r"monitor|network|rights\s+group|cent(?:er|re)|committee|body|office|sources?|newspaper|"
    r"same\s+figures|figures|tally|data)|"
    # "Its researchers counted 43": the organisation's own staff speak for it
    r"(?:its|their)\s+(?:researchers|investigators|monitors|staff|team|documentation\s+team)|"
    r"(?:این|همین|آن)\s+(?:سازمان|گزارش|گروه|نهاد|خبرگزاری|مرکز|کمیته|منبع|منابع|رسانه|شبکه|کانون|"
    # «این سازمان حقوق بشری», «این نهاد مدافع حقوق بشر»: the kind with its description
    r"آمار|فهرست|بیانیه)(?:\s+(?:حقوق|بشری|بشر|مدافع|مستقل|غیردولتی|مدنی|کردی|بلوچ|خبری)){0,3}|"
    r"آنها|آنان)$",
    re.IGNORECASE,
)


def anaphora_kind(name: str) -> str | None:
    """``"person"`` for "he", "the general", «این نماینده»; ``"org"`` for "it", "the group",
    «این سازمان»; ``None`` for a phrase that names its claimant."""
    if _PERSON_ANAPHORA.match(name):
        return "person"
    if _ORG_ANAPHORA.match(name):
        return "org"
    return None


ANAPHORA = re.compile(f"{_PERSON_ANAPHORA.pattern}|{_ORG_ANAPHORA.pattern}", re.IGNORECASE)
