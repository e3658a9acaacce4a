"""The dashboard's only door to the store: short read-only connections and cached query results.

Every cached function takes plain hashable arguments and the store version, so an import or build
invalidates all results at the next rerun, while reruns on an unchanged store read from memory.
Nothing here reads a widget.

The dashboard holds no connection between queries. DuckDB's file lock lets no import write while
any process has the store open, so each query opens the store, reads and closes it
(store.connection.reading); while an import writes, queries wait for it. Opening costs tens of
milliseconds, and only queries that miss the cache pay it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from regions.home import home
from store.connection import DEFAULT_DB, reading, store_version
from store.queries import import_history, observations, regions, table_list
from store.queries import newest_year as newest_year_of
from store.results import read as read_result


def db_path() -> Path:
    """The store to show. Read at each call, not at import, so a test can point BILDUNGSMONITOR_DB elsewhere."""
    return Path(os.environ.get("BILDUNGSMONITOR_DB", DEFAULT_DB))


def version() -> int:
    """Part of every cache key: changes when an import or build changes the store."""
    return store_version(db_path())


def _query(fn: Callable[..., pd.DataFrame], *args: Any) -> pd.DataFrame:
    with reading(db_path()) as con:
        return fn(con, *args)


@st.cache_data(show_spinner=False)
def result(key: str, version: int) -> pd.DataFrame:
    """The indicator for every region the tables hold (Gemeinden only of the home Kreis), as stored by build/import."""
    return _query(read_result, key)


@st.cache_data(show_spinner=False)
def region_table(version: int) -> pd.DataFrame:
    return _query(regions)


@st.cache_data(show_spinner=False)
def imports(version: int) -> pd.DataFrame:
    return _query(import_history)


@st.cache_data(show_spinner=False)
def tables(version: int) -> pd.DataFrame:
    return _query(table_list)


@st.cache_data(show_spinner=False)
def newest_year(version: int) -> int | None:
    """The newest year any table in the store has, the yardstick for "Stand JJJJ" badges."""
    with reading(db_path()) as con:
        return newest_year_of(con)


@st.cache_data(show_spinner=False)
def own_observations(table_code: str, version: int) -> pd.DataFrame:
    """The observations of one of the office's own tables (small: a row per school, merkmal and year).

    For views that combine counts anew instead of reading a stored result: Schulen im Vergleich
    sums the schools' counts into totals, which the stored per-school result no longer holds for
    suppressed schools.
    """
    return _query(observations, [table_code], home().key)
