"""Cross-script simulated lists: Shomar's linkage vs plain splink, pairwise F1 against the truth.

Run: ``.venv/bin/python -m benchmarks.linkage.simulated [--style default|messy|heldout]
[--seeds 1 2 3] [--size 14000] [--keep DIR | --from DIR] [--plot FILE.png] [--json]``

For each seed the simulator (``shomar.simulation``) writes lists about one synthetic event, some
in Persian script and some in Latin transliteration, with typos, honorifics, partial dates in
two calendars and missing fields. Both linkers see the same CSV files:

- **shomar**: :func:`shomar.linkage.standalone.link_records` with the default spec;
- **plain splink**: splink's default ``NameComparison`` on the name columns (full names split
  at the last space when only a full name is given), exact matches on date text, place, sex,
  age and violation, blocked on raw name pairs, date and place; trained the same way (λ from
  deterministic rules, u by random sampling, EM), clustered at 0.5.

Scores are pairwise precision/recall/F1 of the clusters (every true pair in the denominator).
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.linkage.common import clusters_from_pairs, peak_rss_gb, report
from benchmarks.linkage.metrics import (
    calibration,
    candidate_recall,
    relatives_merged,
    relatives_separable,
    reliability_plot,
    within_list_duplicates,
)
from shomar.linkage.evaluate import pairwise_scores
from shomar.linkage.model import run_em_session
from shomar.linkage.standalone import link_records, read_lists
from shomar.simulation import SimulationSpec, simulate

HELDOUT = Path(__file__).with_name("heldout.json")
STYLES = ("default", "messy", "heldout")


def generator(style: str, seed: int, size: int, lists: int) -> Any:
    """The simulator spec of ``style`` (``heldout`` reads ``heldout.json``, never tuned on)."""
    from shomar.simulation.spec import STYLE_PRESETS, Noise

    if style == "heldout":
        config = json.loads(HELDOUT.read_text(encoding="utf-8"))
        return SimulationSpec(
            seed=seed,
            size=size,
            lists=int(config["lists"]),
            capture_rates=tuple(config["capture_rates"]),
            noise=Noise.from_dict(config["noise"]),
        )
    return SimulationSpec(seed=seed, size=size, lists=lists, noise=STYLE_PRESETS[style])


def make_lists(folder: Path, style: str, seed: int, size: int, lists: int) -> Path:
    """Simulate one seed of ``style`` into ``folder`` (lists, truth, relatives)."""
    simulate(folder, generator(style, seed, size, lists))
    return folder


def load_lists(folder: Path) -> tuple[pd.DataFrame, list[str], Path | None]:
    files = sorted(folder.glob("synthetic_list_*.csv"))
    records = read_lists(files)
    truth = pd.read_csv(folder / "synthetic_truth.csv", dtype=str)
    merged = records[["source", "record_id"]].merge(truth, on=["source", "record_id"], how="left")
    relatives = folder / "synthetic_relatives.csv"
    return records, merged["person_id"].tolist(), relatives if relatives.is_file() else None


def plain_splink(records: pd.DataFrame) -> np.ndarray:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = records.replace("", None).reset_index(drop=True)
    split = frame["full_name"].fillna("").str.rsplit(" ", n=1, expand=True).reindex(columns=[0, 1])
    frame["given_name"] = frame["given_name"].fillna(split[0].replace("", None))
    frame["family_name"] = frame["family_name"].fillna(split[1])
    frame["unique_id"] = np.arange(len(frame))
    frame = frame[
        ["unique_id", "given_name", "family_name", "father_name", "sex", "age", "date", "place",
         "violation"]
    ]  # fmt: skip
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "family_name"),
            block_on("family_name", "father_name"),
            block_on("given_name", "father_name"),
            block_on("given_name", "place"),
            block_on("family_name", "place"),
            block_on("date", "place"),
        ],
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
    linker = Linker(DuckDBAPI().register(frame), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "family_name", "father_name")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in (block_on("given_name", "family_name"), block_on("date")):
        run_em_session(linker, rule)  # splink's EM, retried if an m probability underflows
    pairs = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    return clusters_from_pairs(
        len(frame), pairs["unique_id_l"].to_numpy(np.int64), pairs["unique_id_r"].to_numpy(np.int64)
    )


def run_seed(folder: Path, seed: int, *, baseline: bool = True) -> dict[str, Any]:
    records, truth, relatives = load_lists(folder)
    out: dict[str, Any] = {"seed": seed, "records": len(records)}
    start = time.perf_counter()
    ours = link_records(records)
    out["shomar_seconds"] = round(time.perf_counter() - start, 2)
    out["shomar"] = pairwise_scores(ours.labels, truth).to_dict()
    out["shomar_stages"] = {k: round(v, 2) for k, v in ours.seconds.items()}
    out.update(candidate_recall(ours.features, ours.model.spec.blocking, truth))
    out.update(calibration(ours.pairs, truth))
    out.update(relatives_merged(relatives, truth, ours.labels))
    out.update(
        relatives_separable(relatives, truth, ours.labels, ours.features, records["age"].tolist())
    )
    out.update(within_list_duplicates(records["source"].tolist(), truth, ours.labels))
    if not baseline:
        return out
    start = time.perf_counter()
    try:
        base = plain_splink(records)
    except Exception as exc:  # splink's EM can degenerate on these lists (prior -> 0 or 1)
        out["splink_error"] = f"{type(exc).__name__}: {exc}"[:200]
        base = np.arange(len(records))  # nothing linked
    out["splink_seconds"] = round(time.perf_counter() - start, 2)
    out["splink"] = pairwise_scores(base, truth).to_dict()
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", choices=STYLES, default="default")
    parser.add_argument("--seeds", type=int, nargs="+", help="default 1 2 3; held-out: its own")
    parser.add_argument("--size", type=int, default=14000, help="true victims per seed")
    parser.add_argument("--lists", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="write the simulated lists under this folder")
    parser.add_argument(
        "--from", dest="source", type=Path, help="link lists written earlier with --keep"
    )
    parser.add_argument("--no-splink", action="store_true", help="skip the plain-splink baseline")
    parser.add_argument("--plot", type=Path, help="write the reliability plot (PNG) here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)
    seeds = args.seeds or (
        json.loads(HELDOUT.read_text(encoding="utf-8"))["seeds"]
        if args.style == "heldout"
        else [1, 2, 3]
    )
    runs = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            if args.source is not None:
                folder = args.source / f"{args.style}-{seed}"
            else:
                base = args.keep if args.keep is not None else Path(tmp)
                folder = make_lists(
                    base / f"{args.style}-{seed}", args.style, seed, args.size, args.lists
                )
            runs.append(run_seed(folder, seed, baseline=not args.no_splink))
        if not args.json:
            short = {k: v for k, v in runs[-1].items() if k != "reliability"}
            print(short, flush=True)
    f1_ours = [r["shomar"]["f1"] for r in runs]
    payload: dict[str, Any] = {
        "style": args.style,
        "runs": runs,
        "records_total": sum(r["records"] for r in runs),
        "shomar_f1_mean": round(float(np.mean(f1_ours)), 4),
        "shomar_f1_min": round(float(np.min(f1_ours)), 4),
        "candidate_recall_min": min(r["candidate_recall"] for r in runs),
        "candidate_pairs_mean": int(np.mean([r["candidate_pairs"] for r in runs])),
        "ece_max": max(r["ece"] for r in runs),
        "peak_rss_gb": round(peak_rss_gb(), 2),
    }
    if not args.no_splink:
        payload["splink_f1_mean"] = round(float(np.mean([r["splink"]["f1"] for r in runs])), 4)
    relative_keys = [
        f"{r}s_{m}"
        for r in ("sibling", "namesake")
        for m in (
            "merged",
            "separable_share",
            "merged_separable",
            "merged_inseparable",
            "merged_despite_evidence",
        )
    ]
    for key in (*relative_keys, "within_list_found"):
        values = [r[key] for r in runs if key in r]
        if values:
            payload[f"{key}_mean"] = round(float(np.mean(values)), 4)
    if args.plot is not None:
        reliability_plot(
            {f"{args.style} seed {r['seed']}": r["reliability"] for r in runs}, args.plot
        )
        payload["plot"] = str(args.plot)
    report(f"simulated cross-script lists ({args.style} style)", payload, args.json)
    return payload


if __name__ == "__main__":
    main()
