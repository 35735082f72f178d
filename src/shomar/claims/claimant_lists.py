"""Several claimants in one sentence.

- Gapped lists: "Amnesty International put the toll at 304, Human Rights Watch at 321 and Iran
  Human Rights at 324": each later figure is the claim of the name right before it (and "at"),
  not of the sentence's speaker.
- Joint subjects: "Both HRANA and the Kurdistan Human Rights Network reported that 18 …", "HRW,
  Amnesty and IHR said in a joint statement", «هم هرانا و هم شبکه حقوق بشر کردستان از بازداشت ۱۸
  نفر … خبر داده‌اند»: every figure of the sentence is claimed by each of them, when every name
  is in the registry.
"""

from __future__ import annotations

import dataclasses
import re

from shomar.claims.candidate import ClaimCandidate
from shomar.claims.quantity import QuantityMatch
from shomar.claims.registry import resolve_claimant

__all__ = ["gapped_claimant", "split_joint"]

_GAPPED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:[,;]\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)(?:the\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for))*)\s+(?:at|puts?\s+it\s+at)\s*"
)
#: a subject that lists parties before a verb of saying: "Both X and Y reported", "X, Y and Z
#: said in a joint statement", «هم X و هم Y … خبر داده‌اند», «X، Y و Z در بیانیه‌ای مشترک اعلام کردند»
_JOINT = [
    re.compile(
        r"^(.+?)\s+(?:have\s+|had\s+|has\s+)?(?:said|say|reported|report|confirmed|documented|"
        r"recorded|counted|put)(?![\w])"
    ),
    re.compile(
        r"^(.+?)\s+(?:در\s+(?:بیانیه[\u200c ]?ای|گزارش\s+سالانه)\s+مشترک(?:\s+خود)?\s+)?"
        r"(?:از\s|اعلام|گزارش|گفته|"
        r"می[\u200c ]?گویند|تأیید|تایید)"
    ),
]
_LIST_SEPARATOR = re.compile(r"\s*[,،]\s*(?:and\s+|و\s+)?(?:هم\s+)?|\s+and\s+|\s+و\s+(?:هم\s+)?")
_BOTH = re.compile(r"^(?:both|هم)\s", re.IGNORECASE)
_JOINTLY = re.compile(
    r"(?<![\w])(?:joint(?:ly)?|together)(?![\w])|بیانیه[\u200c ]?ای\s+مشترک|گزارش\s+سالانه\s+مشترک",
    re.I,
)
_LIST_START = re.compile(r"^(?:both\s+|هم\s+)?(?:the\s+)?", re.IGNORECASE)


def gapped_claimant(s: str, matches: list[QuantityMatch], index: int) -> str | None:
    """The name between figure ``index`` and the one before it in a gapped list of claimants
    (", Human Rights Watch at 321"), or ``None``."""
    if index == 0:
        return None
    gap = _GAPPED.fullmatch(s, matches[index - 1].number_end, matches[index].start)
    return gap.group(1) if gap else None


def split_joint(s: str, candidates: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """One candidate per party for the figures of a sentence whose subject lists parties ("Both
    X and Y", "X, Y and Z", «هم X و هم Y»; every name in the registry); other sentences'
    candidates are returned as they are."""
    subject = next((m.group(1) for p in _JOINT if (m := p.match(s))), None)
    if subject is None or not (_BOTH.match(subject) or _JOINTLY.search(s)):
        return candidates  # "X and Y said" alone may name one party ("Amnesty and Iran's …")
    parties = [
        re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
        for part in _LIST_SEPARATOR.split(_LIST_START.sub("", subject))
    ]
    if len(parties) < 2 or any(resolve_claimant(p) is None for p in parties):
        return candidates
    out: list[ClaimCandidate] = []
    for c in candidates:
        named = re.sub(r"[«»]", "", s[: len(s) // 2])  # «سازمان «با هم علیه اعدام»»
        if c.claimant is not None and c.claimant not in named:
            out.append(c)  # a speaker of its own later in the sentence
            continue
        out.extend(
            dataclasses.replace(c, claimant=p, claimant_id=resolve_claimant(p), cites=None)
            for p in parties
        )
    return out
