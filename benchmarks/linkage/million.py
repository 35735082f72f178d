"""A million simulated records: Shomar vs plain splink on the same data and the same blocking.

Run: ``.venv/bin/python -m benchmarks.linkage.million [--records 1000000] [--data DIR] [--json]``
(long: tens of minutes on 2 cores; the simulated lists are cached in ``--data``).

Each linker runs in its own process so that its peak memory (``ru_maxrss``) is its own:

- **shomar**: :func:`shomar.linkage.standalone.link_records` end to end (features, training,
  prediction at p >= 0.01, clustering);
- **splink**: plain splink with default ``NameComparison`` on the name columns and exact
  matches on the other columns, with **the same blocking rules** (it is handed Shomar's
  blocking-key columns, computed before its clock starts), the same training recipe, predict at
  p >= 0.01 and splink's connected components at 0.5.

Printed: seconds, peak memory, comparisons scored and pairwise F1 of each, and the time ratio.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.linkage.common import peak_rss_gb, report
from shomar.linkage.backends import get_backend
from shomar.linkage.blocking import (
    DEFAULT_RULES,
    DETERMINISTIC_RULES,
    EM_RULES,
    blocking_rules,
    sides,
)
from shomar.linkage.evaluate import pairwise_scores
from shomar.linkage.model import run_em_session
from shomar.linkage.spec import LinkageSpec
from shomar.linkage.standalone import link_records, read_lists
from shomar.simulation import SimulationSpec, simulate

#: simulated records per true victim with four lists (measured: 21,438 / 14,000)
RECORDS_PER_VICTIM = 1.53


def ensure_data(folder: Path, records: int, seed: int) -> Path:
    if not (folder / "synthetic_truth.csv").exists():
        size = int(records / RECORDS_PER_VICTIM)
        simulate(folder, SimulationSpec(seed=seed, size=size, lists=4))
    return folder


def load(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    records = read_lists(sorted(folder.glob("synthetic_list_*.csv")))
    truth = pd.read_csv(folder / "synthetic_truth.csv", dtype=str)
    merged = records[["source", "record_id"]].merge(truth, on=["source", "record_id"], how="left")
    return records, merged["person_id"].tolist()


def run_shomar(records: pd.DataFrame) -> tuple[np.ndarray, int, dict[str, float]]:
    outcome = link_records(records)
    return outcome.labels, len(outcome.pairs), outcome.seconds


def splink_input(records: pd.DataFrame) -> pd.DataFrame:
    """Raw columns plus Shomar's blocking keys (computed before the baseline's clock starts)."""
    from shomar.linkage.features import compute_features

    features = compute_features(records)
    frame = records.replace("", None).reset_index(drop=True)
    split = frame["full_name"].fillna("").str.rsplit(" ", n=1, expand=True).reindex(columns=[0, 1])
    frame["given_name"] = frame["given_name"].fillna(split[0].replace("", None))
    frame["family_name"] = frame["family_name"].fillna(split[1])
    keys = sorted(
        {
            k
            for rule in (*DEFAULT_RULES, *DETERMINISTIC_RULES, *EM_RULES)
            for c in rule
            for k in sides(c)
        }
    )
    out = frame[
        ["given_name", "family_name", "father_name", "sex", "age", "date", "place", "violation"]
    ].copy()
    for column in keys:
        out[column] = features[column]
    out.insert(0, "unique_id", np.arange(len(out)))
    return out


def run_splink(frame: pd.DataFrame) -> tuple[np.ndarray, int, dict[str, float]]:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on

    seconds: dict[str, float] = {}
    start = time.perf_counter()
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=blocking_rules(DEFAULT_RULES),
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("family_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("father_name"),
            cl.ExactMatch("date"),
            cl.ExactMatch("place"),
            cl.ExactMatch("age"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("violation"),
        ],
    )
    # the same DuckDB connection settings as Shomar's backend (threads, memory limit)
    linker = Linker(get_backend("duckdb").db_api.register(frame), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on(*rule) for rule in DETERMINISTIC_RULES], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=42)
    for rule in EM_RULES:  # the same sampled EM sessions as Shomar's spec
        run_em_session(linker, block_on(*rule), LinkageSpec().em_max_pairs)
    seconds["train"] = time.perf_counter() - start
    start = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    seconds["predict"] = time.perf_counter() - start
    start = time.perf_counter()
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.5
    ).as_pandas_dataframe()
    seconds["cluster"] = time.perf_counter() - start
    labels = pd.Series(clusters["cluster_id"].to_numpy(), index=clusters["unique_id"].to_numpy())
    _, dense = np.unique(labels.reindex(np.arange(len(frame))).astype(str), return_inverse=True)
    count = linker.misc.query_sql(
        f"select count(*) as n from {predictions.physical_name}", "pandas"
    )
    return dense, int(count["n"].iloc[0]), seconds


def worker(tool: str, folder: Path) -> dict[str, Any]:
    logging.getLogger("splink").setLevel(logging.ERROR)
    records, truth = load(folder)
    if tool == "shomar":
        start = time.perf_counter()
        labels, n_pairs, stages = run_shomar(records)
        seconds = time.perf_counter() - start
    else:
        frame = splink_input(records)
        start = time.perf_counter()
        labels, n_pairs, stages = run_splink(frame)
        seconds = time.perf_counter() - start
    score = pairwise_scores(labels, truth)
    return {
        "tool": tool,
        "records": len(records),
        "seconds": round(seconds, 1),
        "stages": {k: round(v, 1) for k, v in stages.items()},
        "pairs_kept": n_pairs,
        "peak_rss_gb": round(peak_rss_gb(), 2),
        **{k: round(v, 4) if isinstance(v, float) else v for k, v in score.to_dict().items()},
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=Path("/tmp/shomar-bench-million"))
    parser.add_argument("--worker", choices=["shomar", "splink"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        sys.stdout.write(json.dumps(worker(args.worker, args.data)) + "\n")
        return {}
    start = time.perf_counter()
    ensure_data(args.data, args.records, args.seed)
    simulated = round(time.perf_counter() - start, 1)
    results = {}
    for tool in ("splink", "shomar"):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.linkage.million", "--worker", tool,
             "--data", str(args.data)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        results[tool] = json.loads(done.stdout.strip().splitlines()[-1])
        if not args.json:
            print(results[tool], flush=True)
    payload = {
        "records": results["shomar"]["records"],
        "simulate_seconds": simulated,
        "splink": results["splink"],
        "shomar": results["shomar"],
        "time_ratio": round(results["shomar"]["seconds"] / results["splink"]["seconds"], 3),
        "targets": {
            "time_ratio<=1.3": results["shomar"]["seconds"] <= 1.3 * results["splink"]["seconds"],
            "peak_memory<=8GB": results["shomar"]["peak_rss_gb"] <= 8.0,
        },
    }
    report("1M simulated records", payload, args.json)
    return payload


if __name__ == "__main__":
    main()
