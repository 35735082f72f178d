"""Issue 15: sensitivity to the identifying assumption, two-class profile interval, pooling over
linkages and stratified tables (engine level)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from shomar.errors import CaptureTableError, EstimationError
from shomar.estimation.capture import CaptureTable, read_capture_table
from shomar.estimation.loglinear import estimate_loglinear
from shomar.estimation.pooling import pool_linkages
from shomar.estimation.result import EstimateResult
from shomar.estimation.strata import combine_strata, read_stratified_table, unestimable_reason
from shomar.estimation.twoclass import estimate_twoclass

DATA = Path(__file__).parents[1] / "data" / "mse"


def _table(seen: np.ndarray, names: tuple[str, ...] = ("A", "B", "C", "D")) -> CaptureTable:
    counts: dict[tuple[int, ...], int] = {}
    for row in seen[seen.any(axis=1)]:
        key = tuple(int(v) for v in row)
        counts[key] = counts.get(key, 0) + 1
    return CaptureTable.from_counts(names, counts)


def test_two_lists_sensitivity_is_lincoln_petersen_times_the_odds_ratio() -> None:
    table = CaptureTable.from_counts(("A", "B"), {(1, 0): 60, (0, 1): 40, (1, 1): 20})
    result = estimate_loglinear(table)
    dark = 60 * 40 / 20  # Lincoln-Petersen unobserved count
    curve = {p["exp_xi"]: p["estimate"] for p in result.sensitivity["curve"]}  # type: ignore[index]
    assert curve[1.0] == pytest.approx(120 + dark)
    assert curve[2.0] == pytest.approx(120 + 2 * dark)
    assert curve[0.5] == pytest.approx(120 + dark / 2)
    assert result.to_dict()["sensitivity"]["range"] == [0.5, 2.0]


def test_sensitivity_range_and_union_contain_the_estimate_and_interval() -> None:
    result = estimate_loglinear(read_capture_table(DATA / "kosovo.csv"))
    sens = result.sensitivity
    assert sens is not None
    low, high = sens["estimate_range"]
    assert low < result.estimate < high
    u_low, u_high = sens["union_interval"]
    assert u_low <= result.interval[0] and u_high >= result.interval[1]
    assert sens["saturated"]["model"] == "[123,124,134,234]"
    assert "4-list interaction among the unseen" in sens["text"]


def test_two_class_interval_covers_an_identified_population() -> None:
    rng = np.random.default_rng(11)
    hard = rng.random((20_000, 1)) < 0.3
    probs = np.where(hard, [0.15, 0.2, 0.15, 0.25], [0.45, 0.4, 0.5, 0.35])
    table = _table(rng.random((20_000, 4)) < probs)
    result = estimate_twoclass(table, seed=1)
    low, high = result.interval
    assert low < 20_000 < high
    assert not result.diagnostics["unbounded"]
    assert result.estimate == pytest.approx(20_000, rel=0.1)


def test_two_class_says_when_a_large_hidden_group_cannot_be_ruled_out() -> None:
    # 1,800 hard-to-reach persons almost never listed: the observed cells cannot bound N
    rng = np.random.default_rng(3)
    hard = rng.random((2_000, 1)) < 0.9
    probs = np.where(hard, [0.03, 0.05, 0.04, 0.06], [0.8, 0.7, 0.9, 0.75])
    result = estimate_twoclass(_table(rng.random((2_000, 4)) < probs), seed=2)
    if result.diagnostics["unbounded"]:
        assert result.interval[1] == float("inf")
        assert result.to_dict()["interval"][1] is None
        assert any("cannot rule out a large hidden group" in w for w in result.warnings)
    else:
        assert result.interval[1] > result.estimate


def test_two_class_needs_four_lists() -> None:
    with pytest.raises(EstimationError, match="at least 4 lists"):
        estimate_twoclass(read_capture_table(DATA / "korea_palembang_3lists.csv"))


def _result(estimate: float, interval: tuple[float, float], draws: bool) -> EstimateResult:
    rng = np.random.default_rng(int(estimate))
    sample = rng.normal(estimate, (interval[1] - interval[0]) / 3.92, size=(2, 500))
    return EstimateResult(
        "lcmcr" if draws else "loglinear", 100, estimate, interval, 0.95, "x", None, {}, 1,
        draws=sample if draws else None,
    )  # fmt: skip


@pytest.mark.parametrize("draws", [True, False])
def test_pooled_interval_is_never_narrower_than_the_median_single_one(draws: bool) -> None:
    # identical linkages: pooling must not shrink the interval (the 0.87x of issue 15)
    same = [_result(200.0, (150.0, 260.0), draws) for _ in range(5)]
    pooled = pool_linkages(same[0], same)
    assert pooled.interval[1] - pooled.interval[0] >= 110.0 - 1e-9
    # spread-out linkages: wider, and the between-linkage share says why
    spread = [_result(e, (e - 30, e + 30), draws) for e in (150.0, 200.0, 250.0)]
    pooled = pool_linkages(spread[1], spread)
    assert pooled.interval[1] - pooled.interval[0] > 60.0
    assert pooled.linkage_variance_share is not None and pooled.linkage_variance_share > 0.5
    assert pooled.to_dict()["linkage_variance_share"] == pytest.approx(
        pooled.linkage_variance_share
    )


def test_stratified_table_reads_the_shared_format_and_combines() -> None:
    strat = read_stratified_table(DATA / "spina_bifida_3lists_by_ethnicity.csv", ["eth"])
    assert strat.lists == ("S1", "S2", "S3")
    assert set(strat.strata) == {"eth=afro-american", "eth=caucasian", "eth=other"}
    assert strat.observed == 621
    assert unestimable_reason(strat.strata["eth=other"]) is not None
    per = {
        s: estimate_loglinear(t) for s, t in strat.strata.items() if unestimable_reason(t) is None
    }
    combined = combine_strata("loglinear", per)
    assert combined.observed == sum(t.observed for t in per.values())
    assert combined.estimate == pytest.approx(sum(r.estimate for r in per.values()))
    assert combined.settings["records_covered"] == combined.observed


def test_stratified_columns_not_named_are_summed_over() -> None:
    path = DATA / "scotland_pwid_4lists_by_region_gender_age.csv"
    strat = read_stratified_table(path, ["Gender"])
    assert strat.lists == ("S1", "S2", "S3", "S4")
    assert len(strat.strata) == 2 and strat.observed == 5670
    with pytest.raises(CaptureTableError, match="no column 'sex'"):
        read_stratified_table(path, ["sex"])
