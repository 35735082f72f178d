"""The spec round-trips as JSON; the model links simulated cross-script lists well."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from shomar.errors import LinkageError
from shomar.linkage.comparisons import ExtraColumn
from shomar.linkage.evaluate import pairwise_scores
from shomar.linkage.features import compute_features
from shomar.linkage.model import LinkageSpec, TrainedModel, link, predict_incremental
from shomar.linkage.standalone import link_records


def test_spec_round_trip() -> None:
    spec = LinkageSpec(extra_columns=[ExtraColumn("national_id", "fuzzy")], seed=3)
    again = LinkageSpec.from_json(spec.to_json())
    assert again == spec
    assert json.loads(spec.to_json())["extra_columns"][0]["kind"] == "fuzzy"


def test_unknown_spec_fields_are_named() -> None:
    with pytest.raises(LinkageError, match="threshhold"):
        LinkageSpec.from_dict({"threshhold": 0.5})


def test_simulated_lists_link_across_scripts(
    sim_records: pd.DataFrame, sim_truth: list[str]
) -> None:
    outcome = link_records(sim_records)
    score = pairwise_scores(outcome.labels, sim_truth)
    # the benchmark reaches F1 >= 0.99 at 20,000 records; 600 records train a noisier model
    assert score.f1 >= 0.95, score
    assert set(outcome.assignments.columns) == {
        "source", "record_id", "person_id", "match_probability"
    }  # fmt: skip
    assert len(outcome.assignments) == len(sim_records)
    model = TrainedModel.from_json(outcome.model.to_json())
    assert model.spec == outcome.model.spec
    weights = model.level_weights()
    assert "given_name" in weights and weights["given_name"][-1] == ("missing", 0.0)


def test_saved_model_scores_new_records_incrementally(sim_records: pd.DataFrame) -> None:
    features = compute_features(sim_records)
    prediction = link(features)
    old = features.iloc[:-50]
    new = features.iloc[-50:]
    pairs = predict_incremental(prediction.model, old, new)
    assert not pairs.empty
    new_ids = set(new["unique_id"])
    assert (pairs["unique_id_l"].isin(new_ids) | pairs["unique_id_r"].isin(new_ids)).all()
    # the same pairs, scored the same, as in the full prediction
    full = prediction.pairs.set_index(["unique_id_l", "unique_id_r"])["match_probability"]
    inc = pairs.set_index(["unique_id_l", "unique_id_r"])["match_probability"]
    common = inc.index.intersection(full.index)
    assert len(common) >= 0.9 * len(inc)
    assert np.allclose(inc[common], full[common], atol=1e-9)


def test_empty_columns_are_not_compared() -> None:
    records = pd.DataFrame(
        {"source": ["a", "b", "a", "b"], "record_id": ["1", "2", "3", "4"],
         "full_name": ["Ali Rezaei", "علی رضایی", "Reza Ahmadi", "رضا احمدی"]}
    )  # fmt: skip
    from shomar.linkage.model import present_columns, settings_for

    settings = settings_for(LinkageSpec(), present_columns(compute_features(records)))
    names = [c.create_output_column_name() for c in settings.comparisons]
    assert "violation_date" not in names and "given_name" in names


def test_confirmed_pairs_train_the_m_probabilities(
    sim_records: pd.DataFrame, sim_truth: list[str]
) -> None:
    import itertools

    features = compute_features(sim_records)
    groups = pd.Series(range(len(sim_truth))).groupby(pd.Series(sim_truth).to_numpy())
    labels = [p for _, idx in groups for p in itertools.combinations(sorted(idx.tolist()), 2)]
    assert len(labels) >= 50
    with_labels = link(features, labels=labels[:60])
    without = link(features)
    assert with_labels.model.splink_settings != without.model.splink_settings
    assert not with_labels.pairs.empty


def test_tiny_lists_still_give_one_person_per_record_or_fewer() -> None:
    records = pd.DataFrame(
        {"source": ["a", "b", "a", "b", "c"], "record_id": list("12345"),
         "full_name": ["Ali Rezaei", "علی رضایی", "Reza Ahmadi", "رضا احمدی", "Zahra Karimi"]}
    )  # fmt: skip
    for n in (5, 2, 1):
        outcome = link_records(records.head(n))
        assert len(outcome.assignments) == n
        assert 1 <= outcome.persons <= n
