"""Shared assertion for the hostile-input tests: refused, with the place named, store unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shomar.errors import InputError
from shomar.services.imports import import_file
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import snapshot


def refused(
    ws: Workspace,
    path: Path,
    *needles: str,
    error: type[Exception] = InputError,
    **options: Any,
) -> str:
    """Import ``path``; assert it fails with every needle in the message and changes nothing."""
    before = snapshot(ws)
    with pytest.raises(error) as info:
        import_file(ws, path, "Hostile", **options, principal=ADMIN)
    assert snapshot(ws) == before, "a refused import must change nothing"
    message = str(info.value)
    for needle in needles:
        assert needle in message, f"{needle!r} not in {message!r}"
    assert "Traceback" not in message
    return message
