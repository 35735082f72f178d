"""A Typer group that falls back to a default command.

Shomar's contract has both ``shomar estimate TABLE.csv`` and ``shomar estimate run``, and both
``shomar link FILE... --out F`` and ``shomar link run``: the first word decides. When it is not
a subcommand name, the group's default command gets all the arguments.
"""

from __future__ import annotations

from typing import Any

from typer import _click as click
from typer.core import TyperGroup


class DefaultCommandGroup(TyperGroup):
    """Dispatch to ``default_command`` when the first argument names no subcommand."""

    default_command: str = "default"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        super().format_usage(ctx, formatter)
