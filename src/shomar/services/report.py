"""Builds the report's data from the store and writes the HTML report."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shomar import __version__
from shomar.errors import NotFoundError
from shomar.reports import (
    CategoryComparison,
    Claim,
    DateInterval,
    DocumentedCount,
    DocumentInfo,
    Estimate,
    EventReport,
    LinkageSummary,
    PersonMembership,
    ProvinceCount,
    Quantity,
    ReportData,
    SourceInfo,
    write_report,
)
from shomar.reports.figure import ReportFigure
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.comparison import CategoryView, compare_event
from shomar.store.queries import restrict, visible_uids
from shomar.store.tables import (
    Document,
    Event,
    LinkageRun,
    MatchDecision,
    PersonRecord,
    Record,
    Source,
)
from shomar.store.workspace import Workspace


def _sources(session: Session, principal: Principal) -> list[SourceInfo]:
    counts = dict(
        session.execute(
            restrict(select(Record.source_id, func.count()), principal).group_by(Record.source_id)
        ).all()
    )
    out = []
    for source in session.scalars(select(Source).order_by(Source.id)):
        docs = [
            DocumentInfo(d.original_name, d.sha256, d.size, d.rows, d.media_type, d.retrieved_at)
            for d in session.scalars(select(Document).where(Document.source_id == source.id))
        ]
        if counts.get(source.id) or docs:
            out.append(SourceInfo(source.name, source.kind, int(counts.get(source.id, 0)), docs))
    return out


def _memberships(session: Session, principal: Principal) -> list[PersonMembership]:
    run = session.scalar(select(func.max(PersonRecord.run_id)))
    if run is None:
        return []
    sources = dict(session.execute(select(Source.id, Source.name)).all())
    members: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(
        restrict(
            select(PersonRecord.person_id, Record.source_id)
            .join(Record, Record.uid == PersonRecord.record_uid)
            .where(PersonRecord.run_id == run),
            principal,
        )
    )
    for person_id, source_id in rows:
        members[person_id].add(sources[source_id])
    return [PersonMembership(pid, frozenset(s)) for pid, s in members.items()]


def _dates(session: Session, principal: Principal) -> tuple[list[DateInterval], int]:
    rows = session.execute(
        restrict(
            select(Record.date_start, Record.date_end, Record.date_precision, func.count()),
            principal,
        ).group_by(Record.date_start, Record.date_end, Record.date_precision)
    ).all()
    intervals = [
        DateInterval(start, end, precision or "day", float(n))
        for start, end, precision, n in rows
        if start is not None and end is not None
    ]
    undated = sum(int(n) for start, _end, _p, n in rows if start is None)
    return intervals, undated


def _provinces(session: Session, principal: Principal) -> tuple[list[ProvinceCount], int]:
    try:
        from shomar.places.gazetteer import province_by_iso

        names = {iso: (p.name_fa, p.name_en) for iso, p in province_by_iso().items()}
    except ImportError:
        names = {}
    rows = session.execute(
        restrict(select(Record.province_iso, func.count()), principal).group_by(Record.province_iso)
    ).all()
    counts = [
        ProvinceCount(names.get(iso, (iso, iso))[0], int(n), names.get(iso, (iso, iso))[1])
        for iso, n in rows
        if iso
    ]
    unplaced = sum(int(n) for iso, n in rows if not iso)
    return sorted(counts, key=lambda c: -c.records), unplaced


def _linkage(session: Session, principal: Principal) -> LinkageSummary | None:
    run = session.scalars(select(LinkageRun).order_by(LinkageRun.id.desc()).limit(1)).first()
    if run is None:
        return None
    visible = visible_uids(principal)
    decisions = Counter(
        session.scalars(
            select(MatchDecision.verdict).where(
                MatchDecision.uid_a.in_(visible), MatchDecision.uid_b.in_(visible)
            )
        ).all()
    )
    summary = run.summary or {}
    return LinkageSummary(
        records=int(summary.get("records", 0)),
        persons=int(summary.get("persons", 0)),
        pairs_under_review=int(summary.get("review_queue", 0)),
        decisions=dict(decisions),
        run_at=run.created,
        model=str(summary.get("model", "splink Fellegi-Sunter")),
    )


def _category(view: CategoryView, truth: dict[str, Any] | None = None) -> CategoryComparison:
    claims = [
        Claim(
            claimant=c.claim.claimant,
            quantity=Quantity(
                c.claim.quantity["value"],
                c.claim.quantity["lower"],
                c.claim.quantity["upper"],
                c.claim.quantity["qualifier"],
            ),
            date_stated=c.claim.date_stated,
            relation=c.relation,
            rule=c.rule,
            quote=c.claim.quote or None,
            cites=tuple(c.claim.cites),
        )
        for c in view.claims
    ]
    documented = (
        DocumentedCount(view.documented, int(view.documented_multi_source or 0))
        if isinstance(view.documented, int)  # reports are made by roles that see every record
        else None
    )
    estimates = [
        Estimate(
            method=e.method,
            estimate=e.estimate,
            interval=e.interval,
            level=e.level,
            interval_type=e.interval_type,
            observed=e.observed,
            warnings=tuple(e.warnings),
            draws=e.draws,
            run_id=str(e.run_id),
            run_at=e.created,
            seed=e.seed,
            stale_reason=e.stale_reason,
            sensitivity=e.sensitivity,
        )
        for e in view.estimates
    ]
    return CategoryComparison(
        view.counted, claims, documented, estimates, notes=tuple(view.warnings), truth=truth
    )


def _truth_for(truth: dict[str, Any] | None, view: CategoryView) -> dict[str, Any] | None:
    """The simulation truth, on the category and event it was computed for."""
    if truth and truth.get("event") == view.event and truth.get("counted") == view.counted:
        return truth
    return None


def build_report_data(
    ws: Workspace,
    *,
    principal: Principal,
    synthetic: bool = False,
    title: str = "Shomar report",
    truth: dict[str, Any] | None = None,
) -> ReportData:
    """Everything the report shows, read from the store (what ``principal`` may see).

    ``truth`` (simulated workspaces only): the true total and true observed count of one event
    and category, shown beside its estimates.
    """
    authorize(ws, principal, "report.make")
    views = compare_event(ws, principal=principal)
    with ws.read_session() as session:
        intervals, undated = _dates(session, principal)
        provinces, unplaced = _provinces(session, principal)
        events = []
        for event in session.scalars(select(Event).order_by(Event.id)):
            categories = [
                _category(v, _truth_for(truth, v)) for v in views if v.event == event.name
            ]
            events.append(
                EventReport(
                    event.name_fa or event.name,
                    categories,
                    event.name,
                    event.start_date,
                    event.end_date,
                )
            )
        return ReportData(
            workspace=str(ws.path.resolve().name),
            generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            sources=_sources(session, principal),
            memberships=_memberships(session, principal),
            violation_dates=intervals,
            undated_records=undated,
            provinces=provinces,
            unplaced_records=unplaced,
            linkage=_linkage(session, principal),
            events=events,
            synthetic=synthetic,
            title=title,
            software_version=__version__,
        )


def comparison_figures(
    ws: Workspace, *, principal: Principal, lang: str = "en"
) -> list[ReportFigure]:
    """The report's claimed / documented / estimated chart of every event and counted
    category, in ``lang``: the three shown apart, never blended (the claims ledger's compare
    chart; documented counts a reader may not see whole are left out, as in the report)."""
    from shomar.reports.comparison import claims_comparison_figure
    from shomar.reports.i18n import language

    authorize(ws, principal, "claims.read")
    views = compare_event(ws, principal=principal)
    with ws.read_session() as session:
        events = list(session.scalars(select(Event).order_by(Event.id)))
    data = ReportData(
        workspace=str(ws.path.resolve().name),
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    figures = []
    with language(lang):
        for index, event in enumerate(events):
            report = EventReport(
                event.name_fa or event.name,
                [_category(v) for v in views if v.event == event.name],
                event.name,
                event.start_date,
                event.end_date,
            )
            for category in report.categories:
                figures.append(claims_comparison_figure(data, index, report, category))
    return figures


REPORTS = "reports"
FORMATS = {"html": ".html", "pdf": ".pdf"}


def report_file(ws: Workspace, job_id: str, fmt: str, *, principal: Principal) -> Path:
    """The HTML or PDF file a finished report job wrote (one's own jobs; an admin's any)."""
    from shomar.services.jobs import get_job

    authorize(ws, principal, "report.make", f"job:{job_id}")
    job = get_job(ws, job_id, principal=principal)
    if job.kind != "report" or job.status != "done" or fmt not in FORMATS:
        raise NotFoundError(
            f"Job {job_id} has no {fmt} report to download.",
            hint="Make one on the report page and wait until its job is done.",
        )
    folder = (ws.path / REPORTS).resolve()
    written = str(job.result.get("path") or "")
    path = Path(written).resolve().with_suffix(FORMATS[fmt]) if written.endswith(".html") else None
    if path is None or path.parent != folder or not path.is_file():
        raise NotFoundError(f"The {fmt} file of job {job_id} is gone.", hint="Make it again.")
    return path


def write_workspace_report(
    ws: Workspace,
    out: Path,
    *,
    principal: Principal,
    synthetic: bool = False,
    pdf: bool = False,
    truth: dict[str, Any] | None = None,
    lang: str = "en",
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Write the workspace's report to ``out`` (HTML; with ``pdf`` also a PDF beside it).

    ``lang`` is ``en`` or ``fa`` (Persian: right-to-left, Persian digits, Jalali dates).
    ``progress`` (a job's) advances by one step: data read, HTML written, PDF printed.
    """
    step = progress or (lambda _n: None)
    data = build_report_data(ws, principal=principal, synthetic=synthetic, truth=truth)
    step(1)
    path = write_report(data, out, lang=lang)
    step(1)
    if pdf:
        from shomar.reports.browser import print_pdf

        print_pdf(path, path.with_suffix(".pdf"))
        step(1)
    return path
