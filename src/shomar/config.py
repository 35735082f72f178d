"""One typed settings object. Every setting has a default, help text and a ``SHOMAR_`` variable."""

from __future__ import annotations

import getpass
from pathlib import Path

from pydantic import Field
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
    duckdb_threads: int | None = Field(
        default=None, ge=1, description="Linkage on DuckDB: threads (default: DuckDB's choice)."
    )
    duckdb_memory: str | None = Field(
        default=None,
        description="Linkage on DuckDB: memory limit, e.g. 5GB (DuckDB spills to disk beyond it).",
    )
    spark_cores: int = Field(
        default=2, ge=1, description="Linkage on Spark: local cores of the one Spark session."
    )
    spark_partitions: int | None = Field(
        default=None, ge=1, description="Linkage on Spark: shuffle partitions (default: cores)."
    )
    chromium: Path | None = Field(
        default=None,
        description="Chromium used for `shomar report --pdf` (default: `chromium` on the PATH).",
    )
    estimation_threads: int = Field(
        default=0,
        ge=0,
        description="Threads for LCMCR chains (0: one per chain, at most the usable cores).",
    )
    jobs_url: str | None = Field(
        default=None,
        description=(
            "Where background jobs are queued: redis://host:port/db on a server. "
            "Default: an SQLite file (jobs.db) in the workspace."
        ),
    )
    jobs_workers: int = Field(
        default=1, ge=1, description="Jobs `shomar worker` runs at once (threads)."
    )
    busy_timeout: float = Field(
        default=5.0,
        ge=0,
        description=(
            "Seconds a write waits for another writer (an import, a linkage run) before "
            "failing with 'the workspace is busy; try again'."
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
