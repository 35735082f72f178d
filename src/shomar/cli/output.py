"""Shared output helpers for the CLI: one console, JSON emission, error printing.

User text (headers, cell values, source, event and sheet names, file names) is never read as
Rich markup or emoji codes: the consoles have emoji codes off, and :func:`user` escapes markup
(``[bold]`` stays ``[bold]``) and makes a file name that is not valid UTF-8 printable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from shomar.errors import ShomarError

console = Console(emoji=False, highlight=False)
err_console = Console(stderr=True, emoji=False, highlight=False)


def printable(text: object) -> str:
    """``text`` as a string that can be written as UTF-8 (lone surrogates shown as ``\\udcxx``)."""
    value = str(text)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def user(text: object) -> str:
    """User text for a Rich markup string: printed exactly as written, never as markup."""
    return escape(printable(text))


def user_repr(text: object) -> str:
    """``repr(text)`` of user text, for a Rich markup string."""
    return escape(repr(printable(text)))


def plain(text: object, style: str = "") -> Text:
    """User text as a Rich ``Text`` (no markup parsing at all), e.g. for table cells."""
    return Text(printable(text), style=style)


def print_error(message: str, hint: str | None = None) -> None:
    """An error paragraph on standard error; the message and hint are printed exactly."""
    err_console.print(Text.assemble(("Error: ", "bold red"), printable(message)))
    if hint:
        err_console.print(Text(printable(hint)))


def _default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return printable(obj)
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if hasattr(obj, "tolist"):  # numpy arrays and scalars
        return obj.tolist()
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__} to JSON")


def to_json(obj: Any) -> str:
    """Serialise ``obj`` (dataclasses, dates, numpy values included) as indented UTF-8 JSON."""
    return json.dumps(obj, default=_default, ensure_ascii=False, indent=2)


_emitted = False


def emit_json(obj: Any) -> None:
    """Write ``obj`` as JSON to standard output, nothing else."""
    global _emitted
    sys.stdout.write(printable(to_json(obj)) + "\n")
    sys.stdout.flush()
    _emitted = True


def emit_json_error(exc: ShomarError) -> None:
    """For ``--json``: a refusal as ``{"ok": false, "error": {"code", "message", "hint"}}`` on
    standard output (the message is printed on standard error too), unless the command has
    already written its own JSON (an import's list of problems)."""
    if not _emitted:
        emit_json({"ok": False, "error": error_object(exc)})


def error_object(exc: ShomarError) -> dict[str, str]:
    return {"code": exc.code, "message": exc.message, "hint": exc.hint or ""}
