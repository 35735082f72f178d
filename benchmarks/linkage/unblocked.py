"""True pairs that no blocking rule puts in front of the model, with the columns the rules use.

``python -m benchmarks.linkage.unblocked --from DIR [--show 40] [--json]`` reads the seed
folders that ``benchmarks.linkage.simulated --keep DIR`` wrote, computes the feature columns
(no model is trained: seconds per seed) and prints, per seed, the candidate pairs and recall of
``DEFAULT_RULES`` and the missed true pairs: each record's name, date and place as listed and
the key columns of the rules, so the misses can be grouped by cause.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from benchmarks.linkage.metrics import candidate_codes, true_codes
from benchmarks.linkage.simulated import load_lists
from shomar.linkage.blocking import DEFAULT_RULES, sides
from shomar.linkage.features import compute_features

#: raw columns shown beside the rules' key columns
SHOWN_RAW = ("source", "full_name", "given_name", "family_name", "date", "place", "age")


def rule_columns(rules: Sequence[Sequence[str]]) -> list[str]:
    """Every feature column that some rule uses, in first-use order."""
    return list(dict.fromkeys(k for rule in rules for c in rule for k in sides(c)))


def missed_pairs(
    features: pd.DataFrame, rules: Sequence[Sequence[str]], truth: Sequence[str]
) -> list[tuple[int, int]]:
    """The true pairs ``(i, j)``, ``i < j``, that no rule blocks together."""
    return _unblocked(true_codes(truth), candidate_codes(features, rules), len(features))


def _unblocked(true: np.ndarray, candidates: np.ndarray, n: int) -> list[tuple[int, int]]:
    missed = true[~np.isin(true, candidates, assume_unique=True)]
    return [(int(c // n), int(c % n)) for c in missed]


def describe(records: pd.DataFrame, features: pd.DataFrame, pair: tuple[int, int]) -> str:
    """Both records of a pair: raw fields, then the key columns that differ."""
    lines = []
    for i in pair:
        raw = {c: records.iloc[i].get(c) for c in SHOWN_RAW if c in records.columns}
        lines.append("  " + " | ".join(f"{v}" for v in raw.values()))
    a, b = (features.iloc[i] for i in pair)
    for col in rule_columns(DEFAULT_RULES):
        same = pd.notna(a[col]) and pd.notna(b[col]) and a[col] == b[col]
        mark = "=" if same else "≠"
        lines.append(f"    {mark} {col}: {a[col]!r} / {b[col]!r}")
    return "\n".join(lines)


def seed_report(folder: Path, show: int) -> dict[str, Any]:
    records, truth, _ = load_lists(folder)
    features = compute_features(records)
    true, candidates = true_codes(truth), candidate_codes(features, DEFAULT_RULES)
    missed = _unblocked(true, candidates, len(features))
    n_true = len(true)
    report = {
        "folder": folder.name,
        "candidate_pairs": len(candidates),
        "true_pairs": n_true,
        "not_blocked": len(missed),
        "candidate_recall": round(1 - len(missed) / n_true, 5) if n_true else 1.0,
    }
    for pair in missed[:show]:
        print(describe(records, features, pair), "\n")
    return report


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, required=True)
    parser.add_argument("--show", type=int, default=40, help="missed pairs printed per seed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    reports = [
        seed_report(folder, args.show)
        for folder in sorted(p for p in args.source.iterdir() if p.is_dir())
    ]
    print(json.dumps(reports, indent=1) if args.json else reports)
    return reports


if __name__ == "__main__":
    main()
