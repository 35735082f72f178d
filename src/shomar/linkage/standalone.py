"""Linking whole lists in one call: records in, one person id per record out.

This is the Python API behind ``shomar link FILE... --out FILE`` and the benchmarks: read CSV
lists with canonical columns (the list name is the file name's stem), compute features, train,
predict, cluster, and report each record's person and its best link.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from shomar.errors import InputError
from shomar.linkage.cluster import best_links, cluster_pairs, stable_person_ids
from shomar.linkage.conflicts import RecordConflicts
from shomar.linkage.features import compute_features
from shomar.linkage.model import LinkageSpec, TrainedModel, link
from shomar.readable import check_readable_file

OUTPUT_COLUMNS = ("source", "record_id", "person_id", "match_probability")


@dataclass
class LinkOutcome:
    """Persons per record, the scored pairs and the trained model of one run."""

    assignments: pd.DataFrame  # source, record_id, person_id, match_probability
    pairs: pd.DataFrame  # unique_id_l, unique_id_r, match_probability, match_weight, ...
    features: pd.DataFrame
    labels: np.ndarray
    model: TrainedModel
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def persons(self) -> int:
        return int(self.assignments["person_id"].nunique())


PAIR_COLUMNS = (
    "source_a", "record_id_a", "source_b", "record_id_b", "match_probability", "match_weight",
)  # fmt: skip


def pairs_table(outcome: LinkOutcome) -> pd.DataFrame:
    """Every scored pair by list and record id: the input of :func:`sample_linkages`."""
    feats = outcome.features
    left = outcome.pairs["unique_id_l"].to_numpy()
    right = outcome.pairs["unique_id_r"].to_numpy()
    return pd.DataFrame(
        {
            "source_a": feats["source"].to_numpy()[left],
            "record_id_a": feats["record_id"].to_numpy()[left],
            "source_b": feats["source"].to_numpy()[right],
            "record_id_b": feats["record_id"].to_numpy()[right],
            "match_probability": outcome.pairs["match_probability"].to_numpy(),
            "match_weight": outcome.pairs["match_weight"].to_numpy(),
        }
    )


def read_lists(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Concatenate CSV lists; ``source`` is each file's stem. Checks ids are present and unique."""
    frames = []
    problems = []
    for path in paths:
        p = Path(path)
        try:
            check_readable_file(p, "a CSV list")
        except InputError as exc:
            problems.append(exc.message)
            continue
        frame = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if "record_id" not in frame.columns:
            problems.append(f"{p}: no 'record_id' column")
            continue
        blank = frame.index[frame["record_id"].str.strip() == ""].tolist()
        if blank:
            problems.append(
                f"{p}: empty record_id on row(s) {', '.join(str(i + 2) for i in blank[:5])}"
            )
        dupes = frame["record_id"][frame["record_id"].duplicated()].unique().tolist()
        if dupes:
            problems.append(f"{p}: duplicate record_id {', '.join(dupes[:5])}")
        frame.insert(0, "source", p.stem)
        frames.append(frame)
    if problems:
        raise InputError(
            "Cannot link these lists:\n" + "\n".join(f"  - {m}" for m in problems),
            hint="Each list needs a unique, non-empty record_id per row (canonical columns).",
        )
    names = [Path(p).stem for p in paths]
    if len(set(names)) != len(names):
        raise InputError("Two lists have the same file name; the file name names the list.")
    return pd.concat(frames, ignore_index=True)


def link_records(
    records: pd.DataFrame,
    spec: LinkageSpec | None = None,
    *,
    backend: str = "duckdb",
    model: TrainedModel | None = None,
) -> LinkOutcome:
    """Link ``records`` (canonical columns plus ``source``) into persons."""
    spec = spec or (model.spec if model else LinkageSpec())
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    features = compute_features(records, spec.extra_names)
    seconds["features"] = time.perf_counter() - start
    prediction = link(features, spec, backend=backend, model=model)
    seconds.update(prediction.seconds)
    start = time.perf_counter()
    n = len(features)
    exclusive = None if spec.within_sources else features["source"].to_numpy()
    labels = cluster_pairs(
        n,
        prediction.pairs,
        spec.cluster_threshold,
        exclusive_sources=exclusive,
        conflicts=RecordConflicts(features, spec.extra_names),
    )
    keys = (features["source"] + "/" + features["record_id"]).tolist()
    person = stable_person_ids(keys, labels)
    best = best_links(n, prediction.pairs, labels)
    seconds["cluster"] = time.perf_counter() - start
    assignments = pd.DataFrame(
        {
            "source": features["source"],
            "record_id": features["record_id"],
            "person_id": person,
            "match_probability": best,
        }
    )
    return LinkOutcome(assignments, prediction.pairs, features, labels, prediction.model, seconds)
