"""How event names are matched: case, Arabic/Persian letter forms and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u200c": " "})


def event_key(text: str) -> str:
    """A matching key for an event name as written in a list, a claim or a command."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    return re.sub(r"\s+", " ", folded).strip()
