"""Signed checkpoints of the audit chain head (Ed25519), to publish outside the store.

A checkpoint names the head entry (id, hash, time) and how many entries the chain had; it is
signed with an Ed25519 key kept outside the database (``keys/checkpoint.key`` in the workspace,
mode 0600, or ``SHOMAR_CHECKPOINT_KEY_FILE``). Whoever holds a published checkpoint and the
public key can later show that the chain was not cut back or rewritten up to that point.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from shomar.errors import InputError, WorkspaceError
from shomar.readable import read_small_file

FORMAT = "shomar-checkpoint/1"
KEY_FILE = "checkpoint.key"
PUBLIC_FILE = "checkpoint.pub"
SIGNED_FIELDS = ("format", "entry_id", "hash", "created", "entries", "public_key")


def key_path(workspace: Path) -> Path:
    from shomar.config import settings

    return settings().checkpoint_key_file or workspace / "keys" / KEY_FILE


def load_signing_key(workspace: Path, *, create: bool = True) -> Ed25519PrivateKey:
    """The checkpoint signing key; created (0600) with its public half on first use."""
    path = key_path(workspace)
    if not path.exists():
        if not create:
            raise WorkspaceError(f"No checkpoint key at {path}.")
        key = Ed25519PrivateKey.generate()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        path.with_name(PUBLIC_FILE).write_text(public_text(key.public_key()) + "\n")
        return key
    loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise WorkspaceError(f"{path} is not an Ed25519 private key.")
    return loaded


def public_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def fingerprint(public: str) -> str:
    return hashlib.sha256(base64.b64decode(public)).hexdigest()[:16]


def _message(body: dict[str, Any]) -> bytes:
    signed = {name: body[name] for name in SIGNED_FIELDS}
    return json.dumps(signed, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(
    key: Ed25519PrivateKey, *, entry_id: int, hash: str, created: str, entries: int
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": FORMAT,
        "entry_id": entry_id,
        "hash": hash,
        "created": created,
        "entries": entries,
        "public_key": public_text(key.public_key()),
    }
    body["key_fingerprint"] = fingerprint(body["public_key"])
    body["signature"] = base64.b64encode(key.sign(_message(body))).decode("ascii")
    return body


@dataclass(frozen=True)
class Checkpoint:
    entry_id: int
    hash: str
    created: str
    entries: int
    public_key: str


#: a checkpoint is a few hundred bytes of JSON
MAX_CHECKPOINT_BYTES = 1 << 16


def read(path: Path, *, trusted_public_key: str | None) -> Checkpoint:
    """Read and check a checkpoint file's signature (against ``trusted_public_key`` if given)."""
    raw = read_small_file(path, expected="a checkpoint file", limit=MAX_CHECKPOINT_BYTES)
    try:
        body = json.loads(raw.decode("utf-8"))
        if body.get("format") != FORMAT:
            raise ValueError(f"format is {body.get('format')!r}, not {FORMAT!r}")
        message = _message(body)
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(body["public_key"]))
        signature = base64.b64decode(body["signature"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a readable Shomar checkpoint ({exc}).") from None
    if trusted_public_key is not None and body["public_key"] != trusted_public_key:
        raise InputError(
            f"{path}: signed by key {fingerprint(body['public_key'])}, not by this workspace's "
            f"checkpoint key {fingerprint(trusted_public_key)}.",
            hint="Verify against the public key you published (--public-key).",
        )
    try:
        public.verify(signature, message)
    except InvalidSignature:
        raise InputError(
            f"{path}: the signature does not match its content: the checkpoint was altered."
        ) from None
    return Checkpoint(
        int(body["entry_id"]),
        str(body["hash"]),
        str(body["created"]),
        int(body["entries"]),
        body["public_key"],
    )
