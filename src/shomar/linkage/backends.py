"""The one place where the DuckDB and Spark backends differ.

Everything else in :mod:`shomar.linkage` builds the same splink settings for both engines: the
Persian-aware features are precomputed columns (integers and plain strings), and the
comparison levels use only portable SQL (``=``, arithmetic, ``greatest``/``least``) or splink's
own dialect-aware levels (Jaro-Winkler, which on Spark comes from the similarity jar that ships
inside the splink wheel). What differs, and lives here:

- how the database API is created (an in-memory DuckDB connection, or a local Spark session
  bound to 127.0.0.1 with splink's bundled jar — nothing is downloaded);
- how pandas frames are registered and results fetched;
- how intermediate tables break lineage on Spark (persisted in memory, no checkpoint folder).
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from shomar.config import settings
from shomar.errors import LinkageError

logger = logging.getLogger(__name__)

BackendName = Literal["duckdb", "spark"]
BACKENDS: tuple[BackendName, ...] = ("duckdb", "spark")


@dataclass
class Backend:
    """A splink database API for one engine, plus the few operations that differ."""

    name: BackendName
    db_api: Any
    _spark: Any = field(default=None, repr=False)

    def register(
        self, frame: pd.DataFrame, table_name: str, columns: Sequence[str] | None = None
    ) -> Any:
        """Register ``frame`` with the engine and return splink's table handle; on Spark only
        its ``columns`` (when given) are converted.

        On DuckDB the whole frame is registered: a view selecting ``columns`` saved only
        splink's copy of the unread columns (~25 MB at 300,000 records) and measured slower
        in prediction on four runs of five (2026-12-04), and a pandas selection would copy
        the frame's arrays.
        """
        if self.name == "spark":
            frame = (frame if columns is None else frame[list(columns)]).astype(object)
            frame = frame.mask(frame.isna(), None)
            return self.db_api.register(frame, dataset_display_name=table_name)
        return self.db_api.register(frame, dataset_display_name=table_name)

    def close(self) -> None:
        """Release the engine (the Spark session is kept for reuse within the process)."""
        if self.name == "duckdb":
            try:
                self.db_api.duckdb_con.close()
            except Exception:  # pragma: no cover - best effort
                logger.debug("duckdb connection already closed")


def _duckdb_backend() -> Backend:
    import duckdb
    from splink import DuckDBAPI

    cfg = settings()
    con = duckdb.connect(database=":memory:")
    if cfg.duckdb_threads:
        con.execute(f"SET threads = {int(cfg.duckdb_threads)}")
    if cfg.duckdb_memory:  # e.g. "5GB": DuckDB spills beyond it
        con.execute("SET memory_limit = ?", [cfg.duckdb_memory])
    return Backend("duckdb", DuckDBAPI(connection=con))


_SPARK_SESSION: Any = None
_SPARK_LOCK = threading.Lock()


def spark_session(cores: int | None = None) -> Any:
    """The process's one local Spark session (bound to 127.0.0.1, splink's similarity jar,
    offline), created once under a lock from the settings; later calls share it."""
    with _SPARK_LOCK:
        return _spark_session(cores or settings().spark_cores)


def _spark_session(cores: int) -> Any:
    global _SPARK_SESSION
    if _SPARK_SESSION is not None:
        return _SPARK_SESSION
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise LinkageError(
            "The Spark backend needs pyspark.",
            hint="Install it with: pip install 'shomar[spark]' (and a Java 17 runtime).",
        ) from exc
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("shomar-linkage")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", str(Path(tempfile.gettempdir()) / "shomar-spark"))
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", str(settings().spark_partitions or cores))
        .config("spark.default.parallelism", str(cores))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    _SPARK_SESSION = builder.getOrCreate()
    _SPARK_SESSION.sparkContext.setLogLevel("ERROR")
    return _SPARK_SESSION


def _spark_backend() -> Backend:
    from splink import SparkAPI

    spark = spark_session()
    api = SparkAPI(spark_session=spark, break_lineage_method="persist")
    return Backend("spark", api, spark)


def get_backend(name: str) -> Backend:
    """A fresh backend by name (``duckdb`` or ``spark``)."""
    if name == "duckdb":
        return _duckdb_backend()
    if name == "spark":
        return _spark_backend()
    raise LinkageError(
        f"Unknown linkage backend {name!r}.", hint=f"Use one of: {', '.join(BACKENDS)}."
    )


def to_pandas(splink_df: Any) -> pd.DataFrame:
    """A splink result table as a pandas frame (both engines)."""
    frame: pd.DataFrame = splink_df.as_pandas_dataframe()
    return frame
