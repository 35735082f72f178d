"""The simulator's settings and its summary, as JSON-serialisable dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

LIST_NAMES = "ABCDEFGHIJKLMNOP"


@dataclass(frozen=True)
class SimulationSpec:
    """What to simulate. ``size`` is the true number of victims ``N``."""

    seed: int = 1
    size: int = 1000
    lists: int = 4
    event: str = "Synthetic event (fictional)"
    window_start: dt.date = dt.date(2011, 3, 21)  # 1 Farvardin 1390
    window_end: dt.date = dt.date(2011, 12, 21)  # 30 Azar 1390
    #: per-list mean capture probability, cycled over the lists
    capture_rates: tuple[float, ...] = (0.45, 0.35, 0.3, 0.25, 0.2)
    #: standard deviation of the individual visibility on the logit scale (heterogeneity)
    heterogeneity: float = 1.0
    #: logit boost of list 2 for individuals on list 1 (positive dependence between lists)
    dependence: float = 1.0
    #: tie visibility to a covariate: ``"sex"`` (values ``m``/``f``) or ``"province"``
    #: (ISO 3166-2 codes such as ``IR-23``); ``None`` = visibility ignores covariates
    visibility_by: str | None = None
    #: logit shift of the visibility per value of ``visibility_by`` (values not listed: 0)
    visibility_effects: tuple[tuple[str, float], ...] = ()

    def list_names(self) -> list[str]:
        return [f"synthetic_list_{LIST_NAMES[i]}" for i in range(self.lists)]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["window_start"] = self.window_start.isoformat()
        data["window_end"] = self.window_end.isoformat()
        data["capture_rates"] = list(self.capture_rates)
        data["visibility_effects"] = dict(self.visibility_effects)
        return data


@dataclass
class SimulationResult:
    """What was written, and the truth an evaluation needs."""

    spec: SimulationSpec
    out_dir: Path
    list_files: list[Path]
    truth_file: Path
    population_file: Path
    true_n: int
    observed_persons: int
    records: int
    records_per_list: dict[str, int] = field(default_factory=dict)
    #: every simulated person, captured or not, with violation, event and covariates
    persons_file: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "synthetic": True,
            "spec": self.spec.to_dict(),
            "out_dir": str(self.out_dir),
            "list_files": [str(p) for p in self.list_files],
            "truth_file": str(self.truth_file),
            "population_file": str(self.population_file),
            "true_n": self.true_n,
            "observed_persons": self.observed_persons,
            "records": self.records,
            "records_per_list": self.records_per_list,
            "persons_file": str(self.persons_file) if self.persons_file else None,
        }
