"""Time-based one-time passwords (RFC 6238, through pyotp) and one-time recovery codes.

A code is accepted for the current 30-second step or the one before (clock drift), and never
twice: the caller stores the last accepted step and passes it back. Recovery codes are random,
shown once, and stored only as Argon2id hashes; each works once.
"""

from __future__ import annotations

import secrets
import time

import pyotp
import segno

from shomar.security.passwords import hash_password, verify_password

ISSUER = "Shomar"
RECOVERY_CODES = 10


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as an SVG document (no external request, no script)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4))


def accepted_step(
    secret: str, code: str, *, last_step: int | None, now: float | None = None
) -> int | None:
    """The time step ``code`` is valid for, or ``None`` (wrong, expired or already used)."""
    code = code.strip().replace(" ", "")
    if not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    current = int(moment // totp.interval)
    for step in (current, current - 1):
        if last_step is not None and step <= last_step:
            continue
        if secrets.compare_digest(totp.at(step * totp.interval), code):
            return step
    return None


def new_recovery_codes(count: int = RECOVERY_CODES) -> tuple[list[str], list[str]]:
    """``(codes to show once, hashes to store)``."""
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(count)]
    return codes, [hash_password(code) for code in codes]


def use_recovery_code(code: str, hashes: list[str]) -> list[str] | None:
    """The remaining hashes after using ``code``, or ``None`` when it matches none."""
    code = code.strip().lower()
    for index, hashed in enumerate(hashes):
        if verify_password(code, hashed):
            return hashes[:index] + hashes[index + 1 :]
    return None


__all__ = [
    "accepted_step",
    "new_recovery_codes",
    "new_secret",
    "provisioning_uri",
    "qr_svg",
    "use_recovery_code",
]
