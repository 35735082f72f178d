"""Files a command is given to read: a readable regular file, or a clear refusal.

A named pipe or a device (``/dev/zero``) would make a reader wait or read forever; a folder or
a missing path would end in a traceback. Every command that reads a file the user names checks
it here first, and small inputs (mappings, articles, checkpoints) are read with a size limit.

The refusals are :func:`~shomar.domain.said.said`, so the upload page says them in its language
(the web's catalog extracts them from this module); ``expected`` may be said too (the
mapping's is), or plain English text for a command only the CLI runs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from shomar.domain.said import said
from shomar.errors import InputError
from shomar.ingest.files import printable

#: what an import reads
A_LIST = said("a CSV, XLSX, XLS, ODS or JSON file")


def no_such_file(shown: str) -> str:
    """The refusal of a path that is not there (a caller may say its own, as the mapping)."""
    return said("%(file)s: no such file.", file=shown)


def _shown(path: Path) -> str:
    """The path as the user gave it (bytes that are not UTF-8 as ``\\udcxx``)."""
    return printable(str(path))


def check_readable_file(
    path: Path, expected: str = A_LIST, missing: Callable[[str], str] = no_such_file
) -> None:
    """Refuse anything but a readable regular file, saying what it is instead."""
    shown = _shown(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(missing(shown)) from None
    except PermissionError:
        raise _permission_denied(shown) from None
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    kinds = (
        (stat.S_ISDIR, said("a folder")),
        (stat.S_ISFIFO, said("a named pipe (FIFO)")),
        (stat.S_ISCHR, said("a character device")),
        (stat.S_ISBLK, said("a block device")),
        (stat.S_ISSOCK, said("a socket")),
    )
    for test, what in kinds:
        if test(mode):
            raise InputError(
                said("%(file)s: this is %(what)s, not a file.", file=shown, what=what),
                hint=said("Give the path of %(expected)s.", expected=expected),
            )
    if not stat.S_ISREG(mode):
        raise InputError(said("%(file)s: this is not a regular file.", file=shown))
    if not os.access(path, os.R_OK):
        raise _permission_denied(shown)


def _permission_denied(shown: str) -> InputError:
    return InputError(
        said("%(file)s: the file cannot be read (permission denied).", file=shown),
        hint=said("Check the file's permissions."),
    )


def _unreadable(shown: str, exc: OSError) -> InputError:
    """The system's reason (``strerror``) is its own English words, kept as a value."""
    return InputError(
        said("%(file)s: the file cannot be read (%(reason)s).", file=shown, reason=exc.strerror)
    )


def read_small_file(
    path: Path, *, expected: str, limit: int, missing: Callable[[str], str] = no_such_file
) -> bytes:
    """The bytes of a file that must be small (a mapping, an article, a checkpoint)."""
    check_readable_file(path, expected, missing)
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            said(
                "%(file)s: the file is %(size)s bytes; %(expected)s is at most %(limit)s.",
                file=_shown(path),
                size=size,
                expected=expected,
                limit=limit,
            )
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(_shown(path), exc) from None
