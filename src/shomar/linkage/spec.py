"""The linkage spec and the trained model as typed, JSON-serialisable dataclasses.

Separate from the code that runs them (and free of splink imports), so runs can be saved,
compared, re-run and audited, and the store and the web can read them without the engine.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from shomar.errors import LinkageError
from shomar.linkage.blocking import DEFAULT_RULES, DETERMINISTIC_RULES, EM_RULES

SPEC_VERSION = 1


@dataclass(frozen=True)
class ExtraColumn:
    """A column compared as is (``exact``), allowing one or two edits (``fuzzy``, for codes),
    or by Jaro-Winkler similarity (``text``, for free text such as a street)."""

    name: str
    kind: Literal["exact", "fuzzy", "text"] = "exact"
    term_frequency: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "term_frequency": self.term_frequency}


def _rules(rules: Sequence[Sequence[str]]) -> list[list[str]]:
    return [list(r) for r in rules]


@dataclass
class LinkageSpec:
    """Everything one linkage run needs; saved as JSON with the run."""

    blocking: list[list[str]] = field(default_factory=lambda: _rules(DEFAULT_RULES))
    deterministic: list[list[str]] = field(default_factory=lambda: _rules(DETERMINISTIC_RULES))
    em_blocking: list[list[str]] = field(default_factory=lambda: _rules(EM_RULES))
    #: assumed recall of the deterministic rules (for the prior match probability)
    recall: float = 0.7
    #: identifier columns compared besides the canonical ones (a national id, a postcode)
    extra_columns: list[ExtraColumn] = field(default_factory=list)
    #: compare birth dates to the day (lists with full birth dates) instead of birth years
    birth_days: bool = False
    #: also link records within one list (duplicates inside a source)
    within_sources: bool = True
    #: random pairs sampled to estimate u; in one pass (splink's early stop waits for every
    #: level to be seen 100 times, which rare cross-script levels never are)
    u_max_pairs: float = 1e6
    #: cap on pairs per EM session, sampled by splink (None: all blocked pairs)
    em_max_pairs: float | None = 5e6
    seed: int = 42
    #: pairs scoring below this are not kept
    predict_threshold: float = 0.01
    #: pairs at or above this link records into one person
    cluster_threshold: float = 0.5
    #: the uncertain band sent to human review
    review_low: float = 0.1
    review_high: float = 0.9
    #: keep per-comparison Bayes factors with each pair (for review evidence)
    keep_evidence: bool = False
    version: int = SPEC_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["extra_columns"] = [e.to_dict() for e in self.extra_columns]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkageSpec:
        data = dict(data)
        data["extra_columns"] = [ExtraColumn(**e) for e in data.get("extra_columns", [])]
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise LinkageError(
                f"Unknown linkage spec fields: {', '.join(sorted(unknown))}.",
                hint=f"Known fields: {', '.join(sorted(known))}.",
            )
        return cls(**data)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> LinkageSpec:
        return cls.from_dict(json.loads(text))

    @property
    def extra_names(self) -> list[str]:
        return [e.name for e in self.extra_columns]


@dataclass
class TrainedModel:
    """A spec with the splink model (m/u probabilities, prior) trained under it."""

    spec: LinkageSpec
    splink_settings: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"spec": self.spec.to_dict(), "splink_settings": self.splink_settings}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainedModel:
        return cls(LinkageSpec.from_dict(data["spec"]), data["splink_settings"])

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> TrainedModel:
        return cls.from_dict(json.loads(text))

    def level_weights(self) -> dict[str, dict[int, tuple[str, float]]]:
        """Per comparison, per level index (splink's gamma): label and match weight log2(m/u)."""
        out: dict[str, dict[int, tuple[str, float]]] = {}
        for comparison in self.splink_settings.get("comparisons", []):
            name = comparison.get("output_column_name", "")
            levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
            table: dict[int, tuple[str, float]] = {-1: ("missing", 0.0)}
            for i, level in enumerate(reversed(levels)):
                m, u = level.get("m_probability"), level.get("u_probability")
                weight = math.log2(m / u) if m and u else 0.0
                table[i] = (level.get("label_for_charts", ""), weight)
            out[name] = table
        return out
