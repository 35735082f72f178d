"""Disclosure control for aggregate counts (DESIGN §6, as statistical agencies do).

A count shown to a role that cannot see every record is computed over all records, but a cell
smaller than the threshold (``SHOMAR_SMALL_CELL``, default 5) that includes records the viewer
may not see is shown as ``"< 5"``: a small number can identify the hidden people it counts. A
cell without hidden records, or a viewer who sees every tier, always gets the number.
"""

from __future__ import annotations

from shomar.config import settings
from shomar.security.policy import sees_everything
from shomar.security.principal import Principal

#: a count as shown: the number, or the suppressed text ``"< 5"``
Shown = int | str


def shown(total: int, hidden: int, principal: Principal) -> Shown:
    """``total`` (over all records, ``hidden`` of which ``principal`` may not see) as shown."""
    threshold = settings().small_cell
    if hidden and total < threshold and not sees_everything(principal):
        return f"< {threshold}"
    return total


def is_suppressed(value: Shown | None) -> bool:
    return isinstance(value, str)


__all__ = ["Shown", "is_suppressed", "shown"]
