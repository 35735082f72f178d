"""Which lists record which victims: heterogeneous and dependent capture."""

from __future__ import annotations

import numpy as np

from shomar.simulation.population import Victim
from shomar.simulation.spec import SimulationSpec


def _logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def capture_histories(
    spec: SimulationSpec, victims: list[Victim], rng: np.random.Generator
) -> np.ndarray:
    """A ``(N, K)`` 0/1 matrix: victim ``i`` is on list ``k``.

    List ``k`` records a victim with probability ``sigmoid(logit(rate_k) + visibility_i)``
    (heterogeneity shared by all lists), and list 2 is more likely to record those on list 1
    (``spec.dependence`` on the logit scale).
    """
    visibility = np.array([v.visibility for v in victims])
    captured = np.zeros((len(victims), spec.lists), dtype=np.int8)
    for k in range(spec.lists):
        rate = spec.capture_rates[k % len(spec.capture_rates)]
        eta = _logit(rate) + visibility
        if k == 1 and spec.lists > 1:
            eta = eta + spec.dependence * captured[:, 0]
        captured[:, k] = rng.random(len(victims)) < 1.0 / (1.0 + np.exp(-eta))
    return captured
