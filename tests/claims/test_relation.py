"""The claim-vs-evidence relation rule (shomar.claims.relation)."""

from __future__ import annotations

import pytest

from shomar.claims.quantity import Quantity
from shomar.claims.relation import LABELS, claim_interval, relate, relate_claim

EST = (800.0, 1200.0, 0.95)


@pytest.mark.parametrize(
    ("quantity", "documented", "interval", "label"),
    [
        (Quantity.exact(1000), 500, EST, "within the estimate's 95% interval"),
        (Quantity.approximately(1000), None, EST, "within the estimate's 95% interval"),
        (Quantity.exact(1500), 500, EST, "above the interval's upper end"),
        (Quantity.exact(600), 500, EST, "below the interval's lower end"),
        (Quantity.exact(300), 500, EST, "below the documented count"),
        (Quantity.exact(300), 500, None, "below the documented count"),
        (Quantity.exact(1000), 500, None, "no estimate yet"),
        (Quantity.exact(1000), None, None, "no estimate yet"),
        (Quantity.at_least(1500), None, EST, "above the interval's upper end"),
        (Quantity.at_least(900), None, EST, "overlaps the estimate's 95% interval"),
        (Quantity.at_most(700), None, EST, "below the interval's lower end"),
        (Quantity.at_most(1000), None, EST, "overlaps the estimate's 95% interval"),
        (Quantity.at_most(400), 500, EST, "below the documented count"),
        (Quantity.between(900, 1100), None, EST, "within the estimate's 95% interval"),
        (Quantity.between(1100, 1400), None, EST, "overlaps the estimate's 95% interval"),
        (Quantity.between(200, 999, "vague"), None, EST, "overlaps the estimate's 95% interval"),
        (Quantity(None, None, None, "exact"), 10, EST, "not comparable"),
    ],
)
def test_relation_labels(
    quantity: Quantity,
    documented: int | None,
    interval: tuple[float, float, float] | None,
    label: str,
) -> None:
    assert relate(quantity, documented, interval).label == label


def test_at_least_is_not_below_documented_count() -> None:
    assert relate(Quantity.at_least(10), 500, None).label == "no estimate yet"


def test_rule_text_carries_the_numbers() -> None:
    result = relate(Quantity.exact(1500), 304, EST)
    assert result.rule == "the claimed 1,500 exceeds the estimate's 95% interval 800–1,200"
    below = relate(Quantity.exact(300), 500, None)
    assert below.rule == "the claim's upper end 300 is below the 500 persons documented by name"


def test_level_comes_from_the_estimate() -> None:
    result = relate(Quantity.exact(1000), None, (800.0, 1200.0, 0.9))
    assert result.label == "within the estimate's 90% interval"
    assert relate(Quantity.exact(1000), None, (800.0, 1200.0, 80)).label.endswith("80% interval")


def test_keyword_api_used_by_the_comparison_service() -> None:
    result = relate_claim(
        value=None, lower=200, upper=300, qualifier="range", documented=250, interval=None
    )
    assert result.label == "no estimate yet"


def test_labels_are_listed() -> None:
    for quantity in (Quantity.exact(5), Quantity.at_least(5000)):
        label = relate(quantity, 10, EST).label
        assert label in {lab.format(level="95%") for lab in LABELS}


def test_claim_interval() -> None:
    assert claim_interval(5, 5, None, "at_least") == (5, float("inf"))
    assert claim_interval(5, None, 5, "at_most") == (0.0, 5)
    assert claim_interval(None, None, None, "range") is None
