"""Persian and Latin names: normalization, keys, parsing and comparison.

Normalization is standard library only; comparison adds rapidfuzz. The public API:

- ``persian_display(s)`` / ``latin_display(s)``: display forms (ZWNJ kept in Persian).
- ``persian_key(s)``, ``latin_key(s)``, ``name_key(s)``: comparison keys (``name_key`` picks
  by ``detect_script(s)``: ``"persian" | "latin" | "mixed" | "none"``).
- ``skeleton(s)``: consonant skeleton shared by both scripts, a blocking key (merges
  Mohammad and Mahmoud); ``signature(s)``: skeleton plus long and final vowels (does not).
- ``parse_name(full, surname_first=False) -> ParsedName``: honorifics, given, father, family;
  "FAMILY, Given" and "FAMILY Given" (capitals) are read family-first (``family_first``,
  ``order_evidence``); "M. Reza", "Gh. Ali", "S. Ali" expanded; Agha/Khanom/Sadat suffixes off.
- ``name_order(name) -> str`` and ``detect_name_order(names) -> NameOrder``: whether one name
  or a whole list is written family name first.
- ``align_names(a, b) -> NameAlignment``: the best order-invariant alignment of two full
  names' parts (``level``: same / swapped / partial / different), with compound containment
  («سپاه‌منصور» ~ "Mansur") and initials as partial agreement; ``name_pieces(part)``.
- ``latin_variants(s)`` (UN/BGN, ALA-LC, French, German readings) and
  ``colloquial_formal(s)`` («ممد» → «محمد»): the variants ``compare_parts`` also tries.
- ``compare_parts(a, b) -> float``: probability that two name parts are one name; cached,
  built for linkage. ``explain_parts`` also returns the evidence.
- ``compare_names(a, b) -> NameComparison``: full names or parts, any script; ``decision`` is
  ``"match"`` (probability ≥ 0.7), ``"no-match"`` (< 0.3) or ``"uncertain"``; ``to_dict()``
  gives the JSON of ``shomar names compare --json``.

Modules: :mod:`~shomar.text.normalize`, :mod:`~shomar.text.skeleton`,
:mod:`~shomar.text.parse`, :mod:`~shomar.text.compare`, :mod:`~shomar.text.variants`,
:mod:`~shomar.text.order`, :mod:`~shomar.text.align`, and :mod:`~shomar.text.lexicon`
(attested Persian names with Latin spellings and counts, also for the simulator). Data files
load lazily on first use, never at import time.
"""

from __future__ import annotations

from shomar.text.align import NameAlignment, PartLink, align_names, name_pieces
from shomar.text.compare import NameComparison, compare_names, compare_parts, explain_parts
from shomar.text.normalize import (
    detect_script,
    latin_display,
    latin_key,
    name_key,
    persian_display,
    persian_key,
)
from shomar.text.order import NameOrder, detect_name_order, name_order
from shomar.text.parse import ParsedName, parse_name
from shomar.text.skeleton import signature, skeleton
from shomar.text.variants import colloquial_formal, latin_variants

__all__ = [
    "NameAlignment",
    "NameComparison",
    "NameOrder",
    "ParsedName",
    "PartLink",
    "align_names",
    "colloquial_formal",
    "compare_names",
    "compare_parts",
    "detect_name_order",
    "detect_script",
    "explain_parts",
    "latin_display",
    "latin_key",
    "latin_variants",
    "name_key",
    "name_order",
    "name_pieces",
    "parse_name",
    "persian_display",
    "persian_key",
    "signature",
    "skeleton",
]
