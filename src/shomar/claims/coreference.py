"""Resolving "he", "the group", «این سازمان» to the party named earlier in the article.

:func:`resolve_anaphora` replaces each anaphoric attribution of a sentence by the last person or
organisation named (a name earlier in the same sentence first: "X said it had …") and records
every named claimant in the :class:`~shomar.claims.context.ArticleContext`; whether a new name is
a person or an organisation is guessed from the registry and its words. :func:`remember_people`
records parties mentioned with no figure ("Brigadier General X, a commander, …", «سردار X،
فرمانده …،», "Hengaw, a Kurdish rights group, has been tracking …") for later sentences.
"""

from __future__ import annotations

import re

from shomar.claims.attribution import MAIN_KINDS, Attribution, anaphora_kind
from shomar.claims.context import ArticleContext
from shomar.claims.registry import claimant_entry, resolve_claimant

__all__ = ["remember_people", "resolve_anaphora"]


_PRONOUN = re.compile(r"^(?:it|they|he|she|its|وی|او|آنها|آنان|ایشان)$", re.IGNORECASE)


_PERSON_MENTION_EN = re.compile(
    r"(?:(?:Brigadier\s+)?General|Commander|Ayatollah|President|Minister|Dr|Mr|Mrs|Ms|MP|"
    r"(?<![\w])the\s+(?:[a-z-]+\s+){1,3})\s*((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)"
    r"|^((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:a|an|the|who)\s"
)
_PERSON_MENTION_FA = re.compile(
    r"^(?:(?:سردار|سرتیپ|سرلشکر|آیت[\u200c ]?الله|حجت[\u200c ]?الاسلام|دکتر)\s+)?"
    r"((?:[^\s،,]+\s+){1,3}[^\s،,]+)\s*،"
)
#: a registry organisation as the subject of any verb ("In a report released this week, Human
#: Rights Watch described …", "Hengaw, a Kurdish rights group, has been tracking …"): what "the
#: group" and "its" refer to later, though it said nothing countable
_ORG_SUBJECT_EN = re.compile(
    r"(?:^|[,;]\s+)(?:the\s+)?((?:[A-Z][\w'’-]*\s+){0,5}[A-Z][\w'’-]*)"
    r"(?=\s+(?:has|have|had|is|was|[a-z]+ed|[a-z]+s)\s|,\s+(?:a|an|the|which|who)\s)"
)


def remember_people(s: str, context: ArticleContext) -> None:
    for m in _ORG_SUBJECT_EN.finditer(s):
        if resolve_claimant(m.group(1)) is not None:
            context.last_org = m.group(1)
    for m in _PERSON_MENTION_EN.finditer(s):
        name = (m.group(1) or m.group(2) or "").strip()
        if name and resolve_claimant(name) is None:
            context.last_person = name
    fa = _PERSON_MENTION_FA.match(s)
    if (
        fa
        and resolve_claimant(fa.group(1)) is None
        and not re.match(
            r"(?:سازمان|کمیته|خبرگزاری|شبکه|کانون|دفتر|مرکز|نهاد|به|بر|در|بنا|طبق)\s", fa.group(1)
        )
    ):
        context.last_person = fa.group(1).strip()


def resolve_anaphora(attributions: list[Attribution], context: ArticleContext) -> list[Attribution]:
    resolved: list[Attribution] = []
    local: str | None = None  # a name earlier in the same sentence wins: "X said it had …"
    for att in attributions:
        kind = anaphora_kind(att.claimant) if att.anaphoric else None
        if att.anaphoric:
            target = {"person": context.last_person, "org": context.last_org}.get(kind or "")
            if att.kind == "citing":  # "The governor told IRNA": not IRNA citing itself
                target = target or context.last_claimant
                target = None if target == local else target
            else:
                target = local or target or context.last_claimant
            if kind == "person" and target and _outside_party(target):
                target = None  # "Asked about the HRW figure, the spokesman said": not HRW's man
                att = Attribution(
                    att.claimant, att.kind, att.start, att.end, att.date_stated, False
                )
            if target:
                att = Attribution(target, att.kind, att.start, att.end, att.date_stated, False)
            elif _PRONOUN.match(att.claimant):
                continue  # "It said …" with nothing named before: no claimant, not "It"
        else:
            context.last_claimant = att.claimant
            if att.kind in MAIN_KINDS:
                local = att.claimant
            known = resolve_claimant(att.claimant) is not None
            if att.kind == "citing" and not known:
                pass  # "citing sources on the ground": not what "the group" refers to later
            elif known or not _looks_like_person(att.claimant):
                context.last_org = att.claimant
            else:
                context.last_person = att.claimant
        resolved.append(att)
    return resolved


def _outside_party(name: str) -> bool:
    """A rights group, news outlet or UN body: a spokesman, governor or minister mentioned
    after it is not its own (an official is the state's, or a party of their own)."""
    entry = resolve_claimant(name)
    return entry is not None and claimant_entry(entry).kind in ("ngo", "media", "un")


def _looks_like_person(name: str) -> bool:
    words = name.split()
    if re.search(r"[\u0600-\u06ff]", name):
        return 2 <= len(words) <= 3 and not re.match(
            r"(?:سازمان|کمیته|خبرگزاری|شبکه|کانون|دفتر|مرکز|نهاد|یک|منابع|فعالان|مقام)", name
        )
    if _ORG_WORD.search(name):
        return False
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


_ORG_WORD = re.compile(
    r"(?<![\w])(?:organi[sz]ation|network|cent(?:er|re)|agency|group|committee|office|"
    r"international|rights|council|ministry|court|news|judiciary|guards?|police|army|"
    r"foundation|watch|mission|service|department|government|parliament|union|association|"
    r"party|front|media|press|times|post|wire|tv|radio)s?(?![\w])",
    re.IGNORECASE,
)
