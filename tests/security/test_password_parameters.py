"""The shipped password hasher's Argon2id parameters (the test suite runs a cheaper one)."""

from __future__ import annotations

from shomar.security import passwords


def test_shipped_hasher_uses_the_rfc_9106_low_memory_profile() -> None:
    shipped = passwords._hasher.__wrapped__()  # type: ignore[attr-defined]
    (hasher,) = shipped.hashers
    digest = hasher.hash("Synthetic-password-42")
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_the_suite_hashes_with_argon2id_too() -> None:
    digest = passwords.hash_password("Synthetic-password-42")
    assert digest.startswith("$argon2id$")
    assert passwords.verify_password("Synthetic-password-42", digest)
    assert not passwords.verify_password("Synthetic-password-43", digest)
