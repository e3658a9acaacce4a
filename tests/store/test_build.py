"""The store built from data/raw: every key once, and small enough to copy, back up and scale."""

from __future__ import annotations

from store.connection import reading

KEY = "table_code, region_code, period, dimensions"


def test_the_bundled_store_holds_every_key_once(store_db):
    with reading(store_db) as con:
        total, distinct = con.execute(f"SELECT count(*), count(DISTINCT ({KEY})) FROM observations").fetchall()[0]
    assert total > 2_000_000  # about 2.4 million values from the 33 bundled files
    assert distinct == total


def test_the_bundled_store_takes_at_most_15_bytes_per_value(store_db):
    """With the primary key it took 131 bytes per value (314 MB for 2.4 million values)."""
    with reading(store_db) as con:
        values = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    assert store_db.stat().st_size / values <= 15
