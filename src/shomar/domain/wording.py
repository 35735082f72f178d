"""Wording of messages: user text quoted readably, counts with the right plural.

Persian stays readable in messages (no ``\\u200c`` escapes).

``repr()`` escapes every character Python does not call printable, and the zero-width
non-joiner that Persian words need («علی‌اکبر») is one of them. :func:`quoted` keeps ZWNJ and
ZWJ as they are and escapes only what could hide or break a message: line breaks and other
control characters, and bidirectional overrides (a "Trojan source" trick).
"""

from __future__ import annotations

import unicodedata

__all__ = ["counted", "quoted"]

_KEEP = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: parts of Persian words


def _shown(ch: str) -> str:
    if ch.isprintable() or ch in _KEEP:
        return ch
    if ch == " " or (unicodedata.category(ch) == "Zs"):
        return ch
    return ch.encode("unicode_escape").decode("ascii")


def quoted(text: object) -> str:
    """``'text'`` with Persian kept as written; ``None`` becomes ``—``."""
    if text is None:
        return "—"
    return "'" + "".join(_shown(ch) for ch in str(text)) + "'"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 pair"``, ``"2 pairs"``, ``"1,204 persons"`` (thousands separated)."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n:,} {word}"
