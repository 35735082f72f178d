"""What a number in a sentence counts: the category word that goes with it.

Step 2 of :mod:`~shomar.claims.extract`, kept apart because it is the largest set of rules and
needs nothing from attribution: the predicate after a partitive ("90 *of those detained* had
been *tortured*"), else the first "after" form between the number and the next number ("304
people *were killed*"), else the nearest "before" form ("*killing* 1,500"), else a "weak" noun
right after it, else the noun of a "number of" phrase before it; then numbers linked by
"including", lists, "up from", "the figure of" and "revised to" share a category. A number that
counts no one (at risk, released, prison terms) gets ``None``.
"""

from __future__ import annotations

import re

from shomar.claims.lexicon import COUNTED_AFTER, COUNTED_BEFORE, COUNTED_WEAK
from shomar.claims.links import link_neighbours
from shomar.claims.quantity import Quantity, QuantityMatch

__all__ = [
    "CORRECTED",
    "OPEN_QUOTES",
    "categories",
    "first_after",
    "last_mention",
    "share_qualifiers",
]

#: a correction's figure: "It was 576, not 579." after "misstated the number of executions",
#: «…؛ رقم درست ۵۸۲ نفر است»: it counts what the corrected figure counted
CORRECTED = re.compile(
    r"(?:^|[;؛]\s*)(?:it|the\s+(?:correct|right|actual|accurate)\s+(?:figure|number|toll|total))\s+"
    r"(?:was|is)\s*$|(?<![\w\u200c])رقم\s+(?:درست|صحیح)\s*$",
    re.IGNORECASE,
)

_AFTER_WINDOW = {"en": 80, "fa": 90}
_BEFORE_WINDOW = 60
_AFTER_STOP = re.compile(
    r"[;:؛]|(?<![\w])(?:but|while|whereas|although|sentenced\s+to(?!\s+death)|charged|summoned|"
    r"released|freed|discharged|convicted|fled|took\s+part|live|lived|appeared|questioned|marched|gathered|"
    r"آزاد|محکوم\s+شد|به\s+(?:\S+\s+){0,3}?(?:حبس|زندان)\s+(?:\S+\s+){0,2}?محکوم|احضار|at\s+risk\s+of|fac(?:e|es|ing)\s+(?:imminent\s+)?execution|"
    r"(?:با|در)\s+(?:خطر|معرض)\s+(?:صدور\s+(?:یا\s+)?|اجرای\s+)*(?:حکم\s+)?اعدام)(?![\w])",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"(?<![\w])(?:were|was|been|had|have|has|are|is)(?![\w])", re.IGNORECASE)
_LINK = re.compile(
    r"^\s*(?:[\w\u200c'’-]+\s*){0,2}?[,،]?\s*(?:including|among\s+them|of\s+whom|از\s+جمله|شامل)\s*$",
    re.IGNORECASE,
)
_FIGURE_OF = re.compile(
    r"(?:figure|number|toll|tally|total|count)\s+(?:of|at|to|as)\s*$|(?:شمار|رقم|آمار)\s+$|"
    # «گفت شمار واقعی «کمتر از ۲۰۰ نفر» است»: the true / official number
    r"(?:شمار|رقم|آمار|تعداد)\s+(?:واقعی|درست|رسمی|کل)\s*[«\"]?\s*$|"
    # "saying the true number was 41", «این رقم یک هفته پیش ۸۰۰ نفر بود», «این رقم را ۹ نفر …»
    # "The toll, based on a count by Haalvsh …, stands at 96": an aside between commas
    r"(?:figure|number|toll|tally|total|count)(?:\s*,[^,]{2,120},)?\s+(?:was|is|stood\s+at|"
    r"stands\s+at|had\s+been)\s*$|"
    r"(?:این|آن|همین)\s+(?:رقم|آمار|تعداد|شمار)\s+(?:[^\s.؛:]+\s+){0,6}?$|"
    r"(?<![\w])(?:put|puts|putting|placed|placing)\s+(?:it|them|the\s+(?:figure|toll|number))\s+at\s*$|"
    r"(?<![\w])estimates?\s+(?:range|ranging|vary|varying)\s*$|"
    r"برآورد(?:[\u200c ]?ها(?:ی)?)?\s+(?:دیگر\s+)?$",
    re.I,
)
#: "the official death toll … was revised upward on Sunday to 14": the noun names the count
_REVISED_TO = re.compile(
    r"(?<![\w])((?:[\w-]+\s+)?(?:toll|figure|number|tally|count)(?:\s+of\s+[\w\s]{0,30}?)?)"
    r"(?![\w])[^.;]{0,60}?(?:revised|raised|lowered|updated|rose|risen|climbed|increased|jumped)"
    r"(?:\s+(?:upwards?|downwards?|sharply))?(?:\s+on\s+\w+)?\s+to\s*$",
    re.I,
)
#: "up from 66", «نسبت به ۵۸۲ مورد»: an earlier figure of the same count
_COMPARED = re.compile(
    r"(?<![\w])(?:up|down|rising|falling|increased|decreased)\s+from\s*$|"
    r"(?<![\w\u200c])از\s+[\d,٬]+\s+(?:(?:نفر|تن)\s+)?به\s*$|"  # «را از ۴۰۰ به ۵۲۰ نفر افزایش داد»
    r"(?<![\w])compared\s+(?:with|to)\s*$|(?<![\w])(?:not|rather\s+than|instead\s+of|unlike)\s+the\s*$|(?:نسبت\s+به|در\s+مقایسه\s+با|در\s+برابر)\s*$|"
    # "rose to 14 from 9", "revised upward on Sunday to 14, from 9 announced on Friday"
    r"(?<![\w])(?:rose|risen|climbed|increased|jumped|revised|raised|fell|dropped|lowered)"
    r"(?![\w])[^.;]{0,40}?(?<![\w])to\s+[\d,.]+\s*,?\s+from\s*$",
    re.I,
)
#: "…, including 5 women", «…، از جمله ۳ نفر»: a sub-count of the figure before it
_INCLUDING = re.compile(r"(?:[,،]\s*|\s)(?:including|among\s+them|از\s+جمله)\s*$", re.I)
#: a number whose next words say it counts no one claimed here: at risk, facing, released
_NOT_COUNTED_TAIL = re.compile(
    r"^\s*(?:[\w\u200c'’-]+\s+){0,3}?(?:(?:were|are|was|is|remain(?:ed)?)\s+)?(?:at\s+risk\s+of|"
    r"at\s+risk(?=\s*[.,;]|\s*$)|"  # "and dozens more are at risk."
    r"fac(?:e|es|ed|ing)\s+(?:the\s+)?(?:imminent\s+)?(?:execution|death\s+(?:penalty|sentences?))|"
    r"(?:در|با)\s+(?:خطر|معرض)\s+(?:صدور\s+(?:یا\s+)?|اجرای\s+)*(?:حکم\s+)?اعدام|"
    # «۳ معترض بازداشت‌شده در اصفهان در خطر اجرای قریب‌الوقوع حکم اعدام»: further on, an adjective
    r"(?:[\w\u200c]+\s+){3,6}?(?:در|با)\s+(?:خطر|معرض)\s+(?:اجرای\s+)?(?:قریب[\u200c ]?الوقوع\s+)?"
    r"(?:حکم\s+)?اعدام|"
    # "1,200 people arrested during the unrest had been released": the clause's verb releases
    # them; the participle only says who they were
    r"(?:[\w-]+\s+){0,2}?(?:arrested|detained|held|jailed)\s+(?:during|in|after|since|on|at|over)\s+"
    r"[^,;.]{2,50}?\s(?:have|has|had|were|was)\s+(?:since\s+|later\s+|now\s+|all\s+)?(?:been\s+)?"
    r"(?:released|freed)(?![\w])|"
    # a protest by prisoners, not a count of detentions: "have been on hunger strike"
    r"(?:[\w-]+\s+){0,4}?(?:have\s+been|has\s+been|are|were|went)\s+on\s+(?:a\s+)?hunger\s+strike|"
    r"(?:\S+\s+){0,6}?در\s+اعتصاب\s+غذا|"
    # waiting for a decision, not counted: "the remaining 10 are awaiting the outcome of appeals"
    r"awaiting\s+(?:the\s+|a\s+)?(?:outcome|execution|appeals?|their\s+appeals?|a\s+decision|review|"
    r"trial|retrial|sentencing)|"
    r"(?:نفر\s+|تن\s+)?(?:دیگر\s+)?(?:نیز\s+)?در\s+انتظار\s+(?:اجرای\s+حکم|نتیجه|اعدام|رسیدگی)|"
    # charged, not yet sentenced: "100 of them face charges that carry the death penalty"
    r"fac(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?charges?|"
    r"(?:(?:later|since|subsequently|formally)\s+)?(?:charged|indicted)\s+with(?![\w])|"
    r"(?:\S+\s+){0,3}?با\s+(?:اتهام|اتهامات|اتهاماتی)\s+(?:\S+\s+){0,6}?روبه?[\u200c ]?رو|"
    # a prison term, not a death sentence: "sentenced 5 to death and 11 others to prison terms"
    # «برای ۱۱ نفر دیگر حبس تا ۱۵ سال»: a prison term follows the number
    r"(?:نفر\s+|تن\s+)?(?:دیگر\s+)?(?:را\s+)?(?:به\s+)?حبس(?:[\u200c ]?(?:های|ی))?"
    r"(?=\s*$|\s+(?:ابد|(?:(?:تا|بین|از|به\s+مدت)\s+)?[\w\u200c]+\s+(?:سال|ماه)))|"
    r"(?:نفر\s+|تن\s+)?(?:دیگر\s+)?به\s+حبس\s+محکوم|"  # «۱۲ نفر به حبس محکوم و …»
    # «۱۱ نفر دیگر به حبس‌های طولانی محکوم شدند»
    r"(?:نفر\s+|تن\s+)?(?:دیگر\s+)?به\s+حبس[\u200c ]?(?:های|ی)(?:\s+[\w\u200c]+){0,2}?\s+محکوم|"
    # «و ۱۲ نفر دیگر برای بازجویی احضار شده‌اند»: summoned, though an arrest verb came before
    r"(?:[\w\u200c«»]+\s+){0,4}?احضار|"
    # "at least 60 had been denied access to counsel": a count of something else
    r"(?:[\w'’-]+\s+){0,3}?denied\s+(?:access|visits|medical|contact)|"
    # "at least four were said to have been expelled": punished, not counted here
    r"(?:[\w'’-]+\s+){0,5}?(?:expelled|suspended\s+from)|"
    r"(?:others?\s+)?to\s+(?:prison|jail)\s+terms?|(?:others?\s+)?to\s+(?:[\w-]+\s+){1,3}"
    r"(?:in\s+prison|imprisonment)|(?:دیگر\s+)?را\s+به\s+(?:حبس|زندان))",
    re.IGNORECASE,
)
#: "…, bringing the number of detainees in the city to": the total the figure before adds to
_BRINGING = re.compile(
    r"(?<![\w])(?:bringing|taking|raising|pushing)\s+(?:the\s+)?(?:total|number|toll|tally|"
    r"count)(?![\w])[^.;]{0,60}?(?<![\w])to\s+$",
    re.I,
)
#: a count in brackets after a place: "executions …: Kermanshah (12), Kurdistan (9)"
_BRACKETED = re.compile(r"[\w\u200c]\s*\(\s*$")
#: a verb that gives a tally, right before a bare number: "KHRN counted nine;"
_TALLIED = re.compile(
    r"(?<![\w])(?:recorded|counted|counts|records|acknowledged|confirmed|documented|registered|reported|"
    # "The police said 150.", "The PMOI has long claimed 30,000.", "That makes 28 this month."
    r"gave|listed|said|says|claimed|claims|makes|made|acknowledge|acknowledges|admit|admits)\s+"
    r"(?:only\s+|just\s+)?$",  # "and the authorities acknowledge only 11"
    re.I,
)
#: nothing after the figure but a place: "counted nine;", "counted eleven in Saqqez."
_BARE = re.compile(
    r"\s*(?:(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*)?"
    r"(?:(?:this|last)\s+(?:week|month|year)\s*|so\s+far(?:\s+this\s+year)?\s*)?"  # "28 this month"
    r"(?:[;,.:\"”]|$)"
)
#: a part of the figure before by the charge: «۴۷۱ نفر به اتهامات مواد مخدر», "481 were for
#: drug-related offences"
_FOR_CHARGE = re.compile(
    r"\s*(?:(?:نفر|تن|مورد)\s+)?به\s+(?:اتهام|اتهامات|جرم)(?![\w\u200c])|"
    r"\s+(?:people\s+|of\s+them\s+)?(?:were|was)\s+(?:for|on)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:charges?|offences?|offenses?|crimes?)\b",
    re.I,
)
#: "6 of the 14 had been hanged": a part of a group named before, by its bare number
_OF_THE_BARE = re.compile(r"\s+of\s+the\s+", re.I)
_BARE_GROUP = re.compile(r"\s+(?:had|have|has|were|was|are|is)\s", re.I)
#: an active verb right before the number gives its category, whatever a later clause counts
_VERB_BEFORE = re.compile(
    r"(?<![\w])(?:had\s+|have\s+|has\s+)?(arrested|detained|executed|hanged|killed|wounded|injured|"
    r"tortured|hangs|executes|kills|arrests|detains)\s+$",  # "Iran hangs two men": a headline
    re.I,
)
_VERB_CATEGORY = {
    "arrested": "arrested",
    "detained": "detained",
    "executed": "executed",
    "hanged": "executed",
    "killed": "killed",
    "wounded": "injured",
    "injured": "injured",
    "tortured": "tortured",
    "hangs": "executed",
    "executes": "executed",
    "kills": "killed",
    "arrests": "arrested",
    "detains": "detained",
}
#: an execution that has not happened: "the imminent execution of 3", «اعدام قریب‌الوقوع ۳»
_IMMINENT = re.compile(
    r"(?:imminent|planned)\s+executions?\s+of\s+$|اعدام\s+قریب[\u200c ]?الوقوع\s+$|"
    # «صدور کیفرخواست برای ۴۵ نفر», "indictments against 45": charged, not a count
    r"کیفرخواست\s+(?:برای|علیه)\s+$|indictments?\s+(?:against|of|for)\s+$",
    re.I,
)
#: a call to halt executions: those counted are sentenced, not yet executed ("urged Iran to
#: halt the execution of 7 protesters", «خواستار توقف اجرای حکم اعدام ۷ معترض شد»)
_HALT_EXECUTION = re.compile(
    r"(?:halt|stop|suspend)\s+the\s+(?:imminent\s+)?executions?\s+of\s+$|"
    r"(?:توقف|لغو|جلوگیری\s+از)\s+(?:اجرای\s+)?(?:حکم|احکام)\s+اعدام\s+$",
    re.I,
)
#: the verb that carries out a death sentence named before the number: «… اجرا شد»
_CARRIED_OUT = re.compile(
    r"^\s*(?:[\w\u200c]+\s+){0,12}?(?:اجرا\s+(?:شد|شدند|شده|گردید|کردند)|به\s+اجرا\s+درآمد)(?![\w\u200c])"
)
_SENTENCED = re.compile(r"(?<![\w])sentenc(?:ed|ing)\s+(?:a\s+further\s+|another\s+)?$", re.I)
_TO_DEATH = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?to\s+death(?![\w])", re.I)
#: a noun for what happened right before the number: «مرگ ۱۳۴ زندانی در بازداشت», "the arrest
#: of 87 activists"; it wins over a later form, which describes where or how
_ADJACENT_NOUN = re.compile(
    r"(?<![\w\u200c])(?:(?<!اجرای\s)(?:حکم|احکام)\s+)?"
    r"(?:مرگ|کشته\s+شدن|اعدام|بازداشت|دستگیری|شکنجه|ناپدید\s+شدن)\s+$|"
    r"(?<![\w])(?:deaths?|killings?|executions?|arrests?|disappearances?)\s+of\s+$",
    re.I,
)


def _carried_out(s: str, matches: list[QuantityMatch], i: int, tail: str) -> bool:
    """«حکم اعدام ۶ زندانی … اجرا شد»: the verb that carries the sentence out, also past a «یک»
    of the description («۳ نفر از متهمان پرونده قتل یک مأمور … اجرا شد»), which counts no one
    here; another figure ends the search."""
    if _CARRIED_OUT.match(tail):
        return True
    later = matches[i + 1 :]
    if later and all(s[m.number_start : m.number_end] == "یک" for m in later):
        return _CARRIED_OUT.match(s[matches[i].number_end :]) is not None
    return False


def last_mention(s: str) -> str | None:
    """The category of the last category word in ``s``, if any."""
    return _last_category_word(s)


def _last_category_word(s: str) -> str | None:
    best: tuple[int, str] | None = None
    for category, pattern in [*COUNTED_AFTER, *COUNTED_BEFORE]:
        for m in pattern.finditer(s):
            if best is None or m.start() > best[0]:
                best = (m.start(), category)
    return best[1] if best else None


def share_qualifiers(
    s: str, matches: list[QuantityMatch], categories: list[str | None]
) -> list[QuantityMatch]:
    """«دستکم ۱۹ پسر و ۷ دختر»: "at least" covers both numbers of a two-item list."""
    out = list(matches)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        q = cur.quantity
        if q.qualifier != "exact" or q.value is None or categories[i] != categories[i - 1]:
            continue
        if prev.quantity.qualifier not in ("at_least", "approximately", "at_most"):
            continue
        if re.fullmatch(r"\s*[^\s,،.]+\s+(?:و|and)\s*", s[prev.end : cur.start]):
            made = {
                "at_least": Quantity.at_least,
                "approximately": Quantity.approximately,
                "at_most": Quantity.at_most,
            }[prev.quantity.qualifier](q.value)
            out[i] = QuantityMatch(made, cur.start, cur.end, cur.number_start, cur.number_end)
    return out


#: a reduced relative after the number, then the clause's own verb: "30 people arrested during
#: the protests have disappeared", "12 men detained in May were executed"
_MAIN_VERB_AFTER_PARTICIPLE = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:arrested|detained|held|jailed)\s+(?:during|in|after|since|on|at)\s+"
    r"[^,;.]{2,50}?\s((?:have|has|had|were|was)\s+(?:since\s+|later\s+|reportedly\s+)?)",
    re.IGNORECASE,
)


#: a reduced relative that says what the people counted were convicted or accused of, then the
#: clause's own verb: "Two men convicted of killing a cleric were hanged"
_CONVICTED_RELATIVE = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:convicted|accused|suspected|found\s+guilty)\s+(?:of|on)\s+"
    r"[^,;.]{2,60}?\s((?:were|was|have\s+been|has\s+been|had\s+been)\s)",
    re.IGNORECASE,
)


def first_after(
    text: str, lang: str, table: list[tuple[str, re.Pattern[str]]] = COUNTED_AFTER
) -> tuple[str, int] | None:
    """The first category form of ``table`` in ``text`` (what follows a number), up to a stop
    word or ``and`` opening another clause, with its offset."""
    convicted = _CONVICTED_RELATIVE.match(text) if table is COUNTED_AFTER else None
    if convicted:  # "Two men convicted of killing a cleric were hanged": the clause's verb
        later = first_after(text[convicted.end(1) :], lang)
        if later is not None:
            return later[0], convicted.end(1) + later[1]
    stop = _AFTER_STOP.search(text)
    window = text[: stop.start()] if stop else text
    window = window[: _AFTER_WINDOW[lang]]
    conj = re.search(r"(?<![\w])and(?![\w])(?!\s*\d)", window)  # not "aged 22, 26 and 33"
    if conj and not _AUXILIARY.search(window[: conj.start()]):
        window = window[: conj.start()]  # "killing 1,500 protesters and arrested many more"
    best: tuple[str, int] | None = None
    died = None
    for category, pattern in table:
        m = pattern.search(window)
        if m and (best is None or m.start() < best[1]):
            best = (category, m.start())
        if m and category == "killed" and died is None:
            died = (category, m.start())
    if best is not None and best[0] == "detained" and died is not None:
        return died  # «در بازداشت جان باخته‌اند»: death in custody counts as killed
    if best is not None and table is COUNTED_AFTER:
        main_verb = _MAIN_VERB_AFTER_PARTICIPLE.match(window)
        if main_verb:  # "30 people arrested during the protests have disappeared"
            later = first_after(window[main_verb.end(1) :], lang)
            if later is not None:
                return later[0], main_verb.end(1) + later[1]
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


_NUMBER_OF = re.compile(
    r"(?:number|toll|tally|count|total|identity|identities|names?)\s+of\s+(?:all\s+)?"
    r"(?:those\s+|the\s+|people\s+)?|(?:شمار|تعداد|آمار|هویت|نام)\s+(?:کل\s+)?",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"(?<![\w])(?:the|this|that)\s+(?:number|figure|toll|total)(?![\w])|exceeded|"
    # "The toll rose again overnight. By Tuesday it stood at 41": "it" is the count named before
    r"(?<![\w])it\s+(?:now\s+)?(?:stood|stands|reached|rose\s+to|climbed\s+to)\s+(?:at\s+)?$|"
    # "opposition groups say it exceeds 1,500": "it" is the toll just named
    r"(?<![\w])(?:say|says|said|believe|believes|estimate|estimates)\s+it\s+$|"
    r"(?:این|آن)\s+(?:رقم|آمار|تعداد|شمار)",
    re.IGNORECASE,
)
_OF_THESE = re.compile(
    r"^(?:of|among)\s+(?:these|them|those|the\s+(?:dead|detainees|victims))\b|"
    # "They included 31 women and 4 juveniles": a list of sub-counts of the figure before
    r"^(?:they|these|those|the\s+(?:dead|detainees|victims))\s+includ(?:e|ed)\b|"
    r"^(?:از\s+(?:این\s+(?:تعداد|عده|افراد)|میان\s+(?:آنان|آنها|این\s+افراد))|در\s+میان\s+(?:آنان|آنها))",
    re.IGNORECASE,
)
_OF_THEM_AFTER = re.compile(
    # «… که ۴ کودک در میان آنان هستند»: a sub-count named after its number
    r"\s*(?:[\w\u200c]+\s+){1,2}?در\s+میان\s+(?:آنان|آنها|ایشان)(?![\w\u200c])|"
    r"\s*(?:(?:نفر|تن|people)\s+)?(?:از\s+(?:آنان|آنها|ایشان|(?:این|آن)\s+[\w\u200c]+)|"
    r"of\s+(?:them|these|those|the\s+(?!total\b)[a-z]+)\b)",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"[^.;:؛!?]{0,45}")
#: "19 of the women *had been convicted of* murder": a conviction is no count of its own, so a
#: part of a group already counted ("of the women" executed) keeps that group's category
_CONVICTED = re.compile(
    r"^\s*(?:(?:had|have|has)\s+been|were|was)\s+convicted(?![\w])|"
    r"^\s*(?:به\s+(?:اتهام|جرم)\s+\S+\s+)?محکوم\s+شده\s+بودند",
    re.IGNORECASE,
)
#: a quotation that goes on from the last sentence: “"Among them are at least 12 children."”
OPEN_QUOTES = " \"“«'‘"
_PARTITIVE = re.compile(
    r"^\s*(?:(?:نفر|تن)\s+)?(?:of|از)\s+(?:those|the|them|these)?\s*[\w\u200c-]+", re.I
)


#: a partitive that says who some of those counted were: «۱۱ نفر از این افراد کودک بودند»
_WHO_THEY_WERE = re.compile(
    r"^\s*(?:[\w\u200c]+\s+){0,3}?(?:بودند|هستند|بوده[\u200c ]?اند|were|are)(?![\w\u200c])",
    re.IGNORECASE,
)


_PREDICATE = re.compile(
    r"(?<![\w])(?!including|according)[a-z]+(?:ed|ing)(?![\w])|"
    r"(?<![\w\u200c])(?:کرد|کردند|شد|شدند|داد|دادند|است|بود|بودند|اند|هستند|گفت)(?![\w\u200c])",
    re.IGNORECASE,
)


#: a figure, its clause, then a semicolon or colon opening a verbless breakdown of it by place:
#: «… ۲۹ نفر را اعدام کردند؛ ۲۶ نفر در زندان قزلحصار و ۳ نفر در زندان کرج»
_BREAKDOWN_GAP = re.compile(r"[^;:؛.!?]{0,80}[;:؛]\s*")


def _is_list_gap(gap: str) -> bool:
    """Between two items of one list: "… in Piranshahr and …", «…، در گزارش دوم …», «… پسر و …»
    (a few words with a comma or "and", and no verb of their own)."""
    return (
        len(gap.split()) <= 5
        and _LIST_GAP.fullmatch(gap) is not None
        and re.search(r"[,،]|(?<![\w])(?:and|و)(?![\w])", gap) is not None
        and not _PREDICATE.search(gap)
    )


def _number_of(text: str) -> str | None:
    """ "the number of those slain was about 40", «شمار کودکان کشته‌شده … به ۵۸ نفر»."""
    best: tuple[int, str] | None = None
    for m in _NUMBER_OF.finditer(text):
        head = text[m.end() : m.end() + 30]
        for category, pattern in [*COUNTED_BEFORE, *COUNTED_AFTER, *COUNTED_WEAK]:
            w = pattern.search(head)
            if w and w.start() <= 12 and (best is None or m.start() >= best[0]):
                best = (m.start(), category)
    return best[1] if best else None


def categories(
    s: str,
    matches: list[QuantityMatch],
    lang: str,
    last_counted: str | None,
    last_mention: str | None,
) -> list[str | None]:
    """The category each of ``matches`` counts, or ``None``; ``last_counted`` and
    ``last_mention`` are the article's last category proposed and last category word seen
    before this sentence ("Of these, 40 …" and "the figure" refer back to them)."""
    found: list[str | None] = []
    blocked: set[int] = set()  # numbers that count no one: at risk, released
    for i, match in enumerate(matches):
        next_start = matches[i + 1].start if i + 1 < len(matches) else len(s)
        prev_end = matches[i - 1].end if i > 0 else 0
        tail = s[match.number_end : next_start]
        if _NOT_COUNTED_TAIL.match(tail):
            found.append(None)  # "at least 21 faced the death penalty", «۹۰۰ نفر آزاد شدند»
            blocked.add(i)
            continue
        if _HALT_EXECUTION.search(s[prev_end : match.start]):
            found.append("sentenced_to_death")  # «خواستار توقف اجرای حکم اعدام ۷ معترض شد»
            continue
        if _IMMINENT.search(s[prev_end : match.start]):
            found.append(None)  # «درباره اعدام قریب‌الوقوع ۳ معترض»: not yet executed
            blocked.add(i)
            continue
        adjacent = _ADJACENT_NOUN.search(s[prev_end : match.start])
        if adjacent:
            near = _nearest_before(adjacent.group())
            if near and near[0] == "sentenced_to_death" and _carried_out(s, matches, i, tail):
                near = ("executed", 0)  # «حکم اعدام ۶ زندانی اجرا شد»: the sentence carried out
            if near:
                found.append(near[0])
                continue
        verb = _VERB_BEFORE.search(s[prev_end : match.start])
        if verb:  # "they had arrested 11 members of a cell …, which killed 13": the verb before
            found.append(_VERB_CATEGORY[verb.group(1).casefold()])
            continue
        if _SENTENCED.search(s[prev_end : match.start]) and _TO_DEATH.match(tail):
            found.append("sentenced_to_death")  # "sentenced 3 others to death"
            continue
        if i > 0 and found[i - 1] is not None and _INCLUDING.search(s[prev_end : match.start]):
            found.append(found[i - 1])  # "16 … tortured in detention, including 5 women"
            continue
        partitive = _PARTITIVE.match(tail)
        if partitive:  # "90 of those detained had been tortured": the predicate counts
            rest = tail[partitive.end() :]
            later = first_after(rest, lang)
            if later:
                found.append(later[0])
                continue
            earlier = next((f for f in reversed(found) if f is not None), last_counted)
            if _CONVICTED.match(rest) and earlier:
                found.append(
                    earlier
                )  # "19 of the women had been convicted of murder": of those executed
                continue
            clause = re.split(r"[;:؛]", rest, maxsplit=1)[0]  # a stop mark is no "released"
            stop = _AFTER_STOP.search(clause[:40])
            # "3 of the men, while the other 2 are awaiting …": a conjunction opens another
            # clause; it does not release the ones counted
            if stop and not re.fullmatch(r"but|while|whereas|although", stop.group(), re.I):
                found.append(None)  # «۹۰۰ نفر از آنان آزاد شده‌اند»: released, not counted
                blocked.add(i)
                continue
            noun = first_after(partitive.group(), lang) or _nearest_before(partitive.group())
            if noun:  # «ده‌ها نفر از مجروحان با گلوله … هدف قرار گرفتند»: the noun counts
                found.append(noun[0])
                continue
            if earlier and _OF_THEM_AFTER.match(tail) and _WHO_THEY_WERE.match(rest):
                found.append(earlier)  # «… که ۱۱ نفر از این افراد کودک بودند»: of those counted
                continue
        if i > 0 and found[i - 1] is not None and _BRINGING.search(s[prev_end : match.start]):
            found.append(found[i - 1])  # "a further 40 arrested, bringing the number of detainees
            continue  # … to 600": a running total of the same count
        after = first_after(tail, lang)
        if after:
            found.append(after[0])
            continue
        before = _nearest_before(s[prev_end : match.start])
        if before:
            found.append(before[0])
            continue
        weak = first_after(tail[:30], lang, COUNTED_WEAK)
        if weak:
            found.append(weak[0])
            continue
        earlier = next((f for f in reversed(found) if f is not None), last_counted)
        if earlier and _FIGURE_OF.search(s[prev_end : match.start]):
            found.append(earlier)  # "it raised the figure to 7 and said 23 others …": the
            continue  # figure counts what was counted before, not what the next clause counts
        found.append(_number_of(s[prev_end : match.start]))
    _share_with_neighbours(s, matches, found, blocked)
    for i in range(len(matches) - 1):
        gap = s[matches[i].number_end : matches[i + 1].start]
        if _OF_THE_BARE.fullmatch(gap) and _BARE_GROUP.match(s, matches[i + 1].number_end):
            # "6 of the 14 had been hanged": the 14 were counted before; the 6 are what is new
            found[i], found[i + 1] = found[i + 1], None
            blocked.add(i + 1)
    for i, match in enumerate(matches):
        if found[i] is not None or i in blocked:
            continue
        earlier = next((f for f in reversed(found[:i]) if f is not None), None)
        earlier = earlier or last_counted
        prev_end = matches[i - 1].end if i > 0 else 0
        revised = _REVISED_TO.search(s[: match.start])
        if i > 0 and found[i - 1] is not None and _INCLUDING.search(s[prev_end : match.start]):
            found[i] = found[i - 1]  # "the true number was 41, including 9 police officers"
        elif revised and (_nearest_before(revised.group(1)) or earlier):
            found[i] = (_nearest_before(revised.group(1)) or (earlier, 0))[0]
        elif _COMPARED.search(s[: match.start]) and earlier:
            found[i] = earlier  # "rose to 96, …, up from 66"
        elif _FIGURE_OF.search(s[: match.start]) and earlier:
            found[i] = earlier
        elif re.match(r"the\s+(?:death\s+)?toll\b", s, re.I) and _FIGURE_OF.search(
            s[: match.start]
        ):
            found[i] = "killed"  # "The toll, based on a count by …, stands at 96": deaths
        elif _BRACKETED.search(s, 0, match.start) and s[match.end :].lstrip().startswith(")"):
            found[i] = _last_category_word(s[: match.start])  # "Kermanshah (12), Kurdistan (9)"
        elif (
            _TALLIED.search(s[prev_end : match.start])
            and _BARE.match(s, match.number_end)
            and earlier
        ):
            found[i] = earlier  # "Hengaw recorded 14 deaths; KHRN counted nine; state media
            # acknowledged two": a bare figure after a tallying verb counts what was just counted
        elif (
            i > 0
            and found[i - 1] is not None
            and _BREAKDOWN_GAP.fullmatch(s, matches[i - 1].end, match.start)
            and not _PREDICATE.search(s, match.number_end)
        ):
            found[i] = found[i - 1]  # «… ۲۹ نفر را اعدام کردند؛ ۲۶ نفر در زندان قزلحصار و …»
            j = i + 1  # «… و ۳ نفر در زندان کرج»: the breakdown's further items
            while j < len(matches) and found[j] is None and j not in blocked:
                if not _is_list_gap(s[matches[j - 1].end : matches[j].start]):
                    break
                found[j] = found[i]
                j += 1
        elif _OF_THESE.match(s.lstrip(OPEN_QUOTES)) and last_counted:
            found[i] = last_counted  # "Of these, 40 were students"
        elif (
            _OF_THEM_AFTER.match(s, match.number_end)
            and earlier
            and not _AFTER_STOP.search(s, match.number_end)
        ):
            found[i] = earlier  # «دستکم ۱۲ نفر از آنان زن بودند»
        elif _FOR_CHARGE.match(s, match.number_end) and earlier:
            found[i] = earlier  # «…؛ ۴۷۱ نفر به اتهامات مواد مخدر», "481 were for drug offences"
        elif CORRECTED.search(s[: match.start]) and (earlier or last_mention):
            found[i] = earlier or last_mention
        elif _REFERS_BACK.search(s[: match.start]) and last_mention:
            found[i] = last_mention  # "put the number between A and B in his memoirs"
    link_neighbours(s, matches, found, blocked, lambda text: _category_after(text, lang))
    return found


def _category_after(text: str, lang: str) -> str | None:
    after = first_after(text, lang)
    return after[0] if after else None


def _share_with_neighbours(
    s: str, matches: list[QuantityMatch], found: list[str | None], blocked: set[int]
) -> None:
    """ "at least 448 people, including 60 children" and lists ("12 in Piranshahr and 9 in
    Mahabad", «۱۲۰، … ۱۶۵») share a category; in Persian the verb that gives it comes last
    («۳۲۶ نفر از جمله ۴۳ کودک و ۲۵ زن را کشته‌اند»), so a list also shares it backwards."""
    for _ in range(2):
        for i in range(len(matches)):
            if found[i] is not None or i in blocked:
                continue
            for j in (i + 1, i - 1):
                if 0 <= j < len(matches) and found[j] is not None:
                    left, right = sorted((i, j))
                    if _LINK.match(s[matches[left].end : matches[right].start]):
                        found[i] = found[j]
        for i in range(1, len(matches)):
            gap = s[matches[i - 1].end : matches[i].start]
            if found[i] is None and found[i - 1] is not None and _is_list_gap(gap):
                found[i] = None if i in blocked else found[i - 1]
        for i in range(len(matches) - 2, -1, -1):
            gap = s[matches[i].end : matches[i + 1].start]
            if found[i] is None and found[i + 1] is not None and _is_list_gap(gap):
                found[i] = None if i in blocked else found[i + 1]
