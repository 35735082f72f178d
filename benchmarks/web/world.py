"""A SYNTHETIC workspace for the web benchmarks, on SQLite or in a fresh PostgreSQL schema.

Built from ``shomar.simulation.simulate`` lists (the same generator ``shomar demo`` uses) imported
and linked once; ``run_demo`` itself (estimates, claims, report) is too slow to repeat per store on
the shared 2-core machine and adds nothing the read paths use.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, func, make_url, select, text

POSTGRES_URL = os.environ.get(
    "SHOMAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PASSWORD = "bench-horse-battery-Synthetic-42"
ROLES = ("admin", "analyst", "documenter", "viewer")


@dataclass
class World:
    folder: Path
    url: str | None
    schema: str | None
    tokens: dict[str, str] = field(default_factory=dict)
    uids: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        """Settings for a server process serving this workspace."""
        env = dict(os.environ)
        env.update(
            SHOMAR_WORKSPACE=str(self.folder),
            SHOMAR_SECOND_FACTOR_ROLES="",
            SHOMAR_COOKIE_SECURE="false",
            SHOMAR_ACTOR="bench",
        )
        env.pop("SHOMAR_DATABASE_URL", None)
        if self.url:
            env["SHOMAR_DATABASE_URL"] = self.url  # its options name the schema
        return env


def schema_url(schema: str) -> str:
    """``POSTGRES_URL`` with ``schema`` as the search path (in the URL's libpq ``options``)."""
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def new_schema(url: str = POSTGRES_URL) -> str:
    """A fresh schema; the server process reaches it through ``SHOMAR_DATABASE_URL`` alone."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return schema


def drop_schema(schema: str, url: str = POSTGRES_URL) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def build(folder: Path, *, store: str, size: int = 600, seed: int = 11) -> World:
    """Simulate ``size`` people on 3 lists, import, link, add one account (and token) per role."""
    from shomar.security.principal import Principal, Role
    from shomar.services import accounts
    from shomar.services.imports import import_file
    from shomar.services.linkage import link_workspace
    from shomar.simulation import SimulationSpec, simulate
    from shomar.store.tables import PersonRecord, Record
    from shomar.store.workspace import open_workspace

    owner = Principal("bench", Role.ADMIN)
    schema = new_schema() if store == "postgres" else None
    url = schema_url(schema) if schema else None
    world = World(folder / "ws", url, schema)
    sim = simulate(folder / "sim", SimulationSpec(seed=seed, size=size, lists=3))
    ws = open_workspace(world.folder, create=True, url=url, schema=schema)
    try:
        for path in sim.list_files:
            import_file(ws, path, f"{path.stem} (SYNTHETIC)", principal=owner)
        link_workspace(ws, principal=owner)
        for role in ROLES:
            accounts.add_user(ws, role, role, principal=owner, password=PASSWORD)
            world.tokens[role] = accounts.create_token(ws, role, principal=owner)
        with ws.session() as session:
            world.uids = list(session.scalars(select(Record.uid).order_by(Record.id).limit(400)))
            world.names = [
                n
                for n in session.scalars(select(Record.given_name).order_by(Record.id).limit(400))
                if n
            ]
            run = session.scalar(select(func.max(PersonRecord.run_id)))
            world.persons = sorted(
                set(
                    session.scalars(
                        select(PersonRecord.person_id).where(PersonRecord.run_id == run)
                    )
                )
            )[:200]
    finally:
        ws.close()
    return world
