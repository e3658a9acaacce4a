"""Indicator results are computed when the data change and read back unchanged by every consumer.

Hand-worked values from the bundled raw files:
- 21111-02-06-4-B, Cloppenburg 2024: 228 of 2,031 leavers without qualification = 11.23 %.
- 13111-02-02-5 and 12411-02-03-5, Barßel (03453001) 2015: 1,842 women employed at residence of 3,963
  women aged 15 to under 65 = 46.48 %.
- The same tables, Damme (03460002, Landkreis Vechta) 2015: 2,936 women employed; women aged 15 to under
  65 on 31.12.2015: 282 + 222 + 448 + 563 + 522 + 502 + 536 + 645 + 652 + 562 + 464 = 5,398;
  2,936 / 5,398 = 54.39 %.
"""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest

from indicators.catalogue import CATALOGUE
from regions.home import home
from store.build import import_files
from store.results import affected_keys, compute, read


def _value(result: pd.DataFrame, region: str, year: int) -> float:
    row = result[(result["region_code"] == region) & (result["year"] == year) & (result["category"] == "")]
    assert len(row) == 1
    return float(row["value"].iloc[0])


@pytest.fixture(scope="module")
def con(store_db):
    connection = duckdb.connect(str(store_db), read_only=True)
    yield connection
    connection.close()


def test_the_build_stores_a_result_for_every_indicator_of_the_catalogue(con):
    scopes = con.execute("SELECT key FROM indicator_scope WHERE gemeinden_of = ?", [home().key]).fetchall()
    stored = {key for (key,) in scopes}
    assert stored == set(CATALOGUE)


def test_a_stored_result_reads_back_exactly_as_it_was_computed_in_the_same_row_order(con):
    # Row order carries meaning: a distribution's categories come in their declared order.
    distribution = read(con, "abschlussarten_verteilung")
    assert distribution["category"].iloc[0] == "ohne Hauptschulabschluss / Ersten Schulabschluss"
    stored = read(con, "ohne_abschluss_anteil")
    fresh = compute(con, "ohne_abschluss_anteil")
    pd.testing.assert_frame_equal(stored, fresh, check_dtype=False)
    assert _value(stored, "03453", 2024) == pytest.approx(228 / 2031 * 100)


def test_stored_gemeinde_results_hold_the_home_kreis_gemeinden(con):
    result = read(con, "beschaeftigungsquote_frauen")
    assert _value(result, "03453001", 2015) == pytest.approx(1842 / 3963 * 100)
    gemeinden = result[result["level"] == "gemeinde"]
    assert len(gemeinden) and gemeinden["region_code"].str.startswith("03453").all()


def test_gemeinden_of_another_kreis_are_computed_on_request(con):
    result = read(con, "beschaeftigungsquote_frauen", gemeinden_of="03460")
    assert _value(result, "03460002", 2015) == pytest.approx(2936 / 5398 * 100)


def test_an_import_recomputes_only_the_indicators_that_read_its_table():
    assert affected_keys(["EIGENE Schuldaten"]) == ["ohne_abschluss_schule", "absentismus_je_1000"]
    leavers = set(affected_keys(["21111-02-06-4"]))
    assert "ohne_abschluss_anteil" in leavers and "betreuungsquote_u3" not in leavers


# SYNTHETIC TEST DATA for the office template (invented counts, never shown as real statistics).
OWN_DATA = """schuljahr;region_code;schule;merkmal;anzahl;quelle
2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten
2023/24;03453004;Testschule 1;abgaenge_ohne_abschluss;6;synthetische Testdaten
2023/24;03453004;Testschule 2;abgaenge_insgesamt;60;synthetische Testdaten
2023/24;03453004;Testschule 2;abgaenge_ohne_abschluss;3;synthetische Testdaten
"""


def test_an_imported_file_is_in_the_stored_results_when_the_new_store_appears(store_db, tmp_path, monkeypatch):
    """Synthetic school data (not real): 6 of 40 leavers = 15 %, 3 of 60 = 5 %."""
    monkeypatch.setattr("store.build.IMPORTS_DIR", tmp_path / "imports")
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, db)
    source = tmp_path / "schulen.csv"
    source.write_text(OWN_DATA, encoding="utf-8")
    [outcome] = import_files(db, [source], lambda *args: None)
    assert outcome.error is None
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute(
            "SELECT region_code, year, category, value FROM indicator_results "
            "WHERE key = 'ohne_abschluss_schule' ORDER BY position"
        ).fetchall()
    finally:
        con.close()
    assert [(code, year, school, round(value, 2)) for code, year, school, value in stored] == [
        ("03453004", 2024, "Testschule 1", 15.0),
        ("03453004", 2024, "Testschule 2", 5.0),
    ]
