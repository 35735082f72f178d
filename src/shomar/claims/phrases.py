"""Where a claimant phrase starts and ends: cutting a span of a sentence to a noun phrase.

:func:`noun_phrase` cleans a claimant span: no leading adverb ("Earlier it"), no source words
("figures compiled by HRANA" → "HRANA"), the proper name of a described person, and nothing that
ends in a determiner or verb. :func:`np_before` reads the English noun phrase that ends where a
reporting verb starts (preferring an appositive name to a description: "Mehdi Karroubi, an
opposition leader, said"), :func:`np_after` the phrase (either script) that follows a cue such as
"according to" or «به نقل از», up to punctuation or a stop word; :func:`skip_parentheticals`
steps back over comma-set phrases between a subject and its verb ("X, citing Y, said") and
:func:`appositive_name` takes the name set off after a description ("a tally by the Paris-based
opposition group, the National Council of Resistance of Iran"). The token pattern and stop words
are shared with :mod:`~shomar.claims.persian_subject`.
"""

from __future__ import annotations

import re

from shomar.claims.cues import FA_VERB

__all__ = [
    "FA_NAMED_MEDIUM",
    "FA_STOP",
    "GUILLEMET_NAME",
    "TOKEN",
    "appositive_name",
    "clean_phrase",
    "noun_phrase",
    "np_after",
    "np_before",
    "skip_parentheticals",
]


TOKEN = re.compile(r"\([^()]*\)|[\w\u200c'’.\-]+|[^\s\w]")
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
    # "a video verified by BBC Persian shows …": the verb after the name
    "shows", "show", "showed", "suggests", "indicates",
}  # fmt: skip
_BY_MEANS = re.compile(r"\s+(?:tele)?phone|\s+e-?mail|\s+text|\s+video\s+link", re.IGNORECASE)
_EN_INNER = {"of", "for", "the", "and", "de", "on", "at", "in", "from", "al", "'s", "’s", "/", "-"}
FA_STOP = {
    "در", "روز", "با", "به", "شمار", "تعداد", "نام", "که", "طی", "پس", "بر", "امروز", "دیروز",
    "امشب", "دیشب", "امسال", "ابتدا", "بعدا", "بعداً", "نخست", "آمده",
    "نیز", "هم", "را", "از", "شب", "تنها", "فقط",
    "صبح", "عصر", "شامگاه", "بامداد", "اخیرا", "اخیراً", "سپس", "همچنین", "پیشتر", "پیش‌تر",
    "اما", "ولی", "رقم", "ارقام", "اکنون", "تاکنون", "هنوز", "همچنان", "هم‌اکنون", "اینک",
    # an event noun ends the subject: «خبرگزاری هرانا مرگ ۱۳۴ زندانی را تأیید کرد»
    "مرگ", "اعدام", "اجرای", "حکم", "احکام", "شکنجه", "بازداشت", "دستگیری", "کشته", "کشتار",
    "هویت", "اسامی",
    "دست‌کم", "حداقل",  # a qualifier opens the object: «…، دست‌کم ۶ جسد را … نشان می‌دهد»
    "خبر",  # «فرمانده انتظامی خبر کشته شدن ۹۰ نفر را رد کرد»: the news denied, not the name
    # «آمار منتشرشده از سوی X درباره …»: what the figure is about
    "درباره", "دربارهٔ", "پیرامون",
}  # fmt: skip
_MAX_TOKENS = 16
_OPEN_QUOTE = {"«", '"', "“", "‘"}


def _is_fa(text: str) -> bool:
    return bool(re.search(r"[\u0600-\u06ff]", text))


def clean_phrase(phrase: str) -> str:
    phrase = phrase.strip(" ,،;:\"“”'’")
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    if not re.search(r"(?:^|\s)(?:[A-Z]\.){2,}$", phrase):
        phrase = re.sub(r"\.$", "", phrase)  # a full stop ("HRANA."), not "U.N."
    return re.sub(r"\s+", " ", phrase)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word.startswith("(")


_LEAD_ADVERB = re.compile(
    r"^(?:(?:earlier|separately|later|meanwhile|also|however|now|previously|then|instead|that|"
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


def noun_phrase(phrase: str) -> str:
    """A claimant span cut to its noun phrase: no leading adverb ("Earlier it" → "it"), no
    source words ("figures compiled by HRANA" → "HRANA"), the proper name of a described person
    ("the journalist Roya Ebrahimi" → "Roya Ebrahimi"); ``""`` when what is left ends in a
    determiner or verb ("raised its", "whose latest toll") or opens a question."""
    phrase = _LEAD_ADVERB.sub("", phrase.strip())
    phrase = _SOURCE_PREFIX.sub("", phrase)
    phrase = clean_phrase(phrase)
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


def skip_parentheticals(sentence: str, end: int) -> int:
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


def np_before(sentence: str, end: int) -> tuple[str, int]:
    """The English noun phrase ending at ``end`` and its start offset ('' if none)."""
    tokens = list(TOKEN.finditer(sentence, 0, end))
    kept: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        low = word.casefold()
        if len(kept) >= _MAX_TOKENS or (not word[0].isalnum() and word[0] not in "(/-'’"):
            break
        if word[0].isdigit() or word in ("-", "—", "–"):
            break  # "on 3 March 2023", "LONDON, 14:30 GMT -": a date or a dateline, not a name
        close_to = low == "to" and re.search(
            r"(?:close|closer|linked)\s*$", sentence[: tok.start()]
        )
        if close_to and kept:
            kept.append(tok)  # "a source close to the families said": one description
            continue
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
            name, name_start = np_before(sentence, len(before) - 1)
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


def np_after(sentence: str, start: int) -> str:
    """The noun phrase starting at ``start`` (either script), up to punctuation or a stop word."""
    kept: list[str] = []
    skip_to = start
    for tok in TOKEN.finditer(sentence, start):
        if tok.start() < skip_to:
            continue
        word = tok.group()
        low = word.casefold()
        quoted = GUILLEMET_NAME.match(sentence, tok.start()) if word == "«" else None
        if quoted and 0 < len(kept) <= 3 and FA_NAMED_MEDIUM.search(" ".join(kept)):
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
        if _is_fa(word) and (low in FA_STOP or FA_VERB.match(sentence, tok.start())) and kept:
            break
        kept.append(word)
    return clean_phrase(" ".join(kept))


#: a channel, page or account named in guillemets after its kind: «کانال تلگرامی «۱۵۰۰ تصویر»»
FA_NAMED_MEDIUM = re.compile(
    r"^(?:کانال|صفحه|حساب|سایت|وب[\u200c ]?سایت|روزنامه|نشریه|گروه|کمپین|شبکه|پیج|کانون|"
    r"سازمان|نهاد|مجموعه|جمعیت|انجمن|کمیته|مرکز|خبرگزاری)(?:\s|$)"
)  # «کانون حقوق بشری «دادبان»» too: the kind, then the name
GUILLEMET_NAME = re.compile(r"«([^«»]{1,40})»")


#: "a tally by the Paris-based opposition group, the National Council of Resistance of Iran
#: (NCRI)": a description, then the name it describes
_APPOSITIVE = re.compile(
    r"[^,.;]{2,80}?,\s*(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:of|for|the|and|in|on|[A-Z][\w'’.-]*))*"
    r"(?:\s+\([A-Z][\w-]*\))?)"
)


def appositive_name(sentence: str, start: int, name: str) -> str:
    """``name``, or the proper name set off after it when ``name`` is a description (its last
    word in lower case: "group", "monitor")."""
    words = name.split()
    if not words or not words[-1][:1].islower() or _is_fa(name):
        return name
    m = _APPOSITIVE.match(sentence, start)
    if m and name.split()[-1] in m.group(0) and not _SUBJECT_GOES_ON.match(sentence, m.end()):
        return clean_phrase(m.group(1))
    return name


#: "According to a person familiar with the case, the Supreme Court has upheld …": the name after
#: the comma opens the main clause; it is no appositive
_SUBJECT_GOES_ON = re.compile(r"\s+(?:has|have|had|is|was|are|were|will|would)\s")
