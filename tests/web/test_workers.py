"""The web app under ``uvicorn --workers 2`` on PostgreSQL: nothing per-user lives in a process.

A session made by one sign-in keeps working over many fresh connections (each may land on either
worker), and review decisions POSTed at once from 4 threads are each stored exactly once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from shomar.services import accounts
from shomar.services.imports import import_file
from shomar.store.tables import MatchDecision, Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from web.conftest import PASSWORD, _write_list

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False
    )
    return [int(x) for x in out.stdout.split()]


def test_two_workers_share_sessions_and_store_each_decision_once(
    postgres_workspace: Workspace, tmp_path: Path
) -> None:
    ws = postgres_workspace
    for name, latin, offset in (("A (SYNTHETIC)", True, 0), ("B (SYNTHETIC)", False, 100)):
        path = tmp_path / f"{offset}.csv"
        _write_list(path, latin, offset)
        import_file(ws, path, name, principal=ADMIN)
    accounts.add_user(ws, "analyst", "analyst", principal=ADMIN, password=PASSWORD)
    token = accounts.create_token(ws, "analyst", principal=ADMIN)
    with ws.session() as session:
        uids = list(session.scalars(select(Record.uid).order_by(Record.id)))
    # the server gets only SHOMAR_DATABASE_URL: the schema travels in its libpq options
    # (make_engine keeps them; it used to replace them with its own)
    url = ws.engine.url.update_query_dict({"options": f"-csearch_path={ws.schema}"})
    url = url.render_as_string(hide_password=False)
    env = dict(os.environ)
    env.update(
        SHOMAR_WORKSPACE=str(ws.path),
        SHOMAR_DATABASE_URL=url,
        SHOMAR_SECOND_FACTOR_ROLES="",
        SHOMAR_COOKIE_SECURE="false",
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "shomar.web.asgi:app_factory", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--log-level", "warning"],
        cwd=REPO, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, "uvicorn exited early"
            assert time.monotonic() < deadline, "uvicorn did not answer within 90 s"
            try:
                if httpx.get(f"{base}/api/v1/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        workers = _children(server.pid)  # uvicorn's supervisor and its worker processes
        assert len(workers) >= 2, f"uvicorn --workers 2 runs {workers}"

        with httpx.Client(base_url=base) as browser:
            signed = browser.post(
                "/en/sign-in",
                data={"username": "analyst", "password": PASSWORD},
                headers={"sec-fetch-site": "same-origin"},
                follow_redirects=False,
            )
            assert signed.status_code == 303, signed.text
            cookies = dict(browser.cookies)
        assert cookies, "sign-in set no session cookie"
        for _ in range(40):  # a new connection each time: the kernel spreads them over workers
            with httpx.Client(base_url=base, cookies=cookies, headers={"connection": "close"}) as c:
                page = c.get("/en/review", follow_redirects=False)  # analysts only
                assert page.status_code == 200, (page.status_code, page.headers)
                assert "analyst" in page.text

        pairs = [(uids[i], uids[j]) for i in range(6) for j in range(6, 12)]

        def post(pair: tuple[str, str]) -> int:
            with httpx.Client(base_url=base, headers={"authorization": f"Bearer {token}"}) as c:
                body = {"a": pair[0], "b": pair[1], "verdict": "different", "reason": "test"}
                return c.post("/api/v1/review/decisions", json=body, timeout=30).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(post, pairs))
        assert all(s in (200, 201) for s in statuses), statuses
        with ws.session() as session:
            stored = [
                tuple(sorted((d.uid_a, d.uid_b))) for d in session.scalars(select(MatchDecision))
            ]
        assert sorted(stored) == sorted(tuple(sorted(p)) for p in pairs)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
