"""Blocking keys: true pairs that other romanisations, typos and order swaps used to hide."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pytest

from shomar.linkage.blocking import DEFAULT_RULES
from shomar.linkage.features import compute_features


def _features(rows: list[dict[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, "source", [f"L{i}" for i in range(len(frame))])
    frame.insert(1, "record_id", [str(i) for i in range(len(frame))])
    return compute_features(frame)


def _blocked_by(features: pd.DataFrame, i: int, j: int) -> list[tuple[str, ...]]:
    """The default rules that put records ``i`` and ``j`` in one block."""
    a, b = features.iloc[i], features.iloc[j]
    return [
        rule
        for rule in DEFAULT_RULES
        if all(pd.notna(a[c]) and pd.notna(b[c]) and a[c] == b[c] for c in rule)
    ]


def test_french_german_and_persian_spellings_share_the_loose_name_key() -> None:
    names = ["Djavad Chahrokhi", "جواد شاهرخی", "Javad Shahrokhi", "Dschawad Schahrochi"]
    features = _features([{"full_name": n} for n in names])
    assert features["name_lskel"].nunique() == 1
    for i, j in combinations(range(len(names)), 2):
        assert ("name_lskel",) in _blocked_by(features, i, j)


def test_loose_name_key_is_order_invariant_and_keeps_other_names_apart() -> None:
    features = _features(
        [
            {"given_name": "میرشمسی", "family_name": "صادق"},  # columns swapped
            {"full_name": "Sadegh Mirshamshi"},  # سمسی read as shamshi
            {"full_name": "Sadegh Mirshahi"},
        ]
    )
    assert _blocked_by(features, 0, 1) == [("name_lskel",)]
    assert features["name_lskel"][0] != features["name_lskel"][2]


@pytest.mark.parametrize(
    "written",
    [
        "Sohrab Afsha",  # a consonant dropped from the family name
        "Afsha Sohrab",  # ... in a row written family first
    ],
)
def test_one_part_with_a_typo_in_either_order_is_blocked_within_a_province(
    written: str,
) -> None:
    left = {"given_name": "سهراب", "family_name": "افشار", "province": "Tehran"}
    features = _features([left, {"full_name": written, "province": "Tehran"}])
    assert ("name_anchor", "province") in _blocked_by(features, 0, 1)
    elsewhere = _features([left, {"full_name": written, "province": "Fars"}])
    assert ("name_anchor", "province") not in _blocked_by(elsewhere, 0, 1)


def test_a_family_name_without_consonants_still_makes_a_name_key() -> None:
    features = _features(
        [{"full_name": "Keyhan Ave"}, {"given_name": "کیهان", "family_name": "او"}]
    )
    assert features["family_skel"].isna().all()  # no consonant skeleton
    assert features["name_lskel"][0] == features["name_lskel"][1] == "_ sn"


def test_a_compound_family_name_shortened_to_zadeh_stays_the_family_name() -> None:
    features = _features(
        [{"full_name": "کرم زاده"}, {"given_name": "Karam", "family_name": "Zadeh"}]
    )
    assert features["family_key"].notna().all()
    assert features["given_skel"][0] == features["given_skel"][1]
    assert ("name_skel",) in _blocked_by(features, 0, 1)


def test_a_name_of_one_part_beside_an_honorific_is_blocked_on_that_part() -> None:
    features = _features(
        [
            {"full_name": "شیخ قنبرزاده"},  # the honorific is dropped: one part left
            {"given_name": "Sheykh", "family_name": "Ghanbarzadeh"},
            {"given_name": "Ali", "family_name": "Ghanbarzadeh"},
        ]
    )
    assert ("name_single",) in _blocked_by(features, 0, 1)
    assert features["name_single"][2] is None  # two real parts: the other rules apply


def test_the_smaller_anchor_catches_a_typo_in_the_part_that_sorts_first() -> None:
    # frzd|s < sqn|f: the typo (n → m) is in the part whose key is the larger anchor
    rows = [
        {"given_name": "فرزاد", "family_name": "سقائیان", "date": "1390/05/20"},
        {"given_name": "Farzad", "family_name": "Saghaiam", "date": "2011-08-11"},
    ]
    features = _features(rows)
    assert features["name_anchor"][0] != features["name_anchor"][1]
    assert ("name_anchor_lo", "date_day") in _blocked_by(features, 0, 1)
