"""The benchmark's list of true pairs that no blocking rule puts in front of the model."""

from __future__ import annotations

import pandas as pd
from benchmarks.linkage.unblocked import missed_pairs, rule_columns

from shomar.linkage.blocking import DEFAULT_RULES
from shomar.linkage.features import compute_features


def test_missed_pairs_are_the_true_pairs_no_rule_blocks() -> None:
    frame = pd.DataFrame(
        {
            "source": ["A", "B", "A", "B"],
            "record_id": ["1", "2", "3", "4"],
            "given_name": ["Reza", "Reza", "Bahram", "Nima"],
            "family_name": ["Karimi", "Karimi", "Nadimi", "Farahani"],
            "date": ["2011-05-01", "2011-05-01", "2011-06-01", "1390"],
        }
    )
    truth = ["p1", "p1", "p2", "p2"]  # p2: two names with nothing in common
    assert missed_pairs(compute_features(frame), DEFAULT_RULES, truth) == [(2, 3)]


def test_rule_columns_lists_each_column_once() -> None:
    columns = rule_columns([("a", "b"), ("b", "c")])
    assert columns == ["a", "b", "c"]
    assert "date_month" in rule_columns(DEFAULT_RULES)
