"""Which attributions state a figure, and who cites whom: the main claimant and its chain.

:func:`attribution_for` picks, for one figure, the main attribution (the last one before it,
else the first after it unless a clause break such as "while", "but", «اما» stands between; an
"according to X" closing a clause of its own wins over the speaker of the clause before) and the
chain attribution (a passive source after the figure in the same clause, a party the speaker
cites, or, with no speaker, a source named before the figure). :func:`chain_of_parties` turns
them into the parties that each get a candidate, outermost first, each citing the next: the
reporting outlet (:mod:`~shomar.claims.reporter`), the speaker, the party cited and one that
party cites in turn, and a quoted speaker's own source. ``NEW_CLAUSE`` marks a clause of its
own (", and …", ";").
"""

from __future__ import annotations

import re

from shomar.claims.attribution import MAIN_KINDS, Attribution
from shomar.claims.quantity import QuantityMatch
from shomar.claims.reporter import find_reporter

__all__ = ["NEW_CLAUSE", "attribution_for", "chain_of_parties"]


def chain_of_parties(
    s: str,
    match: QuantityMatch,
    main: Attribution | None,
    chain: Attribution | None,
    attributions: list[Attribution],
) -> list[Attribution]:
    """Who states the figure, outermost first, each citing the next: the outlet that reports the
    speaker («*به گزارش ایرنا،* رئیس پلیس گفت …», "X said …, *according to Tasnim*"), the
    speaker, the party the speaker cites, and a party that one cites in turn ("Reuters quoted a
    relative as saying, citing a prison guard, …")."""
    if main is None:
        return []
    if chain is not None and chain.claimant == main.claimant:
        # "Citing HRW, the report said": the report is HRW's; "according to figures compiled
        # by X from hospital sources": X's, citing the sources that come right after it
        same = chain
        gathered = re.match(r"(?:compiled|collected|gathered)\s", s[same.start :], re.I)
        chain = (
            next(
                (a for a in attributions if a.kind == "citing" and a.start == same.end),
                None,
            )
            if gathered
            else None
        )
    if main.anaphoric:  # "the group said in a tally compiled by IHR", no group named before
        named = next(
            (
                a
                for a in attributions
                if a is not main and not a.anaphoric and a.kind in ("passive", "according")
            ),
            None,
        )
        if named is not None:
            return [named]
    source = _learned_from(s, main, match, attributions)
    if source is not None:  # "X has learned that 23 …, a source close to the families said."
        return [main, source]
    outer = _outer_teller(s, main, attributions)
    if outer is not None:  # "A lawyer told IranWire that an official had told him 4 died"
        outlet, speaker = outer
        return [outlet, speaker, main] + ([chain] if chain not in (None, speaker) else [])
    parties = [main] if chain is None else [main, chain]
    reporter = find_reporter(s, main, attributions)
    if reporter is not None:
        parties.insert(0, reporter)
    if chain is not None and chain.kind == "citing":
        deeper = next(
            (
                a
                for a in attributions
                if a.kind == "citing" and chain.end < a.start < match.start and a not in parties
            ),
            None,
        )
        if deeper is not None:
            parties.append(deeper)
    inner = next(
        (a for a in attributions if a.kind == "inner" and a.end <= match.start),
        None,
    )
    if inner is not None and inner.claimant not in {p.claimant for p in parties}:
        parties.append(inner)  # the quoted speaker's own source ("a nurse told me, …")
    return parties


_LEARNED = re.compile(r"(?:learned|learnt)$", re.I)


def _learned_from(
    s: str, main: Attribution, match: QuantityMatch, attributions: list[Attribution]
) -> Attribution | None:
    """ "Iran International has learned that 23 …, a source close to the families said.": the
    speaker closing the sentence is the source the outlet learned it from."""
    if main.kind != "active" or not _LEARNED.search(s[main.start : main.end]):
        return None
    return next(
        (
            a
            for a in attributions
            if a.kind in ("active", "inverted")
            and a.start > match.end
            and re.search(r"[,،]\s*$", s[: a.start])
            and not re.search(r"\w", s[a.end :])
        ),
        None,
    )


#: between "told IranWire" and the speaker of the clause it introduces: "… that "
_TOLD_THAT = re.compile(r"\s*[^.;:,]{0,60}?\s+that\s+", re.I)


def _outer_teller(
    s: str, main: Attribution, attributions: list[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """ "A lawyer told IranWire that a prison official had told him …": the outlet and the
    speaker who told it, when the figure's speaker stands in the clause the outlet reports."""
    for outlet in attributions:
        if outlet is main or outlet.kind != "active" or outlet.end > main.start:
            continue
        speaker = next(
            (a for a in attributions if a.kind == "citing" and a.start == a.end == outlet.end),
            None,
        )
        gap = s[outlet.end : main.start]
        that_opens_main = s.startswith("that ", main.start) and "," not in gap
        if speaker is not None and (_TOLD_THAT.fullmatch(gap) or that_opens_main):
            return outlet, speaker
    return None


def attribution_for(
    s: str, match: QuantityMatch, matches: list[QuantityMatch], attributions: list[Attribution]
) -> tuple[Attribution | None, Attribution | None]:
    mains = [a for a in attributions if a.kind in MAIN_KINDS]
    before = [a for a in mains if a.start <= match.start]
    main = before[-1] if before else next((a for a in mains if a.start > match.start), None)
    if (
        main is not None
        and main.start > match.start
        and _CLAUSE_BREAK.search(s, match.end, main.start)
        and not _closes_sentence(s, main, before, match)
    ):
        main = None  # «۳۰۰ نفر کشته شدند، اما سه مقام … گفتند»: another figure
    later = [m.start for m in matches if m.start > match.end]
    horizon = min([*later, match.end + 80])
    closing = next(
        (a for a in mains if a.kind == "according" and match.end <= a.start <= horizon), None
    )
    if (
        closing is not None
        and main is not None
        and main.start < match.start
        and NEW_CLAUSE.search(s, main.end, match.start)
    ):
        main = closing  # "…, ISNA reported, and some 7,000 …, according to a lawmaker"
    chain = next(
        (
            a
            for a in attributions
            if a.kind == "passive"
            and match.end <= a.start <= horizon
            # "503 of the executions, and only 7% were announced by official sources": the
            # passive source of another clause's figure («… اعدام شده‌اند و تنها ۱۰ درصد … از
            # سوی منابع رسمی اعلام شده»: a finished Persian clause before it)
            and not NEW_CLAUSE.search(s, match.end, a.start)
            and not _FA_CLAUSE_DONE.search(s, match.end, a.start)
        ),
        None,
    )
    if chain is None and main is not None:
        chain = next(
            (
                a
                for a in attributions
                if a.kind == "citing" and a is not main and not _across_clauses(s, main, a)
            ),
            None,
        )
    if chain is None and main is None:  # "the number of executions recorded by X has reached N"
        chain = next(
            (
                a
                for a in reversed(attributions)
                if a.kind == "passive"
                and a.end <= match.start
                and not _CLAUSE_BREAK.search(s, a.end, match.start)
            ),
            None,
        )
    if chain is None and main is None:  # «به نقل از X، …» with no verb of saying
        chain = next(
            (
                a
                for a in attributions
                if a.kind == "citing"
                and (a.start < match.start or not _CLAUSE_BREAK.search(s, match.end, a.start))
            ),
            None,
        )
    return main, chain


_CLAUSE_BREAK = re.compile(
    r"[;؛]|(?<![\w])(?:while|whereas|but|although)(?![\w])|"
    r"(?<![\w\u200c])(?:اما|ولی|در\s+حالی\s+که)(?![\w\u200c])",
    re.IGNORECASE,
)


#: a clause of its own between a speaker and a later figure: ", and …", ";" (not ", and that
#: …", which goes on with the speaker's words)
NEW_CLAUSE = re.compile(r"[;؛]|,\s+and\s+(?!that\b)", re.IGNORECASE)


#: a Persian clause that ends with its verb and goes on with «و»: «… اعدام شده‌اند و …»
_FA_CLAUSE_DONE = re.compile(
    r"(?:شده|کرده|بوده)[\u200c ]?(?:اند|است)\s+و\s|(?<![\w\u200c])(?:شدند|کردند|بودند)\s+و\s"
)


#: what may follow a speaker who closes the sentence: "…, the rights group Haalvsh said (on
#: Sunday)."
_SENTENCE_END = re.compile(
    r"\s*(?:on\s+\w+|in\s+a\s+statement|late\s+on\s+\w+)?\s*[.!]?[\"'”’»]?\s*$"
)


def _closes_sentence(
    s: str, main: Attribution, before: list[Attribution], match: QuantityMatch
) -> bool:
    """ "Security forces killed 23 people …, while 140 were detained, the group Haalvsh said.":
    a speaker that closes the sentence, after "while" (not "but", which sets sources against
    each other), speaks for the figures before the break that have no speaker of their own."""
    breaks = list(_CLAUSE_BREAK.finditer(s, match.end, main.start))
    return (
        not before
        and main.kind == "active"
        and _SENTENCE_END.match(s, main.end) is not None
        and all(b.group().casefold() in ("while", "whereas") for b in breaks)
    )


def _across_clauses(s: str, one: Attribution, other: Attribution) -> bool:
    """ "… according to Amnesty, while officials told Reuters …": the two are not a chain."""
    left, right = sorted((one, other), key=lambda a: a.start)
    return _CLAUSE_BREAK.search(s, left.end, max(left.end, right.start)) is not None
