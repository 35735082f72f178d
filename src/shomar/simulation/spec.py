"""The simulator's settings and its summary, as JSON-serialisable dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

LIST_NAMES = "ABCDEFGHIJKLMNOP"


@dataclass(frozen=True)
class Noise:
    """The failure classes of real Iranian lists, as rates (0 = off, the default style).

    Per list: ``family_first`` is the chance that a list writes every name family-first.
    Per record: ``family_first_row`` (a row written family-first, half of them "FAMILY, Given"),
    ``shorten`` (a compound name reduced to one part: Sepah-Mansur → Mansur, Aliakbar →
    Akbar), ``abbreviate`` ("M. Reza", "Gh. Ali", "S. Ali"), ``honorific`` (a honorific
    dropped or added, the suffixes آقا/خانم/سادات after a name), ``colloquial`` (ممد, فاطی,
    Mamad), ``romanisation`` (UN/BGN-PCGN or ALA-LC with diacritics, French, German spellings),
    ``spelling`` (letter swaps and drops, vowel shifts, Q/Gh/G, ou/u/oo, ey/ei/ay),
    ``two_digit_year`` (a partial Jalali date with a two-digit year: «مرداد ۶۷»), ``prison``
    (a prison as the place), ``missing`` (a name part, date, age or place left blank),
    ``duplicate`` (a record written twice in one list, with its own noise). Per victim:
    ``siblings`` (a sibling with the same family, father, date and place and another given
    name) and ``namesakes`` (another person with the same given and family name).
    """

    family_first: float = 0.0
    family_first_row: float = 0.0
    shorten: float = 0.0
    abbreviate: float = 0.0
    honorific: float = 0.0
    colloquial: float = 0.0
    romanisation: float = 0.0
    spelling: float = 0.0
    two_digit_year: float = 0.0
    prison: float = 0.0
    missing: float = 0.0
    duplicate: float = 0.0
    siblings: float = 0.0
    namesakes: float = 0.0

    @property
    def active(self) -> bool:
        return any(v > 0 for v in asdict(self).values())

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Noise:
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(
                f"unknown noise setting(s): {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(cls.__dataclass_fields__))}"
            )
        return cls(**{k: float(v) for k, v in data.items()})


#: named simulator styles for ``shomar simulate --style``
STYLE_PRESETS: dict[str, Noise] = {
    "default": Noise(),
    "messy": Noise(
        family_first=0.3,
        family_first_row=0.05,
        shorten=0.05,
        abbreviate=0.04,
        honorific=0.1,
        colloquial=0.03,
        romanisation=0.25,
        spelling=0.08,
        two_digit_year=0.3,
        prison=0.15,
        missing=0.08,
        duplicate=0.03,
        siblings=0.03,
        namesakes=0.02,
    ),
}


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
    #: how lists write names beyond the default style (all off by default; see :class:`Noise`)
    noise: Noise = field(default_factory=lambda: Noise())

    def list_names(self) -> list[str]:
        return [f"synthetic_list_{LIST_NAMES[i]}" for i in range(self.lists)]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["window_start"] = self.window_start.isoformat()
        data["window_end"] = self.window_end.isoformat()
        data["capture_rates"] = list(self.capture_rates)
        data["visibility_effects"] = dict(self.visibility_effects)
        data["noise"] = self.noise.to_dict()
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
    #: siblings and namesakes (distinct persons a linker must keep apart), messy style only
    relatives_file: Path | None = None

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
            "relatives_file": str(self.relatives_file) if self.relatives_file else None,
        }
