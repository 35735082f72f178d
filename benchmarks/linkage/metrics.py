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
- **Relatives merged among separable pairs** (:func:`relatives_separable`): the same share
  among the pairs whose records carry evidence that tells them apart in principle, so the
  rest (a bare record with the common name, in the victim's town and month) can be reported
  as indistinguishable by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz.distance import OSA, JaroWinkler

from shomar.linkage.blocking import sides


def candidate_codes(features: pd.DataFrame, rules: Sequence[Sequence[str]]) -> np.ndarray:
    """Sorted unique ``i * n + j`` (``i < j``) of the pairs any rule blocks together."""
    n = len(features)
    codes: list[np.ndarray] = []
    ids = features["unique_id"].to_numpy(np.int64)
    for rule in rules:
        if any("=" in c for c in rule):
            codes.append(_crossed_codes(features, rule, ids, n))
            continue
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


def _crossed_codes(
    features: pd.DataFrame, rule: Sequence[str], ids: np.ndarray, n: int
) -> np.ndarray:
    """Pairs of a rule with ``"a=b"`` items: one record's ``a`` equal to the other's ``b``."""
    pairs = [sides(c) for c in rule]
    left = pd.DataFrame({f"k{i}": features[a].to_numpy() for i, (a, _) in enumerate(pairs)})
    right = pd.DataFrame({f"k{i}": features[b].to_numpy() for i, (_, b) in enumerate(pairs)})
    left["uid_l"], right["uid_r"] = ids, ids
    keys = [f"k{i}" for i in range(len(pairs))]
    joined = left.dropna(subset=keys).merge(right.dropna(subset=keys), on=keys)
    a, b = joined["uid_l"].to_numpy(np.int64), joined["uid_r"].to_numpy(np.int64)
    keep = a != b
    return np.minimum(a, b)[keep] * n + np.maximum(a, b)[keep]


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


#: birth-year intervals further apart than this tell two persons apart
SEPARABLE_BIRTH_YEARS = 2
#: violation-date intervals further apart than this (days; the simulator jitters one
#: person's dates by a few days) tell two persons apart
SEPARABLE_DATE_DAYS = 31
#: fathers' name skeletons less alike than this (Jaro-Winkler) are two names
SEPARABLE_FATHER_JW = 0.85


def _gap(lo_a: float, hi_a: float, lo_b: float, hi_b: float) -> float:
    """Distance between two intervals (NaN when either is missing, ≤ 0 when they overlap)."""
    return max(lo_a, lo_b) - min(hi_a, hi_b)


def _fathers_apart(a: pd.Series, b: pd.Series) -> bool:
    """Both fathers' names given and no plain test relates them: canonical form, signature
    and skeleton all differ, and the skeletons are less than :data:`SEPARABLE_FATHER_JW`
    alike (Jaro-Winkler) and not one a prefix or suffix of the other."""
    if pd.isna(a["father_key"]) or pd.isna(b["father_key"]):
        return False
    if any(a[c] == b[c] for c in ("father_canon", "father_sig", "father_skel")):
        return False
    sa, sb = str(a["father_skel"] or ""), str(b["father_skel"] or "")
    short, long = sorted((sa, sb), key=len)
    if short and (long.startswith(short) or long.endswith(short)):
        return False
    return JaroWinkler.normalized_similarity(sa, sb) < SEPARABLE_FATHER_JW


def _names_apart(a: pd.Series, b: pd.Series) -> bool:
    """Both given names attested, another canonical form, and consonant skeletons more than
    one edit apart: no single typo turns one into the other (Jalil/Jalal, Farzan/Farzad,
    one letter apart, are not separable by the name alone)."""
    if a["given_known"] != "y" or b["given_known"] != "y" or a["given_canon"] == b["given_canon"]:
        return False
    sa, sb = a["given_skel"], b["given_skel"]
    return isinstance(sa, str) and isinstance(sb, str) and OSA.distance(sa, sb) > 1


def separating_evidence(a: pd.Series, b: pd.Series, relation: str) -> str | None:
    """What tells records ``a`` and ``b`` (feature rows plus ``birth_any_lo/hi``) apart in
    principle: ``"fathers"`` (names no plain test relates), ``"births"`` (more than
    :data:`SEPARABLE_BIRTH_YEARS` apart), ``"dates"`` (more than :data:`SEPARABLE_DATE_DAYS`
    days apart), for siblings ``"names"`` (:func:`_names_apart`), else ``None``."""
    if _fathers_apart(a, b):
        return "fathers"
    births = _gap(a["birth_any_lo"], a["birth_any_hi"], b["birth_any_lo"], b["birth_any_hi"])
    if births > SEPARABLE_BIRTH_YEARS:
        return "births"
    dates = _gap(a["date_start"], a["date_end"], b["date_start"], b["date_end"])
    if dates > SEPARABLE_DATE_DAYS:
        return "dates"
    if relation == "sibling" and _names_apart(a, b):
        return "names"
    return None


def birth_years_any(features: pd.DataFrame, ages: Sequence[object]) -> pd.DataFrame:
    """``birth_any_lo/hi``: the features' birth years, or, for a row with an age and no date,
    the age read against its list's span of violation dates (as a person reading the list
    would; computed here so that older checkouts are measured alike)."""
    out = pd.DataFrame(
        {
            "birth_any_lo": features["birth_lo"].astype(float).to_numpy(),
            "birth_any_hi": features["birth_hi"].astype(float).to_numpy(),
        }
    )
    start = features["date_start"].astype(float)
    end = features["date_end"].astype(float)
    first = start.groupby(features["source"]).transform("min").to_numpy()
    last = end.groupby(features["source"]).transform("max").to_numpy()
    age = pd.to_numeric(
        pd.Series([str(v) if v is not None else "" for v in ages])
        .str.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))
        .str.extract(r"(\d+)")[0],
        errors="coerce",
    ).to_numpy(float)
    fill = np.isnan(out["birth_any_lo"].to_numpy()) & ~np.isnan(age) & np.isnan(start.to_numpy())
    fill &= ~np.isnan(first)

    def year(days: np.ndarray) -> np.ndarray:
        return pd.to_datetime(pd.Series(days), unit="D").dt.year.to_numpy(float)

    out.loc[fill, "birth_any_lo"] = (year(first) - age - 1)[fill]
    out.loc[fill, "birth_any_hi"] = (year(last) - age)[fill]
    return out


def evidence_table(features: pd.DataFrame, ages: Sequence[object]) -> pd.DataFrame:
    """Per record (by position), the columns :func:`separating_evidence` reads."""
    cols = ["father_key", "father_canon", "father_sig", "father_skel", "date_start", "date_end",
            "given_known", "given_canon", "given_skel", "source"]  # fmt: skip
    table = features[cols].reset_index(drop=True)
    table["date_start"] = table["date_start"].astype(float)
    table["date_end"] = table["date_end"].astype(float)
    table = pd.concat([table, birth_years_any(features.reset_index(drop=True), ages)], axis=1)
    table = table.astype(object).where(table.notna(), None)  # type: ignore[call-overload]
    for c in ("date_start", "date_end", "birth_any_lo", "birth_any_hi"):
        table[c] = table[c].astype(float)
    return table


def relatives_separable(
    relatives_file: Path | None,
    truth: Sequence[str],
    labels: np.ndarray,
    features: pd.DataFrame,
    ages: Sequence[object],
) -> dict[str, Any]:
    """Per relation (``sibling``, ``namesake``): how many observed pairs are *separable*
    (some record of one and some record of the other carry evidence that tells them apart
    in principle, :func:`separating_evidence`), and the share of those merged
    (``X_merged_separable``), beside the share of the others merged
    (``X_merged_inseparable``): the latter are indistinguishable by construction (a
    namesake's bare record in the victim's town and month; a sibling whose name is one
    letter from the victim's, with no father or age to tell them apart). A separable pair
    can still be merged through a record that carries no such evidence (a bare record of
    one joined to the other); ``X_merged_despite_evidence`` is the share of all observed
    pairs with two records *that do* carry it inside one predicted person."""
    if relatives_file is None or not Path(relatives_file).is_file():
        return {}
    rel = pd.read_csv(relatives_file, dtype=str)
    table = evidence_table(features, ages)
    frame = pd.DataFrame({"person": list(truth), "cluster": labels})
    rows = frame.groupby("person").indices
    out: dict[str, Any] = {}
    for relation, group in rel.groupby("relation"):
        counts = dict.fromkeys(("separable", "separable_merged", "other", "other_merged"), 0)
        counts["despite"] = 0
        for a, b in zip(group["person_a"], group["person_b"], strict=True):
            if a not in rows or b not in rows:
                continue
            ra, rb = rows[a], rows[b]
            merged = bool(set(labels[ra]) & set(labels[rb]))
            apart = [
                (i, j)
                for i in ra
                for j in rb
                if separating_evidence(table.iloc[i], table.iloc[j], str(relation)) is not None
            ]
            kind = "separable" if apart else "other"
            counts[kind] += 1
            counts[f"{kind}_merged"] += merged
            counts["despite"] += any(labels[i] == labels[j] for i, j in apart)
        seen = counts["separable"] + counts["other"]
        out[f"{relation}s_separable_share"] = round(counts["separable"] / seen, 4) if seen else 0.0
        out[f"{relation}s_merged_separable"] = (
            round(counts["separable_merged"] / counts["separable"], 4)
            if counts["separable"]
            else 0.0
        )
        out[f"{relation}s_merged_inseparable"] = (
            round(counts["other_merged"] / counts["other"], 4) if counts["other"] else 0.0
        )
        out[f"{relation}s_merged_despite_evidence"] = (
            round(counts["despite"] / seen, 4) if seen else 0.0
        )
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
