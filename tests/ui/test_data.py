"""The dashboard's cached connection follows the store when an import swaps in a new file."""

from __future__ import annotations

import duckdb
import pytest
import streamlit as st

from store.connection import writable_copy
from store.queries import regions
from ui.data import _store


@pytest.fixture(autouse=True)
def empty_caches():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _swap_in(path, code: str, name: str) -> None:
    """Write a new store version the way `cli.py import` does: on a copy, renamed over the old file."""
    with writable_copy(path) as con:
        con.execute("INSERT INTO regions VALUES (?, ?, 'kreis', '03', false)", [code, name])


def test_a_swapped_in_store_is_read_after_closing_the_old_connection(tmp_path):
    path = tmp_path / "store.duckdb"
    _swap_in(path, "03453", "Cloppenburg, Landkreis")
    store = _store(str(path))
    assert store.query(regions)["region_code"].tolist() == ["03453"]
    old = store.con

    _swap_in(path, "03460", "Vechta, Landkreis")

    # Same cached object, new connection: the old one is closed, or DuckDB would hand back the old file.
    assert _store(str(path)) is store
    assert store.query(regions)["region_code"].tolist() == ["03453", "03460"]
    assert store.con is not old
    with pytest.raises(duckdb.ConnectionException):
        old.execute("SELECT 1")


def test_an_unchanged_store_keeps_its_connection(tmp_path):
    path = tmp_path / "store.duckdb"
    _swap_in(path, "03453", "Cloppenburg, Landkreis")
    store = _store(str(path))
    store.query(regions)
    first = store.con
    store.query(regions)
    assert store.con is first
