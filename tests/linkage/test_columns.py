"""The columns named to the engine are exactly the feature columns that splink's SQL reads:
none it never reads (Spark is given only these; splink copies every column it is given),
none missing (a training step on a missing column is skipped with a warning, not an error)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
import sqlglot
from splink.internals.duckdb.database_api import DuckDBAPI
from sqlglot import exp

from shomar.linkage import backends
from shomar.linkage.columns import columns_read, sql_columns
from shomar.linkage.features import compute_features
from shomar.linkage.model import link, settings_for
from shomar.linkage.spec import LinkageSpec

#: the CTE in which splink copies its input table (every column it was given)
COPY_OF_INPUT = "__splink__df_concat"


def _columns_in(statements: list[str], names: set[str]) -> set[str]:
    """Feature columns that ``statements`` read (as ``x``, ``x_l``/``x_r`` or ``tf_x``),
    leaving out splink's copy of its input, which names every column it is given."""
    read: set[str] = set()
    for sql in statements:
        for tree in sqlglot.parse(sql, read="duckdb"):
            if tree is None:
                continue
            for cte in list(tree.find_all(exp.CTE)):
                if cte.alias == COPY_OF_INPUT:
                    cte.pop()
            for column in tree.find_all(exp.Column):
                name = column.name
                candidates = {name, name.removeprefix("tf_"), name[:-2]}
                read |= candidates & names
    return read


def test_the_engine_gets_exactly_the_columns_splink_reads(
    sim_records: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    features = compute_features(sim_records)
    statements: list[str] = []
    registered: dict[str, list[str] | None] = {}
    run_sql = DuckDBAPI._execute_sql_against_backend
    register = backends.Backend.register

    def spy_sql(self: DuckDBAPI, sql: str) -> Any:
        statements.append(sql)
        return run_sql(self, sql)

    def spy_register(self: backends.Backend, frame: Any, name: str, columns: Any = None) -> Any:
        registered[name] = None if columns is None else list(columns)
        return register(self, frame, name, columns)

    monkeypatch.setattr(DuckDBAPI, "_execute_sql_against_backend", spy_sql)
    monkeypatch.setattr(backends.Backend, "register", spy_register)
    link(features)
    given = registered["records"]
    assert given is not None
    read = _columns_in(statements, set(features.columns))
    assert read == set(given)
    # the ids, the order a name was read in and the birth day are the Python steps' alone
    assert {"record_id", "source", "name_order", "birth_iso"} <= set(features.columns) - read


def test_columns_come_from_the_settings_sql() -> None:
    assert sql_columns("given_key_l = given_key_r AND l.family_skel = r.family_skel") == {
        "given_key",
        "family_skel",
    }
    assert sql_columns("ELSE") == set()
    spec = LinkageSpec()
    read = columns_read(["record_id", "given_key", "birth_iso"], settings_for(spec))
    assert read == ["given_key"]
    # birth dates to the day are read by the birth_days comparison, the source by rules that
    # skip pairs inside one list
    wide = settings_for(LinkageSpec(birth_days=True, within_sources=False))
    assert columns_read(["birth_iso", "source", "record_id"], wide) == ["birth_iso", "source"]
