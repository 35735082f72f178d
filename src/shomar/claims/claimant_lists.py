"""Several claimants in one sentence.

- Gapped lists: "Amnesty International put the toll at 304, Human Rights Watch at 321 and Iran
  Human Rights at 324": each later figure is the claim of the name right before it (and "at"),
  not of the sentence's speaker.
- Joint subjects: "Both HRANA and the Kurdistan Human Rights Network reported that 18 …", «هم
  هرانا و هم شبکه حقوق بشر کردستان از بازداشت ۱۸ نفر … خبر داده‌اند»: every figure of the
  sentence is claimed by each of them.
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
_JOINT = [
    re.compile(
        r"^Both\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s+(?:have\s+|had\s+|has\s+)?"
        r"(?:said|say|reported|report|confirmed|documented|recorded|counted|put)(?![\w])"
    ),
    re.compile(
        r"^هم\s+(.+?)\s+و\s+هم\s+(.+?)\s+(?:از\s|اعلام|گزارش|گفته|می[\u200c ]?گویند|تأیید|تایید)"
    ),
]


def gapped_claimant(s: str, matches: list[QuantityMatch], index: int) -> str | None:
    """The name between figure ``index`` and the one before it in a gapped list of claimants
    (", Human Rights Watch at 321"), or ``None``."""
    if index == 0:
        return None
    gap = _GAPPED.fullmatch(s, matches[index - 1].number_end, matches[index].start)
    return gap.group(1) if gap else None


def split_joint(s: str, candidates: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """One candidate per party for the figures of a sentence whose subject is "Both X and Y" /
    «هم X و هم Y» (both names in the registry); other sentences' candidates are returned as
    they are."""
    parties = next((m.groups() for p in _JOINT if (m := p.match(s))), None)
    if parties is None or any(resolve_claimant(p) is None for p in parties):
        return candidates
    out: list[ClaimCandidate] = []
    for c in candidates:
        if c.claimant is not None and c.claimant not in s[: len(s) // 2]:
            out.append(c)  # a speaker of its own later in the sentence
            continue
        out.extend(
            dataclasses.replace(c, claimant=p, claimant_id=resolve_claimant(p), cites=None)
            for p in parties
        )
    return out
