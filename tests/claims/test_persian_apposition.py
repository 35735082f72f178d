"""A Persian subject set off by an apposition («X، نهادی مستقل، اعلام کرد») after a timestamp or
dateline: the clause with no name hands over to the earliest named clause *of its segment*
(after the dash or colon), not to the timestamp (:mod:`shomar.claims.persian_subject`). Each
case uses wording of its own."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "ساعت ۲۱:۲۰ — خبرگزاری تسنیم، نهادی نزدیک به سپاه، گزارش داد ۲ مأمور بسیج کشته شدند.",
            "خبرگزاری تسنیم",
        ),
        (
            "ساعت ۱۰:۰۵ — کانون دادخواهان، گروهی مستقل، اعلام کرد ۷ زندانی اعدام شدند.",
            "کانون دادخواهان",
        ),
    ],
)
def test_an_apposition_after_a_timestamp(text: str, claimant: str) -> None:
    assert [c.claimant for c in extract_claims(text)] == [claimant]


def test_an_apposition_with_no_dash_keeps_the_earliest_name() -> None:
    """«محمود صادقی، نماینده مجلس، روز … اعلام کرد» (no dash): still the first clause's name."""
    text = "محمود صادقی، نماینده مجلس، روز یکشنبه اعلام کرد ۳۷۰۰ نفر بازداشت شده‌اند."
    assert [c.claimant for c in extract_claims(text)] == ["محمود صادقی"]
