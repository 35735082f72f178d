"""Rules added for round 9 (corpus ``tests/data/articles/round9``) that the whole-sentence cases
of ``data/round9_rules.json`` (run by ``test_styles_rules.test_rule``) cannot show: qualifiers.
Each case uses wording of its own, not a corpus passage."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims
from shomar.claims.quantity import Quantity, find_quantities


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("the number was below 200", Quantity.at_most(200)),
        ('the true toll was "below 40"', Quantity.at_most(40)),
    ],
)
def test_below_is_at_most(text: str, quantity: Quantity) -> None:
    """ "below 200" bounds the figure from above, like "fewer than 200"."""
    assert [m.quantity for m in find_quantities(text)] == [quantity]


def test_a_denier_s_own_figure_below_n() -> None:
    """ "… dismissed reports of 400 dead, saying the true number was 'below 200'": at most 200,
    the minister's; 400 is the reports'."""
    got = extract_claims(
        "Interior Minister Ali Rezvani dismissed as lies reports by exiled groups that more "
        'than 400 people had been killed, saying the true number was "below 200".'
    )
    assert [(c.quantity, c.counted, c.claimant) for c in got] == [
        (Quantity.at_least(400), "killed", "exiled groups"),
        (Quantity.at_most(200), "killed", "Interior Minister Ali Rezvani"),
    ]
