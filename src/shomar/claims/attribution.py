"""Who says a number: attribution cues and the claimant phrase they introduce.

:func:`find_attributions` reads one sentence and returns every attribution in it:

``active``     "Amnesty International *said* …", "X *confirmed* …", «X *اعلام کرد*»: the claimant is
               the noun phrase before the verb (an appositive proper name wins over a description:
               "Mehdi Karroubi, an opposition leader, said" gives "Mehdi Karroubi").
``inverted``   "…,” *said* Štefanec": the claimant follows the verb.
``according``  "*according to* X", «*به گفته* X», «*به گزارش* X», «*بنا بر اعلام* X»: the claimant
               follows the cue.
``passive``    "the toll *announced by* X": X made the claim that the sentence's subject repeats.
``citing``     "*citing* X", «*به نقل از* X», "Reuters *quoted* X *as saying*": X is the source the
               sentence's subject relies on.

``passive`` and ``citing`` attributions are the attribution chain: the extractor makes the main
claimant cite them and proposes a claim for them as well. "X *told* Reuters that …" and «X به
رویترز گفت» make the news organisation (a registry entry of kind ``media``,
:mod:`~shomar.claims.outlets`) the claimant citing X; so does «X در گفت‌وگو با بی‌بی‌سی فارسی
گفت» when the outlet is in the registry.
"Government figures, published by IRNA, put …" gives IRNA.

Reporting verbs and source phrases are listed per language in :mod:`~shomar.claims.cues`,
Persian verbs with their light-verb constructions («اعلام کرد», «گزارش داد», «ثبت کرده است»,
«تایید کرد», «خبر داد», «منتشر کرد», «می‌نویسد»).
The claimant span is cut to a noun phrase (:func:`~shomar.claims.phrases.noun_phrase`, re-exported
here; a Persian subject by :mod:`~shomar.claims.persian_subject`): no verb, determiner, leading
adverb ("Earlier it"), time phrase ("… on Tuesday said"), date or dateline, or source words
("figures compiled by HRANA" → "HRANA"); comma-set phrases between the subject and its verb are
skipped ("X, citing Y, said"), except an appositive name, which wins over a description ("A
fellow inmate, the writer Parviz Salehi, says"). A claimant that is a pronoun or a description
("it", "the group", «این سازمان»; "he", "the general", «این نماینده») is marked ``anaphoric``
and :func:`~shomar.claims.anaphora.anaphora_kind` tells whether it stands for a person or an
organisation, so that the extractor can resolve it to the one named earlier.

Hand-written rules rather than a toolkit: hazm 0.10 (MIT) offers Persian tokenising and
normalising, but its POS tagger and chunker need model files fetched from GitHub (not in the
wheel), and it pins numpy 1.24 and pulls gensim, fasttext, scikit-learn and nltk; spaCy's
English dependency models are not on PyPI. The rules meet the issue-14 targets on the held-out
passages (``python -m benchmarks.claims.run``) at about 7 ms per passage on an idle core.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from shomar.claims.anaphora import ANAPHORA, anaphora_kind
from shomar.claims.cues import (
    EN_ACCORDING,
    EN_CITING,
    EN_PASSIVE,
    EN_QUOTED,
    EN_VERB,
    FA_ACCORDING,
    FA_CITING,
    FA_PASSIVE_END,
    FA_RECEIVED,
    FA_VERB,
)
from shomar.claims.dates import DateMention
from shomar.claims.outlets import FA_INTERVIEW, told_media
from shomar.claims.persian_subject import fa_subject
from shomar.claims.phrases import (
    appositive_name,
    noun_phrase,
    np_after,
    np_before,
    skip_parentheticals,
)
from shomar.claims.registry import resolve_claimant

__all__ = ["MAIN_KINDS", "Attribution", "anaphora_kind", "find_attributions", "noun_phrase"]


@dataclass(frozen=True)
class Attribution:
    """One attribution cue in a sentence; offsets are into the sentence's text."""

    claimant: str
    kind: str
    start: int
    end: int
    date_stated: str | None
    anaphoric: bool


#: the kinds that name who states a figure; ``passive`` and ``citing`` are the chain behind it
MAIN_KINDS = ("active", "inverted", "according")


_PARTICIPLE_OPENER = re.compile(
    r"^(?:Speaking|Writing|Announcing|Addressing|Responding|In\s+(?:a|an|its|their|his|her)\b)",
    re.IGNORECASE,
)


_OWNER_BEFORE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,5})['’]s\s+(?:\d{4}\s+)?$")
_REPORT_NOUN = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:report|figures|data|tally|count|statement|analysis|database)", re.I
)


_TEMPORAL_TAIL = re.compile(
    r"(?:\s+|^)(?:late\s+|early\s+)?(?:on|in|at|last|this|earlier|during)\s+"
    r"(?:(?:a|an|its|their|his|her|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|"
    r"night|morning|evening|statement|report|interview|tweet|post|update|briefing|conference|"
    r"letter|\d{4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s*$",
    re.IGNORECASE,
)


#: a quotation that opens with the speaker's own source: "“A nurse told me, …”",
#: «پرستار به من گفت …»; kind ``inner``: the quoted speaker cites that party
_TOLD_ME = re.compile(
    r"[“\"«]\s*((?:(?:a|an|the|one|my|our)\s+)?[\w-]+(?:\s+[\w-]+)?|(?:یک\s+)?[\w\u200c]+(?:\s+[\w\u200c]+)?)"
    r"\s+(?:told\s+(?:me|us)|به\s+(?:من|ما)\s+گفت)(?![\w\u200c])",
    re.IGNORECASE,
)


def _quoted(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"]*\"|«[^»]*»", sentence)]


def _date_in(dates: list[DateMention], start: int, end: int) -> str | None:
    for d in dates:
        if start <= d.start and d.end <= end:
            return d.iso
    return None


#: "it had received credible reports that …": "reports" (or "claims", "estimates") is a noun
#: after an adjective or determiner, not a verb whose subject comes before it
_NOUN_NOT_VERB = re.compile(
    r"(?<![\w])(?:credible|unconfirmed|reliable|several|numerous|many|multiple|conflicting|"
    r"further|new|initial|earlier|received|these|those|such|the|of)\s+"
    r"(?:reports|claims|estimates|records|counts|notes|states)$",
    re.I,
)
#: "the highest number recorded in eight years": a participle after a figure noun describes
#: the figure; it has no speaker
_FIGURE_PARTICIPLE = re.compile(
    r"(?<![\w])(?:number|figure|toll|total|level|tally|count)s?\s+(?:ever\s+)?"
    r"(?:recorded|reported|documented|counted|registered|confirmed|announced|published)$",
    re.I,
)
#: "KHRN from hospital sources": the party that compiled figures, and where it got them
_GATHERED_FROM = re.compile(
    r"^(.+?)\s+from\s+((?:[\w'’-]+\s+){0,3}?(?:sources?|hospitals?|"
    r"records|morgues?|families|relatives|activists|witnesses))$",
    re.I,
)
#: "X was quoted by Y as saying": Y reports what X said
_QUOTED_BY = re.compile(
    r"\s*(?<![\w])(?:was|were)\s+quoted\s+by\s+([^,;.]{2,60}?)\s+as\s+saying(?![\w])", re.I
)
_BEEN_BEFORE = re.compile(r"(?<![\w])(?:been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
#: "The interior ministry's figure of 200 dead": the party whose figure it is
_POSSESSIVE_FIGURE = re.compile(
    r"(?:(?<=^)|(?<=\s))((?:[\w-]+\s+){0,4}?[\w-]+)['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    # "IHR's figure stands at 448": the same, with the figure's verb
    r"(?:figure|toll|tally|count|estimate|number)s?\s+(?:of|(?:now\s+)?(?:stands|stood)\s+at)\s+",
    re.IGNORECASE,
)
#: "the HRW figure of 400 arrests", "the UN tally of 551": a named party's figure, without "'s"
#: (the name a registry entry or an acronym)
_NAMED_FIGURE = re.compile(
    r"(?<![\w])(?i:the)\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+"
    r"(?:figure|toll|tally|count|estimate)s?\s+(?:of|(?:now\s+)?(?:stands|stood)\s+at)\s+"
)
#: ", said the director of the Oslo-based IHR.": a description that ends the sentence, with no
#: verb or figure of its own (not ", said the 23-year-old was one of 14 …")
_INVERTED_DESCRIPTION = re.compile(
    r"\s+(?:the|a|an)\s+(?![^.]*(?<![\w])(?:was|were|had|has|have|is|are|would|will)(?![\w]))"
    r"[^,;\d]{2,60}?[.!]?\s*$",
    re.IGNORECASE,
)
#: "according to *a* lawmaker": an indefinite description introduces someone new
#: "its count", "the group's tally": whose count it is
_WHOSE_COUNT = re.compile(
    r"^(.+?)(?:['’]s?)?\s+(?:own\s+)?(?:latest\s+)?(?:count|tally|reckoning|estimate|figures)$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(r"\s*an?\s", re.IGNORECASE)


def find_attributions(sentence: str, dates: list[DateMention]) -> list[Attribution]:
    """Every attribution in ``sentence``; ``dates`` are the sentence's dates (same offsets)."""
    found: list[Attribution] = []
    busy: list[tuple[int, int]] = []

    def add(att: Attribution, span: tuple[int, int]) -> None:
        if att.claimant and not any(s < span[1] and span[0] < e for s, e in busy):
            found.append(att)
            busy.append(span)

    def anaphoric(name: str, at: int | None = None) -> bool:
        """A pronoun or description; "a lawmaker" (indefinite, at ``at``) is a new party."""
        if at is not None and _INDEFINITE.match(sentence, at):
            return False
        return bool(ANAPHORA.match(name))

    for m in _QUOTED_BY.finditer(sentence):
        # "X, a lawmaker, was quoted by the ILNA news agency as saying …": ILNA reports it,
        # citing X
        speaker, start = np_before(sentence, skip_parentheticals(sentence, m.start()))
        speaker, outlet = noun_phrase(speaker), noun_phrase(m.group(1))
        if speaker and outlet:
            add(Attribution(outlet, "active", start, m.end(), None, False), m.span())
            add(
                Attribution(speaker, "citing", m.end(), m.end(), None, anaphoric(speaker)),
                (m.end(), m.end()),
            )
    for pattern, kind in ((EN_PASSIVE, "passive"), (EN_CITING, "citing"), (FA_CITING, "citing")):
        for m in pattern.finditer(sentence):
            name = noun_phrase(FA_PASSIVE_END.sub("", np_after(sentence, m.end())))
            gathered = _GATHERED_FROM.match(name) if kind == "passive" else None
            if gathered and re.match(r"(?:compiled|collected|gathered)\s", m.group(), re.I):
                # "figures compiled by KHRN from hospital sources": KHRN, citing those sources
                name = gathered.group(1)
                add(
                    Attribution(gathered.group(2), "citing", m.end(), m.end(), None, False),
                    (m.end(), m.end()),
                )
            after = m.end() + len(name) + 40
            date = _date_in(dates, m.end(), after) if kind == "passive" else None
            att = Attribution(name, kind, m.start(), m.end(), date, anaphoric(name, m.end()))
            add(att, m.span())
    for m in _POSSESSIVE_FIGURE.finditer(sentence):
        name = noun_phrase(m.group(1))
        if name and not anaphoric(name):
            add(Attribution(name, "passive", m.start(1), m.end(1), None, False), m.span(1))
    for m in _NAMED_FIGURE.finditer(sentence):
        name = m.group(1)
        if resolve_claimant(name) is not None or name.isupper():
            add(Attribution(name, "passive", m.start(1), m.end(1), None, False), m.span(1))
    for pattern in (EN_ACCORDING, FA_ACCORDING):
        for m in pattern.finditer(sentence):
            received = FA_RECEIVED.match(sentence, m.end())
            by = next((g for g in received.groups() if g), None) if received else None
            found_name = by if by else np_after(sentence, m.end())
            name = appositive_name(sentence, m.end(), noun_phrase(found_name))
            whose = _WHOSE_COUNT.match(name)
            name = whose.group(1) if whose else name  # "by its count" → "its"
            gathered = _GATHERED_FROM.match(name)
            if gathered and re.search(r"(?:compiled|collected|gathered)\s+by\s", found_name, re.I):
                name = gathered.group(1)  # "according to figures compiled by X from hospitals"
            att = Attribution(name, "according", m.start(), m.end(), None, anaphoric(name, m.end()))
            add(att, m.span())
    for m in EN_QUOTED.finditer(sentence):
        speaker, start = np_before(sentence, len(sentence[: m.start()].rstrip()))
        speaker = noun_phrase(speaker)
        cited = noun_phrase(np_after(sentence, m.end()))
        if speaker and cited:
            add(Attribution(speaker, "active", start, m.end(), None, anaphoric(speaker)), m.span())
            add(
                Attribution(cited, "citing", m.end(), m.end(), None, anaphoric(cited)),
                (m.end(), m.end()),
            )
    quoted = _quoted(sentence)
    for q_start, _ in quoted:
        inner = _TOLD_ME.match(sentence, q_start)
        if inner:  # "“A nurse told me, ‘we counted 18 dead’,” the witness said"
            name = noun_phrase(inner.group(1))
            if name:
                add(
                    Attribution(name, "inner", inner.start(1), inner.end(), None, False),
                    inner.span(),
                )
    for m in EN_VERB.finditer(sentence):
        if re.match(r"\s+(?:by|the\s+lives)\b", sentence[m.end() :]):
            continue  # "claimed the lives of 6": a death toll, not a claim
        if _BEEN_BEFORE.search(sentence, 0, m.start()):
            continue  # "the figure has been widely disputed": a passive, no speaker before it
        if any(s < m.start() < e for s, e in quoted):
            continue  # a verb inside a quotation is the speaker's, not an attribution
        if _NOUN_NOT_VERB.search(sentence, 0, m.end()) or _FIGURE_PARTICIPLE.search(
            sentence, 0, m.end()
        ):
            continue  # "it had received credible reports that …", "the highest number recorded"
        _add_en_active(sentence, m, dates, add, anaphoric)
    for m in FA_VERB.finditer(sentence):
        if any(s < m.start() < e for s, e in quoted) and any(a.kind == "inner" for a in found):
            continue  # «… گفت: «پزشک به من گفت …»»: the inner verb belongs to the quote
        name, start = fa_subject(sentence, m.start())
        name = noun_phrase(name)
        verified = _FA_VERIFIED_BY.match(sentence, start + len(name)) if name else None
        if verified and _FA_FOOTAGE.fullmatch(name) and resolve_claimant(verified.group(1)):
            name = verified.group(1)  # «ویدیویی که بی‌بی‌سی فارسی صحت آن را تأیید کرده …»
        if name and _FA_DENIED_OBJECT.match(name) and _FA_DENIAL.search(m.group()):
            # «X، وزیر کشور، گزارش‌های Y درباره … را «دروغ» خواند»: the report is the object
            # of the denial; its speaker is the subject before it
            earlier, at = fa_subject(sentence, start)
            if noun_phrase(earlier):
                name, start = noun_phrase(earlier), at
        if not name:
            continue
        between = sentence[start + len(name) : m.start()]
        # «X که نخواست … به Y گفت», «X در زاهدان در گفت‌وگوی تلفنی به Y گفت»
        # «یکی از بستگان این زندانی که … به Y گفت»: the name's last words, then the clause
        relative = re.match(
            r"\s*(?:[^\s،,«»]+\s+){0,2}?(?:که\s|در\s)[^،,«»]{0,60}?\s(?=به\s)", between
        )
        carried = _FA_CARRIED_BY.fullmatch(between)
        carrier = told_media(sentence, start + len(name) + carried.start(1)) if carried else None
        if carrier:
            # «شورای تأمین در بیانیه‌ای که ایرنا منتشر کرد اعلام کرد»: IRNA relays the council
            add(Attribution(carrier, "active", start, m.end(), None, False), m.span())
            add(
                Attribution(name, "citing", m.end(), m.end(), None, anaphoric(name)), (m.end(),) * 2
            )
            continue
        talk = FA_INTERVIEW.match(between)
        told = told_media(sentence, start + len(name) + talk.end()) if talk else None
        if told and resolve_claimant(told) is None:
            told = None  # an interview with a named outlet only: not «در گفت‌وگو با صداوسیما»
        if told:  # «X در گفت‌وگو با بی‌بی‌سی فارسی گفت»: like «X به بی‌بی‌سی فارسی گفت»
            add(Attribution(told, "active", start, m.end(), None, False), m.span())
            add(
                Attribution(name, "citing", m.end(), m.end(), None, anaphoric(name)), (m.end(),) * 2
            )
            continue
        # «یکی از بستگان این زندانیان به هرانا گفت»: the name's last words, then «به Y»;
        # «رضا کمالی، نماینده اهواز در مجلس، به ایلنا گفت»: an apposition, then «به Y»
        apposition = re.match(r"\s*[،,][^،,«»]{2,60}[،,]\s*(?=به\s)", between)
        if (
            relative
            or apposition
            or re.match(r"\s*(?:[^\s،,«»]+\s+){0,2}?(?:(?:اما|ولی|نیز|هم)\s+)?به\s+", between)
        ):
            gap = relative or apposition
            at = start + len(name) + (gap.end() if gap else 0)
            told = told_media(sentence, sentence.index("به ", at) + 3)
            if told:  # «X به رویترز گفت»
                add(Attribution(told, "active", start, m.end(), None, False), m.span())
                att = Attribution(name, "citing", m.end(), m.end(), None, anaphoric(name))
                add(att, (m.end(), m.end()))
                continue
        date = _date_in(dates, start + len(name), m.start())
        add(Attribution(name, "active", start, m.end(), date, anaphoric(name)), m.span())
    return sorted(_passive_sources(found), key=lambda a: a.start)


#: «X در بیانیه‌ای که ایرنا منتشر کرد اعلام کرد»: the outlet that carried the statement
_FA_CARRIED_BY = re.compile(
    r"\s*در\s+(?:بیانیه|گزارش|پیام|اطلاعیه)[\u200c ]?(?:ای|ی)?\s+که\s+(\S.{1,40}?)\s+"
    r"(?:منتشر|پخش)\s+(?:کرد|کرده|کردند)\s*"
)
#: footage or papers that an outlet verified, as the subject: «ویدیویی که X صحت آن را تأیید
#: کرده، … نشان می‌دهد» is X's report
_FA_FOOTAGE = re.compile(r"(?:ویدیو|ویدئو|تصاویر|اسناد|مدارک|فیلم)(?:یی|ی|های|هایی)?")
_FA_VERIFIED_BY = re.compile(
    r"\s+که\s+((?:[^\s،,.]+\s+){0,4}?[^\s،,.]+)\s+(?:صحت\s+(?:آن|آنها|آن[\u200c ]?ها)\s+را\s+)?"
    r"(?:تأیید|تایید|بررسی|راستی[\u200c ]?آزمایی)\s+(?:کرده|کرد)"
)
#: the object a Persian denial rejects, standing where a subject would: «گزارش‌های X درباره …»
_FA_DENIED_OBJECT = re.compile(r"^(?:گزارش(?:[\u200c ]?های)?|آمار|ادعای|ادعاهای|رقم|ارقام)\s")
_FA_DENIAL = re.compile(r"خواند|(?:رد|تکذیب)\s+کرد")


_SOURCE_WORDS = re.compile(
    r"^(?:[\w-]+\s+)?(?:figures|data|statistics|numbers|tallies|tally|estimates|count|records|"
    r"documents)$",
    re.IGNORECASE,
)


#: "documents seen by Reuters", "hospital records obtained by IranWire": the outlet reports
#: what the records say
_SEEN_BY = re.compile(
    r"^((?:[\w-]+\s+){0,2}(?:records|documents|files|data|logs|lists?|papers|certificates|"
    r"videos?|footage|images|photos|photographs))\s+"
    # "A video verified by BBC Persian shows …": the outlet reports what the footage shows
    r"(?:seen|obtained|reviewed|examined|verified|geolocated|authenticated)\s+by\s+(.+)$",
    re.IGNORECASE,
)


def _passive_sources(found: list[Attribution]) -> list[Attribution]:
    """ "Government figures, published by IRNA, put the number at 41": IRNA says it."""
    out = list(found)
    for att in found:
        seen = _SEEN_BY.match(att.claimant) if att.kind == "active" else None
        if seen and noun_phrase(seen.group(2)):
            # "Hospital records seen by IranWire show that …": IranWire, citing the records
            outlet = noun_phrase(seen.group(2))
            out[out.index(att)] = Attribution(
                outlet, "active", att.start, att.end, att.date_stated, False
            )
            if not re.search(r"videos?|footage|images|photos|photographs", seen.group(1), re.I):
                # records are a source the outlet cites; footage is no party
                out.append(Attribution(seen.group(1), "citing", att.end, att.end, None, False))
            out = [p for p in out if not (p.kind == "passive" and att.start < p.start < att.end)]
            continue
        if att.kind != "active" or not _SOURCE_WORDS.match(att.claimant):
            continue
        inside = [p for p in found if p.kind == "passive" and att.start < p.start < att.end]
        if inside:
            source = inside[0]
            out[out.index(att)] = Attribution(
                source.claimant, "active", att.start, att.end, att.date_stated, source.anaphoric
            )
            out.remove(source)
    return out


_SPEAKING_TO = re.compile(r",\s*(?:speaking|talking)\s+to\s+(?=\S)([^,]{2,60}),\s*$")


_WHO_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;.]{2,60},\s*$", re.IGNORECASE)
_WHO_CLAUSE = re.compile(
    r"\s+who\s+(?:spoke|asked|requested|declined)\b[^,;.]{2,60}$", re.IGNORECASE
)


def _add_en_active(
    sentence: str,
    m: re.Match[str],
    dates: list[DateMention],
    add: Callable[[Attribution, tuple[int, int]], None],
    anaphoric: Callable[[str], bool],
) -> None:
    # "A source close to the family, who asked not to be named, told X": the comma closes an
    # aside about the speaker before it, not a quotation
    aside = _WHO_ASIDE.search(sentence, 0, m.start())
    inverted = (
        not aside
        and re.search(r"[,”\"]\s*$", sentence[: m.start()])
        and (
            re.match(r"\s+[A-Z]", sentence[m.end() :])
            or _INVERTED_DESCRIPTION.match(sentence, m.end())  # ", said the director of IHR."
        )
    )
    if inverted:
        name = noun_phrase(np_after(sentence, m.end()))
        date = _date_in(dates, m.end() + len(name), len(sentence))
        add(Attribution(name, "inverted", m.start(), m.end(), date, anaphoric(name)), m.span())
        return
    end = skip_parentheticals(sentence, len(sentence[: m.start()].rstrip()))
    end = aside.start() if aside else end
    relative = _WHO_CLAUSE.search(sentence, 0, end)
    if relative:  # "A senior official who spoke on condition of anonymity told Reuters"
        end = relative.start()
    temporal = _TEMPORAL_TAIL.search(sentence[:end])
    if temporal:  # "Amnesty International on Tuesday said"
        end = temporal.start()
    name, start = np_before(sentence, end)
    owner = _OWNER_BEFORE.search(sentence, 0, start)
    if owner and _REPORT_NOUN.fullmatch(name):  # "IHR's 2023 annual report, …, records 834"
        name, start = owner.group(1), owner.start(1)
    first = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s+and\s+$", sentence[:start])
    if (first and name[:1].islower()) or (first and name.lower().startswith(("the ", "a "))):
        name, start = first.group(1), first.start(1)  # "X and the group Y said": X first
    conj = re.match(r"((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s+and\s+(?:the\s+)?[A-Za-z]", name)
    if conj and " and " in name:  # "Iran Human Rights and the French group ECPM said"
        name = conj.group(1)
    if not name:
        return
    speaking = _SPEAKING_TO.search(sentence, 0, m.start())
    told = None
    if m.group().casefold().endswith("told"):
        told = told_media(sentence, m.end())
    elif speaking:  # "A lawmaker, speaking to the ILNA news agency, put the number at 118"
        told = told_media(sentence, speaking.start(1))
    if told:  # "officials told Reuters that …": Reuters reports it, citing the officials
        cited = noun_phrase(name)
        add(Attribution(told, "active", start, m.end(), None, False), m.span())
        if cited:
            add(
                Attribution(cited, "citing", m.end(), m.end(), None, anaphoric(cited)),
                (m.end(), m.end()),
            )
        return
    that = re.compile(r"(?<![\w])that(?![\w])").search(sentence, m.end())
    limit = that.start() if that else len(sentence)
    date = _date_in(dates, m.end(), limit)
    if date is None and _PARTICIPLE_OPENER.match(sentence):
        date = _date_in(dates, 0, start)
    cleaned = noun_phrase(name)
    if not cleaned:
        return
    add(Attribution(cleaned, "active", start, m.end(), date, anaphoric(cleaned)), m.span())
