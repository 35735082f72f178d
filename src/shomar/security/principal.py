"""Who is acting: a :class:`Principal` is passed to every service call, never defaulted.

On a local workspace the CLI acts as the workspace's owner (``SHOMAR_ACTOR``, else the login
name, with the admin role) unless ``--as USER`` names an account; the web app acts as the
signed-in user, or as :data:`ANONYMOUS` for the public site.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a principal may do is decided by its role (see :mod:`shomar.security.policy`)."""

    ADMIN = "admin"
    ANALYST = "analyst"
    DOCUMENTER = "documenter"
    VIEWER = "viewer"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Principal:
    """The acting user: a name recorded in the audit chain and a role the policy checks."""

    name: str
    role: Role
    user_id: int | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("A principal needs a name: every action is recorded with its actor.")

    @property
    def is_anonymous(self) -> bool:
        return self.role is Role.ANONYMOUS


ANONYMOUS = Principal("anonymous", Role.ANONYMOUS)

__all__ = ["ANONYMOUS", "Principal", "Role"]
