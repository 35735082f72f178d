"""A root group that imports a command's module only when that command runs.

Building every command up front cost each ``shomar`` start-up most of a second (the command
modules pull in numpy, the estimators, the linkage code…). The root group instead knows each
command's name, module and one-line help from a static table (:mod:`shomar.cli.commands`):
``shomar --help`` lists the table, and ``shomar NAME …`` imports just ``NAME``'s module.
A test renders the help both ways so the table cannot drift from the commands.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """Where a top-level command lives (its module's ``register`` adds it) and its summary."""

    module: str
    summary: str


class _Placeholder(TyperCommand):
    """Stands in for a command not imported yet: enough for the root's help listing."""


class LazyGroup(TyperGroup):
    """A Typer group whose top-level commands are imported on first use."""

    table: Mapping[str, LazyCommand] = {}
    _listing_only = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, entry in self.table.items():
            self.commands.setdefault(name, _Placeholder(name=name, help=entry.summary))

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Placeholder) and not self._listing_only:
            command = self.commands[cmd_name] = _load(self.table[cmd_name].module, cmd_name)
        return command

    def format_help(self, ctx: click.Context, formatter: Any) -> None:
        """The help lists the summaries without importing any command."""
        listing = copy.copy(self)
        listing._listing_only = True
        TyperGroup.format_help(listing, ctx, formatter)


def _load(module_name: str, cmd_name: str) -> click.Command:
    """Import ``module_name`` and build the command its ``register`` names ``cmd_name``."""
    holder = typer.Typer(rich_markup_mode="rich", pretty_exceptions_enable=False)
    importlib.import_module(module_name).register(holder)
    return typer.main.get_group(holder).commands[cmd_name]
