"""Rules added for round 6 (corpus ``tests/data/articles/round6``): number words, singular
counts, reporting verbs, Persian sources, figures placed in other countries. Each case uses
wording of its own, not a corpus passage; the whole-sentence cases are in
``data/round6_rules.json`` and run by ``test_styles_rules.test_rule``."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims
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
        ("has passed 500", Quantity.at_least(500)),
        ("از مرز ۵۰۰ نفر گذشت", Quantity.at_least(500)),
        ("چند ده", Quantity.between(20, 99, "vague")),
        ("a few dozen", Quantity.between(20, 99, "vague")),
    ],
)
def test_dozen_multiplies_and_odd_is_at_least(text: str, quantity: Quantity) -> None:
    assert [m.quantity for m in find_quantities(text)] == [quantity]


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Iranian forces killed 12.", "iran"),
        ("Hengaw said 12 were killed in Zahedan.", "iran"),
        ("Afghan authorities said 30 were killed; Iranian guards fired too.", "iran"),
        ("Afghan officials said 30 were killed in Herat.", "afghanistan"),
        ("در عراق ۲۰ نفر کشته شدند و ایران …", "iran"),
        ("در عراق ۲۰ نفر کشته شدند.", "iraq"),
        ("Hengaw said 12 were killed in Zahedan. In neighbouring Iraq, 40 died.", "iran"),
    ],
)
def test_home_country_is_iran_when_named_else_the_first_named(text: str, home: str) -> None:
    assert home_country(text) == home


def test_a_month_before_a_qualified_number_is_no_date() -> None:
    """ "since March has passed 900": the qualifier, not the month, stands before the number."""
    got = extract_claims("The number of people arrested since March has passed 900, HRANA said.")
    assert [(c.quantity, c.counted, c.claimant) for c in got] == [
        (Quantity.at_least(900), "arrested", "HRANA")
    ]
