"""Estimating an event's total from the workspace's persons, and storing the runs.

The capture table comes from the latest linkage run: each person of the event (restricted to
the violation types of the counted category) is on the lists (sources) that name them.
Stratified estimates (``by`` a field such as province or sex) estimate each stratum and combine
strata from posterior draws (sums of draws for the Bayesian methods; the sum of estimates with
a normal approximation for log-linear). Every run stores the input table and its hash, settings,
seed, results, diagnostics, warnings and software versions.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shomar import __version__
from shomar.errors import EstimationError
from shomar.estimation.capture import CaptureTable
from shomar.estimation.result import EstimateResult
from shomar.security.principal import Principal
from shomar.services.access import require_full_view
from shomar.services.comparison import CATEGORY_VIOLATIONS
from shomar.services.events import find_event
from shomar.store.audit import append_audit
from shomar.store.queries import all_records
from shomar.store.tables import EstimateRun, Event, PersonRecord, Record, Source
from shomar.store.workspace import Workspace

METHODS = ("loglinear", "lcmcr", "dga")
STRATA_FIELDS = {"province": Record.province_iso, "sex": Record.sex, "violation": Record.violation}
MIN_LISTS = 3


@dataclass
class StoredEstimate:
    run_id: int
    method: str
    stratum: str
    result: dict[str, Any]

    def to_summary(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "method": self.method,
            "stratum": self.stratum,
            "estimate": self.result.get("estimate"),
            "interval": self.result.get("interval"),
            "observed": self.result.get("observed"),
            "warnings": self.result.get("warnings", []),
        }


def _versions() -> dict[str, str]:
    out = {"shomar": __version__}
    for package in ("numpy", "scipy", "numba"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            out[package] = importlib.metadata.version(package)
    return out


def _estimator(method: str) -> Callable[..., EstimateResult]:
    if method == "loglinear":
        from shomar.estimation.loglinear import estimate_loglinear

        return estimate_loglinear
    if method == "lcmcr":
        from shomar.estimation.lcmcr import estimate_lcmcr

        return estimate_lcmcr
    if method == "dga":
        from shomar.estimation.dga import estimate_dga

        return estimate_dga
    raise EstimationError(f"Unknown method {method!r}.", hint=f"Use one of: {', '.join(METHODS)}.")


def event_memberships(
    session: Session, event: Event, counted: str, by: str | None = None
) -> tuple[list[str], dict[str, list[set[str]]]]:
    """Lists (sources with records on the event) and, per stratum, each person's lists."""
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    if run is None:
        raise EstimationError(
            "No persons yet: estimation needs linked records.",
            hint="Run `shomar link run` first.",
        )
    violations = CATEGORY_VIOLATIONS.get(counted, ())
    if not violations:
        known = ", ".join(c for c, v in CATEGORY_VIOLATIONS.items() if v)
        raise EstimationError(
            f"No recorded violation type is counted as {counted!r}.",
            hint=f"Estimate one of: {known}.",
        )
    column = STRATA_FIELDS[by] if by else None
    query = all_records(  # estimates count every record; they are published as aggregates
        select(PersonRecord.person_id, Source.name, *([column] if column is not None else []))
        .join(Record, Record.uid == PersonRecord.record_uid)
        .join(Source, Source.id == Record.source_id)
        .where(PersonRecord.run_id == run, Record.event_id == event.id)
    )
    if violations:
        query = query.where(Record.violation.in_(violations))
    members: dict[str, set[str]] = defaultdict(set)
    strata: dict[str, str] = {}
    lists: set[str] = set()
    for row in session.execute(query):
        members[row[0]].add(row[1])
        lists.add(row[1])
        if column is not None and row[2] is not None:
            strata.setdefault(row[0], str(row[2]))
    grouped: dict[str, list[set[str]]] = defaultdict(list)
    for person, sources in members.items():
        grouped[strata.get(person, "unknown") if by else ""].append(sources)
    return sorted(lists), dict(grouped)


def run_event_estimates(
    ws: Workspace,
    event: str,
    *,
    methods: Sequence[str] = METHODS,
    by: str | None = None,
    counted: str = "killed",
    seed: int | None = None,
    principal: Principal,
    options: dict[str, dict[str, Any]] | None = None,
    linkages: int = 0,
) -> list[StoredEstimate]:
    """Estimate the event's total with each method; store and return the runs.

    With ``linkages > 0`` (whole population only), each method also runs on that many plausible
    linkages drawn from the pair probabilities, and the stored result pools them: the spread the
    linkage adds is reported in ``diagnostics["linkage_uncertainty"]``.
    """
    require_full_view(ws, principal, "estimates.run")
    actor = principal.name
    if by is not None and by not in STRATA_FIELDS:
        raise EstimationError(
            f"Cannot stratify by {by!r}.", hint=f"Use one of: {', '.join(STRATA_FIELDS)}."
        )
    seed = int(np.random.SeedSequence(seed).entropy % (2**63)) if seed is None else seed  # type: ignore[operator]
    if linkages and by:
        raise EstimationError(
            "Pooling over plausible linkages works on the whole population only.",
            hint="Drop --by, or --linkages.",
        )
    samples = _linkage_samples(ws, linkages, seed, principal) if linkages else []
    with ws.read_session() as session:  # read …
        event_row = find_event(session, event)
        lists, grouped = event_memberships(session, event_row, counted, by)
        linkage_run_id = session.scalar(select(func.max(PersonRecord.run_id)))
        sampled_memberships = (
            _sample_memberships(session, event_row, counted, samples) if samples else []
        )
    if len(lists) < 2:
        raise EstimationError(
            f"Event {event!r} has records from {len(lists)} source(s); estimation needs at "
            "least 2 overlapping lists (3 or more to model dependence).",
        )
    pending: list[tuple[str, str, CaptureTable, EstimateResult]] = []
    skipped = _unsuitable(methods, len(lists))
    for method in methods:  # … compute, with no transaction open …
        if method in skipped:
            continue
        estimator = _estimator(method)
        kwargs = dict((options or {}).get(method, {}))
        per_stratum: dict[str, EstimateResult] = {}
        for stratum, memberships in sorted(grouped.items()):
            table = CaptureTable.from_memberships(lists, memberships)
            result = _estimate_one(estimator, table, seed, kwargs, stratum)
            per_stratum[stratum] = result
            if by:
                pending.append((method, f"{by}={stratum}", table, result))
        combined = per_stratum[""] if not by else combine_strata(method, per_stratum)
        if sampled_memberships:
            sampled = [
                _estimate_one(estimator, CaptureTable.from_memberships(lists, m), seed, kwargs, "")
                for m in sampled_memberships
            ]
            combined = pool_linkages(combined, sampled)
        combined.warnings.extend(
            f"{name} skipped: it needs 3 to 5 lists, the event has {len(lists)}"
            for name in sorted(skipped)
        )
        table = CaptureTable.from_memberships(lists, [m for ms in grouped.values() for m in ms])
        pending.append((method, "", table, combined))
    with ws.session() as session:  # … then write, briefly
        stored = [
            _store(
                session,
                event_row.id,
                linkage_run_id,
                method,
                stratum,
                table,
                result,
                seed,
                counted,
                by,
                actor,
            )
            for method, stratum, table, result in pending
        ]
        append_audit(
            session,
            actor,
            "estimate.run",
            f"event:{event_row.id}",
            {
                "methods": [m for m in methods if m not in skipped],
                "by": by,
                "counted": counted,
                "seed": seed,
                "linkage_run_id": linkage_run_id,
            },
        )
    return stored


def _estimate_one(
    estimator: Callable[..., EstimateResult],
    table: CaptureTable,
    seed: int,
    kwargs: dict[str, Any],
    stratum: str,
) -> EstimateResult:
    warnings: list[str] = []
    empty = [name for name, total in table.list_totals().items() if total == 0]
    if empty:
        warnings.append(
            f"list(s) with no records{' in ' + stratum if stratum else ''}: {', '.join(empty)}"
        )
    if sum(1 for total in table.list_totals().values() if total > 0) < MIN_LISTS:
        warnings.append(
            f"stratum {stratum or 'all'} is thin: fewer than {MIN_LISTS} lists have records; "
            "the estimate cannot model dependence between lists"
        )
    result = estimator(table, seed=seed, **kwargs)
    result.warnings[:0] = warnings
    return result


def _unsuitable(methods: Sequence[str], n_lists: int) -> set[str]:
    """Methods that cannot run on this many lists (dga averages over graphs of 3–5 lists)."""
    if len(methods) > 1 and "dga" in methods and not 3 <= n_lists <= 5:
        return {"dga"}
    return set()


def _linkage_samples(
    ws: Workspace, n: int, seed: int, principal: Principal
) -> list[dict[str, int]]:
    from shomar.services.linkage import linkage_samples

    return linkage_samples(ws, n, np.random.default_rng([seed, 1]), principal=principal)


def _sample_memberships(
    session: Session, event: Event, counted: str, samples: list[dict[str, int]]
) -> list[list[set[str]]]:
    """Each sampled linkage's persons (of the event and category) as sets of lists."""
    violations = CATEGORY_VIOLATIONS.get(counted, ())
    query = all_records(
        select(Record.uid, Source.name)
        .join(Source, Source.id == Record.source_id)
        .where(Record.event_id == event.id)
    )
    if violations:
        query = query.where(Record.violation.in_(violations))
    records = session.execute(query).all()
    out = []
    for sample in samples:
        members: dict[int, set[str]] = defaultdict(set)
        for uid, source in records:
            if uid in sample:
                members[sample[uid]].add(source)
        out.append(list(members.values()))
    return out


def pool_linkages(best: EstimateResult, sampled: list[EstimateResult]) -> EstimateResult:
    """Pool estimates over plausible linkages (equal weights) and report the spread added.

    Bayesian methods pool their posterior draws; others combine by Rubin's rules (within-
    linkage variance from the intervals plus between-linkage variance of the estimates).
    """
    level = best.level
    tail = (1 - level) / 2
    estimates = np.array([r.estimate for r in sampled])
    if all(r.draws is not None for r in sampled):
        pooled = np.concatenate([np.asarray(r.draws).reshape(-1) for r in sampled])
        point = float(np.median(pooled))
        lo, hi = (float(x) for x in np.quantile(pooled, [tail, 1 - tail]))
        interval_type = f"{best.interval_type}, pooled over {len(sampled)} plausible linkages"
        draws: np.ndarray | None = pooled
    else:
        z = 1.959963984540054
        within = float(np.mean([((r.interval[1] - r.interval[0]) / (2 * z)) ** 2 for r in sampled]))
        between = float(np.var(estimates, ddof=1)) if len(sampled) > 1 else 0.0
        point = float(estimates.mean())
        half = z * (within + (1 + 1 / len(sampled)) * between) ** 0.5
        lo, hi = max(best.observed, point - half), point + half
        interval_type = f"Rubin's rules over {len(sampled)} plausible linkages"
        draws = None
    best_width = best.interval[1] - best.interval[0]
    observed = (min(r.observed for r in sampled), max(r.observed for r in sampled))
    ratio = (hi - lo) / best_width if best_width > 0 else float("nan")
    spread: dict[str, Any] = {
        "samples": len(sampled),
        "observed_range": list(observed),
        "estimate_range": [float(estimates.min()), float(estimates.max())],
        "best_linkage": {"estimate": best.estimate, "interval": list(best.interval)},
        "interval_width_ratio": ratio,
    }
    warnings = list(best.warnings)
    warnings.append(
        f"linkage uncertainty: over {len(sampled)} plausible linkages the observed count ranges "
        f"{observed[0]:,}–{observed[1]:,} and the estimate "
        f"{estimates.min():,.0f}–{estimates.max():,.0f}; the pooled interval is "
        f"{ratio:.2f}× as wide as the best linkage's"
    )
    return EstimateResult(
        best.method,
        best.observed,
        point,
        (lo, hi),
        level,
        interval_type,
        best.model,
        {**best.settings, "linkages": len(sampled)},
        best.seed,
        {**best.diagnostics, "linkage_uncertainty": spread},
        warnings,
        best.runtime_s + sum(r.runtime_s for r in sampled),
        draws,
    )


def combine_strata(method: str, results: dict[str, EstimateResult]) -> EstimateResult:
    """Total over strata: sums of posterior draws when all strata have draws, else a normal sum."""
    parts = list(results.values())
    observed = sum(r.observed for r in parts)
    warnings = [f"[{s}] {w}" for s, r in results.items() for w in r.warnings]
    level = parts[0].level
    if all(r.draws is not None for r in parts):
        flat = [np.asarray(r.draws).reshape(-1) for r in parts]
        size = min(len(d) for d in flat)
        total = np.sum([d[:size] for d in flat], axis=0)
        tail = (1 - level) / 2
        lo, hi = np.quantile(total, [tail, 1 - tail])
        return EstimateResult(
            method,
            observed,
            float(np.median(total)),
            (float(lo), float(hi)),
            level,
            "equal-tailed posterior interval of the sum of strata",
            None,
            {"strata": list(results)},
            parts[0].seed,
            {},
            warnings,
            0.0,
            total,
        )
    estimate = sum(r.estimate for r in parts)
    z = 1.959963984540054
    variance = sum(((r.interval[1] - r.interval[0]) / (2 * z)) ** 2 for r in parts)
    half = z * variance**0.5
    return EstimateResult(
        method,
        observed,
        estimate,
        (max(observed, estimate - half), estimate + half),
        level,
        "normal approximation from per-stratum intervals",
        None,
        {"strata": list(results)},
        parts[0].seed,
        {},
        warnings,
        0.0,
    )


def _store(
    session: Session,
    event_id: int,
    linkage_run_id: int | None,
    method: str,
    stratum: str,
    table: CaptureTable,
    result: EstimateResult,
    seed: int,
    counted: str,
    by: str | None,
    actor: str,
) -> StoredEstimate:
    data = result.to_dict()
    if result.draws is not None:
        draws = np.asarray(result.draws).reshape(-1)
        step = max(1, len(draws) // 500)
        data["draws_sample"] = [float(x) for x in draws[::step]]
    run = EstimateRun(
        event_id=event_id,
        linkage_run_id=linkage_run_id,
        method=method,
        stratum=stratum,
        input_hash=table.digest(),
        table_csv=table.to_csv(),
        settings={**data.get("settings", {}), "counted": counted, "by": by},
        seed=seed,
        result=data,
        versions=_versions(),
        created_by=actor,
    )
    session.add(run)
    session.flush()
    return StoredEstimate(run.id, method, stratum, data)
