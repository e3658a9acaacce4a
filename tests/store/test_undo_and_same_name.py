"""Imports an analyst can take back, own files that share a name, and names only the base may change.

A small "bundled" base (one real table, 82411-01-03-4, 1,076 values) stands in for data/raw, so a
rebuild takes a second. Own-data rows are SYNTHETIC test data (invented counts, never shown as real).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from store import build as build_module
from store.build import build, import_files, undo_import
from store.connection import writing
from store.errors import ImportFehler
from store.queries import import_history, table_list

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SMALL = "regionalstatistik_2023_2025/82411-01-03-4.csv"  # 1,076 real values; names 03453 "Cloppenburg, Landkreis"
HEADER = "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"


def own_file(folder: Path, rows: str, name: str = "schuldaten.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def leavers(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT period, value FROM observations WHERE table_code = 'EIGENE Schuldaten' ORDER BY period"
        ).fetchall()
    finally:
        con.close()


def scalar(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture
def base(tmp_path, monkeypatch):
    """A store built from a one-file manifest, with its own data/imports folder."""
    manifest = tmp_path / "MANIFEST.txt"
    manifest.write_text(SMALL + "\n", encoding="utf-8")
    monkeypatch.setattr(build_module, "MANIFEST", manifest)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    db = tmp_path / "store.duckdb"
    build(db, lambda *_: None)
    return db


def quiet(*_):
    return None


def test_two_own_files_with_the_same_name_are_both_kept_and_survive_a_rebuild(base, tmp_path):
    first = own_file(tmp_path / "maerz", "2022/23;03453004;Testschule;abgaenge_insgesamt;30;synthetisch\n")
    second = own_file(tmp_path / "april", "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n")
    import_files(base, [first], quiet)
    import_files(base, [second], quiet)
    kept = sorted(p.name for p in (tmp_path / "imports").iterdir())
    assert kept == ["schuldaten.csv", "schuldaten__2.csv"]
    build(base, quiet)  # the rebuild reads data/imports: both school years are still there
    assert leavers(base) == [("2023", 30.0), ("2024", 40.0)]


def test_the_same_file_imported_twice_is_kept_once(base, tmp_path):
    path = own_file(tmp_path / "a", "2022/23;03453004;Testschule;abgaenge_insgesamt;30;synthetisch\n")
    import_files(base, [path], quiet)
    import_files(base, [path], quiet)
    assert [p.name for p in (tmp_path / "imports").iterdir()] == ["schuldaten.csv"]


def test_undo_removes_the_values_the_record_and_the_file_from_data_imports(base, tmp_path):
    path = own_file(tmp_path / "a", "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n")
    [outcome] = import_files(base, [path], quiet)
    import_id = outcome.result.import_id
    undone = undo_import(base, import_id, quiet)
    assert (undone.values, undone.rebuilt) == (1, False)
    assert leavers(base) == []
    assert scalar(base, "SELECT count(*) FROM imports WHERE import_id = ?", [import_id]) == 0
    assert scalar(base, "SELECT count(*) FROM observations") == 1076  # the base table is untouched
    assert not (tmp_path / "imports" / "schuldaten.csv").exists()
    # Moved aside, not deleted: a mistaken click loses nothing.
    [moved] = (tmp_path / "imports" / ".rueckgaengig").iterdir()
    assert moved.name.endswith("_schuldaten.csv")


def test_undoing_an_import_that_replaced_values_brings_the_older_values_back(base, tmp_path):
    first = own_file(tmp_path / "a", "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n", "erst.csv")
    fix = own_file(tmp_path / "b", "2023/24;03453004;Testschule;abgaenge_insgesamt;44;synthetisch\n", "korr.csv")
    import_files(base, [first], quiet)
    [outcome] = import_files(base, [fix], quiet)
    assert outcome.result.replaced == 1 and leavers(base) == [("2024", 44.0)]
    undone = undo_import(base, outcome.result.import_id, quiet)
    assert undone.rebuilt
    assert leavers(base) == [("2024", 40.0)]  # the first delivery's 40 is back
    assert sorted(p.name for p in (tmp_path / "imports").glob("*.csv")) == ["erst.csv"]


def test_a_bundled_file_cannot_be_undone(base):
    import_id = scalar(base, "SELECT min(import_id) FROM imports")
    with pytest.raises(ImportFehler, match="Grundbestand"):
        undo_import(base, import_id, quiet)
    assert scalar(base, "SELECT count(*) FROM observations") == 1076


def test_a_small_genesis_file_never_renames_a_kreis(base, tmp_path):
    # SYNTHETIC four-line GENESIS table that prints 03453 under another name.
    path = tmp_path / "klein.csv"
    path.write_text(
        "Tabelle: SYNTH-1\nSynthetische Testtabelle - regionale Ebenen (Anzahl)\n;;;Insgesamt\n"
        "2024;03453;Umbenannt, Landkreis;5\n__________\nStand: 01.02.2026\n",
        encoding="utf-8",
    )
    [outcome] = import_files(base, [path], quiet)
    assert outcome.result is not None
    assert scalar(base, "SELECT name FROM regions WHERE region_code = '03453'") == "Cloppenburg, Landkreis"


def counts(db: Path) -> tuple[dict[str, int], list[tuple]]:
    """Values still current per imported file (import history) and the table list, as Daten & Quellen reads them."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        history = import_history(con)
        tables = table_list(con)
    finally:
        con.close()
    current = dict(zip(history["file_name"], history["rows_current"].tolist(), strict=True))
    listed = [(r.table_code, r.first_year, r.last_year, r.values) for r in tables.itertuples()]
    return current, listed


def test_current_counts_follow_imports_that_replace_values_and_their_undo(base, tmp_path):
    """Two school years delivered, then one of them corrected: each file keeps one current value.

    The counts are kept by the writes (current_values), so they must match what counting gives:
    the base table 82411-01-03-4 has 1,076 values of 2021; the own data 2 values (2023 and 2024).
    """
    first = own_file(
        tmp_path / "a",
        "2022/23;03453004;Testschule;abgaenge_insgesamt;30;synthetisch\n"
        "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n",
        "erst.csv",
    )
    fix = own_file(tmp_path / "b", "2023/24;03453004;Testschule;abgaenge_insgesamt;44;synthetisch\n", "korr.csv")
    import_files(base, [first], quiet)
    assert counts(base) == (
        {"erst.csv": 2, "82411-01-03-4.csv": 1076},
        [("82411-01-03-4", 2021, 2021, 1076), ("EIGENE Schuldaten", 2023, 2024, 2)],
    )
    [outcome] = import_files(base, [fix], quiet)
    assert outcome.result.replaced == 1
    # erst.csv lost its 2024 value to korr.csv; the table still holds 2 values of 2023 and 2024.
    assert counts(base) == (
        {"korr.csv": 1, "erst.csv": 1, "82411-01-03-4.csv": 1076},
        [("82411-01-03-4", 2021, 2021, 1076), ("EIGENE Schuldaten", 2023, 2024, 2)],
    )
    undone = undo_import(base, outcome.result.import_id, quiet)
    assert (undone.values, undone.rebuilt) == (1, True)
    assert counts(base) == (
        {"erst.csv": 2, "82411-01-03-4.csv": 1076},
        [("82411-01-03-4", 2021, 2021, 1076), ("EIGENE Schuldaten", 2023, 2024, 2)],
    )


def test_undo_in_place_removes_the_counts_of_the_import_and_its_table(base, tmp_path):
    path = own_file(tmp_path / "a", "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n")
    [outcome] = import_files(base, [path], quiet)
    assert counts(base)[1][-1] == ("EIGENE Schuldaten", 2024, 2024, 1)
    undo_import(base, outcome.result.import_id, quiet)
    assert counts(base) == ({"82411-01-03-4.csv": 1076}, [("82411-01-03-4", 2021, 2021, 1076)])


def test_a_store_from_before_the_counts_gets_them_counted_when_it_is_opened(base, tmp_path):
    """Migration 005 fills current_values from the observations of an existing store."""
    path = own_file(tmp_path / "a", "2023/24;03453004;Testschule;abgaenge_insgesamt;40;synthetisch\n")
    import_files(base, [path], quiet)
    before = counts(base)
    with writing(base) as con:  # back to the schema before migration 005
        con.execute("DROP TABLE current_values")
        con.execute("DELETE FROM schema_migrations WHERE name = '005_current_values.sql'")
    con = duckdb.connect(str(base), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'current_values'").fetchall() == [
            (0,)
        ]
    finally:
        con.close()
    with writing(base):  # any writer migrates
        pass
    assert before == (
        {"schuldaten.csv": 1, "82411-01-03-4.csv": 1076},
        [("82411-01-03-4", 2021, 2021, 1076), ("EIGENE Schuldaten", 2024, 2024, 1)],
    )
    assert counts(base) == before
