"""The review queue: uncertain pairs, most useful first, with the evidence behind each score.

A pair is *uncertain* when its match probability lies in the spec's review band. Its value of
information is the entropy of the model's belief (a 50 % pair teaches most) times how much of
the linkage a verdict would move: linking two persons of sizes ``a`` and ``b`` changes ``a·b``
record pairs, splitting a person of size ``c`` up to ``c - 1`` links. Pairs a human has decided,
and pairs whose answer already follows from decisions (both records held together, or apart, by
constraints), never enter the queue.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from shomar.linkage.spec import TrainedModel


@dataclass(frozen=True)
class Evidence:
    """One comparison's contribution to a pair's score."""

    comparison: str
    level: str
    match_weight: float

    def to_dict(self) -> dict[str, object]:
        return {
            "comparison": self.comparison,
            "level": self.level,
            "match_weight": self.match_weight,
        }


def binary_entropy(p: np.ndarray) -> np.ndarray:
    """Entropy in bits of a yes/no belief ``p`` (0 at certainty, 1 at 0.5)."""
    q = np.clip(p, 1e-12, 1 - 1e-12)
    return np.asarray(-(q * np.log2(q) + (1 - q) * np.log2(1 - q)))


def review_queue(
    pairs: pd.DataFrame,
    labels: np.ndarray,
    *,
    low: float,
    high: float,
    decided: Iterable[tuple[int, int]] = (),
    limit: int | None = None,
) -> pd.DataFrame:
    """Uncertain pairs ordered by value of information (highest first).

    ``labels`` are the current cluster labels per record. The result keeps the pair columns and
    adds ``same_person`` (are the two records in one person now) and ``value``.
    """
    band = pairs[(pairs["match_probability"] >= low) & (pairs["match_probability"] <= high)]
    if band.empty:
        return band.assign(same_person=pd.Series(dtype=bool), value=pd.Series(dtype=float))
    done = {(min(a, b), max(a, b)) for a, b in decided}
    if done:
        keys = list(zip(band["unique_id_l"].tolist(), band["unique_id_r"].tolist(), strict=True))
        band = band[[k not in done for k in keys]]
    left = labels[band["unique_id_l"].to_numpy(np.int64)]
    right = labels[band["unique_id_r"].to_numpy(np.int64)]
    sizes = np.bincount(labels)
    same = left == right
    impact = np.where(same, sizes[left] - 1, sizes[left] * sizes[right]).astype(float)
    value = binary_entropy(band["match_probability"].to_numpy(float)) * (1 + np.log2(impact))
    out = band.assign(same_person=same, value=value)
    out = out.sort_values(["value", "unique_id_l", "unique_id_r"], ascending=[False, True, True])
    if limit is not None:
        out = out.head(limit)
    return out.reset_index(drop=True)


def pair_evidence(
    model: TrainedModel,
    weights: dict[str, float],
    level_weights: Mapping[str, dict[int, tuple[str, float]]] | None = None,
) -> list[Evidence]:
    """Per-comparison evidence for a pair from its stored ``gamma_<comparison>`` levels and
    ``mw_<comparison>`` match weights.

    The level is the one splink put the pair in (``gamma``: -1 missing, 0 the "else" level, up
    to the most specific); runs stored before levels were kept fall back to the level whose
    weight log2(m/u) is closest, never to "missing" for a value that is present (a weight of
    0 can be a real level). Term-frequency adjustments (``mw_tf_adj_<comparison>``) are added
    to the weight shown; the sibling and conflict rules (:data:`RULE_EVIDENCE`) are lines of their
    own when they fired.
    ``level_weights``: ``model.level_weights()``, when a caller explains many pairs of one model.
    """
    table = model.level_weights() if level_weights is None else level_weights
    out: list[Evidence] = []
    for name, levels in table.items():
        weight = _number(weights.get(f"mw_{name}"))
        gamma = _number(weights.get(f"gamma_{name}"))
        if weight is None and gamma is None:
            continue
        if gamma is not None and int(gamma) in levels:
            label, level_weight = levels[int(gamma)]
        else:
            present = {k: v for k, v in levels.items() if k != -1} or levels
            label, level_weight = min(
                present.values(), key=lambda lv: abs(lv[1] - float(weight or 0.0))
            )
        shown = level_weight if weight is None else weight
        adjust = _number(weights.get(f"mw_tf_adj_{name}")) or 0.0
        out.append(Evidence(name, label, round(float(shown) + adjust, 3)))
    for column, name, label in RULE_EVIDENCE:
        rule = _number(weights.get(column))
        if rule:
            out.append(Evidence(name, label, rule))
    return out


#: the rules applied after the model's scores: stored column, evidence name, what it means
RULE_EVIDENCE = (
    ("mw_sibling_rule", "sibling_rule", "different given names, same family (two persons)"),
    (
        "mw_conflict_rule",
        "conflict_rule",
        "fathers' names, birth years or dates that cannot be one person's",
    ),
)


#: splink's generated level labels, in the words of the pages
_GENERATED_LEVELS = (
    (re.compile(r"Jaro-Winkler distance of \w+_key >= [\d.]+"), "close spelling"),
    (re.compile(r"Jaro-Winkler distance of \w+ >= [\d.]+"), "close consonant skeleton"),
    (re.compile(r"Damerau-Levenshtein distance of \w+ <= 1"), "one typo"),
    (re.compile(r"Exact match on \w+"), "same"),
    (re.compile(r"All other comparisons"), "different"),
)


def plain_level(label: str) -> str:
    """A level label of the review evidence as the pages say it (splink's generated labels such
    as "Jaro-Winkler distance of given_key >= 0.9" become "close spelling")."""
    for pattern, word in _GENERATED_LEVELS:
        if pattern.fullmatch(label):
            return word
    return label


def stored_weights(evidence: Mapping[str, object]) -> list[tuple[str, float]]:
    """A pair's stored evidence (``mw_<comparison>``, ``mw_tf_adj_<comparison>``, the rules'
    columns of :data:`RULE_EVIDENCE`) as (comparison, weight): the name-frequency adjustment
    added to its comparison, as :func:`pair_evidence` does, rules that did not fire left out,
    levels (``gamma_``) not weights."""
    rules = {column: name for column, name, _ in RULE_EVIDENCE}
    out: dict[str, float] = {}
    for column, value in evidence.items():
        if column.startswith("gamma_") or not isinstance(value, int | float):
            continue
        if column in rules:
            if value:
                out[rules[column]] = float(value)
            continue
        name = (
            column.removeprefix("mw_tf_adj_")
            if column.startswith("mw_tf_adj_")
            else (column.removeprefix("mw_"))
        )
        out[name] = out.get(name, 0.0) + float(value)
    return list(out.items())


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
