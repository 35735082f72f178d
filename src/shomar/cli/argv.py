"""``-w/--workspace`` anywhere before the command that takes it: ``shomar -w DIR review``.

Every workspace command has its own ``--workspace``; people also type it before the command
(``shomar -w ws stats``) or after a group's name (``shomar link -w ws run``). Before the command
line is parsed, such an option is moved to the front, where the root command's own
``--workspace`` reads it (an option given after the command still wins). No process state is
changed: the choice travels in the command's context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

OPTION_NAMES = ("-w", "--workspace")


def _subcommands(command: Any) -> dict[str, Any] | None:
    """A group's subcommands (Typer groups keep them in ``commands``); ``None`` for a command."""
    commands = getattr(command, "commands", None)
    return commands if isinstance(commands, dict) else None


def hoist_workspace(root: Any, args: Sequence[str]) -> list[str]:
    """``args`` with a workspace option that precedes the final command moved to the front."""
    out: list[str] = []
    chosen: str | None = None
    group, names = root, _subcommands(root)
    rest = list(args)
    while rest and names is not None:
        token = rest.pop(0)
        if token in OPTION_NAMES and rest:
            chosen = rest.pop(0)
            continue
        if token.startswith("--workspace="):
            chosen = token.split("=", 1)[1]
            continue
        out.append(token)
        if token.startswith("-"):
            continue
        if token not in names:  # a default command's argument (``shomar link FILE``): stop
            break
        # get_command, not the dict: the root builds a command when it is first asked for
        group = group.get_command(None, token)
        names = _subcommands(group)
    front = ["--workspace", chosen] if chosen is not None else []
    return front + out + rest
