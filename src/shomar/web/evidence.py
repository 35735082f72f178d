"""The linkage evidence as the pages show it: splink's generated level labels in plain words,
a pair's stored weights summed per comparison."""

from __future__ import annotations

from collections.abc import Mapping

from shomar.linkage.review import plain_level as evidence_word

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
