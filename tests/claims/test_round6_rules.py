"""Rules added for round 6 (corpus ``tests/data/articles/round6``): number words, singular
counts, reporting verbs, Persian sources, figures placed in other countries. Each case uses
wording of its own, not a corpus passage; the whole-sentence cases are in
``data/round6_rules.json`` and run by ``test_styles_rules.test_rule``."""

from __future__ import annotations

import pytest

from shomar.claims.quantity import Quantity, find_quantities
from shomar.claims.scope import home_country


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("nearly two dozen", Quantity.approximately(24)),
        ("three dozen", Quantity.exact(36)),
        ("a dozen", Quantity.exact(12)),
        ("300-odd", Quantity.at_least(300)),
        ("۳۰۰ و اندی", Quantity.at_least(300)),
    ],
)
def test_dozen_multiplies_and_odd_is_at_least(text: str, quantity: Quantity) -> None:
    assert [m.quantity for m in find_quantities(text)] == [quantity]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Iranian forces killed 12.", "iran"),
        ("Hengaw said 12 were killed in Zahedan.", "iran"),
        ("Afghan authorities said 30 were killed; Iranian guards fired too.", "afghanistan"),
        ("در عراق ۲۰ نفر کشته شدند و ایران …", "iraq"),
    ],
)
def test_home_country_is_the_first_named(text: str, home: str) -> None:
    assert home_country(text) == home
