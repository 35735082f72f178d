"""Choosing a workbook sheet by the name a user typed (Persian letter forms and case aside)."""

from __future__ import annotations

from collections.abc import Sequence

from shomar.domain.names_key import match_key


def pick_sheet(wanted: str, names: Sequence[str]) -> str:
    """The sheet of ``names`` that ``wanted`` names: exactly, else by :func:`match_key`.

    Returns ``wanted`` unchanged when no sheet matches (the reader then lists the sheets).
    """
    if wanted in names:
        return wanted
    key = match_key(wanted)
    return next((name for name in names if match_key(name) == key), wanted)
