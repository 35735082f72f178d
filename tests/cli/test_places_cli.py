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
        "province": "Khuzestan",
        "province_iso": "IR-06",
        "county": "Izeh",
        "city": "Izeh",
        "confidence": 1.0,
    }


def test_resolve_persian_text_output() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "استان خوزستان"])
    assert result.exit_code == 0, result.output
    assert "Khuzestan" in result.output


def test_resolve_unknown_place() -> None:
    result = CliRunner().invoke(app, ["places", "resolve", "Atlantis", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["province"] is None
