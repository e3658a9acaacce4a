"""An import recomputes only the years its file can change, and the stored results equal a full recompute.

The file is real: the Regionalstatistik's 13211-02-05-4 for 2025 (6,994 values, every Kreis, Land and
the Bund). It feeds two indicators:
- jugendarbeitslose_je_100 declares years_back=1 (2025's unemployed divided by the population of
  31.12.2024), so the import recomputes 2025 and 2026 only. Cloppenburg 2025, worked out by hand:
  563 unemployed aged 15 to under 25 (the file); population of 31.12.2024 from 12411-02-03-4:
  5,795 (15–18) + 4,110 (18–20) + 10,580 (20–25) = 20,485; 563 / 20,485 × 100 = 2.748 %.
- jugendarbeitslosenquote declares nothing (a count is checked against the region's median over all
  years), so it is recomputed whole. Cloppenburg 2025: 4.0 % as published, 563 as numerator.
The stores start from the test store with that file's import taken out and every result recomputed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from indicators.catalogue import CATALOGUE
from store.build import import_files, undo_import
from store.connection import writing
from store.load import remove_import, sha256_of
from store.results import compute, read, refresh

FILE = Path(__file__).resolve().parents[2] / "data" / "raw" / "regionalstatistik_2023_2025" / "13211-02-05-4.csv"
KEYS = ["jugendarbeitslosenquote", "jugendarbeitslose_je_100"]
ORDERED = "SELECT * FROM indicator_results WHERE key = ? ORDER BY position"


def quiet(*_):
    return None


def results(db: Path, key: str) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(ORDERED, [key]).df()
    finally:
        con.close()


def stored_value(db: Path, key: str, region: str, year: int) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT value, numerator, denominator FROM indicator_results "
            "WHERE key = ? AND region_code = ? AND year = ?",
            [key, region, year],
        ).fetchall()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def without_file(store_db, tmp_path_factory):
    """The test store without the 2025 file, its indicators fully recomputed: the state before the import."""
    db = tmp_path_factory.mktemp("years") / "before.duckdb"
    shutil.copyfile(store_db, db)
    with writing(db) as con:
        [(import_id,)] = con.execute("SELECT import_id FROM imports WHERE sha256 = ?", [sha256_of(FILE)]).fetchall()
        remove_import(con, import_id)
        refresh(con, KEYS)
    return db


@pytest.fixture
def store(without_file, tmp_path, monkeypatch):
    """A copy of the state before the import, with its own data/imports and the file as a user would bring it."""
    monkeypatch.setattr("store.build.IMPORTS_DIR", tmp_path / "imports")
    db = tmp_path / "store.duckdb"
    shutil.copyfile(without_file, db)
    (tmp_path / "download").mkdir()
    return db, Path(shutil.copy(FILE, tmp_path / "download" / FILE.name))


def test_the_stored_results_after_an_import_and_its_undo_equal_a_full_recompute(store):
    db, path = store
    before = {key: results(db, key) for key in KEYS}
    assert not (before["jugendarbeitslose_je_100"]["year"] == 2025).any()

    [outcome] = import_files(db, [path], quiet)
    assert outcome.error is None and outcome.result.years == (2025,)
    after_import = {key: results(db, key) for key in KEYS}
    assert stored_value(db, "jugendarbeitslose_je_100", "03453", 2025) == pytest.approx((563 / 20485 * 100, 563, 20485))
    assert stored_value(db, "jugendarbeitslosenquote", "03453", 2025)[:2] == pytest.approx((4.0, 563))
    with writing(db) as con:
        refresh(con, KEYS)
    for key in KEYS:  # every row, value and position as a full recompute stores it
        pd.testing.assert_frame_equal(after_import[key], results(db, key))

    undo_import(db, outcome.result.import_id, quiet)
    for key in KEYS:
        pd.testing.assert_frame_equal(results(db, key), before[key])


def test_an_import_keeps_the_stored_rows_of_years_its_file_cannot_change(store):
    db, path = store
    # Mark two stored 2016 rows. The file holds 2025 only: jugendarbeitslose_je_100 (years_back=1)
    # recomputes 2025 and 2026 and keeps the mark; jugendarbeitslosenquote is recomputed whole.
    con = duckdb.connect(str(db))
    con.execute("UPDATE indicator_results SET value = -1 WHERE region_code = '03453' AND year = 2016")
    con.close()

    import_files(db, [path], quiet)

    assert stored_value(db, "jugendarbeitslose_je_100", "03453", 2016)[0] == -1
    assert stored_value(db, "jugendarbeitslosenquote", "03453", 2016)[0] == pytest.approx(4.7)
    assert stored_value(db, "jugendarbeitslose_je_100", "03453", 2025)[0] == pytest.approx(563 / 20485 * 100)


DECLARED = [key for key, indicator in CATALOGUE.items() if indicator.years_back is not None]


@pytest.mark.parametrize("key", DECLARED)
def test_an_indicator_declaring_years_back_computes_a_year_from_those_years_alone(store_db, key):
    """The declaration the partial recompute trusts: a year's rows come out the same from its own years
    (and years_back before) as from the whole store, and a result is ordered by region and year, so
    recomputed years slot back into place. Checked at the first and last year, and the year after."""
    con = duckdb.connect(str(store_db), read_only=True)
    try:
        full = read(con, key)
        assert len(full), key
        ordered = full.sort_values(["region_code", "year"], kind="stable", ignore_index=True)
        pd.testing.assert_frame_equal(full, ordered)
        first, last = int(full["year"].min()), int(full["year"].max())
        for year in (first, last, last + 1):
            part = compute(con, key, years={year})
            want = full[full["year"] == year].reset_index(drop=True)
            pd.testing.assert_frame_equal(part, want, obj=f"{key} {year}")
    finally:
        con.close()
