"""Propose claims from an article's plain text (English or Persian), by rules.

For every sentence (:mod:`~shomar.claims.sentences`; tables written as text are read by
:mod:`~shomar.claims.tables`):

1. find the numbers and their qualifiers (:mod:`~shomar.claims.quantity`) and drop those that
   are years, dates, ages, percentages, money, page numbers, units, footnote markers, fractions
   or counts of sources (:mod:`~shomar.claims.filters`), and those placed in another country
   than the article's (:mod:`~shomar.claims.scope`: "In neighbouring Iraq, 300 …");
2. find what each number counts (:mod:`~shomar.claims.counted`, words from
   :mod:`~shomar.claims.lexicon`): the predicate after a
   partitive ("90 *of those detained* had been *tortured*"), else the first "after" form between
   the number and the next number ("304 people *were killed*"), else the nearest "before" form
   ("*killing* 1,500"), else a "weak" noun right after it ("504 *victims*"), else the noun of
   a "number of" phrase anywhere before it ("the number of those *slain* was about 40",
   «شمار کودکان *کشته‌شده* … به ۵۸ نفر»); a number joined to a neighbour by "including" /
   «از جمله», or listed after it ("12 in Piranshahr and 9 in Mahabad", «۱۲۰، در گزارش دوم
   ۱۶۵»), shares its category (and a two-item list shares "at least": «دستکم ۱۹ پسر و ۷
   دختر»); "a figure of 70", "the number", "exceeded" take the category last mentioned; a
   number that counts nothing listed is not proposed;
3. find who says it (:mod:`~shomar.claims.attribution`; the choice is
   :mod:`~shomar.claims.parties`): the last main attribution that starts before the number, else
   the first one after it. The article's first line, standing alone, is a headline
   (:mod:`~shomar.claims.headlines`): "Amnesty: 41 killed" gives Amnesty (in the body, a source
   before a colon counts when it is a registry entry: «رادیو فردا: دست‌کم ۲۰ نفر …»). Pronouns
   and descriptions resolve to a name (:mod:`~shomar.claims.coreference`): "he", "the general",
   «این نماینده» to the last person named (also in a mention with no number: "Brigadier General
   X, a commander, …", «سردار X، فرمانده …،»), "it", "the group", «این سازمان» to the last
   organisation, and either one to a name earlier in the same sentence first. A sentence with no
   attribution that continues a paragraph keeps the previous sentence's claimant ("Of these, 61
   were executed"); a paragraph's first unattributed sentence is the article's own voice
   (``claimant`` is ``None``). Claimants resolve to the registry
   (:mod:`~shomar.claims.registry`) as ``claimant_id``;
4. follow the chain: a party the main claimant cites ("citing Y", «به نقل از Y», "Y told
   Reuters", «Y به رویترز گفت», "X quoted Y as saying") or whose figure it repeats ("the toll …
   announced by Y") becomes ``cites`` and gets a candidate of its own; an outlet reporting the
   speaker («به گزارش X، Y گفت», "according to X, Y said", "Y said, according to the Tasnim news
   agency", :mod:`~shomar.claims.reporter`) is a claimant citing the speaker, and a party the
   cited one cites in turn ("…, citing a prison guard") gets its candidate too. With no speaker,
   a source named before the figure ("the number of executions recorded by X has reached 301")
   is the claimant; "according to X" closing a clause of its own (", and some 7,000 …, according
   to a lawmaker") wins over the speaker of the clause before. A speaker across "while", "but",
   «اما» does not claim the figure before it, "other estimates range from …" is the article's
   own voice, and a figure a speaker rejects belongs to whoever circulated it
   (:mod:`~shomar.claims.denials`); a corrected figure belongs to the source of the one it
   corrects (:mod:`~shomar.claims.corrections`), and figures a later sentence or clause credits
   («این آمار را X منتشر کرده است») to X (:mod:`~shomar.claims.credits`);
5. the date stated is the full date attached to the attribution ("Y said *on 15 December
   2019*", "announced by Y *on December 15, 2019*", «Y *روز ۲۵ آذر ۱۳۹۸* اعلام کرد»); the event
   hint is the sentence's episode or time cue (:mod:`~shomar.claims.events`).

A figure stated twice (a headline and its body, or two sentences) is proposed once
(:mod:`~shomar.claims.merge`), with every sentence that states it in ``spans``. The quote is
the sentence, with its offsets in the input text. Every candidate is a proposal for a person to
confirm; ``confidence`` only orders the review queue.
"""

from __future__ import annotations

import re
from pathlib import Path

from shomar.claims.attribution import (
    MAIN_KINDS,
    Attribution,
    find_attributions,
)
from shomar.claims.candidate import ClaimCandidate
from shomar.claims.claimant_lists import gapped_claimant, split_joint
from shomar.claims.context import ArticleContext
from shomar.claims.coreference import remember_people, resolve_anaphora
from shomar.claims.corrections import corrected_figure
from shomar.claims.counted import (
    CORRECTED,
    OPEN_QUOTES,
    first_after,
    last_mention,
    share_qualifiers,
)
from shomar.claims.counted import categories as count_categories
from shomar.claims.credits import (
    admitted_by,
    credit_source,
    credit_told,
    figures_source,
    told_this,
)
from shomar.claims.dates import find_dates
from shomar.claims.denials import denied, denied_source
from shomar.claims.events import find_event_hint
from shomar.claims.filters import non_count_reason
from shomar.claims.headlines import headline_attribution, is_headline
from shomar.claims.introductions import introduced_source
from shomar.claims.lexicon import PEOPLE_AFTER_RE
from shomar.claims.lists import heading_source, is_bullet, is_labelled
from shomar.claims.merge import merge_repeated
from shomar.claims.misstated import misstated
from shomar.claims.parties import NEW_CLAUSE, attribution_for, chain_of_parties
from shomar.claims.quantity import Quantity, QuantityMatch, find_quantities, fold_text
from shomar.claims.registry import resolve_claimant
from shomar.claims.scope import home_country, outside_home
from shomar.claims.sentences import Sentence, split_sentences
from shomar.claims.tables import Table, caption_category, find_tables
from shomar.errors import InputError
from shomar.readable import read_small_file

__all__ = ["extract_claims", "extract_from_file"]

_LANGUAGES = (None, "en", "fa")
#: "other estimates range from …", «برآوردهای دیگر از …»: the article's own voice
_OTHER_ESTIMATES = re.compile(
    r"(?<![\w])(?:other|some|independent|various)\s+estimates?\s+(?:[a-z]+\s+){0,2}$|"
    r"برآورد(?:[\u200c ]?ها(?:ی)?)\s+دیگر\s+(?:\S+\s+){0,2}$",
    re.I,
)
#: a sentence that goes on with the previous one's figures ("Of these, 61 …", «… نیز …»)
_CONTINUES = re.compile(
    r"^(?:of\s+(?:these|them|those|the\s+\w+)|among\s+(?:them|these|those|the\s+\w+)|"
    r"this\s+includes|(?:they|these|those)\s+includ(?:e|ed)|in\s+addition|also|the\s+(?:toll|figure|"
    r"total|tally)\b|its\s+(?:toll|figure|total|tally)\b)|(?<![\w])(?:also|further|another|"
    r"other|others)(?![\w])|"
    r"^(?:از\s+(?:این|میان|جمله)|در\s+میان|همچنین|(?:این|آن)\s+(?:رقم|آمار|تعداد))|"
    r"^(?:this|that)\s+(?:figure|number)\b|(?<![\w\u200c])(?:نیز|هم|دیگر)(?![\w\u200c])|"
    # «با اعدام این دو نفر، شمار …», "With the execution of these men, …": refers back
    r"^(?:با\s+(?:اعدام|کشته\s+شدن|مرگ|بازداشت|دستگیری)\s+(?:این|آنان|آنها|ایشان)(?![\w\u200c])|"
    r"with\s+the\s+(?:executions?|hangings?|killings?|deaths?|arrests?)\s+of\s+(?:these|those|them)\b)|"
    r"(?<![\w])of\s+(?:them|these|those|the\s+(?:total|figure|toll))(?![\w])|"
    # "Drug-related charges accounted for 503 of the executions": of those just counted
    r"(?<![\w])of\s+the\s+(?:executions|hangings|killings|deaths|arrests|detentions)(?![\w])|"
    r"(?<![\w\u200c])از\s+(?:(?:کشته|اعدام|بازداشت|زخمی)[\u200c ]?شدگان|"
    # «۷ نفر از اعدام‌شدگان زن بودند»: of those just counted
    r"جان[\u200c ]?باختگان|مجروحان)(?![\w\u200c])|"
    r"(?<![\w\u200c])از\s+(?:آنان|آنها|ایشان|(?:این|آن)\s+(?:افراد|تعداد|عده|زندانیان|کودکان|"
    r"بازداشت[\u200c ]?شدگان|کشته[\u200c ]?شدگان|اعدام[\u200c ]?شدگان))(?![\w\u200c])",
    re.IGNORECASE,
)


_TOTAL_LINE = re.compile(r"^\s*(?:total|in\s+all|جمع|مجموع|کل)\b", re.IGNORECASE)


def extract_claims(text: str, *, language: str | None = None) -> list[ClaimCandidate]:
    """Propose the claims stated in ``text``, in reading order.

    ``language`` (``"en"`` or ``"fa"``) fixes the word order assumed when looking for what a
    number counts; by default each sentence's script decides. Both lexicons always apply, since
    Persian articles quote English names and English ones quote Persian words. A figure stated
    twice by the same claimant (a headline and its body, or two sentences) is proposed once,
    with every sentence that states it in ``spans``.
    """
    if language not in _LANGUAGES:
        raise InputError(
            f"Unknown language {language!r} for claim extraction.",
            hint="Use 'en' or 'fa', or leave the language out to detect it per sentence.",
        )
    folded = fold_text(text)
    context = ArticleContext(home=home_country(text))
    previous: list[ClaimCandidate] = []
    found: list[ClaimCandidate] = []
    headlines: set[int] = set()
    tables = find_tables(text)
    table_end = -1
    for number, sentence in enumerate(split_sentences(text)):
        table = next((t for t in tables if t.start <= sentence.start < t.end), None)
        if table is not None:
            if table.end != table_end:
                found.extend(_table_claims(table, context))
                table_end = table.end
            continue
        headline = is_headline(text, sentence, number)
        after_table = table_end >= 0 and not text[table_end : sentence.start].strip()
        if not is_bullet(sentence.text):
            context.list_source = heading_source(sentence.text)
            context.list_category = caption_category(sentence.text) if context.list_source else None
        claims = _sentence_claims(folded, sentence, language, context, headline, after_table)
        last_clause = re.split(r"[;؛]", sentence.text)[-1]
        own_source = (
            figures_source(last_clause) or admitted_by(last_clause)
            if last_clause != sentence.text
            else None
        )
        told = told_this(last_clause) if last_clause != sentence.text else None
        if claims and own_source is not None:  # «…؛ این خبر را X منتشر کرده است»
            claims = credit_source(claims, own_source)
        elif claims and told is not None:  # «…؛ این را یک مقام محلی به ایسنا گفت»
            claims = credit_told(claims, *told)
        source = figures_source(sentence.text) if not claims and previous else None
        if source is not None:  # «… ۴۷۶ نفر … این آمار را سازمان حقوق بشر ایران منتشر کرده است»
            found = found[: len(found) - len(previous)]
            claims = credit_source(previous, source)
            previous = []
        else:
            previous = claims
        if headline:
            headlines.update(id(c) for c in claims)
        found.extend(claims)
    return merge_repeated(_dedupe(found), headlines)


#: a news article or report is text of some kilobytes; 20 MB is a book, not an article
MAX_ARTICLE_BYTES = 20 * (1 << 20)


def extract_from_file(path: str | Path) -> list[ClaimCandidate]:
    """Read a UTF-8 plain-text article and propose its claims (``shomar claims extract FILE``)."""
    file = Path(path)
    raw = read_small_file(file, expected="an article (plain UTF-8 text)", limit=MAX_ARTICLE_BYTES)
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
    folded: str,
    sentence: Sentence,
    language: str | None,
    context: ArticleContext,
    headline: bool = False,
    after_table: bool = False,
) -> list[ClaimCandidate]:
    s = folded[sentence.start : sentence.end]
    lang = _sentence_language(s, language)
    dates = find_dates(sentence.text)
    new_paragraph = "\n" in folded[context.previous_end : sentence.start]
    remember_people(s, context)
    found_atts = find_attributions(s, dates)
    if not any(a.kind in MAIN_KINDS for a in found_atts):
        head = headline_attribution(s)
        if head is not None and (headline or resolve_claimant(head.claimant) is not None):
            found_atts = [head, *found_atts]  # «رادیو فردا: دست‌کم ۲۰ نفر …» in the body too
    attributions = resolve_anaphora(found_atts, context)
    if new_paragraph and not after_table:
        context.paragraph_claimant = None
        context.tally_speaker = None
    if context.list_source and is_bullet(s) and not any(a.kind in MAIN_KINDS for a in attributions):
        listed = Attribution(context.list_source, "according", 0, 0, None, False)
        attributions = [listed, *attributions]  # "- 42 executions" under "Hengaw's report …:"
    same_tally: str | None = None
    counted_before = context.last_counted
    introduced = context.introduced if not new_paragraph else None
    context.introduced = None
    if not any(a.kind in MAIN_KINDS for a in attributions):
        carried = context.paragraph_claimant
        if introduced is not None:  # "Kurdpa reported the deaths. Four kolbars were shot dead."
            carried = Attribution(introduced, "according", 0, 0, None, False)
        if after_table and _TOTAL_LINE.match(s) and context.last_claimant:
            carried = Attribution(context.last_claimant, "according", 0, 0, None, False)
        goes_on = _CONTINUES.search(s.lstrip(OPEN_QUOTES)) or introduced  # also in a quotation
        if carried is not None and not goes_on and not after_table:
            if not attributions and not headline:
                # the party of the paragraph's last figure (not "all" in "74% of all recorded
                # executions"), only for a figure of the category just counted, below
                same_tally = context.tally_speaker
            carried = None
        passive = any(
            a.kind == "passive" and not NEW_CLAUSE.search(s, 0, a.start) for a in attributions
        )  # not "…, and only 7% were announced by official sources": a clause of its own
        if carried is not None and not headline and not passive:
            # "The figure is far higher than the toll of 304 reported by Amnesty": the party
            # named after the figure states it, not the paragraph's speaker
            attributions = [Attribution(carried.claimant, "according", 0, 0, None, False)]
    mains = [a for a in attributions if a.kind in MAIN_KINDS]
    if not mains:  # «به نقل از X، …» opening the sentence speaks for the paragraph too
        mains = [a for a in attributions if a.kind == "citing" and a.start == 0]
    context.paragraph_claimant = mains[-1] if mains and not headline else None
    matches = [
        m
        for m in find_quantities(sentence.text)
        if non_count_reason(s, m) is None and not misstated(s, m)
    ]
    categories = count_categories(s, matches, lang, context.last_counted, context.last_mention)
    if context.list_source and is_labelled(s):  # "January — 41" under "Executions by HRANA:"
        # "Killed in custody, 2023: 17": the label's own category word first
        label_text = re.split(r"\s*[:—–]\s*[\d۰-۹][\d,٬۰-۹]*\s*$", s)[0]
        first = first_after(label_text, lang)  # "Killed in custody": killed, not detained
        label = first[0] if first else last_mention(label_text)
        categories = [c or label or context.list_category for c in categories]
    matches = share_qualifiers(s, matches, categories)
    context.last_mention = last_mention(s) or context.last_mention
    if new_paragraph:
        context.last_event = None  # an event cue carries over within a paragraph only
    context.previous_end = sentence.end
    hint = find_event_hint(sentence.text, [(d.start, d.end) for d in dates])
    if hint:
        context.last_event = hint
    out: list[ClaimCandidate] = []
    for index, (match, counted) in enumerate(zip(matches, categories, strict=True)):
        if counted is None or outside_home(s, match.start, context.home):
            continue
        context.last_counted = counted
        main, chain = attribution_for(s, match, matches, attributions)
        gapped = gapped_claimant(s, matches, index)
        if gapped is not None:  # "X put the toll at 304, HRW at 321 and IHR at 324"
            main, chain = Attribution(gapped, "according", 0, 0, None, False), None
        if main is None and chain is None and CORRECTED.search(s[: match.start]):
            main, out = corrected_figure(s, match, attributions, context, counted, out)
        if main is None and chain is None and same_tally is not None and counted == counted_before:
            # "IHR said at least 834 were executed. … At least 5 executions were carried out in
            # public.": a further figure of the same tally, in the same paragraph, is the speaker's
            main = Attribution(same_tally, "according", 0, 0, None, False)
            context.paragraph_claimant = main
        if main is not None and denied(s, attributions, match):
            main, chain = denied_source(match, main, chain, attributions, s), None
        compared = _THAN.search(s[: match.start]) is not None and _passive(chain)
        if (main is None and chain is not None) or compared:
            main, chain = chain, None  # "far lower than the 1,500 reported by Reuters": Reuters'

        if _OTHER_ESTIMATES.search(s[: match.start]):
            main, chain = None, None
        context.tally_speaker = main.claimant if main is not None else None
        base = _confidence(s, match, main)
        parties = chain_of_parties(s, match, main, chain, attributions)
        for k, party in enumerate(parties or [None]):
            cites = parties[k + 1] if k + 1 < len(parties) else None
            confidence = round(base * 0.9**k, 2)
            event = hint or context.last_event
            out.append(_candidate(match, counted, event, party, cites, sentence, confidence))
    out = split_joint(s, out)
    if not out and not headline:
        context.introduced = introduced_source(s, mains)
        context.last_org = context.introduced or context.last_org
    return out


def _candidate(
    match: QuantityMatch,
    counted: str,
    hint: str | None,
    main: Attribution | None,
    chain: Attribution | None,
    sentence: Sentence,
    confidence: float,
) -> ClaimCandidate:
    claimant = main.claimant if main else None
    return ClaimCandidate(
        quantity=match.quantity,
        counted=counted,
        event_hint=hint,
        claimant=claimant,
        cites=chain.claimant if chain else None,
        date_stated=main.date_stated if main else None,
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        confidence=confidence,
        claimant_id=resolve_claimant(claimant) if claimant else None,
        spans=((sentence.start, sentence.end),),
    )


def _table_claims(table: Table, context: ArticleContext) -> list[ClaimCandidate]:
    claimant = table.claimant
    if claimant:
        context.last_claimant = claimant
        context.last_org = claimant
    out = []
    for cell in table.cells:
        party = cell.claimant or claimant
        out.append(
            ClaimCandidate(
                quantity=Quantity.exact(cell.value),
                counted=cell.counted,
                event_hint=None,
                claimant=party,
                cites=None,
                date_stated=None,
                quote=cell.quote,
                start=cell.start,
                end=cell.end,
                confidence=0.7 if party else 0.5,
                claimant_id=resolve_claimant(party) if party else None,
                spans=((cell.start, cell.end),),
            )
        )
    return out


#: a figure compared with the speaker's own ("far lower than the 1,500 reported by Reuters")
#: a figure set against the one before: "far lower than the 1,500 reported by Reuters", "not
#: the four acknowledged by the judiciary"
_THAN = re.compile(
    r"(?<![\w])than\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$|"
    r"(?<![\w])(?:not|instead\s+of|unlike)\s+the\s+(?:[\w-]+\s+){0,2}$",  # "rather than": above
    re.IGNORECASE,
)


def _passive(att: Attribution | None) -> bool:
    return att is not None and att.kind == "passive"


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
