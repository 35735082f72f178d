"""Rules added for the live-blog, UN-report, court, revision, medical and quote styles
(corpus ``tests/data/articles/styles``). Each test uses wording of its own, not a corpus passage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shomar.claims import ClaimCandidate, extract_claims


def rows(text: str) -> list[tuple[int | None, str, str | None, str | None]]:
    """(value, counted, claimant, cites) of every proposal, in order."""
    return [(c.quantity.value, c.counted, c.claimant, c.cites) for c in extract_claims(text)]


def by_value(text: str) -> dict[int | None, list[ClaimCandidate]]:
    out: dict[int | None, list[ClaimCandidate]] = {}
    for c in extract_claims(text):
        out.setdefault(c.quantity.value, []).append(c)
    return out


Row = tuple[int | None, str, str | None, str | None]

#: one case per rule: the text, whether ``rows`` are all the proposals (``exact``) or some of
#: them, and why
#: (``round6_rules.json``: the rules of round 6, see ``test_round6_rules.py``;
#: ``round7_rules.json``: the rules of round 7, from ``tests/data/articles/round7/dev`` misses;
#: ``round8_rules.json``: the rules of round 8, from ``tests/data/articles/round8/dev`` misses;
#: ``round9_rules.json``: the rules of round 9, from ``tests/data/articles/round9/dev`` misses)
CASES = [
    case
    for name in (
        "styles_rules.json",
        "round6_rules.json",
        "round7_rules.json",
        "round8_rules.json",
        "round9_rules.json",
    )
    for case in json.loads((Path(__file__).parent / "data" / name).read_text("utf-8"))
]


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:60] for c in CASES])
def test_rule(case: dict[str, Any]) -> None:
    got = rows(case["text"])
    expected = [tuple(r) for r in case["rows"]]
    if case["exact"]:
        assert got == expected
    else:
        assert [r for r in expected if r not in got] == []


@pytest.mark.parametrize(
    ("text", "rejected", "source", "stated", "speaker"),
    [
        (
            "Officials said 20 people died, rejecting what they called false figures of 90 dead "
            "circulated by opposition media.",
            90, "opposition media", 20, "Officials",
        ),
        (
            "وزارت اطلاعات رقم ۳۰۰ کشته را که توسط گروه‌های مخالف منتشر شد رد کرد و گفت تنها "
            "۲۰ نفر جان باختند.",
            300, "گروه‌های مخالف", 20, "وزارت اطلاعات",
        ),
    ],
)  # fmt: skip
def test_rejected_figure_is_the_source_s_not_the_denier_s(
    text: str, rejected: int, source: str, stated: int, speaker: str
) -> None:
    got = by_value(text)
    assert [(c.claimant, c.cites) for c in got[rejected]] == [(source, None)]
    assert [c.claimant for c in got[stated]] == [speaker]


def test_partitive_convicted_keeps_the_group_category() -> None:
    got = by_value(
        "IHR said 40 women were executed last year. The group said 12 of the women had been "
        "convicted of drug offences."
    )
    assert [c.counted for c in got[12]] == ["executed"]
