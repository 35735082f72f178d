"""Several plausible linkages instead of one, for estimates that carry linkage uncertainty.

Each sample keeps every candidate pair independently with its match probability (a Bernoulli
draw), then clusters the kept pairs under the same human constraints as the best linkage. The
spread of, e.g., the number of persons or a capture table over the samples shows how much the
estimate depends on the linkage (cf. Sadinle 2017, "Bayesian estimation of bipartite matchings
for record linkage", JASA; Tancredi & Liseo 2011). Independent edge draws followed by transitive
closure over-merge a little relative to a full posterior over partitions; treat the samples as a
sensitivity analysis, not as exact posterior draws.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from shomar.linkage.cluster import Conflicts, cluster_pairs


def sample_linkages(
    pairs: pd.DataFrame,
    n_records: int,
    n: int,
    rng: np.random.Generator,
    *,
    must_link: Iterable[tuple[int, int]] = (),
    cannot_link: Iterable[tuple[int, int]] = (),
    min_probability: float = 0.0,
    conflicts: Conflicts | None = None,
) -> list[np.ndarray]:
    """``n`` clusterings (label arrays over ``0..n_records-1``) drawn from pair probabilities
    (``conflicts``: the model cannot-links of :func:`cluster_pairs`, kept in every draw)."""
    must = list(must_link)
    cannot = list(cannot_link)
    candidates = pairs[pairs["match_probability"] > min_probability]
    probs = candidates["match_probability"].to_numpy(float)
    out: list[np.ndarray] = []
    for _ in range(n):
        keep = rng.random(len(probs)) < probs
        drawn = candidates.loc[keep, ["unique_id_l", "unique_id_r", "match_probability"]]
        # a drawn pair is a link; ordering by probability keeps constrained merges sensible
        out.append(
            cluster_pairs(
                n_records,
                drawn,
                threshold=0.0,
                must_link=must,
                cannot_link=cannot,
                conflicts=conflicts,
            )
        )
    return out


def persons_distribution(samples: Iterable[np.ndarray]) -> np.ndarray:
    """Number of persons in each sampled linkage."""
    return np.array([int(s.max()) + 1 if len(s) else 0 for s in samples])
