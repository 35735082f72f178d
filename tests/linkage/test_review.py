"""The review queue: uncertain pairs first where a verdict teaches most; evidence per level."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.review import binary_entropy, review_queue


def _pairs(rows: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])


def test_entropy_peaks_at_one_half() -> None:
    values = binary_entropy(np.array([0.0, 0.5, 1.0]))
    assert values[1] == 1.0
    assert values[0] < 1e-9 and values[2] < 1e-9


def test_band_order_and_decided_pairs() -> None:
    pairs = _pairs([(0, 1, 0.5), (2, 3, 0.85), (4, 5, 0.95), (6, 7, 0.55)])
    labels = np.arange(8)
    queue = review_queue(pairs, labels, low=0.1, high=0.9, decided=[(7, 6)])
    assert list(zip(queue["unique_id_l"], queue["unique_id_r"], strict=True)) == [(0, 1), (2, 3)]
    assert queue["value"].is_monotonic_decreasing


def test_bigger_persons_weigh_more() -> None:
    pairs = _pairs([(0, 1, 0.5), (2, 5, 0.5)])
    labels = np.array([0, 1, 2, 2, 2, 3])  # 2 belongs to a person of three records
    queue = review_queue(pairs, labels, low=0.1, high=0.9)
    assert (queue.iloc[0]["unique_id_l"], queue.iloc[0]["unique_id_r"]) == (2, 5)
    assert not queue["same_person"].any()


def test_empty_band() -> None:
    queue = review_queue(_pairs([(0, 1, 0.99)]), np.arange(2), low=0.1, high=0.9)
    assert queue.empty


def test_evidence_names_the_level_behind_each_weight() -> None:
    from shomar.linkage.review import pair_evidence
    from shomar.linkage.spec import LinkageSpec, TrainedModel

    settings = {
        "comparisons": [
            {
                "output_column_name": "given_name",
                "comparison_levels": [
                    {"is_null_level": True},
                    {"label_for_charts": "same key", "m_probability": 0.8, "u_probability": 0.01},
                    {"label_for_charts": "else", "m_probability": 0.2, "u_probability": 0.99},
                ],
            }
        ]
    }
    model = TrainedModel(LinkageSpec(), settings)
    (evidence,) = pair_evidence(model, {"mw_given_name": 6.32, "mw_tf_adj_given_name": -1.0})
    assert evidence.level == "same key"
    assert evidence.match_weight == 5.32
    (other,) = pair_evidence(model, {"mw_given_name": -2.3})
    assert other.level == "else"


def test_evidence_uses_the_stored_level_and_never_calls_a_present_value_missing() -> None:
    from shomar.linkage.review import pair_evidence
    from shomar.linkage.spec import LinkageSpec, TrainedModel

    settings = {
        "comparisons": [
            {
                "output_column_name": "violation",
                "comparison_levels": [
                    {"is_null_level": True},
                    {"label_for_charts": "same", "m_probability": 0.5, "u_probability": 0.5},
                    {"label_for_charts": "else", "m_probability": 0.5, "u_probability": 0.5},
                ],
            }
        ]
    }
    model = TrainedModel(LinkageSpec(), settings)
    # weight 0 is both "missing" and a real level: the stored gamma decides
    (same,) = pair_evidence(model, {"mw_violation": 0.0, "gamma_violation": 1})
    assert same.level == "same"
    (other,) = pair_evidence(model, {"mw_violation": 0.0, "gamma_violation": 0})
    assert other.level == "else"
    (missing,) = pair_evidence(model, {"mw_violation": 0.0, "gamma_violation": -1})
    assert missing.level == "missing"
    # an old run without levels: a present weight is matched among the present levels only
    (old,) = pair_evidence(model, {"mw_violation": 0.0})
    assert old.level != "missing"
    rule = pair_evidence(model, {"mw_violation": 0.0, "gamma_violation": 1, "mw_sibling_rule": -40})
    assert rule[-1].comparison == "sibling_rule" and rule[-1].match_weight == -40
    both = pair_evidence(
        model, {"mw_violation": 0.0, "mw_sibling_rule": -40, "mw_conflict_rule": -10}
    )
    assert [(e.comparison, e.match_weight) for e in both[1:]] == [
        ("sibling_rule", -40), ("conflict_rule", -10),
    ]  # fmt: skip
    assert "cannot be one person" in both[-1].level
