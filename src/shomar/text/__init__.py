"""Persian and Latin names: normalization, keys, parsing and comparison.

Normalization is standard library only; comparison adds rapidfuzz. The public API:

- ``persian_display(s)`` / ``latin_display(s)``: display forms (ZWNJ kept in Persian).
- ``persian_key(s)``, ``latin_key(s)``, ``name_key(s)``: comparison keys (``name_key`` picks
  by ``detect_script(s)``: ``"persian" | "latin" | "mixed" | "none"``).
- ``skeleton(s)``: consonant skeleton shared by both scripts, a blocking key (merges
  Mohammad and Mahmoud); ``signature(s)``: skeleton plus long and final vowels (does not).
- ``parse_name(full, surname_first=False) -> ParsedName``: honorifics, given, father, family.
- ``compare_parts(a, b) -> float``: probability that two name parts are one name; cached,
  built for linkage. ``explain_parts`` also returns the evidence.
- ``compare_names(a, b) -> NameComparison``: full names or parts, any script; ``decision`` is
  ``"match"`` (probability ≥ 0.7), ``"no-match"`` (< 0.3) or ``"uncertain"``; ``to_dict()``
  gives the JSON of ``shomar names compare --json``.

Modules: :mod:`~shomar.text.normalize`, :mod:`~shomar.text.skeleton`,
:mod:`~shomar.text.parse`, :mod:`~shomar.text.compare`, and :mod:`~shomar.text.lexicon`
(attested Persian names with Latin spellings and counts, also for the simulator). Data files
load lazily on first use, never at import time.
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
