"""The once-built JSON encoder gives exactly the standard library's text (hashes depend on it)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from shomar.store.jsontext import dumps, one_shot_encoder

VALUES: list[Any] = [
    None,
    0,
    -(10**30),
    1.5,
    float("inf"),
    True,
    "",
    '«محمد» \u200c\u200f\u2028\x00\x1f\x7f"\\/',
    "\ud800",
    [["record_id", "S-1"], ["notes", "line\nbreak\ttab"]],
    {"b": 1, "a": [None, {"z": "ی"}]},
    ["shomar-record-v1", "1:۷", 1, None, [], {}],
]


@pytest.mark.parametrize("value", VALUES)
def test_dumps_is_json_dumps(value: Any) -> None:
    assert dumps(value) == json.dumps(value)


@pytest.mark.parametrize("value", VALUES)
def test_compact_unicode_encoder_is_the_reference(value: Any) -> None:
    encode = one_shot_encoder(ensure_ascii=False, separators=(",", ":"), default=str)
    reference = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)
    assert encode(value) == reference.encode(value)


def test_default_applies_to_unknown_types() -> None:
    import datetime as dt

    encode = one_shot_encoder(ensure_ascii=False, separators=(",", ":"), default=str)
    assert encode([dt.date(1988, 7, 19)]) == '["1988-07-19"]'
    with pytest.raises(TypeError):
        dumps([dt.date(1988, 7, 19)])
