"""The linkage model: a typed, JSON-serialisable spec, EM training and prediction.

A :class:`LinkageSpec` says everything a run needs (blocking, comparisons, training, thresholds)
and is saved with every run, next to the trained splink model (:class:`TrainedModel`), so a run
can be repeated and audited. Training follows the Fellegi-Sunter recipe splink documents: the
prior match probability from near-deterministic rules and an assumed recall, ``u`` from random
pairs, ``m`` by expectation maximisation in sessions blocked on different columns, and, when a
human has confirmed enough pairs, ``m`` from those labels.

Fellegi, I. P. and Sunter, A. B. (1969) "A theory for record linkage", JASA 64(328).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd
from splink import Linker, SettingsCreator

from shomar.errors import LinkageError
from shomar.linkage.backends import Backend, get_backend, to_pandas
from shomar.linkage.blocking import DEFAULT_RULES, DETERMINISTIC_RULES, EM_RULES, blocking_rules
from shomar.linkage.comparisons import ExtraColumn, default_comparisons

logger = logging.getLogger(__name__)

SPEC_VERSION = 1

#: labelled "same" pairs needed before the labels, not EM, set the m probabilities
MIN_LABELS_FOR_TRAINING = 50


@contextmanager
def quiet_splink() -> Iterator[None]:
    """Keep splink's advice and progress messages out of Shomar's output."""
    splink_logger = logging.getLogger("splink")
    level = splink_logger.level
    splink_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        splink_logger.setLevel(level)


def _rules(rules: Sequence[Sequence[str]]) -> list[list[str]]:
    return [list(r) for r in rules]


@dataclass
class LinkageSpec:
    """Everything one linkage run needs; saved as JSON with the run."""

    blocking: list[list[str]] = field(default_factory=lambda: _rules(DEFAULT_RULES))
    deterministic: list[list[str]] = field(default_factory=lambda: _rules(DETERMINISTIC_RULES))
    em_blocking: list[list[str]] = field(default_factory=lambda: _rules(EM_RULES))
    #: assumed recall of the deterministic rules (for the prior match probability)
    recall: float = 0.7
    #: identifier columns compared besides the canonical ones (a national id, a postcode)
    extra_columns: list[ExtraColumn] = field(default_factory=list)
    #: compare birth dates to the day (lists with full birth dates) instead of birth years
    birth_days: bool = False
    #: also link records within one list (duplicates inside a source)
    within_sources: bool = True
    #: random pairs sampled to estimate u; in one pass (splink's early stop waits for every
    #: level to be seen 100 times, which rare cross-script levels never are)
    u_max_pairs: float = 1e6
    #: cap on pairs per EM session (None: all blocked pairs)
    em_max_pairs: float | None = None
    seed: int = 42
    #: pairs scoring below this are not kept
    predict_threshold: float = 0.01
    #: pairs at or above this link records into one person
    cluster_threshold: float = 0.5
    #: the uncertain band sent to human review
    review_low: float = 0.1
    review_high: float = 0.9
    #: keep per-comparison Bayes factors with each pair (for review evidence)
    keep_evidence: bool = False
    version: int = SPEC_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["extra_columns"] = [e.to_dict() for e in self.extra_columns]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkageSpec:
        data = dict(data)
        data["extra_columns"] = [ExtraColumn(**e) for e in data.get("extra_columns", [])]
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise LinkageError(
                f"Unknown linkage spec fields: {', '.join(sorted(unknown))}.",
                hint=f"Known fields: {', '.join(sorted(known))}.",
            )
        return cls(**data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> LinkageSpec:
        return cls.from_dict(json.loads(text))

    @property
    def extra_names(self) -> list[str]:
        return [e.name for e in self.extra_columns]


@dataclass
class TrainedModel:
    """A spec with the splink model (m/u probabilities, prior) trained under it."""

    spec: LinkageSpec
    splink_settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"spec": self.spec.to_dict(), "splink_settings": self.splink_settings}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainedModel:
        return cls(LinkageSpec.from_dict(data["spec"]), data["splink_settings"])

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> TrainedModel:
        return cls.from_dict(json.loads(text))

    def level_weights(self) -> dict[str, dict[int, tuple[str, float]]]:
        """Per comparison, per level index (gamma): label and match weight (log2 m/u)."""
        import math

        out: dict[str, dict[int, tuple[str, float]]] = {}
        for comparison in self.splink_settings.get("comparisons", []):
            name = comparison.get("output_column_name", "")
            levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
            table: dict[int, tuple[str, float]] = {-1: ("missing", 0.0)}
            for i, level in enumerate(reversed(levels)):
                m, u = level.get("m_probability"), level.get("u_probability")
                weight = math.log2(m / u) if m and u else 0.0
                table[i] = (level.get("label_for_charts", ""), weight)
            out[name] = table
        return out


def present_columns(features: pd.DataFrame) -> set[str]:
    """Feature columns that hold a value in at least one record."""
    return {c for c in features.columns if features[c].notna().any()}


def settings_for(spec: LinkageSpec, present: set[str] | None = None) -> SettingsCreator:
    """splink settings (untrained) for ``spec``; see :func:`default_comparisons`."""
    if present is not None and "place_sig" not in present and "province" in present:
        present = present | {"place_sig"}
    comparisons = default_comparisons(
        spec.extra_columns, birth_days=spec.birth_days, present=present
    )
    if not comparisons:
        raise LinkageError(
            "The records have nothing to compare: every linkage column is empty.",
            hint="Check the column names (DESIGN §7 canonical columns).",
        )
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking_rules(
            spec.blocking, within_sources=spec.within_sources
        ),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=spec.keep_evidence,
        max_iterations=20,
        em_convergence=0.001,
    )


@dataclass
class Prediction:
    """Scored pairs: ``unique_id_l < unique_id_r``, ``match_probability``, ``match_weight``
    and, when the spec keeps evidence, ``gamma_<comparison>`` level indices."""

    pairs: pd.DataFrame
    model: TrainedModel
    seconds: dict[str, float]


def _pairs_frame(frame: pd.DataFrame, keep_evidence: bool) -> pd.DataFrame:
    cols = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
    if keep_evidence:
        cols += [c for c in frame.columns if c.startswith("gamma_")]
    out = frame[cols].copy()
    out["unique_id_l"] = out["unique_id_l"].astype("int64")
    out["unique_id_r"] = out["unique_id_r"].astype("int64")
    swap = out["unique_id_l"] > out["unique_id_r"]
    if swap.any():
        left = out.loc[swap, "unique_id_l"].copy()
        out.loc[swap, "unique_id_l"] = out.loc[swap, "unique_id_r"]
        out.loc[swap, "unique_id_r"] = left
    return out.reset_index(drop=True)


def _linker(backend: Backend, features: pd.DataFrame, settings: Any) -> Linker:
    table = backend.register(features, "records")
    return Linker(table, settings, log_level=None)


def run_em_session(linker: Linker, rule: Any, max_pairs: float | None = None) -> bool:
    """One EM session; if an m probability underflows (splink refuses values < 1e-300 when a
    level all but vanishes among matches), retry with fewer iterations, then skip the session."""
    from splink.internals.settings import TrainingSettings

    settings = linker._settings_obj
    original = settings.training_settings
    try:
        for iterations in (original.max_iterations, 8, 3):
            settings.training_settings = TrainingSettings(original.em_convergence, iterations)
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, estimate_without_term_frequencies=True, max_pairs=max_pairs
                )
                return True
            except ValueError as exc:
                if "below the minimum allowed" not in str(exc):
                    raise
                logger.info("EM on %s underflowed at %d iterations; retrying", rule, iterations)
            except Exception as exc:  # empty or degenerate blocks
                logger.warning("EM session blocked on %s skipped: %s", rule, exc)
                return False
        logger.warning("EM session blocked on %s skipped: m probabilities underflow", rule)
        return False
    finally:
        settings.training_settings = original


def train(
    features: pd.DataFrame,
    spec: LinkageSpec,
    backend: Backend,
    labels: Sequence[tuple[int, int]] = (),
) -> tuple[Linker, TrainedModel]:
    """Train the model on ``features``; ``labels`` are unique-id pairs a human called same."""
    linker = _linker(backend, features, settings_for(spec, present_columns(features)))
    training = linker.training
    training.estimate_probability_two_random_records_match(
        blocking_rules(spec.deterministic), recall=spec.recall
    )
    training.estimate_u_using_random_sampling(
        max_pairs=spec.u_max_pairs, seed=spec.seed, num_chunks=1
    )
    for rule in spec.em_blocking:
        run_em_session(linker, blocking_rules([rule])[0], spec.em_max_pairs)
    if len(labels) >= MIN_LABELS_FOR_TRAINING:
        label_frame = pd.DataFrame([{"unique_id_l": a, "unique_id_r": b} for a, b in labels])
        table = backend.register(label_frame, "labels")
        training.estimate_m_from_pairwise_labels(table)
    model = TrainedModel(spec, linker.misc.save_model_to_json())
    return linker, model


def predict(linker: Linker, spec: LinkageSpec, model: TrainedModel) -> pd.DataFrame:
    """Scored candidate pairs at or above the spec's predict threshold."""
    result = linker.inference.predict(
        threshold_match_probability=spec.predict_threshold, warning_mode="never"
    )
    return _pairs_frame(to_pandas(result), spec.keep_evidence)


def link(
    features: pd.DataFrame,
    spec: LinkageSpec | None = None,
    *,
    backend: str = "duckdb",
    labels: Sequence[tuple[int, int]] = (),
    model: TrainedModel | None = None,
) -> Prediction:
    """Train (unless ``model`` is given) and predict on ``features``."""
    spec = spec or (model.spec if model else LinkageSpec())
    if len(features) < 2:
        return Prediction(_empty_pairs(), model or TrainedModel(spec, {}), {})
    engine = get_backend(backend)
    seconds: dict[str, float] = {}
    try:
        with quiet_splink():
            start = time.perf_counter()
            if model is None:
                linker, model = train(features, spec, engine, labels)
            else:
                linker = _linker(engine, features, model.splink_settings)
            seconds["train"] = time.perf_counter() - start
            start = time.perf_counter()
            pairs = predict(linker, spec, model)
            seconds["predict"] = time.perf_counter() - start
    finally:
        engine.close()
    return Prediction(pairs, model, seconds)


def predict_incremental(
    model: TrainedModel,
    existing: pd.DataFrame,
    new: pd.DataFrame,
    *,
    backend: str = "duckdb",
) -> pd.DataFrame:
    """Score the ``new`` records against ``existing`` ones and among themselves.

    Nothing is re-trained and existing pairs are not re-scored: the cost grows with the new
    records, not with the workspace. Both frames come from one :func:`compute_features` call
    (so ``unique_id`` values are distinct).
    """
    if new.empty:
        return _empty_pairs()
    spec = model.spec
    engine = get_backend(backend)
    try:
        with quiet_splink():
            combined = pd.concat([existing, new], ignore_index=True)
            linker = _linker(engine, combined, model.splink_settings)
            for comparison in model.splink_settings.get("comparisons", []):
                for level in comparison["comparison_levels"]:
                    column = level.get("tf_adjustment_column")
                    if column:
                        linker.table_management.compute_tf_table(column)
            new_table = engine.register(new, "new_records")
            frames = []
            if not existing.empty:
                old_table = engine.register(existing, "old_records")
                between = linker.inference.predict_between(
                    old_table,
                    new_table,
                    threshold_match_probability=spec.predict_threshold,
                    warning_mode="never",
                )
                frames.append(to_pandas(between))
            within = linker.inference.predict_within(
                new_table, threshold_match_probability=spec.predict_threshold, warning_mode="never"
            )
            frames.append(to_pandas(within))
    finally:
        engine.close()
    frames = [f for f in frames if not f.empty]
    if not frames:
        return _empty_pairs()
    return _pairs_frame(pd.concat(frames, ignore_index=True), spec.keep_evidence)


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unique_id_l": pd.Series([], dtype="int64"),
            "unique_id_r": pd.Series([], dtype="int64"),
            "match_probability": pd.Series([], dtype="float64"),
            "match_weight": pd.Series([], dtype="float64"),
        }
    )
