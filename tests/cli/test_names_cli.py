"""`shomar names compare` and `shomar names parse`."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from shomar.cli import names_cmd
from shomar.errors import InputError


def _app() -> typer.Typer:
    # the module's own commands on a bare root: these tests do not depend on other commands
    root = typer.Typer()

    @root.callback()
    def main() -> None:
        """Test root."""

    names_cmd.register(root)
    return root


app = _app()


def test_compare_json() -> None:
    result = CliRunner().invoke(
        app, ["names", "compare", "سید محمدرضا حسین‌زاده", "Mohammadreza Hosseinzadeh", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["a", "b", "probability", "decision", "explanation"]
    assert data["a"] == "سید محمدرضا حسین‌زاده"
    assert data["decision"] == "match"
    assert 0.9 <= data["probability"] <= 1.0


def test_compare_text_output_names_the_decision() -> None:
    result = CliRunner().invoke(app, ["names", "compare", "Hamid", "Hamed"])
    assert result.exit_code == 0, result.output
    assert "no-match" in result.output


def test_parse_json() -> None:
    result = CliRunner().invoke(app, ["names", "parse", "Seyed Ali Mousavi", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["honorifics"] == ["Seyed"] and data["family"] == "Mousavi"


def test_compare_needs_two_names() -> None:
    result = CliRunner().invoke(app, ["names", "compare", "Ali"])
    assert result.exit_code == 2


def test_compare_rejects_a_name_without_letters() -> None:
    result = CliRunner().invoke(app, ["names", "compare", "123", "Ali"])
    assert isinstance(result.exception, InputError)
    assert "'123' has no letters" in str(result.exception)


def test_parse_family_first_comma_form() -> None:
    result = CliRunner().invoke(app, ["names", "parse", "Rezaei, Aliakbar", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["family"], data["given"], data["family_first"]) == ("Rezaei", "Aliakbar", True)
    assert data["order_evidence"] == "comma"


def test_parse_text_output_prints_lists_as_text() -> None:
    result = CliRunner().invoke(app, ["names", "parse", "Seyed Ali [b]Mousavi[/b]"])
    assert result.exit_code == 0, result.output
    assert "honorifics: Seyed" in result.output and "['Seyed']" not in result.output
