"""Sealing one value with AES-256-GCM, bound to where it is stored; blind indexes.

An envelope is ``b"SHF1" | len(key id) | key id | 12-byte random nonce | ciphertext+tag``. The
associated data binds the table, the column, the row key and the key id, so a ciphertext copied
to another row or column (or relabelled with another key id) fails to decrypt. Nonces are random
(96 bits) for every seal: the same plaintext never gives the same bytes (unlike
sqlalchemy-utils' ``EncryptedType``, whose default engine derives the IV from the key).

Exact search on an encrypted field goes through a *blind index*: a keyed HMAC-SHA256 of the
value's normalized form, stored beside the ciphertext. It reveals equality only, to whoever
holds the index key.
"""

from __future__ import annotations

import functools
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"SHF1"
NONCE_BYTES = 12
KEY_BYTES = 32
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u200c": " ", "ـ": ""})


class DecryptionError(Exception):
    """A ciphertext that does not open with this key at this place (changed, moved or foreign)."""


def associated_data(table: str, column: str, row_key: str, key_id: str) -> bytes:
    """What a ciphertext is bound to; unit-separated so no field can spill into another."""
    return "\x1f".join(("shomar-field-v1", table, column, row_key, key_id)).encode("utf-8")


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


@functools.lru_cache(maxsize=64)
def _cipher(key: bytes) -> AESGCM:
    return AESGCM(key)


def seal(
    key: bytes, key_id: str, plaintext: bytes, *, table: str, column: str, row_key: str
) -> bytes:
    """Encrypt ``plaintext`` for one place (table, column, row) under ``key`` (id ``key_id``)."""
    nonce = os.urandom(NONCE_BYTES)
    ad = associated_data(table, column, row_key, key_id)
    kid = key_id.encode("ascii")
    return MAGIC + bytes([len(kid)]) + kid + nonce + _cipher(key).encrypt(nonce, plaintext, ad)


@dataclass(frozen=True, slots=True)
class Envelope:
    key_id: str
    nonce: bytes
    ciphertext: bytes


def parse(envelope: bytes) -> Envelope:
    """Split an envelope into its parts (raises :class:`DecryptionError` when malformed)."""
    if len(envelope) < len(MAGIC) + 1 or envelope[: len(MAGIC)] != MAGIC:
        raise DecryptionError("not a Shomar field envelope")
    size = envelope[len(MAGIC)]
    start = len(MAGIC) + 1
    kid = envelope[start : start + size]
    nonce = envelope[start + size : start + size + NONCE_BYTES]
    body = envelope[start + size + NONCE_BYTES :]
    if len(kid) != size or len(nonce) != NONCE_BYTES or len(body) < 16:
        raise DecryptionError("truncated field envelope")
    try:
        return Envelope(kid.decode("ascii"), nonce, body)
    except UnicodeDecodeError:
        raise DecryptionError("malformed key id in field envelope") from None


def key_id_of(envelope: bytes) -> str:
    return parse(envelope).key_id


def open_sealed(key: bytes, envelope: bytes, *, table: str, column: str, row_key: str) -> bytes:
    """Decrypt an envelope made by :func:`seal` for exactly this place."""
    parts = parse(envelope)
    ad = associated_data(table, column, row_key, parts.key_id)
    try:
        return _cipher(key).decrypt(parts.nonce, parts.ciphertext, ad)
    except InvalidTag:
        raise DecryptionError(
            f"the value in {table}.{column} for {row_key!r} does not decrypt: it was changed, "
            "moved from another row or column, or the key is wrong"
        ) from None


def normalize_for_index(text: str) -> str:
    """The form two spellings of a value share: NFKC, case-folded, Persian letter forms, spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    return re.sub(r"\s+", " ", folded).strip()


def blind_index(key: bytes, *, table: str, column: str, value: str) -> str:
    """Keyed HMAC-SHA256 of the normalized value (hex, 32 characters), per table and column."""
    message = "\x1f".join((table, column, normalize_for_index(value))).encode("utf-8")
    return hmac.digest(key, message, "sha256").hex()[:32]
