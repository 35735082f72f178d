"""Numbers and qualifiers in English and Persian (shomar.claims.quantity)."""

from __future__ import annotations

import pytest

from shomar.claims.quantity import Quantity, find_quantities, fold_text, parse_number


def only(text: str) -> Quantity:
    matches = find_quantities(text)
    assert len(matches) == 1, matches
    return matches[0].quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1500", 1500),
        ("1,500", 1500),
        ("1.500", 1500),
        ("30 000", 30000),
        ("۱۵۰۰", 1500),
        ("١٥٠٠", 1500),
        ("۱٬۵۰۰", 1500),
        ("1.5 million", 1_500_000),
        ("30 thousand", 30000),
        ("۳۰ هزار", 30000),
        ("fifteen hundred", 1500),
        ("thirty thousand", 30000),
        ("ninety-six", 96),
        ("a hundred", 100),
        ("هزار و پانصد", 1500),
        ("سی هزار", 30000),
        ("نود و شش", 96),
        ("سیصد", 300),
        ("۱/۵ میلیون", 1_500_000),
    ],
)
def test_written_numbers(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 304 people", Quantity.at_least(304)),
        ("more than 1,500 people", Quantity.at_least(1500)),
        ("over 200 of its members", Quantity.at_least(200)),
        ("1,500 or more people", Quantity.at_least(1500)),
        ("up to 100 people", Quantity.at_most(100)),
        ("as many as 14,000 people", Quantity.at_most(14000)),
        ("no more than 200 people", Quantity.at_most(200)),
        ("nearly 1,500 people", Quantity.approximately(1500)),
        ("about 230 people", Quantity.approximately(230)),
        ("some 30,000 prisoners", Quantity.approximately(30000)),
        ("between 200 and 300 people", Quantity.between(200, 300)),
        ("200-300 people", Quantity.between(200, 300)),
        ("200 to 300 people", Quantity.between(200, 300)),
        ("دست‌کم ۳۰۴ نفر", Quantity.at_least(304)),
        ("حداقل ۳۰۴ نفر", Quantity.at_least(304)),
        ("بیش از ۱۵۰۰ نفر", Quantity.at_least(1500)),
        ("بالغ بر ۱۵۰۰ نفر", Quantity.at_least(1500)),
        ("حدود ۱۵۰۰ نفر", Quantity.approximately(1500)),
        ("تا ۱۰۰ نفر", Quantity.at_most(100)),
        ("بین ۲۸۰۰ تا ۳۸۰۰ نفر", Quantity.between(2800, 3800)),
        ("۲۸۰۰ تا ۳۸۰۰ نفر", Quantity.between(2800, 3800)),
        ("between 2 and 3 million people", Quantity.between(2_000_000, 3_000_000)),
        ("1,500-2,000 people", Quantity.between(1500, 2000)),
    ],
)
def test_qualifiers_and_ranges(text: str, expected: Quantity) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("dozens of people", 20, 99),
        ("hundreds of people", 200, 999),
        ("a few hundred people", 200, 999),
        ("thousands of people", 2000, 9999),
        ("tens of thousands of people", 20000, 99999),
        ("hundreds of thousands of people", 200000, 999999),
        ("ده‌ها نفر", 20, 99),
        ("صدها نفر", 200, 999),
        ("هزاران نفر", 2000, 9999),
    ],
)
def test_vague_quantities_have_documented_bounds(text: str, lower: int, upper: int) -> None:
    assert only(text) == Quantity(None, lower, upper, "vague")


def test_offsets_cover_qualifier_and_number() -> None:
    text = "They said at least 1,500 people died."
    (match,) = find_quantities(text)
    assert text[match.start : match.end] == "at least 1,500"
    assert text[match.number_start : match.number_end] == "1,500"


def test_fractions_are_not_head_counts() -> None:
    assert find_quantities("62.6 percent") == []


def test_fold_keeps_length() -> None:
    text = "دست‌کم ۱٬۵۰۰ نفر، يك"
    assert len(fold_text(text)) == len(text)
    assert fold_text(text).endswith("یک")


def test_to_dict_keys() -> None:
    assert Quantity.at_least(5).to_dict() == {
        "value": 5,
        "lower": 5,
        "upper": None,
        "qualifier": "at_least",
    }


def test_numeric_dates_are_not_numbers() -> None:
    assert find_quantities("۱۳۹۸/۰۹/۲۵") == []
