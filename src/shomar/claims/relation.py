"""The neutral relation of a claimed number to the evidence, with the rule that produced it.

Pure: a claim's quantity, the documented count (unique persons named in the records, or
``None``) and an estimate's interval ``(lower, upper, level)`` (or ``None``) go in; a
:class:`Relation` (a label and the rule text, with the numbers filled in) comes out. The labels
describe; they never say who is right.

The claim as an interval ``[lo, hi]``
    exact ``N`` and approximately ``N``: ``[N, N]`` (an "about" gets no invented margin);
    at least ``N``: ``[N, ∞)``; at most ``N``: ``[0, N]``; a range or a vague quantity ("hundreds
    of"): ``[lower, upper]``. A claim with no figure at all is ``not comparable``.

Rules, first match wins
    1. ``below the documented count``: ``hi`` is less than the number of persons documented by
       name (those persons exist, so a claim that caps the total below them is contradicted by
       the records).
    2. ``no estimate yet``: there is no estimate interval for the event and category.
    3. ``above the interval's upper end``: ``lo`` is greater than the interval's upper end.
    4. ``below the interval's lower end``: ``hi`` is less than the interval's lower end.
    5. ``within the estimate's 95% interval``: ``[lo, hi]`` lies inside the interval (for exact
       and approximate claims: the figure does).
    6. ``overlaps the estimate's 95% interval``: otherwise (an open bound or a range reaching
       past the interval while sharing part of it).

The level in the labels is the estimate's own (``0.9`` gives "90%").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shomar.claims.quantity import Quantity

__all__ = [
    "LABELS",
    "Relation",
    "claim_interval",
    "relate",
    "relate_claim",
]

#: every label :func:`relate_claim` can give (``{level}`` is filled in, e.g. ``95%``)
LABELS = (
    "not comparable",
    "below the documented count",
    "no estimate yet",
    "above the interval's upper end",
    "below the interval's lower end",
    "within the estimate's {level} interval",
    "overlaps the estimate's {level} interval",
)


@dataclass(frozen=True)
class Relation:
    """A relation label and the rule, in words and with numbers, that produced it."""

    label: str
    rule: str


def claim_interval(
    value: float | None, lower: float | None, upper: float | None, qualifier: str
) -> tuple[float, float] | None:
    """The claim as ``(lo, hi)`` per the module's table, or ``None`` if it states no figure."""
    if qualifier in ("exact", "approximately") and value is not None:
        return (value, value)
    if qualifier == "at_least":
        low = lower if lower is not None else value
        return None if low is None else (low, math.inf)
    if qualifier == "at_most":
        high = upper if upper is not None else value
        return None if high is None else (0.0, high)
    if lower is None and upper is None:
        return None if value is None else (value, value)
    return (lower if lower is not None else 0.0, upper if upper is not None else math.inf)


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "no upper end"
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:,.1f}"


def _level(level: float) -> str:
    percent = level * 100 if level <= 1 else level
    return f"{percent:g}%"


def _claim_words(lo: float, hi: float) -> str:
    if lo == hi:
        return f"the claimed {_fmt(lo)}"
    if math.isinf(hi):
        return f"the claim's lower end {_fmt(lo)}"
    return f"the claimed range {_fmt(lo)}–{_fmt(hi)}"


def relate_claim(
    *,
    value: float | None,
    lower: float | None,
    upper: float | None,
    qualifier: str,
    documented: int | None,
    interval: tuple[float, float, float] | None,
) -> Relation:
    """Relate one claim to the documented count and an estimate interval ``(lo, hi, level)``."""
    bounds = claim_interval(value, lower, upper, qualifier)
    if bounds is None:
        return Relation("not comparable", "the claim states no figure to compare")
    lo, hi = bounds
    if documented is not None and hi < documented:
        return Relation(
            "below the documented count",
            f"the claim's upper end {_fmt(hi)} is below the {documented:,} persons documented "
            "by name",
        )
    if interval is None:
        if documented is None:
            return Relation("no estimate yet", "no estimate and no documented count to compare")
        return Relation(
            "no estimate yet",
            f"no estimate for this event and category; the claim is not below the "
            f"{documented:,} persons documented by name",
        )
    e_lo, e_hi, level = interval
    pct = _level(level)
    span = f"{pct} interval {_fmt(e_lo)}–{_fmt(e_hi)}"
    if lo > e_hi:
        return Relation(
            "above the interval's upper end",
            f"{_claim_words(lo, hi)} exceeds the estimate's {span}",
        )
    if hi < e_lo:
        upper_words = _claim_words(lo, hi) if lo == hi else f"the claim's upper end {_fmt(hi)}"
        return Relation(
            "below the interval's lower end", f"{upper_words} is under the estimate's {span}"
        )
    if e_lo <= lo and hi <= e_hi:
        return Relation(
            f"within the estimate's {pct} interval", f"{_claim_words(lo, hi)} lies in the {span}"
        )
    return Relation(
        f"overlaps the estimate's {pct} interval",
        f"{_claim_words(lo, hi)} shares part of the {span} but reaches past it",
    )


def relate(
    quantity: Quantity, documented: int | None, interval: tuple[float, float, float] | None
) -> Relation:
    """:func:`relate_claim` for a :class:`~shomar.claims.quantity.Quantity`."""
    return relate_claim(
        value=quantity.value,
        lower=quantity.lower,
        upper=quantity.upper,
        qualifier=quantity.qualifier,
        documented=documented,
        interval=interval,
    )
