"""Is a name, or a whole list of names, written family name first?

Per name (:func:`name_order`): a comma ("Rezaei, Aliakbar", «رضایی، علی‌اکبر») or capitals
("REZAEI Aliakbar") say it outright. Otherwise the first and last parts are weighed by how
often each is attested as a given or as a family name (:func:`shomar.text.lexicon.role_counts`)
and by family-name endings (-i/ی, -zadeh/زاده, -pour/پور, -nejad/نژاد, -ian/یان, -lou/لو, -far/فر):
"Sanjari Sohrab" is family-first, "Sohrab Sanjari" given-first, "Ali Reza" unknown.

Per list (:func:`detect_name_order`): the names that tell their order vote; the list is
``"family-first"`` (or ``"given-first"``) when at least ``threshold`` of at least
``min_evidence`` voting names agree, ``"mixed"`` when both orders are common, and ``"unknown"``
when too few names tell. Linkage and import normalise a family-first list with
``parse_name(name, surname_first=True)`` and keep the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from shomar.text.lexicon import role_counts
from shomar.text.normalize import detect_script, name_key, persian_display
from shomar.text.parse import parse_name

__all__ = ["NameOrder", "detect_name_order", "name_order"]

_FAMILY_ENDING_LATIN = re.compile(
    r"(?:[^aeiou]i|zadeh|zade|pour|poor|nejad|nezhad|ian|yan|lou|loo|far|fard|i?ee)$"
)
_FAMILY_ENDING_FA = ("ی", "زاده", "پور", "نژاد", "یان", "لو", "فر", "فرد")
#: how much more likely one order must be than the other for a name to vote
_RATIO = 3.0


def _family_ending(token: str) -> bool:
    if detect_script(token) == "persian":
        return persian_display(token).endswith(_FAMILY_ENDING_FA)
    return _FAMILY_ENDING_LATIN.search(token.lower()) is not None


def _p_given(token: str) -> float:
    """Probability that a part is a given name (attestations, then the ending)."""
    given, family = role_counts(name_key(token))
    prior = 0.25 if _family_ending(token) else 0.7
    return (given + 2 * prior) / (given + family + 2)


@lru_cache(maxsize=65536)
def name_order(name: str) -> str:
    """``"family-first"``, ``"given-first"`` or ``"unknown"`` for one name."""
    parsed = parse_name(name)
    if parsed.order_evidence in ("comma", "capitals"):
        return "family-first" if parsed.family_first else "given-first"
    tokens = parsed.tokens
    if len(tokens) < 2:
        return "unknown"
    first, last = _p_given(tokens[0]), _p_given(tokens[-1])
    given_first = first * (1 - last)
    family_first = (1 - first) * last
    if family_first > _RATIO * given_first:
        return "family-first"
    if given_first > _RATIO * family_first:
        return "given-first"
    return "unknown"


@dataclass(frozen=True)
class NameOrder:
    """The name order of a list: the decision and the votes behind it."""

    order: str  # "family-first" | "given-first" | "mixed" | "unknown"
    names: int
    family_first: int
    given_first: int
    explanation: str

    @property
    def is_family_first(self) -> bool:
        return self.order == "family-first"

    def to_dict(self) -> dict[str, object]:
        return {
            "order": self.order,
            "names": self.names,
            "family_first": self.family_first,
            "given_first": self.given_first,
            "explanation": self.explanation,
        }


def detect_name_order(
    names: Iterable[str], *, min_evidence: int = 3, threshold: float = 0.7
) -> NameOrder:
    """Whether a list of full names is written family name first (see the module docstring)."""
    n = ff = gf = 0
    for name in names:
        if not name or not name.strip():
            continue
        n += 1
        order = name_order(name)
        ff += order == "family-first"
        gf += order == "given-first"
    votes = ff + gf
    if votes < min_evidence:
        return NameOrder(
            "unknown",
            n,
            ff,
            gf,
            f"only {votes} of {n} names tell their order (need {min_evidence})",
        )
    share = ff / votes
    if share >= threshold:
        order = "family-first"
    elif 1 - share >= threshold:
        order = "given-first"
    else:
        order = "mixed"
    why = (
        f"{ff} of {votes} names that tell their order are family name first, {gf} given name "
        f"first ({n} names)"
    )
    return NameOrder(order, n, ff, gf, why)
