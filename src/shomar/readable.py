"""Files a command is given to read: a readable regular file, or a clear refusal.

A named pipe or a device (``/dev/zero``) would make a reader wait or read forever; a folder or
a missing path would end in a traceback. Every command that reads a file the user names checks
it here first, and small inputs (mappings, articles, checkpoints) are read with a size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from shomar.errors import InputError
from shomar.ingest.files import printable


def _shown(path: Path) -> str:
    """The path as the user gave it (bytes that are not UTF-8 as ``\\udcxx``)."""
    return printable(str(path))


def check_readable_file(
    path: Path, expected: str = "a CSV, XLSX, XLS, ODS or JSON file", missing: str = "no such file"
) -> None:
    """Refuse anything but a readable regular file, saying what it is instead."""
    shown = _shown(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{shown}: {missing}.") from None
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
                hint=f"Give the path of {expected}.",
            )
    if not stat.S_ISREG(mode):
        raise InputError(f"{shown}: this is not a regular file.")
    if not os.access(path, os.R_OK):
        raise InputError(
            f"{shown}: the file cannot be read (permission denied).",
            hint="Check the file's permissions.",
        )


def read_small_file(
    path: Path, *, expected: str, limit: int, missing: str = "no such file"
) -> bytes:
    """The bytes of a file that must be small (a mapping, an article, a checkpoint)."""
    check_readable_file(path, expected, missing)
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            f"{_shown(path)}: the file is {size:,} bytes; {expected} is at most {limit:,}.",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{_shown(path)}: the file cannot be read ({exc.strerror}).") from None
