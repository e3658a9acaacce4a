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


def test_the_kept_current_counts_equal_counting_the_bundled_store(store_db):
    """The build loads files that overlap (older downloads of the same table); current_values follows each write.

    Table 21111-02-06-4 comes in three files, in this order: 21111-02-06-4.csv (Stand 24.02.2018,
    154,644 values of 1995–2015); the older download 21111-02-06-4_00.csv (Stand 10.10.2017, 14,728
    values of 2014–2015), whose keys are all stored with a newer Stand, so none of it is current;
    and the 2025 download (7,532 values of 2023), which overlaps neither.
    """
    with reading(store_db) as con:
        kept = con.execute("SELECT import_id, year, n_values FROM current_values ORDER BY ALL").fetchall()
        counted = con.execute("SELECT import_id, year, count(*) FROM observations GROUP BY ALL ORDER BY ALL").fetchall()
        per_file = con.execute(
            "SELECT file_name, (SELECT coalesce(sum(n_values), 0) FROM current_values c "
            "WHERE c.import_id = i.import_id) FROM imports i WHERE table_code = '21111-02-06-4' ORDER BY import_id"
        ).fetchall()
    assert kept == counted
    assert per_file == [("21111-02-06-4.csv", 154_644), ("21111-02-06-4_00.csv", 0), ("21111-02-06-4.csv", 7_532)]
