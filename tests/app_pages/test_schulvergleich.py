"""Schulen im Vergleich on a copy of the session store with the SYNTHETISCH school file imported.

Every expected number is worked out by hand in tests/indicators/schulvergleich_synthetisch.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.app_pages.elements import as_shown, charts, texts
from tests.indicators.schulvergleich_synthetisch import (
    CLOPPENBURG,
    DORF,
    FRIESOYTHE,
    MITTE,
    NORD,
    OST,
    SUED,
    WEST,
    store_with_schools,
)

PAGE = "app_pages/schulvergleich.py"


@pytest.fixture(scope="module")
def schools_db(store_db, tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        return store_with_schools(store_db, tmp_path_factory.mktemp("schulvergleich"), patch)


@pytest.fixture
def open_schools(open_app, schools_db, monkeypatch):
    """open_app on the store with the synthetic schools."""

    def open_(**params: str):
        monkeypatch.setenv("BILDUNGSMONITOR_DB", str(schools_db))
        return open_app(PAGE, **params)

    return open_


def _table(at) -> pd.DataFrame:
    [table] = [d.value for d in at.dataframe if "Schule bzw. Summe" in d.value.columns]
    return table.set_index("Schule bzw. Summe")


def _bars(at) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """The chart's bars (label → value), the labels without a value (→ status) and its reference texts."""
    [(_, rows)] = charts(at)
    bars = {r["label"]: r["value"] for r in rows if "label" in r and r.get("value") is not None}
    hidden = {r["label"]: r["status_short"] for r in rows if "label" in r and r.get("value") is None}
    references = sorted({r["text"] for r in rows if "text" in r and "label" not in r})
    return bars, hidden, references


def test_all_schools_of_the_kreis_with_totals_from_the_schools_and_suppression(open_schools):
    at = open_schools()
    assert at.title[0].value == "Schulen im Vergleich"
    assert as_shown(at.header[0].value).startswith(
        "Abgänge ohne Abschluss je Schule (eigene Daten): alle Schulen im Landkreis"
    )
    table = _table(at)
    # Nord 7 / 60 = 11.667 %; Mitte 3 / 20 = 15 %; Friesoythe 11 / 100 = 11 %; Kreis 25 / 280 = 8.929 %
    assert (table.loc[NORD, "Wert"], table.loc[MITTE, "Wert"]) == ("11,7", "15,0")
    assert table.loc["Friesoythe (Summe der Schulen)", ["Wert", "Zähler", "Nenner"]].tolist() == ["11,0", "11", "100"]
    kreis = table.loc["Landkreis Cloppenburg (Summe der Schulen)"]
    assert (kreis["Wert"], kreis["Zähler"], kreis["Nenner"], kreis["Zeile"]) == ("8,9", "25", "280", "Kreis")
    hidden = [SUED, WEST, "Cloppenburg (Summe der Schulen)", DORF, "Lastrup (Summe der Schulen)"]
    # a hidden value reads as its status, never as 0 or "None"; its numerator is empty, the number of leavers stays
    assert set(table.loc[hidden, "Wert"]) == {"unterdrückt"} and set(table.loc[hidden, "Zähler"]) == {""}
    assert table.loc[hidden, "Nenner"].tolist() == ["40", "50", "150", "30", "30"]
    assert set(table.loc[hidden, "Status"]) == {"aus Datenschutzgründen unterdrückt (< 3 Fälle)"}
    assert table.loc[WEST, "Hinweis"] == "Sekundärsperrung: sonst aus der Summe rückrechenbar"
    assert (table["Wert"] != "unterdrückt").sum() == 5
    # the chart: schools with a value as bars, hidden ones named instead of drawn as 0, the Kreis as a rule
    bars, without, references = _bars(at)
    assert bars == {
        f"{OST} (Friesoythe)": pytest.approx(10.0),
        f"{NORD} (Cloppenburg)": pytest.approx(11.6667, abs=1e-4),
        f"{MITTE} (Friesoythe)": pytest.approx(15.0),
    }
    assert without == {
        f"{SUED} (Cloppenburg)": "unterdrückt",
        f"{WEST} (Cloppenburg)": "unterdrückt",
        f"{DORF} (Lastrup)": "unterdrückt",
    }
    assert references == ["Summe Landkreis Cloppenburg: 8,9 %"]


def test_one_gemeinde_chosen_by_link_hides_what_the_kreis_view_hides(open_schools):
    at = open_schools(gebiet=CLOPPENBURG)
    assert as_shown(at.header[0].value).endswith("Schulen in Cloppenburg, 2024")
    table = _table(at)
    kreis = "Landkreis Cloppenburg (Summe der Schulen)"
    assert list(table.index) == [NORD, SUED, WEST, "Cloppenburg (Summe der Schulen)", kreis]
    # Cloppenburg's sum stays hidden as in the Kreis view (there it protects Lastrup's school)
    assert table["Wert"].tolist() == ["11,7", "unterdrückt", "unterdrückt", "unterdrückt", "8,9"]
    bars, without, references = _bars(at)
    assert bars == {NORD: pytest.approx(11.6667, abs=1e-4)}
    assert without == {SUED: "unterdrückt", WEST: "unterdrückt"}
    assert references == ["Summe Landkreis Cloppenburg: 8,9 %"]


def test_a_gemeinde_chosen_in_the_sidebar_is_the_default(open_schools):
    at = open_schools(region=FRIESOYTHE)
    assert at.selectbox(key="gebiet").value == FRIESOYTHE
    bars, without, references = _bars(at)
    assert bars == {OST: pytest.approx(10.0), MITTE: pytest.approx(15.0)} and without == {}
    # Friesoythe's sum 11 / 100 and the Kreis' 25 / 280 as rules
    assert references == ["Summe Friesoythe: 11,0 %", "Summe Landkreis Cloppenburg: 8,9 %"]


def test_a_year_with_every_value_suppressed_says_so_instead_of_an_empty_chart(open_schools):
    at = open_schools(jahr="2023")
    assert [w.value for w in at.warning] == [
        "Für alle Schulen im Landkreis Cloppenburg im Jahr 2023 sind alle Werte aus Datenschutzgründen "
        "unterdrückt: Die Fallzahlen sind kleiner als 3 oder ließen sich sonst aus einer gezeigten Summe "
        "zurückrechnen. Die Tabelle nennt je Zeile den Grund. Ein anderes Jahr oder alle Schulen des Kreises "
        "zeigen womöglich Werte."
    ]
    assert charts(at) == []
    table = _table(at)
    # Nord alone, 2 of 55: school, Gemeinde and Kreis hidden; the number of leavers stays
    assert set(table["Wert"]) == {"unterdrückt"} and table["Nenner"].tolist() == ["55", "55", "55"]


def test_absenteeism_per_1000_pupils(open_schools):
    at = open_schools(indikator="absentismus_je_1000")
    table = _table(at)
    # Nord 6 / 400 × 1000 = 15; Ost 5 / 250 × 1000 = 20; Kreis 11 / 650 × 1000 = 16.9
    assert (table.loc[NORD, "Wert"], table.loc[OST, "Wert"]) == ("15,0", "20,0")
    assert table.loc["Landkreis Cloppenburg (Summe der Schulen)", "Wert"] == "16,9"
    assert [y for y in at.selectbox(key="jahr").options] == ["2024"]


def test_the_table_is_downloaded_as_shown(open_schools, downloads):
    open_schools()
    name = "schulvergleich_ohne_abschluss_schule_03453_2024"
    assert {f"{name}.csv", f"{name}.xlsx", f"{name}.png", f"{name}.svg"} <= set(downloads.offered)
    lines = downloads[f"{name}.csv"].decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Gemeinde;Zeile;Schule bzw. Summe;Regionalschlüssel;Jahr;Wert;Einheit;Zähler;Nenner;Status;Hinweis"
    )
    suppressed = next(line for line in lines if SUED in line).split(";")
    assert (suppressed[5], suppressed[7], suppressed[8]) == ("", "", "40")
    assert any(line.startswith(f"Cloppenburg;Schule;{NORD};03453004;2024;11,66666") for line in lines)
    assert downloads[f"{name}.png"].startswith(b"\x89PNG")  # rendered on click, title and source in the picture
    assert "Summe Landkreis Cloppenburg: 8,9" in downloads[f"{name}.svg"]


def test_without_own_data_the_page_says_where_to_import_them(open_app):
    at = open_app(PAGE)
    assert any("Noch keine eigenen Schuldaten" in t and "Daten & Quellen" in t for t in texts(at))
    assert charts(at) == [] and not at.dataframe
