"""JSON text made by a C encoder built once, identical to the standard library's.

``json.dumps`` and ``JSONEncoder.encode`` build a new C encoder on every call, which costs
about as much as encoding a small value; an import encodes two values per row (the raw row
for its JSON column, the canonical content for its hash). :func:`one_shot_encoder` builds the
encoder once with the same settings. It is used only if it gives exactly the standard
library's text on a probe, else the standard library's ``encode`` itself is: the bytes stored
and hashed never change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

_PROBE = ["shomar-v1", "1:x", 1, None, 'یک\u200c"\\\n\x01\u2028', [["a", "b"]], {"k": 2.5}, True]


class _Encoder:
    """The C encoder's chunks joined into text; a callable object, not a closure: psycopg caches
    its JSON dumper by the function and logs "may cause a resource leak" for a closure."""

    __slots__ = ("_chunks",)

    def __init__(self, chunks: Callable[[Any, int], Any]) -> None:
        self._chunks = chunks

    def __call__(self, value: Any) -> str:
        return "".join(self._chunks(value, 0))


def one_shot_encoder(
    *,
    ensure_ascii: bool = True,
    separators: tuple[str, str] = (", ", ": "),
    default: Callable[[Any], Any] | None = None,
) -> Callable[[Any], str]:
    """``JSONEncoder(ensure_ascii=..., separators=..., default=...).encode``, built once.

    The only difference: a value that contains itself raises ``RecursionError`` rather than
    ``ValueError`` (the encoder keeps no circular-reference markers between calls).
    """
    reference = json.JSONEncoder(ensure_ascii=ensure_ascii, separators=separators, default=default)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return reference.encode
    strings = (
        json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    )
    item_separator, key_separator = separators
    try:
        chunks = make(
            None, reference.default, strings, None, key_separator, item_separator,
            False, False, True,
        )  # fmt: skip
    except TypeError:  # another signature in another Python version
        return reference.encode

    encode = _Encoder(chunks)
    try:
        same = encode(_PROBE) == reference.encode(_PROBE)
    except Exception:  # any failure means: use the reference
        same = False
    return encode if same else reference.encode


#: what ``json.dumps(value)`` gives (the JSON columns' text)
dumps = one_shot_encoder()
