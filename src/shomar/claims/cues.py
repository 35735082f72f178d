"""The attribution cues, per language: reporting verbs and the phrases that introduce a source.

:func:`~shomar.claims.attribution.find_attributions` looks for these in a sentence; each kind of
cue says where the claimant phrase stands:

``EN_VERB``, ``FA_VERB``
    a reporting verb, the claimant before it ("Amnesty *said*", «X *اعلام کرد*»), Persian ones
    with their light-verb constructions («گزارش داد», «ثبت کرده است», «می‌نویسد»);
``EN_ACCORDING``, ``FA_ACCORDING`` (and ``FA_RECEIVED`` right after them)
    "*according to* X", «*به گفته* X», «*بنا بر اعلام* X»: the claimant follows the cue;
``EN_PASSIVE`` (with ``FA_PASSIVE_END``)
    "the toll *announced by* X", «*از سوی* X منتشر شده»: X made the claim the subject repeats;
``EN_CITING``, ``FA_CITING``, ``EN_QUOTED``
    "*citing* X", «*به نقل از* X», "Reuters *quoted* X *as saying*": the source relied on.

``FA_VERB`` also ends a Persian name (:mod:`~shomar.claims.phrases`).
"""

from __future__ import annotations

import re

__all__ = [
    "EN_ACCORDING",
    "EN_CITING",
    "EN_PASSIVE",
    "EN_QUOTED",
    "EN_VERB",
    "FA_ACCORDING",
    "FA_CITING",
    "FA_PASSIVE_END",
    "FA_RECEIVED",
    "FA_VERB",
]


EN_VERB = re.compile(
    r"(?<![\w])(?:(?:has|have|had|also|later|previously|now|then|separately|earlier|initially|"
    r"originally|first|already|long|repeatedly|consistently|publicly)\s+)*"  # "has long claimed"
    r"(?:said|says|say|announced|announces|reported|reports|confirmed|confirms|estimated|"
    r"estimates|stated|states|told|claimed|claims|documented|recorded|counted|verified|"
    r"acknowledged|acknowledges|admitted|admits|conceded|concedes|"
    r"acknowledge(?=\s+(?:only\s+|just\s+)?[\d,]+)|"  # "the authorities acknowledge only 11"
    r"wrote|writes|noted|added|revealed|disclosed|pointed\s+out|"
    r"tallied|alleged|insisted|warned|found|concluded|tweeted|posted|was\s+quoted\s+as\s+saying|"
    # "…, the AP counts, based on …", "IHR, which is stricter, counts 684"
    r"counts(?=\s*,|\s+[\d,]+\b)|tallies(?=\s*,)|records(?=\s+[\d,]+\s)|"
    r"was\s+quoted\s+(?:[\w-]+\s+){1,3}?as\s+saying|"  # "was quoted on Monday as saying"
    r"dismissed|rejected|denied|disputed|notes|observes|observed|highlights|highlighted|stressed|"
    r"stresses|(?:expresses|expressed|voiced|voices)\s+concern|"
    # "Figures from X suggest at least 120 …": the figures' source says it
    r"(?:show|shows|showed|indicate|indicates|suggest)(?=\s+that\b|\s+(?:(?:at\s+least|more\s+than|"
    r"about|nearly|some|as\s+many\s+as)\s+)?[\d,]+\s)|"
    r"identified|identifies|suggested|suggests|recalls|recalled|describes|published|publishes|"
    r"spoke\s+of|speaks\s+of|gave|puts|listed|lists|logged|registered|tweeted|"
    r"(?:estimate|report|confirm|believe|allege)(?=\s+that\b)|(?:learned|learnt)(?=\s+that\b)|"
    r"(?:raised|revised|updated|increased|lowered|put)\s+(?:its|the|their|his|her)\s+"
    r"(?:death\s+)?(?:toll|tally|figure|count|estimate)|"
    r"put\s+the\s+(?:number|toll|figure|total|count)|"
    # a press release's demand: "Amnesty is calling on the authorities to release 38 teachers"
    r"(?:is\s+|are\s+)?(?:calling\s+on|called\s+on|calls\s+on|urged|urges|urging)(?=\s+(?:the|Iran|Iranian)\b)|"
    r"gave\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:toll|figure|number|tally|count))(?![\w])",
    re.IGNORECASE,
)


EN_PASSIVE = re.compile(
    r"(?<![\w])(?:announced|reported|confirmed|estimated|stated|documented|recorded|counted|"
    r"verified|published|given|released|compiled|claimed|circulated|spread|cited|put\s+forward|"
    r"quoted|seen|obtained|reviewed|acknowledged|admitted|kept|tallied)\s+by\s+"
    # "claims by rights groups that …"; not "reports from Zahedan that …" (a place)
    r"|(?<![\w])(?:(?:claims?|allegations?)\s+(?:by|from)|reports?\s+by)\s+(?=[^.,;]{2,60}?\s+that\b)"
    # «رقم ۲۰۰ کشته را که از سوی رسانه‌ها منتشر شده بود»: the party that published a figure
    r"|(?<![\w\u200c])(?:از\s+سوی|از\s+جانب|از\s+طرف|توسط)\s+(?=[^.،؛«»]{2,60}?\s"
    r"(?:منتشر|اعلام|مطرح|پخش)[\u200c ]?(?:شده|شد))"
    # «رقم ۲۰۰ کشته‌ای که وزارت کشور اعلام کرده»: the figure that X announced
    r"|(?:(?<=ای)|(?<=رقمی)|(?<=آماری)|(?<=شماری)|"
    # «رقم ۴۰۰ بازداشتی که X اعلام کرده بود»: a noun with «ی» right after the number
    r"(?<=[\d۰-۹٠-٩]\s[\w]{3}ی)|(?<=[\d۰-۹٠-٩]\s[\w]{4}ی)|(?<=[\d۰-۹٠-٩]\s[\w]{5}ی)|"
    r"(?<=[\d۰-۹٠-٩]\s[\w]{6}ی)|(?<=[\d۰-۹٠-٩]\s[\w]{7}ی))\s+که\s+"
    r"(?=[^.،,؛«»]{2,40}?\s(?:اعلام|منتشر|گزارش|ثبت)\s+(?:کرده|کرد|داده|نموده)"
    r"(?![\w\u200c]))"
    # «آمار منتشرشده از سوی رسانه‌ها»: the participle first
    r"|(?:(?<=منتشرشده\s)|(?<=منتشر\u200cشده\s)|(?<=منتشر\sشده\s)|(?<=اعلام\u200cشده\s)|"
    r"(?<=اعلام\sشده\s)|(?<=ثبت\u200cشده\s)|(?<=ثبت\sشده\s))"
    r"(?:از\s+سوی|از\s+جانب|توسط)\s+",
    re.IGNORECASE,
)


#: where a Persian passive source's name ends: the participle that follows it
FA_PASSIVE_END = re.compile(r"\s(?:منتشر|اعلام|مطرح|پخش)[\u200c ]?(?:شده|شد).*$")


EN_ACCORDING = re.compile(
    # "based on a count by the Baluch rights group Haalvsh": the party that counted
    r"(?<![\w])based\s+on\s+(?:a|an|the)\s+(?:count|tally|list|database)\s+(?:kept\s+)?by\s+|"
    # "In a statement carried by IRNA, the council said …": the outlet relays the speaker
    r"(?<![\w])in\s+(?:a|an|the|its)\s+(?:statement|report|interview|message|post|remarks)\s+"
    r"(?:carried|published|broadcast|aired|run)\s+by\s+|"
    # "By its count, …", "by the group's tally": the party whose count it is
    r"(?<![\w])by\s+(?=(?:its|their|his|her|[\w'’ -]{2,40}?['’]s?)\s+(?:own\s+)?(?:latest\s+)?"
    r"(?:count|tally|reckoning|estimate|figures)\b)|"
    r"(?<![\w])(?:according\s+to|per(?=\s+(?:the\s+)?(?:latest\s+)?(?:figures|data|statistics|"
    r"numbers|estimates|a\s+tally|tallies|a\s+count)\s))\s+",  # "per figures from X"
    re.IGNORECASE,
)


EN_CITING = re.compile(r"(?<![\w])(?:citing|quoting)\s+", re.IGNORECASE)


#: "Reuters quoted a relative as saying …": Reuters reports it, citing the relative
EN_QUOTED = re.compile(r"(?<![\w])quoted\s+(?=(?:[\w'’-]+\s+){0,6}?as\s+saying\b)", re.I)


FA_VERB = re.compile(
    r"(?<![\w\u200c])(?:(?:اعلام|گزارش|تایید|تأیید|برآورد|تخمین|ثبت|اعلان)\s+"
    r"(?:کرد|کردند|کرده|داد|دادند|داده|زد|زدند|نمود|نمودند|می[\u200c ]?کند|می[\u200c ]?کنند)"
    r"|(?:اعلام|گزارش|ثبت|برآورد)\s+کرده\s+بود(?:ند)?"
    r"|تخمین\s+زده|خبر\s+(?:داد|دادند|داده)|"
    r"نشان\s+(?:می[\u200c ]?دهد|داد|می[\u200c ]?دهند)|"
    r"می[\u200c ]?(?:نویسد|داند|دانند|گوید|گویند)"
    r"|(?:مدعی|ادعا|عنوان|تصریح|خاطرنشان|اذعان|اعتراف|منتشر|مستند|شناسایی|احصا|احصاء|"
    r"توییت|تاکید|تأکید)\s+(?:کرد|کردند|کرده|شد|شدند|نمود|نمودند)"
    r"|گفت(?:ند|ه)?|نوشت(?:ند|ه)?|افزود(?:ند)?|اظهار\s+(?:داشت|کرد)"
    # «ایران اینترنشنال مطلع شده است که …» (has learned), «… دریافته است که …» (has found),
    # «مقام‌ها اصرار داشتند که …» (insisted)
    r"|مطلع\s+شده|دریافته|اصرار\s+(?:داشتند|داشت|دارند|دارد|کردند|کرد)"
    # a demand: «عفو بین‌الملل از مقام‌ها خواست …»، «سازمان ملل خواستار … شد»
    r"|خواست(?:ند)?(?=\s)|خواستار\s+(?:[^.،؛]{2,60}?\s)?(?:شد|شدند)"
    r"|(?:رد|تکذیب)\s+(?:کرد|کردند|کرده)|(?:افزایش|کاهش)\s+(?:داد|دادند|داده)|"
    r"حاکی\s+است|(?:[«\"]?\S+[»\"]?\s+)خواند(?:ند)?)"
    r"(?:[\u200c ]?(?:است|اند))?(?![\w\u200c])"
)


FA_ACCORDING = re.compile(
    r"(?<![\w\u200c])(?:(?:طبق|بر\s+اساس|بنا\s*بر|براساس|بر\s+پایه)\s+(?:آمار|گزارش|ارقام|اطلاعات)"
    r"(?:\s+(?:منتشر|ارائه|اعلام|تهیه|گردآوری|جمع[\u200c ]?آوری|ثبت|تدوین)[\u200c ]?شده)?"
    r"\s+(?:از\s+سوی|توسط|از\s+جانب)|بنا\s*بر\s+اعلام|به\s+اعلام|به\s+نوشته|به\s+روایت|به\s+اعتراف|به\s+گفته|به\s+گزارش|بنا\s*بر\s+گزارش|بر\s+اساس\s+گزارش|بر\s+اساس|"
    r"بر\s+پایه(?:\s+(?:برآورد|گزارش|آمار))?|به\s+استناد|"
    r"طبق\s+گزارش|طبق\s+آمار|طبق|براساس|بنا\s*به(?=\s+(?:گزارش|اعلام|گفته|اطلاعات))|"
    # «در گزارش دبیرکل سازمان ملل … آمده است که …»: the report's author
    r"در\s+گزارش(?:\s+(?:سالانه|تازه|جدید|اخیر))?(?=\s[^.،؛]{2,80}?\sآمده\s+است)|"
    r"بنا\s*بر\s+(?:آمار|ارقام)(?:[\u200c ]?های)?)\s+"  # «بنا بر آمار وزارت کشور»
)


#: «بر اساس اطلاعاتی که به گزارشگر ویژه رسیده»: the party the information reached
FA_RECEIVED = re.compile(
    r"(?:اطلاعات|اطلاعاتی|گزارش[\u200c ]?(?:ها|های|هایی))\s+(?:دریافتی\s+)?که\s+(?:به\s+)?"
    r"((?:[^\s،,.]+\s+){1,6}?)(?:رسیده|رسید|دریافت)"
    # «بر اساس فهرستی که کانون صنفی معلمان منتشر کرده»: the party that published it
    r"|(?:فهرست|گزارش|آمار|اطلاعات)ی\s+که\s+((?:[^\s،,.]+\s+){1,6}?)"
    # «آماری که X از منابع بیمارستانی گردآوری کرده»: X, from its sources
    r"(?:از\s+(?:[^\s،,.]+\s+){1,3}?)?"
    r"(?:منتشر|اعلام|تهیه|گردآوری|جمع[\u200c ]?آوری)\s+(?:کرده|کرد|نموده)"
    # «بنا به گزارش‌های رسیده به کمپین فعالان بلوچ، …»: the party the reports reached
    r"|(?:اطلاعات|گزارش[\u200c ]?(?:ها|های))\s+(?:رسیده|واصله)\s+به\s+"
    r"((?:[^\s،,.]+\s+){0,5}?[^\s،,.]+)(?=\s*[،,])"
)


FA_CITING = re.compile(r"(?<![\w\u200c])به\s+نقل\s+از\s+")
