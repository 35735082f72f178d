"""Measures beyond pairwise F1: candidate recall, calibration, relatives kept apart.

Only pandas/numpy and the feature frame are used (no Shomar internals), so the same code
measures today's model from an older checkout (``--from DIR``, see ``simulated.py``).

- **Candidate recall**: the share of true pairs that the blocking rules put in front of the
  model at all (a pair missed here can never be linked). The candidate set is recomputed
  from the feature columns and the spec's rules (all columns equal and not null).
- **Expected calibration error** (10 equal-width bins) of the scored pairs kept by the
  model (probability ≥ the predict threshold): Σ_b n_b/N · |mean p_b − share of true pairs_b|.
- **Relatives merged**: of the sibling/namesake person pairs the simulator made, the share
  whose records end up (any of them) in one predicted person.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


def candidate_codes(features: pd.DataFrame, rules: Sequence[Sequence[str]]) -> np.ndarray:
    """Sorted unique ``i * n + j`` (``i < j``) of the pairs any rule blocks together."""
    n = len(features)
    codes: list[np.ndarray] = []
    ids = features["unique_id"].to_numpy(np.int64)
    for rule in rules:
        cols = list(rule)
        frame = features[cols].copy()
        frame["uid"] = ids
        frame = frame.dropna(subset=cols)
        if frame.empty:
            continue
        group = frame.groupby(cols, sort=False).ngroup().to_numpy()
        order = np.argsort(group, kind="stable")
        g, u = group[order], frame["uid"].to_numpy(np.int64)[order]
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        sizes = np.diff(np.r_[starts, len(g)])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            members = u[start : start + size]
            a, b = np.triu_indices(size, k=1)
            lo, hi = np.minimum(members[a], members[b]), np.maximum(members[a], members[b])
            codes.append(lo * n + hi)
    if not codes:
        return np.array([], dtype=np.int64)
    return np.unique(np.concatenate(codes))


def true_codes(truth: Sequence[str]) -> np.ndarray:
    """``i * n + j`` of every true pair (records of one person)."""
    n = len(truth)
    frame = pd.DataFrame({"t": list(truth), "i": np.arange(n)})
    codes = []
    for members in frame.groupby("t")["i"]:
        idx = members[1].to_numpy(np.int64)
        if len(idx) > 1:
            a, b = np.triu_indices(len(idx), k=1)
            codes.append(idx[a] * n + idx[b])
    return np.unique(np.concatenate(codes)) if codes else np.array([], dtype=np.int64)


def candidate_recall(
    features: pd.DataFrame, rules: Sequence[Sequence[str]], truth: Sequence[str]
) -> dict[str, Any]:
    cand = candidate_codes(features, rules)
    true = true_codes(truth)
    found = np.isin(true, cand, assume_unique=True).sum()
    return {
        "candidate_pairs": len(cand),
        "candidate_recall": round(float(found / len(true)) if len(true) else 1.0, 5),
        "true_pairs_not_blocked": int(len(true) - found),
    }


def calibration(pairs: pd.DataFrame, truth: Sequence[str], bins: int = 10) -> dict[str, Any]:
    """ECE and the reliability table of the scored pairs."""
    labels = pd.factorize(pd.Series(list(truth)))[0]
    left = pairs["unique_id_l"].to_numpy(np.int64)
    right = pairs["unique_id_r"].to_numpy(np.int64)
    p = pairs["match_probability"].to_numpy(float)
    y = (labels[left] == labels[right]).astype(float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    table = []
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if not mask.any():
            continue
        mp, my = float(p[mask].mean()), float(y[mask].mean())
        ece += mask.sum() / len(p) * abs(mp - my)
        table.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "pairs": int(mask.sum()),
                      "mean_p": round(mp, 4), "true_share": round(my, 4)})  # fmt: skip
    return {"ece": round(ece, 4), "scored_pairs": len(p), "reliability": table}


def relatives_merged(
    relatives_file: Path | None, truth: Sequence[str], labels: np.ndarray
) -> dict[str, Any]:
    if relatives_file is None or not Path(relatives_file).is_file():
        return {}
    rel = pd.read_csv(relatives_file, dtype=str)
    frame = pd.DataFrame({"person": list(truth), "cluster": labels})
    clusters = frame.groupby("person")["cluster"].agg(set).to_dict()
    out: dict[str, Any] = {}
    for relation, group in rel.groupby("relation"):
        seen = merged = 0
        for a, b in zip(group["person_a"], group["person_b"], strict=True):
            if a in clusters and b in clusters:
                seen += 1
                merged += bool(clusters[a] & clusters[b])
        out[f"{relation}s_observed"] = seen
        out[f"{relation}s_merged"] = round(merged / seen, 4) if seen else 0.0
    return out


def within_list_duplicates(
    sources: Sequence[str], truth: Sequence[str], labels: np.ndarray
) -> dict[str, Any]:
    """Share of true within-list pairs (a list naming a person twice) that were linked."""
    frame = pd.DataFrame({"s": list(sources), "t": list(truth), "c": labels})
    dup = frame[frame.duplicated(["s", "t"], keep=False)]
    if dup.empty:
        return {}
    found = total = 0
    for _, group in dup.groupby(["s", "t"]):
        c = group["c"].to_numpy()
        k = len(c)
        total += k * (k - 1) // 2
        found += sum(int(c[i] == c[j]) for i in range(k) for j in range(i + 1, k))
    return {"within_list_pairs": total, "within_list_found": round(found / total, 4)}


def reliability_plot(tables: dict[str, list[dict[str, Any]]], path: Path) -> None:
    """Reliability diagram (mean probability vs share of true pairs per bin), one line per run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect calibration")
    for name, table in tables.items():
        ax.plot(
            [r["mean_p"] for r in table], [r["true_share"] for r in table], marker="o", label=name
        )
    ax.set_xlabel("match probability (bin mean)")
    ax.set_ylabel("share of true pairs")
    ax.set_title("Linkage reliability (simulated, synthetic)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
