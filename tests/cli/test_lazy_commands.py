"""The root imports a command's module only when that command runs (``shomar.cli.lazy``).

Two promises keep that safe: every help screen is the one the eagerly built tree shows (the
static table in ``shomar.cli.commands`` cannot drift from the modules), and the light
commands really do start without the heavy libraries (so the gain cannot silently regress).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer import _click as click
from typer.core import TyperGroup
from typer.testing import CliRunner

import shomar
from shomar.cli import commands, main

HEAVY = ("alembic", "mako", "pandas", "scipy", "splink", "duckdb", "matplotlib", "jinja2")
# the child imports this very copy of shomar, whatever its working folder
ENV = {
    **os.environ,
    "COLUMNS": "200",
    "PYTHONPATH": str(Path(shomar.__file__).parents[1]),
}


def _eager_app() -> typer.Typer:
    """The root as it was built before: the same callback, every module registered now."""
    eager = typer.Typer(
        name="shomar",
        help=main.app.info.help,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    eager.callback()(main.main)
    commands.register(eager)
    return eager


def _paths(group: TyperGroup, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        assert command is not None
        if command.hidden:
            continue
        yield (*prefix, name)
        if isinstance(command, TyperGroup):
            yield from _paths(command, (*prefix, name))


def test_the_table_lists_every_command_in_the_order_of_the_eager_tree() -> None:
    eager = typer.main.get_group(_eager_app())
    assert list(commands.TABLE) == eager.list_commands(click.Context(eager))


def test_every_help_screen_is_the_eager_trees() -> None:
    eager = _eager_app()
    runner = CliRunner()
    paths = [(), *_paths(typer.main.get_group(eager))]
    assert len(paths) > 60  # the walk reached the subcommands
    for path in paths:
        lazy_help = runner.invoke(main.app, [*path, "--help"], env={"COLUMNS": "120"})
        eager_help = runner.invoke(eager, [*path, "--help"], env={"COLUMNS": "120"})
        assert lazy_help.exit_code == eager_help.exit_code == 0, path
        assert lazy_help.output == eager_help.output, path


def test_an_unknown_command_is_reported_as_before() -> None:
    runner = CliRunner()
    lazy = runner.invoke(main.app, ["persns", "list"])
    eager = runner.invoke(_eager_app(), ["persns", "list"])
    assert lazy.exit_code == eager.exit_code == 2
    assert "No such command 'persns'. Did you mean 'persons'?" in lazy.output
    assert lazy.output == eager.output


def _heavy_modules_after(args: list[str], cwd: Path) -> list[str]:
    """Run ``shomar ARGS`` in a fresh interpreter; the heavy top-level packages it imported."""
    probe = (
        "import sys\n"
        "from shomar.cli.main import run\n"
        f"sys.argv = ['shomar', *{args!r}]\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print('HEAVY', sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line.startswith("HEAVY")]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["dates", "parse", "1367/5/8", "--json"], ["names", "compare", "A", "B"]],
)
def test_light_commands_start_without_the_heavy_libraries(args: list[str], tmp_path: Path) -> None:
    assert _heavy_modules_after(args, tmp_path) == ["HEAVY []"]


def test_opening_a_current_workspace_does_not_import_alembic(tmp_path: Path) -> None:
    """Only a store behind the newest schema needs Alembic (to migrate it)."""
    subprocess.run(
        [sys.executable, "-m", "shomar", "init", str(tmp_path / "ws")],
        env=ENV,
        check=True,
        capture_output=True,
    )
    heavy = _heavy_modules_after(["stats", "-w", str(tmp_path / "ws"), "--json"], tmp_path)
    assert heavy == ["HEAVY []"]
