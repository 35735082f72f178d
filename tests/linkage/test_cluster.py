"""Clustering under human constraints, and person ids that survive re-runs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from shomar.errors import ConflictError
from shomar.linkage.cluster import cluster_pairs, new_person_id, stable_person_ids


def _pairs(rows: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])


def _together(labels: np.ndarray, a: int, b: int) -> bool:
    return bool(labels[a] == labels[b])


def test_threshold_and_connected_components() -> None:
    labels = cluster_pairs(5, _pairs([(0, 1, 0.9), (1, 2, 0.6), (3, 4, 0.4)]), 0.5)
    assert _together(labels, 0, 2)
    assert not _together(labels, 3, 4)
    assert labels.max() == 2  # {0,1,2}, {3}, {4}


def test_must_link_overrides_the_model() -> None:
    labels = cluster_pairs(3, _pairs([(0, 1, 0.01)]), 0.5, must_link=[(0, 1)])
    assert _together(labels, 0, 1)


def test_cannot_link_breaks_the_weakest_chain() -> None:
    # 0-1 strong, 1-2 weak, 0-2 a human said different: 2 leaves, 0 and 1 stay
    pairs = _pairs([(0, 1, 0.99), (1, 2, 0.6), (0, 2, 0.7)])
    labels = cluster_pairs(3, pairs, 0.5, cannot_link=[(0, 2)])
    assert _together(labels, 0, 1)
    assert not _together(labels, 0, 2)
    assert not _together(labels, 1, 2)


def test_contradicting_decisions_are_reported() -> None:
    with pytest.raises(ConflictError):
        cluster_pairs(3, _pairs([]), 0.5, must_link=[(0, 1), (1, 2)], cannot_link=[(0, 2)])


def test_one_record_per_list() -> None:
    sources = np.array(["A", "B", "A", "B"])
    pairs = _pairs([(0, 1, 0.99), (2, 3, 0.98), (0, 3, 0.6)])
    labels = cluster_pairs(4, pairs, 0.5, exclusive_sources=sources)
    assert _together(labels, 0, 1) and _together(labels, 2, 3)
    assert not _together(labels, 0, 2)


def test_stable_ids_follow_the_majority_of_records() -> None:
    keys = ["a", "b", "c", "d"]
    first = stable_person_ids(keys, np.array([0, 0, 0, 1]))
    previous = dict(zip(keys, first, strict=True))
    # the big person loses one record to the small one: the big keeps its id
    second = stable_person_ids(keys, np.array([0, 0, 1, 1]), previous)
    assert second[0] == first[0]
    assert second[3] == first[3]
    # unchanged clustering, unchanged ids
    assert stable_person_ids(keys, np.array([5, 5, 5, 9]), previous) == first


def test_new_ids_are_deterministic_and_never_reuse_a_retired_id() -> None:
    keys = ["a", "b"]
    ids = stable_person_ids(keys, np.array([0, 1]))
    assert ids == [new_person_id(["a"]), new_person_id(["b"])]
    previous = {"a": "P-1", "b": "P-1", "x": "P-2"}
    again = stable_person_ids(keys, np.array([0, 1]), previous, new_id=lambda _k: "P-2")
    assert again[0] == "P-1"
    assert again[1] not in {"P-1", "P-2"}


def _p(bits: float) -> float:
    return float(2**bits / (1 + 2**bits))


def _namesakes_apart(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Records 0 and 1 (one person) conflict with record 3 (his namesake)."""
    return np.isin(left, [0, 1]) & (right == 3) | (left == 3) & np.isin(right, [0, 1])


def test_a_record_corroborated_by_two_of_its_person_beats_a_namesake_by_four_fold() -> None:
    # record 2 links to both records of its person at 6 bits, to the namesake at 3.5 bits:
    # within 8x (the lone-link margin) but not within 4x, so it is not left alone
    pairs = _pairs([(0, 1, 0.999), (0, 2, _p(6)), (1, 2, _p(6)), (2, 3, _p(3.5))])
    labels = cluster_pairs(4, pairs, 0.5, conflicts=_namesakes_apart)
    assert _together(labels, 0, 2) and _together(labels, 1, 2)
    assert not _together(labels, 2, 3)


def test_a_record_resting_on_one_link_or_close_to_both_stays_alone() -> None:
    # one link to its person (6 bits) against 3.5 bits to the namesake: held for review
    single = _pairs([(0, 1, 0.999), (0, 2, _p(6)), (2, 3, _p(3.5))])
    labels = cluster_pairs(4, single, 0.5, conflicts=_namesakes_apart)
    assert not _together(labels, 0, 2) and not _together(labels, 2, 3)
    # two links to its person, but the namesake within 4x (6 against 4.5 bits): still held
    close = _pairs([(0, 1, 0.999), (0, 2, _p(6)), (1, 2, _p(6)), (2, 3, _p(4.5))])
    labels = cluster_pairs(4, close, 0.5, conflicts=_namesakes_apart)
    assert not _together(labels, 0, 2) and not _together(labels, 2, 3)
