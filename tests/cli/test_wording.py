"""Small things a new user tripped on, checked without starting a process (issue 9)."""

from __future__ import annotations

import pytest
import typer

from shomar.cli.argv import hoist_workspace
from shomar.cli.link_cmd import _both_calendars
from shomar.cli.main import app
from shomar.domain.wording import counted, quoted


def test_quoted_keeps_persian_and_escapes_what_could_hide() -> None:
    assert quoted("علی\u200cاکبر") == "'علی\u200cاکبر'"
    assert quoted("a\nb") == "'a\\nb'"
    assert quoted("x\u202ey") == "'x\\u202ey'"  # a bidi override is shown, not obeyed
    assert quoted(None) == "—"


def test_counted_says_1_pair() -> None:
    assert (counted(1, "pair"), counted(2, "pair"), counted(1204, "person")) == (
        "1 pair",
        "2 pairs",
        "1,204 persons",
    )


def test_review_dates_in_both_calendars() -> None:
    assert _both_calendars("1367/05/10") == "1367/05/10  (1367/05/10 SH = 1988-08-01)"
    assert _both_calendars("July 1988") == (
        "July 1988  (1367/04/10–1367/05/09 SH = 1988-07-01–1988-07-31)"
    )
    assert _both_calendars("") == ""
    assert _both_calendars("soon") == "soon (not a date)"


@pytest.mark.parametrize(
    ("argv", "rest"),
    [
        (["-w", "W", "stats"], ["--workspace", "W", "stats"]),
        (["link", "-w", "W", "run"], ["--workspace", "W", "link", "run"]),
        (["review", "--workspace", "W", "--list"], ["--workspace", "W", "review", "--list"]),
        (["--workspace=W", "documents", "list"], ["--workspace", "W", "documents", "list"]),
        (["stats", "-w", "X"], ["stats", "-w", "X"]),  # after the command: its own option
        (["link", "a.csv", "-w", "X"], ["link", "a.csv", "-w", "X"]),
    ],
)
def test_workspace_option_is_moved_before_the_command(argv: list[str], rest: list[str]) -> None:
    assert hoist_workspace(typer.main.get_command(app), argv) == rest


def test_interactive_review_shows_both_calendars_and_what_an_unknown_key_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from types import SimpleNamespace

    from rich.console import Console

    from shomar.cli import link_cmd
    from support.principals import ADMIN

    item = SimpleNamespace(
        uid_a="1:1",
        uid_b="2:1",
        match_probability=0.5,
        record_a={"full_name": "Reza Karimi", "date": "1367/05/10", "aliases": None},
        record_b={"full_name": "رضا کریمی", "date": "1988-08-01", "aliases": ["Seyed"]},
        evidence=[],
    )
    decided: list[object] = []
    monkeypatch.setattr(link_cmd, "current_principal", lambda ws: ADMIN)
    monkeypatch.setattr(link_cmd.typer, "prompt", lambda *a, **k: "x")
    monkeypatch.setattr("shomar.services.linkage.decide", lambda *a, **k: decided.append(a))
    monkeypatch.setattr(link_cmd, "console", Console(width=200, force_terminal=False))
    link_cmd._interactive(None, [item])
    out = capsys.readouterr().out
    assert "1367/05/10  (1367/05/10 SH = 1988-08-01)" in out
    assert "1988-08-01  (1367/05/10 SH = 1988-08-01)" in out
    assert "Unknown key 'x': pair skipped, no decision recorded" in out
    assert "None" not in out and "['Seyed']" not in out and decided == []
