"""The audit chain: each entry's hash covers its content and the previous entry's hash.

Changing, removing or reordering any entry breaks every hash after it, which
:func:`verify_chain` reports with the first entry that fails.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def entry_hash(
    prev_hash: str, created: str, actor: str, action: str, target: str, payload: dict[str, Any]
) -> str:
    """SHA-256 over the previous hash and the canonical JSON of the entry."""
    body = json.dumps(
        [prev_hash, created, actor, action, target, payload],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    id: int
    created: str
    actor: str
    action: str
    target: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


def verify_chain(entries: Iterable[ChainEntry]) -> int | None:
    """The id of the first entry that breaks the chain, or ``None`` if it is intact."""
    prev = ""
    for entry in entries:
        expected = entry_hash(
            prev, entry.created, entry.actor, entry.action, entry.target, entry.payload
        )
        if entry.prev_hash != prev or entry.hash != expected:
            return entry.id
        prev = entry.hash
    return None
