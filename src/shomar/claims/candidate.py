"""A claim proposed from an article's text, waiting for a person to confirm it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shomar.claims.quantity import Quantity

__all__ = ["ClaimCandidate"]


@dataclass(frozen=True)
class ClaimCandidate:
    """One proposed claim. ``text[start:end] == quote`` in the text it was read from.

    ``claimant`` is ``None`` when the article states the number in its own voice; ``cites`` names
    the party the claimant relies on ("Reuters confirmed the toll announced by the PMOI");
    ``date_stated`` is an ISO date or ``None``; ``claimant_id`` names the registry entry the
    claimant resolves to; ``spans`` are all the sentences stating the same claim;
    ``confidence`` is a rule-based score in [0, 1] meant for sorting a review queue, not a
    probability.
    """

    quantity: Quantity
    counted: str
    event_hint: str | None
    claimant: str | None
    cites: str | None
    date_stated: str | None
    quote: str
    start: int
    end: int
    confidence: float
    #: the registry entry the claimant resolves to (:mod:`shomar.claims.registry`), or ``None``
    claimant_id: str | None = None
    #: every ``(start, end)`` of the text that states this claim (a repeated figure is proposed
    #: once, with all its sentences); the first is ``(start, end)``
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``shomar claims extract --json`` (keys are a stable contract)."""
        return {
            "quantity": self.quantity.to_dict(),
            "counted": self.counted,
            "event_hint": self.event_hint,
            "claimant": self.claimant,
            "cites": self.cites,
            "date_stated": self.date_stated,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "claimant_id": self.claimant_id,
            "spans": [list(span) for span in (self.spans or ((self.start, self.end),))],
        }
