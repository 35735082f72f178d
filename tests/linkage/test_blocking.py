"""Blocking keys: true pairs that other romanisations, typos and order swaps used to hide."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pytest

from shomar.linkage.blocking import DEFAULT_RULES, sides
from shomar.linkage.features import compute_features


def _features(rows: list[dict[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, "source", [f"L{i}" for i in range(len(frame))])
    frame.insert(1, "record_id", [str(i) for i in range(len(frame))])
    return compute_features(frame)


def _blocked_by(features: pd.DataFrame, i: int, j: int) -> list[tuple[str, ...]]:
    """The default rules that put records ``i`` and ``j`` in one block (``i`` on the left
    of an ``"a=b"`` item)."""
    a, b = features.iloc[i], features.iloc[j]
    return [
        rule
        for rule in DEFAULT_RULES
        if all(pd.notna(a[x]) and pd.notna(b[y]) and a[x] == b[y] for x, y in map(sides, rule))
    ]


def test_french_german_and_persian_spellings_share_the_loose_name_key() -> None:
    names = ["Djavad Chahrokhi", "جواد شاهرخی", "Javad Shahrokhi", "Dschawad Schahrochi"]
    features = _features([{"full_name": n} for n in names])
    assert features["name_lskel"].nunique() == 1
    for i, j in combinations(range(len(names)), 2):
        assert ("name_lskel",) in _blocked_by(features, i, j)


def test_loose_name_key_is_order_invariant_and_keeps_other_names_apart() -> None:
    features = _features(
        [
            {"given_name": "میرشمسی", "family_name": "صادق"},  # columns swapped
            {"full_name": "Sadegh Mirshamshi"},  # سمسی read as shamshi
            {"full_name": "Sadegh Mirshahi"},
        ]
    )
    assert _blocked_by(features, 0, 1) == [("name_lskel",)]
    assert features["name_lskel"][0] != features["name_lskel"][2]


@pytest.mark.parametrize(
    "written",
    [
        "Sohrab Afsha",  # a consonant dropped from the family name
        "Afsha Sohrab",  # ... in a row written family first
    ],
)
def test_one_part_with_a_typo_in_either_order_is_blocked_within_a_place(written: str) -> None:
    left = {"given_name": "سهراب", "family_name": "افشار", "place": "Karaj"}
    features = _features([left, {"full_name": written, "place": "Karaj"}])
    assert ("name_anchor", "place_skel") in _blocked_by(features, 0, 1)
    elsewhere = _features([left, {"full_name": written, "place": "Shiraz"}])
    assert _blocked_by(elsewhere, 0, 1) == []


def test_an_order_swap_shares_the_name_blocks() -> None:
    features = _features([{"full_name": "Sanjari Sohrab"}, {"full_name": "Sohrab Sanjari"}])
    assert ("name_skel",) in _blocked_by(features, 0, 1)
    assert ("name_lskel",) in _blocked_by(features, 0, 1)


@pytest.mark.parametrize(
    ("persian", "latin"),
    [
        ({"given_name": "بنی", "family_name": "شرکت"}, "Bani-Torof Sherkat"),
        ({"given_name": "امیری", "family_name": "فرهنگی"}, "Amirizadeh Farhangi"),
    ],
)
def test_a_compound_given_name_shortened_to_its_first_part_is_blocked_on_the_family(
    persian: dict[str, str], latin: str
) -> None:
    features = _features([persian, {"full_name": latin}])
    assert features["given_skel"][0] != features["given_skel"][1]
    assert ("family_skel", "given_head") in _blocked_by(features, 0, 1)


def test_a_family_name_shortened_to_its_end_is_blocked_within_a_province() -> None:
    rows = [
        {"given_name": "قدرت‌الله", "family_name": "غلامپور", "province": "Kerman"},
        {"given_name": "Qodratollah", "family_name": "Pour", "province": "Kerman"},
    ]
    assert ("given_skel", "family_tail", "province") in _blocked_by(_features(rows), 0, 1)


def test_both_parts_garbled_are_blocked_on_initials_birth_year_and_province() -> None:
    rows = [
        {"full_name": "سروش وثوق", "age": "30", "date": "1390/01/15", "province": "Bushehr"},
        {"full_name": "Vossouh Sooush", "age": "30", "date": "spring 1390", "province": "Bushehr"},
        {"full_name": "Vossouh Sooush", "age": "45", "date": "spring 1390", "province": "Bushehr"},
    ]
    features = _features(rows)
    assert features["name_lskel"][0] != features["name_lskel"][1]
    assert ("name_initials", "birth_lo", "province") in _blocked_by(features, 0, 1)
    assert _blocked_by(features, 0, 2) == []  # another birth year: nothing else in common


def test_an_arabic_article_before_a_latin_family_name_is_left_out_of_the_loose_key() -> None:
    features = _features(
        [
            {"given_name": "امیری", "family_name": "اصفهانی"},
            {"given_name": "Amiri", "family_name": "al-Isfahani"},
        ]
    )
    assert features["family_lskel"][0] == features["family_lskel"][1]
    assert ("name_lskel",) in _blocked_by(features, 0, 1)


def test_a_family_name_without_consonants_still_makes_a_name_key() -> None:
    features = _features(
        [{"full_name": "Keyhan Ave"}, {"given_name": "کیهان", "family_name": "او"}]
    )
    assert features["family_skel"].isna().all()  # no consonant skeleton
    assert features["name_lskel"][0] == features["name_lskel"][1] == "_ sn"


def test_a_compound_family_name_shortened_to_zadeh_stays_the_family_name() -> None:
    features = _features(
        [{"full_name": "کرم زاده"}, {"given_name": "Karam", "family_name": "Zadeh"}]
    )
    assert features["family_key"].notna().all()
    assert features["given_skel"][0] == features["given_skel"][1]
    assert ("name_skel",) in _blocked_by(features, 0, 1)


def test_a_name_of_one_part_beside_an_honorific_is_blocked_on_that_part() -> None:
    features = _features(
        [
            {"full_name": "شیخ قنبرزاده"},  # the honorific is dropped: one part left
            {"given_name": "Sheykh", "family_name": "Ghanbarzadeh"},
            {"given_name": "Ali", "family_name": "Ghanbarzadeh"},
        ]
    )
    assert ("name_single",) in _blocked_by(features, 0, 1)
    assert features["name_single"][2] is None  # two real parts: the other rules apply


def test_the_smaller_anchor_catches_a_typo_in_the_part_that_sorts_first() -> None:
    # frzd|s < sqn|f: the typo (n → m) is in the part whose key is the larger anchor
    rows = [
        {"given_name": "فرزاد", "family_name": "سقائیان", "date": "1390/05/20"},
        {"given_name": "Farzad", "family_name": "Saghaiam", "date": "2011-08-11"},
    ]
    features = _features(rows)
    assert features["name_anchor"][0] != features["name_anchor"][1]
    assert ("name_anchor_lo", "date_day") in _blocked_by(features, 0, 1)


def test_a_day_and_a_month_that_contains_it_share_the_month_key() -> None:
    rows = [
        {"given_name": "ارون", "family_name": "سهرابپور", "date": "14 تیر 1390"},
        {"given_name": "Aaron", "family_name": "Sohrabpur", "date": "2011-07"},
        {"given_name": "Aaron", "family_name": "Sohrabpur", "date": "1390"},  # a year: no key
        {"given_name": "Aaron", "family_name": "Sohrabpur", "date": "تیر 1390"},
    ]
    months = _features(rows)["date_month"]
    assert months[0] == months[1] == 2011 * 12 + 6  # 2011-07-05 and July 2011
    assert pd.isna(months[2])
    assert months[3] == 2011 * 12 + 6  # Tir 1390 is 22 June - 22 July 2011: its middle is July


def test_a_typo_in_one_part_without_a_shared_day_or_place_is_blocked_by_the_month() -> None:
    # messy seed 11: the given name lost a letter, one list has a prison, the other a town,
    # neither the day
    rows = [
        {"given_name": "Houahng", "family_name": "Ghadiri", "date": "2011-12", "place": "Chavar"},
        {"given_name": "هوشنگ", "family_name": "قدیری", "date": "آذر 1390", "place": "زندان اوین"},
        # the family name with a letter changed, the given name as written
        {"given_name": "Kasra", "family_name": "Farahmand", "date": "2011-05", "place": "Evin"},
        {"given_name": "کسرا", "family_name": "فرهمد", "date": "16 اردیبهشت 1390", "place": "قم"},
    ]
    features = _features(rows)
    assert _blocked_by(features, 0, 1) == [("family_skel", "given_initial", "date_month")]
    assert _blocked_by(features, 2, 3) == [("given_skel", "family_head", "date_month")]


def test_a_father_written_in_the_family_field_is_blocked_with_the_given_name() -> None:
    rows = [
        {"full_name": "رحیمی، رامین", "father_name": "کمال", "date": "1367/6/10"},
        {"given_name": "رامین", "family_name": "کمال", "date": "۱۰ شهریور ۱۳۶۷"},
        {"given_name": "رامین", "family_name": "جلال", "date": "۱۰ شهریور ۱۳۶۷"},
    ]
    features = _features(rows)
    assert ("given_skel", "father_skel=family_skel") in _blocked_by(features, 0, 1)
    assert ("given_skel", "family_skel=father_skel") in _blocked_by(features, 1, 0)
    assert not any("=" in c for rule in _blocked_by(features, 0, 2) for c in rule)


def test_an_abbreviated_compound_given_name_is_blocked_on_initial_and_last_part() -> None:
    rows = [
        {"full_name": "GĪLĀNĪ, Hamīdrezā"},
        {"full_name": "H. Reza Gilani"},
        {"full_name": "A. Reza Gilani"},
    ]
    features = _features(rows)
    assert features["given_abbr"][0] == features["given_abbr"][1] == "h|rz"
    assert ("given_abbr", "family_skel") in _blocked_by(features, 0, 1)
    assert ("given_abbr", "family_skel") not in _blocked_by(features, 0, 2)


def test_a_family_name_shortened_to_its_end_is_blocked_with_the_father_or_birth_year() -> None:
    rows = [
        {"full_name": "MAGHAMI, Mohammad", "father_name": "Amir"},
        {"full_name": "Mohammad Ghaemmaghami", "father_name": "امیر"},
    ]
    assert ("given_skel", "family_tail", "father_skel") in _blocked_by(_features(rows), 0, 1)


def test_a_given_name_alone_is_blocked_with_the_father_or_birth_year_in_the_province() -> None:
    rows = [
        {"given_name": "Asghar", "family_name": "Nasiri", "father_name": "Hossein",
         "place": "Mashhad", "age": "27", "date": "1988-08-02"},
        {"full_name": "اصغر", "father_name": "حسین", "place": "مشهد"},
        {"full_name": "اصغر", "place": "مشهد", "age": "27", "date": "مرداد ۱۳۶۷"},
    ]  # fmt: skip
    features = _features(rows)
    assert ("given_lskel=name_single", "father_skel", "province") in _blocked_by(features, 0, 1)
    assert ("name_single=given_lskel", "father_skel", "province") in _blocked_by(features, 1, 0)
    assert ("given_lskel=name_single", "province", "birth_lo") in _blocked_by(features, 0, 2)
    same_day = _features([rows[0], {"full_name": "اصغر", "date": "۱۱ مرداد ۱۳۶۷"}])
    assert ("given_lskel=name_single", "date_day") in _blocked_by(same_day, 0, 1)


def test_a_given_name_alone_is_blocked_with_the_place_as_written() -> None:
    # a testimony's «منصور» of Kashan, no date or father: only the town it shares
    whole = {"given_name": "Mansour", "family_name": "Hashemi", "date": "1988-08-26"}
    rows = [
        {**whole, "place": "Kashan"},
        {"full_name": "منصور", "place": "کاشان"},
        {"full_name": "منصور", "place": "یزد"},
    ]
    features = _features(rows)
    assert _blocked_by(features, 0, 1) == [("given_lskel=name_single", "place_skel")]
    assert _blocked_by(features, 1, 0) == [("name_single=given_lskel", "place_skel")]
    assert _blocked_by(features, 0, 2) == []


def test_a_given_name_alone_is_blocked_with_the_father_without_a_place() -> None:
    rows = [
        {"given_name": "Fatemeh", "family_name": "Afshar", "father_name": "Qasem",
         "date": "1988-08-29", "place": "Khorramabad"},
        {"full_name": "فاطمه", "father_name": "قاسم"},
        {"full_name": "فاطمه", "father_name": "رضا"},
    ]  # fmt: skip
    features = _features(rows)
    assert _blocked_by(features, 0, 1) == [("given_lskel=name_single", "father_skel")]
    assert _blocked_by(features, 1, 0) == [("name_single=given_lskel", "father_skel")]
    assert _blocked_by(features, 0, 2) == []


def test_a_given_name_with_another_family_name_is_blocked_on_the_day_in_the_province() -> None:
    # the father's name in the family field («جمال»), a prison on one list and the town on
    # the other: the given name, the day and the province are all the pair shares
    testimony = {"given_name": "رضا", "family_name": "جمال", "date": "۱۸ شهریور ۱۳۶۷"}
    rows = [
        {"given_name": "Reza", "family_name": "Kazempour", "date": "1988-09-09", "place": "Ahvaz"},
        {**testimony, "place": "زندان کارون"},
        {**testimony, "place": "زندان اوین"},
    ]
    features = _features(rows)
    assert _blocked_by(features, 0, 1) == [("given_skel", "date_day", "province")]
    assert _blocked_by(features, 0, 2) == []


def test_an_abbreviated_given_name_is_blocked_on_the_loose_family_name() -> None:
    # "Ataji" (German j for y) and «عطایی» differ in skeleton (tj / t), not in loose skeleton
    rows = [{"given_name": "M. Reza", "family_name": "Ataji"}, {"full_name": "عطایی، محمدرضا"}]
    features = _features(rows)
    assert features["family_skel"][0] != features["family_skel"][1]
    assert _blocked_by(features, 0, 1) == [("given_abbr", "family_lskel")]


def test_an_abbreviated_given_name_with_a_family_typo_is_blocked_in_the_province() -> None:
    rows = [
        {"full_name": "Gh. Reza Soleiani", "place": "Tabriz"},
        {"full_name": "SOLEIMANI, Gholamreza", "place": "Tabriz Prison"},
        {"full_name": "SOLEIMANI, Gholamreza", "place": "Shiraz"},
    ]
    features = _features(rows)
    assert _blocked_by(features, 0, 1) == [("given_abbr", "family_initial", "province")]
    assert _blocked_by(features, 0, 2) == []
