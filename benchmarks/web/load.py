"""``python -m benchmarks.web.load``: concurrent readers and writers against the served web app.

For each store (SQLite, PostgreSQL in a fresh schema) a SYNTHETIC workspace is built (see
``world``), ``uvicorn shomar.web.asgi:app_factory`` serves it on loopback, and ``--readers``
async clients read (record search in Latin and Persian script, person API and page signed in,
stats) for ``--seconds`` while ``--writers`` clients POST review decisions with analyst tokens.
The in-run baseline is the same reads against ``http.server`` serving saved copies of the same
responses, under the same pacing. Prints p50/p95/p99, errors and the server's CPU milliseconds
per answered request; the target (issue 11) is 0 errors and read p95 <= 250 ms.

Every client (reader and writer) waits a think time between its requests, drawn from an
exponential distribution with mean ``--think`` milliseconds (a person reading a page, as
Locust's ``wait_time``); ``--think 0`` is a closed loop where 50 clients never pause, which
measures throughput (latency there is queueing: 50 / requests a second), not what 50 people
reading pages see. By default both are run: ``--think 0 1000``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

from benchmarks.web import cpu, serving
from benchmarks.web.world import PASSWORD, World, build, drop_schema
from shomar.cli.serve_cmd import default_workers

TARGET_P95_MS = 250.0


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    #: what the errors were: status code or exception name -> count
    kinds: dict[str, int] = field(default_factory=dict)

    def fail(self, kind: str) -> None:
        self.errors += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def line(self, label: str) -> str:
        if not self.latencies:
            return f"{label:<28} n=0 errors={self.errors}"
        q = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return (
            f"{label:<28} n={len(self.latencies):>6} p50={q[49]:7.1f} ms p95={q[94]:7.1f} ms "
            f"p99={q[98]:7.1f} ms errors={self.errors} {self.kinds or ''}"
        )

    def answered(self) -> int:
        return len(self.latencies) - self.errors

    def p95(self) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[94]


def read_paths(world: World) -> list[str]:
    """The read mix: search in both scripts, person API and page, stats."""
    latin = [n for n in world.names if n.isascii()][:10]
    persian = [n for n in world.names if not n.isascii()][:10]
    paths = [f"/api/v1/records?q={quote(n)}" for n in latin + persian]
    paths += [f"/api/v1/persons/{quote(p)}" for p in world.persons[:15]]
    paths += [f"/en/persons/{quote(p)}" for p in world.persons[:15]]
    paths += ["/api/v1/stats"] * 5
    return paths


async def sign_in(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/en/sign-in",
        data={"username": "analyst", "password": PASSWORD},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    if response.status_code != 303:
        raise RuntimeError(f"sign-in answered {response.status_code}: {response.text[:200]}")


async def think(rng: random.Random, mean_ms: float, deadline: float) -> None:
    """Wait an exponential think time of mean ``mean_ms`` (not past ``deadline``)."""
    if mean_ms > 0:
        pause = rng.expovariate(1000.0 / mean_ms)
        await asyncio.sleep(max(0.0, min(pause, deadline - time.monotonic())))


async def _reader(
    client: httpx.AsyncClient, paths: list[str], start: int, deadline: float, tally: Tally,
    think_ms: float,
) -> None:  # fmt: skip
    i = start
    rng = random.Random(start)
    if think_ms > 0:  # people do not all arrive in the same millisecond
        await asyncio.sleep(rng.uniform(0, think_ms) / 1000)
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            response = await client.get(path)
            ok = response.status_code == 200
            kind = str(response.status_code)
        except httpx.HTTPError as error:
            ok, kind = False, type(error).__name__
        tally.latencies.append((time.perf_counter() - t0) * 1000)
        if not ok:
            tally.fail(kind)
        await think(rng, think_ms, deadline)


async def _writer(
    client: httpx.AsyncClient, token: str, uids: list[str], start: int, deadline: float,
    tally: Tally, think_ms: float,
) -> None:  # fmt: skip
    i = start
    rng = random.Random(1000 + start)
    headers = {"authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        a, b = uids[i % len(uids)], uids[(i * 7 + 1) % len(uids)]
        i += 4
        if a == b:
            continue
        body = {"a": a, "b": b, "verdict": "unsure", "reason": "load benchmark (SYNTHETIC)"}
        t0 = time.perf_counter()
        try:
            response = await client.post("/api/v1/review/decisions", json=body, headers=headers)
            ok = response.status_code in (200, 201)
            kind = str(response.status_code)
        except httpx.HTTPError as error:
            ok, kind = False, type(error).__name__
        tally.latencies.append((time.perf_counter() - t0) * 1000)
        if not ok:
            tally.fail(kind)
        await think(rng, think_ms, deadline)


def _client(base: str, connections: int, token: str = "") -> httpx.AsyncClient:
    """Pages act on the session cookie, the API on the analyst's token (it ignores cookies)."""
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0, headers=headers)


async def save_copies(base: str, token: str, paths: list[str], directory: Path) -> list[str]:
    """Fetch every read once (signed in) and save it; the static server's paths, in order."""
    static = []
    async with _client(base, 4, token) as client:
        await sign_in(client)
        for k, path in enumerate(paths):
            response = await client.get(path)
            response.raise_for_status()
            suffix = "html" if path.startswith("/en/") else "json"
            (directory / f"r{k}.{suffix}").write_bytes(response.content)
            static.append(f"/r{k}.{suffix}")
    return static


async def run_load(
    base: str, world: World | None, paths: list[str], args: argparse.Namespace, think_ms: float,
    cookie: bool,
) -> tuple[Tally, Tally]:  # fmt: skip
    reads, writes = Tally(), Tally()
    token = world.tokens["analyst"] if world else ""
    async with _client(base, args.readers + args.writers, token) as client:
        if cookie:
            await sign_in(client)
        deadline = time.monotonic() + args.seconds
        tasks = [
            _reader(client, paths, k * 3, deadline, reads, think_ms) for k in range(args.readers)
        ]
        if world is not None:
            tasks += [
                _writer(client, token, world.uids, k, deadline, writes, think_ms)
                for k in range(args.writers)
            ]
        await asyncio.gather(*tasks)
    return reads, writes


@dataclass
class Run:
    """One timed run: the tallies and the CPU seconds the server and this process spent."""

    think_ms: float
    reads: Tally
    writes: Tally
    server_cpu: float
    client_cpu: float

    def answered(self) -> int:
        return max(1, self.reads.answered() + self.writes.answered())

    def cpu_ms(self) -> tuple[float, float]:
        """CPU milliseconds per answered request: the server's, this load generator's."""
        n = self.answered()
        return self.server_cpu * 1000 / n, self.client_cpu * 1000 / n

    def cpu_line(self) -> str:
        server, client = self.cpu_ms()
        return f"{'':<28} CPU per request: server {server:.1f} ms, load generator {client:.1f} ms"


def timed(
    server: subprocess.Popen[bytes], base: str, world: World | None, paths: list[str],
    args: argparse.Namespace, think_ms: float,
) -> Run:  # fmt: skip
    server_before, client_before = cpu.tree_seconds(server.pid), time.process_time()
    reads, writes = asyncio.run(run_load(base, world, paths, args, think_ms, world is not None))
    return Run(
        think_ms,
        reads,
        writes,
        cpu.tree_seconds(server.pid) - server_before,
        time.process_time() - client_before,
    )


def bench_store(store: str, args: argparse.Namespace, root: Path) -> dict[str, Run]:
    t0 = time.perf_counter()
    world = build(root / store, store=store, size=args.size)
    print(f"[{store}] workspace built in {time.perf_counter() - t0:.0f} s", flush=True)
    port = serving.free_port()
    # as `shomar serve` runs each store (cli/serve_cmd.default_workers on this machine)
    workers = default_workers(world.url, os.cpu_count())
    print(f"[{store}] uvicorn --workers {workers}", flush=True)
    server = serving.start_app(world.env(), port, workers=workers)
    base = f"http://127.0.0.1:{port}"
    static = None
    try:
        paths = read_paths(world)
        results: dict[str, Run] = {}
        if store == args.stores[0]:
            copies = root / "static"
            copies.mkdir(exist_ok=True)
            static_paths = asyncio.run(save_copies(base, world.tokens["analyst"], paths, copies))
            static_port = serving.free_port()
            static = serving.start_static(copies, static_port)
        for think_ms in args.think:
            if static is not None:
                results[f"static baseline, think {think_ms:g}"] = timed(
                    static, f"http://127.0.0.1:{static_port}", None, static_paths, args, think_ms
                )
            print(f"[{store}] think {think_ms:g} ms, load average {_load()}", flush=True)
            results[f"{store}, think {think_ms:g}"] = timed(
                server, base, world, paths, args, think_ms
            )
        return results
    finally:
        if static is not None:
            serving.stop(static)
        serving.stop(server)
        if world.schema:
            drop_schema(world.schema)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--store", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--size", type=int, default=600, help="simulated people (3 lists)")
    parser.add_argument(
        "--think", type=float, nargs="+", default=[0.0, 1000.0], metavar="MS",
        help="mean think time between one client's requests (exponential), one run per value",
    )  # fmt: skip
    args = parser.parse_args(argv)
    args.stores = ["sqlite", "postgres"] if args.store == "both" else [args.store]
    print(
        f"web load: {args.readers} readers, {args.writers} writers, {args.seconds:.0f} s per run, "
        f"think {' / '.join(f'{t:g}' for t in args.think)} ms, SYNTHETIC workspace of "
        f"{args.size} simulated people on 3 lists; {os.cpu_count()} cores, load average "
        f"{_load()}",
        flush=True,
    )
    results: dict[str, Run] = {}
    with tempfile.TemporaryDirectory(prefix="shomar-web-load-") as tmp:
        for store in args.stores:
            results.update(bench_store(store, args, Path(tmp)))
    for label, run in results.items():
        print(run.reads.line(f"{label} reads" if run.writes.latencies else label))
        if run.writes.latencies:
            print(run.writes.line(f"{label} writes"))
        print(run.cpu_line())
    ok = True
    for think_ms in args.think:
        base = results[f"static baseline, think {think_ms:g}"].reads.p95()
        for store in args.stores:
            run = results[f"{store}, think {think_ms:g}"]
            errors = run.reads.errors + run.writes.errors
            met = run.reads.p95() <= TARGET_P95_MS and errors == 0
            print(
                f"{store}, think {think_ms:g} ms: read p95 {run.reads.p95():.1f} ms = "
                f"{run.reads.p95() / base:.1f}x the static baseline's {base:.1f} ms; target "
                f"p95 <= {TARGET_P95_MS:.0f} ms and 0 errors: {'met' if met else 'NOT met'}"
            )
            ok = ok and errors == 0
    print(f"load average at the end {_load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
