"""`shomar audit verify` and `shomar audit checkpoint`: the chain, the records, the anchor."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from shomar.errors import InputError
from shomar.security import checkpoint as cp
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.audit import _created_text, append_audit, verify_audit
from shomar.store.integrity import Finding, verify_records
from shomar.store.tables import AuditEntry
from shomar.store.workspace import Workspace


@dataclass
class IntegrityReport:
    entries: int
    chain_broken_at: int | None
    findings: list[Finding] = field(default_factory=list)
    checkpoint: dict[str, Any] | None = None

    @property
    def intact(self) -> bool:
        return self.chain_broken_at is None and not self.findings

    @property
    def first_bad_entry(self) -> int | None:
        ids = [f.entry_id for f in self.findings if f.entry_id is not None]
        if self.chain_broken_at is not None:
            ids.append(self.chain_broken_at)
        return min(ids) if ids else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "intact": self.intact,
            "first_broken_entry": self.chain_broken_at,
            "first_bad_entry": self.first_bad_entry,
            "findings": [f.to_dict() for f in self.findings],
            "checkpoint": self.checkpoint,
        }


def _workspace_public_key(ws: Workspace) -> str | None:
    public = cp.key_path(ws.path).with_name(cp.PUBLIC_FILE)
    return public.read_text(encoding="ascii").strip() if public.exists() else None


def verify_store(
    ws: Workspace,
    *,
    principal: Principal,
    checkpoint: Path | None = None,
    public_key: str | None = None,
) -> IntegrityReport:
    """Check the audit chain, every record row against its attestation, and a checkpoint."""
    authorize(ws, principal, "audit.verify")
    anchor = None
    if checkpoint is not None:
        anchor = cp.read(checkpoint, trusted_public_key=public_key or _workspace_public_key(ws))
    with ws.session() as session:
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        report = IntegrityReport(count, verify_audit(session), verify_records(session))
        if anchor is not None:
            report.checkpoint = {"entry_id": anchor.entry_id, "hash": anchor.hash, "ok": True}
            finding = _check_anchor(session, anchor)
            if finding is not None:
                report.findings.insert(0, finding)
                report.checkpoint["ok"] = False
    return report


def _check_anchor(session: Any, anchor: cp.Checkpoint) -> Finding | None:
    head = session.get(AuditEntry, anchor.entry_id)
    last = session.scalar(select(func.max(AuditEntry.id))) or 0
    upto = (
        session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.id <= anchor.entry_id)
        )
        or 0
    )
    if head is None and last < anchor.entry_id:
        return Finding(
            f"the checkpoint's head is entry {anchor.entry_id} but the chain ends at entry "
            f"{last}: entries {last + 1}…{anchor.entry_id} were cut off (truncated)",
            last + 1,
        )
    if head is None:
        return Finding(
            f"the checkpoint's head entry {anchor.entry_id} was removed", anchor.entry_id
        )
    if head.hash != anchor.hash or _created_text(head) != anchor.created:
        return Finding(
            f"entry {anchor.entry_id} no longer has the hash the checkpoint signed: the chain "
            "was rewritten up to that point",
            anchor.entry_id,
        )
    if upto != anchor.entries:
        return Finding(
            f"the checkpoint counted {anchor.entries} entries up to entry {anchor.entry_id}; "
            f"the chain now has {upto}",
            anchor.entry_id,
        )
    return None


def write_checkpoint(ws: Workspace, out: Path, *, principal: Principal) -> dict[str, Any]:
    """Sign the current chain head and write it to ``out`` (the chain must verify first)."""
    authorize(ws, principal, "audit.checkpoint")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such folder.", hint="Create it, or write elsewhere.")
    key = cp.load_signing_key(ws.path)
    with ws.session() as session:
        broken = verify_audit(session)
        if broken is not None:
            raise InputError(
                f"The audit chain is broken at entry {broken}: a checkpoint would sign a "
                "tampered chain.",
                hint="Run `shomar audit verify` to see what changed.",
            )
        head = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
        if head is None:
            raise InputError("The audit chain is empty: there is nothing to checkpoint yet.")
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        body = cp.sign(
            key, entry_id=head.id, hash=head.hash, created=_created_text(head), entries=count
        )
        append_audit(
            session,
            principal.name,
            "audit.checkpoint",
            f"audit:{head.id}",
            {"hash": head.hash, "key_fingerprint": body["key_fingerprint"]},
        )
    out.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return body
