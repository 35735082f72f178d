"""The warning when methods disagree by more than a factor of two (issue 5, item 7)."""

from __future__ import annotations

from shomar.estimation.compare import add_disagreement_warning, disagreement_warning, summary_rows
from shomar.estimation.result import EstimateResult


def result(method: str, estimate: float) -> EstimateResult:
    return EstimateResult(
        method=method,
        observed=100,
        estimate=estimate,
        interval=(estimate * 0.8, estimate * 1.2),
        level=0.95,
        interval_type="test",
        model=None,
        settings={},
        seed=None,
    )


def test_no_warning_within_a_factor_of_two() -> None:
    assert disagreement_warning([result("a", 1000), result("b", 2000)]) is None
    assert disagreement_warning([result("a", 1000)]) is None


def test_warning_names_lowest_and_highest() -> None:
    results = [result("loglinear", 6496), result("lcmcr", 4011), result("dga", 2260)]
    warning = add_disagreement_warning(results)
    assert warning == (
        "Methods disagree by a factor of 2.9 (more than 2): dga estimates 2,260 and loglinear "
        "6,496. The answer depends on the model; report the range and the assumptions, not one "
        "number."
    )
    assert all(warning in r.warnings for r in results)
    add_disagreement_warning(results)
    assert all(r.warnings.count(warning) == 1 for r in results)


def test_summary_rows() -> None:
    rows = summary_rows([result("dga", 100.0)])
    assert rows == [
        {
            "method": "dga",
            "estimate": 100.0,
            "lower": 80.0,
            "upper": 120.0,
            "level": 0.95,
            "interval_type": "test",
            "model": "",
        }
    ]
