"""Every service function × every role × every tier (issue 10).

For each service and role the policy decides: an allowed call succeeds and returns nothing of a
tier the role may not see (every returned field is walked, and the files a service writes are
read); a refused call raises PermissionDenied and leaves a "denied" entry in the audit chain.
The list of services is checked against what ``shomar.services`` defines, so a new service
function without a row here fails the test.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select

import shomar.services
from shomar.errors import PermissionDenied
from shomar.security import policy
from shomar.security.principal import Principal, Role
from shomar.services.accounts import (
    add_user,
    create_token,
    enrol_directly,
    list_users,
    revoke_tokens,
    set_disabled,
)
from shomar.services.backup import backup
from shomar.services.claim_intake import CandidateChoice, add_confirmed, confirm_from_text, propose
from shomar.services.claims import (
    ClaimCorrection,
    QuantityInput,
    add_claim,
    correct_claim,
    list_claims,
)
from shomar.services.comparison import compare_event
from shomar.services.demo import run_demo
from shomar.services.documents import (
    custody_log,
    keep_document,
    list_documents,
    withdraw_document,
)
from shomar.services.estimation import run_event_estimates
from shomar.services.events import add_event, get_event, list_events
from shomar.services.export import audit_status, export_public
from shomar.services.imports import import_file
from shomar.services.integrity import verify_store, write_checkpoint
from shomar.services.jobs import cancel_job, get_job, list_jobs, run_worker, submit_job
from shomar.services.keys import (
    find_by_witness,
    key_ids_in_use,
    rotate_keys,
    sensitive_fields,
    set_backup_recipient,
    set_source_contact,
    source_contact,
)
from shomar.services.linkage import (
    decide,
    link_workspace,
    linkage_samples,
    list_decisions,
    list_persons,
    review_items,
)
from shomar.services.publish import publish
from shomar.services.raw_documents import get_document
from shomar.services.records import get_person, get_record, search_persons, search_records
from shomar.services.report import (
    build_report_data,
    comparison_figures,
    report_file,
    write_workspace_report,
)
from shomar.services.stats import workspace_stats
from shomar.services.tiers import set_tier
from shomar.services.uploads import (
    get_upload,
    import_upload,
    set_mapping,
    stage_upload,
    upload_reading,
    upload_sheets,
)
from shomar.simulation import SimulationSpec, simulate
from shomar.store.tables import AuditEntry, Job, Record
from shomar.store.workspace import Workspace, open_workspace
from support.principals import ADMIN, BY_ROLE

SPEC = SimulationSpec(seed=5, size=150, lists=3)
TIER_OF_ROW = ("public", "restricted", "confidential")
#: marks in record ids: a returned field that holds one names a record of that tier
MARK = {"public": "PUBX", "restricted": "RESTX", "confidential": "CONFX"}


@dataclass
class World:
    ws: Workspace
    folder: Path
    claim_uid: str
    public_pair: tuple[str, str]
    secrets: dict[str, set[str]]  # tier → texts found only in records of that tier
    counter: Iterator[int]


def _tiered_copy(source: Path, target: Path) -> None:
    """The simulated list with a confidentiality column and tier marks in its record ids."""
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = [*rows[0].keys(), "confidentiality"]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for i, row in enumerate(rows):
            tier = TIER_OF_ROW[i % 3]
            writer.writerow({**row, "record_id": f"{MARK[tier]}{row['record_id']}", **{
                "confidentiality": tier
            }})  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("matrix")
    sim = simulate(root / "sim", SPEC)
    ws = open_workspace(root / "ws", create=True)
    add_event(ws, SPEC.event, principal=ADMIN)
    for path in sim.list_files:
        tiered = root / f"tiered_{path.name}"
        _tiered_copy(path, tiered)
        import_file(ws, tiered, path.stem, principal=ADMIN)
    link_workspace(ws, principal=ADMIN)
    claim = add_claim(
        ws, claimant="Matrix group (synthetic)", counted="killed", quantity=QuantityInput(300),
        event=SPEC.event, principal=ADMIN,
    )  # fmt: skip
    with ws.session() as session:
        records = session.execute(
            select(
                Record.uid,
                Record.full_name,
                Record.confidentiality,
                Record.given_name,
                Record.family_name,
            )
        ).all()
    public = sorted(uid for uid, _name, tier, *_ in records if tier == "public")
    by_tier: dict[str, set[str]] = {t: set() for t in TIER_OF_ROW}
    for uid, name, tier, given, family in records:  # a name is shown whole or built from parts
        by_tier[tier] |= {uid, name, f"{given} {family}".strip()}

    def shown_elsewhere(text: str, tier: str) -> bool:  # also part of another tier's text
        return any(text in other for o in by_tier if o != tier for other in by_tier[o])

    secrets = {
        tier: {t for t in texts if t and not shown_elsewhere(t, tier)}
        for tier, texts in by_tier.items()
    }
    confidential = sorted(u for u, _n, t, *_ in records if t == "confidential")
    decide(ws, confidential[0], confidential[1], "unsure", principal=ADMIN)
    yield World(ws, root, claim.uid, (public[0], public[1]), secrets, itertools.count())
    ws.close()


def _new_file(world: World, tier: str) -> Path:
    n = next(world.counter)
    path = world.folder / f"new_{n}.csv"
    path.write_text(
        f"record_id,full_name,confidentiality\nM{n},Matrix Person {n},{tier}\n", encoding="utf-8"
    )
    return path


def _export(world: World, p: Principal) -> Any:
    out = world.folder / f"export_{next(world.counter)}.csv"
    return (export_public(world.ws, out, principal=p), out.read_text(encoding="utf-8"))


def _new_document(world: World) -> str:
    """A document of its own (imported by the owner), so changing it leaves the world as is."""
    path = _new_file(world, "public")
    return str(import_file(world.ws, path, "Matrix list (synthetic)", principal=ADMIN).document_id)


def _report(world: World, p: Principal) -> Any:
    out = world.folder / f"report_{next(world.counter)}.html"
    path = write_workspace_report(world.ws, out, principal=p)
    return path.read_text(encoding="utf-8")


def _demo(world: World, p: Principal) -> Any:
    if policy.allows(p, "demo.run"):
        pytest.skip("the allowed demo run is tests/services/test_demo.py")
    return run_demo(world.folder / f"demo_{next(world.counter)}", principal=p)


def _age_recipient() -> str:
    import pyrage

    return str(pyrage.x25519.Identity.generate().to_public())


def _out(world: World, name: str) -> Path:
    return world.folder / f"{name}_{next(world.counter)}"


def _report_job(world: World, p: Principal) -> str:
    """A finished report job of ``p`` whose HTML file is in the workspace's reports folder."""
    job_id = f"matrix-report-{next(world.counter)}"
    out = world.ws.path / "reports" / f"{job_id}.html"
    out.parent.mkdir(exist_ok=True)
    out.write_text("<p>report (synthetic)</p>", encoding="utf-8")
    with world.ws.session() as session:
        session.add(Job(id=job_id, kind="report", status="done", result={"path": str(out)},
                        created_by=p.name, created_role=str(p.role)))  # fmt: skip
    return job_id


ARTICLE = "Amnesty International said on 3 May 2011 that at least 120 people were executed."


def _job_of(world: World, p: Principal) -> str:
    """A queued job of ``p`` (stored directly: submitting is checked by its own row)."""
    job_id = f"matrix-{next(world.counter)}"
    with world.ws.session() as session:
        session.add(Job(id=job_id, kind="link", created_by=p.name, created_role=str(p.role)))
    return job_id


def _account(world: World) -> str:
    """A fresh account (made by the owner) for the account services to act on."""
    name = f"matrix-user-{next(world.counter)}"
    add_user(world.ws, name, "viewer", principal=ADMIN)
    return name


def _person(world: World) -> str:
    from sqlalchemy import func, select

    from shomar.store.tables import PersonRecord

    with world.ws.session() as session:
        run = session.scalar(select(func.max(PersonRecord.run_id)))
        return str(
            session.scalar(
                select(PersonRecord.person_id).where(
                    PersonRecord.run_id == run, PersonRecord.record_uid == world.public_pair[0]
                )
            )
        )


UPLOAD = b"record_id,full_name,notes\n1,Matrix Upload,SYNTHETIC\n"


def _staged(world: World, p: Principal) -> str:
    return stage_upload(world.ws, f"m{next(world.counter)}.csv", UPLOAD, principal=p).id


Call = Callable[[World, Principal], Any]
#: service function → (policy action, a call of it)
SERVICES: dict[str, tuple[str, Call]] = {
    "claims.add_claim": ("claims.add", lambda w, p: add_claim(
        w.ws, claimant=f"Claimant {next(w.counter)} (synthetic)", counted="killed",
        quantity=QuantityInput(10), principal=p,
    )),
    "claims.correct_claim": ("claims.correct", lambda w, p: correct_claim(
        w.ws, w.claim_uid, ClaimCorrection(date_stated="2011-05-01"), reason="matrix",
        principal=p,
    )),
    "claims.list_claims": ("claims.read", lambda w, p: list_claims(w.ws, principal=p)),
    "comparison.compare_event": ("stats.read", lambda w, p: compare_event(w.ws, principal=p)),
    "demo.run_demo": ("demo.run", _demo),
    "documents.keep_document": ("documents.add", lambda w, p: keep_document(
        w.ws, _new_file(w, "public"), "Matrix press (synthetic)", principal=p
    )),
    "documents.list_documents": ("documents.read", lambda w, p: list_documents(
        w.ws, principal=p
    )),
    "documents.withdraw_document": ("documents.withdraw", lambda w, p: withdraw_document(
        w.ws, _new_document(w), reason="matrix", principal=p
    )),
    "accounts.add_user": ("users.manage", lambda w, p: add_user(
        w.ws, f"matrix-new-{next(w.counter)}", "viewer", principal=p
    )),
    "accounts.list_users": ("users.manage", lambda w, p: list_users(w.ws, principal=p)),
    "accounts.set_disabled": ("users.manage", lambda w, p: set_disabled(
        w.ws, _account(w), True, principal=p
    )),
    "accounts.create_token": ("users.manage", lambda w, p: create_token(
        w.ws, _account(w), principal=p
    )),
    "accounts.revoke_tokens": ("users.manage", lambda w, p: revoke_tokens(
        w.ws, _account(w), principal=p
    )),
    "accounts.enrol_directly": ("users.manage", lambda w, p: enrol_directly(
        w.ws, _account(w), principal=p
    )),
    "records.search_records": ("records.read", lambda w, p: search_records(w.ws, principal=p)),
    "records.get_record": ("records.read", lambda w, p: get_record(
        w.ws, w.public_pair[0], principal=p
    )),
    "records.search_persons": ("persons.read", lambda w, p: search_persons(w.ws, principal=p)),
    "records.get_person": ("persons.read", lambda w, p: get_person(
        w.ws, _person(w), principal=p
    )),
    "uploads.stage_upload": ("records.import", lambda w, p: _staged(w, p)),
    "uploads.get_upload": ("records.import", lambda w, p: get_upload(
        w.ws, _staged(w, p), principal=p
    )),
    "uploads.set_mapping": ("records.import", lambda w, p: set_mapping(
        w.ws, _staged(w, p), {"full_name": "full_name"}, {}, principal=p
    )),
    "uploads.upload_sheets": ("records.import", lambda w, p: upload_sheets(
        w.ws, _staged(w, p), principal=p
    )),
    "uploads.upload_reading": ("records.import", lambda w, p: upload_reading(
        w.ws, _staged(w, p), principal=p
    )),
    "uploads.import_upload": ("records.import", lambda w, p: import_upload(
        w.ws, _staged(w, p), "Matrix upload (synthetic)", dry_run=True, principal=p
    )),
    "tiers.set_tier": ("records.set_tier", lambda w, p: set_tier(
        w.ws, "public", document=_new_document(w), principal=p
    )),
    "estimation.run_event_estimates": ("estimates.run", lambda w, p: run_event_estimates(
        w.ws, SPEC.event, methods=["loglinear"], seed=1, principal=p
    )),
    "events.add_event": ("events.add", lambda w, p: add_event(
        w.ws, f"Matrix event {next(w.counter)}", principal=p
    )),
    "events.get_event": ("events.read", lambda w, p: get_event(w.ws, SPEC.event, principal=p)),
    "events.list_events": ("events.read", lambda w, p: list_events(w.ws, principal=p)),
    "export.export_public": ("export.public", _export),
    "export.audit_status": ("audit.verify", lambda w, p: audit_status(w.ws, principal=p)),
    "imports.import_file": ("records.import", lambda w, p: import_file(
        w.ws, _new_file(w, "confidential"), "Matrix list (synthetic)", principal=p
    )),
    "linkage.link_workspace": ("linkage.run", lambda w, p: link_workspace(w.ws, principal=p)),
    "linkage.list_persons": ("persons.read", lambda w, p: list_persons(w.ws, principal=p)),
    "linkage.review_items": ("review.read", lambda w, p: review_items(
        w.ws, limit=None, principal=p
    )),
    "linkage.decide": ("review.decide", lambda w, p: decide(
        w.ws, *w.public_pair, "unsure", principal=p
    )),
    "linkage.list_decisions": ("decisions.read", lambda w, p: list_decisions(w.ws, principal=p)),
    "linkage.linkage_samples": ("estimates.run", lambda w, p: linkage_samples(
        w.ws, 2, np.random.default_rng(1), principal=p
    )),
    "report.build_report_data": ("report.make", lambda w, p: build_report_data(
        w.ws, principal=p
    )),
    "report.write_workspace_report": ("report.make", _report),
    "report.comparison_figures": ("claims.read", lambda w, p: comparison_figures(
        w.ws, principal=p, lang="fa"
    )),
    "report.report_file": ("report.make", lambda w, p: report_file(
        w.ws, _report_job(w, p), "html", principal=p
    )),
    "documents.custody_log": ("documents.read", lambda w, p: custody_log(
        w.ws, _new_document(w), principal=p
    )),
    "claim_intake.add_confirmed": ("claims.add", lambda w, p: add_confirmed(
        w.ws, propose(ARTICLE), [CandidateChoice(1)], source="Matrix press (synthetic)",
        document_id=None, principal=p,
    )),
    "claim_intake.confirm_from_text": ("claims.add", lambda w, p: confirm_from_text(
        w.ws, ARTICLE, [CandidateChoice(1, counted="executed")],
        source="Matrix press (synthetic)", principal=p,
    )),
    "stats.workspace_stats": ("stats.read", lambda w, p: workspace_stats(w.ws, principal=p)),
    "backup.backup": ("backup", lambda w, p: backup(
        w.ws, _out(w, "backup"), recipient=_age_recipient(), principal=p
    )),
    "integrity.verify_store": ("audit.verify", lambda w, p: verify_store(w.ws, principal=p)),
    "integrity.write_checkpoint": ("audit.checkpoint", lambda w, p: write_checkpoint(
        w.ws, _out(w, "checkpoint"), principal=p
    )),
    "keys.rotate_keys": ("keys.manage", lambda w, p: rotate_keys(w.ws, principal=p)),
    "keys.key_ids_in_use": ("keys.manage", lambda w, p: key_ids_in_use(w.ws, principal=p)),
    "keys.set_backup_recipient": ("keys.manage", lambda w, p: set_backup_recipient(
        w.ws, _age_recipient(), principal=p
    )),
    "keys.find_by_witness": ("records.read_sensitive", lambda w, p: find_by_witness(
        w.ws, "Nobody Synthetic", principal=p
    )),
    "keys.sensitive_fields": ("records.read_sensitive", lambda w, p: sensitive_fields(
        w.ws, w.public_pair[0], principal=p
    )),
    "keys.set_source_contact": ("sources.set_contact", lambda w, p: set_source_contact(
        w.ws, "Matrix group (synthetic)", "synthetic contact", principal=p
    )),
    "keys.source_contact": ("records.read_sensitive", lambda w, p: source_contact(
        w.ws, "Matrix group (synthetic)", principal=p
    )),
    "publish.publish": ("publish", lambda w, p: publish(w.ws, _out(w, "site"), principal=p)),
    "raw_documents.get_document": ("documents.get_raw", lambda w, p: get_document(
        w.ws, "1", _out(w, "raw"), principal=p
    )),
    "jobs.submit_job": ("estimates.run", lambda w, p: submit_job(
        w.ws, "estimate", {"event": "No such event"}, principal=p
    )),
    "jobs.get_job": ("jobs.read", lambda w, p: get_job(w.ws, _job_of(w, p), principal=p)),
    "jobs.list_jobs": ("jobs.read", lambda w, p: list_jobs(w.ws, principal=p)),
    "jobs.cancel_job": ("jobs.cancel", lambda w, p: cancel_job(w.ws, _job_of(w, p), principal=p)),
    "jobs.run_worker": ("jobs.work", lambda w, p: run_worker(w.ws, principal=p, once=True)),
}  # fmt: skip
#: actions that work on every record, refused to a role that does not see them all
FULL_VIEW = {"linkage.run", "estimates.run"}
#: functions that are not services: who acts (before there is a principal), the check itself,
#: and the demo's folder preparation (no store yet)
EXEMPT = {
    "principals.account_principal",
    "principals.cli_principal",
    "access.authorize",
    "access.require_full_view",
    "demo.prepare_directory",
    "keys.recipient_path",  # where the default backup recipient is kept: a path, no action
    "job_queue.interrupted",  # the queue's internals: the services they call check
    "job_queue.enqueue",
    "job_queue.run_kind",
    # who is acting is being established: the sign-in flow and its session/token lookups
    "accounts.sign_in",
    "accounts.session_state",
    "accounts.sign_out",
    "accounts.complete_second_factor",
    "accounts.begin_enrolment",
    "accounts.finish_enrolment",
    "accounts.principal_for_token",
    "accounts.principal_of",
    "uploads.discard_old_uploads",  # housekeeping of expired staged files, no record read
    "uploads.rekey_uploads",  # a step of keys.rotate_keys (keys.manage checked there)
    "records.catch_up_name_index",  # fills the name-search index; returns nothing to anyone
}


def _service_functions() -> dict[str, inspect.Signature]:
    found = {}
    for info in pkgutil.iter_modules(shomar.services.__path__):
        module = importlib.import_module(f"shomar.services.{info.name}")
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] in ("ws", "directory"):
                found[f"{info.name}.{name}"] = inspect.signature(fn)
    return found


def test_every_service_function_is_in_the_matrix_and_takes_a_principal() -> None:
    found = _service_functions()
    assert set(found) - EXEMPT == set(SERVICES), "add the new service to SERVICES"
    for name in SERVICES:
        principal = found[name].parameters.get("principal")
        assert principal is not None, f"{name} takes no principal"
        assert principal.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert principal.default is inspect.Parameter.empty, f"{name} defaults its principal"


def _texts(value: Any) -> Iterator[str]:
    """Every text in a returned value, walking dataclasses, mappings and sequences."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield f.name
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str | Path | dt.date | int | float) or value is None:
        yield str(value)
    else:
        yield repr(value)


def _denials(ws: Workspace) -> list[AuditEntry]:
    with ws.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == "denied")))


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("service", sorted(SERVICES))
def test_service_role_tier(world: World, service: str, role: Role) -> None:
    action, call = SERVICES[service]
    principal = BY_ROLE[role]
    allowed = policy.allows(principal, action) and (
        action not in FULL_VIEW or policy.sees_everything(principal)
    )
    before = len(_denials(world.ws))
    if not allowed:
        with pytest.raises(PermissionDenied):
            call(world, principal)
        denials = _denials(world.ws)
        if service != "demo.run_demo":  # the demo's new folder has no chain yet
            assert len(denials) == before + 1
            assert denials[-1].actor == principal.name
            assert denials[-1].payload["action"] == action
        return
    result = call(world, principal)
    assert len(_denials(world.ws)) == before
    text = "\n".join(_texts(result))
    hidden = set(policy.TIERS) - policy.visible_tiers(principal)
    for tier in hidden:
        leaked = [s for s in world.secrets[tier] if s in text]
        assert not leaked, f"{service} returned {tier} records to {role}: {leaked[:3]}"
        assert MARK[tier] not in text, f"{service} returned a {tier} record id to {role}"


def test_the_matrix_can_see_a_leak(world: World) -> None:
    """The leak check finds confidential records when they are returned (admin sees them)."""
    text = "\n".join(_texts(list_persons(world.ws, principal=ADMIN)))
    assert MARK["confidential"] in text
    assert any(s in text for s in world.secrets["confidential"])
