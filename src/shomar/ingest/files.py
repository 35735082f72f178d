"""The file given to an import: what it is, how its name prints, which text codec it names."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from shomar.domain.said import said
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


def check_text_codec(name: object, where: str = "--encoding") -> str:
    """The codec's canonical name; ``hex``, ``base64``, ``rot13`` and the like are refused."""
    hint = said(
        "Use e.g. utf-8, utf-16, cp1256 (Windows Arabic/Persian), or leave it out to detect it."
    )
    unknown = said("Unknown text encoding %(encoding)s (%(where)s).", encoding=repr(name),
                   where=where)  # fmt: skip
    if not isinstance(name, str) or not name.strip():
        raise InputError(unknown, hint=hint)
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(unknown, hint=hint) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(
            said(
                "%(encoding)s (%(where)s) is not a text encoding: it converts bytes to bytes or "
                "text to text, as hex, base64 and rot13 do.",
                encoding=repr(name),
                where=where,
            ),
            hint=hint,
        )
    return info.name


def password_protected(name: str) -> InputError:
    """The error for a workbook saved with a password: its cells are encrypted."""
    return InputError(
        said(
            "%(file)s: the workbook is password-protected (encrypted): its cells cannot be read "
            "without the password; nothing was imported.",
            file=name,
        ),
        hint=said(
            "Open it in Excel/LibreOffice with the password, remove the password (File > Info > "
            "Protect Workbook, or Save As without a password), and import the saved copy."
        ),
    )
