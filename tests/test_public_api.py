"""The package's public surface is small and pinned."""

from __future__ import annotations

import shomar


def test_public_names() -> None:
    assert shomar.__all__ == sorted(shomar.__all__)
    assert shomar.__all__ == [
        "ConflictError",
        "DateParseError",
        "EstimationError",
        "ImportValidationError",
        "InputError",
        "NotFoundError",
        "ShomarError",
        "WorkspaceError",
        "__version__",
    ]


def test_every_setting_is_documented_in_the_readme() -> None:
    from pathlib import Path

    from shomar.config import documented_settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for variable, help_text in documented_settings().items():
        assert help_text, variable
        assert variable in readme, f"{variable} is not documented in the README"
