"""Rules added for round 7 (corpus ``tests/data/articles/round7``) that the whole-sentence cases
of ``data/round7_rules.json`` (run by ``test_styles_rules.test_rule``) cannot show: qualifiers.
Each case uses wording of its own, not a corpus passage."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims
from shomar.claims.quantity import Quantity, find_quantities


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("دست‌کم به ۵۰۰ نفر رسیده", Quantity.at_least(500)),
        ("حداقل به ۳۰ نفر رسید", Quantity.at_least(30)),
    ],
)
def test_qualifier_before_be_is_at_least(text: str, quantity: Quantity) -> None:
    """«دست‌کم به ۳۰۴ نفر رسیده است»: the qualifier stands before «به», not before the number."""
    assert [m.quantity for m in find_quantities(text)] == [quantity]


def test_headline_and_lead_keep_the_lead_s_qualifier() -> None:
    """A headline «… به ۳۰۴ نفر رسید» over a lead «… دست‌کم به ۳۰۴ نفر رسیده است» is one claim,
    at least 304."""
    text = (
        "شمار بازداشت‌شدگان به ۹۰ نفر رسید\n\n"
        "هرانا روز یکشنبه اعلام کرد که شمار بازداشت‌شدگان دست‌کم به ۹۰ نفر رسیده است."
    )
    got = extract_claims(text)
    assert [(c.quantity, c.counted, c.claimant) for c in got] == [
        (Quantity.at_least(90), "arrested", "هرانا")
    ]
