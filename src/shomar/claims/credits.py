"""Sources named after the figures: «این آمار را X منتشر کرده است», "The figures were compiled
by X".

A sentence (or a sentence's last clause, after a semicolon) may say where the figures before it
come from, or who owned up to them ("…; officials later confirmed the figure").
:func:`figures_source` and :func:`admitted_by` read that party; :func:`credit_source` gives it
the figures that cite no one: each becomes the source's claim, and a different party that stated
it keeps its claim, citing the source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from shomar.claims.attribution import find_attributions, noun_phrase
from shomar.claims.candidate import ClaimCandidate
from shomar.claims.registry import resolve_claimant

__all__ = ["admitted_by", "credit_source", "credit_told", "figures_source", "told_this"]


#: a sentence (or a sentence's last clause, after a semicolon) naming where the figures before it
#: come from: «این آمار را X منتشر کرده است», «…؛ این خبر را X منتشر کرده است», "The figures
#: were compiled by X"
_FIGURES_FROM = re.compile(
    r"^\s*(?:این|آن)\s+(?:آمار|ارقام|رقم|اعداد|خبر|گزارش)\s+(?:را\s+)?(?P<fa>[^،,.]+?)\s+"
    r"(?:منتشر|اعلام|ارائه|گردآوری|ثبت|تأیید|تایید)\s+(?:کرده|کرد|نموده)|"
    r"^\s*(?:the|these|those)\s+(?:figures?|numbers?|tolls?|data)\s+(?:were|was|had\s+been|"
    r"have\s+been)\s+(?:compiled|published|released|provided|collected|gathered)\s+by\s+"
    r"(?P<en>[^,.;]+)",
    re.IGNORECASE,
)


#: a last clause that owns up to what came before: «…؛ مقام‌های ایرانی … به این موضوع اعتراف
#: کردند», "…; officials later confirmed the figure"
_OWNS_UP = re.compile(
    r"(?:به\s+)?(?:این|آن)\s+(?:موضوع|رقم|آمار|خبر)\s+(?:را\s+)?(?:اعتراف|تأیید|تایید)\s+کرد|"
    r"(?<![\w])(?:admitted|confirmed|acknowledged|conceded)\s+(?:the|this|that)\s+"
    r"(?:figure|toll|number)(?![\w])",
    re.IGNORECASE,
)


#: a last clause that says who told it: «…؛ این را یک مقام محلی به خبرگزاری ایسنا گفت»
_TOLD_THIS = re.compile(
    r"^\s*(?:این|آن)\s+(?:(?:مطلب|خبر|موضوع)\s+)?را\s+(?P<speaker>[^،,.«»]+?)\s+"
    r"(?:به\s+(?P<outlet>[^،,.«»]+?)\s+)?(?:گفت|گفتند|اعلام\s+کرد|اعلام\s+کردند)"
    r"(?:ه\s+است|ه[\u200c ]?اند)?\s*[.!]?\s*$"
)


def told_this(clause: str) -> tuple[str, str | None] | None:
    """The speaker of «این را X (به Y) گفت», and the outlet Y when it is a registry entry."""
    m = _TOLD_THIS.match(clause)
    speaker = noun_phrase(m.group("speaker")) if m else ""
    if not m or not speaker:
        return None
    outlet = m.group("outlet")
    return speaker, (outlet if outlet and resolve_claimant(outlet) is not None else None)


def credit_told(
    previous: list[ClaimCandidate], speaker: str, outlet: str | None
) -> list[ClaimCandidate]:
    """The speaker's claims, and the outlet's citing the speaker when one is named."""
    out = credit_source(previous, speaker)
    if outlet is None:
        return out
    told = [
        replace(c, claimant=outlet, claimant_id=resolve_claimant(outlet), cites=speaker)
        for c in out
        if c.claimant == speaker
    ]
    return told + out


def admitted_by(clause: str) -> str | None:
    if not _OWNS_UP.search(clause):
        return None
    active = [a for a in find_attributions(clause, []) if a.kind == "active" and not a.anaphoric]
    return active[0].claimant if active else None


def figures_source(sentence: str) -> str | None:
    m = _FIGURES_FROM.match(sentence)
    if not m:
        return None
    name = noun_phrase(m.group("fa") or m.group("en") or "")
    return name or None


def credit_source(previous: list[ClaimCandidate], source: str) -> list[ClaimCandidate]:
    """The previous sentence's figures are the source's; whoever stated them cites it."""
    out: list[ClaimCandidate] = []
    for c in previous:
        if c.cites is not None:
            out.append(c)
            continue
        own = replace(
            c,
            claimant=source,
            claimant_id=resolve_claimant(source),
            date_stated=None,
        )
        if c.claimant is not None and c.claimant != source:
            out.append(replace(c, cites=source))
        out.append(own)
    return out
