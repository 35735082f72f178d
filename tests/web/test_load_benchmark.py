"""The web load benchmark's own parts: server CPU from /proc, and the readers' think time."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import time

import pytest
from benchmarks.web import cpu
from benchmarks.web.load import think

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_tree_seconds_counts_the_cpu_of_a_child_process() -> None:
    """uvicorn's workers are children of the process the benchmark started."""
    spin = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spin!r}])",
        ]
    )
    seen = 0.0
    while parent.poll() is None:
        seen = max(seen, cpu.tree_seconds(parent.pid))
        time.sleep(0.02)
    assert seen >= 0.3  # the child's spinning, counted while it ran
    assert cpu.tree_seconds(parent.pid) == 0.0  # gone: nothing to read


def test_think_time_is_exponential_around_its_mean_and_stops_at_the_deadline() -> None:
    async def pauses() -> tuple[float, float]:
        rng = random.Random(3)
        t0 = time.monotonic()
        for _ in range(40):
            await think(rng, 10.0, time.monotonic() + 60)
        paced = (time.monotonic() - t0) / 40
        t0 = time.monotonic()
        await think(rng, 60_000.0, time.monotonic() + 0.05)
        return paced, time.monotonic() - t0

    mean, capped = asyncio.run(pauses())
    assert 0.004 < mean < 0.05  # mean 10 ms (exponential, plus the loop's own delay)
    assert capped < 1.0  # a minute's think time does not run past the deadline
