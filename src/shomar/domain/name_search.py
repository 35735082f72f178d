"""The keys of the name-search index: one per distinct word of a record's names.

A word's key is its script skeleton (:func:`shomar.text.skeleton`, cut at 40 characters), so
spellings that differ only in letter forms meet. An import makes the keys of its rows in its
read phase; the write phase only stores them next to the new row ids.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from shomar.text import skeleton

__all__ = ["INDEXED_NAMES", "NO_NAME_KEY", "name_search_keys", "word_key"]

#: the record columns whose words the index keys, in the order :func:`name_search_keys` takes
INDEXED_NAMES = ("full_name", "given_name", "family_name", "aliases")

#: the key of a record without a name word (every record has at least one key)
NO_NAME_KEY = "-"


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The search key of one word of a name."""
    return skeleton(word)[:40]


def name_search_keys(names: Iterable[object]) -> tuple[str, ...]:
    """The sorted distinct keys of the words of ``names`` (empty ones skipped)."""
    keys = {word_key(word) for text in names if text for word in str(text).split()}
    keys.discard("")
    return tuple(sorted(keys)) if keys else (NO_NAME_KEY,)
