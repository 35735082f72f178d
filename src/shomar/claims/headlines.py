"""Headlines and the source before a colon: "Amnesty: 41 killed", «عفو بین‌الملل: ۴۱ نفر کشته شدند».

:func:`is_headline` tells a title (a short whole line with no final stop, first in the article or
between blank lines) from a body sentence; :func:`headline_attribution` reads the source named
before the colon, which the extractor takes in a headline, and in the body only when it is a
registry entry («رادیو فردا: دست‌کم ۲۰ نفر …»). Labels such as "Update:" or «گزارش:» are no source.
"""

from __future__ import annotations

import re

from shomar.claims.attribution import Attribution, anaphora_kind
from shomar.claims.sentences import Sentence

__all__ = ["headline_attribution", "is_headline"]


_HEADLINE_SOURCE = re.compile(r"^([^:：\d]{2,60}?)\s*[:：]\s+(?=\S)")
_NOT_A_SOURCE = re.compile(
    r"^(?:total|update|updated|breaking|explainer|analysis|exclusive|watch|live|video|photos|"
    r"iran|report|opinion|factbox|timeline|q&a|گزارش|ویدئو|تحلیل|جمع|مجموع|کل|خبر\s+فوری|ایران)$",
    re.IGNORECASE,
)


def is_headline(text: str, sentence: Sentence, number: int) -> bool:
    """A title: a whole line of at most 20 words without a final stop, that is the article's
    first line or stands between blank lines."""
    whole_line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and (
        sentence.end == len(text) or text[sentence.end] in "\r\n"
    )
    if not whole_line or len(sentence.text.split()) > 20:
        return False
    if sentence.text.rstrip().endswith((".", "!", "؟", "?", "»", "”", '"')):
        return False
    before = text[: sentence.start].rstrip(" \t")
    return number == 0 or before.endswith("\n\n") or before.endswith("\n\r\n")


def headline_attribution(s: str) -> Attribution | None:
    """ "Amnesty: 41 killed", «عفو بین‌الملل: ۴۱ نفر کشته شدند»: the source before the colon."""
    m = _HEADLINE_SOURCE.match(s)
    if not m or _NOT_A_SOURCE.match(m.group(1).strip()) or len(m.group(1).split()) > 6:
        return None
    name = m.group(1).strip()
    return Attribution(name, "active", 0, m.end(), None, anaphora_kind(name) is not None)
