"""The result of one estimation method on one capture table, as users and JSON see it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

#: Stated in every result: what the estimate assumes to identify the unobserved cell.
IDENTIFYING_ASSUMPTIONS = {
    "loglinear": (
        "Assumes the highest-order interaction among all lists is zero (the selected log-linear "
        "model holds for the unobserved cell too) and a closed population."
    ),
    "lcmcr": (
        "Assumes lists are independent within latent classes of individuals (heterogeneity is "
        "captured by the classes) and a closed population."
    ),
    "dga": (
        "Assumes the list dependence follows a decomposable graphical model (averaged over "
        "models) with no highest-order interaction, and a closed population."
    ),
    "classic": (
        "Assumes a closed population and the capture model's restrictions (M0: equal "
        "probabilities; Mt: independent lists; Mth-Chao: a lower bound under heterogeneity)."
    ),
}


@dataclass
class EstimateResult:
    """One method's estimate of the population size ``N`` (observed + unobserved).

    ``draws`` holds posterior draws of ``N`` with axes ``(chain, draw)`` for Bayesian methods
    (kept out of JSON); ``diagnostics`` holds method-specific checks such as R-hat and ESS.
    """

    method: str
    observed: int
    estimate: float
    interval: tuple[float, float]
    level: float
    interval_type: str
    model: list[str] | None
    settings: dict[str, Any]
    seed: int | None
    diagnostics: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    runtime_s: float = 0.0
    draws: npt.NDArray[np.float64] | None = field(default=None, repr=False)
    #: how the answer moves with the identifying assumption (see
    #: :mod:`shomar.estimation.sensitivity`); ``None`` when not computed
    sensitivity: dict[str, Any] | None = None
    #: with ``--linkages``: the between-linkage share of the pooled variance
    linkage_variance_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form promised by ``shomar estimate --json`` (DESIGN §7)."""
        return {
            "method": self.method,
            "observed": self.observed,
            "estimate": _finite(self.estimate),
            "interval": [_finite(self.interval[0]), _finite(self.interval[1])],
            "level": self.level,
            "interval_type": self.interval_type,
            "model": self.model,
            "settings": self.settings,
            "seed": self.seed,
            "diagnostics": _plain(self.diagnostics),
            "warnings": list(self.warnings),
            "runtime_s": round(float(self.runtime_s), 4),
            "sensitivity": _plain(self.sensitivity),
            "linkage_variance_share": (
                None
                if self.linkage_variance_share is None
                else _finite(self.linkage_variance_share)
            ),
        }


def _finite(value: float) -> float | None:
    """JSON has no infinity: an unbounded end (or an undefined value) is ``null``."""
    number = float(value)
    return number if np.isfinite(number) else None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float | np.floating):
        return _finite(float(value))
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value
