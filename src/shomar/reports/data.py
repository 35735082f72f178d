"""The report's input contract: plain, typed dataclasses with no database or I/O.

The services layer fills a :class:`ReportData` from the store; :mod:`shomar.reports.figures`
and :mod:`shomar.reports.html` only read it. Three kinds of numbers travel separately and are
never merged into one another:

* **documented** counts (:class:`DocumentedCount`): unique persons found by linkage;
* **claimed** counts (:class:`Claim`): what a claimant said, with who, when and the quote;
* **estimated** counts (:class:`Estimate`): a statistical method's estimate with its interval.

Names of sources, events, provinces and claimants may be in Persian or Latin script; where a
Persian name is given, an optional ``*_latin`` field gives the label that figures use
(figures are drawn without Persian shaping; Persian text is rendered by the HTML).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Date precisions, finest first (as stored by the partial-date parser).
PRECISIONS: tuple[str, ...] = ("day", "month", "season", "year")


@dataclass(frozen=True)
class DocumentInfo:
    """One received file: its original name, SHA-256 and size of the raw bytes, rows read."""

    file_name: str
    sha256: str
    size_bytes: int
    rows: int | None = None
    media_type: str | None = None
    retrieved_at: datetime | None = None


@dataclass(frozen=True)
class SourceInfo:
    """A reporting organization or publication and what it delivered."""

    name: str
    kind: str
    records: int
    documents: Sequence[DocumentInfo] = ()
    name_latin: str | None = None


@dataclass(frozen=True)
class PersonMembership:
    """The sources (list names, as in :attr:`SourceInfo.name`) that name one person."""

    person_id: str
    sources: frozenset[str]


@dataclass(frozen=True)
class DateInterval:
    """A record's violation date as a Gregorian interval (inclusive) with its precision.

    ``precision`` is one of :data:`PRECISIONS`; ``weight`` is how many records share this
    interval (1 for one record), so callers may pre-aggregate identical intervals.
    """

    start: date
    end: date
    precision: str
    weight: float = 1.0


@dataclass(frozen=True)
class ProvinceCount:
    """Records placed in one province (``province`` as resolved; may be Persian)."""

    province: str
    records: int
    province_latin: str | None = None


@dataclass(frozen=True)
class LinkageSummary:
    """The latest linkage run: records in, persons out, review queue and human decisions.

    ``decisions`` maps a verdict (``same``, ``different``, ``unsure``) to its count.
    """

    records: int
    persons: int
    pairs_under_review: int
    decisions: dict[str, int] = field(default_factory=dict)
    run_at: datetime | None = None
    model: str | None = None


@dataclass(frozen=True)
class Estimate:
    """One estimation method's estimate of the total, as stored with its run.

    ``interval`` is ``(lower, upper)`` or ``None`` when the method gave none; ``draws`` are
    posterior draws of N for Bayesian methods, if the caller passes them (any shape, such as
    ``(chain, draw)``; they are flattened).
    """

    method: str
    estimate: float
    interval: tuple[float, float] | None
    level: float = 0.95
    interval_type: str = ""
    observed: int | None = None
    warnings: Sequence[str] = ()
    draws: Sequence[float] | npt.NDArray[np.float64] | None = None
    run_id: str | None = None
    run_at: datetime | None = None
    seed: int | None = None
    stratum: str | None = None
    #: why this run no longer reflects the workspace (``None``: current)
    stale_reason: str | None = None
    #: sensitivity to the identifying assumption, as in ``shomar estimate --json``
    sensitivity: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Quantity:
    """A claimed number: ``qualifier`` is ``exact``, ``at_least``, ``at_most`` or ``range``.

    ``value`` is the stated number (for ``range``, may be ``None``); ``lower``/``upper`` bound it.
    """

    value: float | None
    lower: float | None = None
    upper: float | None = None
    qualifier: str = "exact"

    @property
    def low(self) -> float | None:
        """The smallest number the claim admits (``None`` if unbounded below)."""
        if self.qualifier == "at_most":
            return self.lower
        return self.lower if self.lower is not None else self.value

    @property
    def high(self) -> float | None:
        """The largest number the claim admits (``None`` if unbounded above)."""
        if self.qualifier == "at_least":
            return self.upper
        return self.upper if self.upper is not None else self.value


@dataclass(frozen=True)
class Claim:
    """Who claimed what number, when; and its computed, neutral relation to the evidence."""

    claimant: str
    quantity: Quantity
    date_stated: date | None = None
    relation: str = ""
    rule: str = ""
    quote: str | None = None
    document: str | None = None
    cites: Sequence[str] = ()
    claimant_latin: str | None = None


@dataclass(frozen=True)
class DocumentedCount:
    """Unique persons documented, and how many of them more than one source confirms."""

    unique_persons: int
    multi_source_persons: int


@dataclass(frozen=True)
class CategoryComparison:
    """One event and counted category (``killed``, ``executed`` ...): the three kinds, apart."""

    counted: str
    claims: Sequence[Claim] = ()
    documented: DocumentedCount | None = None
    estimates: Sequence[Estimate] = ()
    #: warnings about the category as a whole (records without a violation type, stale runs)
    notes: Sequence[str] = ()
    #: simulated data only: the true total and true observed count from the ground truth
    truth: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class EventReport:
    """A named episode and its comparisons per counted category."""

    name: str
    categories: Sequence[CategoryComparison] = ()
    name_latin: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows. Empty sequences and ``None`` mean "not available yet"."""

    workspace: str
    generated_at: datetime
    sources: Sequence[SourceInfo] = ()
    memberships: Sequence[PersonMembership] = ()
    violation_dates: Sequence[DateInterval] = ()
    undated_records: int = 0
    provinces: Sequence[ProvinceCount] = ()
    unplaced_records: int = 0
    linkage: LinkageSummary | None = None
    events: Sequence[EventReport] = ()
    synthetic: bool = False
    title: str = "Shomar report"
    software_version: str | None = None

    @property
    def total_records(self) -> int:
        """Records over all sources."""
        return sum(s.records for s in self.sources)


def overlap_patterns(memberships: Sequence[PersonMembership]) -> Counter[frozenset[str]]:
    """Count persons per exact combination of sources (the UpSet intersections)."""
    return Counter(m.sources for m in memberships if m.sources)


def precision_counts(intervals: Sequence[DateInterval]) -> dict[str, float]:
    """Records per date precision, in :data:`PRECISIONS` order, plus any other precision seen."""
    counts: dict[str, float] = {p: 0.0 for p in PRECISIONS}
    for interval in intervals:
        counts[interval.precision] = counts.get(interval.precision, 0.0) + interval.weight
    return counts
