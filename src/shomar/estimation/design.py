"""Hierarchical log-linear models for capture tables: terms, names, enumeration, design matrices.

A *term* is a set of lists, stored as a bit mask in the same code as capture patterns
(:func:`shomar.estimation.capture.all_patterns`): the first list is the most significant bit, so
the pattern in row ``r`` of a table has code ``r + 1`` and a term ``t`` is present in the cell
with code ``c`` exactly when ``c & t == t``. The empty term ``0`` is the intercept.

A hierarchical model always holds the intercept and every main effect, and with each
interaction all of its subsets. Models are named by their generators (the maximal terms) in
the notation of Rcapture ``closedpMS.t`` and MultipleSystemsEstimation: lists numbered from 1,
generators by decreasing order and then lexicographically, e.g. ``[123,14,34]`` or ``[234,1]``
(Rivest & Baillargeon, Rcapture; Silverman, Chan & Vincent 2024, *Statistics and Computing*
34:44).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import combinations

import numpy as np
import numpy.typing as npt

#: Above this many lists, exhaustive enumeration is refused (stepwise selection is used).
MAX_EXHAUSTIVE_LISTS = 5


def term_mask(lists: Iterable[int], n_lists: int) -> int:
    """The bit mask of a term given 0-based list indices."""
    mask = 0
    for i in lists:
        mask |= 1 << (n_lists - 1 - i)
    return mask


def term_lists(mask: int, n_lists: int) -> tuple[int, ...]:
    """The 0-based list indices in a term."""
    return tuple(i for i in range(n_lists) if mask >> (n_lists - 1 - i) & 1)


def term_order(mask: int) -> int:
    return mask.bit_count()


def term_label(mask: int, n_lists: int) -> str:
    """Rcapture label of a term: 1-based list numbers run together (``"123"``)."""
    return "".join(str(i + 1) for i in term_lists(mask, n_lists))


def term_names(mask: int, lists: Sequence[str]) -> str:
    """A term with list names, as ``EXH:ABA`` (used in messages)."""
    return ":".join(lists[i] for i in term_lists(mask, len(lists)))


@dataclass(frozen=True)
class HierModel:
    """A hierarchical log-linear model: all its terms (intercept first), closed under subsets."""

    n_lists: int
    terms: tuple[int, ...]

    @classmethod
    def from_generators(cls, generators: Iterable[int], n_lists: int) -> HierModel:
        closed = {0} | {1 << k for k in range(n_lists)}
        for g in generators:
            closed |= _subsets(g)
        return cls(n_lists, tuple(sorted(closed, key=lambda t: (t.bit_count(), -t))))

    @classmethod
    def main_effects(cls, n_lists: int) -> HierModel:
        return cls.from_generators((), n_lists)

    @classmethod
    def parse(cls, name: str, n_lists: int) -> HierModel:
        """Read a name such as ``"[123,14,34]"`` (1-based list numbers, ``J`` ≤ 9)."""
        body = name.strip().strip("[]").replace(" ", "")
        gens = []
        for part in filter(None, body.split(",")):
            idx = [int(ch) - 1 for ch in part]
            if any(i < 0 or i >= n_lists for i in idx):
                raise ValueError(f"model {name!r}: list number out of range 1..{n_lists}")
            gens.append(term_mask(idx, n_lists))
        return cls.from_generators(gens, n_lists)

    @property
    def order(self) -> int:
        return max(t.bit_count() for t in self.terms)

    @property
    def n_params(self) -> int:
        return len(self.terms)

    def generators(self) -> list[int]:
        """Maximal terms, ordered as in the model name."""
        return list(self._generators)

    @cached_property
    def _generators(self) -> tuple[int, ...]:
        terms = set(self.terms) - {0}
        bits = [1 << b for b in range(self.n_lists)]
        # closed under subsets, so t is maximal iff no one-list extension of t is present
        maximal = [t for t in terms if not any(not t & b and t | b in terms for b in bits)]
        return tuple(sorted(maximal, key=lambda t: (-t.bit_count(), term_label(t, self.n_lists))))

    @cached_property
    def name(self) -> str:
        return "[" + ",".join(term_label(g, self.n_lists) for g in self.generators()) + "]"

    def interactions(self) -> list[int]:
        return [t for t in self.terms if t.bit_count() >= 2]

    def with_term(self, mask: int) -> HierModel:
        return HierModel.from_generators([*self.generators(), mask], self.n_lists)


def _subsets(mask: int) -> set[int]:
    out = set()
    sub = mask
    while True:
        out.add(sub)
        if sub == 0:
            break
        sub = (sub - 1) & mask
    return out


def enumerate_models(n_lists: int, max_order: int) -> list[HierModel]:
    """Every hierarchical model with all main effects and interactions up to ``max_order``.

    The same model space as Rcapture ``closedpMS.t(maxorder=...)`` with its default
    ``forced = 1:t`` (113 models for four lists and order 3).
    """
    if n_lists > MAX_EXHAUSTIVE_LISTS + 1:
        raise ValueError(f"exhaustive enumeration is limited to {MAX_EXHAUSTIVE_LISTS + 1} lists")
    max_order = max(1, min(max_order, n_lists - 1))
    return [HierModel(n_lists, t) for t in _enumerate_terms(n_lists, max_order)]


@cache
def _enumerate_terms(n_lists: int, max_order: int) -> tuple[tuple[int, ...], ...]:
    base = [0] + [1 << k for k in range(n_lists)]
    candidates = [
        term_mask(c, n_lists)
        for order in range(2, max_order + 1)
        for c in combinations(range(n_lists), order)
    ]
    results: list[tuple[int, ...]] = []

    def visit(i: int, chosen: set[int]) -> None:
        if i == len(candidates):
            terms = sorted(chosen, key=lambda t: (t.bit_count(), -t))
            results.append(tuple(terms))
            return
        visit(i + 1, chosen)
        t = candidates[i]
        parents = [t & ~(1 << b) for b in range(n_lists) if t >> b & 1]
        if all(p in chosen for p in parents):
            chosen.add(t)
            visit(i + 1, chosen)
            chosen.remove(t)

    visit(0, set(base))
    results.sort(key=lambda ts: (len(ts), ts))
    return tuple(results)


@cache
def _cell_codes(n_lists: int) -> npt.NDArray[np.int64]:
    return np.arange(1, 2**n_lists, dtype=np.int64)


def design_matrix(
    n_lists: int, terms: Sequence[int], cells: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.float64]:
    """0/1 design: ``X[i, k] = 1`` when cell ``cells[i]`` contains term ``terms[k]``.

    ``cells`` are cell codes (default: every observable cell, in table order).
    """
    codes = _cell_codes(n_lists) if cells is None else cells
    t = np.asarray(terms, dtype=np.int64)
    return ((codes[:, None] & t[None, :]) == t[None, :]).astype(np.float64)


def margins(n_lists: int, counts: npt.NDArray[np.int64] | npt.NDArray[np.float64]) -> npt.NDArray:
    """``nstar[t]`` for every mask ``t``: records in cells containing ``t`` (a superset sum).

    Works on a vector of counts (shape ``(2**J - 1,)``) or a batch (``(B, 2**J - 1)``).
    """
    y = np.asarray(counts)
    full = np.zeros((*y.shape[:-1], 2**n_lists), dtype=y.dtype)
    full[..., 1:] = y
    for b in range(n_lists):
        bit = 1 << b
        idx = np.arange(2**n_lists)
        low = idx[(idx & bit) == 0]
        full[..., low] += full[..., low | bit]
    return full
