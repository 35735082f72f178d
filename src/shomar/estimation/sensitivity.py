"""How much of an estimate comes from the identifying assumption, not from the data.

Every MSE estimate of the unobserved count rests on an assumption the observed cells cannot
check (Aleshin-Guendel, Sadinle & Wakefield, "The central role of the identifying assumption in
population size estimation", arXiv:2101.09304): models that fit the observed table equally well
can give very different totals. This module makes that visible.

* :func:`loglinear_sensitivity` — the selected log-linear model assumes the highest-order
  (J-list) interaction is zero. Holding it instead at a log odds ratio ``xi`` (an offset on the
  cell seen by every list; in the 0/1 design that term enters no other cell) and refitting gives
  ``N(xi)``; the curve over ``exp(xi)`` in ``[0.5, 2]`` (by default) says "if the lists are this
  much more or less dependent among the unseen, N is …". For two lists this is the
  Lincoln–Petersen estimate times ``exp(xi)``.
* :func:`lcmcr_sensitivity` — LCMCR's answer on a weakly identified table is shaped by its prior
  (Manrique-Vallier 2016, *Biometrics* 72:1246–1254, Section 5): the same table re-run at light
  settings with ``alpha ~ Gamma(10, 1)`` and with K = 2 and K = 30 classes, beside the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from shomar.estimation.capture import CaptureTable
from shomar.estimation.poisson import ModelFit, fit_poisson

#: default range of exp(xi), the J-list interaction odds ratio among the unseen
DEFAULT_RATIOS = (0.5, 2.0)
#: points on the curve (log-spaced, exp(xi) = 1 included)
CURVE_POINTS = 9

#: LCMCR alternatives re-run beside the default (light MCMC: about a second in all)
LCMCR_ALTERNATIVES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("alpha ~ Gamma(10, 1)", {"a_alpha": 10.0, "b_alpha": 1.0}),
    ("K = 2", {"K": 2}),
    ("K = 30", {"K": 30}),
)
LCMCR_LIGHT: dict[str, int] = {"chains": 2, "burnin": 1_000, "samples": 500, "thinning": 10}


def interaction_curve(fit: ModelFit, ratios: Sequence[float]) -> list[tuple[float, float]]:
    """``[(exp(xi), N(xi))]``: the fitted model with the J-list interaction held at ``xi``."""
    n_lists = fit.model.n_lists
    full = 2**n_lists - 1
    X = fit.face.design(n_lists)
    where = np.flatnonzero(fit.face.cells == full)
    out = []
    for ratio in ratios:
        if where.size == 0:  # the all-lists cell is not on the face: xi has no effect
            out.append((float(ratio), fit.abundance))
            continue
        offset = np.zeros(len(fit.counts))
        offset[where] = np.log(ratio)
        with np.errstate(all="ignore"):
            refit = fit_poisson(X, fit.counts, start=fit.fit.coef, offset=offset)
        if not refit.converged:
            refit = fit_poisson(X, fit.counts, offset=offset)
        out.append((float(ratio), float(fit.observed + np.exp(refit.coef[0]))))
    return out


def loglinear_sensitivity(
    fit: ModelFit,
    interval: tuple[float, float],
    ratios: tuple[float, float] = DEFAULT_RATIOS,
    points: int = CURVE_POINTS,
) -> dict[str, Any]:
    """N over the stated range of the highest-order interaction, as curve and range.

    ``interval`` is the method's own interval (at ``exp(xi) = 1``); ``union`` spans it and
    the curve, the answer an analyst who doubts the assumption by that much can defend.
    """
    low, high = sorted(ratios)
    grid = sorted({*np.geomspace(low, high, points).round(6).tolist(), 1.0})
    curve = interaction_curve(fit, grid)
    values = [n for _, n in curve]
    n_lists = fit.model.n_lists
    return {
        "assumption": (
            f"the {n_lists}-list interaction among the unseen (log odds ratio xi; the estimate "
            "assumes exp(xi) = 1)"
        ),
        "parameter": "exp(xi)",
        "range": [low, high],
        "curve": [{"exp_xi": r, "estimate": n} for r, n in curve],
        "estimate_range": [min(values), max(values)],
        "union_interval": [min(min(values), interval[0]), max(max(values), interval[1])],
        "text": (
            f"If the {n_lists}-list interaction among the unseen is between {low:g}× and "
            f"{high:g}× (instead of 1×), N is between {min(values):,.0f} and {max(values):,.0f}."
        ),
        "reference": "Aleshin-Guendel, Sadinle & Wakefield, arXiv:2101.09304",
    }


def lcmcr_sensitivity(
    table: CaptureTable,
    default_estimate: float,
    default_interval: tuple[float, float],
    seed: int | None,
    level: float = 0.95,
) -> dict[str, Any]:
    """The table re-run with other priors and class numbers; flags disagreement.

    An alternative *disagrees* when its posterior median is further from the default's than
    the default interval is wide.
    """
    from shomar.estimation.lcmcr import estimate_lcmcr

    width = default_interval[1] - default_interval[0]
    rows: list[dict[str, Any]] = []
    lows = [default_interval[0]]
    highs = [default_interval[1]]
    for label, settings in LCMCR_ALTERNATIVES:
        result = estimate_lcmcr(
            table, seed=seed, level=level, extend=False, **{**LCMCR_LIGHT, **settings}
        )
        disagrees = abs(result.estimate - default_estimate) > width
        lows.append(result.interval[0])
        highs.append(result.interval[1])
        rows.append(
            {
                "setting": label,
                "estimate": result.estimate,
                "interval": list(result.interval),
                "rhat": result.diagnostics.get("rhat"),
                "disagrees": disagrees,
            }
        )
    estimates = [float(default_estimate), *(float(r["estimate"]) for r in rows)]
    disagreeing = [str(r["setting"]) for r in rows if r["disagrees"]]
    out: dict[str, Any] = {
        "assumption": "LCMCR's prior on alpha and the number of latent classes K",
        "light_settings": dict(LCMCR_LIGHT),
        "alternatives": rows,
        "estimate_range": [min(estimates), max(estimates)],
        "union_interval": [min(lows), max(highs)],
        "text": (
            f"With other priors and class numbers LCMCR gives {min(estimates):,.0f} to "
            f"{max(estimates):,.0f}."
        ),
        "reference": "Manrique-Vallier 2016; Aleshin-Guendel, Sadinle & Wakefield arXiv:2101.09304",
    }
    if disagreeing:
        out["warning"] = (
            f"LCMCR's answer depends on its prior: with {', '.join(disagreeing)} the estimate "
            f"moves by more than the interval width ({width:,.0f}); the data do not pin N down, "
            "the prior does. Report the range "
            f"{min(estimates):,.0f}–{max(estimates):,.0f}."
        )
    return out
