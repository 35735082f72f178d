"""Decomposable (chordal) undirected graphs on a few vertices, with cliques and separators.

Used by :mod:`shomar.estimation.dga` for Madigan & York (1997) model averaging. A graph on J
vertices is decomposable iff it is chordal (Lauritzen 1996, Prop. 2.5); its likelihood factorises
over the maximal cliques divided by the separators of a junction tree. The separators are the
intersections along a maximum-weight spanning tree of the clique graph (the multiset is the same
for every junction tree; Jensen & Jensen 1994). Disconnected graphs get empty separators.

Vertex sets are bit masks: vertex ``v`` (0-based, in list order) is bit ``J - 1 - v``, so masks
use the same "first list = most significant bit" convention as capture patterns. For J = 3, 4, 5
there are 8, 61 and 822 labelled decomposable graphs (OEIS A058862).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations

MAX_VERTICES = 6


@dataclass(frozen=True)
class DecomposableGraph:
    """A decomposable graph: its edges, maximal cliques and junction-tree separators (masks)."""

    n_vertices: int
    edges: frozenset[tuple[int, int]]
    cliques: tuple[int, ...]
    separators: tuple[int, ...]

    def clique_members(self) -> list[list[int]]:
        """Cliques as sorted lists of vertex indices."""
        return [members(mask, self.n_vertices) for mask in self.cliques]


def members(mask: int, n_vertices: int) -> list[int]:
    """Vertex indices in ``mask`` (vertex v is bit n_vertices - 1 - v)."""
    return [v for v in range(n_vertices) if mask >> (n_vertices - 1 - v) & 1]


def vertex_bit(vertex: int, n_vertices: int) -> int:
    return 1 << (n_vertices - 1 - vertex)


@cache
def decomposable_graphs(n_vertices: int) -> tuple[DecomposableGraph, ...]:
    """Every labelled decomposable graph on ``n_vertices`` vertices (empty graph first)."""
    if not 1 <= n_vertices <= MAX_VERTICES:
        raise ValueError(f"graphs are enumerated for 1 to {MAX_VERTICES} vertices")
    pairs = list(combinations(range(n_vertices), 2))
    graphs = []
    for code in range(2 ** len(pairs)):
        edges = frozenset(p for i, p in enumerate(pairs) if code >> i & 1)
        adjacency = _adjacency(n_vertices, edges)
        if is_chordal(adjacency):
            cliques = maximal_cliques(adjacency)
            graphs.append(
                DecomposableGraph(n_vertices, edges, cliques, junction_separators(cliques))
            )
    return tuple(graphs)


def _adjacency(n_vertices: int, edges: frozenset[tuple[int, int]]) -> tuple[int, ...]:
    """Neighbour mask of every vertex."""
    adjacency = [0] * n_vertices
    for a, b in edges:
        adjacency[a] |= vertex_bit(b, n_vertices)
        adjacency[b] |= vertex_bit(a, n_vertices)
    return tuple(adjacency)


def is_chordal(adjacency: tuple[int, ...]) -> bool:
    """True iff simplicial vertices can be eliminated one by one until none is left."""
    n = len(adjacency)
    remaining = (1 << n) - 1
    while remaining:
        simplicial = next(
            (v for v in range(n) if remaining & vertex_bit(v, n) and _is_simplicial(
                v, adjacency, remaining)),
            None,
        )  # fmt: skip
        if simplicial is None:
            return False
        remaining &= ~vertex_bit(simplicial, n)
    return True


def _is_simplicial(vertex: int, adjacency: tuple[int, ...], remaining: int) -> bool:
    n = len(adjacency)
    neighbours = adjacency[vertex] & remaining
    return all(
        (adjacency[u] | vertex_bit(u, n)) & neighbours == neighbours for u in members(neighbours, n)
    )


def _is_complete(mask: int, adjacency: tuple[int, ...]) -> bool:
    n = len(adjacency)
    return all((adjacency[v] | vertex_bit(v, n)) & mask == mask for v in members(mask, n))


def maximal_cliques(adjacency: tuple[int, ...]) -> tuple[int, ...]:
    """Maximal complete vertex sets, by exhaustive search (J is at most 6)."""
    n = len(adjacency)
    complete = [m for m in range(1, 1 << n) if _is_complete(m, adjacency)]
    maximal = [m for m in complete if not any(o != m and o & m == m for o in complete)]
    return tuple(sorted(maximal, reverse=True))


def junction_separators(cliques: tuple[int, ...]) -> tuple[int, ...]:
    """Separators of a junction tree: a maximum-weight spanning tree (Prim) of the cliques."""
    if len(cliques) <= 1:
        return ()
    in_tree = [cliques[0]]
    left = list(cliques[1:])
    separators = []
    while left:
        best = max(((a & b).bit_count(), i, a & b) for i, b in enumerate(left) for a in in_tree)
        _, index, separator = best
        separators.append(separator)
        in_tree.append(left.pop(index))
    return tuple(separators)
