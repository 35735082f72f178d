"""Engine settings per backend: a PostgreSQL URL's own ``options`` survive ``make_engine``."""

from __future__ import annotations

import pytest
from sqlalchemy import make_url, text

from conftest import POSTGRES_URL
from shomar.store.dialects import make_engine, postgres_options


def test_the_urls_options_come_first_and_ours_are_added() -> None:
    url = make_url("postgresql+psycopg://u@h/db?options=-csearch_path%3Dfoo%20-cwork_mem%3D8MB")
    assert postgres_options(url, 2.5) == "-csearch_path=foo -cwork_mem=8MB -clock_timeout=2500"


def test_a_schema_given_to_the_engine_wins_over_the_urls() -> None:
    url = make_url("postgresql+psycopg://u@h/db?options=-csearch_path%3Dfoo")
    options = postgres_options(url, 1.0, "bar")
    assert options.split() == ["-csearch_path=foo", "-clock_timeout=1000", "-csearch_path=bar"]


def test_a_url_without_options_gets_only_ours() -> None:
    assert postgres_options(make_url("postgresql+psycopg://u@h/db"), 1.0) == "-clock_timeout=1000"


@pytest.mark.postgres
def test_a_search_path_in_the_url_reaches_the_server(postgres_schema: str) -> None:
    schema = postgres_schema
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = make_engine(url.render_as_string(hide_password=False), busy_timeout=3)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW search_path")).scalar() == schema
            assert connection.execute(text("SHOW lock_timeout")).scalar() == "3s"
            assert connection.execute(text("SELECT current_schema()")).scalar() == schema
    finally:
        engine.dispose()
