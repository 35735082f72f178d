"""Several plausible linkages drawn from pair probabilities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.uncertainty import persons_distribution, sample_linkages


def _pairs() -> pd.DataFrame:
    return pd.DataFrame(
        [(0, 1, 1.0), (2, 3, 0.5), (4, 5, 0.0)],
        columns=["unique_id_l", "unique_id_r", "match_probability"],
    )


def test_certain_pairs_always_and_impossible_pairs_never_linked() -> None:
    samples = sample_linkages(_pairs(), 6, 50, np.random.default_rng(1))
    assert len(samples) == 50
    assert all(s[0] == s[1] for s in samples)
    assert all(s[4] != s[5] for s in samples)
    linked = np.mean([s[2] == s[3] for s in samples])
    assert 0.3 < linked < 0.7  # p = 0.5; 50 draws: outside this band with prob. < 0.01


def test_seeded_and_constrained() -> None:
    a = sample_linkages(_pairs(), 6, 5, np.random.default_rng(7), cannot_link=[(0, 1)])
    b = sample_linkages(_pairs(), 6, 5, np.random.default_rng(7), cannot_link=[(0, 1)])
    assert all((x == y).all() for x, y in zip(a, b, strict=True))
    assert all(s[0] != s[1] for s in a)
    counts = persons_distribution(a)
    assert set(counts.tolist()) <= {5, 6}
