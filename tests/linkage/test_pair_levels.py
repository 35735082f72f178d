"""The review evidence's comparison levels, evaluated again for the queued pairs: a missing
value is "missing", never the level whose weight happens to be closest."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.comparisons import default_comparisons
from shomar.linkage.features import compute_features
from shomar.linkage.pair_levels import pair_levels


def _settings() -> dict[str, object]:
    comparisons = [c.get_comparison("duckdb").as_dict() for c in default_comparisons()]
    return {"comparisons": comparisons, "sql_dialect": "duckdb"}


def _levels(settings: dict[str, object]) -> dict[str, list[str]]:
    """Per comparison, its level labels by gamma (index -1: the null level)."""
    out = {}
    for comparison in settings["comparisons"]:  # type: ignore[attr-defined]
        present = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        out[comparison["output_column_name"]] = [lv["label_for_charts"] for lv in reversed(present)]
    return out


def test_levels_say_missing_for_a_missing_value_and_name_the_matching_level() -> None:
    records = pd.DataFrame(
        [
            {"source": "A", "record_id": "1", "full_name": "Ali Rezaei", "father_name": "Hasan",
             "date": "1988-08-01", "place": "Tehran", "violation": "execution"},
            {"source": "B", "record_id": "2", "full_name": "علی رضایی", "father_name": "",
             "date": "1988-08-01", "place": "تهران", "violation": "execution"},
            {"source": "C", "record_id": "3", "full_name": "Ali Rezaei", "father_name": "Hasan",
             "date": "1987-01-01", "place": "", "violation": "execution"},
        ]
    )  # fmt: skip
    settings = _settings()
    labels = _levels(settings)
    found = pair_levels(settings, compute_features(records), np.array([0, 0]), np.array([1, 2]))
    assert len(found) == 2
    first, second = found.to_dict("records")
    assert first["gamma_father_name"] == -1  # one side has no father's name
    assert second["gamma_place"] == -1  # one side has no place
    assert labels["given_name"][int(first["gamma_given_name"])] == "same name across scripts"
    assert labels["father_name"][int(second["gamma_father_name"])] == "same key"
    assert labels["violation_date"][int(first["gamma_violation_date"])] == "same day"
    assert labels["violation_date"][int(second["gamma_violation_date"])] == "All other comparisons"


def test_conditions_it_cannot_read_leave_the_levels_to_the_weights() -> None:
    settings = {
        "comparisons": [
            {"output_column_name": "x", "comparison_levels": [
                {"sql_condition": "no_such_function(a_l) = 1", "label_for_charts": "odd"},
                {"sql_condition": "ELSE", "label_for_charts": "else"},
            ]}
        ],
        "sql_dialect": "duckdb",
    }  # fmt: skip
    features = pd.DataFrame({"unique_id": [0, 1], "a": [1, 2]})
    found = pair_levels(settings, features, np.array([0]), np.array([1]))
    assert list(found.columns) == []
    assert len(found) == 1
