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

import copy
import logging
import math
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pandas as pd
from splink import Linker, SettingsCreator

from shomar.errors import LinkageError
from shomar.linkage.backends import Backend, get_backend, to_pandas
from shomar.linkage.blocking import blocking_rules
from shomar.linkage.columns import columns_read
from shomar.linkage.comparisons import (
    FATHER_IN_FAMILY_LEVEL,
    RARE_SLIP_LEVEL,
    TYPO_LEVEL,
    default_comparisons,
)
from shomar.linkage.conflicts import apply_conflict_rule
from shomar.linkage.rules import apply_sibling_rule
from shomar.linkage.spec import LinkageSpec, TrainedModel

logger = logging.getLogger(__name__)

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


def _rule_text(rule: Any) -> str:
    """A blocking rule as a short readable text (``date_start and birth_lo``)."""
    try:
        sql = rule.get_blocking_rule("duckdb").blocking_rule_sql
    except Exception:  # a rule given as SQL text, or another splink version
        sql = str(rule)
    names = re.findall(r'l\."?(\w+)"?\s*=\s*r\."?\1"?', sql)
    return " and ".join(dict.fromkeys(names)) if names else " ".join(sql.split())


def _gist(exc: Exception) -> str:
    """The first sentence of splink's message, on one line."""
    text = " ".join(str(exc).split())
    if "resulted in no record pairs" in text:
        return "no two records agree on it (usual for small or sparse lists)"
    return text.split(". ")[0][:200]


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
    and, when the spec keeps evidence, ``mw_<comparison>`` (and ``mw_tf_adj_<comparison>``)
    match weights per comparison."""

    pairs: pd.DataFrame
    model: TrainedModel
    seconds: dict[str, float]


def _pairs_frame(frame: pd.DataFrame, keep_evidence: bool) -> pd.DataFrame:
    cols = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
    if keep_evidence:
        cols += [c for c in frame.columns if c.startswith(("mw_", "gamma_"))]
    out = frame[cols].copy()
    out["unique_id_l"] = out["unique_id_l"].astype("int64")
    out["unique_id_r"] = out["unique_id_r"].astype("int64")
    swap = out["unique_id_l"] > out["unique_id_r"]
    if swap.any():
        left = out.loc[swap, "unique_id_l"].copy()
        out.loc[swap, "unique_id_l"] = out.loc[swap, "unique_id_r"]
        out.loc[swap, "unique_id_r"] = left
    return out.reset_index(drop=True)


def _linker(
    backend: Backend,
    features: pd.DataFrame,
    settings: Any,
    rules: Sequence[Sequence[str]] = (),
) -> Linker:
    """A linker over the ``features`` that ``settings`` and the training ``rules`` read."""
    table = backend.register(features, "records", columns_read(features.columns, settings, rules))
    return Linker(table, settings, log_level=None)


def _keep_prior_sane(linker: Linker, n_records: int) -> None:
    """Keep the prior match probability strictly between 0 and 1.

    On small or odd data the deterministic estimate can be 0 (no sure matches) or reach 1, and
    splink then cannot score anything; fall back to "each record has about one match"."""
    settings = linker._settings_obj
    prior = settings._probability_two_random_records_match
    if prior is None or not 0.0 < prior < 0.5:
        fallback = min(0.1, 1.0 / max(n_records, 2))
        logger.warning("prior match probability %s replaced by %.3g", prior, fallback)
        settings._probability_two_random_records_match = fallback


#: no single comparison level moves the odds by more than 2**MAX_LEVEL_WEIGHT either way
MAX_LEVEL_WEIGHT = 12.0
#: comparisons whose non-else levels are similarities (never evidence against a match)
SIMILARITY_COMPARISONS = ("given_name", "family_name", "father_name", "place")


def bound_weights(linker: Linker) -> None:
    """Keep EM's weights sane where it has few pairs to learn from.

    A level almost never seen among the pairs EM calls matches (a close spelling of a rare
    place, Jaro-Winkler on fathers' names) can get m → 0 and a weight of −100 bits, which then
    splits every true pair that happens to fall in it. So (1) every level's weight is bounded
    by ±:data:`MAX_LEVEL_WEIGHT` bits, and (2) similarity levels of names and places (all but
    the "else" level and the disagreement levels) weigh at least 0: looking alike is never
    evidence of two persons, and (3) a name in another order weighs no more than the same
    name across scripts (it has no term-frequency adjustment, so a common name written
    family-first must not count more than written in order; so for a father read from the
    other record's family field, and for a slip read as its name). Only m is moved; u stays as
    sampled.
    """
    from shomar.linkage.comparisons import DISAGREEMENT_LEVELS

    for comparison in linker._settings_obj.comparisons:
        name = comparison.output_column_name
        levels = [lv for lv in comparison.comparison_levels if not lv.is_null_level]
        canon = _level_weight(levels, "same name across scripts")
        for i, level in enumerate(levels):
            m, u = level.m_probability, level.u_probability
            if not u or m is None:
                continue
            lo = -MAX_LEVEL_WEIGHT
            similarity = i < len(levels) - 1 and level.label_for_charts not in DISAGREEMENT_LEVELS
            if name in SIMILARITY_COMPARISONS and similarity:
                lo = 0.0
            weight = math.log2(max(m, 1e-300) / u)
            hi = MAX_LEVEL_WEIGHT
            if level.label_for_charts in CAPPED_LEVELS and canon is not None:
                hi = min(hi, canon)  # a reordered name is no stronger than one name across scripts
            bounded = min(max(weight, lo), hi)
            if bounded != weight:
                level.m_probability = min(1.0, u * 2.0**bounded)


#: levels that match names written in another order (capped at the cross-script level's weight)
REORDER_LEVELS = ("same name parts in another order", "swapped with the family name",
                  "swapped with the given name")  # fmt: skip

#: levels no stronger than their comparison's cross-script level: the reordered names, a
#: father's name read from the other record's family field (few pairs for EM to learn it on),
#: and a rare spelling read as the common name it is one letter from
CAPPED_LEVELS = (*REORDER_LEVELS, FATHER_IN_FAMILY_LEVEL, TYPO_LEVEL, RARE_SLIP_LEVEL)


def _level_weight(levels: list[Any], label: str) -> float | None:
    for level in levels:
        if level.label_for_charts == label and level.m_probability and level.u_probability:
            return math.log2(level.m_probability / level.u_probability)
    return None


def run_em_session(linker: Linker, rule: Any, max_pairs: float | None = None) -> bool:
    """One EM session; if it degenerates (an m probability underflows below splink's 1e-300 when
    a level all but vanishes among matches, or the match prior reaches 0 or 1), retry with
    fewer iterations, then skip the session."""
    from splink.internals.settings import TrainingSettings

    # a failed session can leave splink's settings half-changed (comparisons dropped): restore
    snapshot = copy.deepcopy(linker._settings_obj)
    original = snapshot.training_settings
    for iterations in (original.max_iterations, 8, 3):
        linker._settings_obj.training_settings = TrainingSettings(
            original.em_convergence, iterations
        )
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True, max_pairs=max_pairs
            )
            linker._settings_obj.training_settings = original
            return True
        except ValueError as exc:  # an m underflows, or the prior reaches 0 or 1
            logger.info("EM on %s failed at %d iterations (%s); retrying", rule, iterations, exc)
            linker._settings_obj = copy.deepcopy(snapshot)
        except Exception as exc:  # empty or degenerate blocks
            logger.warning(
                "training step on pairs agreeing on %s skipped: %s", _rule_text(rule), _gist(exc)
            )
            linker._settings_obj = snapshot
            return False
    logger.warning(
        "training step on pairs agreeing on %s skipped: it degenerates", _rule_text(rule)
    )
    linker._settings_obj = snapshot
    return False


def train(
    features: pd.DataFrame,
    spec: LinkageSpec,
    backend: Backend,
    labels: Sequence[tuple[int, int]] = (),
) -> tuple[Linker, TrainedModel]:
    """Train the model on ``features``; ``labels`` are unique-id pairs a human called same."""
    settings = settings_for(spec, present_columns(features))
    linker = _linker(backend, features, settings, [*spec.deterministic, *spec.em_blocking])
    training = linker.training
    try:
        training.estimate_probability_two_random_records_match(
            blocking_rules(spec.deterministic), recall=spec.recall
        )
    except Exception as exc:  # e.g. the rules' observed share exceeds the assumed recall
        logger.warning("prior match probability not estimated: %s", exc)
    _keep_prior_sane(linker, len(features))
    training.estimate_u_using_random_sampling(
        max_pairs=spec.u_max_pairs, seed=spec.seed, num_chunks=1
    )
    for rule in spec.em_blocking:
        run_em_session(linker, blocking_rules([rule])[0], spec.em_max_pairs)
    _keep_prior_sane(linker, len(features))
    bound_weights(linker)
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
    finally:
        engine.close()  # the engine's memory is released before the Python rules run
    pairs = apply_sibling_rule(
        pairs, features, keep_evidence=spec.keep_evidence, identifiers=spec.extra_names
    )
    pairs = apply_conflict_rule(
        pairs, features, keep_evidence=spec.keep_evidence, identifiers=spec.extra_names
    )
    seconds["predict"] = time.perf_counter() - start
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
            columns = columns_read(combined.columns, model.splink_settings)
            new_table = engine.register(new, "new_records", columns)
            frames = []
            if not existing.empty:
                old_table = engine.register(existing, "old_records", columns)
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
    pairs = _pairs_frame(pd.concat(frames, ignore_index=True), spec.keep_evidence)
    pairs = apply_sibling_rule(
        pairs, combined, keep_evidence=spec.keep_evidence, identifiers=spec.extra_names
    )
    return apply_conflict_rule(
        pairs, combined, keep_evidence=spec.keep_evidence, identifiers=spec.extra_names
    )


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unique_id_l": pd.Series([], dtype="int64"),
            "unique_id_r": pd.Series([], dtype="int64"),
            "match_probability": pd.Series([], dtype="float64"),
            "match_weight": pd.Series([], dtype="float64"),
        }
    )
