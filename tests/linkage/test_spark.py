"""The same model on splink's Spark backend (local mode, offline) gives the same answer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from shomar.linkage.standalone import link_records

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def test_spark_matches_duckdb(sim_records: pd.DataFrame) -> None:
    pytest.importorskip("pyspark")
    records = sim_records[sim_records["source"] != "synthetic_list_D"].reset_index(drop=True)
    duck = link_records(records, backend="duckdb")
    spark = link_records(records, backend="spark")
    merged = duck.pairs.merge(spark.pairs, on=["unique_id_l", "unique_id_r"], suffixes=("_d", "_s"))
    assert len(merged) == len(duck.pairs) == len(spark.pairs)
    assert np.allclose(merged["match_probability_d"], merged["match_probability_s"], atol=1e-6)
    assert (duck.assignments["person_id"] == spark.assignments["person_id"]).all()
    assert spark.model.splink_settings["sql_dialect"] == "spark"
