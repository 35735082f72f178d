"""Words that tell what a number counts, in English and Persian.

Each counted category has two lists of patterns:

``after``
    forms that follow the number and state what happened to the people counted: participles
    and nouns ("1,500 protesters *were killed*", "304 *deaths*", «۳۰۴ نفر *کشته شدند*»).
``before``
    forms that precede the number: active verbs, gerunds and "toll of" nouns ("*killing* 1,500",
    "the *death toll of* 1500", "the *1988 massacre of* 30,000", «شمار *اعدام‌شدگان* را ۸۵۳»).

``weak``
    nouns naming the people counted rather than what happened to them ("504 *victims*",
    "3,000 *detainees*", «۲۰۰ *زندانی سیاسی*»); used only when no ``after`` or ``before`` form
    applies.

Gerunds are ``before`` forms only: in "killing 1,500 protesters and arresting many more" the
gerund after the number ("arresting") starts a new predicate about other people.

Categories (stable values of ``ClaimCandidate.counted``): ``killed`` (death in custody
included), ``executed``, ``sentenced_to_death``, ``arrested``, ``detained``, ``disappeared``,
``injured``, ``tortured``.
"""

from __future__ import annotations

import re

__all__ = [
    "COUNTED_AFTER",
    "COUNTED_BEFORE",
    "COUNTED_CATEGORIES",
    "COUNTED_WEAK",
    "PEOPLE_AFTER_RE",
]

COUNTED_CATEGORIES = (
    "killed",
    "executed",
    "sentenced_to_death",
    "arrested",
    "detained",
    "disappeared",
    "injured",
    "tortured",
)

_Z = r"[\u200c ]?"  # Persian words are written with a ZWNJ, a space or nothing between parts
_FA_BE = rf"(?:\s*(?:شد|شده|گردید|گشت)(?:ه|ند|{_Z}اند|{_Z}است|{_Z}بودند)?)"

_AFTER: dict[str, list[str]] = {
    "sentenced_to_death": [
        r"(?:were|was|been|being)\s+sentenced\s+to\s+death",
        # «۵ نفر را به اعدام و ۱۱ نفر دیگر را به حبس محکوم کرد»: the verb comes after the list
        r"را\s+به\s+اعدام(?=\s*$|\s+(?:و(?:\s|$)|محکوم))",
        r"death\s+sentences",
        r"(?:به\s+)?(?:حکم\s+)?اعدام\s+محکوم",
        r"محکوم\s+به\s+اعدام",
        r"sentenced\s+to\s+death",
        r"(?:حکم|احکام)\s+(?:به\s+)?اعدام",
    ],
    "executed": [
        r"executed",
        r"(?<!mock\s)executions",  # "subjected to mock executions" is torture, not a hanging
        r"hanged",
        r"hangings",  # "12 more hangings in the past week"
        r"put\s+to\s+death",
        r"(?:were|was)\s+hanged",
        rf"اعدام{_Z}(?:شد|شده|شدگان|ها)",
        r"اعدام\b",
        r"به\s+دار\s+(?:مجازات\s+)?آویخته",  # «به دار مجازات آویخته شدند»
    ],
    "killed": [
        r"killed",
        r"died",
        r"dead",
        r"deaths",
        r"killings",  # "82 killings in Zahedan"
        r"lost\s+their\s+lives",
        r"succumbed",  # "3 succumbed to their wounds": died, not injured
        r"shot\s+dead",
        # "Another two froze to death", "beaten to death in custody"
        r"(?:froze|frozen|beaten|stoned|burned|burnt|crushed|starved|tortured)\s+to\s+death",
        r"murdered",
        r"massacred",
        r"martyred",  # state media: "46 security personnel martyred" are killed
        r"slain",
        r"fatalities",
        r"deceased",
        r"bodies",
        r"(?:new\s+|fresh\s+)?graves",  # "We counted 27 new graves": the dead buried there
        rf"کشته{_FA_BE}?",
        # «جان‌باخته» with a ZWNJ as well as «جان باختند»
        rf"جان{_Z}(?:(?:خود|خویش)\s+را\s+از\s+دست\s+(?:دادند|داده{_Z}اند|داده|داد)|"
        rf"باختند|باخته{_Z}اند|باخته|باخت)",
        r"کشته",
        r"(?:را\s+)?کشتند",
        r"به\s+قتل\s+(?:رسیدند|رسیده|رساندند|رسید)",
        rf"به\s+شهادت\s+(?:رسیدند|رسیده{_Z}اند|رسیده|رسید)",  # «۴۶ مأمور به شهادت رسیدند»
        rf"درگذشت(?:ند|ه{_Z}اند)?",
        rf"قربانی{_FA_BE}",
        r"جسد|اجساد",
        r"مورد\s+(?:مرگ|قتل)",  # «۳۰۵ مورد مرگ»: cases of death
        rf"(?:را\s+)?(?:به\s+خاک\s+(?:سپرد|سپرده)|دفن\s+(?:کرد|کرده|شد|شده))(?:یم|ند|{_Z}ایم|{_Z}اند)?",
    ],
    "disappeared": [
        r"(?:forcibly\s+)?disappeared",
        r"missing",
        r"held\s+incommunicado",  # "73 cases in which detainees were held incommunicado"
        rf"ناپدید{_Z}(?:شدگان|شده|شدند)",
        r"مفقود",
    ],
    "injured": [
        r"injured",
        r"wounded",
        r"hurt",
        r"injuries",
        r"wounds",  # "treated 60 people for birdshot wounds"
        r"blinded",
        r"lost\s+(?:an|one|both|their)\s+eyes?|lost\s+(?:the\s+)?sight",
        rf"(?:نابینا|کور){_FA_BE}",
        r"زخمی",
        r"مجروح",
        r"جراحت",  # «۶۰ نفر را به دلیل جراحت … درمان کرده‌اند»
        # «۸۰ معترض … از ناحیه چشم آسیب دیده‌اند»: hurt in a part of the body
        rf"از\s+ناحیه\s+(?:[\w\u200c]+\s+){{1,2}}?آسیب\s+(?:دیدند|دیده{_Z}اند|دیده|دید)",
        # «۷۰ نفر را به دلیل آسیب چشمی … درمان کرده‌اند»: a hurt of the body
        r"آسیب\s+(?:چشمی|جسمی|جدی|شدید)",
        r"مصدوم",
    ],
    "tortured": [
        r"tortured",
        r"cases\s+of\s+torture",
        r"مورد\s+شکنجه",  # «۸۵ مورد شکنجه»: cases of torture
        rf"شکنجه{_FA_BE}",
        # «۴۰ کودک را … شکنجه کرده‌اند»: an active verb after the object
        rf"شکنجه\s+(?:کردند|کرده{_Z}اند|کرده{_Z}است|کرده|نمودند|می{_Z}کنند)",
    ],
    "arrested": [
        r"arrested",
        r"arrests",
        r"rounded\s+up",
        r"taken\s+into\s+custody",
        r"(?:were|was|been|being)\s+taken\s+away",  # "12 were taken away by plainclothes agents"
        rf"بازداشت{_FA_BE}",
        # «پلیس ۵ نفر را بازداشت کرد»: a singular subject («کرد») as well as a plural one
        rf"(?:را\s+)?(?:بازداشت|دستگیر)\s+(?:کردند|کرده{_Z}اند|کرده|نمودند|کرد|نمود)(?![\w\u200c])",
        # «بیش از ۶۰ نفر از ما را بردند»: taken away («را به بیمارستان بردند» is no arrest)
        # «۷۰ نفر را به بازداشتگاه بردند»: taken to a place of detention
        r"را\s+(?:با\s+خود\s+|به\s+(?:بازداشتگاه|زندان|کلانتری|اداره\s+اطلاعات|مکان\s+نامعلومی)"
        r"(?:[\u200c ]?(?:ها|های))?(?:\s+[\w\u200c]+)?\s+)?"
        rf"(?:بردند|برده{_Z}اند)(?=\s*[.،؛!»]|\s*$)",
        rf"دستگیر{_FA_BE}?",
        rf"بازداشت{_Z}شدگان",
        rf"بازداشت{_Z}شده",  # «۳۸ معلم بازداشت‌شده»
        # «رقم ۴۰۰ بازداشتی که X اعلام کرده بود», «۴۸۸ کشته، ۱۸۲۵۹ بازداشتی.»: detainees
        r"بازداشتی(?=\s+که\s)",
        # «۲۰۰ نفر بازداشت و ۲۰ نفر زخمی شدند», «۶۵ فعال بازداشت، ۱۲ نفر …»: verb elided
        r"(?:بازداشت|دستگیر)(?=\s+و\s|\s*[،,]\s*(?:$|[\d۰-۹]))",
        r"بازداشت(?=\s+(?:سیاسی|خودسرانه)\s*[.،]?\s*$)",  # «…، ۲۰۳۱ بازداشت سیاسی» closing a list
        r"مورد\s+(?:بازداشت|دستگیری)",  # «۸۹ مورد بازداشت»: cases of arrest
    ],
    "detained": [
        r"detained",
        r"jailed",
        r"imprisoned",
        r"(?:in|into)\s+(?:detention|prison|jail|custody)",  # "remain in custody"
        # "11 remain in Evin prison" (not "16 cases in Evin prison": a place, not a detention)
        r"(?:remain(?:s|ed)?|still|held|kept)\s+in\s+[A-Z][\w'’-]*\s+(?:prison|jail)",
        # "no more than 20 were held briefly": held by the authorities ("held incommunicado" is
        # a disappearance)
        r"(?:were|are|was|is|being|been)\s+(?:briefly\s+)?held(?=\s+(?:briefly|"
        r"overnight|without|for|in\s+(?:custody|detention|prison|jail|solitary))|\s*[.,;]|\s*$)",
        r"behind\s+bars",
        r"(?:remain(?:s|ed)?|held|kept|placed)\s+in\s+solitary(?:\s+confinement)?",
        # "170 people were being held in the Fashafuyeh detention centre"
        r"(?:were|are|was|is|being|been)\s+held\s+in\s+(?:the\s+|a\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
        r"(?:detention\s+(?:centre|center|facility|camp)|prison|jail)",
        r"زندانی\s+(?:شدند|هستند)",
        # «۲۰۰ نفر در بازداشتگاه فشافویه نگهداری می‌شوند»: held in a detention centre (not «در
        # بند عمومی نگهداری می‌شدند», a ward's population)
        rf"در\s+بازداشتگاه(?:[\u200c ]?های)?\s+(?:[\w\u200c]+\s+){{0,2}}?نگهداری\s+"
        rf"(?:می{_Z}شوند|می{_Z}شدند|شده{_Z}اند|شدند|می{_Z}شود)",
        r"در\s+بازداشت",
    ],
}

_BEFORE: dict[str, list[str]] = {
    "sentenced_to_death": [
        r"sentenced\s+to\s+death",
        r"death\s+sentences?(?:\s+(?:for|of|against|to))?",
        # "the death penalty had been imposed on at least 26 people"
        r"death\s+(?:penalty|sentences?)\s+(?:(?:had|has|have)\s+been\s+|was\s+|were\s+)?"
        r"(?:imposed|handed\s+down|passed|issued)\s+(?:on|to|against)",
        r"محکوم\s+به\s+اعدام",
        rf"محکومان\s+به\s+اعدام|محکوم{_Z}شدگان\s+به\s+اعدام",
        # «حکم اعدام ۴ نفر»: a death sentence; «اجرای حکم اعدام»: carrying it out, a hanging
        r"(?<!اجرای\s)(?:حکم|احکام)\s+(?:به\s+)?اعدام",
    ],
    "executed": [
        r"(?<!mock\s)execut(?:ed|ing|ions?)",
        r"hanged|hangings?",
        r"put\s+to\s+death",
        rf"اعدام{_Z}(?:شدگان|ها)",
        r"اعدام",
    ],
    "killed": [
        r"kill(?:ed|ing|ings)",
        r"(?:death\s+)?toll",
        r"(?:claimed|took|cost)\s+the\s+lives\s+of",  # "The crackdown claimed the lives of 23"
        r"dead",
        r"deaths?(?!\s+(?:sentences?|penalty|row))",
        r"massacre(?:d)?",
        r"fatalities",
        r"murder(?:ed|ing)",
        r"slay(?:ing|ings)|slain",
        r"martyred",  # "the number of security personnel martyred … had reached 46"
        rf"کشته{_Z}شدگان",
        rf"کشته{_Z}شد(?:ه|ن)",
        r"مرگ",
        r"کشته",
        rf"جان{_Z}باختگان",
        r"کشتار",
        rf"قتل{_Z}عام",
        r"قربانیان",
        rf"پیکر(?:{_Z}های)?|جسد|اجساد",  # «پیکر ۴۲ نفر»: bodies
        r"buried",  # "we have buried 12 of our young men"
    ],
    "disappeared": [r"disappear(?:ed|ances?)", rf"ناپدید{_Z}شدگان"],
    "injured": [
        r"injur(?:ed|ing|ies)",
        r"wound(?:ed|ing)",
        rf"زخمی{_Z}ها|مجروحان|مصدومان",
        rf"(?:زخمی|مجروح|مصدوم)(?:{_Z}شد(?:ن|گان|ه))?",
    ],
    "tortured": [r"tortur(?:ed|ing)", r"torture(?=\s+of)", r"شکنجه"],  # "the torture of 20"
    "arrested": [
        r"arrest(?:ed|ing|s)",
        r"arrest(?=\s+of)",
        r"round(?:ed|ing)\s+up",
        r"took\s+away",  # "They took away 14 of us"
        rf"بازداشت{_Z}(?:شدگان|ها)",
        rf"دستگیر(?:شدگان|ی{_Z}ها|ی)?",
        r"بازداشت",
        rf"دستگیر{_Z}شد(?:ن|گان)",
    ],
    "detained": [
        r"detain(?:ed|ing)",
        r"detentions?",
        r"detainees",
        r"jail(?:ed|ing)",
        r"imprison(?:ed|ing)",
    ],
}


_WEAK: dict[str, list[str]] = {
    "killed": [
        r"victims",
        r"martyrs",
        r"قربانی",
        r"قربانیان",
        r"شهدا",
        rf"جان{_Z}باختگان",
    ],
    "detained": [
        r"detainees",
        r"political\s+prisoners",
        r"prisoners\s+of\s+conscience",
        rf"بازداشت{_Z}شدگان",
        r"زندانی\s+سیاسی",
        r"زندانیان\s+سیاسی",
    ],
}


def _compile(table: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (category, re.compile(rf"(?<![\w\u200c])(?:{pattern})(?![\w])", re.IGNORECASE))
        for category, patterns in table.items()
        for pattern in patterns
    ]


#: (category, pattern) for forms that follow the number
COUNTED_AFTER = _compile(_AFTER)
#: (category, pattern) for forms that precede the number
COUNTED_BEFORE = _compile(_BEFORE)

#: (category, pattern) for nouns that name the people counted, a last resort after the number
COUNTED_WEAK = _compile(_WEAK)

#: a head noun for people right after a number ("304 people", "۳۰۴ نفر"); lets a year-like
#: number such as 2000 count as a quantity
PEOPLE_AFTER_RE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?(?:people|persons|protesters|protestors|demonstrators|prisoners|"
    r"detainees|individuals|civilians|men|women|children|students|activists|journalists|"
    r"workers|members|inmates|worshippers|نفر|تن|معترض|زندانی|کودک|زن|مرد|دانشجو|فعال)(?![\w])",
    re.IGNORECASE,
)
