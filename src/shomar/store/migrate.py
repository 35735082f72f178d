"""Run the Alembic migrations that define the schema (tests build databases this way too).

Every opening of a workspace checks the schema version; only a store that is behind needs
Alembic. Importing Alembic (with Mako and Pygments) costs about 0.2 s, so the check reads the
version table and the revision files itself, and Alembic is imported when a migration runs.
"""

from __future__ import annotations

import ast
import functools
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config

VERSION_TABLE = "alembic_version"  # Alembic's default: env.py names no other


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("shomar.store") / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Bring the database behind ``engine`` to ``revision`` (default: every head).

    Work developed in parallel may add migrations on separate branches of the revision graph
    until a merge revision joins them; upgrading to ``heads`` applies all of them either way.

    On SQLite, a migration that rebuilds a table (Alembic's batch mode: copy, drop, rename)
    runs with foreign-key enforcement off, as SQLite's documentation prescribes for such
    schema changes; ``PRAGMA foreign_key_check`` then proves no reference broke before the
    transaction commits.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # outside any transaction, or SQLite ignores it
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def current_revision(engine: Engine) -> frozenset[str]:
    """The revisions the database is at (one per branch head): the rows of Alembic's version
    table, read as Alembic's ``MigrationContext.get_current_heads`` reads them."""
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        return frozenset(row[0] for row in rows)


@functools.cache
def head_revision() -> frozenset[str]:
    """The newest revisions the package ships (one per branch head): the revisions no other
    revision names as its ``down_revision``. Read from the revision files' source, as
    importing them would import Alembic (a test checks this against Alembic's own answer)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    versions = resources.files("shomar.store") / "migrations" / "versions"
    for script in versions.iterdir():
        if not script.name.endswith(".py"):
            continue
        values = _module_constants(script.read_text(encoding="utf-8"))
        revisions.add(str(values["revision"]))
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(str(parent) for parent in down)
    return frozenset(revisions - parents)


def _module_constants(source: str) -> dict[str, object]:
    """The literal values assigned at a module's top level (``revision = "0001"``)."""
    values: dict[str, object] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    try:
                        values[target.id] = ast.literal_eval(node.value)
                    except ValueError:
                        continue
    return values
