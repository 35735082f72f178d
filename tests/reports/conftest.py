"""A hand-built, SYNTHETIC ReportData: every name, number and hash below is made up.

It mixes Persian and Latin names, has two events (one with claims, documented count and
estimates; one with a claim and a documented count but no estimate) and leaves pieces out
(a source without documents, records without date or province) as real workspaces do.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pytest

from shomar.reports.data import (
    CategoryComparison,
    Claim,
    DateInterval,
    DocumentedCount,
    DocumentInfo,
    Estimate,
    EventReport,
    LinkageSummary,
    PersonMembership,
    ProvinceCount,
    Quantity,
    ReportData,
    SourceInfo,
)

#: Persian strings the rendered report must contain (checked in the HTML and the browser DOM).
PERSIAN_SOURCE = "کانون مدافعان حقوق بشر (ساختگی)"
PERSIAN_EVENT = "اعتراضات آبان ۱۳۹۸"
PERSIAN_CLAIMANT = "سازمان مجاهدین (ساختگی)"
PERSIAN_QUOTE = "دست‌کم ۱۵۰۰ نفر در اعتراضات آبان کشته شدند"
PERSIAN_PROVINCE = "خوزستان"

GENERATED = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def _memberships() -> list[PersonMembership]:
    patterns = {
        ("Synthetic list A",): 120,
        (PERSIAN_SOURCE,): 95,
        ("Synthetic list C",): 40,
        ("Synthetic list A", PERSIAN_SOURCE): 60,
        ("Synthetic list A", "Synthetic list C"): 25,
        (PERSIAN_SOURCE, "Synthetic list C"): 18,
        ("Synthetic list A", PERSIAN_SOURCE, "Synthetic list C"): 12,
    }
    out = []
    for combo, n in patterns.items():
        out += [PersonMembership(f"P{len(out) + i:05d}", frozenset(combo)) for i in range(n)]
    return out


def _dates() -> list[DateInterval]:
    return [
        DateInterval(date(2019, 11, 16), date(2019, 11, 16), "day", 140),
        DateInterval(date(2019, 11, 17), date(2019, 11, 17), "day", 90),
        DateInterval(date(2019, 11, 1), date(2019, 11, 30), "month", 60),
        DateInterval(date(2019, 10, 23), date(2019, 11, 21), "month", 30),  # Aban 1398
        DateInterval(date(2019, 9, 23), date(2019, 12, 21), "season", 20),  # autumn 1398
        DateInterval(date(2019, 3, 21), date(2020, 3, 19), "year", 25),  # Jalali year 1398
        DateInterval(date(1988, 7, 23), date(1988, 8, 22), "month", 3),  # Mordad 1367
    ]


def make_report_data() -> ReportData:
    """The synthetic report used by every report test."""
    rng = np.random.default_rng(20261125)
    aban = EventReport(
        name=PERSIAN_EVENT,
        name_latin="November 2019 protests",
        start=date(2019, 11, 15),
        end=date(2019, 11, 30),
        categories=[
            CategoryComparison(
                counted="killed",
                claims=[
                    Claim(
                        claimant=PERSIAN_CLAIMANT,
                        claimant_latin="Opposition group (synthetic)",
                        quantity=Quantity(1500, qualifier="exact"),
                        date_stated=date(2019, 12, 15),
                        relation="within the estimate's 95% interval",
                        rule="lower <= claim <= upper of the loglinear 95% interval",
                        quote=PERSIAN_QUOTE,
                        document="statement-2019-12-15.txt",
                    ),
                    Claim(
                        claimant="Reuters (synthetic)",
                        quantity=Quantity(1500, qualifier="exact"),
                        date_stated=date(2019, 12, 23),
                        relation="within the estimate's 95% interval",
                        rule="lower <= claim <= upper of the loglinear 95% interval",
                        quote="About 1,500 people were killed, three officials said.",
                        cites=["Interior ministry officials (synthetic)"],
                    ),
                    Claim(
                        claimant="Amnesty (synthetic)",
                        quantity=Quantity(304, qualifier="at_least"),
                        date_stated=date(2020, 5, 20),
                        relation="below the documented count",
                        rule="claim < documented unique persons",
                    ),
                    Claim(
                        claimant="Government statement (synthetic)",
                        quantity=Quantity(None, lower=200, upper=225, qualifier="range"),
                        date_stated=date(2020, 6, 1),
                        relation="below the documented count",
                        rule="upper < documented unique persons",
                    ),
                ],
                documented=DocumentedCount(unique_persons=370, multi_source_persons=115),
                estimates=[
                    Estimate(
                        "loglinear",
                        1210.4,
                        (880.2, 1702.9),
                        0.95,
                        "profile",
                        370,
                        run_id="run-7",
                        run_at=GENERATED,
                        seed=1,
                    ),
                    Estimate(
                        "lcmcr",
                        1330.0,
                        (910.0, 2210.0),
                        0.95,
                        "credible",
                        370,
                        draws=list(rng.lognormal(np.log(1330), 0.22, 2000)),
                        warnings=["R-hat 1.03 > 1.01: chains may not have converged"],
                        run_id="run-8",
                        seed=2,
                    ),
                    Estimate(
                        "dga",
                        1405.5,
                        (1001.0, 2100.0),
                        0.95,
                        "credible",
                        370,
                        draws=rng.lognormal(np.log(1405), 0.18, (4, 500)),  # (chain, draw)
                        seed=3,
                    ),
                ],
            ),
            CategoryComparison(
                counted="arrested",
                claims=[
                    Claim(
                        claimant="Rights group (synthetic)",
                        quantity=Quantity(None, 2000, 9999, qualifier="vague"),
                        date_stated=date(2019, 11, 25),
                        relation="no estimate yet",
                        rule="no estimate run for this event and category",
                        quote="Thousands of protesters were arrested.",
                    ),
                    Claim(
                        claimant="خبرگزاری (ساختگی)",
                        quantity=Quantity(7000, None, None, qualifier="approximately"),
                        date_stated=date(2019, 11, 27),
                        relation="no estimate yet",
                        rule="no estimate run for this event and category",
                        quote="حدود ۷۰۰۰ نفر بازداشت شدند",
                    ),
                    Claim(
                        claimant="Member of parliament (synthetic)",
                        quantity=Quantity(7000, qualifier="at_least"),
                        date_stated=date(2019, 12, 3),
                        relation="no estimate yet",
                        rule="no estimate run for this event and category",
                    ),
                ],
            ),
        ],
    )
    prisons = EventReport(
        name="1988 prison executions (synthetic)",
        start=date(1988, 7, 19),
        end=date(1988, 12, 31),
        categories=[
            CategoryComparison(
                counted="executed",
                claims=[
                    Claim(
                        claimant="MEP quoted in an article (synthetic)",
                        quantity=Quantity(30000, qualifier="exact"),
                        date_stated=date(2019, 12, 10),
                        relation="no estimate yet",
                        rule="no estimate run for this event and category",
                    ),
                ],
                documented=DocumentedCount(unique_persons=3, multi_source_persons=0),
            ),
        ],
    )
    return ReportData(
        workspace="synthetic-demo",
        generated_at=GENERATED,
        synthetic=True,
        title="Shomar report (synthetic test data)",
        software_version="0.1.0",
        sources=[
            SourceInfo(
                "Synthetic list A",
                "ngo",
                430,
                [DocumentInfo("list_a_synthetic.csv", "a" * 64, 48_213, 430)],
            ),
            SourceInfo(
                PERSIAN_SOURCE,
                "ngo",
                310,
                [DocumentInfo("فهرست_ساختگی.xlsx", "b" * 64, 1_204_551, 310)],
                name_latin="Defenders centre (synthetic)",
            ),
            SourceInfo("Synthetic list C", "media", 104, []),
        ],
        memberships=_memberships(),
        violation_dates=_dates(),
        undated_records=12,
        provinces=[
            ProvinceCount(PERSIAN_PROVINCE, 160, "Khuzestan"),
            ProvinceCount("Tehran", 140),
            ProvinceCount("کرمانشاه", 45),
            ProvinceCount("Fars", 30),
        ],
        unplaced_records=21,
        linkage=LinkageSummary(
            records=844,
            persons=370,
            pairs_under_review=37,
            decisions={"same": 21, "different": 9, "unsure": 4},
            run_at=GENERATED,
            model="splink (synthetic settings)",
        ),
        events=[aban, prisons],
    )


@pytest.fixture(scope="session")
def report_data() -> ReportData:
    return make_report_data()


@pytest.fixture(scope="session")
def en_html(report_data: ReportData) -> str:
    """The synthetic report in English, rendered once per test process (its figures take
    seconds; several modules read the same page)."""
    from shomar.reports import render_report

    return render_report(report_data)


@pytest.fixture(scope="session")
def fa_html(report_data: ReportData) -> str:
    """The synthetic report in Persian, rendered once per test process."""
    from shomar.reports import render_report

    return render_report(report_data, lang="fa")
