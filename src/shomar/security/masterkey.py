"""The master key: it wraps the data keys and never enters the database.

Where it comes from, first match wins:

1. ``SHOMAR_MASTER_KEY`` (base64 of 32 bytes) — for a server whose secrets come from the
   environment;
2. ``SHOMAR_MASTER_KEY_FILE`` — a path, e.g. a mounted secret;
3. ``keys/master.key`` in the workspace, created on first use with mode 0600 (the embedded
   default).

The key id is derived from the key (so a changed key is noticed before anything is decrypted).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from shomar.errors import WorkspaceError
from shomar.security.fieldcrypt import KEY_BYTES, NONCE_BYTES, new_key

KEYS_DIR = "keys"
MASTER_FILE = "master.key"
HEADER = "shomar-master-key-v1"


@dataclass(frozen=True)
class MasterKey:
    key: bytes
    origin: str  # "env", a file path
    path: Path | None = None

    @property
    def key_id(self) -> str:
        return "mk-" + hashlib.sha256(b"shomar-master-id\x1f" + self.key).hexdigest()[:16]

    def wrap(self, data_key: bytes, *, key_id: str, purpose: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ad = self._ad(key_id, purpose)
        return nonce + AESGCM(self.key).encrypt(nonce, data_key, ad)

    def unwrap(self, wrapped: bytes, *, key_id: str, purpose: str) -> bytes:
        try:
            return AESGCM(self.key).decrypt(
                wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], self._ad(key_id, purpose)
            )
        except (InvalidTag, ValueError):
            raise WorkspaceError(
                f"The data key {key_id} does not open with the master key from {self.origin}.",
                hint="The master key file or SHOMAR_MASTER_KEY is not the one this store was "
                "made with: restore the right key (see README, Security: backing up keys).",
            ) from None

    def _ad(self, key_id: str, purpose: str) -> bytes:
        return "\x1f".join(("shomar-wrap-v1", key_id, purpose, self.key_id)).encode("utf-8")


def encode(key: bytes) -> str:
    return f"{HEADER}:{base64.b64encode(key).decode('ascii')}\n"


def _decode(text: str, origin: str) -> bytes:
    body = text.strip().removeprefix(HEADER + ":")
    try:
        key = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise WorkspaceError(
            f"The master key in {origin} is not 32 bytes of base64.",
            hint=f"Restore the key file you backed up (format: {HEADER}:<base64>).",
        )
    return key


def write_key_file(path: Path, key: bytes) -> None:
    """Write a key file readable by its owner only (0600), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(encode(key))
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def pending_path(path: Path) -> Path:
    """Where a rotation writes the new master key before its transaction commits."""
    return path.with_name(path.name + ".new")


def default_path(workspace: Path) -> Path:
    return workspace / KEYS_DIR / MASTER_FILE


def load_master_key(workspace: Path, *, create: bool = True) -> MasterKey:
    """The master key from the environment, the configured file, or the workspace's key file."""
    from shomar.config import settings

    cfg = settings()
    if cfg.master_key is not None:
        return MasterKey(_decode(cfg.master_key.get_secret_value(), "SHOMAR_MASTER_KEY"), "env")
    path = cfg.master_key_file or default_path(workspace)
    if not path.exists():
        if not create or cfg.master_key_file is not None:
            raise WorkspaceError(
                f"The master key file {path} does not exist.",
                hint="Restore it from your key backup, or unset SHOMAR_MASTER_KEY_FILE to use "
                "the workspace's own key file.",
            )
        write_key_file(path, new_key())
    return MasterKey(_decode(path.read_text(encoding="ascii"), str(path)), str(path), path)


def key_file(workspace: Path) -> Path | None:
    """The master key's file (``None`` when it comes from the environment)."""
    from shomar.config import settings

    cfg = settings()
    if cfg.master_key is not None:
        return None
    return cfg.master_key_file or default_path(workspace)


def load_pending(workspace: Path) -> MasterKey | None:
    """The new master key a rotation wrote before committing, if it was stopped there."""
    path = key_file(workspace)
    if path is None or not pending_path(path).exists():
        return None
    pending = pending_path(path)
    return MasterKey(_decode(pending.read_text(encoding="ascii"), str(pending)), str(path), path)


def settle_pending(workspace: Path, *, committed: bool) -> None:
    """After a stopped rotation: keep the new key if its transaction committed, else drop it."""
    path = key_file(workspace)
    if path is None or not pending_path(path).exists():
        return
    if committed:
        os.replace(pending_path(path), path)
    else:
        pending_path(path).unlink()
