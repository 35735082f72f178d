"""The best alignment of the parts of two full names, whatever their order.

:func:`align_names` pairs each part of the shorter name with a part of the longer one so that
the product of the part scores (:func:`shomar.text.compare_parts`) is highest, over every
order: "Sanjari Sohrab" ~ "Sohrab Sanjari" aligns Sanjari~Sanjari and Sohrab~Sohrab. Honorifics
(Seyed, Haj, Mir...) and the suffixes Agha/Khanom/Sadat are left out first (see
:func:`shomar.text.parse_name`).

A part may also agree with **a piece of a compound** on the other side: «سپاه‌منصور» contains
«منصور» (so "Mansur"), "Ghaem-Maghami" contains "Maghami", "Aliakbar" contains "Akbar". Such
a link is ``relation="contained"`` and scores :data:`CONTAINED_WEIGHT` × the piece's score: a
partial agreement, never a full one. An initial ("M.") agrees with any name starting with its
letter, scored :data:`INITIAL_SCORE` (``relation="initial"``).

``level`` sums the alignment up for a comparison level in linkage:

- ``"same"``: as many parts on each side, all linked as the same name, in the written order;
- ``"swapped"``: the same, in another order (family name first on one side);
- ``"partial"``: every part of the shorter name is linked, but a link is a containment or an
  initial, or the longer name has parts left over;
- ``"different"``: some part of the shorter name has no counterpart.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from shomar.text.compare import MATCH_THRESHOLD, NO_MATCH_THRESHOLD, compare_parts
from shomar.text.lexicon import is_known_given, is_known_surname
from shomar.text.normalize import detect_script, name_key, persian_display
from shomar.text.parse import parse_name

__all__ = [
    "CONTAINED_WEIGHT",
    "INITIAL_SCORE",
    "NameAlignment",
    "PartLink",
    "align_names",
    "name_pieces",
]

#: a part that is one piece of the other side's compound agrees this much (times its score)
CONTAINED_WEIGHT = 0.7
#: an initial ("M.") against a name with that first letter
INITIAL_SCORE = 0.5
#: each part of the longer name left without a counterpart multiplies the score by this
UNMATCHED_FACTOR = 0.85
_MAX_BRUTE_FORCE = 6

_PIECES = re.compile(r"[\s\u200c\-_]+")
_INITIAL = re.compile(r"^([^\W\d_]{1,3})\.?$")


@dataclass(frozen=True)
class PartLink:
    """One part of name ``a`` aligned with one part of name ``b``."""

    a: str
    b: str
    score: float
    relation: str  # "same" | "contained" | "initial"

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "score": round(self.score, 4), "relation": self.relation}


@dataclass(frozen=True)
class NameAlignment:
    """The result of :func:`align_names`."""

    a: str
    b: str
    parts_a: tuple[str, ...]
    parts_b: tuple[str, ...]
    links: tuple[PartLink, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]
    score: float
    level: str  # "same" | "swapped" | "partial" | "different"

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "level": self.level,
            "links": [link.to_dict() for link in self.links],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
        }


@lru_cache(maxsize=131072)
def name_pieces(part: str) -> tuple[str, ...]:
    """The pieces of a compound name part: split at ZWNJ, hyphens and spaces («سپاه‌منصور» →
    سپاه, منصور; "Ghaem-Maghami" → Ghaem, Maghami), and after a compound head when the rest is
    an attested name ("Aliakbar" → Ali, akbar; «غلامرضا» → غلام, رضا). A simple part gives
    itself alone."""
    text = persian_display(part) if detect_script(part) == "persian" else part
    pieces = [p for p in _PIECES.split(text) if p]
    if len(pieces) > 1:
        return tuple(pieces)
    low = text.lower()
    for head in sorted(_HEAD_FORMS, key=len, reverse=True):
        if low.startswith(head) and len(low) - len(head) >= 3:
            rest = text[len(head) :]
            key = name_key(rest)
            if is_known_given(key) or is_known_surname(key):
                return (text[: len(head)], rest)
    return (text,)


_HEAD_FORMS: tuple[str, ...] = (
    "mohammad", "mohamad", "muhammad", "mohammed", "ali", "amir", "gholam", "qolam",
    "abdol", "abdul", "abol", "abul", "mir", "seyed", "seyyed",
    "محمد", "علی", "امیر", "غلام", "عبدال", "ابوال", "میر",
)  # fmt: skip


def _initial(part: str) -> str | None:
    m = _INITIAL.match(part)
    if m is not None and (part.endswith(".") or len(part) == 1):
        return m.group(1).lower()
    return None


@lru_cache(maxsize=262144)
def _link(a: str, b: str) -> tuple[float, str]:
    best = (compare_parts(a, b), "same")
    if best[0] >= MATCH_THRESHOLD:
        return best
    ia, ib = _initial(a), _initial(b)
    initial = (ia and not ib and b.lower().startswith(ia)) or (
        ib and not ia and a.lower().startswith(ib)
    )
    if initial and best[0] < INITIAL_SCORE:
        best = (INITIAL_SCORE, "initial")
    for whole, part in ((a, b), (b, a)):
        pieces = name_pieces(whole)
        if len(pieces) < 2:
            continue
        for piece in pieces:
            s = CONTAINED_WEIGHT * compare_parts(piece, part)
            if s > best[0]:
                best = (s, "contained")
    return best


def _parts(name: str) -> tuple[str, ...]:
    return parse_name(name).tokens


@lru_cache(maxsize=65536)
def align_names(a: str, b: str) -> NameAlignment:
    """Best order-invariant alignment of the parts of two full names (see the module)."""
    pa, pb = _parts(a), _parts(b)
    if not pa or not pb:
        return NameAlignment(a, b, pa, pb, (), pa, pb, 0.0, "different")
    swap = len(pa) > len(pb)
    short, long_ = (pb, pa) if swap else (pa, pb)
    table = [[_link(s, t) if not swap else _link(t, s) for t in long_] for s in short]
    best_perm: tuple[int, ...] = ()
    best_log = -math.inf
    if len(long_) <= _MAX_BRUTE_FORCE:
        for perm in itertools.permutations(range(len(long_)), len(short)):
            total = sum(math.log(max(table[i][j][0], 1e-6)) for i, j in enumerate(perm))
            # ties go to the written order
            if total > best_log + 1e-12:
                best_log, best_perm = total, perm
    else:  # greedy for long names
        used: set[int] = set()
        chosen = []
        for i in range(len(short)):
            j = max((j for j in range(len(long_)) if j not in used), key=lambda j: table[i][j][0])
            used.add(j)
            chosen.append(j)
        best_perm = tuple(chosen)
    links: list[PartLink] = []
    score = 1.0
    linked_short: set[int] = set()
    linked_long: set[int] = set()
    for i, j in enumerate(best_perm):
        s, relation = table[i][j]
        score *= s
        if s >= NO_MATCH_THRESHOLD:
            x, y = (long_[j], short[i]) if swap else (short[i], long_[j])
            links.append(PartLink(x, y, s, relation))
            linked_short.add(i)
            linked_long.add(j)
    left = len(long_) - len(short)
    score *= UNMATCHED_FACTOR**left
    un_short = tuple(p for i, p in enumerate(short) if i not in linked_short)
    un_long = tuple(p for j, p in enumerate(long_) if j not in linked_long)
    if un_short:
        level = "different"
    elif left or any(link.relation != "same" or link.score < MATCH_THRESHOLD for link in links):
        level = "partial"
    elif list(best_perm) == list(range(len(short))):
        level = "same"
    else:
        level = "swapped"
    un_a, un_b = (un_long, un_short) if swap else (un_short, un_long)
    return NameAlignment(a, b, pa, pb, tuple(links), un_a, un_b, score, level)
