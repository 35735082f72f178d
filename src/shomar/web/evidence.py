"""The linkage evidence as the pages show it: splink's generated level labels in plain words,
a pair's stored weights summed per comparison."""

from __future__ import annotations

import re
from collections.abc import Mapping

#: splink's generated level labels, in the words of the pages
_GENERATED_LEVELS = (
    (re.compile(r"Jaro-Winkler distance of \w+_key >= [\d.]+"), "close spelling"),
    (re.compile(r"Jaro-Winkler distance of \w+ >= [\d.]+"), "close consonant skeleton"),
    (re.compile(r"Damerau-Levenshtein distance of \w+ <= 1"), "one typo"),
    (re.compile(r"Exact match on \w+"), "same"),
    (re.compile(r"All other comparisons"), "different"),
)


def evidence_word(label: str) -> str:
    """A level label of the review evidence as the pages say it (splink's generated labels such
    as "Jaro-Winkler distance of given_key >= 0.9" become "close spelling")."""
    for pattern, word in _GENERATED_LEVELS:
        if pattern.fullmatch(label):
            return word
    return label


#: the prefixes of a pair's stored evidence columns (``shomar.services.linkage._pair_rows``)
_WEIGHT, _FREQUENCY, _LEVEL = "mw_", "mw_tf_adj_", "gamma_"


def comparison_weights(evidence: Mapping[str, object]) -> list[tuple[str, float]]:
    """A pair's stored evidence (``mw_<comparison>``, ``mw_tf_adj_<comparison>``, rules'
    ``mw_sibling_rule``…) as (comparison, weight), the name-frequency adjustment added to its
    comparison, rules that did not fire left out, levels (``gamma_``) not weights."""
    out: dict[str, float] = {}
    for column, value in evidence.items():
        if column.startswith(_LEVEL) or not isinstance(value, int | float):
            continue
        if column.startswith(_FREQUENCY):
            name = column.removeprefix(_FREQUENCY)
        else:
            name = column.removeprefix(_WEIGHT)
        out[name] = out.get(name, 0.0) + float(value)
    return [
        (name, weight)
        for name, weight in out.items()
        if weight != 0.0 or not name.endswith("_rule")
    ]


__all__ = ["comparison_weights", "evidence_word"]
