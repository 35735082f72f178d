"""Claim extraction from article text (shomar.claims.extract)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jdatetime  # a project dependency, used here only as an independent reference
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shomar.claims import ClaimCandidate, extract_claims, extract_from_file
from shomar.claims.dates import find_dates, jalali_to_gregorian
from shomar.errors import InputError

_SEED_NAME = Path("shared") / "seeds" / "000_e4f9a154a54411fb.txt"
SEED = next(
    (p / _SEED_NAME for p in Path(__file__).resolve().parents[3:5] if (p / _SEED_NAME).exists()),
    Path(__file__).resolve().parents[3] / _SEED_NAME,
)
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
KEYS = [
    "quantity", "counted", "event_hint", "claimant", "cites", "date_stated", "quote", "start",
    "end", "confidence", "claimant_id", "spans",
]  # fmt: skip


def one(text: str) -> ClaimCandidate:
    claims = extract_claims(text)
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


@pytest.mark.skipif(not SEED.exists(), reason="the seed article lives outside the repository")
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    claims = extract_claims(text)
    killed = [c for c in claims if c.quantity.value == 1500 and c.counted == "killed"]
    pmoi = [c for c in killed if c.claimant and "Mojahedin" in c.claimant]
    reuters = [c for c in killed if c.claimant == "Reuters"]
    assert pmoi and pmoi[0].date_stated == "2019-12-15"
    assert reuters and reuters[0].date_stated == "2019-12-23"
    assert reuters[0].cites and "PMOI" in reuters[0].cites
    (prisoners,) = [c for c in claims if c.quantity.value == 30000]
    assert prisoners.claimant == "Ivan Štefanec"
    assert prisoners.event_hint == "1988 massacre"
    for c in claims:
        assert text[c.start : c.end] == c.quote


def test_json_keys_and_offsets() -> None:
    text = "Title\n\nAmnesty International said on 16 December 2019 that at least 304 people died."
    claim = one(text)
    d = claim.to_dict()
    assert list(d) == KEYS
    assert d["quantity"] == {"value": 304, "lower": 304, "upper": None, "qualifier": "at_least"}
    assert text[d["start"] : d["end"]] == d["quote"]
    assert d["claimant"] == "Amnesty International"
    assert d["date_stated"] == "2019-12-16"
    assert 0 <= d["confidence"] <= 1
    json.dumps(d)


def test_attribution_chain_passive() -> None:
    text = (
        "The BBC confirmed on 3 May 2021 the toll of 200 dead that was announced by the "
        "Kurdistan Human Rights Network on 1 May 2021."
    )
    bbc, network = extract_claims(text)
    assert (bbc.claimant, bbc.cites, bbc.date_stated) == (
        "BBC",
        "Kurdistan Human Rights Network",
        "2021-05-03",
    )
    assert (network.claimant, network.cites, network.date_stated) == (
        "Kurdistan Human Rights Network",
        None,
        "2021-05-01",
    )


def test_attribution_chain_citing_and_according_to() -> None:
    a, b = extract_claims("Reuters, citing three officials, said about 1,500 people were killed.")
    assert (a.claimant, a.cites) == ("Reuters", "three officials")
    assert (b.claimant, b.cites) == ("three officials", None)
    claim = one("At least 25 people were killed, according to state media.")
    assert claim.claimant == "state media"


def test_pronoun_resolves_to_last_claimant() -> None:
    text = "Hengaw reported on Monday. The group said 12 people were killed in Mahabad."
    assert one(text).claimant == "Hengaw"


def test_own_voice_has_no_claimant() -> None:
    claim = one("Security forces killed 1,500 protesters and arrested many more.")
    assert (claim.claimant, claim.counted) == (None, "killed")


@pytest.mark.parametrize(
    "text",
    [
        "The protests began in 1988 and spread in 2019 to 21 cities.",
        "Protesters were killed on 15 November 2019 and arrested on December 3.",
        "A 17-year-old boy was killed; Amini, 22, died in custody.",
        "Prices rose 50 percent and 300 people were arrested over 12 percent.",
        "Families paid up to 500 million tomans and $5,000 to get detainees released.",
        "The report on executions runs to 200 pages; page 12 lists the killed.",
        "He was sentenced to 10 years and 74 lashes after being arrested.",
        "مهسا امینی، ۲۲ ساله، در بازداشت درگذشت.",
        "Protesters were killed at 10:30 on Friday in Ward 209 of Evin prison.",
        "Executions rose from 2019 to 2022, the group said.",
        "COVID-19 deaths rose; Flight PS752 was shot down and officials were arrested.",
        "One of the victims was buried in Section 12; one witness said he was killed.",
        "قیمت بنزین ۵۰ درصد افزایش یافت و حدود ۳۰ هزار تومان شد.",
    ],
)
def test_distractors_are_not_claims(text: str) -> None:
    kept = [c for c in extract_claims(text) if c.quantity.value != 300]
    assert kept == []


def test_year_like_count_before_people_noun_is_kept() -> None:
    assert one("Officials said 2000 people were arrested.").quantity.value == 2000


def test_persian_claims() -> None:
    text = (
        "سازمان عفو بین‌الملل روز ۲۵ آذر ۱۳۹۸ اعلام کرد که دست‌کم ۳۰۴ نفر در جریان اعتراضات "
        "آبان ۹۸ کشته شدند. به گفته این سازمان، هزاران نفر نیز زخمی شدند."
    )
    killed, injured = extract_claims(text)
    assert killed.claimant == "سازمان عفو بین‌الملل"
    assert killed.date_stated == "2019-12-16"
    assert killed.counted == "killed"
    assert killed.event_hint == "اعتراضات آبان ۹۸"
    assert (injured.counted, injured.quantity.lower, injured.claimant) == (
        "injured",
        2000,
        "سازمان عفو بین‌الملل",
    )


def test_persian_words_and_before_forms() -> None:
    claim = one("سازمان مجاهدین خلق شمار اعدام‌شدگان را سی هزار نفر اعلام کرده است.")
    assert (claim.quantity.value, claim.counted, claim.claimant) == (
        30000,
        "executed",
        "سازمان مجاهدین خلق",
    )


def test_including_shares_the_category() -> None:
    text = "IHR said security forces killed at least 448 people, including 60 children."
    assert [(c.quantity.value, c.counted) for c in extract_claims(text)] == [
        (448, "killed"),
        (60, "killed"),
    ]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InputError, match="Unknown language"):
        extract_claims("text", language="de")


def test_extract_from_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rights groups said eight men were executed.", encoding="utf-8")
    assert one_from(article).quantity.value == 8


def one_from(path: Path) -> ClaimCandidate:
    (claim,) = extract_from_file(path)
    return claim


def test_extract_from_file_refuses_non_text(tmp_path: Path) -> None:
    binary = tmp_path / "a.pdf"
    binary.write_bytes(b"%PDF-1.4\xff\xfe\x00\x01")
    with pytest.raises(InputError, match="is not UTF-8 text") as err:
        extract_from_file(binary)
    assert "plain UTF-8 text" in str(err.value)
    with pytest.raises(InputError, match="no such file"):
        extract_from_file(tmp_path / "missing.txt")


def _scores(split: str) -> tuple[float, float]:
    """Precision and recall as benchmarks/claims/run.py counts them (value, bounds, category)."""
    proposed = gold = matched = 0
    for article in sorted((ARTICLES / split).glob("*.txt")):
        labels = json.loads(article.with_suffix(".json").read_text(encoding="utf-8"))["claims"]
        got = [
            (c.quantity.value, c.quantity.lower, c.quantity.upper, c.counted)
            for c in extract_claims(article.read_text(encoding="utf-8"))
        ]
        proposed += len(got)
        gold += len(labels)
        for label in labels:
            key = (label["value"], label["lower"], label["upper"], label["counted"])
            if key in got:
                got.remove(key)
                matched += 1
    return matched / proposed, matched / gold


@pytest.mark.parametrize(("split", "floor"), [("dev", 0.95), ("heldout", 0.85)])
def test_labeled_articles_floor(split: str, floor: float) -> None:
    """Regression floor only; the numbers themselves are printed by benchmarks.claims.run."""
    assert (ARTICLES / split).is_dir()
    precision, recall = _scores(split)
    assert precision >= floor and recall >= floor


_PIECES = st.sampled_from(
    [
        "at least", "1,500", "۳۰۴", "people", "نفر", "were killed", "کشته شدند", "said", "Amnesty",
        "according to", "announced by", "on 15 December 2019", "۲۵ آذر ۱۳۹۸", ",", ".", "\n",
        "between", "and", "تا", "hundreds of", "citing", "the group", "1988", "%", "aged 17",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.text(max_size=40))
def test_any_text_gives_well_formed_candidates(pieces: list[str], noise: str) -> None:
    text = " ".join(pieces) + noise
    for claim in extract_claims(text):
        assert text[claim.start : claim.end] == claim.quote
        assert 0.0 <= claim.confidence <= 1.0
        q = claim.quantity
        assert q.lower is None or q.upper is None or q.lower <= q.upper


def test_event_hints() -> None:
    from shomar.claims.events import find_event_hint

    assert find_event_hint("the 1988 massacre of prisoners", []) == "1988 massacre"
    assert find_event_hint("crackdown on November nationwide protests", []) == (
        "November nationwide protests"
    )
    assert find_event_hint("در جریان اعتراضات آبان ۹۸ کشته شدند", []) == "اعتراضات آبان ۹۸"
    assert find_event_hint("the protests", []) is None


# --- stated dates (shomar.claims.dates) ---


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on December 15, 2019", "2019-12-15"),
        ("on Dec. 15, 2019", "2019-12-15"),
        ("on 15 December 2019", "2019-12-15"),
        ("on the 15th of December 2019", "2019-12-15"),
        ("2019-12-15", "2019-12-15"),
        ("روز ۲۵ آذر ۱۳۹۸", "2019-12-16"),
        ("روز ۲۵ آذر ۹۸", "2019-12-16"),
        ("۱۳۹۸/۰۹/۲۵", "2019-12-16"),
        ("۲۳ دسامبر ۲۰۱۹", "2019-12-23"),
    ],
)
def test_full_dates(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize(
    "text", ["on October 7th", "in November 2019", "آبان ۹۸", "30 February 2020"]
)
def test_partial_or_impossible_dates_are_not_stated_dates(text: str) -> None:
    assert find_dates(text) == []


def test_jalali_conversion_matches_jdatetime_for_a_century() -> None:
    day = jdatetime.date(1340, 1, 1)
    while day.year < 1440:
        assert jalali_to_gregorian(day.year, day.month, day.day) == day.togregorian()
        day += jdatetime.timedelta(days=1)


def test_impossible_jalali_day() -> None:
    with pytest.raises(ValueError):
        jalali_to_gregorian(1398, 7, 31)
    assert jalali_to_gregorian(1399, 12, 30) == dt.date(2021, 3, 20)


# --- wire, rights-group and Persian-outlet styles (tests/data/articles/wire) ---------------------


def rows(text: str) -> list[tuple[object, ...]]:
    """(value or bounds, counted, claimant, cites) of every proposal, in order."""
    out = []
    for c in extract_claims(text):
        q = c.quantity
        figure = q.value if q.value is not None else (q.lower, q.upper)
        out.append((figure, c.counted, c.claimant, c.cites))
    return out


@pytest.mark.parametrize(
    ("text", "outlet", "speaker"),
    [
        (
            "به گزارش خبرگزاری رویترز، سه مقام وزارت کشور گفتند حدود ۱۵۰۰ نفر کشته شدند.",
            "خبرگزاری رویترز",
            "سه مقام وزارت کشور",
        ),
        (
            "According to IRNA, the provincial police chief said 12 people were arrested.",
            "IRNA",
            "provincial police chief",
        ),
        (
            "Five people have been sentenced to death and 5 were arrested, a judiciary official "
            "said, according to the Tasnim news agency.",
            "Tasnim news agency",
            "judiciary official",
        ),
    ],
)
def test_outlet_reporting_a_speaker_cites_the_speaker(text: str, outlet: str, speaker: str) -> None:
    got = rows(text)
    assert got[0][2:] == (outlet, speaker)
    assert got[1][2:] == (speaker, None)
    assert got[0][:2] == got[1][:2]


def test_outlet_after_a_speaker_must_be_a_news_organisation() -> None:
    # "…, X said, according to Y": only a news organisation reports what X said
    assert rows("At least 5 people were killed, the group said, according to a count by HRANA.")[0][
        2:
    ] == ("HRANA", None)


def test_nested_attribution_three_parties() -> None:
    fa = rows(
        "به گزارش بی‌بی‌سی فارسی، سازمان حقوق بشر ایران به نقل از منابع محلی اعلام کرد "
        "۲۰۸ نفر کشته شدند."
    )
    assert fa == [
        (208, "killed", "بی‌بی‌سی فارسی", "سازمان حقوق بشر ایران"),
        (208, "killed", "سازمان حقوق بشر ایران", "منابع محلی"),
        (208, "killed", "منابع محلی", None),
    ]
    en = rows("Reuters quoted a relative as saying, citing a prison guard, that 7 were hanged.")
    assert en == [
        (7, "executed", "Reuters", "relative"),
        (7, "executed", "relative", "prison guard"),
        (7, "executed", "prison guard", None),
    ]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("بنا بر اعلام سازمان عفو بین‌الملل، حداقل ۲۳ کودک کشته شدند.", "سازمان عفو بین‌الملل"),
        ("به نقل از دیده‌بان حقوق بشر، دست‌کم ۸ نفر در جوانرود کشته شدند.", "دیده‌بان حقوق بشر"),
        (
            "Citing Human Rights Watch, at least 8 people were killed in Javanrud.",
            "Human Rights Watch",
        ),
    ],
)
def test_sentence_opening_source_without_a_verb(text: str, claimant: str) -> None:
    assert rows(text) == [(23 if "۲۳" in text else 8, "killed", claimant, None)]


@pytest.mark.parametrize(
    "text",
    [
        "At least 300 people were killed, according to Amnesty International, while three "
        "officials told Reuters about 1,500 people died.",
        "دست‌کم ۳۰۰ نفر به گزارش عفو بین‌الملل کشته شدند، اما سه مقام به رویترز گفتند حدود "
        "۱۵۰۰ نفر جان باختند.",
    ],
)
def test_a_speaker_across_but_or_while_does_not_claim_the_first_figure(text: str) -> None:
    got = rows(text)
    first = [r for r in got if r[0] == 300]
    assert len(first) == 1 and first[0][3] is None and "مقام" not in str(first[0][2])
    assert first[0][2] in ("Amnesty International", "عفو بین‌الملل")
    assert {r[2] for r in got if r[0] == 1500} in (
        {"Reuters", "three officials"},
        {"رویترز", "سه مقام"},
    )


def test_not_parties_own_records_and_bare_verbs() -> None:
    assert rows("HRANA said, citing its own records, that 537 people had been killed.") == [
        (537, "killed", "HRANA", None)
    ]
    assert rows("The UN human rights office said on Tuesday it had recorded 28 executions.") == [
        (28, "executed", "UN human rights office", None)
    ]
    got = rows(
        "The office said it had received reports, citing local sources, that 15 were killed."
    )
    assert got[0][2:] == ("office", "local sources")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Hundreds were arrested, Hengaw said, citing sources on the ground. The group said "
            "14 of those arrested were children.",
            "Hengaw",
        ),
        (
            "هه‌نگاو به نقل از منابع محلی اعلام کرد صدها نفر بازداشت شدند. این سازمان گفت ۱۴ نفر "
            "از بازداشت‌شدگان کودک هستند.",
            "هه‌نگاو",
        ),
    ],
)
def test_the_group_is_not_the_sources_it_cited(text: str, claimant: str) -> None:
    assert [r for r in rows(text) if r[0] == 14] == [(14, "arrested", claimant, None)]


def test_group_with_nothing_named_before_takes_the_compiler() -> None:
    assert rows(
        "At least 326 were killed, the group said in a tally compiled by Iran Human Rights."
    ) == [(326, "killed", "Iran Human Rights", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 96, the group Haalvsh said, up from 66 on Sunday.",
        "گروه حال‌وش اعلام کرد شمار کشته‌شدگان به ۹۶ نفر رسید که نسبت به ۶۶ نفر روز یکشنبه "
        "افزایش دارد.",
    ],
)
def test_earlier_figure_keeps_the_count(text: str) -> None:
    got = rows(text)
    assert [r[:2] for r in got] == [(96, "killed"), (66, "killed")]
    assert got[0][2] == got[1][2] is not None


@pytest.mark.parametrize(
    "text",
    [
        "HRW documented 16 protesters who were tortured in detention, including 5 women.",
        "هه‌نگاو شکنجه ۱۶ معترض در بازداشت را مستند کرد، از جمله ۵ زن.",
        "The office recorded 28 executions, including three people arrested in 2022.",
    ],
)
def test_including_sub_count_takes_the_main_count_over_later_words(text: str) -> None:
    got = rows(text)
    assert len(got) == 2 and got[0][1] == got[1][1] and got[0][1] in ("tortured", "executed")
    assert got[0][2] in ("HRW", "هه‌نگاو", "office")


@pytest.mark.parametrize(
    ("text", "counted", "claimant"),
    [
        ("خبرگزاری هرانا مرگ ۱۳۴ زندانی در بازداشت را تأیید کرده است.", "killed", "خبرگزاری هرانا"),
        ("KHRN has recorded the arrest of at least 87 activists in detention.", "arrested", "KHRN"),
        ("پلیس از دستگیری ۱۲ نفر در اهواز خبر داد.", "arrested", "پلیس"),
        ("The group documented the deaths of 134 prisoners in detention.", "killed", "group"),
    ],
)
def test_event_noun_right_before_the_number_counts(text: str, counted: str, claimant: str) -> None:
    ((_, got_counted, got_claimant, _),) = rows(text)
    assert (got_counted, got_claimant) == (counted, claimant)


def test_elided_persian_light_verb() -> None:
    assert [
        r[:2] for r in rows("دو مقام گفتند حدود ۲۰۰ نفر بازداشت و نزدیک به ۲۰ نفر زخمی شدند.")
    ] == [
        (200, "arrested"),
        (20, "injured"),
    ]
    assert [r[:2] for r in rows("Officials said about 200 were arrested and 20 injured.")] == [
        (200, "arrested"),
        (20, "injured"),
    ]


def test_figure_put_at_and_other_estimates() -> None:
    got = rows("Officials told Reuters 300 were killed; sources put it at about 500.")
    assert (500, "killed") in [r[:2] for r in got]
    for text in (
        "The center documented 4,481 executions; other estimates range from 2,800 to 5,000.",
        "مرکز برومند اعدام ۴۴۸۱ نفر را ثبت کرد؛ برآوردهای دیگر از ۲۸۰۰ تا ۵۰۰۰ نفر است.",
    ):
        first, other = rows(text)
        assert first[:2] == (4481, "executed") and first[2] in ("center", "مرکز برومند")
        assert other == ((2800, 5000), "executed", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty said 3 men, aged 22, 26 and 33, were executed.",
        "عفو بین‌الملل گفت ۳ مرد ۲۲، ۲۶ و ۳۳ ساله اعدام شدند.",
        "Iran International said 3 people were executed after two nights.",
        "ایران اینترنشنال گزارش داد ۳ نفر پس از دو شب اعدام شدند.",
    ],
)
def test_lists_of_ages_and_nights_are_not_counts(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(3, "executed")]


@pytest.mark.parametrize(
    "text",
    [
        "هه‌نگاو گفت ۱۱ کولبر در مهر ماه کشته شدند. این رقم در شهریور ۶ نفر بود.",
        "Hengaw said 11 porters were killed in October. This figure was 6 people in September.",
    ],
)
def test_this_figure_continues_the_claimant_and_a_month_before_people_is_no_date(
    text: str,
) -> None:
    got = rows(text)
    assert [r[:2] for r in got] == [(11, "killed"), (6, "killed")]
    assert got[0][2] == got[1][2] is not None


@pytest.mark.parametrize(
    "text",
    [
        "رسانه‌های دولتی از کشته شدن یک مأمور پلیس خبر دادند.",
        "State media reported the killing of one police officer.",
    ],
)
def test_one_after_an_event_noun_is_a_count(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(1, "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "سخنگوی قوه قضاییه گفت ۴۰۰ نفر از بازداشت‌شدگان همچنان در بازداشت هستند.",
        "The judiciary spokesman said 400 of those arrested remained in detention.",
    ],
)
def test_persian_partitive_with_a_people_noun(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(400, "detained")]


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("سازمان حقوق بشر ایران اعلام کرد در سال ۲۰۲۳ دست‌کم ۸۳۴ نفر اعدام شدند.", "۲۰۲۳"),
        ("Iran Human Rights said at least 834 people were executed in 2023.", "2023"),
    ],
)
def test_bare_year_is_the_event_hint(text: str, hint: str) -> None:
    assert one(text).event_hint == hint


def test_persian_but_before_told_media() -> None:
    assert rows("استاندار اما به ایرنا گفت تنها ۲ مأمور پلیس زخمی شدند.") == [
        (2, "injured", "ایرنا", "استاندار"),
        (2, "injured", "استاندار", None),
    ]
    assert rows("The governor told IRNA that only 2 police officers were injured.") == [
        (2, "injured", "IRNA", "governor"),
        (2, "injured", "governor", None),
    ]


def test_plural_persian_description_resolves_to_the_officials() -> None:
    text = (
        "به گزارش خبرگزاری رویترز، سه مقام وزارت کشور گفتند حدود ۱۵۰۰ نفر کشته شدند. "
        "این مقام‌ها گفتند دست‌کم ۱۷ نوجوان در میان کشته‌شدگان بودند."
    )
    assert rows(text)[-1] == (17, "killed", "سه مقام وزارت کشور", None)
    en = (
        "Three officials told Reuters 1,500 were killed. The officials said at least 17 were "
        "teenagers."
    )
    assert rows(en)[-1][2] == "Three officials"


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("خبرگزاری میزان گزارش داد یک هزار و ۲۰۰ نفر بازداشت شدند.", 1200, "exact"),
        ("The agency said one thousand two hundred people were arrested.", 1200, "exact"),
        ("Rights groups say the number detained could be as high as 15,000.", 15000, "at_most"),
        ("گروه‌های حقوق بشری می‌گویند تا ۱۵ هزار نفر بازداشت شده‌اند.", 15000, "at_most"),
    ],
)
def test_number_words_with_digits_and_as_high_as(text: str, figure: int, qualifier: str) -> None:
    claim = one(text)
    assert (claim.quantity.value, claim.quantity.qualifier) == (figure, qualifier)


def test_dotted_initials_resolve_like_plain_ones() -> None:
    assert one("The U.N. human rights office said 30 people were killed.").claimant_id == "ohchr"
    assert one("دفتر حقوق بشر سازمان ملل اعلام کرد ۳۰ نفر کشته شدند.").claimant_id in (
        "ohchr",
        "un",
    )


@pytest.mark.parametrize(
    "text",
    [
        "به گفته یک پزشک، ده‌ها نفر از مجروحان با گلوله ساچمه‌ای هدف قرار گرفته بودند.",
        "A doctor said dozens of the injured had been hit by pellets.",
    ],
)
def test_partitive_noun_counts_when_the_predicate_does_not(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [((20, 99), "injured")]


@pytest.mark.parametrize(
    "text",
    [
        "یک مقام گفت حدود ۱۲۰۰ نفر بازداشت شدند و نزدیک به ۹۰۰ نفر از آنان آزاد شده‌اند.",
        "An official said about 1,200 people were arrested and nearly 900 of them have been "
        "released.",
    ],
)
def test_released_part_of_a_count_is_not_proposed(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(1200, "arrested")]


@pytest.mark.parametrize(
    "text",
    [
        "گزارشگر ویژه گفت دست‌کم هفت زندانی در بازداشت جان باخته‌اند.",
        "The rapporteur said at least 7 detainees had died in custody.",
    ],
)
def test_death_in_custody_is_killed_in_either_word_order(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(7, "killed")]


@pytest.mark.parametrize(
    ("text", "outlet", "official"),
    [
        (
            "یک مقام بیمارستان که نخواست نامش فاش شود به بی‌بی‌سی فارسی گفت پیکر ۴۲ نفر به این "
            "بیمارستان منتقل شده است.",
            "بی‌بی‌سی فارسی",
            "یک مقام بیمارستان",
        ),
        (
            "A hospital official, who asked not to be named, told the BBC that 42 bodies had "
            "been brought in.",
            "BBC",
            "hospital official",
        ),
    ],
)
def test_told_media_after_a_relative_clause_and_bodies(
    text: str, outlet: str, official: str
) -> None:
    assert rows(text) == [(42, "killed", outlet, official), (42, "killed", official, None)]


@pytest.mark.parametrize(
    ("text", "outlet", "source"),
    [
        (
            "به گزارش رادیو فردا، شمار جان‌باختگان به ۴۷۶ نفر رسیده است. این آمار را سازمان "
            "حقوق بشر ایران منتشر کرده است.",
            "رادیو فردا",
            "سازمان حقوق بشر ایران",
        ),
        (
            "Radio Farda said the death toll had reached 476. The figures were compiled by Iran "
            "Human Rights.",
            "Radio Farda",
            "Iran Human Rights",
        ),
    ],
)
def test_a_later_sentence_names_the_source_of_the_figures(
    text: str, outlet: str, source: str
) -> None:
    assert rows(text) == [(476, "killed", outlet, source), (476, "killed", source, None)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "به نقل از دیده‌بان حقوق بشر، دست‌کم ۸ نفر کشته شدند. چهار نفر از آنان در جوانرود "
            "هدف گلوله قرار گرفتند.",
            "دیده‌بان حقوق بشر",
        ),
        (
            "Citing Human Rights Watch, the report said at least 8 people were killed. Four of "
            "them were shot in Javanrud.",
            "Human Rights Watch",
        ),
    ],
)
def test_a_citing_opener_speaks_for_the_paragraph(text: str, claimant: str) -> None:
    assert rows(text) == [(8, "killed", claimant, None), (4, "killed", claimant, None)]


def test_of_the_total_continues_the_claimant() -> None:
    text = (
        "Amnesty said it had recorded 853 executions. Drug-related executions accounted for "
        "481 of the total."
    )
    assert rows(text) == [(853, "executed", "Amnesty", None), (481, "executed", "Amnesty", None)]


@pytest.mark.parametrize(
    "text",
    [
        "سازمان حقوق بشر ایران اعلام کرد نیروهای امنیتی دست‌کم ۳۲۶ نفر از جمله ۴۳ کودک و ۲۵ زن "
        "را کشته‌اند.",
        "Security forces have killed at least 326 people, among them 43 children and 25 women, "
        "IHR said.",
    ],
)
def test_sub_count_list_shares_a_category_given_after_it(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(326, "killed"), (43, "killed"), (25, "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "ایلنا نوشت حدود ۳۰۰ کارگر بازداشت شده‌اند. به نوشته این خبرگزاری، ۲۰ نفر از "
        "بازداشت‌شدگان همچنان در بازداشت به سر می‌برند.",
        "ILNA wrote that about 300 workers were arrested. According to the agency, 20 of those "
        "arrested remain in detention.",
    ],
)
def test_as_written_by_the_agency(text: str) -> None:
    got = rows(text)
    assert [r[:2] for r in got] == [(300, "arrested"), (20, "detained")]
    assert got[0][2] == got[1][2] in ("ایلنا", "ILNA")


@pytest.mark.parametrize(
    "text",
    [
        "Four men were hanged, Mizan said. Rights groups said the men, aged between 25 and 40, "
        "had been tortured.",
        "میزان گزارش داد چهار نفر اعدام شدند. این افراد ۲۵ تا ۴۰ ساله بودند و شکنجه شده بودند.",
    ],
)
def test_an_age_range_is_not_a_count(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(4, "executed")]


@pytest.mark.parametrize(
    "text",
    [
        "The court fined him 500 million rials and sentenced 3 others to death, IRNA reported.",
        "به گزارش ایرنا، دادگاه او را به پرداخت ۵۰۰ میلیون ریال جریمه و ۳ نفر دیگر را به اعدام "
        "محکوم کرد.",
    ],
)
def test_sentenced_n_others_to_death(text: str) -> None:
    assert [r[:3] for r in rows(text)] == [(3, "sentenced_to_death", rows(text)[0][2])]
    assert rows(text)[0][2] in ("IRNA", "ایرنا")


@pytest.mark.parametrize(
    "text",
    [
        "بر اساس ماده ۲۸۶ قانون مجازات اسلامی، ۵ معترض به اعدام محکوم شده‌اند.",
        "According to Article 286 of the penal code, 5 protesters have been sentenced to death.",
    ],
)
def test_a_legal_basis_is_not_a_claimant(text: str) -> None:
    assert rows(text) == [(5, "sentenced_to_death", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "IHR said Iran executed 975 people in 2024, up from 834 in 2023.",
        "سازمان حقوق بشر ایران گفت ۹۷۵ نفر در سال ۲۰۲۴ اعدام شدند، نسبت به ۸۳۴ نفر در سال ۲۰۲۳.",
    ],
)
def test_a_count_in_a_year_is_no_fraction(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(975, "executed"), (834, "executed")]


def test_told_media_by_phone() -> None:
    assert rows('"At least 40 people were killed," a witness told AFP by phone.') == [
        (40, "killed", "AFP", "witness"),
        (40, "killed", "witness", None),
    ]
    assert rows("یک شاهد عینی تلفنی به خبرگزاری فرانسه گفت دست‌کم ۴۰ نفر کشته شدند.")[0][2] == (
        "خبرگزاری فرانسه"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The UN rights chief said more than 14,000 people had been arrested, including children, "
        "and that at least 21 faced the death penalty.",
        "شبکه حقوق بشر کردستان اعلام کرد دست‌کم چهار جوان اعدام شده‌اند و دست‌کم ۱۸ نفر دیگر در "
        "خطر اعدام قرار دارند.",
    ],
)
def test_people_at_risk_or_facing_execution_are_not_counted(text: str) -> None:
    assert len(rows(text)) == 1 and rows(text)[0][1] in ("arrested", "executed")


@pytest.mark.parametrize(
    "text",
    [
        "به گفته این سازمان، ۱۲۰۰ شهروند کرد بازداشت شده‌اند که ۱۴۰ نفر از آنان به حبس محکوم "
        "شده‌اند.",
        "The group said 1,200 Kurds were arrested, 140 of whom were sentenced to prison terms.",
    ],
)
def test_the_part_sentenced_to_prison_is_not_a_count_of_arrests(text: str) -> None:
    assert [r[:2] for r in rows(text)] == [(1200, "arrested")]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "به گزارش رویترز، سه مقام وزارت کشور گفتند حدود ۱۵۰۰ نفر کشته شدند. به گفته این "
            "منابع، دست‌کم ۱۷ نوجوان در میان کشته‌شدگان بودند.",
            "سه مقام وزارت کشور",
        ),
        (
            "Three interior ministry officials told Reuters about 1,500 people were killed. "
            "According to these sources, at least 17 of the dead were teenagers.",
            "Three interior ministry officials",
        ),
    ],
)
def test_these_sources_are_the_officials_named_before(text: str, claimant: str) -> None:
    assert rows(text)[-1] == (17, "killed", claimant, None)


def test_identity_word_ends_the_persian_subject() -> None:
    text = "سازمان حقوق بشری هه‌نگاو هویت ۵۶ شهروند کرد کشته‌شده را تأیید کرده است."
    assert rows(text) == [(56, "killed", "سازمان حقوق بشری هه‌نگاو", None)]
    assert rows("Hengaw confirmed the identities of 56 Kurdish citizens killed.") == [
        (56, "killed", "Hengaw", None)
    ]
