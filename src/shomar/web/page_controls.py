"""Hints written for the command line, said with the upload page's own controls.

The import's hints name its options ("Choose one with --sheet NAME", "use --header-row 3");
on the upload page the same choices are its fields, so a hint names the field instead (and
keeps a value the hint gives: "--encoding cp1256" → “Encoding” = cp1256).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: an import option → the label of the upload page's field for it (a template string, so the
#: catalogs translate it)
CONTROLS = {
    "--sheet": "Sheet",
    "--encoding": "Encoding",
    "--header-row": "Row with the column names",
}
_OPTION = re.compile(r"--(sheet|encoding|header-row)(?: \u2068?(NAME|N|[\w.-]+)\u2069?)?")
_PLACEHOLDERS = ("NAME", "N")
_QUOTES = {"fa": ("«", "»"), "en": ("“", "”")}


def on_page(text: str, lang: str, gettext: Callable[[str], str]) -> str:
    """``text`` with each option it names replaced by the page's field for it."""
    opening, closing = _QUOTES.get(lang, _QUOTES["en"])

    def field(match: re.Match[str]) -> str:
        label = f"{opening}{gettext(CONTROLS['--' + match.group(1)])}{closing}"
        value = match.group(2)
        return label if value is None or value in _PLACEHOLDERS else f"{label} = {value}"

    return _OPTION.sub(field, text)
