"""One typed settings object. Every setting has a default, help text and a ``SHOMAR_`` variable."""

from __future__ import annotations

import getpass
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"


class Settings(BaseSettings):
    """Settings read from the environment (``SHOMAR_<NAME>``)."""

    model_config = SettingsConfigDict(env_prefix="SHOMAR_", extra="ignore")

    workspace: Path = Field(
        default=Path("."),
        description="Workspace folder: the SQLite database, raw documents and key file.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the store, e.g. postgresql+psycopg://user@host/db. "
            "Default: SQLite file shomar.db inside the workspace."
        ),
    )
    actor: str = Field(
        default_factory=_default_actor,
        description="Name recorded as the actor of imports, decisions and audit entries.",
    )
    max_cell_chars: int = Field(
        default=100_000, description="Longest cell an import accepts, in characters."
    )
    import_batch_rows: int = Field(
        default=5_000, description="Rows written per batch during an import."
    )

    master_key: SecretStr | None = Field(
        default=None,
        description=(
            "Master key (base64 of 32 bytes) that wraps the data keys, for a server whose "
            "secrets come from the environment. Never stored in the database."
        ),
    )
    master_key_file: Path | None = Field(
        default=None,
        description=(
            "File holding the master key (e.g. a mounted secret). Default: keys/master.key in "
            "the workspace, created with mode 0600 on first use."
        ),
    )
    checkpoint_key_file: Path | None = Field(
        default=None,
        description=(
            "Ed25519 private key that signs audit checkpoints. Default: "
            "keys/checkpoint.key in the workspace, created with mode 0600 on first use."
        ),
    )
    export_license: str = Field(
        default="CC-BY-4.0",
        description=(
            "License (SPDX id) written into public data packages (shomar export --public, "
            "shomar publish)."
        ),
    )


def settings() -> Settings:
    """Current settings (read anew each call so tests can change the environment)."""
    return Settings()


def documented_settings() -> dict[str, str]:
    """Every setting's environment variable and help text (for docs and a test)."""
    return {
        f"SHOMAR_{name.upper()}": field.description or ""
        for name, field in Settings.model_fields.items()
    }


__all__ = ["Settings", "documented_settings", "settings"]
