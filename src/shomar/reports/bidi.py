"""Persian inside an English page: isolate every Arabic-script run and mark it right-to-left.

The report is English (``dir="ltr"``); names, quotes and places may be Persian. A run of
Persian text (from a Persian letter up to the next Latin letter, less trailing neutrals) is
wrapped in ``<bdi lang="fa" dir="rtl">`` so the browser lays it out right-to-left, shapes it
with the Persian font, and keeps neighbouring Latin text and numbers from being reordered
into it. Everything is HTML-escaped first.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_RUN = re.compile(f"[{_LETTERS}][^A-Za-z\u00c0-\u024f<>&]*")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_TRAILING = re.compile(f"[^{_LETTERS}\\d]+$")


def persian_runs(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into ``(piece, is_persian)`` pieces, in logical order.

    Text without Latin letters is one piece, so a Persian sentence keeps its punctuation.
    """
    if _RUN.search(text) and not _LATIN.search(text):
        return [(text, True)]
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _RUN.finditer(text):
        run = match.group(0)
        trailing = _TRAILING.search(run)
        end = match.start() + (trailing.start() if trailing else len(run))
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((text[match.start() : end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def bidi_html(text: object) -> Markup:
    """Escaped HTML for ``text`` with each Persian run isolated right-to-left."""
    if text is None:
        return Markup("")
    out = []
    for piece, persian in persian_runs(str(text)):
        if persian:
            out.append(Markup('<bdi lang="fa" dir="rtl">{}</bdi>').format(piece))
        else:
            out.append(escape(piece))
    return Markup("").join(out)
