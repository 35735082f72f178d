"""The file given to an import: what it is, how its name prints, which text codec it names."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from shomar.errors import InputError


def display_name(path: Path | str) -> str:
    """A file's name as it can be printed and stored (bytes that are not UTF-8 as ``\\xNN``)."""
    name = Path(path).name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def printable(text: str) -> str:
    """``text`` with lone surrogates (bytes that were not UTF-8) shown as ``\\udcxx``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def check_input_file(path: Path) -> None:
    """Refuse anything but a readable regular file, saying what it is instead."""
    shown = display_name(path) if path.name else str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file.") from None
    except PermissionError:
        raise InputError(
            f"{shown}: the file cannot be read (permission denied).",
            hint="Check the file's permissions.",
        ) from None
    except OSError as exc:
        raise InputError(f"{shown}: the file cannot be read ({exc.strerror}).") from None
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    for test, what in kinds:
        if test(mode):
            raise InputError(
                f"{shown}: this is {what}, not a file.",
                hint="Give the path of a CSV, XLSX, XLS, ODS or JSON file.",
            )
    if not stat.S_ISREG(mode):
        raise InputError(f"{shown}: this is not a regular file.")
    if not os.access(path, os.R_OK):
        raise InputError(
            f"{shown}: the file cannot be read (permission denied).",
            hint="Check the file's permissions.",
        )


def check_text_codec(name: object, where: str = "--encoding") -> str:
    """The codec's canonical name; ``hex``, ``base64``, ``rot13`` and the like are refused."""
    hint = "Use e.g. utf-8, utf-16, cp1256 (Windows Arabic/Persian), or leave it out to detect it."
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"Unknown text encoding {name!r} ({where}).", hint=hint)
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"Unknown text encoding {name!r} ({where}).", hint=hint) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(
            f"{name!r} ({where}) is not a text encoding: it converts bytes to bytes or text to "
            "text, as hex, base64 and rot13 do.",
            hint=hint,
        )
    return info.name
