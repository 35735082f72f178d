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
رویترز گفت» make the news organisation (a registry entry of kind ``media``) the claimant citing
X; so does «X در گفت‌وگو با بی‌بی‌سی فارسی گفت» when the outlet is in the registry.
"Government figures, published by IRNA, put …" gives IRNA.

Reporting verbs and source phrases are listed per language in :mod:`~shomar.claims.cues`,
Persian verbs with their light-verb constructions («اعلام کرد», «گزارش داد», «ثبت کرده است»,
«تایید کرد», «خبر داد», «منتشر کرد», «می‌نویسد»).
The claimant span is cut to a noun phrase (:func:`noun_phrase`): no verb, determiner, leading
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
from shomar.claims.registry import claimant_entry, resolve_claimant

__all__ = ["Attribution", "anaphora_kind", "find_attributions", "noun_phrase"]


@dataclass(frozen=True)
class Attribution:
    """One attribution cue in a sentence; offsets are into the sentence's text."""

    claimant: str
    kind: str
    start: int
    end: int
    date_stated: str | None
    anaphoric: bool


_TOKEN = re.compile(r"\([^()]*\)|[\w\u200c'’.\-]+|[^\s\w]")
_EN_STOP = {
    "that", "which", "who", "whom", "while", "and", "but", "as", "when", "because", "where",
    "after", "before", "since", "if", "whereas", "although", "though", "than", "so", "yet", "or",
    "on", "in", "at", "during", "said", "told", "with", "to", "was", "were", "is", "are", "had",
    "has", "have", "been", "later", "about", "around", "nearly", "roughly", "almost",
}  # fmt: skip
#: words that end a cited party's name: "citing local sources quoted by rights groups"
_EN_AFTER_STOP = {
    "quoted", "cited", "speaking", "asking", "saying", "who", "whose", "as", "via",
    # "according to relatives interviewed by the BBC": the relatives
    "interviewed", "contacted", "reached", "questioned",
    # "told Hengaw they had counted …": the clause's subject, not part of the name
    "they", "he", "she", "we", "it",
}  # fmt: skip
_BY_MEANS = re.compile(r"\s+(?:tele)?phone|\s+e-?mail|\s+text|\s+video\s+link", re.IGNORECASE)
_EN_INNER = {"of", "for", "the", "and", "de", "on", "at", "in", "from", "al", "'s", "’s", "/", "-"}
_FA_STOP = {
    "در", "روز", "با", "به", "شمار", "تعداد", "نام", "که", "طی", "پس", "بر", "امروز", "دیروز",
    "امشب", "دیشب", "امسال", "ابتدا", "بعدا", "بعداً", "نخست", "آمده",
    "نیز", "هم", "را", "از", "شب", "تنها", "فقط",
    "صبح", "عصر", "شامگاه", "بامداد", "اخیرا", "اخیراً", "سپس", "همچنین", "پیشتر", "پیش‌تر",
    "اما", "ولی", "رقم", "ارقام", "اکنون", "تاکنون", "هنوز", "همچنان", "هم‌اکنون", "اینک",
    # an event noun ends the subject: «خبرگزاری هرانا مرگ ۱۳۴ زندانی را تأیید کرد»
    "مرگ", "اعدام", "اجرای", "حکم", "احکام", "شکنجه", "بازداشت", "دستگیری", "کشته", "کشتار",
    "هویت", "اسامی",
    # «آمار منتشرشده از سوی X درباره …»: what the figure is about
    "درباره", "دربارهٔ", "پیرامون",
}  # fmt: skip
_PARTICIPLE_OPENER = re.compile(
    r"^(?:Speaking|Writing|Announcing|Addressing|Responding|In\s+(?:a|an|its|their|his|her)\b)",
    re.IGNORECASE,
)
_MAX_TOKENS = 16
_FA_NUMBER_WORDS = {
    "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "صد", "هزار", "چند", "دهها", "صدها",
}  # fmt: skip
_FA_TIME_NOUN = re.compile(r"\s+(?:روز|ساعت|هفته|ماه|سال|شب|دقیقه)(?![\w\u200c])")
_OPEN_QUOTE = {"«", '"', "“", "‘"}


def _is_fa(text: str) -> bool:
    return bool(re.search(r"[\u0600-\u06ff]", text))


def _clean(phrase: str) -> str:
    phrase = phrase.strip(" ,،;:\"“”'’")
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    if not re.search(r"(?:^|\s)(?:[A-Z]\.){2,}$", phrase):
        phrase = re.sub(r"\.$", "", phrase)  # a full stop ("HRANA."), not "U.N."
    return re.sub(r"\s+", " ", phrase)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word.startswith("(")


_LEAD_ADVERB = re.compile(
    r"^(?:(?:earlier|separately|later|meanwhile|also|however|now|previously|then|instead|"
    r"in\s+(?:a|an|its|their|his|her)\s+\w+|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"[\s,]+)+",
    re.IGNORECASE,
)
_JUNK_END = re.compile(
    r"(?:^|\s)(?:its|the|a|an|whose|this|that|does|do|did|raised|has|have|their|his|her|"
    r"dismissed|rejected|denied|disputed)$",
    re.IGNORECASE,
)
_WH_START = re.compile(r"^(?:what|why|how|when|where|which|who|whose)\b", re.IGNORECASE)
_NAME_TAIL = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){1,4}((?:[A-Z][\w'’.-]*\s*){2,4})$"
)
_SOURCE_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:latest\s+)?(?:figures|data|statistics|numbers|tallies|reports?|a\s+report|"
    r"an\s+update|estimates?|(?:a\s+)?(?:tally|count|list|database))\s+"
    r"(?:compiled\s+|published\s+|released\s+|issued\s+|kept\s+)?"
    r"(?:by|from|of)\s+|(?:آمار|گزارش|برآورد|اعلام|اطلاعات|داده[\u200c ]?های)\s+"
    r"(?:(?:سالانه|تازه|جدید|اخیر|ماهانه|هفتگی)\s+)?|"  # «گزارش سالانه X»
    r"(?:سالانه|تازه|جدید|ماهانه|هفتگی)\s+(?=\S+\s))",  # «بنا بر گزارش سالانه X»
    re.IGNORECASE,
)


_OWNERS_REPORT = re.compile(
    r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,5})['’]s?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:report|figures|data|tally|count|statement|analysis|database)$"
)


_OWNER_BEFORE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,5})['’]s\s+(?:\d{4}\s+)?$")
_REPORT_NOUN = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:report|figures|data|tally|count|statement|analysis|database)", re.I
)


def noun_phrase(phrase: str) -> str:
    """A claimant span cut to its noun phrase: no leading adverb ("Earlier it" → "it"), no
    source words ("figures compiled by HRANA" → "HRANA"), the proper name of a described person
    ("the journalist Roya Ebrahimi" → "Roya Ebrahimi"); ``""`` when what is left ends in a
    determiner or verb ("raised its", "whose latest toll") or opens a question."""
    phrase = _LEAD_ADVERB.sub("", phrase.strip())
    phrase = _SOURCE_PREFIX.sub("", phrase)
    phrase = _clean(phrase)
    owner = _OWNERS_REPORT.match(phrase)
    if owner:
        phrase = owner.group(1)  # "IHR's 2023 annual report" → "IHR"
    # "a count by Hengaw of names confirmed by relatives": what was counted, not the name
    counted_thing = re.match(r"^(.*\b[A-Z][\w.-]*)\s+of\s+(?!the\b)[a-z].*$", phrase)
    if counted_thing:
        phrase = counted_thing.group(1)
    tail = _NAME_TAIL.match(phrase)
    if tail and not re.match(r"(?:the|a|an)\s+[A-Z]", phrase):
        phrase = tail.group(1).strip()
    if not phrase or _JUNK_END.search(phrase) or _WH_START.match(phrase):
        return ""
    if re.match(r"(?:its|their|his|her)\s+own\b", phrase, re.IGNORECASE):
        return ""  # "citing its own records": the claimant's own evidence, not another party
    if re.search(r"(?:^|\s)(?:خود|خویش)$", phrase):
        return ""  # «به نقل از منابع خود»: the same
    if re.fullmatch(r"[a-z]+(?:ed|ing)", phrase):
        return ""  # "it had received reports": a verb, not a claimant
    if re.match(r"(?:ماده|اصل|بند|تبصره|قانون|article|section|paragraph)(?:\s|$)", phrase, re.I):
        return ""  # «بر اساس ماده ۲۸۶ …», "under Article 286": a legal basis, not a source
    if phrase.casefold() in {"the", "a", "an", "its", "whose", "this", "that"}:
        return ""
    if re.fullmatch(r"(?:گزارش[\u200c ]?ها|خبرها|اخبار|شنیده[\u200c ]?ها)", phrase):
        return ""  # «گزارش‌ها حاکی است که …»: unnamed reports, no party
    if re.fullmatch(r"(?:داده|شده|کرده|است|داده\s+شده|شده\s+است)(?:\s+\S+)?", phrase):
        return ""
    return phrase


_TEMPORAL_TAIL = re.compile(
    r"(?:\s+|^)(?:late\s+|early\s+)?(?:on|in|at|last|this|earlier|during)\s+"
    r"(?:(?:a|an|its|their|his|her|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|"
    r"night|morning|evening|statement|report|interview|tweet|post|update|briefing|conference|"
    r"letter|\d{4}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s*$",
    re.IGNORECASE,
)


def _skip_parentheticals(sentence: str, end: int) -> int:
    """Before "X, citing Y, said" or "the report, released on …, also documented": the offset
    where X ends, skipping comma-set phrases that open with a lower-case word."""
    while True:
        before = sentence[:end].rstrip()
        if not before.endswith(","):
            return end
        comma = before.rfind(",", 0, len(before) - 1)
        segment = before[comma + 1 : -1].strip() if comma >= 0 else ""
        if (
            comma < 0
            or not segment
            or (segment[0].isupper() and not re.match(r"(?:Citing|Quoting|According)\b", segment))
        ):
            return len(before) - 1
        if _NAME_TAIL.match(segment) and not re.match(
            r"(?:citing|quoting|according|who|which|based)\b", segment
        ):
            return len(before) - 1  # "A fellow inmate, the writer Parviz Salehi, says"
        end = comma


_CALENDAR_WORD = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|today|yesterday)",
    re.IGNORECASE,
)


#: a person described by where they work, before the place: "a doctor at", "an official in"
_PERSON_AT = re.compile(
    r"(?:(?<=^)|(?<=\s))(?:(?:a|an|the|one)\s+)?(?:[\w-]+\s+)?(?:doctor|nurse|medic|physician|"
    r"surgeon|official|employee|worker|staff\s+member|resident|lawyer|source|guard)s?"
    r"\s+(?:at|in|from)\s+$",
    re.IGNORECASE,
)


def _np_before(sentence: str, end: int) -> tuple[str, int]:
    """The English noun phrase ending at ``end`` and its start offset ('' if none)."""
    tokens = list(_TOKEN.finditer(sentence, 0, end))
    kept: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        low = word.casefold()
        if len(kept) >= _MAX_TOKENS or (not word[0].isalnum() and word[0] not in "(/-'’"):
            break
        if word[0].isdigit() or word in ("-", "—", "–"):
            break  # "on 3 March 2023", "LONDON, 14:30 GMT -": a date or a dateline, not a name
        if low in _EN_STOP and not (low in _EN_INNER and kept and _capitalised(kept[-1].group())):
            break
        kept.append(tok)
        if low in ("they", "he", "she", "we") and len(kept) == 1:
            break  # "told Hengaw they had counted": the pronoun is the subject on its own
    kept.reverse()
    while kept and kept[0].group().casefold() in _EN_INNER - {"the"}:
        kept.pop(0)
    if not kept:
        return "", end
    start = kept[0].start()
    person = _PERSON_AT.search(sentence, 0, start)
    if person:  # "A doctor at a hospital in Sanandaj told AFP": the doctor speaks
        start = person.start()
    phrase = sentence[start : kept[-1].end()]
    # "Mehdi Karroubi, an opposition leader, said": prefer the name to the description
    bare = re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)
    if not _capitalised(bare):
        before = sentence[:start].rstrip()
        if before.endswith(","):
            name, name_start = _np_before(sentence, len(before) - 1)
            after_preposition = re.search(
                r"(?:^|\s)(?:in|on|at|by|since|from|until|during|after|before|to)\s+$",
                sentence[:name_start],
                re.IGNORECASE,
            )
            if (
                name
                and not after_preposition
                and not _CALENDAR_WORD.fullmatch(name)
                and not re.match(r"(?:citing|quoting|according)\b", name, re.IGNORECASE)
                and all(_capitalised(w) for w in name.split() if w.casefold() not in _EN_INNER)
            ):
                return name, name_start
    return phrase, start


def _np_after(sentence: str, start: int) -> str:
    """The noun phrase starting at ``start`` (either script), up to punctuation or a stop word."""
    kept: list[str] = []
    skip_to = start
    for tok in _TOKEN.finditer(sentence, start):
        if tok.start() < skip_to:
            continue
        word = tok.group()
        low = word.casefold()
        quoted = _GUILLEMET_NAME.match(sentence, tok.start()) if word == "«" else None
        if quoted and 0 < len(kept) <= 3 and _FA_NAMED_MEDIUM.search(" ".join(kept)):
            kept.append(quoted.group(1))  # «به نوشته صفحه اینستاگرامی «دانشجویان متحد»»
            skip_to = quoted.end()
            continue
        if not kept and word in _OPEN_QUOTE:
            continue  # «به نقل از «منابع معتبر»», 'citing "credible sources"'
        if len(kept) >= _MAX_TOKENS or (not word[0].isalnum() and word[0] not in "(/-'’"):
            break
        if word[0].isdigit():
            break
        if (low in _EN_STOP - {"and"} or low in _EN_AFTER_STOP) and kept:
            break
        if low == "by" and kept and _BY_MEANS.match(sentence, tok.end()):
            break  # "told AFP by phone"
        if low == "and" and not re.match(r"\s*[A-Z]", sentence[tok.end() :]):
            break
        if _is_fa(word) and (low in _FA_STOP or FA_VERB.match(sentence, tok.start())) and kept:
            break
        kept.append(word)
    return _clean(" ".join(kept))


def _fa_subject(sentence: str, verb_start: int) -> tuple[str, int]:
    """The Persian subject before a verb: the clause's first words, up to a stop word.

    When the last clause holds no name («محمود صادقی، نماینده مجلس، روز … اعلام کرد»), the
    earliest clause of the sentence that does is taken.
    """
    bounds = [0]
    # a dash opens a clause too: «ساعت ۱۴:۳۰ — هه‌نگاو اعلام کرد» (a live-blog timestamp)
    # «…، در حالی که هرانا این رقم را …»: a contrast opens the clause of a speaker of its own
    # (not the «و» of «صدا و سیما»)
    # not the «و» of a name: «صدا و سیما», «سیستان و بلوچستان», «کهگیلویه و بویراحمد»
    clause = (
        r"[،,؛;:]|\s[—–-]\s|(?<![\w\u200c])(?:اما|ولی|در\s+حالی\s+که|"
        r"(?<!صدا\s)(?<!سیستان\s)(?<!کهگیلویه\s)(?<!چهارمحال\s)و)\s"
    )
    contrast_at = -1
    for m in re.finditer(clause, sentence[:verb_start]):
        if m.group().startswith("و") and verb_start - m.end() > 60:
            continue
        bounds.append(m.end())
        contrast_at = m.start() if m.group().strip() in ("اما", "ولی") else -1
    name, first = _fa_name(sentence, bounds[-1], verb_start)
    if not name and contrast_at >= 0 and len(bounds) > 1:
        # «…؛ پلیس اما می‌گوید …»: the subject stands before the contrast word
        name, first = _fa_name(sentence, bounds[-2], contrast_at)
    for start in bounds[:-1] if not name else []:
        name, first = _fa_name(sentence, start, verb_start)
        if name:
            break
    return name, first


#: a channel, page or account named in guillemets after its kind: «کانال تلگرامی «۱۵۰۰ تصویر»»
_FA_NAMED_MEDIUM = re.compile(
    r"^(?:کانال|صفحه|حساب|سایت|وب[\u200c ]?سایت|روزنامه|نشریه|گروه|کمپین|شبکه|پیج|کانون|"
    r"سازمان|نهاد|مجموعه|جمعیت|انجمن|کمیته|مرکز|خبرگزاری)(?:\s|$)"
)  # «کانون حقوق بشری «دادبان»» too: the kind, then the name
_GUILLEMET_NAME = re.compile(r"«([^«»]{1,40})»")


def _fa_name(sentence: str, start: int, end: int) -> tuple[str, int]:
    kept: list[str] = []
    first = -1
    skip_to = start
    for tok in _TOKEN.finditer(sentence, start, end):
        if tok.start() < skip_to:
            continue
        word = tok.group()
        quoted = _GUILLEMET_NAME.match(sentence, tok.start()) if word == "«" else None
        if quoted and 0 < len(kept) <= 3 and _FA_NAMED_MEDIUM.search(" ".join(kept)):
            kept.append(quoted.group(1))  # the medium's name belongs to the claimant
            skip_to = quoted.end()
            continue
        one_of = word == "از" and bool(kept) and kept[-1] in ("یکی", "برخی", "شماری")
        # «یکی از بستگان …», «مادر یکی از جان‌باختگان …»
        if (word in _FA_STOP and not one_of) or word[0].isdigit() or not word[0].isalnum():
            break
        latin_name_goes_on = word.isascii() and bool(kept) and kept[-1].isascii()
        if len(kept) >= (10 if latin_name_goes_on else 6):
            break  # «نهاد حقوق بشری Kurdistan Human Rights Network (KHRN)»: the name in full
        if kept and word in ("این", "آن"):
            break  # «هرانا این رقم را … می‌داند»: a demonstrative opens the object
        if kept and word in _FA_NUMBER_WORDS and _FA_TIME_NOUN.match(sentence, tok.end()):
            break  # «مقام‌های ایرانی سه روز بعد …»: a time phrase, not «کارکنان دو بیمارستان»
        if FA_VERB.match(sentence, tok.start()):
            # «ایران‌وایر اعلام کرد که … را تأیید کرده است»: the first verb ends the name; one
            # that opens the clause («X، ارگان …، گزارش داد که …») leaves it to an earlier clause
            break
        if first < 0:
            first = tok.start()
        kept.append(word)
    return _clean(" ".join(kept)), first


_FA_INTERVIEW = re.compile(r"\s*در\s+(?:گفت[\u200c ]?و[\u200c ]?گو|مصاحبه)\s+(?:\S+\s+)?با\s+")
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


#: "a tally by the Paris-based opposition group, the National Council of Resistance of Iran
#: (NCRI)": a description, then the name it describes
_APPOSITIVE = re.compile(
    r"[^,.;]{2,80}?,\s*(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:of|for|the|and|in|on|[A-Z][\w'’.-]*))*"
    r"(?:\s+\([A-Z][\w-]*\))?)"
)


def _appositive_name(sentence: str, start: int, name: str) -> str:
    """``name``, or the proper name set off after it when ``name`` is a description (its last
    word in lower case: "group", "monitor")."""
    words = name.split()
    if not words or not words[-1][:1].islower() or _is_fa(name):
        return name
    m = _APPOSITIVE.match(sentence, start)
    if m and name.split()[-1] in m.group(0) and not _SUBJECT_GOES_ON.match(sentence, m.end()):
        return _clean(m.group(1))
    return name


#: "According to a person familiar with the case, the Supreme Court has upheld …": the name after
#: the comma opens the main clause; it is no appositive
_SUBJECT_GOES_ON = re.compile(r"\s+(?:has|have|had|is|was|are|were|will|would)\s")


_BEEN_BEFORE = re.compile(r"(?<![\w])(?:been|being)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
#: "The interior ministry's figure of 200 dead": the party whose figure it is
_POSSESSIVE_FIGURE = re.compile(
    r"(?:(?<=^)|(?<=\s))((?:[\w-]+\s+){0,4}?[\w-]+)['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:figure|toll|tally|count|estimate|number)s?\s+of\s+",
    re.IGNORECASE,
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

    for pattern, kind in ((EN_PASSIVE, "passive"), (EN_CITING, "citing"), (FA_CITING, "citing")):
        for m in pattern.finditer(sentence):
            name = noun_phrase(FA_PASSIVE_END.sub("", _np_after(sentence, m.end())))
            after = m.end() + len(name) + 40
            date = _date_in(dates, m.end(), after) if kind == "passive" else None
            att = Attribution(name, kind, m.start(), m.end(), date, anaphoric(name, m.end()))
            add(att, m.span())
    for m in _POSSESSIVE_FIGURE.finditer(sentence):
        name = noun_phrase(m.group(1))
        if name and not anaphoric(name):
            add(Attribution(name, "passive", m.start(1), m.end(1), None, False), m.span(1))
    for pattern in (EN_ACCORDING, FA_ACCORDING):
        for m in pattern.finditer(sentence):
            received = FA_RECEIVED.match(sentence, m.end())
            by = (received.group(1) or received.group(2)) if received else None
            found_name = by if by else _np_after(sentence, m.end())
            name = _appositive_name(sentence, m.end(), noun_phrase(found_name))
            whose = _WHOSE_COUNT.match(name)
            name = whose.group(1) if whose else name  # "by its count" → "its"
            att = Attribution(name, "according", m.start(), m.end(), None, anaphoric(name, m.end()))
            add(att, m.span())
    for m in EN_QUOTED.finditer(sentence):
        speaker, start = _np_before(sentence, len(sentence[: m.start()].rstrip()))
        speaker = noun_phrase(speaker)
        cited = noun_phrase(_np_after(sentence, m.end()))
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
        if re.match(r"\s+by\b", sentence[m.end() :]):
            continue
        if _BEEN_BEFORE.search(sentence, 0, m.start()):
            continue  # "the figure has been widely disputed": a passive, no speaker before it
        if any(s < m.start() < e for s, e in quoted):
            continue  # a verb inside a quotation is the speaker's, not an attribution
        _add_en_active(sentence, m, dates, add, anaphoric)
    for m in FA_VERB.finditer(sentence):
        if any(s < m.start() < e for s, e in quoted) and any(a.kind == "inner" for a in found):
            continue  # «… گفت: «پزشک به من گفت …»»: the inner verb belongs to the quote
        name, start = _fa_subject(sentence, m.start())
        name = noun_phrase(name)
        if not name:
            continue
        between = sentence[start + len(name) : m.start()]
        # «X که نخواست … به Y گفت», «X در زاهدان در گفت‌وگوی تلفنی به Y گفت»
        # «یکی از بستگان این زندانی که … به Y گفت»: the name's last words, then the clause
        relative = re.match(
            r"\s*(?:[^\s،,«»]+\s+){0,2}?(?:که\s|در\s)[^،,«»]{0,60}?\s(?=به\s)", between
        )
        talk = _FA_INTERVIEW.match(between)
        told = _told_media(sentence, start + len(name) + talk.end()) if talk else None
        if told and resolve_claimant(told) is None:
            told = None  # an interview with a named outlet only: not «در گفت‌وگو با صداوسیما»
        if told:  # «X در گفت‌وگو با بی‌بی‌سی فارسی گفت»: like «X به بی‌بی‌سی فارسی گفت»
            add(Attribution(told, "active", start, m.end(), None, False), m.span())
            add(
                Attribution(name, "citing", m.end(), m.end(), None, anaphoric(name)), (m.end(),) * 2
            )
            continue
        if relative or re.match(r"\s*(?:(?:اما|ولی|نیز|هم)\s+)?به\s+", between):
            at = start + len(name) + (relative.end() if relative else 0)
            told = _told_media(sentence, sentence.index("به ", at) + 3)
            if told:  # «X به رویترز گفت»
                add(Attribution(told, "active", start, m.end(), None, False), m.span())
                att = Attribution(name, "citing", m.end(), m.end(), None, anaphoric(name))
                add(att, (m.end(), m.end()))
                continue
        date = _date_in(dates, start + len(name), m.start())
        add(Attribution(name, "active", start, m.end(), date, anaphoric(name)), m.span())
    return sorted(_passive_sources(found), key=lambda a: a.start)


_SOURCE_WORDS = re.compile(
    r"^(?:[\w-]+\s+)?(?:figures|data|statistics|numbers|tallies|tally|estimates|count|records|"
    r"documents)$",
    re.IGNORECASE,
)


#: "documents seen by Reuters", "hospital records obtained by IranWire": the outlet reports
#: what the records say
_SEEN_BY = re.compile(
    r"^((?:[\w-]+\s+){0,2}(?:records|documents|files|data|logs|lists?|papers|certificates))\s+"
    r"(?:seen|obtained|reviewed|examined)\s+by\s+(.+)$",
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
        name = noun_phrase(_np_after(sentence, m.end()))
        date = _date_in(dates, m.end() + len(name), len(sentence))
        add(Attribution(name, "inverted", m.start(), m.end(), date, anaphoric(name)), m.span())
        return
    end = _skip_parentheticals(sentence, len(sentence[: m.start()].rstrip()))
    end = aside.start() if aside else end
    relative = _WHO_CLAUSE.search(sentence, 0, end)
    if relative:  # "A senior official who spoke on condition of anonymity told Reuters"
        end = relative.start()
    temporal = _TEMPORAL_TAIL.search(sentence[:end])
    if temporal:  # "Amnesty International on Tuesday said"
        end = temporal.start()
    name, start = _np_before(sentence, end)
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
        told = _told_media(sentence, m.end())
    elif speaking:  # "A lawmaker, speaking to the ILNA news agency, put the number at 118"
        told = _told_media(sentence, speaking.start(1))
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


#: a broadcaster or news outlet named by its kind rather than its name: "told state TV",
#: "told local media", «به تلویزیون دولتی گفت», «به خبرگزاری‌های داخلی گفت»
_OUTLET_NOUN = re.compile(
    r"(?:(?:state|state-run|national|local|provincial|official|semi-official|Iranian|"
    r"pro-government|government-run)\s+)+(?:TV|television|radio|media|broadcaster|news\s+agency|"
    r"news\s+agencies|newspapers?)"
    r"|صدا\s*و\s*سیما(?:ی\s+\S+)?|صداوسیما"
    r"|(?:تلویزیون|رادیو|شبکه|خبرگزاری|روزنامه|رسانه)(?:[\u200c ]?(?:ها|های))?"
    r"(?:\s+(?:دولتی|رسمی|داخلی|محلی|استانی|سراسری|حکومتی|ایران|خبر))+",
    re.IGNORECASE,
)


_TOLD_QUOTED = re.compile(r"\s*«([^«»]{2,40})»\s*(?=گفت|اظهار|توضیح)")


def _told_media(sentence: str, end: int) -> str | None:
    """The news organisation after "told" ("told Reuters that"), when it is one: a registry
    entry of kind ``media`` or ``ngo`` (rights groups' news services: "told Kurdpa", "told
    HRANA") or an outlet named by its kind ("state TV"); "told reporters" is not."""
    quoted = _TOLD_QUOTED.match(sentence, end)
    if quoted:  # «منابع محلی به «حال‌وش» گفتند»: an outlet's name in guillemets
        return quoted.group(1).strip()
    target = _np_after(sentence, end)
    entry = resolve_claimant(target) if target else None
    if entry and claimant_entry(entry).kind in ("media", "ngo"):
        return target
    if target and _OUTLET_NOUN.fullmatch(target):
        return target
    return None
