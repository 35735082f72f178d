"""The feature columns a splink model reads, read from the model's own SQL.

The feature frame (:mod:`.features`) holds more than splink compares: the list and record ids,
birth dates to the day (for the conflict test, or for ``birth_days`` runs) and a few columns
only the Python steps read. splink copies every column of the table it is given into its own
(``__splink__df_concat_with_tf``), so the engine is given only the columns that the
comparison levels, the term-frequency adjustments and the blocking rules (prediction and
training) name. The names are taken from the SQL the settings hold, as splink itself finds
them (sqlglot; ``x_l``/``x_r`` in a level, ``l.x``/``r.x`` in a rule), not from a list kept
by hand, so a new level or rule brings its columns with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from shomar.linkage.blocking import sides

_SIDE = re.compile(r"_[lr]$", re.IGNORECASE)


def sql_columns(sql: str, dialect: str = "duckdb") -> set[str]:
    """Column names that ``sql`` (a level's condition or a blocking rule) reads, without the
    ``_l``/``_r`` suffix or the ``l.``/``r.`` table of a pair."""
    import sqlglot
    from sqlglot import exp

    if sql.strip().upper() == "ELSE":
        return set()
    tree = sqlglot.parse_one(sql, read=dialect)
    out = set()
    for column in tree.find_all(exp.Column):
        name = column.name
        out.add(name if column.table else _SIDE.sub("", name))
    return out


def _rule_text(rule: Any, dialect: str) -> str:
    if isinstance(rule, Mapping):
        return str(rule["blocking_rule"])
    if isinstance(rule, str):
        return rule
    return str(rule.get_blocking_rule(dialect).blocking_rule_sql)


def settings_columns(settings: Any) -> set[str]:
    """Columns the splink ``settings`` read: a :class:`splink.SettingsCreator` or a saved
    model's settings dict (``TrainedModel.splink_settings``)."""
    data: Mapping[str, Any] = (
        settings if isinstance(settings, Mapping) else settings.get_settings("duckdb").as_dict()
    )
    dialect = str(data.get("sql_dialect") or "duckdb")
    out = {str(data.get("unique_id_column_name") or "unique_id")}
    for comparison in data.get("comparisons", []):
        for level in comparison["comparison_levels"]:
            out |= sql_columns(level["sql_condition"], dialect)
            if level.get("tf_adjustment_column"):
                out.add(level["tf_adjustment_column"])
    for rule in data.get("blocking_rules_to_generate_predictions", []):
        out |= sql_columns(_rule_text(rule, dialect), dialect)
    out.update(data.get("additional_columns_to_retain") or ())
    return out


def rule_columns(rules: Iterable[Sequence[str]]) -> set[str]:
    """Columns that training rules (lists of feature columns, :mod:`.blocking`) read (the
    prediction rules are in the settings, with ``source`` when pairs inside a list are
    skipped)."""
    return {column for rule in rules for item in rule for column in sides(item)}


def columns_read(
    frame_columns: Iterable[str], settings: Any, rules: Iterable[Sequence[str]] = ()
) -> list[str]:
    """The columns of ``frame_columns`` that splink reads under ``settings`` and the training
    ``rules``, in the frame's order (so the engine's table has the frame's layout, less the
    columns nothing reads)."""
    read = settings_columns(settings) | rule_columns(rules)
    return [c for c in frame_columns if c in read]


__all__ = ["columns_read", "rule_columns", "settings_columns", "sql_columns"]
