"""The Indikator page after the office imported its own school data (tests/eigene_daten.py: SYNTHETISCH).

What a new user met there: an empty chart with the axis "0,000000", a map legend "NaN" at Kreis level,
"noch keine Daten" right after 56 values were imported, unrounded legend values, and a school's line
labelled with its Gemeinde. Every expected number is worked out in tests/eigene_daten.py.
"""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from store import build
from tests.app_pages.conftest import APP
from tests.app_pages.elements import charts, texts
from tests.eigene_daten import KLEINORT, NORD, SUED, VALUES, synthetic_file

INDIKATOR = "app_pages/indikator.py"
OWN = "ohne_abschluss_schule"


@pytest.fixture(scope="module")
def own_store(store_db, tmp_path_factory):
    """A private copy of the session store with the synthetic file imported through the template importer."""
    folder = tmp_path_factory.mktemp("eigene_daten")
    copy = folder / "store.duckdb"
    shutil.copyfile(store_db, copy)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "IMPORTS_DIR", folder / "imports")
        [outcome] = build.import_files(copy, [synthetic_file(folder)], lambda *_: None)
    assert outcome.error is None, outcome.error
    assert build.describe(outcome).startswith(f"{VALUES} Werte, Tabelle EIGENE Schuldaten")
    return copy


@pytest.fixture
def open_own(own_store, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(own_store))

    def open_(**params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params.update({"indikator": OWN, **params})
        at.switch_page(INDIKATOR)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_


def _lines(at: AppTest) -> dict[str, dict[int, dict]]:
    """The time series' rows by legend label and year."""
    (_, rows), *_ = charts(at)
    out: dict[str, dict[int, dict]] = {}
    for row in rows:
        if "legend" in row:
            out.setdefault(row["legend"], {})[row["year"]] = row
    return out


def test_a_school_chosen_with_the_landkreis_draws_the_schools_line_named_after_the_school(open_own):
    at = open_own(kategorie=NORD)
    lines = _lines(at)
    # Only the school: own data have no Land, Bund or comparison Kreise. Nord 2024: 8 of 64 = 12.5 %.
    assert list(lines) == [NORD]
    assert {year: row["value_text"] for year, row in lines[NORD].items()} == {
        2021: "10,0 %",  # 6 / 60
        2022: "8,1 %",  # 5 / 62 = 8.06
        2023: "12,1 %",  # 7 / 58 = 12.07
        2024: "12,5 %",
    }
    assert lines[NORD][2024]["counts_text"] == "8 von 64"
    assert lines[NORD][2024]["region_code"] == "03453004"  # the Gemeinde the school lies in
    (spec, _), *_ = charts(at)
    assert f"Neuester Wert {NORD} 2024: 12,5 %" in spec["description"]


def test_the_school_keeps_its_name_when_its_gemeinde_is_chosen(open_own):
    assert list(_lines(open_own(kategorie=NORD, region="03453004"))) == [NORD]


def test_the_landkreis_without_own_values_says_so_instead_of_an_empty_chart(open_own):
    at = open_own()  # default category: the Gemeinde total, which only Gemeinden have
    assert at.selectbox(key="kategorie").value == "Gemeinde insgesamt"
    assert not charts(at)
    assert any(
        "Für Cloppenburg, Landkreis gibt es in „Gemeinde insgesamt“ keine Werte" in t and "je Schule und Gemeinde" in t
        for t in texts(at)
    )


def test_a_school_whose_every_value_is_suppressed_says_so_instead_of_noch_keine_daten(open_own):
    at = open_own(kategorie=KLEINORT)
    shown = texts(at)
    assert not any("noch keine Daten" in t for t in shown)
    assert not charts(at)
    assert any(f"Für „{KLEINORT}“ sind alle Werte aus Datenschutzgründen unterdrückt" in t for t in shown)


def test_the_table_of_a_fully_suppressed_school_lists_its_years_with_the_reason(open_own):
    table = open_own(kategorie=KLEINORT, tab="Tabelle").dataframe[0].value
    # 1, 2, 1, 2 leavers without a qualification: every year below 3 cases.
    assert table["Jahr"].tolist() == [2024, 2023, 2022, 2021]
    assert set(table["Status"]) == {"aus Datenschutzgründen unterdrückt (< 3 Fälle)"}
    assert table["Wert"].isna().all() and table["Zähler"].isna().all()


def test_the_kreis_map_says_there_are_no_kreis_values_instead_of_a_nan_legend(open_own):
    at = open_own(tab="Karte", ebene="kreise")
    assert not charts(at)
    assert any("keine Werte je Kreis" in t and "je Schule und Gemeinde" in t for t in texts(at))


def test_the_map_opens_on_the_gemeinden_where_own_data_have_values(open_own):
    at = open_own(tab="Karte")
    assert at.radio(key="ebene").value == "gemeinden"
    (spec, rows), *_ = charts(at)
    cloppenburg = next(r for r in rows if r.get("region_code") == "03453004")
    assert cloppenburg["value_text"] == "13,5 %"  # Gemeinde total 2024: 14 of 104 = 13.46 %
    legend = next(
        layer["encoding"]["color"]["legend"]
        for layer in spec["layer"]
        if layer.get("encoding", {}).get("color", {}).get("field") == "value"
    )
    assert legend["format"] == ",.1f"  # one value only: Vega's own format printed "13,461538"


def test_own_data_downloads_name_the_school_in_words(open_own, downloads):
    open_own(kategorie=NORD, tab="Tabelle")
    assert "ohne_abschluss_schule_03453_testschule_nord_synthetisch.csv" in downloads.offered
    assert not any(name.rsplit(".", 1)[0].endswith("_0") for name in downloads.offered)


def test_a_running_page_shows_the_values_right_after_an_import_without_a_restart(store_db, tmp_path, monkeypatch):
    # The import recomputes the results in its own transaction and changes the store version, which is
    # part of every cache key: the open page must not keep saying "noch keine Daten".
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(copy))
    monkeypatch.setattr(build, "IMPORTS_DIR", tmp_path / "imports")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(indikator=OWN)
    at.switch_page(INDIKATOR)
    at.run()
    assert any("noch keine Daten" in t for t in texts(at))
    [outcome] = build.import_files(copy, [synthetic_file(tmp_path)], lambda *_: None)
    assert outcome.error is None, outcome.error
    at.run()
    assert not any("noch keine Daten" in t for t in texts(at))
    assert at.selectbox(key="kategorie").options == ["Gemeinde insgesamt", NORD, SUED, KLEINORT]
