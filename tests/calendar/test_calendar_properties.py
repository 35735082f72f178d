"""Property tests: Jalali dates written by format_jalali read back; intervals are ordered."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from shomar.calendar import format_jalali, interval_distance_days, parse_partial_date
from shomar.calendar.jalali import FORMAT_STYLES

# Jalali years 1000-1699: four-digit years that the year rule reads as Jalali.
JALALI_DAYS = st.dates(min_value=dt.date(1621, 3, 21), max_value=dt.date(2321, 3, 20))


@settings(max_examples=200, deadline=None)
@given(day=JALALI_DAYS, style=st.sampled_from(FORMAT_STYLES))
def test_format_jalali_round_trips(day: dt.date, style: str) -> None:
    parsed = parse_partial_date(format_jalali(day, style))
    assert parsed.calendar == "jalali"
    assert parsed.precision == "day"
    assert parsed.start == parsed.end == day


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=1000, max_value=2999),
    month=st.integers(min_value=1, max_value=12),
    form=st.sampled_from(["{y}", "{y}-{m:02d}", "{y}/{m}", "{m}/{y}"]),
    calendar=st.sampled_from(["jalali", "gregorian"]),
)
def test_start_never_after_end(year: int, month: int, form: str, calendar: str) -> None:
    assume(calendar == "gregorian" or year < 1700)  # Jalali 1700+ is refused as Gregorian
    parsed = parse_partial_date(form.format(y=year, m=month), default_calendar=calendar)
    assert parsed.start <= parsed.end
    assert parsed.edtf == f"{parsed.start.isoformat()}/{parsed.end.isoformat()}"


@settings(max_examples=100, deadline=None)
@given(a=JALALI_DAYS, b=JALALI_DAYS)
def test_distance_of_single_days_is_their_difference(a: dt.date, b: dt.date) -> None:
    pa = parse_partial_date(format_jalali(a))
    pb = parse_partial_date(format_jalali(b))
    assert interval_distance_days(pa, pb) == abs((a - b).days) == interval_distance_days(pb, pa)
