"""A Typer group that falls back to a default command.

Shomar's contract has both ``shomar estimate TABLE.csv`` and ``shomar estimate run``, and both
``shomar link FILE... --out F`` and ``shomar link run``: the first word decides. When it is not
a subcommand name, the group's default command gets all the arguments.
"""

from __future__ import annotations

import copy
from typing import Any

from typer import _click as click
from typer.core import TyperGroup


class _GroupNamedContext(click.Context):
    """The context of a default command: its path is the group's (``shomar link``)."""

    @property
    def command_path(self) -> str:
        return super().command_path.rstrip()


class DefaultCommandGroup(TyperGroup):
    """Dispatch to ``default_command`` when the first argument names no subcommand."""

    default_command: str = "default"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The default command runs under the group's own name (no hidden word in messages)."""
        name, command, rest = super().resolve_command(ctx, args)
        if name == self.default_command and command is not None:
            command.context_class = _GroupNamedContext
            return None, command, rest
        return name, command, rest

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        """The group's help shows the default command's own options and arguments too."""
        default = self.commands.get(self.default_command)
        if default is None:
            return super().format_help(ctx, formatter)
        merged = copy.copy(self)
        merged.params = [*self.params, *default.params]
        return TyperGroup.format_help(merged, ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        super().format_usage(ctx, formatter)
