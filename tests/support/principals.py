"""Principals for tests: the workspace owner (admin) and one of each role."""

from __future__ import annotations

from shomar.security.principal import ANONYMOUS, Principal, Role

ADMIN = Principal("tester", Role.ADMIN)
ANALYST = Principal("analyst-1", Role.ANALYST)
DOCUMENTER = Principal("documenter-1", Role.DOCUMENTER)
VIEWER = Principal("viewer-1", Role.VIEWER)

BY_ROLE: dict[Role, Principal] = {
    Role.ADMIN: ADMIN,
    Role.ANALYST: ANALYST,
    Role.DOCUMENTER: DOCUMENTER,
    Role.VIEWER: VIEWER,
    Role.ANONYMOUS: ANONYMOUS,
}

__all__ = ["ADMIN", "ANALYST", "BY_ROLE", "DOCUMENTER", "VIEWER"]
