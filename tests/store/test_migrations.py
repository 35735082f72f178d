"""The schema is built by the migrations, on both backends."""

from __future__ import annotations

from sqlalchemy import inspect

from shomar.store import migrate
from shomar.store.tables import Base
from shomar.store.workspace import Workspace


def test_migrations_build_every_table(workspace: Workspace) -> None:
    tables = set(inspect(workspace.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    assert migrate.current_revision(workspace.engine) == migrate.head_revision()


def test_migrations_match_the_models(workspace: Workspace) -> None:
    """Autogenerate finds no difference: the models change only through a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_reopening_keeps_data(workspace: Workspace, tmp_path: object) -> None:
    from shomar.store.tables import Source

    with workspace.session() as session:
        session.add(Source(name="Reopen test"))
    with workspace.session() as session:
        assert session.query(Source).filter_by(name="Reopen test").count() == 1


def test_the_light_version_check_agrees_with_alembic(workspace: Workspace) -> None:
    """Opening a workspace reads the version without Alembic; Alembic's answer is the same."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert migrate.head_revision() == frozenset(heads)
    with workspace.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    assert migrate.current_revision(workspace.engine) == frozenset(current)
