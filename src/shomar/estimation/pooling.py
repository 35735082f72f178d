"""Pooling estimates over plausible linkages: linkage uncertainty that widens, never narrows.

Each plausible linkage (drawn from the pair probabilities) gives a capture table and an estimate.
The pooled answer must carry both the uncertainty within a linkage and the spread between
linkages:

* Bayesian methods (posterior draws): the posterior is the equal-weight **mixture** of the
  per-linkage posteriors (the same number of draws from each), the multiple-imputation view of
  Bayesian pooling (Rubin 1987, *Multiple Imputation for Nonresponse in Surveys*, ch. 3;
  Gelman et al., *Bayesian Data Analysis*, 3rd ed., §18.2).
* Other methods: **Rubin's rules** (Rubin 1987, §3.1): the pooled point is the mean of the
  estimates, the total variance ``T = W + (1 + 1/m) B`` (mean within-linkage variance, taken from
  each interval's half-width, plus the between-linkage variance), the interval uses Student's t
  with Rubin's degrees of freedom.

In both, the pooled interval is never narrower than the median single-linkage interval: if the
rules give a narrower one (a mixture of unequal posteriors can), it is widened about the pooled
point to that width, and the result says so. ``linkage_variance_share`` is the between-linkage
share of the pooled variance.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.stats import norm, t

from shomar.estimation.result import EstimateResult


def pool_linkages(best: EstimateResult, sampled: list[EstimateResult]) -> EstimateResult:
    """Pool ``sampled`` (one result per plausible linkage); ``best`` is the chosen linkage's."""
    if not sampled:
        return best
    level = best.level
    tail = (1 - level) / 2
    m = len(sampled)
    estimates = np.array([r.estimate for r in sampled], dtype=np.float64)
    widths = np.array([r.interval[1] - r.interval[0] for r in sampled], dtype=np.float64)
    floor_width = float(np.median(widths))
    draws: np.ndarray | None = None
    if all(r.draws is not None for r in sampled):
        flat = [np.asarray(r.draws, dtype=np.float64).reshape(-1) for r in sampled]
        size = min(len(d) for d in flat)
        parts = [d[np.linspace(0, len(d) - 1, size).round().astype(int)] for d in flat]
        draws = np.concatenate(parts)
        point = float(np.median(draws))
        lo, hi = (float(x) for x in np.quantile(draws, [tail, 1 - tail]))
        within = float(np.mean([np.var(p, ddof=1) for p in parts])) if size > 1 else 0.0
        between = float(np.var([np.mean(p) for p in parts], ddof=0))
        total = within + between
        share = between / total if total > 0 else 0.0
        interval_type = f"{best.interval_type}, mixture over {m} plausible linkages"
        rule = "mixture of posterior draws (Rubin 1987)"
    else:
        z = float(norm.ppf(1 - tail))
        within = float(np.mean((widths / (2 * z)) ** 2))
        between = float(np.var(estimates, ddof=1)) if m > 1 else 0.0
        total = within + (1 + 1 / m) * between
        share = (1 + 1 / m) * between / total if total > 0 else 0.0
        point = float(estimates.mean())
        if between > 0 and m > 1:
            r = (1 + 1 / m) * between / max(within, 1e-300)
            dof = (m - 1) * (1 + 1 / r) ** 2
            q = float(t.ppf(1 - tail, dof))
        else:
            q = z
        half = q * total**0.5
        lo, hi = point - half, point + half
        interval_type = f"Rubin's rules over {m} plausible linkages"
        rule = "Rubin's rules: T = W + (1 + 1/m) B (Rubin 1987)"
    floored = False
    if hi - lo < floor_width:
        below = (point - lo) / (hi - lo) if hi > lo else 0.5
        lo, hi = point - below * floor_width, point + (1 - below) * floor_width
        floored = True
    observed = (min(r.observed for r in sampled), max(r.observed for r in sampled))
    lo = max(lo, float(observed[0]))
    best_width = best.interval[1] - best.interval[0]
    ratio_median = (hi - lo) / floor_width if floor_width > 0 else float("nan")
    ratio_best = (hi - lo) / best_width if best_width > 0 else float("nan")
    spread: dict[str, Any] = {
        "samples": m,
        "rule": rule,
        "observed_range": list(observed),
        "estimate_range": [float(estimates.min()), float(estimates.max())],
        "median_single_width": floor_width,
        "best_linkage": {"estimate": best.estimate, "interval": list(best.interval)},
        "interval_width_ratio": ratio_median,
        "best_width_ratio": ratio_best,
        "widened_to_median_width": floored,
        "within_variance": within,
        "between_variance": between,
        "linkage_variance_share": share,
    }
    warnings = list(best.warnings)
    warnings.append(
        f"linkage uncertainty: over {m} plausible linkages the observed count ranges "
        f"{observed[0]:,}–{observed[1]:,} and the estimate "
        f"{estimates.min():,.0f}–{estimates.max():,.0f}; {share:.0%} of the pooled variance "
        f"comes from the linkage; the pooled interval is {ratio_median:.2f}× as wide as the "
        "median single-linkage interval"
        + (" (widened to that width: pooling never narrows it)" if floored else "")
    )
    return EstimateResult(
        best.method,
        best.observed,
        point,
        (float(lo), float(hi)),
        level,
        interval_type,
        best.model,
        {**best.settings, "linkages": m},
        best.seed,
        {**best.diagnostics, "linkage_uncertainty": spread},
        warnings,
        best.runtime_s + sum(r.runtime_s for r in sampled),
        draws,
        sensitivity=best.sensitivity,
        linkage_variance_share=share,
    )
