"""The outlet that reports a speaker: «*به گزارش ایرنا،* رئیس پلیس گفت …», "X said …, *according
to Tasnim*".

:func:`find_reporter` finds, among a sentence's "according to" attributions, the one that relays
the main speaker rather than competing with them: set off by a comma right before the speaker, a
news organisation right after the speaker's verb, or a registry outlet or rights group closing
the sentence ("Medical sources said 6 had died, according to Kurdpa."). The extractor puts it
first in the chain of parties, citing the speaker.
"""

from __future__ import annotations

import re

from shomar.claims.attribution import Attribution
from shomar.claims.registry import claimant_entry, resolve_claimant

__all__ = ["find_reporter"]


def find_reporter(s: str, main: Attribution, attributions: list[Attribution]) -> Attribution | None:
    """The outlet reporting what ``main`` said: «به گزارش X، Y گفت» or "according to X, Y said"
    (X set off by a comma right before Y), or a news organisation after Y's verb ("Y said,
    according to the Tasnim news agency")."""
    if main.kind != "active":
        return None
    for att in attributions:
        if att.kind != "according" or att.claimant == main.claimant:
            continue
        name_at = s.find(att.claimant, att.end)
        if att.start < main.start and name_at >= 0:
            between = s[name_at + len(att.claimant) : main.start]
            if re.fullmatch(r"\s*[,،]\s*", between):
                return att
        if att.start >= main.end and re.fullmatch(r"\s*[,،]\s*", s[main.end : att.start]):
            entry = resolve_claimant(att.claimant)
            if entry is not None and claimant_entry(entry).kind == "media":
                return att
        if att.start >= main.end and _closes_sentence(s, att):
            entry = resolve_claimant(att.claimant)
            if entry is not None and claimant_entry(entry).kind in ("media", "ngo"):
                return att  # "Medical sources said 6 had died, according to Kurdpa."
    return None


def _closes_sentence(s: str, att: Attribution) -> bool:
    """Whether "according to X" is the sentence's last clause, set off by a comma: X relays
    everything before it, so it reports the speaker rather than competing with them."""
    name_at = s.find(att.claimant, att.end)
    return (
        name_at >= 0
        and bool(re.search(r"[,،]\s*$", s[: att.start]))
        and not re.search(r"\w", s[name_at + len(att.claimant) :])
    )
