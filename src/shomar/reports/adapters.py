"""Small conversions from engine results to the report's plain input types."""

from __future__ import annotations

from datetime import datetime

from shomar.estimation.result import EstimateResult
from shomar.reports.data import Estimate


def estimate_from_result(
    result: EstimateResult,
    *,
    run_id: str | None = None,
    run_at: datetime | None = None,
    stratum: str | None = None,
    with_draws: bool = True,
) -> Estimate:
    """An :class:`Estimate` for the report from an estimation engine's result.

    Posterior draws with axes ``(chain, draw)`` are flattened over chains; pass
    ``with_draws=False`` to leave them out (the posterior figure is then not drawn).
    """
    draws = None
    if with_draws and result.draws is not None:
        draws = [float(v) for v in result.draws.reshape(-1)]
    return Estimate(
        method=result.method,
        estimate=float(result.estimate),
        interval=(float(result.interval[0]), float(result.interval[1])),
        level=float(result.level),
        interval_type=result.interval_type,
        observed=int(result.observed),
        warnings=tuple(result.warnings),
        draws=draws,
        run_id=run_id,
        run_at=run_at,
        seed=result.seed,
        stratum=stratum,
    )
