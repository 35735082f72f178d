"""One typed settings object. Every setting has a default, help text and a ``SHOMAR_`` variable."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Literal

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
    import_worker: Literal["auto", "on", "off"] = Field(
        default="auto",
        description=(
            "Read and check every other batch of an import in a second, forked process (Linux "
            "with 2+ CPUs): 'on', 'off', or 'auto': on when the load average leaves a CPU free "
            "(on a busy machine the worker slowed imports down) and the process runs no other "
            "thread (a fork beside a web server's or job runner's threads can hang)."
        ),
    )
    max_columns: int = Field(
        default=2_000, description="Most columns (cells in one row) an import accepts."
    )
    max_sheet_cells: int = Field(
        default=20_000_000,
        description="Most cells (rows × columns, repeated cells expanded) of an ODS sheet an "
        "import reads; spreadsheets are read whole, CSV files as a stream.",
    )
    max_header_chars: int = Field(
        default=1_000, description="Longest column name (header cell) an import accepts."
    )
    max_line_chars: int = Field(
        default=20_000_000,
        description="Longest line of a CSV/TSV file an import accepts, in characters.",
    )
    max_shared_strings_bytes: int = Field(
        default=200_000_000,
        description="Largest text table (sharedStrings.xml, uncompressed) of an XLSX workbook "
        "an import opens, in bytes.",
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
    review_queue_max: int = Field(
        default=20_000,
        ge=1,
        description="Uncertain pairs a linkage run keeps in its review queue, most informative "
        "first (the rest stay in the run's pair scores).",
    )
    web_threads: int = Field(
        default=10,
        ge=1,
        description="Requests one web worker process works on at once (threads); its "
        "connection pool keeps as many connections to the store.",
    )
    small_cell: int = Field(
        default=5,
        ge=1,
        description=(
            "Counts below this that include records a viewer may not see are shown as "
            "'< N' (disclosure control)."
        ),
    )
    busy_timeout: float = Field(
        default=5.0,
        ge=0,
        description=(
            "Seconds a write waits for another writer (an import, a linkage run) before "
            "failing with 'the workspace is busy; try again'."
        ),
    )
    organisation: str = Field(
        default="Shomar workspace",
        description=(
            "Name of the organisation that runs this workspace; it is the author of the "
            "ClaimReview JSON-LD written by `shomar claims export --format jsonld`."
        ),
    )

    # -- the web app and accounts ------------------------------------------------------------
    secret_key: str = Field(
        default="",
        description=(
            "Server secret (at least 32 characters) that keys session and CSRF tokens; "
            "required when `shomar serve` listens on a non-loopback address."
        ),
    )
    cookie_secure: bool = Field(
        default=True,
        description="Send session cookies as `__Host-` cookies with Secure (keep on).",
    )
    hsts: bool = Field(
        default=False,
        description="Send Strict-Transport-Security (set when served over TLS).",
    )
    session_idle_minutes: int = Field(
        default=30, description="A web session ends after this many minutes without a request."
    )
    session_absolute_hours: int = Field(
        default=12, description="A web session ends this many hours after sign-in, at the latest."
    )
    lockout_threshold: int = Field(
        default=10, description="Failed sign-ins in a row that lock an account."
    )
    lockout_minutes: int = Field(default=15, description="How long a locked account stays locked.")
    address_attempts_per_15_minutes: int = Field(
        default=50, description="Failed sign-ins one network address may make per 15 minutes."
    )
    second_factor_roles: str = Field(
        default="admin,analyst",
        description="Roles that must use a second factor (TOTP), comma-separated; others may.",
    )
    upload_max_bytes: int = Field(
        default=50 * 1024 * 1024, description="Largest file the web app accepts for import."
    )
    page_size: int = Field(default=50, description="Items per page in web lists and the API.")
    serve_jobs_in_process: bool = Field(
        default=True,
        description=(
            "`shomar serve` runs queued jobs in its own process on the embedded default "
            "(SQLite store, no SHOMAR_JOBS_URL); otherwise run `shomar worker`."
        ),
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


#: variables besides ``SHOMAR_*`` that a default reads (the actor's login name)
_DEFAULT_SOURCES = ("LOGNAME", "USER", "LNAME", "USERNAME")
_cached: tuple[tuple[tuple[str, str], ...], Settings] | None = None


def _environment() -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            (key, value)
            for key, value in os.environ.items()
            if key.upper().startswith("SHOMAR_") or key in _DEFAULT_SOURCES
        )
    )


def settings() -> Settings:
    """Current settings, read again whenever the environment they come from has changed.

    Building :class:`Settings` costs milliseconds and a web request asks for it several times,
    so the object is kept while the ``SHOMAR_*`` variables (and the login name the default
    actor comes from) stay the same; a test or ``export_setting`` that changes them gets fresh
    settings on the next call. Treat the result as read-only.
    """
    global _cached
    environment = _environment()
    cached = _cached
    if cached is not None and cached[0] == environment:
        return cached[1]
    fresh = Settings()
    _cached = (environment, fresh)
    return fresh


def documented_settings() -> dict[str, str]:
    """Every setting's environment variable and help text (for docs and a test)."""
    return {
        f"SHOMAR_{name.upper()}": field.description or ""
        for name, field in Settings.model_fields.items()
    }


def export_setting(name: str, value: str) -> None:
    """Hand a setting to child processes (e.g. `shomar serve`'s uvicorn workers) through their
    environment, the one place settings come from."""
    if name not in Settings.model_fields:
        raise KeyError(f"No setting {name!r}.")
    os.environ[f"SHOMAR_{name.upper()}"] = value


__all__ = ["Settings", "documented_settings", "export_setting", "settings"]
