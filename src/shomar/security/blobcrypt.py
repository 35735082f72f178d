"""Raw documents encrypted at rest: AES-256-GCM over the stream, bound to the plaintext's hash.

File layout: ``b"SHD1" | len(key id) | key id | 12-byte random nonce | ciphertext | 16-byte tag``.
The associated data names the plaintext's SHA-256 and the key id, so a blob renamed to another
document's hash fails. Decryption writes to a temporary file and the caller moves it into place
only after the tag *and* the recorded SHA-256 of the plaintext both check out: no unverified
byte is ever handed over.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from shomar.security.fieldcrypt import NONCE_BYTES, DecryptionError

MAGIC = b"SHD1"
TAG_BYTES = 16
CHUNK = 1 << 20


def _ad(sha256: str, key_id: str) -> bytes:
    return "\x1f".join(("shomar-document-v1", sha256, key_id)).encode("utf-8")


def encrypt_stream(
    key: bytes, key_id: str, sha256: str, chunks: Iterable[bytes], out: BinaryIO
) -> None:
    """Write the encrypted form of ``chunks`` (whose SHA-256 is ``sha256``) to ``out``."""
    nonce = os.urandom(NONCE_BYTES)
    kid = key_id.encode("ascii")
    out.write(MAGIC + bytes([len(kid)]) + kid + nonce)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(_ad(sha256, key_id))
    for chunk in chunks:
        out.write(encryptor.update(chunk))
    out.write(encryptor.finalize())
    out.write(encryptor.tag)


def read_header(handle: BinaryIO) -> tuple[str, bytes]:
    """The key id and nonce at the start of an encrypted blob."""
    head = handle.read(len(MAGIC) + 1)
    if len(head) != len(MAGIC) + 1 or head[: len(MAGIC)] != MAGIC:
        raise DecryptionError("not an encrypted Shomar document")
    kid = handle.read(head[-1])
    nonce = handle.read(NONCE_BYTES)
    if len(nonce) != NONCE_BYTES:
        raise DecryptionError("truncated encrypted document")
    return kid.decode("ascii", errors="replace"), nonce


def key_id_of(path: Path) -> str:
    with path.open("rb") as handle:
        return read_header(handle)[0]


def decrypt_stream(key: bytes, sha256: str, path: Path) -> Iterator[bytes]:
    """Plaintext chunks of the blob at ``path``; the last step checks the tag and the SHA-256.

    Callers must not use the chunks before the iterator is exhausted without error.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        key_id, nonce = read_header(handle)
        body = size - handle.tell() - TAG_BYTES
        if body < 0:
            raise DecryptionError(f"{path.name}: truncated encrypted document")
        handle.seek(size - TAG_BYTES)
        tag = handle.read(TAG_BYTES)
        handle.seek(size - TAG_BYTES - body)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(_ad(sha256, key_id))
        digest = hashlib.sha256()
        left = body
        while left:
            chunk = decryptor.update(handle.read(min(CHUNK, left)))
            left -= min(CHUNK, left)
            digest.update(chunk)
            yield chunk
        try:
            tail = decryptor.finalize()
        except InvalidTag:
            raise DecryptionError(
                f"document {sha256[:12]}…: the stored bytes do not decrypt (changed, renamed "
                "or the key is wrong)"
            ) from None
        digest.update(tail)
        if tail:
            yield tail
    if digest.hexdigest() != sha256:
        raise DecryptionError(
            f"document {sha256[:12]}…: the decrypted bytes' SHA-256 is {digest.hexdigest()[:12]}…,"
            " not the recorded one"
        )


def reencrypt_file(path: Path, sha256: str, old_key: bytes, key_id: str, key: bytes) -> None:
    """Re-encrypt the blob at ``path`` under ``key``: the new file replaces the old one only
    once the old one decrypted and verified to its end."""
    tmp = path.with_name(path.name + ".rotate")
    try:
        with tmp.open("wb") as out:
            encrypt_stream(key, key_id, sha256, decrypt_stream(old_key, sha256, path), out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
