"""The column type of encrypted fields: envelopes in, :class:`Sealed` values out, never plaintext.

:class:`EncryptedField` knows its table and column; it accepts only values already sealed for
that place (:class:`Sealed`, made by :meth:`shomar.store.keyring.KeyRing.seal`) and refuses
plain ``str``/``bytes``, so a plaintext can never be written to an encrypted column by mistake.
Reading gives a :class:`Sealed` that opens only with the key ring and the row's key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from shomar.security.fieldcrypt import key_id_of


@dataclass(frozen=True, slots=True)
class Sealed:
    """An AES-256-GCM envelope for one (table, column, row key)."""

    envelope: bytes

    @property
    def key_id(self) -> str:
        return key_id_of(self.envelope)


class EncryptedField(TypeDecorator[Sealed]):
    """``LargeBinary`` holding field envelopes (see :mod:`shomar.security.fieldcrypt`)."""

    impl = LargeBinary
    cache_ok = True

    def __init__(self, table: str, column: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table = table
        self.column = column

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, Sealed):
            return value.envelope
        raise TypeError(
            f"{self.table}.{self.column} is encrypted: pass a Sealed value from the key ring, "
            f"not {type(value).__name__}"
        )

    def process_result_value(self, value: Any, dialect: Dialect) -> Sealed | None:
        if value is None:
            return None
        return Sealed(bytes(value))

    def copy(self, **kw: Any) -> EncryptedField:
        return EncryptedField(self.table, self.column)
