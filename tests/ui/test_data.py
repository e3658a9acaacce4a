"""The dashboard's data layer follows the store when an import writes into it."""

from __future__ import annotations

import pytest
import streamlit as st

from store import connection
from store.connection import reading, store_version, writing
from ui import data


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(path))
    _import_region(path, "03453", "Cloppenburg, Landkreis")
    st.cache_data.clear()
    yield path
    st.cache_data.clear()


def _import_region(path, code: str, name: str) -> None:
    """Write into the store the way `cli.py import` does: one transaction on the live file."""
    with writing(path) as con:
        con.execute("INSERT INTO regions VALUES (?, ?, 'kreis', '03', false)", [code, name])


def test_an_import_changes_the_version_and_the_next_rerun_reads_it(store):
    before = data.version()
    assert data.region_table(before)["region_code"].tolist() == ["03453"]

    _import_region(store, "03460", "Vechta, Landkreis")

    after = data.version()
    assert after != before
    assert data.region_table(after)["region_code"].tolist() == ["03453", "03460"]
    assert data.region_table(before)["region_code"].tolist() == ["03453"]  # cached under the old key


def test_an_unchanged_store_keeps_its_version(store):
    assert data.version() == data.version() == store_version(store)


def test_the_dashboard_holds_no_connection_between_queries_so_an_import_can_write(store, monkeypatch):
    monkeypatch.setattr(connection, "WAIT_SECONDS", 5)  # a held connection would make the writer give up
    data.region_table(data.version())
    # A writer opens the store read-write: DuckDB refuses while any connection has it open.
    with writing(store) as con:
        con.execute("INSERT INTO regions VALUES ('03457', 'Leer, Landkreis', 'kreis', '03', false)")
    with reading(store) as con:
        assert con.execute("SELECT count(*) FROM regions").fetchall() == [(2,)]
