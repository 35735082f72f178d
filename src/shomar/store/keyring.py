"""The key ring: data keys from the store, unwrapped with the master key from outside it.

There is one data key per tier (``tier:public``, ``tier:restricted``, ``tier:confidential``),
one for raw documents and one for blind indexes. Keys are created on first use; two processes
creating one at once collide on ``(purpose, generation)`` and the loser re-reads.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shomar.domain.columns import SENSITIVE_COLUMNS
from shomar.errors import WorkspaceError
from shomar.security import fieldcrypt
from shomar.security.masterkey import MasterKey
from shomar.store.encrypted import Sealed
from shomar.store.tables import TIERS, DataKey, Record, Source

PURPOSES = (*(f"tier:{t}" for t in TIERS), "documents", "index")


def tier_purpose(tier: str | None) -> str:
    return f"tier:{tier if tier in TIERS else 'confidential'}"


def record_row_key(uid: str, version: int) -> str:
    return f"{uid}#{version}"


def source_row_key(source_id: int) -> str:
    return f"source:{source_id}"


@dataclass
class KeyRing:
    master: MasterKey
    keys: dict[str, bytes] = field(default_factory=dict)
    active: dict[str, str] = field(default_factory=dict)

    def key(self, key_id: str) -> bytes:
        try:
            return self.keys[key_id]
        except KeyError:
            raise WorkspaceError(
                f"No data key {key_id} in this store.",
                hint="The value was encrypted by another store, or its key was removed.",
            ) from None

    def active_key(self, purpose: str) -> tuple[str, bytes]:
        key_id = self.active[purpose]
        return key_id, self.keys[key_id]

    def seal(
        self, purpose: str, plaintext: bytes, *, table: str, column: str, row_key: str
    ) -> Sealed:
        key_id, key = self.active_key(purpose)
        return Sealed(
            fieldcrypt.seal(key, key_id, plaintext, table=table, column=column, row_key=row_key)
        )

    def open(self, value: Sealed, *, table: str, column: str, row_key: str) -> bytes:
        return fieldcrypt.open_sealed(
            self.key(value.key_id), value.envelope, table=table, column=column, row_key=row_key
        )

    def index(self, *, table: str, column: str, value: str) -> str:
        return fieldcrypt.blind_index(
            self.active_key("index")[1], table=table, column=column, value=value
        )

    # records ---------------------------------------------------------------------------------
    def seal_record_fields(
        self, fields: dict[str, str], *, uid: str, version: int, tier: str | None
    ) -> Sealed | None:
        kept = {k: v for k, v in fields.items() if v}
        if not kept:
            return None
        body = json.dumps(kept, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return self.seal(
            tier_purpose(tier),
            body,
            table="records",
            column="sensitive",
            row_key=record_row_key(uid, version),
        )

    def open_record(self, record: Record) -> dict[str, str]:
        """The sensitive fields of ``record`` (empty when it has none), then the cells of the
        columns its mapping listed as ``sensitive`` (keyed ``column:NAME``)."""
        if record.sensitive is None:
            return dict.fromkeys(SENSITIVE_COLUMNS, "")
        body = self.open(
            record.sensitive,
            table="records",
            column="sensitive",
            row_key=record_row_key(record.uid, record.version),
        )
        data: dict[str, Any] = json.loads(body)
        fields = {name: str(data.get(name, "")) for name in SENSITIVE_COLUMNS}
        fields.update((k, str(v)) for k, v in data.items() if k.startswith("column:"))
        return fields

    def witness_index(self, name: str) -> str | None:
        return self.index(table="records", column="witness_name", value=name) if name else None

    # sources ---------------------------------------------------------------------------------
    def seal_contact(self, text: str, *, source_id: int) -> Sealed | None:
        if not text:
            return None
        return self.seal(
            "tier:confidential",
            text.encode("utf-8"),
            table="sources",
            column="contact",
            row_key=source_row_key(source_id),
        )

    def open_contact(self, source: Source) -> str:
        if source.contact is None:
            return ""
        return self.open(
            source.contact, table="sources", column="contact", row_key=source_row_key(source.id)
        ).decode("utf-8")


def new_key_id() -> str:
    return "dk-" + secrets.token_hex(8)


def add_key(session: Session, master: MasterKey, purpose: str, generation: int) -> DataKey:
    key_id = new_key_id()
    row = DataKey(
        key_id=key_id,
        purpose=purpose,
        generation=generation,
        master_key_id=master.key_id,
        wrapped=master.wrap(fieldcrypt.new_key(), key_id=key_id, purpose=purpose),
    )
    session.add(row)
    return row


def load_keyring(session: Session, master: MasterKey) -> KeyRing:
    """Every data key, unwrapped; missing purposes get a first key (in its own savepoint)."""
    ring = KeyRing(master)
    rows = list(session.scalars(select(DataKey).order_by(DataKey.purpose, DataKey.generation)))
    present = {row.purpose for row in rows}
    missing = [p for p in PURPOSES if p not in present]
    if missing:
        try:
            with session.begin_nested():
                for purpose in missing:
                    add_key(session, master, purpose, 1)
        except IntegrityError:  # another process created them first
            pass
        rows = list(session.scalars(select(DataKey).order_by(DataKey.purpose, DataKey.generation)))
    for row in rows:
        ring.keys[row.key_id] = master.unwrap(row.wrapped, key_id=row.key_id, purpose=row.purpose)
        ring.active[row.purpose] = row.key_id  # ordered by generation: the last one wins
    return ring
