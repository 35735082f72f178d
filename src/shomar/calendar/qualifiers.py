"""Find and strip the words and marks that qualify a date: "circa", "حدود", "1988?", "1988~",
and the words that name a part of a month, season or year ("early", "late", «اوایل», «اواخر»).

Approximate: circa, ca., c., about, around, approx., approximately, roughly, a leading or
trailing ``~``, حدود, حدوداً, در حدود, تقریباً, and after the date "(approx.)", "(circa)",
"(est.)", «(تقریبی)». Uncertain: a trailing ``?`` / ``؟`` / ``(?)``, "(unconfirmed)",
«(احتمالی)», probably, possibly, perhaps, maybe, احتمالاً, شاید. Text must already be folded.
"""

from __future__ import annotations

import re

from shomar.calendar.invalid import InvalidDate

_APPROXIMATE_PREFIX = re.compile(
    r"^(?:(?:circa|ca|c|approx|approximately|about|around|roughly"
    r"|در\s+حدود|حدودا|حدود|تقریبا)\b\.?|~)\s*"
)
_UNCERTAIN_PREFIX = re.compile(r"^(?:probably|possibly|perhaps|maybe|احتمالا|شاید)\b\s*")
_UNCERTAIN_SUFFIX = re.compile(
    r"\s*(?:\?|\(\?\)|\[\?\]"
    r"|[(\[]\s*(?:probably|possibly|uncertain|unconfirmed|احتمالا|احتمالی|نامطمئن|نامسلم)\s*[)\]])$"
)
_APPROXIMATE_SUFFIX = re.compile(
    r"\s*(?:~|[(\[]?\s*(?:approx|approximately|approximate|circa|ca|about|roughly|estimated|est"
    r"|تقریبا|تقریبی|حدودا|حدود)\b\.?\s*[)\]]?)$"
)
_BOTH_SUFFIX = re.compile(r"\s*%$")


#: "early July 1988", "mid-1988", "the end of Mordad", «اوایل مرداد ۱۳۶۷», «اواخر سال ۶۷»: the
#: date is read as the whole month, season or year, which surely holds it (a third of it is a
#: convention families and reports do not keep); «اول مرداد» is a day (the 1st), so not here
_PART_OF = re.compile(
    r"^(?:(?:the\s+)?(?:early|mid|middle|late|beginning|start|end)(?:\s+of)?(?:\s+|-(?=\w))"
    r"|(?:اوایل|اوائل|اواسط|اواخر|ابتدای|اخر|پایان|نیمه|اوسط)\s+)"
)


def split_part_of(folded: str) -> tuple[str | None, str]:
    """Return ``(part, rest)``: the word naming part of a period ("early", «اواخر») or None,
    and the date text without it."""
    found = _PART_OF.match(folded.strip())
    if found is None:
        return None, folded
    return found.group().strip(" -"), folded.strip()[found.end() :]


def split_qualifier(folded: str) -> tuple[str | None, str]:
    """Return ``(qualifier, rest)``: None, "approximate" or "uncertain", and the bare date text."""
    approximate = uncertain = False
    text = folded.strip()
    while True:
        for pattern, is_approximate, is_uncertain in (
            (_APPROXIMATE_PREFIX, True, False),
            (_UNCERTAIN_PREFIX, False, True),
            (_UNCERTAIN_SUFFIX, False, True),
            (_APPROXIMATE_SUFFIX, True, False),
            (_BOTH_SUFFIX, True, True),
        ):
            stripped = pattern.sub("", text, count=1).strip()
            if stripped != text:
                approximate |= is_approximate
                uncertain |= is_uncertain
                text = stripped
                break
        else:
            break
    if approximate and uncertain:
        raise InvalidDate(
            "it is marked both approximate and uncertain, which Shomar does not record; "
            "keep one of the two",
            "circa 1988",
        )
    qualifier = "approximate" if approximate else "uncertain" if uncertain else None
    return qualifier, text
