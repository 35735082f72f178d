"""Problems found in an input file, each saying where, what and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from shomar.domain.wording import quoted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input. ``row`` counts the header as row 1 (in a JSON list,
    which has none, ``row`` is the record's number)."""

    file: str
    message: str
    hint: str = ""
    row: int | None = None
    column: str | None = None
    value: str | None = None
    sheet: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet {quoted(self.sheet)}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {quoted(self.column)}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            text += f" (value: {quoted(shown)})"
        if self.hint:
            text += f". {self.hint}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ProblemLog:
    """Collects problems; keeps the first ``limit`` in full and counts the rest."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.items: list[Problem] = []
        self.total = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.items) < self.limit:
            self.items.append(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    def sorted(self) -> list[Problem]:
        """The kept problems in file order."""
        return sorted(self.items, key=lambda p: (p.sheet or "", p.row or 0))

    def summary(self) -> str:
        self.items = self.sorted()
        shown = "\n".join(f"  - {p}" for p in self.items)
        more = self.total - len(self.items)
        tail = f"\n  ... and {more} more" if more > 0 else ""
        return f"{self.total} problem(s) found; nothing was imported:\n{shown}{tail}"
