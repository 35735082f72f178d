"""Ages as lists write them: ``23``, «۲۳ ساله», "23 years old", "about 30", «حدود ۳۰».

A number with its unit, in either script, is that age. A number marked as approximate
("about", "c.", «حدود», «تقریباً», a trailing "?") is read as the number given and counted
so the import report says how many were approximate: lists write what families remember.
A range ("16-17") or a decade ("30s", «دهه ۳۰») is not one age and is refused with a hint,
never averaged.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from shomar.domain.names_key import ascii_digits
from shomar.domain.said import said

#: the oldest age an import accepts
OLDEST = 130

_APPROX = (
    r"about|around|approx\.?|approximately|circa|ca\.?|c\.|~|±"
    r"|در\s*حدود|حدود[اًا]*|حدودی|تقریبا[ًا]*|قریب"
)
_UNIT = (
    r"years?\s*old|years?|yrs?\.?|yo|y\.?\s*o\.?|y/o|y\.?"
    r"|سال(?:ه|ە|ش)?|سالگی|ساله|سالە"
)
_AGE = re.compile(
    rf"^(?:(?P<approx>{_APPROX})\s*)?(?P<n>\d{{1,3}})(?:\.0+)?\s*(?:(?:{_UNIT})\s*)?(?P<doubt>\?|؟)?$",
    re.IGNORECASE,
)
_SPAN = re.compile(r"\d\s*(?:-|–|—|to|تا|/)\s*\d|\d0\s*'?s\b|دهه|\d\s*و\s*چند|\d+\+", re.IGNORECASE)
_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " ", "ـ": None})


class Age(NamedTuple):
    years: int
    approximate: bool


class AgeProblem(ValueError):
    """The cell holds no age Shomar can read; ``hint`` says how to write it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@functools.lru_cache(maxsize=4096)
def read_age(text: str) -> Age:
    """The age ``text`` states, or :class:`AgeProblem`."""
    folded = " ".join(ascii_digits(text).translate(_FOLD).split())
    found = _AGE.match(folded)
    if found is not None:
        years = int(found["n"])
        if years <= OLDEST:
            return Age(years, bool(found["approx"] or found["doubt"]))
    if _SPAN.search(folded):
        raise AgeProblem(
            said("the age is a range or a decade, not one age"),
            said("Write one age (23, «۲۳ ساله», 'about 30'); put a range or a decade in the notes"),
        )
    raise AgeProblem(
        said("age must be a whole number of years between 0 and %(oldest)s", oldest=OLDEST),
        said("Write the age as a number (23, «۲۳ ساله», '23 years old', 'about 30')"),
    )
