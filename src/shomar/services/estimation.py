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
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from shomar import __version__
from shomar.errors import EstimationError
from shomar.estimation.capture import CaptureTable
from shomar.estimation.pooling import pool_linkages
from shomar.estimation.result import EstimateResult
from shomar.estimation.strata import SkippedStratum, combine_strata, unestimable_reason
from shomar.security.principal import Principal
from shomar.services.access import require_full_view
from shomar.services.comparison import CATEGORY_VIOLATIONS, UNSPECIFIED, violation_condition
from shomar.services.events import find_event
from shomar.store.audit import append_audit
from shomar.store.queries import all_records
from shomar.store.tables import EstimateRun, Event, PersonRecord, Record, Source
from shomar.store.workspace import Workspace

METHODS = ("loglinear", "lcmcr", "dga")
#: LCMCR in workspace runs: chains extend until converged, prior/K sensitivity beside it
DEFAULT_OPTIONS: dict[str, dict[str, Any]] = {"lcmcr": {"sensitivity": True}}
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
    if method == "twoclass":
        from shomar.estimation.twoclass import estimate_twoclass

        return estimate_twoclass
    raise EstimationError(f"Unknown method {method!r}.", hint=f"Use one of: {', '.join(METHODS)}.")


def event_memberships(
    session: Session, event: Event, counted: str, by: str | None = None
) -> tuple[list[str], dict[str, list[set[str]]]]:
    """Lists (sources with records on the event) and, per stratum, each person's lists.

    ``counted`` is a category of :data:`CATEGORY_VIOLATIONS` or ``"unspecified"`` (records
    without a violation type). Province strata are labelled by name in both scripts.
    """
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    if run is None:
        raise EstimationError(
            "No persons yet: estimation needs linked records.",
            hint="Run `shomar link run` first.",
        )
    condition = _category_condition(counted)
    column = STRATA_FIELDS[by] if by else None
    query = all_records(  # estimates count every record; they are published as aggregates
        select(PersonRecord.person_id, Source.name, *([column] if column is not None else []))
        .join(Record, Record.uid == PersonRecord.record_uid)
        .join(Source, Source.id == Record.source_id)
        .where(PersonRecord.run_id == run, Record.event_id == event.id)
        .where(condition)
    )
    members: dict[str, set[str]] = defaultdict(set)
    strata: dict[str, str] = {}
    lists: set[str] = set()
    for row in session.execute(query):
        members[row[0]].add(row[1])
        lists.add(row[1])
        if column is not None and row[2] is not None and str(row[2]).strip():
            strata.setdefault(row[0], stratum_label(by or "", str(row[2])))
    grouped: dict[str, list[set[str]]] = defaultdict(list)
    for person, sources in members.items():
        grouped[strata.get(person, "unknown") if by else ""].append(sources)
    return sorted(lists), dict(grouped)


def _category_condition(counted: str) -> ColumnElement[bool]:
    if counted != UNSPECIFIED and not CATEGORY_VIOLATIONS.get(counted, ()):
        known = ", ".join([*(c for c, v in CATEGORY_VIOLATIONS.items() if v), UNSPECIFIED])
        raise EstimationError(
            f"No recorded violation type is counted as {counted!r}.",
            hint=f"Estimate one of: {known}.",
        )
    return violation_condition(counted)


def stratum_label(by: str, value: str) -> str:
    """A stratum as users read it: provinces by name in both scripts, not ISO codes."""
    if by == "province":
        from shomar.places.gazetteer import province_by_iso

        province = province_by_iso().get(value)
        if province is not None:
            return f"{province.name_en} ({province.name_fa})"
    return value


def left_out_records(session: Session, event: Event, counted: str) -> list[dict[str, Any]]:
    """Current records of the event that the estimate of ``counted`` does not count, and why."""
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    base = all_records(select(Record.violation, func.count()).where(Record.event_id == event.id))
    out: list[dict[str, Any]] = []
    outside = ~violation_condition(counted)
    if counted != UNSPECIFIED:  # NOT IN is NULL for a NULL violation: name those rows too
        outside = or_(Record.violation.is_(None), outside)
    rows = session.execute(base.where(outside).group_by(Record.violation))
    for violation, n in rows:
        if not violation:
            reason = (
                "no violation type: counted in the 'unspecified' category, not here; set one "
                "(a mapping's `[defaults] violation = ...`) or estimate `--counted unspecified`"
            )
        else:
            reason = f"violation type {violation!r} is not counted as {counted!r}"
        out.append({"records": int(n), "reason": reason})
    if run is not None:
        linked = select(PersonRecord.record_uid).where(PersonRecord.run_id == run)
        unlinked = session.scalar(
            all_records(
                select(func.count())
                .select_from(Record)
                .where(
                    Record.event_id == event.id,
                    violation_condition(counted),
                    Record.uid.not_in(linked),
                )
            )
        )
        if unlinked:
            out.append(
                {
                    "records": int(unlinked),
                    "reason": "not in the latest linkage run (imported or changed since); run "
                    "`shomar link run`",
                }
            )
    return out


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
    options = {m: {**DEFAULT_OPTIONS.get(m, {}), **o} for m, o in (options or {}).items()}
    for method, defaults in DEFAULT_OPTIONS.items():
        options.setdefault(method, dict(defaults))
    with ws.read_session() as session:  # read …
        event_row = find_event(session, event)
        lists, grouped = event_memberships(session, event_row, counted, by)
        linkage_run_id = session.scalar(select(func.max(PersonRecord.run_id)))
        sampled_memberships = (
            _sample_memberships(session, event_row, counted, samples) if samples else []
        )
        left_out = left_out_records(session, event_row, counted)
    if len(lists) < 2:
        raise EstimationError(
            f"Event {event!r} has records from {len(lists)} source(s); estimation needs at "
            "least 2 overlapping lists (3 or more to model dependence).",
        )
    notes = [
        f"{item['records']:,} record(s) of this event left out: {item['reason']}"
        for item in left_out
    ]
    pending: list[tuple[str, str, CaptureTable, EstimateResult]] = []
    skipped = _unsuitable(methods, len(lists))
    for method in methods:  # … compute, with no transaction open …
        if method in skipped:
            continue
        estimator = _estimator(method)
        kwargs = dict(options.get(method, {}))
        per_stratum: dict[str, EstimateResult] = {}
        skipped_strata: list[SkippedStratum] = []
        for stratum, memberships in sorted(grouped.items()):
            table = CaptureTable.from_memberships(lists, memberships)
            if not by:
                per_stratum[stratum] = _estimate_one(estimator, table, seed, kwargs, stratum)
                continue
            reason = unestimable_reason(table, MIN_LISTS)
            if reason is None:
                try:
                    per_stratum[stratum] = _estimate_one(estimator, table, seed, kwargs, stratum)
                except EstimationError as exc:
                    reason = exc.message
                except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
                    reason = f"the fit failed ({type(exc).__name__}: {exc})"
            if reason is not None:
                skipped_strata.append(SkippedStratum(f"{by}={stratum}", table.observed, reason))
                continue
            pending.append((method, f"{by}={stratum}", table, per_stratum[stratum]))
        if by and not per_stratum:
            notes.append(
                f"{method}: no stratum by {by} could be estimated: "
                + "; ".join(f"{s.stratum}: {s.reason}" for s in skipped_strata)
            )
            continue
        combined = (
            per_stratum[""]
            if not by
            else combine_strata(
                method, {f"{by}={k}": v for k, v in per_stratum.items()}, skipped_strata
            )
        )
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
        combined.warnings[:0] = notes
        if counted == UNSPECIFIED:
            combined.warnings.insert(
                0,
                "These are records WITHOUT a violation type ('unspecified'): they are in no "
                "other category's estimate.",
            )
        table = CaptureTable.from_memberships(lists, [m for ms in grouped.values() for m in ms])
        pending.append((method, "", table, combined))
    if not any(stratum == "" for _, stratum, _, _ in pending):
        raise EstimationError(
            f"Nothing could be estimated for {event!r}: " + " ".join(notes),
            hint="Estimate the whole population (drop --by) or add lists.",
        )
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
                left_out=left_out if stratum == "" else None,
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
    query = all_records(
        select(Record.uid, Source.name)
        .join(Source, Source.id == Record.source_id)
        .where(Record.event_id == event.id, violation_condition(counted))
    )
    records = session.execute(query).all()
    out = []
    for sample in samples:
        members: dict[int, set[str]] = defaultdict(set)
        for uid, source in records:
            if uid in sample:
                members[sample[uid]].add(source)
        out.append(list(members.values()))
    return out


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
    *,
    left_out: list[dict[str, Any]] | None = None,
) -> StoredEstimate:
    data = result.to_dict()
    if left_out is not None:
        data["left_out"] = left_out
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
