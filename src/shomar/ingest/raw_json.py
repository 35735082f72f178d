"""A raw row's two JSON texts, made from its cells without building the row's pairs.

A record keeps the row as read (``raw_row``: ``[column, cell]`` pairs, :func:`raw_row`). The
store writes it as JSON text (``json.dumps``), and the content hash reads it as compact JSON
(:func:`shomar.store.integrity.raw_row_texts`). Encoding the pairs costs more per row than
any check: the texts are made here from pieces instead, each header encoded once, each cell
by the C string encoder, joined at C speed (remembering distinct cells cost more than it
saved: most cells of a list are names and ids seen once). The pieces are the standard
library's own string encoders and separators, so the texts are the same bytes
(``tests/ingest/test_raw_json.py`` compares them on awkward cells).
"""

from __future__ import annotations

import json.encoder
import operator
from collections.abc import Callable

from shomar.store.integrity import raw_row_texts

#: what the raw row keeps of a sensitive cell (the value is in the encrypted fields)
ENCRYPTED_CELL = "(encrypted)"

_ASCII: Callable[[str], str] = json.encoder.encode_basestring_ascii
_UNICODE: Callable[[str], str] = json.encoder.encode_basestring


def raw_row(
    header: tuple[str, ...], cells: tuple[str, ...], sensitive_at: set[int] | None = None
) -> list[list[str]]:
    """The row as read: ``[column, cell]`` pairs; cells past the header keep their position.

    Cells of sensitive columns are replaced by a marker: their value is stored encrypted.
    """
    if sensitive_at:
        pairs = [
            [name, ENCRYPTED_CELL if i in sensitive_at and cell else cell]
            for i, (name, cell) in enumerate(zip(header, cells, strict=False))
        ]
    else:
        pairs = list(map(list, zip(header, cells, strict=False)))
    if len(cells) > len(header):
        pairs += [[f"(column {i + 1})", cells[i]] for i in range(len(header), len(cells))]
    return pairs


class RawRowEncoder:
    """``raw_row_texts(raw_row(header, cells, sensitive_at))`` for the rows of one table."""

    def __init__(self, header: tuple[str, ...], sensitive_at: set[int] | None = None) -> None:
        self.header = header
        self.sensitive_at = sorted(sensitive_at or ())
        # "[" + column + separator: the start of each pair, in either form
        self._stored = tuple(f"[{_ASCII(name)}, " for name in header)
        self._hashed = tuple(f"[{_UNICODE(name)}," for name in header)

    def __call__(self, cells: tuple[str, ...]) -> tuple[str, str]:
        """The stored and the hashed JSON text of a row's raw pairs."""
        if len(cells) > len(self.header) or not cells:
            return raw_row_texts(raw_row(self.header, cells, set(self.sensitive_at)))
        if self.sensitive_at:
            marked = list(cells)
            for index in self.sensitive_at:
                if index < len(marked) and marked[index]:
                    marked[index] = ENCRYPTED_CELL
            cells = tuple(marked)
        add = operator.add
        return (
            "[" + "], ".join(map(add, self._stored, map(_ASCII, cells))) + "]]",
            "[" + "],".join(map(add, self._hashed, map(_UNICODE, cells))) + "]]",
        )
