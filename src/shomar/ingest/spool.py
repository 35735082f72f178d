"""Prepared rows kept on disk between an import's read phase and its write phase.

An import reads, parses and checks the whole file before it opens its write transaction (so
a long file never holds the store's write lock while it is parsed), and memory must not grow
with the file: the prepared rows wait in a spool, one batch per entry. The spool is an
anonymous temporary file (unlinked as soon as it is made) whose batches are encrypted with
AES-GCM under a key that exists only in this process, so sensitive cells never reach the disk
in the clear and nothing readable is left behind by a crash.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_LENGTH = 8


class Spool:
    """Batches written once, then read back in order (any number of times)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - closed by close()
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self.batches = 0
        self.rows = 0

    def write(self, batch: list[Any]) -> None:
        self.write_pickled(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL), len(batch))

    def write_pickled(self, pickled: bytes, rows: int) -> None:
        """Add a batch of ``rows`` already pickled (by an import's worker process)."""
        nonce = self.batches.to_bytes(12, "big")  # a new key per spool: a counter suffices
        body = self._aead.encrypt(nonce, pickled, None)
        self._file.write(len(body).to_bytes(_LENGTH, "big"))
        self._file.write(body)
        self.batches += 1
        self.rows += rows

    def __iter__(self) -> Iterator[list[Any]]:
        self._file.flush()
        self._file.seek(0)
        for index in range(self.batches):
            size = int.from_bytes(self._file.read(_LENGTH), "big")
            body = self._aead.decrypt(index.to_bytes(12, "big"), self._file.read(size), None)
            yield pickle.loads(body)  # our own bytes, authenticated by AES-GCM
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
