"""How much of an estimate comes from the identifying assumption, not from the data.

Every MSE estimate of the unobserved count rests on an assumption the observed cells cannot
check (Aleshin-Guendel, Sadinle & Wakefield, "The central role of the identifying assumption in
population size estimation", arXiv:2101.09304): models that fit the observed table equally well
can give very different totals. This module makes that visible.

* :func:`loglinear_sensitivity` — the selected log-linear model assumes the highest-order
  (J-list) interaction, the generalized log odds ratio over all ``2^J`` cells, is zero. The
  observed cells carry no information on it (only the unobserved cell is free), so holding it
  instead at ``xi`` moves only the unobserved count: ``N(xi) = n + n0 * exp((-1)^J xi)``. The
  curve over ``exp(xi)`` in ``[0.5, 2]`` (by default) says "if the lists are this much more or
  less dependent among the unseen, N is …", from the selected model and from the model with
  every interaction below order J (which fits the observed cells exactly). For two lists the
  latter is the Lincoln–Petersen estimate.
* :func:`lcmcr_sensitivity` — LCMCR's answer on a weakly identified table is shaped by its prior
  (Manrique-Vallier 2016, *Biometrics* 72:1246–1254, Section 5): the same table re-run at light
  settings with ``alpha ~ Gamma(10, 1)`` and with K = 2 and K = 30 classes, beside the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

import numpy as np

from shomar.estimation.capture import CaptureTable
from shomar.estimation.design import HierModel, term_mask
from shomar.estimation.poisson import ModelFit, fit_model

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


def _sign(n_lists: int) -> int:
    """The sign of the unobserved cell in the J-list interaction: ``(-1)^J``."""
    return 1 if n_lists % 2 == 0 else -1


def saturated_fit(counts: np.ndarray, n_lists: int) -> ModelFit | None:
    """The model with every interaction below order J (it fits the observed cells exactly),
    or ``None`` when an empty cell leaves it without a finite estimate (it reproduces every
    observed cell, and the unobserved count is a ratio of products of cells)."""
    if np.any(np.asarray(counts) <= 0):
        return None
    gens = [term_mask(c, n_lists) for c in combinations(range(n_lists), n_lists - 1)]
    model = HierModel.from_generators(gens, n_lists)
    with np.errstate(all="ignore"):
        fit = fit_model(model, np.asarray(counts, dtype=np.int64))
    if fit.face.sparse_terms or not fit.fit.converged or not np.isfinite(fit.dark):
        return None
    return fit


def interaction_curve(
    observed: int, dark: float, n_lists: int, ratios: Sequence[float]
) -> list[tuple[float, float]]:
    """``[(exp(xi), N(xi))]`` with the observed cells' fit held and the J-list interaction at xi.

    The J-list interaction is the generalized log odds ratio of all ``2^J`` cells; only the
    unobserved cell is free, so ``N(xi) = n + dark * exp((-1)^J xi)``.
    """
    sign = _sign(n_lists)
    return [(float(r), float(observed + dark * float(r) ** sign)) for r in ratios]


def loglinear_sensitivity(
    fit: ModelFit,
    interval: tuple[float, float],
    ratios: tuple[float, float] = DEFAULT_RATIOS,
    points: int = CURVE_POINTS,
) -> dict[str, Any]:
    """N over the stated range of the highest-order interaction, as curve and range.

    The curve holds the selected model's fit of the observed cells (so it passes through the
    estimate at ``exp(xi) = 1``). ``saturated_range`` does the same from the model with every
    interaction below order J, which fits the observed cells exactly: the range no observed-data
    fit can narrow. ``interval`` is the method's own interval; ``union_interval`` spans it and
    both ranges, the answer an analyst who doubts the assumption by that much can defend.
    """
    low, high = sorted(ratios)
    grid = sorted({*np.geomspace(low, high, points).round(6).tolist(), 1.0})
    n_lists = fit.model.n_lists
    curve = interaction_curve(fit.observed, fit.dark, n_lists, grid)
    values = [n for _, n in curve]
    spans = [*values, interval[0], interval[1]]
    counts = np.zeros(2**n_lists - 1)
    counts[fit.face.cells - 1] = fit.counts
    saturated = saturated_fit(counts, n_lists)
    saturated_out: dict[str, Any] | None = None
    if saturated is not None:
        ends = [n for _, n in interaction_curve(fit.observed, saturated.dark, n_lists, grid)]
        saturated_out = {
            "model": saturated.model.name,
            "estimate": saturated.abundance,
            "estimate_range": [min(ends), max(ends)],
        }
        spans += ends
    text = (
        f"If the {n_lists}-list interaction among the unseen is between {low:g}× and "
        f"{high:g}× (instead of 1×), N is between {min(values):,.0f} and {max(values):,.0f}"
    )
    if saturated_out is not None:
        lo_s, hi_s = saturated_out["estimate_range"]
        text += (
            f" ({lo_s:,.0f}–{hi_s:,.0f} from the model with every interaction below order "
            f"{n_lists}, which fits the observed cells exactly)"
        )
    return {
        "assumption": (
            f"the {n_lists}-list interaction among the unseen (the estimate assumes "
            "exp(xi) = 1: no highest-order interaction)"
        ),
        "parameter": "exp(xi)",
        "range": [low, high],
        "curve": [{"exp_xi": r, "estimate": n} for r, n in curve],
        "estimate_range": [min(values), max(values)],
        "saturated": saturated_out,
        "union_interval": [min(spans), max(spans)],
        "text": text + ".",
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
