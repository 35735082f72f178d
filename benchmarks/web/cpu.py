"""CPU time of a server process and its children (uvicorn's workers), from ``/proc``.

The server's CPU per request is the figure the load generator (on the same cores) disturbs
least: latency includes time the client process held the CPU, CPU seconds do not.
"""

from __future__ import annotations

import os
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) is in parentheses and may hold spaces
    return text[text.rindex(")") + 2 :].split()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def tree_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its live descendants (0.0 without ``/proc``)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        fields = _stat(current)
        if fields is None:
            continue
        # utime, stime are fields 14 and 15 of stat (indexes 11 and 12 after the name)
        total += (int(fields[11]) + int(fields[12])) / _TICK
        todo += _children(current)
    return total


__all__ = ["tree_seconds"]
