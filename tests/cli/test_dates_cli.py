"""`shomar dates parse`: table, JSON, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from shomar.cli.main import app


def _shomar(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"},
    )


def test_json_output_is_to_dict() -> None:
    result = _shomar("dates", "parse", "مرداد ۱۳۶۷", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "input": "مرداد ۱۳۶۷",
        "calendar": "jalali",
        "precision": "month",
        "qualifier": None,
        "start": "1988-07-23",
        "end": "1988-08-22",
        "edtf": "1988-07-23/1988-08-22",
    }


def test_table_output() -> None:
    result = CliRunner().invoke(app, ["dates", "parse", "circa 1988"])
    assert result.exit_code == 0, result.output
    for text in ("gregorian", "year", "approximate", "1988-01-01", "1988-12-31", "1988-01-01~/"):
        assert text in result.output


def test_calendar_option() -> None:
    result = CliRunner().invoke(
        app, ["dates", "parse", "1367", "--calendar", "gregorian", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["start"] == "1367-01-01"


def test_bad_date_exits_1_with_message() -> None:
    result = _shomar("dates", "parse", "30 Esfand 1398")
    assert result.returncode == 1
    assert "1398 is not a leap year" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_date_with_json_prints_the_refusal_as_json_too() -> None:
    result = _shomar("dates", "parse", "30 Esfand 1398", "--json")
    assert result.returncode == 1
    error = json.loads(result.stdout)
    assert error["ok"] is False and error["error"]["code"] == "bad_input"
    assert "1398 is not a leap year" in error["error"]["message"]
    assert "1398 is not a leap year" in " ".join(result.stderr.split())


def test_missing_argument_is_usage_error() -> None:
    result = CliRunner().invoke(app, ["dates", "parse"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_missing_argument_exits_2_from_console_script() -> None:
    result = _shomar("dates", "parse")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_century_hint_option_reads_a_two_digit_year() -> None:
    result = CliRunner().invoke(
        app, ["dates", "parse", "مرداد ۶۷", "--century-hint", "1988", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["start"] == "1988-07-23" and "1367" in data["century_inferred"]


def test_two_digit_year_without_hint_is_a_clear_error() -> None:
    result = _shomar("dates", "parse", "مرداد ۶۷")
    assert result.returncode != 0
    assert "--century-hint" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
