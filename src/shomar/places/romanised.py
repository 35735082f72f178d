"""A looser key for romanised place names: the transliteration classes that Latin spellings
of one Persian name vary over, folded together.

:func:`shomar.text.latin_key` already folds accents and macrons (``Tihrān`` → ``tihran``),
digraphs (``gh``/``q``, ``kh``/``x``), ``w``/``v``, ``ou``/``oo``/``o``/``u`` and doubled
letters. Place names are romanised by more systems than personal names (ALA-LC, UN-BGN,
French and German exonyms), so :func:`loose_key` also folds, on a ``latin_key``:

- ``e``/``i``/``y`` → ``i`` (ALA-LC ``Tihrān``, ``Kirmān`` for Tehran, Kerman);
- French ``ch`` → ``sh`` (``Chiraz``, ``Kermanchah``);
- ``g`` → ``q`` (``Qom``/``Ghom``/``Gom``: ``gh`` is already ``q``);
- ``z`` → ``s`` (German ``Schiras``, ``Tabris``);
- a final ``-ia`` after the ``-i-`` fold → ``-i`` (``Urumiya``/``Urumiyeh``).

The key is only a lookup of last resort, used when no exact name matched; a key naming places
in several provinces is ambiguous and stays unresolved (:func:`shomar.places.resolve_place`).
"""

from __future__ import annotations

import re

__all__ = ["loose_key"]

_FRENCH_CH = re.compile(r"ch")
_LETTER_CLASSES = str.maketrans({"g": "q", "z": "s", "e": "i", "y": "i"})
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_IA = re.compile(r"(?<=i)a$")


def loose_key(key: str) -> str:
    """Fold a :func:`~shomar.text.latin_key` over the transliteration classes above."""
    key = _FRENCH_CH.sub("sh", key).translate(_LETTER_CLASSES)
    return _FINAL_IA.sub("", _DOUBLED.sub(r"\1", key))
