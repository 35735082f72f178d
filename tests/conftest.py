"""Shared fixtures: workspaces on SQLite and on PostgreSQL, each isolated per test.

The PostgreSQL store runs on 127.0.0.1:5432 (trust auth, database ``test``) on every machine
of this project, CI included; each test gets its own schema, dropped afterwards. Set
``SHOMAR_TEST_POSTGRES_URL`` to use another server.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from shomar.store.workspace import Workspace, open_workspace

POSTGRES_URL = os.environ.get(
    "SHOMAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _postgres_available() -> bool:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing() -> Iterator[None]:
    """Argon2id with the smallest cost in this test process: every sign-in of every test
    hashes, and at the shipped 64 MiB x 3 passes that was a large share of the suite's time.
    Hashes stay real Argon2id (a wrong password still fails); the shipped parameters are
    checked in tests/security/test_password_parameters.py, and ``shomar`` subprocesses use them.
    """
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    from shomar.security import passwords

    cheap = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))

    def cheap_hasher() -> PasswordHash:
        return cheap

    cheap_hasher.__wrapped__ = passwords._hasher  # type: ignore[attr-defined]  # the shipped one
    patch = pytest.MonkeyPatch()
    patch.setattr(passwords, "_hasher", cheap_hasher)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOMAR_DATABASE_URL", raising=False)
    monkeypatch.delenv("SHOMAR_WORKSPACE", raising=False)
    monkeypatch.setenv("SHOMAR_ACTOR", "tester")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty SQLite workspace made once per test process: running the migrations is
    most of the cost of a new workspace, and hundreds of tests start from one."""
    patch = pytest.MonkeyPatch()
    patch.delenv("SHOMAR_DATABASE_URL", raising=False)
    patch.delenv("SHOMAR_WORKSPACE", raising=False)
    patch.setenv("SHOMAR_ACTOR", "tester")
    folder = tmp_path_factory.mktemp("sqlite-template") / "ws"
    open_workspace(folder, create=True).close()
    patch.undo()
    return folder


@pytest.fixture
def sqlite_workspace(tmp_path: Path, _sqlite_template: Path) -> Iterator[Workspace]:
    """A test's own copy of the new workspace (its own file; the master key is the template's).
    Tests of creating a workspace call ``open_workspace(..., create=True)`` themselves."""
    shutil.copytree(_sqlite_template, tmp_path / "ws")
    ws = open_workspace(tmp_path / "ws")
    yield ws
    ws.close()


@pytest.fixture
def postgres_schema() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema, dropped afterwards."""
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL} (CI needs it)")
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def postgres_workspace(tmp_path: Path, postgres_schema: str) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "ws", create=True, url=POSTGRES_URL, schema=postgres_schema)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def workspace(request: pytest.FixtureRequest) -> Workspace:
    """A fresh workspace, once on SQLite and once on PostgreSQL."""
    name = "sqlite_workspace" if request.param == "sqlite" else "postgres_workspace"
    ws: Workspace = request.getfixturevalue(name)
    return ws
