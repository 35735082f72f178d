"""Propose claims from an article's plain text (English or Persian), by rules.

For every sentence (:mod:`~shomar.claims.sentences`):

1. find the numbers and their qualifiers (:mod:`~shomar.claims.quantity`) and drop those that
   are years, dates, ages, percentages, money, page numbers or units
   (:mod:`~shomar.claims.filters`);
2. find what each number counts (:mod:`~shomar.claims.lexicon`): the first "after" form between
   the number and the next number ("304 people *were killed*"), else the nearest "before" form
   ("*killing* 1,500"), else a "weak" noun right after it ("504 *victims*"); a number joined
   to a neighbour by "including" / «از جمله» shares its category, and "a figure of 70" takes
   the category of the claim before it; a number that counts nothing listed is not proposed;
3. find who says it (:mod:`~shomar.claims.attribution`): the last main attribution that starts
   before the number, else the first one after it; "it", "the group", «این سازمان» resolve to the
   last named claimant; no attribution means the article's own voice (``claimant`` is ``None``);
4. follow the chain: a party the main claimant cites ("citing Y", «به نقل از Y») or whose figure
   it repeats ("the toll … announced by Y") becomes ``cites`` and gets a candidate of its own;
5. the date stated is the full date attached to the attribution ("Y said *on 15 December
   2019*", "announced by Y *on December 15, 2019*", «Y *روز ۲۵ آذر ۱۳۹۸* اعلام کرد»); the event
   hint is the sentence's episode or time cue (:mod:`~shomar.claims.events`).

The quote is the whole sentence, with its offsets in the input text. Every candidate is a
proposal for a person to confirm; ``confidence`` only orders the review queue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from shomar.claims.attribution import Attribution, find_attributions
from shomar.claims.candidate import ClaimCandidate
from shomar.claims.dates import find_dates
from shomar.claims.events import find_event_hint
from shomar.claims.filters import non_count_reason
from shomar.claims.lexicon import COUNTED_AFTER, COUNTED_BEFORE, COUNTED_WEAK, PEOPLE_AFTER_RE
from shomar.claims.quantity import QuantityMatch, find_quantities, fold_text
from shomar.claims.sentences import Sentence, split_sentences
from shomar.errors import InputError

__all__ = ["extract_claims", "extract_from_file"]

_LANGUAGES = (None, "en", "fa")
_AFTER_WINDOW = {"en": 80, "fa": 90}
_BEFORE_WINDOW = 60
_AFTER_STOP = re.compile(
    r"[;:؛]|(?<![\w])(?:but|while|whereas|although|sentenced\s+to(?!\s+death)|charged|summoned|"
    r"released|freed|convicted|fled|took\s+part|live|lived|appeared|questioned|marched|gathered|"
    r"آزاد|محکوم\s+شد|احضار)(?![\w])",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"(?<![\w])(?:were|was|been|had|have|has|are|is)(?![\w])", re.IGNORECASE)
_LINK = re.compile(
    r"^\s*(?:[\w\u200c'’-]+\s*){0,2}?[,،]?\s*(?:including|among\s+them|of\s+whom|از\s+جمله|شامل)\s*$",
    re.IGNORECASE,
)
_FIGURE_OF = re.compile(
    r"(?:figure|number|toll|tally|total|count)\s+(?:of|at|to|as)\s*$|(?:شمار|رقم|آمار)\s+$", re.I
)
_MAIN_KINDS = ("active", "inverted", "according")


@dataclass
class _Context:
    """What the extractor remembers from earlier sentences of the same article."""

    last_claimant: str | None = None
    last_counted: str | None = None
    last_event: str | None = None
    previous_end: int = 0


def extract_claims(text: str, *, language: str | None = None) -> list[ClaimCandidate]:
    """Propose the claims stated in ``text``, in reading order.

    ``language`` (``"en"`` or ``"fa"``) fixes the word order assumed when looking for what a
    number counts; by default each sentence's script decides. Both lexicons always apply, since
    Persian articles quote English names and English ones quote Persian words.
    """
    if language not in _LANGUAGES:
        raise InputError(
            f"Unknown language {language!r} for claim extraction.",
            hint="Use 'en' or 'fa', or leave the language out to detect it per sentence.",
        )
    folded = fold_text(text)
    context = _Context()
    found: list[ClaimCandidate] = []
    for sentence in split_sentences(text):
        found.extend(_sentence_claims(folded, sentence, language, context))
    return _dedupe(found)


def extract_from_file(path: str | Path) -> list[ClaimCandidate]:
    """Read a UTF-8 plain-text article and propose its claims (``shomar claims extract FILE``)."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"{file}: no such file.", hint="Check the path of the article to read."
        ) from None
    except IsADirectoryError:
        raise InputError(f"{file} is a directory, not an article.") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file} is not UTF-8 text (undecodable byte at offset {exc.start}).",
            hint="Save the article as plain UTF-8 text (.txt); PDF or Word files must be "
            "converted to text first.",
        ) from None
    if "\x00" in text:
        raise InputError(
            f"{file} looks like a binary file, not plain text.",
            hint="Save the article as plain UTF-8 text (.txt) and try again.",
        )
    return extract_claims(text)


def _sentence_language(text: str, language: str | None) -> str:
    if language:
        return language
    persian = len(re.findall(r"[\u0600-\u06ff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "fa" if persian > latin else "en"


def _sentence_claims(
    folded: str, sentence: Sentence, language: str | None, context: _Context
) -> list[ClaimCandidate]:
    s = folded[sentence.start : sentence.end]
    lang = _sentence_language(s, language)
    dates = find_dates(sentence.text)
    attributions = _resolve(find_attributions(s, dates), context)
    matches = [m for m in find_quantities(sentence.text) if non_count_reason(s, m) is None]
    categories = _categories(s, matches, lang, context)
    if "\n" in folded[context.previous_end : sentence.start]:
        context.last_event = None  # an event cue carries over within a paragraph only
    context.previous_end = sentence.end
    hint = find_event_hint(sentence.text, [(d.start, d.end) for d in dates])
    if hint:
        context.last_event = hint
    out: list[ClaimCandidate] = []
    for match, counted in zip(matches, categories, strict=True):
        if counted is None:
            continue
        context.last_counted = counted
        main, chain = _attribution_for(match, matches, attributions)
        if main is None and chain is not None:
            main, chain = chain, None
        base = _confidence(s, match, main)
        out.append(
            ClaimCandidate(
                quantity=match.quantity,
                counted=counted,
                event_hint=hint or context.last_event,
                claimant=main.claimant if main else None,
                cites=chain.claimant if chain else None,
                date_stated=main.date_stated if main else None,
                quote=sentence.text,
                start=sentence.start,
                end=sentence.end,
                confidence=base,
            )
        )
        if chain is not None:
            out.append(
                ClaimCandidate(
                    quantity=match.quantity,
                    counted=counted,
                    event_hint=hint or context.last_event,
                    claimant=chain.claimant,
                    cites=None,
                    date_stated=chain.date_stated,
                    quote=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                    confidence=round(base * 0.9, 2),
                )
            )
    return out


def _resolve(attributions: list[Attribution], context: _Context) -> list[Attribution]:
    resolved: list[Attribution] = []
    for att in attributions:
        if att.anaphoric:
            if context.last_claimant:
                att = Attribution(
                    context.last_claimant, att.kind, att.start, att.end, att.date_stated, False
                )
        else:
            context.last_claimant = att.claimant
        resolved.append(att)
    return resolved


def _first_after(
    text: str, lang: str, table: list[tuple[str, re.Pattern[str]]] = COUNTED_AFTER
) -> tuple[str, int] | None:
    stop = _AFTER_STOP.search(text)
    window = text[: stop.start()] if stop else text
    window = window[: _AFTER_WINDOW[lang]]
    conj = re.search(r"(?<![\w])and(?![\w])", window)
    if conj and not _AUXILIARY.search(window[: conj.start()]):
        window = window[: conj.start()]  # "killing 1,500 protesters and arrested many more"
    best: tuple[str, int] | None = None
    for category, pattern in table:
        m = pattern.search(window)
        if m and (best is None or m.start() < best[1]):
            best = (category, m.start())
    return best


def _nearest_before(text: str) -> tuple[str, int] | None:
    cut = max(text.rfind(";"), text.rfind("؛"), text.rfind(":"))
    window = text[cut + 1 :][-_BEFORE_WINDOW:]
    best: tuple[str, int] | None = None
    for category, pattern in COUNTED_BEFORE:
        for m in pattern.finditer(window):
            if best is None or m.end() > best[1]:
                best = (category, m.end())
    return best


def _categories(
    s: str, matches: list[QuantityMatch], lang: str, context: _Context
) -> list[str | None]:
    found: list[str | None] = []
    for i, match in enumerate(matches):
        next_start = matches[i + 1].start if i + 1 < len(matches) else len(s)
        prev_end = matches[i - 1].end if i > 0 else 0
        after = _first_after(s[match.number_end : next_start], lang)
        if after:
            found.append(after[0])
            continue
        before = _nearest_before(s[prev_end : match.start])
        if before:
            found.append(before[0])
            continue
        weak = _first_after(s[match.number_end : next_start][:30], lang, COUNTED_WEAK)
        found.append(weak[0] if weak else None)
    for _ in range(2):  # "at least 448 people, including 60 children": both share a category
        for i in range(len(matches)):
            if found[i] is not None:
                continue
            for j in (i + 1, i - 1):
                if 0 <= j < len(matches) and found[j] is not None:
                    left, right = sorted((i, j))
                    if _LINK.match(s[matches[left].end : matches[right].start]):
                        found[i] = found[j]
    for i, match in enumerate(matches):
        if found[i] is None and _FIGURE_OF.search(s[: match.start]) and context.last_counted:
            found[i] = context.last_counted
    return found


def _attribution_for(
    match: QuantityMatch, matches: list[QuantityMatch], attributions: list[Attribution]
) -> tuple[Attribution | None, Attribution | None]:
    mains = [a for a in attributions if a.kind in _MAIN_KINDS]
    before = [a for a in mains if a.start <= match.start]
    main = before[-1] if before else next((a for a in mains if a.start > match.start), None)
    later = [m.start for m in matches if m.start > match.end]
    horizon = min([*later, match.end + 80])
    chain = next(
        (a for a in attributions if a.kind == "passive" and match.end <= a.start <= horizon),
        None,
    )
    if chain is None and main is not None:
        chain = next(
            (a for a in attributions if a.kind == "citing" and a.start >= main.start),
            None,
        )
    return main, chain


def _confidence(s: str, match: QuantityMatch, main: Attribution | None) -> float:
    score = 0.45
    if main is not None:
        score += 0.25
        if main.date_stated:
            score += 0.05
    if PEOPLE_AFTER_RE.match(s, match.number_end):
        score += 0.1
    if match.quantity.qualifier != "vague":
        score += 0.1
    return round(min(score, 0.95), 2)


def _dedupe(candidates: list[ClaimCandidate]) -> list[ClaimCandidate]:
    seen: set[tuple[object, ...]] = set()
    out: list[ClaimCandidate] = []
    for c in candidates:
        key = (c.quantity, c.counted, c.claimant, c.cites, c.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
