"""The Persian subject before a reporting verb: who «… اعلام کرد» or «… گفت».

Persian puts the verb last, so the claimant is read back from it: :func:`fa_subject` takes the
first words of the verb's clause, up to a stop word, a time phrase, a demonstrative opening the
object or another verb; a clause that holds no name hands over to an earlier one («محمود صادقی،
نماینده مجلس، روز … اعلام کرد»), and a contrast word leaves the subject before it («…؛ پلیس اما
می‌گوید …»). A medium's name in guillemets belongs to the claimant («کانال تلگرامی «۱۵۰۰ تصویر»»).
"""

from __future__ import annotations

import re

from shomar.claims.cues import FA_VERB
from shomar.claims.phrases import FA_NAMED_MEDIUM, FA_STOP, GUILLEMET_NAME, TOKEN, clean_phrase

__all__ = ["fa_subject"]


_FA_NUMBER_WORDS = {
    "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "صد", "هزار", "چند", "دهها", "صدها",
}  # fmt: skip
_FA_TIME_NOUN = re.compile(r"\s+(?:روز|ساعت|هفته|ماه|سال|شب|دقیقه)(?![\w\u200c])")


#: «… و نوجوان را که …»: after «و», a noun and «را»: the object's list goes on, no new subject
_OBJECT_GOES_ON = re.compile(r"(?:[\w\u200c]+\s+){1,2}?را(?![\w\u200c])")
#: «هفته گذشته امیرعلی حاجی‌زاده … اعلام کرد»: a time phrase before the subject
_FA_TIME_PHRASE = re.compile(r"(?:هفته|ماه|سال)\s+(?:گذشته|پیش|اخیر|جاری)(?![\w\u200c])")
#: «مقام‌ها ماه‌ها اصرار داشتند»: "for months", a time adverb after the subject
_FA_DURATION = {"ماه‌ها", "سال‌ها", "هفته‌ها", "روزها", "ماهها", "سالها", "مدت‌ها"}
#: a clause that opens with what happened is an item of the object's list, not a subject
_LIST_ITEM = re.compile(
    r"\s*(?:کشته[\u200c ]?شدن|زخمی[\u200c ]?شدن|مجروح[\u200c ]?شدن|جان[\u200c ]?باختن|بازداشت|"
    r"دستگیری|اعدام|مرگ|ناپدید[\u200c ]?شدن|شکنجه)\s"
)


def fa_subject(sentence: str, verb_start: int) -> tuple[str, int]:
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
        if m.group().startswith("و") and _OBJECT_GOES_ON.match(sentence, m.end()):
            continue  # «X هویت ۴۴ کودک و نوجوان را … تأیید کرد»: «و» inside the object
        bounds.append(m.end())
        contrast_at = m.start() if m.group().strip() in ("اما", "ولی") else -1
    name, first = _fa_name(sentence, bounds[-1], verb_start)
    if _LIST_ITEM.match(sentence, bounds[-1]) and len(bounds) > 1:
        name = ""  # «X … از کشته شدن ۵۲۲ نفر، بازداشت … و زخمی شدن هزاران نفر خبر داد»
    if not name and contrast_at >= 0 and len(bounds) > 1:
        # «…؛ پلیس اما می‌گوید …»: the subject stands before the contrast word
        name, first = _fa_name(sentence, bounds[-2], contrast_at)
    for start in bounds[:-1] if not name else []:
        name, first = _fa_name(sentence, start, verb_start)
        if name:
            break
    return name, first


def _fa_name(sentence: str, start: int, end: int) -> tuple[str, int]:
    kept: list[str] = []
    first = -1
    skip_to = start
    for tok in TOKEN.finditer(sentence, start, end):
        if tok.start() < skip_to:
            continue
        word = tok.group()
        time_phrase = _FA_TIME_PHRASE.match(sentence, tok.start()) if not kept else None
        if time_phrase:
            skip_to = time_phrase.end()
            continue
        if kept and word in _FA_DURATION:
            break
        quoted = GUILLEMET_NAME.match(sentence, tok.start()) if word == "«" else None
        if quoted and 0 < len(kept) <= 3 and FA_NAMED_MEDIUM.search(" ".join(kept)):
            kept.append(quoted.group(1))  # the medium's name belongs to the claimant
            skip_to = quoted.end()
            continue
        if (
            kept
            and re.fullmatch(r"\d+[A-Za-z_]\w*", word)
            and FA_NAMED_MEDIUM.search(" ".join(kept))
        ):
            kept.append(word)  # «کانال تلگرامی 1500tasvir»: a Latin name after the medium's kind
            continue
        one_of = word == "از" and bool(kept) and kept[-1] in ("یکی", "برخی", "شماری")
        # «یک منبع نزدیک به خانواده …»: "close to", one description
        one_of = one_of or (word == "به" and bool(kept) and kept[-1] == "نزدیک")
        # «یکی از بستگان …», «مادر یکی از جان‌باختگان …»
        if (word in FA_STOP and not one_of) or word[0].isdigit() or not word[0].isalnum():
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
    return clean_phrase(" ".join(kept)), first
