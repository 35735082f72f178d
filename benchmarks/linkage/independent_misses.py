"""Missed true pairs of the independent benchmark, bucketed by where the linker lost them.

``PYTHONPATH=src:. .venv/bin/python -m benchmarks.linkage.independent_misses --dir DIR
--seeds 1 2 3 [--out FILE.json] [--study]`` reads the seed folders that
``benchmarks.linkage.independent --dir DIR`` wrote (lists and truth), links them in-process
with the per-comparison evidence kept (the same model and clustering as ``shomar link``),
prints the scored pairs' reliability per seed, and puts every true pair that ends in two
persons in one bucket:

- ``not_blocked``: no blocking rule puts the pair in front of the model;
- ``low``: compared, scored below the cluster threshold (and no path joins the two), with the
  comparison levels of the pair, so the buckets can be split by which level cost the most;
- ``split``: scored at or above the threshold, but the clustering put the records apart:
  ``alone`` (a record left on its own, the ambiguity rule), ``conflict`` (a record of one
  person conflicts with one of the other's), ``order`` (the greedy merge order).

``--out`` writes every missed pair (rows as listed, noise classes, levels and weights) as JSON;
``--study`` also writes each seed's trained model (``model.json``) and its scored pairs of
probability 0.02-0.98 with levels and truth (``band.json``) into the seed folder. It reads
only the lists and ``truth.csv``; the generator's code is not used.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.linkage.metrics import candidate_codes
from shomar.linkage.blocking import DEFAULT_RULES
from shomar.linkage.conflicts import RecordConflicts
from shomar.linkage.pair_levels import GAMMA, pair_levels
from shomar.linkage.spec import LinkageSpec
from shomar.linkage.standalone import link_records, read_lists

LISTS = ("register", "ngo", "testimony", "annex")
SHOWN = ("full_name", "given_name", "family_name", "father_name", "age", "date", "place")


def _truth(folder: Path, features: pd.DataFrame) -> tuple[np.ndarray, dict[int, str]]:
    truth = pd.read_csv(folder / "truth.csv", dtype=str, keep_default_na=False)
    key = truth["source"] + "/" + truth["record_id"]
    person = dict(zip(key, truth["person_id"], strict=True))
    noise = dict(zip(key, truth["noise"], strict=True))
    keys = features["source"] + "/" + features["record_id"]
    return np.array([person[k] for k in keys]), {i: noise[k] for i, k in enumerate(keys)}


def reliability(pairs: pd.DataFrame, person: np.ndarray) -> list[tuple[float, int, float]]:
    """Per tenth of probability: the scored pairs' mean probability, count and true share."""
    prob = pairs["match_probability"].to_numpy()
    same = person[pairs["unique_id_l"].to_numpy()] == person[pairs["unique_id_r"].to_numpy()]
    bins = np.minimum((prob * 10).astype(int), 9)
    return [
        (float(prob[bins == b].mean()), int((bins == b).sum()), float(same[bins == b].mean()))
        for b in range(10)
        if (bins == b).any()
    ]


def _dump_band(folder: Path, outcome: Any, person: np.ndarray) -> None:
    """Every scored pair of probability 0.02-0.98 with its levels and truth, for study."""
    pairs = outcome.pairs
    band = pairs[(pairs["match_probability"] > 0.02) & (pairs["match_probability"] < 0.98)]
    left, right = band["unique_id_l"].to_numpy(), band["unique_id_r"].to_numpy()
    gam = pair_levels(outcome.model.splink_settings, outcome.features, left, right)
    weights = outcome.model.level_weights()
    rows = []
    for k in range(len(band)):
        rows.append(
            {
                "p": float(band["match_probability"].iloc[k]),
                "true": bool(person[left[k]] == person[right[k]]),
                "src": [
                    outcome.features["source"].iloc[left[k]],
                    outcome.features["source"].iloc[right[k]],
                ],
                "ids": [int(left[k]), int(right[k])],
                "levels": {
                    g[len(GAMMA) :]: weights.get(g[len(GAMMA) :], {}).get(
                        int(gam[g].iloc[k]), ("?", 0)
                    )[0]
                    for g in gam.columns
                },
            }
        )
    (folder / "band.json").write_text(json.dumps(rows, ensure_ascii=False))


def _why_split(a: int, b: int, labels: np.ndarray, conflicts: RecordConflicts) -> str:
    """Why a pair scored >= 0.5 ended apart: a record left alone (the ambiguity rule), a
    conflict between the two persons' records, or the greedy order."""
    members = [np.flatnonzero(labels == labels[x]) for x in (a, b)]
    if min(len(m) for m in members) == 1:
        return "alone"
    left = np.repeat(members[0], len(members[1]))
    right = np.tile(members[1], len(members[0]))
    return "conflict" if conflicts(left, right).any() else "order"


def seed_misses(folder: Path, study: bool = False) -> list[dict[str, Any]]:
    """One record per missed true pair of the seed in ``folder``."""
    records = read_lists([folder / f"{name}.csv" for name in LISTS])
    outcome = link_records(records, LinkageSpec(keep_evidence=True))
    features, labels = outcome.features, outcome.labels
    person, noise = _truth(folder, features)
    n = len(features)
    candidates = set(candidate_codes(features, DEFAULT_RULES).tolist())
    pairs = outcome.pairs
    code = pairs["unique_id_l"].to_numpy() * n + pairs["unique_id_r"].to_numpy()
    by_code = dict(zip(code.tolist(), range(len(pairs)), strict=True))
    for mean, count, share in reliability(pairs, person):
        print(f"{folder.name}: p≈{mean:.2f}  pairs {count:6d}  true {share:.3f}")
    weights = outcome.model.level_weights()
    if study:
        (folder / "model.json").write_text(outcome.model.to_json())
        _dump_band(folder, outcome, person)
    extra_mw = [c for c in pairs.columns if c.startswith("mw_")]
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(person):
        groups.setdefault(p, []).append(i)
    missed = [
        (min(i, j), max(i, j))
        for members in groups.values()
        for x, i in enumerate(members)
        for j in members[x + 1 :]
        if labels[i] != labels[j]
    ]
    left = np.array([a for a, _ in missed], dtype=np.int64)
    right = np.array([b for _, b in missed], dtype=np.int64)
    gammas = pair_levels(outcome.model.splink_settings, features, left, right)
    conflicts = RecordConflicts(features, [])
    out = []
    for k, (a, b) in enumerate(missed):
        c = a * n + b
        row = by_code.get(c)
        prob = float(pairs["match_probability"].iloc[row]) if row is not None else None
        if c not in candidates:
            bucket = "not_blocked"
        elif prob is not None and prob >= 0.5:
            bucket = "split"
        else:
            bucket = "low"
        why = _why_split(a, b, labels, conflicts) if bucket == "split" else None
        levels: dict[str, tuple[str, float]] = {}
        for g in gammas.columns:
            name = g[len(GAMMA) :]
            levels[name] = weights.get(name, {}).get(int(gammas[g].iloc[k]), ("?", 0.0))
        adjusted = {}
        if row is not None:
            for col in extra_mw:
                value = float(pairs[col].iloc[row])
                if value and not np.isnan(value):
                    adjusted[col[3:]] = round(value, 2)
        out.append(
            {
                "seed": folder.name,
                "bucket": bucket,
                "why": why,
                "prob": prob,
                "noise": [noise[a], noise[b]],
                "rows": [
                    {
                        "source": features["source"].iloc[r],
                        **{f: records.iloc[r].get(f, "") for f in SHOWN},
                    }
                    for r in (a, b)
                ],
                "levels": {k2: (lab, round(w, 2)) for k2, (lab, w) in levels.items()},
                "weights": adjusted,
            }
        )
    return out


def summary(misses: list[dict[str, Any]]) -> str:
    """Counts per bucket, and for low-scored pairs the level that cost the most bits."""
    lines = []
    buckets = Counter(m["bucket"] for m in misses)
    lines.append(
        f"missed pairs: {len(misses)}  " + "  ".join(f"{k} {v}" for k, v in buckets.items())
    )
    why = Counter(m["why"] for m in misses if m["bucket"] == "split")
    lines.append("split, why: " + ", ".join(f"{k} {v}" for k, v in why.most_common()))
    low = [m for m in misses if m["bucket"] == "low"]
    worst: Counter[str] = Counter()
    combos: Counter[str] = Counter()
    for m in low:
        lv = m["levels"]
        name, (label, w) = min(lv.items(), key=lambda kv: kv[1][1])
        worst[f"{name}: {label}" if w < 0 else "(nothing negative)"] += 1
        combos[" | ".join(f"{k[:6]}={v[0][:24]}" for k, v in lv.items() if v[0] != "missing")] += 1
    prob_bins = Counter(
        "none" if m["prob"] is None else f"{min(int(m['prob'] * 10), 9) / 10:.1f}" for m in low
    )
    lines.append(
        "low, by probability: " + ", ".join(f"{k} {v}" for k, v in sorted(prob_bins.items()))
    )
    lines.append("low, by the most negative level:")
    lines += [f"  {v:5d}  {k}" for k, v in worst.most_common(25)]
    lines.append("low, level combinations:")
    lines += [f"  {v:5d}  {k}" for k, v in combos.most_common(25)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/shomar-independent"))
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--out", type=Path, help="write the missed pairs here (JSON)")
    parser.add_argument("--study", action="store_true", help="write model.json and band.json")
    args = parser.parse_args(argv)
    misses = [m for s in args.seeds for m in seed_misses(args.dir / f"seed-{s}", args.study)]
    print(summary(misses))
    if args.out:
        args.out.write_text(json.dumps(misses, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
