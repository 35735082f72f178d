"""An outlet that closes its sentence («X اعلام کرد …، به گزارش Y.») relays the speaker and is not
what the next sentence's «این نهاد» or «وی» refers to (:mod:`shomar.claims.coreference`). Dev
passages with their leading «به گزارش Y،» moved to the end of the sentence lost the speaker in
the sentence after. Each case uses wording of its own."""

from __future__ import annotations

from shomar.claims import extract_claims


def _parties(text: str) -> list[tuple[int | None, str | None, str | None]]:
    return [(c.quantity.value, c.claimant, c.cites) for c in extract_claims(text)]


def test_this_body_after_a_closing_outlet_is_the_speaker() -> None:
    got = _parties(
        "سپاه پاسداران اعلام کرد ۲۰۰ نفر دستگیر شده‌اند، به گزارش خبرگزاری تسنیم. "
        "این نهاد گفت ۳۶ نیروی بسیج کشته شدند."
    )
    assert got[-1] == (36, "سپاه پاسداران", None)


def test_he_after_a_closing_outlet_is_the_speaker() -> None:
    """«وی گفت» after «رئیس پلیس … خبر داد، به گزارش ایرنا.» is the police chief."""
    got = _parties(
        "رئیس پلیس استان فارس از دستگیری ۴۰ نفر خبر داد، به گزارش ایرنا. وی گفت ۳ مأمور زخمی شدند."
    )
    assert got[0] == (40, "ایرنا", "رئیس پلیس استان فارس")
    assert got[-1] == (3, "رئیس پلیس استان فارس", None)


def test_a_leading_outlet_gives_the_same_answer() -> None:
    """The outlet first («به گزارش خبرگزاری تسنیم، …») was already right; both orders agree."""
    closing = (
        "سپاه پاسداران اعلام کرد ۲۰۰ نفر دستگیر شده‌اند، به گزارش خبرگزاری تسنیم. "
        "این نهاد گفت ۳۶ نیروی بسیج کشته شدند."
    )
    leading = (
        "به گزارش خبرگزاری تسنیم، سپاه پاسداران اعلام کرد ۲۰۰ نفر دستگیر شده‌اند. "
        "این نهاد گفت ۳۶ نیروی بسیج کشته شدند."
    )
    assert sorted(_parties(closing), key=str) == sorted(_parties(leading), key=str)


def test_an_outlet_that_alone_reports_is_still_remembered() -> None:
    """With no speaker before it, «به گزارش X، …» is the source «این نهاد» can refer to."""
    got = _parties(
        "به گزارش کانون دادخواهان، ۱۲ زندانی اعدام شدند. این نهاد گفت ۴ نفر از آنان زن بودند."
    )
    assert {claimant for _, claimant, _ in got} == {"کانون دادخواهان"}
