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
