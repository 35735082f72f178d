"""The raw row's texts made from pieces are the bytes the standard encoders give the pairs."""

from __future__ import annotations

import json

import pytest

from shomar.ingest.raw_json import ENCRYPTED_CELL, RawRowEncoder, raw_row
from shomar.store.integrity import raw_row_texts

HEADER = ("record_id", "نام", 'say "hi"', "back\\slash", "tab\there", "witness_name")
AWKWARD = [
    "",
    "محمد\u200cرضا",
    'a "quoted" cell',
    "line\nbreak\r\n",
    "\x01\x1f control",
    "\u2028\u2029 separators",
    "emoji \U0001f600",
    "ۍ ي ك ٤ ۴",
    "\\",
    " spaced ",
]


def _rows() -> list[tuple[str, ...]]:
    rows = []
    for start in range(len(AWKWARD)):
        cells = tuple(AWKWARD[(start + i) % len(AWKWARD)] for i in range(len(HEADER)))
        rows += [cells, cells[:3], cells[:1], (*cells, "past the header"), ()]
    return rows


@pytest.mark.parametrize("sensitive", [set(), {5}, {1, 5, 40}])
def test_texts_are_the_encoders_texts_of_the_pairs(sensitive: set[int]) -> None:
    encode = RawRowEncoder(HEADER, sensitive)
    for cells in _rows():
        pairs = raw_row(HEADER, cells, sensitive)
        assert encode(cells) == raw_row_texts(pairs)
        stored, hashed = encode(cells)
        assert stored == json.dumps(pairs)
        assert hashed == json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))
        assert json.loads(stored) == pairs


def test_sensitive_cells_are_marked_and_never_in_the_texts() -> None:
    encode = RawRowEncoder(("name", "witness_name"), {1})
    stored, hashed = encode(("Ali", "SECRET WITNESS"))
    assert "SECRET" not in stored + hashed
    assert json.loads(hashed) == [["name", "Ali"], ["witness_name", ENCRYPTED_CELL]]
    assert json.loads(encode(("Ali", ""))[0]) == [["name", "Ali"], ["witness_name", ""]]
