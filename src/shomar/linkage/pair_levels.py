"""The comparison level (splink's gamma) each of a few pairs falls in, for the review evidence.

splink keeps a pair's ``gamma_<comparison>`` columns only with its matching columns (every input
column, twice), which a linkage run does not keep for its many pairs. The review queue holds a
few hundred: for those, the trained model's own level conditions are evaluated again on the two
records' features, in DuckDB, so the evidence says "missing" for a missing father's name and
never guesses a level from a weight several levels share (a null level and a bounded one both
weigh 0).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

logger = logging.getLogger(__name__)

#: the prefix of a comparison's level column, as splink names it
GAMMA = "gamma_"


def _case(comparison: Mapping[str, Any], dialect: str) -> str:
    """One comparison's levels as a SQL ``CASE`` giving splink's gamma (-1: missing)."""
    levels = comparison["comparison_levels"]
    present = [lv for lv in levels if not lv.get("is_null_level")]
    gamma = {id(lv): i for i, lv in enumerate(reversed(present))}
    whens = []
    for level in levels:
        value = -1 if level.get("is_null_level") else gamma[id(level)]
        condition = _duckdb_sql(level["sql_condition"], dialect)
        whens.append(
            f"ELSE {value}"
            if condition.strip().upper() == "ELSE"
            else f"WHEN {condition} THEN {value}"
        )
    return "CASE " + " ".join(whens) + " END"


def _duckdb_sql(condition: str, dialect: str) -> str:
    if dialect == "duckdb" or condition.strip().upper() == "ELSE":
        return condition
    import sqlglot

    return str(sqlglot.transpile(condition, read=dialect, write="duckdb")[0])


def pair_levels(
    settings: Mapping[str, Any], features: pd.DataFrame, left: np.ndarray, right: np.ndarray
) -> pd.DataFrame:
    """``gamma_<comparison>`` per pair (``left[i]``, ``right[i]``: row positions in
    ``features``) under the trained ``settings`` (``TrainedModel.splink_settings``).

    Empty (no columns) when the conditions cannot be evaluated here: the caller then falls back
    to matching a level by its weight, as for runs stored before levels were kept.
    """
    comparisons = settings.get("comparisons") or []
    if not comparisons or len(left) == 0:
        return pd.DataFrame(index=range(len(left)))
    import duckdb

    columns = [c for c in features.columns if c != "unique_id"]
    frame = pd.concat(
        [
            features[columns].iloc[left].add_suffix("_l").reset_index(drop=True),
            features[columns].iloc[right].add_suffix("_r").reset_index(drop=True),
        ],
        axis=1,
    )
    dialect = str(settings.get("sql_dialect", "duckdb"))
    try:
        selects = [
            f'{_case(c, dialect)} AS "{GAMMA}{c["output_column_name"]}"' for c in comparisons
        ]
        with duckdb.connect(database=":memory:") as con:
            con.register("pairs", frame)
            return con.execute(f"SELECT {', '.join(selects)} FROM pairs").df()
    except Exception as error:  # a condition this DuckDB cannot read: weights decide instead
        logger.warning("review evidence: comparison levels not evaluated (%s)", error)
        return pd.DataFrame(index=range(len(left)))


__all__ = ["GAMMA", "pair_levels"]
