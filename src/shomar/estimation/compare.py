"""Comparing several methods' estimates of N on the same table.

Model choice dominates MSE answers (PEER_RESULTS: 1,188 to 6,496 on one Australian table), so
when methods disagree by more than a factor of two users must be told (issue 5, item 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shomar.estimation.result import EstimateResult

#: Methods whose point estimates differ by more than this factor are flagged.
DISAGREEMENT_FACTOR = 2.0


def label(result: EstimateResult) -> str:
    """``loglinear``, ``lcmcr``, … or ``classic Mt`` for the classic models."""
    if result.method == "classic" and result.model:
        return f"classic {result.model[0]}"
    return result.method


def disagreement_warning(
    results: Sequence[EstimateResult], factor: float = DISAGREEMENT_FACTOR
) -> str | None:
    """A warning naming the lowest and highest estimates when they differ by > ``factor``."""
    usable = [r for r in results if r.estimate > 0]
    if len(usable) < 2:
        return None
    low = min(usable, key=lambda r: r.estimate)
    high = max(usable, key=lambda r: r.estimate)
    ratio = high.estimate / low.estimate
    if ratio <= factor:
        return None
    return (
        f"Methods disagree by a factor of {ratio:.1f} (more than {factor:g}): {label(low)} "
        f"estimates {low.estimate:,.0f} and {label(high)} {high.estimate:,.0f}. The answer "
        "depends on the model; report the range and the assumptions, not one number."
    )


def add_disagreement_warning(
    results: Sequence[EstimateResult], factor: float = DISAGREEMENT_FACTOR
) -> str | None:
    """Append the disagreement warning (if any) to every result; return it."""
    warning = disagreement_warning(results, factor)
    if warning:
        for result in results:
            if warning not in result.warnings:
                result.warnings.append(warning)
    return warning


def summary_rows(results: Sequence[EstimateResult]) -> list[dict[str, Any]]:
    """One plain row per result for tables and reports."""
    return [
        {
            "method": label(r),
            "estimate": r.estimate,
            "lower": r.interval[0],
            "upper": r.interval[1],
            "level": r.level,
            "interval_type": r.interval_type,
            "model": ", ".join(r.model) if r.model else "",
        }
        for r in results
    ]
