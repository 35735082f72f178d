"""Persian and Latin names: normalization, keys, parsing and comparison (stdlib + rapidfuzz).

- :mod:`shomar.text.normalize`: display forms and comparison keys per script.
- :mod:`shomar.text.skeleton`: keys shared by both scripts (consonant skeleton, signature).
- :mod:`shomar.text.parse`: honorifics, given, father's and family name.
- :mod:`shomar.text.compare`: match probabilities of name parts and full names.
- :mod:`shomar.text.lexicon`: attested Persian names and Latin spellings (also for simulation).

Data files load lazily on first use, never at import time.
"""

from __future__ import annotations

from shomar.text.compare import NameComparison, compare_names, compare_parts, explain_parts
from shomar.text.normalize import (
    detect_script,
    latin_display,
    latin_key,
    name_key,
    persian_display,
    persian_key,
)
from shomar.text.parse import ParsedName, parse_name
from shomar.text.skeleton import signature, skeleton

__all__ = [
    "NameComparison",
    "ParsedName",
    "compare_names",
    "compare_parts",
    "detect_script",
    "explain_parts",
    "latin_display",
    "latin_key",
    "name_key",
    "parse_name",
    "persian_display",
    "persian_key",
    "signature",
    "skeleton",
]
