"""The internal signal that a date is impossible; the parser turns it into DateParseError."""

from __future__ import annotations


class InvalidDate(ValueError):
    """An impossible or unreadable date part: ``reason`` says why, ``example`` shows a good form."""

    def __init__(self, reason: str, example: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.example = example
