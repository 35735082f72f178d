"""What an import infers from the list itself is said in its report, never silently (issue 9).

A list written family name first is named as such; two-digit Jalali years («مرداد ۶۷») are read
with the century of the event's window, or of the list's own dates, and the report says how
many and from what.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from shomar.cli.main import app
from shomar.errors import ImportValidationError
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN

EVENT = "1988 prison executions"
FAMILY_FIRST = (
    "record_id,full_name,date\n"
    '1,"Rezaei, Aliakbar",1367\n'
    '2,"Ahmadi, Maryam",1367\n'
    '3,"Karimi, Reza",1367\n'
    '4,"Hosseini, Zahra",1367\n'
    "5,MOHAMMADI Hassan,1367\n"
)


def _dates(ws: Workspace) -> list[tuple[str, str | None]]:
    with ws.read_session() as session:
        rows = session.execute(select(Record.date_text, Record.date_start).order_by(Record.id))
        return [(text, str(start) if start else None) for text, start in rows]


def test_a_family_first_list_is_said(sqlite_workspace: Workspace, write: Any) -> None:
    report = import_file(sqlite_workspace, write("ff.csv", FAMILY_FIRST), "NGO", principal=ADMIN)
    assert report.name_order is not None and report.name_order["order"] == "family-first"
    assert report.name_order["family_first"] == 5
    assert any("family name first" in w for w in report.warnings)


def test_a_given_first_list_says_nothing_about_order(
    sqlite_workspace: Workspace, write: Any
) -> None:
    text = "record_id,full_name\n1,Aliakbar Rezaei\n2,Maryam Ahmadi\n3,Reza Karimi\n"
    report = import_file(sqlite_workspace, write("gf.csv", text), "NGO", principal=ADMIN)
    assert report.name_order is not None and report.name_order["order"] != "family-first"
    assert not any("family name first" in w for w in report.warnings)


def test_two_digit_years_take_the_century_of_the_event_window(
    sqlite_workspace: Workspace, write: Any
) -> None:
    add_event(sqlite_workspace, EVENT, start="1988-07-19", end="1988-09-30", principal=ADMIN)
    text = (
        "record_id,full_name,date,event\n"
        f"1,Ali Rezaei,مرداد ۶۷,{EVENT}\n"
        f"2,Maryam Ahmadi,۱۰ شهریور ۶۷,{EVENT}\n"
        f"3,Reza Karimi,مرداد ۱۳۶۷,{EVENT}\n"
    )
    report = import_file(sqlite_workspace, write("e.csv", text), "NGO", principal=ADMIN)
    assert _dates(sqlite_workspace) == [
        ("مرداد ۶۷", "1988-07-23"),
        ("۱۰ شهریور ۶۷", "1988-09-01"),
        ("مرداد ۱۳۶۷", "1988-07-23"),
    ]
    assert report.two_digit_years == [
        {
            "dates": 2,
            "read_as": "13xx",
            "hint": f"from the window of the event '{EVENT}', 1988-07-19/1988-09-30",
        }
    ]
    assert any(
        w.startswith("2 date(s) written with two-digit years were read as 13xx (from the window")
        for w in report.warnings
    )


def test_two_digit_years_take_the_century_of_the_lists_own_dates(
    sqlite_workspace: Workspace, write: Any
) -> None:
    text = (
        "record_id,full_name,date\n"
        "1,Ali Rezaei,مرداد ۶۷\n"
        "2,Maryam Ahmadi,۱۳۶۷/۰۵/۱۰\n"
        "3,Reza Karimi,شهریور ۱۳۶۷\n"
    )
    report = import_file(sqlite_workspace, write("l.csv", text), "NGO", principal=ADMIN)
    assert _dates(sqlite_workspace)[0] == ("مرداد ۶۷", "1988-07-23")
    (said,) = report.two_digit_years
    assert said["dates"] == 1 and said["read_as"] == "13xx"
    assert said["hint"].startswith("from the list's other dates, ")
    assert any("1 date(s) written with two-digit years were read as 13xx" in w
               for w in report.warnings)  # fmt: skip


def test_a_register_date_with_its_two_digit_year_first_is_read_and_said(
    sqlite_workspace: Workspace, write: Any
) -> None:
    text = (
        "record_id,full_name,date\n"
        "1,Ali Rezaei,۶۷/۵/۸\n"
        "2,Maryam Ahmadi,۱۳۶۷/۰۵/۱۰\n"
        "3,Reza Karimi,۶۷/۰۶/۱۰\n"
    )
    report = import_file(sqlite_workspace, write("r.csv", text), "Register", principal=ADMIN)
    dates = _dates(sqlite_workspace)
    assert ("۶۷/۵/۸", "1988-07-30") in dates and ("۶۷/۰۶/۱۰", "1988-09-01") in dates
    (said,) = report.two_digit_years
    assert said["dates"] == 2 and said["read_as"] == "13xx"


def test_a_two_digit_year_with_nothing_to_go_by_is_refused_at_its_row(
    sqlite_workspace: Workspace, write: Any
) -> None:
    text = "record_id,full_name,date\n1,Ali Rezaei,مرداد ۶۷\n2,Maryam Ahmadi,\n"
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, write("n.csv", text), "NGO", principal=ADMIN)
    (problem,) = info.value.problems  # type: ignore[attr-defined]
    assert (problem.row, problem.column) == (2, "date")
    assert "two digits" in problem.message and "century" in problem.message
    assert _dates(sqlite_workspace) == []


def test_the_cli_json_and_text_say_both(tmp_path: Path, write: Any) -> None:
    runner = CliRunner()
    ws = str(tmp_path / "ws")
    assert runner.invoke(app, ["init", ws]).exit_code == 0
    text = FAMILY_FIRST + '6,"Jafari, Mehdi",مرداد ۶۷\n'
    path = write("both.csv", text)
    done = runner.invoke(app, ["import", str(path), "--source", "NGO", "-w", ws, "--dry-run"])
    assert done.exit_code == 0, done.output
    flat = " ".join(done.output.split())
    assert "family name first" in flat
    assert "1 date(s) written with two-digit years were read as 13xx" in flat
    done = runner.invoke(app, ["import", str(path), "--source", "NGO", "-w", ws, "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["name_order"]["order"] == "family-first"
    assert data["two_digit_years"][0]["dates"] == 1


def test_a_mark_for_not_known_in_a_date_age_or_place_is_read_as_empty_and_said(
    sqlite_workspace: Workspace, write: Any
) -> None:
    """Lists write «نامعلوم», '-', 'N/A' where a date or an age is not known: no value, not a
    date that cannot be read (the row is kept; the report counts the marks; the raw row keeps
    them)."""
    text = (
        "record_id,full_name,date,age,place\n"
        "1,Ali Rezaei,نامعلوم,?,-\n"
        "2,Reza Karimi,-,نامشخص,Tehran\n"
        "3,Hasan Ahmadi,1367-05-10,N/A,؟\n"
    )
    report = import_file(sqlite_workspace, write("u.csv", text), "Marks", principal=ADMIN)
    assert report.records_added == 3
    with sqlite_workspace.session() as session:
        stored = {r.record_key: (r.date_start, r.age, r.place)
                  for r in session.scalars(select(Record))}  # fmt: skip
    assert stored["1"] == (None, None, "") and stored["2"][1] is None
    assert stored["3"][0] is not None and stored["2"][2] == "Tehran"
    said = " ".join(report.warnings)
    assert "2 date cell(s) held a mark for not known ('-' ×1, 'نامعلوم' ×1)" in said
    assert "3 age cell(s) held a mark for not known" in said
    assert "2 place cell(s) held a mark for not known" in said
