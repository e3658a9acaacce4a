"""Loading into the store: idempotent re-imports, newer downloads, rollback, and imports while reading."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from store import load as load_module
from store.connection import reading, writing
from store.importers import genesis_csv
from store.load import load_table
from store.queries import newest_year

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
NEWER = RAW / "regionalstatistik_1995_2016" / "21111-02-06-4.csv"  # Stand 24.02.2018, 1995–2015
OLDER = RAW / "regionalstatistik_1995_2016" / "21111-02-06-4_00.csv"  # Stand 10.10.2017, 2014–2015
SMALL = RAW / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"  # 1,076 values, 2021


def count(con, sql="SELECT count(*) FROM observations", params=None):
    return con.execute(sql, params or []).fetchall()[0][0]


def load(con, path):
    return load_table(con, genesis_csv.parse(path), path)


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    with writing(tmp_path / "s.duckdb") as con:
        first = load(con, SMALL)
        second = load(con, SMALL)
        assert (first.rows, first.unchanged) == (1076, False)
        assert second.unchanged
        assert count(con) == 1076
        assert count(con, "SELECT count(*) FROM imports") == 1


def test_newer_download_replaces_overlap_and_older_one_never_overwrites(tmp_path):
    with writing(tmp_path / "s.duckdb") as con:
        older = load(con, OLDER)
        newer = load(con, NEWER)
        # The older file has 14,728 values (2014–2015); the newer covers the same cells and more.
        assert older.rows == 14728 and newer.replaced == 14728 and newer.kept_newer == 0
        assert count(con) == newer.rows
        history = con.execute("SELECT file_name FROM imports ORDER BY import_id").fetchall()
        assert [h[0] for h in history] == [OLDER.name, NEWER.name]  # history kept
    with writing(tmp_path / "t.duckdb") as con:
        load(con, NEWER)
        again_older = load(con, OLDER)
        assert (again_older.replaced, again_older.kept_newer) == (0, 14728)
        # Cloppenburg 2015 still comes from the newer file.
        source = con.execute(
            """SELECT i.file_name FROM observations o JOIN imports i USING (import_id)
               WHERE o.region_code = '03453' AND o.period = '2015' LIMIT 1"""
        ).fetchall()[0][0]
        assert source == NEWER.name


def test_a_failure_inside_the_transaction_leaves_the_store_as_before(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    with writing(db) as con:
        load(con, SMALL)

    def broken(_con, _regions, rename):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load_module, "upsert_regions", broken)
    with pytest.raises(RuntimeError), writing(db) as con:
        load(con, OLDER)  # fails after its observations and import record were written
    with reading(db) as con:
        assert count(con) == 1076
        assert count(con, "SELECT count(*) FROM imports") == 1


def test_a_writer_failing_after_loading_leaves_the_store_as_before_and_nothing_behind(tmp_path):
    db = tmp_path / "s.duckdb"
    with writing(db) as con:
        load(con, SMALL)
    with pytest.raises(RuntimeError), writing(db) as con:
        load(con, OLDER)
        raise RuntimeError("crash after loading")
    with reading(db) as con:
        assert count(con) == 1076
    # No copy, no log: only the store and its two (empty) lock files.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb", "s.duckdb.gate", "s.duckdb.lock"]


def test_a_reader_waits_while_an_import_writes_and_then_sees_all_of_it(tmp_path):
    db = tmp_path / "s.duckdb"
    with writing(db) as con:
        load(con, SMALL)
    writer_inside, seen = threading.Event(), []

    def dashboard_query():
        writer_inside.wait()
        with reading(db) as con:  # starts while the writer holds the store
            seen.append(count(con))

    reader = threading.Thread(target=dashboard_query)
    reader.start()
    with writing(db) as con:
        writer_inside.set()
        load(con, OLDER)
    reader.join()
    assert seen == [1076 + 14728]  # never the old store, never a half import


def test_an_import_waits_for_a_running_query_which_reads_the_store_as_before(tmp_path):
    db = tmp_path / "s.duckdb"
    with writing(db) as con:
        load(con, SMALL)
    imported = threading.Event()

    def cli_import():
        with writing(db) as con:
            load(con, OLDER)
        imported.set()

    with reading(db) as con:  # the dashboard is in the middle of a query
        writer = threading.Thread(target=cli_import)
        writer.start()
        assert count(con) == 1076
        assert not imported.is_set()  # the writer cannot get in while the query holds the store
    writer.join()
    with reading(db) as con:  # the next query sees the import
        assert count(con) == 1076 + 14728


def test_regions_get_level_parent_and_historic_flag(tmp_path):
    with writing(tmp_path / "s.duckdb") as con:
        load(con, RAW / "regionalstatistik_2023_2025" / "21111-02-06-4.csv")
        rows = dict(
            (code, (name, level, parent, historic))
            for code, name, level, parent, historic in con.execute("SELECT * FROM regions").fetchall()
        )
    assert rows["03453"] == ("Cloppenburg, Landkreis", "kreis", "03", False)
    assert rows["03"][1:] == ("land", "DG", False)
    assert rows["DG"][1] == "bund"
    assert rows["03152"][3] is True  # Göttingen (alt), kept and marked historic


def test_a_genesis_file_with_a_duplicated_row_is_refused_naming_both_lines(tmp_path):
    from store.errors import ImportFehler

    lines = SMALL.read_bytes().decode("cp1252").splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith("2021;03453;"))
    edited = tmp_path / "82411-01-03-4.csv"
    edited.write_bytes("".join(lines[: row + 1] + [lines[row]] + lines[row + 1 :]).encode("cp1252"))
    with writing(tmp_path / "s.duckdb") as con:
        with pytest.raises(ImportFehler, match="doppelte Zeilen") as error:
            load(con, edited)
        assert f"{row + 1}, {row + 2}" in error.value.meldung
        assert count(con) == 0


def test_no_key_is_stored_twice_whatever_the_order_of_overlapping_imports(tmp_path):
    with writing(tmp_path / "s.duckdb") as con:
        newer = load(con, NEWER)
        load(con, OLDER)  # all 14,728 of its keys are already stored with a newer Stand: none loaded
        load(con, NEWER)  # identical file: nothing happens
        key = "table_code, region_code, period, dimensions"
        assert count(con) == newer.rows
        assert count(con, f"SELECT count(DISTINCT ({key})) FROM observations") == newer.rows


def test_observations_keep_no_index_for_their_key(tmp_path):
    """The key's ART index was 290 MB of a 314 MB store; uniqueness is checked at load time instead."""
    with writing(tmp_path / "s.duckdb") as con:
        load(con, SMALL)
        constraints = con.execute(
            "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'observations'"
        ).fetchall()
        indexes = count(con, "SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'observations'")
    assert {c[0] for c in constraints} == {"NOT NULL"}
    assert indexes == 0


def test_the_newest_year_is_the_latest_year_of_any_stored_value_also_after_a_delete(tmp_path):
    with writing(tmp_path / "s.duckdb") as con:
        assert newest_year(con) is None
        load(con, OLDER)  # 2014 and 2015
        assert newest_year(con) == 2015
        load(con, SMALL)  # 2021
        assert newest_year(con) == 2021
        con.execute("DELETE FROM observations WHERE year = 2021")  # what undoing SMALL's import does
        assert newest_year(con) == 2015
