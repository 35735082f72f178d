"""The benchmark's "merged among separable pairs" measure (benchmarks/linkage/metrics.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from benchmarks.linkage.metrics import relatives_merged, relatives_separable

from shomar.linkage.features import compute_features

ROWS = [
    # person, source, given, family, father, age, date
    ("V1", "A", "Pirooz", "Eghbal", "Ali", "41", "2011-05-01"),
    ("N1", "B", "Pirooz", "Eghbal", "", "22", "2011-05-03"),  # namesake: 19 years younger
    ("V2", "A", "Reza", "Karimi", "", "", "2011-05-01"),
    ("N2", "B", "Reza", "Karimi", "", "", "2011-05-09"),  # namesake: a bare record, same month
    ("V3", "A", "Jalil", "Bateni", "Karim", "", "2011-06-01"),
    ("S3", "B", "Jalal", "Bateni", "", "", "2011-06-01"),  # sibling: one letter apart, nothing else
    ("V4", "A", "Bahram", "Nadimi", "", "30", "2011-06-01"),
    ("S4", "B", "Kourosh", "Nadimi", "", "", "2011-06-01"),  # sibling: another name entirely
    ("V5", "A", "Sara", "Moradi", "", "", "2011-03-01"),
    ("N5", "A", "Sara", "Moradi", "", "25", ""),  # namesake: an undated age (list A: 2011)
    ("X5", "B", "Sara", "Moradi", "", "50", "2011-03-02"),  # V5's record on list B, aged 50
]


def _setup(tmp_path: Path) -> tuple[Path, list[str], pd.DataFrame, list[str]]:
    frame = pd.DataFrame(
        ROWS,
        columns=["person", "source", "given_name", "family_name", "father_name", "age", "date"],
    )
    frame["record_id"] = [f"r{i}" for i in range(len(frame))]
    relatives = tmp_path / "relatives.csv"
    pd.DataFrame(
        {
            "person_a": ["V1", "V2", "V3", "V4", "V5"],
            "person_b": ["N1", "N2", "S3", "S4", "N5"],
            "relation": ["namesake", "namesake", "sibling", "sibling", "namesake"],
        }
    ).to_csv(relatives, index=False)
    truth = ["V5" if p == "X5" else p for p in frame["person"]]
    return relatives, truth, compute_features(frame), frame["age"].tolist()


def test_merged_among_separable_pairs_leaves_out_what_nothing_tells_apart(tmp_path: Path) -> None:
    relatives, truth, features, ages = _setup(tmp_path)
    labels = np.array([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4])  # every relative pair merged
    out = relatives_separable(relatives, truth, labels, features, ages)
    # namesakes: ages 41/22 and the undated 25 against 50 (list A's 2011) tell two apart,
    # the bare Reza Karimi in the same month does not
    assert out["namesakes_separable_share"] == round(2 / 3, 4)
    assert out["namesakes_merged_separable"] == 1.0
    assert out["namesakes_merged_inseparable"] == 1.0
    # siblings: Bahram/Kourosh are two names; Jalil/Jalal are one typo apart
    assert out["siblings_separable_share"] == 0.5
    assert out["siblings_merged_separable"] == 1.0
    assert out["siblings_merged_despite_evidence"] == 0.5  # Bahram and Kourosh in one person
    # the raw figure counts them all
    assert relatives_merged(relatives, truth, labels)["namesakes_merged"] == 1.0


def test_only_the_merged_separable_pairs_count_in_that_rate(tmp_path: Path) -> None:
    relatives, truth, features, ages = _setup(tmp_path)
    labels = np.array([0, 1, 2, 2, 3, 3, 4, 5, 6, 7, 6])  # only the inseparable ones merged
    out = relatives_separable(relatives, truth, labels, features, ages)
    assert out["namesakes_merged_separable"] == 0.0
    assert out["namesakes_merged_inseparable"] == 1.0
    assert out["siblings_merged_separable"] == 0.0
    assert out["siblings_merged_inseparable"] == 1.0
    assert out["namesakes_merged_despite_evidence"] == 0.0
    assert relatives_merged(relatives, truth, labels)["siblings_merged"] == 0.5
