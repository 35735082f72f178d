"""Reading the simulator's ground truth: true totals of a category, event or stratum.

Every number computed here comes from ``synthetic_persons.csv`` (all simulated persons, captured
or not), never typed in: the demo and the calibration tests compare estimates with it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TrueCount:
    """How many simulated persons a category has, and how many of them some list recorded."""

    event: str
    violations: tuple[str, ...]
    total: int
    observed: int
    source: str

    @property
    def unobserved(self) -> int:
        return self.total - self.observed

    def to_dict(self) -> dict[str, object]:
        return {
            "event": self.event,
            "violations": list(self.violations),
            "true_total": self.total,
            "true_observed": self.observed,
            "true_unobserved": self.unobserved,
            "source": self.source,
        }


def read_persons(path: str | Path) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def true_count(
    persons_file: str | Path,
    event: str,
    violations: Iterable[str],
    *,
    stratum: tuple[str, str] | None = None,
) -> TrueCount:
    """Persons of ``event`` whose violation is one of ``violations`` (optionally one stratum:
    ``(column, value)`` such as ``("sex", "f")``)."""
    wanted = tuple(violations)
    rows = [
        r
        for r in read_persons(persons_file)
        if r["event"] == event
        and r["violation"] in wanted
        and (stratum is None or r[stratum[0]] == stratum[1])
    ]
    return TrueCount(
        event=event,
        violations=wanted,
        total=len(rows),
        observed=sum(1 for r in rows if r["captured"] == "1"),
        source=Path(persons_file).name,
    )
