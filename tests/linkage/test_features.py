"""Persian-aware feature columns: one key across scripts, dates as intervals, birth vs age."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from shomar.errors import LinkageError
from shomar.linkage.features import (
    FEATURE_COLUMNS,
    canonical_forms,
    compute_features,
    normalize_sex,
    normalize_violation,
)

EPOCH = dt.date(1970, 1, 1)


def _records(rows: list[dict[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, "source", "L")
    frame.insert(1, "record_id", [str(i) for i in range(len(frame))])
    return frame


def _day(y: int, m: int, d: int) -> int:
    return (dt.date(y, m, d) - EPOCH).days


def test_columns_and_order() -> None:
    features = compute_features(_records([{"full_name": "Ali Rezaei"}, {"full_name": "علی رضایی"}]))
    assert list(features.columns) == list(FEATURE_COLUMNS)
    assert features["unique_id"].tolist() == [0, 1]


def test_one_name_across_scripts_shares_signature_and_canonical_form() -> None:
    features = compute_features(
        _records(
            [
                {"given_name": "Mohammad", "family_name": "Rezaei"},
                {"given_name": "محمد", "family_name": "رضایی"},
                {"given_name": "محمود", "family_name": "رضایی"},
            ]
        )
    )
    mohammad, persian, mahmoud = features.to_dict("records")
    assert mohammad["given_skel"] == persian["given_skel"] == mahmoud["given_skel"]
    assert mohammad["given_sig"] == persian["given_sig"]
    assert mahmoud["given_sig"] != persian["given_sig"]
    assert mohammad["family_sig"] == persian["family_sig"]


def test_canonical_forms_group_by_compare() -> None:
    # same skeleton (mhmd): joined only where ``compare`` says so
    canon = canonical_forms(
        ["Mohammad", "Mohammad", "Mohamad", "Mahmoud"],
        compare=lambda x, y: 0.0 if "Mahmoud" in (x, y) else 0.9,
    )
    assert canon["Mohamad"] == canon["Mohammad"] == "Mohammad"
    assert canon["Mahmoud"] == "Mahmoud"


def test_jalali_month_becomes_a_gregorian_interval() -> None:
    features = compute_features(_records([{"full_name": "Ali Rezaei", "date": "Mordad 1367"}]))
    row = features.iloc[0]
    assert row["date_start"] == _day(1988, 7, 23)
    assert row["date_end"] == _day(1988, 8, 22)
    assert pd.isna(row["date_day"])  # not precise to the day: no day block
    assert row["date_year"] == 1988


def test_a_two_digit_year_is_read_near_its_lists_other_dates() -> None:
    records = _records(
        [
            {"full_name": "Ali Rezaei", "date": "1390/02/03"},
            {"full_name": "Ali Rezaei", "date": "summer 90", "age": "30"},
            {"full_name": "علی رضایی", "date": "مرداد ۹۰"},
        ]
    )
    records.loc[3] = ["M", "0", "Reza Karimi", "summer 90", "30"]  # a list without other dates
    features = compute_features(records.fillna(""))
    summer, mordad, alone = features.iloc[1], features.iloc[2], features.iloc[3]
    assert (summer["date_start"], summer["date_end"]) == (_day(2011, 6, 22), _day(2011, 9, 22))
    assert (summer["birth_lo"], summer["birth_hi"]) == (1980, 1981)  # the age counts again
    assert (mordad["date_start"], mordad["date_end"]) == (_day(2011, 7, 23), _day(2011, 8, 22))
    assert pd.isna(alone["date_start"]) and pd.isna(alone["birth_lo"])  # no century: unread


def test_a_numeric_date_with_a_two_digit_year_first_is_read_as_a_jalali_date() -> None:
    rows = [{"full_name": "علی رضایی", "date": d} for d in ("1367/06/10", "۶۷/۶/۲۱", "67/4/29")]
    rows += [{"full_name": "Ali Rezaei", "date": d} for d in ("21/6/67", "88/07/29")]
    features = compute_features(_records(rows))
    assert features["date_day"][1] == _day(1988, 9, 12)  # 1367/06/21
    assert features["date_day"][2] == _day(1988, 7, 20)  # 1367/04/29
    assert pd.isna(features["date_start"][3])  # the year last: day and month ambiguous
    # year first in a Latin list: Gregorian 1988-07-29 fits the list's 1988 (Jalali 1388 does not)
    assert features["date_day"][4] == _day(1988, 7, 29)


def test_birth_years_from_age_at_the_violation_date() -> None:
    features = compute_features(
        _records([{"full_name": "Ali Rezaei", "age": "۳۰", "date": "2011-05-01"}])
    )
    row = features.iloc[0]
    assert (row["birth_lo"], row["birth_hi"]) == (1980, 1981)


def test_unparseable_values_become_null_not_errors() -> None:
    features = compute_features(
        _records([{"full_name": "Ali Rezaei", "date": "not a date", "age": "old"}])
    )
    assert pd.isna(features.iloc[0]["date_start"])
    assert pd.isna(features.iloc[0]["birth_lo"])


def test_full_name_is_parsed_when_parts_are_missing() -> None:
    features = compute_features(_records([{"full_name": "Seyed Ali Rezaei"}]))
    row = features.iloc[0]
    assert row["given_key"] and row["family_key"]
    assert "seyed" not in str(row["given_key"]).lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("اعدام", "execution"), ("killing", "killing"), ("کشته شده", "killing"),
     ("death in custody", "death_in_custody")],
)  # fmt: skip
def test_violation_categories(text: str, expected: str) -> None:
    assert normalize_violation(text) == expected


def test_sex_in_both_scripts() -> None:
    assert normalize_sex("مرد") == normalize_sex("M") == "m"
    assert normalize_sex("زن") == normalize_sex("female") == "f"
    assert normalize_sex("?") is None


def test_records_without_ids_are_refused() -> None:
    with pytest.raises(LinkageError, match="record_id"):
        compute_features(pd.DataFrame({"full_name": ["x"]}))
