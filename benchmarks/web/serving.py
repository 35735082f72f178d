"""Start and stop server subprocesses on loopback for the web benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from shomar.cli.serve_cmd import KEEP_ALIVE_SECONDS

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def start_app(env: dict[str, str], port: int, *, workers: int = 1) -> subprocess.Popen[bytes]:
    """``uvicorn shomar.web.asgi:app_factory --factory`` on 127.0.0.1:``port``, kept alive as
    ``shomar serve`` keeps its connections."""
    command = [
        sys.executable, "-m", "uvicorn", "shomar.web.asgi:app_factory", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
        "--workers", str(workers), "--timeout-keep-alive", str(KEEP_ALIVE_SECONDS),
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=env)
    wait_ready(f"http://127.0.0.1:{port}/api/v1/stats", process)
    return process


def start_static(directory: Path, port: int) -> subprocess.Popen[bytes]:
    """Python's threading ``http.server`` serving saved copies of the responses."""
    command = [
        sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
        "--directory", str(directory),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(f"http://127.0.0.1:{port}/", process)
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
