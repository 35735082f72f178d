"""Numbers that are not head counts: years, dates, ages, percentages, money, pages, units,
footnote markers, fractions and counts of sources ("three officials", "five organizations").

:func:`non_count_reason` looks at the words around a :class:`~shomar.claims.quantity.QuantityMatch`
in the folded text and says why it is not a count of people, or returns ``None``. Each rule is
one regular expression on the words just before or just after the number, so a reviewer can
read why a number was skipped.
"""

from __future__ import annotations

import re

from shomar.claims.dates import EN_MONTHS, FA_GREGORIAN_MONTHS, JALALI_MONTHS
from shomar.claims.lexicon import PEOPLE_AFTER_RE
from shomar.claims.quantity import QuantityMatch

__all__ = ["non_count_reason"]

_MONTHS = "|".join(
    sorted([*EN_MONTHS, *JALALI_MONTHS, *FA_GREGORIAN_MONTHS], key=len, reverse=True)
)
_NB = r"(?![\w])"

_SOURCE_NOUNS = (
    r"officials?|sources?|organi[sz]ations?|groups?|agencies|ngos|witnesses|diplomats|reports?|"
    r"lawmakers|legislators|activists\s+told|journalists\s+told|countries|states|governments|"
    r"experts|rapporteurs|statements?|منبع|منابع|مقام|مقامات|سازمان|گروه|گزارش|نهاد|کشور|شاهد"
)
_BEFORE_RULES = [
    ("footnote", re.compile(r"\[\s*$")),
    (
        "people interviewed",
        re.compile(
            r"(?<![\w])(?:interviewed|spoke\s+(?:to|with)|met(?:\s+with)?|heard\s+from|surveyed|"
            r"consulted|با)\s+(?:more\s+than\s+|over\s+|at\s+least\s+|some\s+|about\s+)?$",
            re.I,
        ),
    ),
    ("fraction", re.compile(r"(?<![\w])(?:one|two|three|\d+)\s+(?:in|out\s+of)\s+$", re.I)),
    # «به گفته یک فعال محلی», "according to two witnesses": the sources, not those counted
    ("count of sources", re.compile(r"(?:به\s+گفته|به\s+نقل\s+از|according\s+to)\s+$", re.I)),
    # a lawyer's clients, not victims: "had represented 15 political prisoners", «وکالت ۱۵ زندانی»
    (
        "clients",
        re.compile(
            r"(?<![\w])(?:represented|defended|representing|defending)\s+(?:more\s+than\s+|over\s+|"
            r"some\s+|about\s+)?$|(?<![\w\u200c])وکالت\s+(?:بیش\s+از\s+|حدود\s+)?$",
            re.I,
        ),
    ),
    (
        "age",
        re.compile(
            r"(?<![\w])(?:as\s+young\s+as|as\s+old\s+as|under(?:\s+the\s+age\s+of)?|زیر)\s+$", re.I
        ),
    ),
    ("label", re.compile(r"[A-Za-z]-?$")),  # COVID-19, PS752, F-14
    ("time", re.compile(r"\d:$")),
    (
        "label",
        re.compile(
            r"(?<![\w])(?:Ward|Section|Article|Room|Block|Hall|Unit|Case|Resolution|Flight|Law|"
            r"Bill|Chapter|Paragraph|Clause|Line|Route|Highway|Item|No\.?|Number|#|بند|ماده|اصل|"
            r"بخش|اندرزگاه|سالن|بند\s+شماره|شماره)\s*$"
        ),
    ),
    ("money", re.compile(r"(?:[$€£﷼]|US\$|USD|EUR|IRR)\s*$", re.I)),
    ("page", re.compile(r"(?<![\w])(?:page|pages|p\.|pp\.|صفحه(?:\s+های)?|ص\.)\s*$", re.I)),
    (
        "age",
        re.compile(
            r"(?<![\w])(?:aged|age|ages|aged\s+between|سن|سنین)\s+(?:between\s+)?"
            r"(?:\d+\s*[,،]\s*)*(?:\d+\s*(?:and|و)\s*)?$",
            re.I,
        ),
    ),
    ("date", re.compile(rf"(?<![\w])(?:{_MONTHS})\.?\s+$", re.I)),
    (
        "year",
        re.compile(
            r"(?<![\w\u200c])(?:in|since|until|by|of|from|year|سال|سال‌های|تابستان|پاییز|زمستان|"
            r"بهار|انتخابات|اعتراضات|دهه)\s+$",
            re.I,
        ),
    ),
]
_SHORT_YEAR_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:کشتار|قتل[\u200c ]?عام|سال|سال‌های|تابستان|پاییز|زمستان|بهار|دهه|"
    rf"انتخابات|اعتراضات|{_MONTHS})\s+$"
)
_AFTER_RULES = [
    ("footnote", re.compile(r"^\s*\]")),
    (
        "fraction",
        re.compile(
            r"^(?:[\s-]+(?:quarters?|thirds?|halves|fifths?|tenths?)|"
            r"\s+in\s+(?:(?!(?:1[34]|19|20)\d\d(?!\d))\d|ten\b|every))",  # not "834 in 2023"
            re.I,
        ),
    ),
    ("page", re.compile(r"^-(?:page|minute|hour|day|year|month|week|point|member)s?\b", re.I)),
    (
        "count of sources",
        re.compile(
            # not «۱۹ زخمی گزارش کرده بود»: a counted word, then a verb of reporting
            # (nor "92 while official media reported 19": a conjunction opens another clause)
            rf"^\s+(?:(?!نفر|تن\b|people|persons|زخمی|کشته|مجروح|مصدوم|(?:while|whereas|but|and|as)\b)"
            rf"[\w-]+\s+)?"
            rf"(?:{_SOURCE_NOUNS})(?![\w\u200c])",
            re.I,
        ),
    ),
    (
        "part of a unit",
        re.compile(
            r"^\s+of\s+(?:\w+'s|the|its|their)\s+(?:\d+\s+)?(?:provinces|cities|towns|counties|prisons|استان)",
            re.I,
        ),
    ),
    ("time", re.compile(r"^:\d\d")),
    ("percentage", re.compile(r"^\s*(?:%|٪|percent|per\s*cent|درصد)", re.I)),
    (
        "money",
        re.compile(
            r"^\s*(?:dollars?|euros?|pounds?|rials?|tomans?|usd|eur|تومان|ریال|دلار|یورو)" + _NB,
            re.I,
        ),
    ),
    ("age", re.compile(r"^(?:\s*|-)(?:years?|yrs?)[\s-]+old|^\s*(?:ساله|سالگی|سال\s+سن)", re.I)),
    # the first items of a list of ages: "aged 22, 26 and 33", «۲۲، ۲۶ و ۳۳ ساله»
    (
        "age",
        re.compile(r"^(?:\s*[,،]\s*\d+)*\s*(?:[,،]|and|و)\s*\d+\s*(?:ساله|years?[\s-]+old)", re.I),
    ),
    ("page", re.compile(r"^\s*(?:pages|صفحه)" + _NB, re.I)),
    ("date", re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})(?![\w])", re.I)),
    ("date", re.compile(r"^(?:st|nd|rd|th)" + _NB, re.I)),
    (
        "unit",
        re.compile(
            # "20 Kurdish towns": a place noun after a proper adjective too
            r"^(?:\s+|-)(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]+\s+(?=(?:cities|towns|provinces|villages|"
            r"districts|universities|schools|prisons)\b))?(?:years?|months?|weeks?|days?|hours?|"
            r"minutes?|"
            r"nights?|times|degrees|km|kilomet(?:er|re)s?|miles|lashes|cities|towns|provinces|copies|"
            r"votes|pages|seats|universities|schools|villages|districts|neighbou?rhoods|campuses|"
            r"locations|sites|items|documents|videos|photos|photographs|interviews|prisons|"
            r"دانشگاه|شهرستان|روستا|مدرسه|سال|ماه|هفته|روز|شب|شبانه[\u200c ]?روز|ساعت|دقیقه|بار|"
            r"کیلومتر|ضربه|شهر|استان|"
            # classifiers of things: «۱۲ قبضه سلاح», «۳ دستگاه خودرو», «۵ کیلوگرم»
            r"قبضه|دستگاه|فروند|کیلو(?:گرم)?|تن\s+(?:مواد|کالا)|فقره|"
            r"نسخه|رأی|رای|درجه)(?![\w])",
            re.I,
        ),
    ),
    ("number of a kind", re.compile(r"^\s+of\s+(?:the|them|those|these|its|his|her)\b", re.I)),
]


#: «از کشته شدن یک مأمور», "the death of one officer": "one" counts the person it names
_EVENT_NOUN_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:کشته\s+شدن|مرگ|اعدام|بازداشت|دستگیری)\s+$|"
    r"(?<![\w])(?:killing|death|execution|arrest)\s+of\s+$",
    re.I,
)

#: "only one prisoner had died": "one" before a singular noun for a person counts that person
#: (the plural nouns of ``PEOPLE_AFTER_RE`` do not follow "one")
_ONE_PERSON = re.compile(
    r"\s*(?:[a-z-]+\s+)?(?:person|protester|protestor|demonstrator|prisoner|detainee|"
    r"individual|civilian|man|woman|child|teenager|boy|girl|student|activist|journalist|"
    r"worker|inmate|officer|guard|soldier|policeman|mourner)(?![\w])|"
    # «یک کولبر دیگر زخمی شد»
    r"\s*(?:کولبر|سوخت[\u200c ]?بر|شهروند|نوجوان|مامور|مأمور|سرباز|معلم|کارگر|خبرنگار|پناهجو|"
    r"مهاجر)(?![\w\u200c])",
    re.I,
)
#: "eight … in Baluchistan, two in Kurdistan and one in Tehran": "one" as the last item of a list
_ONE_IN_LIST = re.compile(r"^\s+(?:in|at|from)\s+[A-Z]")
_LIST_BEFORE = re.compile(r"(?:,|(?<![\w])and)\s*$")
#: "The youngest of the 9 children killed was 11": an age, however far the word is
_YOUNGEST = re.compile(
    r"(?<![\w])(?:youngest|oldest)(?![\w])[^.;]{0,70}?(?<![\w])(?:was|were|is)\s+"
    r"(?:just\s+|only\s+|aged\s+)?$",
    re.I,
)


def _is_year(value: int | None) -> bool:
    return value is not None and (1300 <= value <= 1420 or 1900 <= value <= 2100)


def non_count_reason(folded: str, match: QuantityMatch) -> str | None:
    """Why the number at ``match`` is not a head count (``"year"``, ``"age"``…), else ``None``."""
    before = folded[max(0, match.start - 30) : match.start]
    after = folded[match.number_end : match.number_end + 40]
    raw = folded[match.number_start : match.number_end]
    quantity = match.quantity
    people_follow = PEOPLE_AFTER_RE.match(after) is not None
    if re.match(r"[A-Za-z_]{3,}", after) and not re.match(r"(?:st|nd|rd|th)\b", after):
        return "name"  # «کانال تلگرامی 1500tasvir»: digits that open a name written in Latin
    if _YOUNGEST.search(folded[max(0, match.start - 90) : match.start]) and not people_follow:
        return "age"
    for reason, pattern in _AFTER_RULES:
        if pattern.search(after):
            if reason == "number of a kind" and quantity.value != 1:
                continue
            return reason
    for reason, pattern in _BEFORE_RULES:
        if reason == "year" and not _is_year(quantity.value):
            continue
        largest = quantity.value if quantity.value is not None else quantity.upper
        if reason == "age" and (largest is None or largest >= 120):
            continue  # "under 1,000 people" is a bound, not an age ("aged between 25 and 40" is)
        if reason == "date" and people_follow:
            continue  # «در شهریور ۶ نفر»: a month, then a head count
        if reason == "date" and match.start < match.number_start:
            continue  # "since January has passed 500": a qualifier stands between month and number
        if pattern.search(before) and not (reason == "year" and people_follow):
            return reason
    four_digits = re.fullmatch(r"\d{4}", raw) is not None
    years = _is_year(quantity.lower) and _is_year(quantity.upper)
    year_span = re.fullmatch(r"\d{4}\s*\S{1,3}\s*\d{4}", raw) is not None
    if quantity.qualifier == "range" and years and year_span and not people_follow:
        return "year"  # "from 2019 to 2022"
    exact = quantity.qualifier == "exact"
    if exact and four_digits and _is_year(quantity.value) and not people_follow:
        return "year"
    if exact and re.fullmatch(r"\d{2}", raw) and _SHORT_YEAR_BEFORE.search(before):
        return "year"  # «تابستان ۶۷», «آبان ۹۸»
    if (
        quantity.value == 1
        and not raw[:1].isdigit()
        and not people_follow
        and not _ONE_PERSON.match(after)
        and not (_ONE_IN_LIST.match(after) and _LIST_BEFORE.search(before))
        and not _EVENT_NOUN_BEFORE.search(before)
    ):
        return "one as a word"  # "one of", «یک منبع»: an article, not a count
    if _is_apposed_age(folded, match):
        return "age"
    if (
        quantity.qualifier == "exact"
        and re.fullmatch(r"\d{2}", raw)
        and re.search(rf"(?:{_MONTHS})\s+$", before)
    ):
        return "year"
    return None


def _is_apposed_age(folded: str, match: QuantityMatch) -> bool:
    """``Amini, 22, died``: a small number set off by commas right after a name."""
    value = match.quantity.value
    if value is None or value >= 120 or match.quantity.qualifier != "exact":
        return False
    before = folded[max(0, match.start - 30) : match.start]
    after = folded[match.end : match.end + 3]
    return bool(re.search(r"[A-Z\u0600-\u06ff][\w\u200c]*\s*[,،]\s*$", before)) and bool(
        re.match(r"\s*[,،]", after)
    )
