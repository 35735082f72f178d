"""Password hashing (Argon2id through pwdlib) and the password rules.

Parameters are pwdlib's Argon2 defaults (argon2-cffi's RFC 9106 "low memory" profile:
time cost 3, memory 64 MiB, parallelism 4, 16-byte salt, 32-byte hash); hashes are PHC
strings starting ``$argon2id$`` and carry their parameters, so raising them later re-hashes
on the next sign-in (:func:`verify_and_update`).

Rules: at least 12 and at most 128 characters, not in the shipped list of common passwords,
not the user name, not one repeated character.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

MIN_LENGTH = 12
MAX_LENGTH = 128


@cache
def _hasher() -> PasswordHash:
    return PasswordHash((Argon2Hasher(),))


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (lower-cased), see ``data/common_passwords.txt``."""
    text = (resources.files("shomar.security") / "data" / "common_passwords.txt").read_text(
        encoding="utf-8"
    )
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def password_problem(password: str, *, username: str = "") -> str | None:
    """Why ``password`` is refused, or ``None`` when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"The password is shorter than {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"The password is longer than {MAX_LENGTH} characters."
    lowered = password.lower()
    if lowered in common_passwords():
        return "The password is on the list of common passwords."
    if username and username.lower() in lowered:
        return "The password contains the user name."
    if len(set(password)) < 4:
        return "The password repeats too few characters."
    return None


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, hashed: str) -> bool:
    if not hashed:
        return False
    try:
        return _hasher().verify(password, hashed)
    except Exception:  # a malformed stored hash never signs anyone in
        return False


def verify_and_update(password: str, hashed: str) -> tuple[bool, str | None]:
    """``(valid, new hash)``: a new hash when ``hashed`` used weaker parameters than today's."""
    if not hashed:
        return False, None
    try:
        return _hasher().verify_and_update(password, hashed)
    except Exception:
        return False, None


__all__ = [
    "MAX_LENGTH",
    "MIN_LENGTH",
    "common_passwords",
    "hash_password",
    "password_problem",
    "verify_and_update",
    "verify_password",
]
