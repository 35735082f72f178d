"""Rules added for the live-blog, UN-report, court, revision, medical and quote styles
(corpus ``tests/data/articles/styles``). Each test uses wording of its own, not a corpus passage."""

from __future__ import annotations

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

#: (text, rows the extractor must propose among others); one case per rule, with its reason
CONTAINS: list[tuple[str, list[Row]]] = [
    (  # "told state TV": the outlet states the figure, citing the speaker
        "The provincial governor told state television that 7 people had been killed.",
        [
            (7, "killed", "state television", "provincial governor"),
            (7, "killed", "provincial governor", None),
        ],
    ),
    (
        "فرماندار شهر به صدا و سیما گفت ۶ نفر کشته شدند.",
        [(6, "killed", "صدا و سیما", "فرماندار شهر")],
    ),
    (  # a sentence-final "according to X" (media or NGO) reports the speaker
        "Local doctors said 9 people had died overnight, according to Hengaw.",
        [(9, "killed", "Hengaw", "Local doctors"), (9, "killed", "Local doctors", None)],
    ),
    (  # a revised figure: both figures, same claimant and category
        "The toll rose to 31 from 22, the governor said.",
        [(31, "killed", "governor", None), (22, "killed", "governor", None)],
    ),
    (
        "هرانا اعلام کرد ۶۰۰ نفر بازداشت شده‌اند؛ این رقم سه روز پیش ۴۰۰ نفر بود.",
        [(400, "arrested", "هرانا", None)],
    ),
    (
        "هه‌نگاو شمار جان‌باختگان را ۳۰ نفر اعلام کرد که ۶ زن در میان آنان هستند.",
        [(6, "killed", "هه‌نگاو", None)],
    ),
    (
        "عفو بین‌الملل اعلام کرد ۵۰ نفر اعدام شدند. ۸ نفر از اعدام‌شدگان زن بودند.",
        [(8, "executed", "عفو بین‌الملل", None)],
    ),
    (  # "including N" after a figure whose category is found late ("the true number was 41")
        "The ministry rejected the figure of 200 dead given by exiles, saying the true number "
        "was 41, including 9 police officers.",
        [(9, "killed", "ministry", None)],
    ),
    (  # «X در … به Y گفت»: a phrase between the speaker and the outlet
        "یک پزشک در سنندج در گفت‌وگوی تلفنی به گاردین گفت ۸ نفر جان باختند.",
        [(8, "killed", "گاردین", "یک پزشک"), (8, "killed", "یک پزشک", None)],
    ),
    (  # a person described by the place they work at is the speaker, not the place
        "A nurse at a clinic in Zahedan told Reuters that 14 people had died.",
        [(14, "killed", "Reuters", "nurse at a clinic in Zahedan")],
    ),
]

#: (text, every row the extractor must propose)
EXACTLY: list[tuple[str, list[Row]]] = [
    # «حکم اعدام N»: a death sentence; «اجرای حکم اعدام N»: carrying one out
    ("دیوان عالی حکم اعدام ۷ نفر را تأیید کرد.", [(7, "sentenced_to_death", "دیوان عالی", None)]),
    ("اجرای حکم اعدام ۷ نفر در زندان قزل‌حصار.", [(7, "executed", None, None)]),
    # a Persian prison term after the number: no count
    (
        "دادستان گفت برای ۲ متهم حکم اعدام و برای ۹ نفر دیگر حبس تا ۱۰ سال صادر شد.",
        [(2, "sentenced_to_death", "دادستان", None)],
    ),
    # a figure the speaker rejects, credited to the "claims by" party
    (
        "The spokesman rejected claims by exiles that more than 400 people had been executed.",
        [(400, "executed", "exiles", None)],
    ),
    # "notes that", "expresses concern that": reporting verbs of UN reports
    (
        "The Special Rapporteur notes that 14 people were executed in public.",
        [(14, "executed", "Special Rapporteur", None)],
    ),
    # burials count the dead
    ("Residents said they had buried 9 people on Sunday.", [(9, "killed", "Residents", None)]),
    ("اهالی گفتند ۹ نفر را به خاک سپردند.", [(9, "killed", "اهالی", None)]),
    # injuries named by the wound
    (
        "Doctors said they had treated 30 people for gunshot wounds.",
        [(30, "injured", "Doctors", None)],
    ),
    # «اطلاعاتی که به X رسیده»: X's information
    (
        "بر اساس اطلاعاتی که به عفو بین‌الملل رسیده، ۴۰ نفر کشته شدند.",
        [(40, "killed", "عفو بین‌الملل", None)],
    ),
    (
        "The governor told reporters that 7 people had been killed.",
        [(7, "killed", "governor", None)],
    ),
    # a live-blog timestamp before a dash is not a claimant
    ("ساعت ۰۹:۱۵ — هرانا اعلام کرد ۲۳ نفر بازداشت شدند.", [(23, "arrested", "هرانا", None)]),
    (  # prison terms are not death sentences
        "A court sentenced 3 men to death and 8 others to prison terms, Mizan said.",
        [(3, "sentenced_to_death", "Mizan", None)],
    ),
    (
        "دادگاه ۴ نفر را به اعدام و ۹ نفر دیگر را به حبس محکوم کرد.",
        [(4, "sentenced_to_death", None, None)],
    ),
    # facing charges is not a count
    ("At least 60 of them face charges that carry the death penalty, HRW said.", []),
    ("۶۰ نفر از آنان با اتهاماتی روبرو هستند که مجازات اعدام دارد.", []),
    (
        "Amnesty said at least 12 protesters were blinded by pellets.",
        [(12, "injured", "Amnesty", None)],
    ),
    # a denied figure with no source named is no one's
    ("The ministry denied reports that 300 people had been killed.", [(300, "killed", None, None)]),
    (  # "the toll … was revised upward on Monday to 31": the noun names the count
        "The official number of deaths was revised upward on Monday to 31, officials said.",
        [(31, "killed", "officials", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTAINS)
def test_proposes(text: str, expected: list[Row]) -> None:
    got = rows(text)
    assert [r for r in expected if r not in got] == []


@pytest.mark.parametrize(("text", "expected"), EXACTLY)
def test_proposes_exactly(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


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
