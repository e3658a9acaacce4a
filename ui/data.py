"""The dashboard's only door to the store: one cached read-only connection and cached query results.

Every cached function takes plain hashable arguments and the store version (the file's mtime), so a
new store swapped in by `cli.py import` or `build` invalidates all results at the next rerun, while
reruns on an unchanged store read from memory. Nothing here reads a widget.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from store.connection import DEFAULT_DB, connect_read_only, store_version
from store.queries import import_history, regions, table_list
from store.results import read as read_result


def db_path() -> Path:
    """The store to show. Read at each call, not at import, so a test can point BILDUNGSMONITOR_DB elsewhere."""
    return Path(os.environ.get("BILDUNGSMONITOR_DB", DEFAULT_DB))


def version() -> int:
    """Part of every cache key: changes when a writer swaps in a new store file."""
    return store_version(db_path())


class _Store:
    """One read-only connection to one store file, reopened when the file is replaced.

    DuckDB shares an open database within a process: connecting again while the old connection is
    open would hand back the old, replaced file. So the old connection is closed first. The lock
    serialises queries, since sessions run in threads and a DuckDB connection is not thread-safe;
    queries are rare because their results are cached.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.version: int | None = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self.lock = threading.Lock()

    def query(self, fn: Callable[..., pd.DataFrame], *args: Any) -> pd.DataFrame:
        with self.lock:
            current = store_version(self.path)
            if self.con is None or current != self.version:
                if self.con is not None:
                    self.con.close()
                self.con = connect_read_only(self.path)
                self.version = current
            return fn(self.con, *args)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> _Store:
    return _Store(Path(path))


def _query(fn: Callable[..., pd.DataFrame], *args: Any) -> pd.DataFrame:
    return _store(str(db_path())).query(fn, *args)


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
