"""`shomar places resolve`."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from shomar.cli import places_cmd


def _app() -> typer.Typer:
    # the module's own commands on a bare root: these tests do not depend on other commands
    root = typer.Typer()

    @root.callback()
    def main() -> None:
        """Test root."""

    places_cmd.register(root)
    return root


app = _app()


def test_resolve_json() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "Izeh, Khouzistan", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "input": "Izeh, Khouzistan",
        "resolved": True,
        "country": "IR",
        "province": "Khuzestan",
        "province_iso": "IR-06",
        "county": "Izeh",
        "city": "Izeh",
        "site": None,
        "kind": "city",
        "confidence": 1.0,
        "note": None,
        "candidate": None,
    }


def test_resolve_persian_text_output() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "استان خوزستان"])
    assert result.exit_code == 0, result.output
    assert "Khuzestan" in result.output


def test_resolve_unknown_place() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "Atlantis", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["province"] is None


def test_resolve_foreign_place_json_gives_country_and_no_province() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "Paris", "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert (d["resolved"], d["country"], d["province"], d["city"]) == (True, "FR", None, "Paris")


def test_resolve_prison_text_output() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "[b]Evin[/b]"])
    assert result.exit_code == 0, result.output
    assert "[b]Evin[/b]" in result.output  # user text is printed as written


def test_resolve_prison_json() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "زندان اوین", "--json"])
    d = json.loads(result.output)
    assert (d["country"], d["province_iso"], d["kind"], d["site"]) == (
        "IR",
        "IR-23",
        "prison",
        "Evin Prison",
    )


def test_resolve_empty_text_is_an_input_error() -> None:
    from shomar.errors import InputError

    result = CliRunner().invoke(app, ["places", "resolve", "  "])
    assert isinstance(result.exception, InputError)
    assert "empty" in result.exception.message
