"""The ``shomar`` command: a thin layer over :mod:`shomar.services`.

Conventions (DESIGN §7): ``--json`` on every command that reports; exit 0 on success, 1 on a
user error (one paragraph, no traceback), 2 on bad usage; ``--workspace DIR`` or
``SHOMAR_WORKSPACE`` selects the workspace (default: the current folder).
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

import typer
from rich.markup import escape
from typer import _click as click
from typer._click.exceptions import ClickException

from shomar import __version__
from shomar.cli import commands
from shomar.cli.argv import hoist_workspace
from shomar.cli.lazy import LazyGroup
from shomar.cli.output import emit_json_error, err_console, print_error
from shomar.errors import ShomarError


class _Root(LazyGroup):
    """The ``shomar`` group: each command's module is imported when that command runs."""

    table = commands.TABLE


app = typer.Typer(
    cls=_Root,
    name="shomar",
    help="Shomar (شمار): reconcile, count and estimate documented human-rights violations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"shomar {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details."),
    workspace: Path | None = typer.Option(
        None,
        "--workspace",
        "-w",
        help="Workspace folder for the command (also accepted after it).",
        show_default=False,
    ),
    as_user: str | None = typer.Option(
        None,
        "--as",
        metavar="USER",
        help="Act as this account of the workspace (its role applies). "
        "Default: the workspace's owner ($SHOMAR_ACTOR, else the login name) as admin.",
    ),
) -> None:
    """Shomar (شمار): reconcile, count and estimate documented human-rights violations."""
    ctx.obj = {"as_user": as_user, "workspace": workspace}
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@functools.cache
def _command() -> click.Command:
    """The root Click group, built once (its commands are built when first used)."""
    return typer.main.get_command(app)


def run() -> None:
    """Console-script entry point: translate Shomar errors into exit code 1 and a message."""
    command = _command()
    try:
        command.main(args=hoist_workspace(command, sys.argv[1:]), standalone_mode=False)
    except ShomarError as exc:
        if "--json" in sys.argv[1:]:
            emit_json_error(exc)
        print_error(exc.message, exc.hint)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("Aborted.")
        sys.exit(1)
    except ClickException as exc:  # usage errors (exit 2) in non-standalone mode
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
        if not _is_store_error(exc):
            raise
        # a database error the store boundary did not translate: still no traceback
        err_console.print(
            f"[bold red]Error:[/bold red] the store failed: {type(exc).__name__}",
            highlight=False,
            markup=True,
        )
        err_console.print(escape(str(exc).splitlines()[0] if str(exc) else ""), highlight=False)
        err_console.print(
            "Check the workspace (shomar audit verify) and the database server, then try again.",
            highlight=False,
        )
        sys.exit(1)


def _is_store_error(exc: BaseException) -> bool:
    """An error raised by the database layer (SQLAlchemy, psycopg, sqlite3)."""
    module = type(exc).__module__
    return module.startswith(("sqlalchemy", "psycopg", "sqlite3"))


if __name__ == "__main__":  # pragma: no cover
    run()
