"""Indikator: Diagramm, Karte, Tabelle and Quellen of one indicator, and their downloads."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.app_pages.elements import charts, texts

INDIKATOR = "app_pages/indikator.py"
NACHBARN = {"03460", "03454", "03458", "03459", "03457", "03451"}  # config/vergleichsgruppen.toml


def test_the_diagram_draws_region_land_bund_and_the_comparison_group(open_app):
    (spec, rows), *_ = charts(open_app(INDIKATOR))
    assert {row["region_code"] for row in rows if "role" in row} == {"03453", "03", "DG"} | NACHBARN
    cloppenburg = {row["year"]: row for row in rows if row.get("region_code") == "03453"}
    assert cloppenburg[2024]["value_text"] == "11,2 %"
    assert cloppenburg[2024]["counts_text"] == "228 von 2.031"
    assert cloppenburg[2023]["counts_text"] == "163 von 1.967"
    assert spec["title"]["text"] == "Abgänge ohne Hauptschulabschluss"


def test_the_diagram_marks_the_data_breaks(open_app):
    (_, rows), *_ = charts(open_app(INDIKATOR))
    breaks = {row["year"]: row["label"] for row in rows if "label" in row}
    # The joined series declares the NI breaks, INKAR's 2016 quality note and both changes of source.
    assert breaks == {
        2004: "NI: Doppelzählungen, Nenner überhöht",
        2011: "NI: doppelter Abiturjahrgang",
        2016: "Quellenwechsel: INKAR-Anteile 2016–2022 (2016 eingeschränkte Datenqualität)",
        2020: "G9-Rückkehr in NI: kein Abiturjahrgang",
        2023: "Quellenwechsel: wieder aus Rohdaten berechnet",
        2024: "neue Bezeichnung: ohne Ersten Schulabschluss",
    }


def test_the_gemeinde_map_has_13_features_each_with_a_value_or_keine_daten(open_app):
    at = open_app(INDIKATOR, indikator="jugendarbeitslose_je_100", region="03453001", tab="Karte", jahr="2016")
    assert at.radio(key="ebene").value == "gemeinden"
    (spec, rows), *_ = charts(at)
    features = [row for row in rows if row.get("type") == "Feature"]
    assert len(features) == 13
    assert {f["region_code"][:5] for f in features} == {"03453"}
    assert all(f["value"] is not None or f["no_value"] == "keine Daten" for f in features)
    # Barßel 2016: 56 young unemployed per 1,529 inhabitants aged 15-24 on 31.12.2015 = 3.66 per 100.
    barssel = next(f for f in features if f["region_code"] == "03453001")
    assert barssel["value_text"] == "3,7 je 100"
    assert spec["title"]["text"].endswith(", 2016")
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in spec["title"]["subtitle"]


def test_a_year_without_gemeinde_values_draws_every_gemeinde_as_keine_daten_and_says_so(open_app):
    at = open_app(INDIKATOR, indikator="jugendarbeitslose_je_100", region="03453001", tab="Karte", jahr="2025")
    (_, rows), *_ = charts(at)
    features = [row for row in rows if row.get("type") == "Feature"]
    assert len(features) == 13
    assert {f["no_value"] for f in features} == {"keine Daten"}
    assert any("Für 2025 gibt es keine Werte für die Gemeinden" in t for t in texts(at))


def test_the_kreis_map_covers_the_45_kreise_of_niedersachsen(open_app):
    (_, rows), *_ = charts(open_app(INDIKATOR, tab="Karte", jahr="2024"))
    features = [row for row in rows if row.get("type") == "Feature"]
    assert len(features) == 45
    cloppenburg = next(f for f in features if f["region_code"] == "03453")
    assert cloppenburg["value_text"] == "11,2 %"


def test_the_table_shows_secret_and_suppressed_values_in_words_never_as_zero(open_app):
    at = open_app(INDIKATOR, indikator="abschlussarten_verteilung", kategorie="mit Fachhochschulreife", tab="Tabelle")
    table = at.dataframe[0].value
    own = table[table["Regionalschlüssel"] == "03453"].set_index("Jahr")
    # The source prints "." for Cloppenburg's Fachhochschulreife leavers in 2024: secret, never 0.
    assert own.loc[2024, "Status"] == "geheim"
    assert pd.isna(own.loc[2024, "Wert"])
    assert any("geheim" in t for t in texts(at))
    # 2009: the office published 2 of 2,089 ("2009;03453;…;2089;…;2;1;345;223"); published values are shown
    # as published (suppression applies to the office's own data only): 2 / 2,089 = 0.0957 %.
    assert own.loc[2009, "Status"] == "berechnet"
    assert (own.loc[2009, "Zähler"], own.loc[2009, "Nenner"]) == (2, 2089)


def test_a_gemeindes_years_without_a_denominator_are_listed_with_the_count_and_the_reason(open_app):
    at = open_app(INDIKATOR, indikator="arbeitslose_je_100_erwerbsfaehige", region="03453001", tab="Tabelle")
    table = at.dataframe[0].value
    barssel = table[table["Regionalschlüssel"] == "03453001"].set_index("Jahr")
    # The table spans the years of all its rows (the Landkreis from 1995); Barßel has every year up to 2021.
    assert set(range(1998, 2022)) <= set(barssel.index)
    # INKAR A_Arbeitslosigkeit.xls Barßel 1998: 658 unemployed; the population per Gemeinde starts in 2001.
    assert barssel.loc[1998, "Zähler"] == 658 and pd.isna(barssel.loc[1998, "Wert"])
    assert barssel.loc[1998, "Hinweis"].startswith("Nenner fehlt: INKAR weist die Bevölkerung")
    # 2001: 504 of 8,029 = 6.28 per 100
    assert barssel.loc[2001, "Wert"] == pytest.approx(504 / 8029 * 100)


def test_the_csv_download_is_exactly_the_table_shown(open_app, downloads):
    at = open_app(INDIKATOR, tab="Tabelle")
    shown = at.dataframe[0].value
    csv = downloads["ohne_abschluss_anteil_03453.csv"].decode("utf-8-sig")
    assert csv.splitlines()[0] == "Region;Regionalschlüssel;Jahr;Wert;Einheit;Zähler;Nenner;Status;Hinweis"
    assert len(csv.splitlines()) == len(shown) + 1
    # 228 of 2,031 = 11.2259… %, with decimal comma for German Excel.
    assert "Cloppenburg, Landkreis;03453;2024;11,225997" in csv
    assert ";%;228;2031;berechnet;" in csv
    assert "Niedersachsen;03;2024;8,659" in csv
    assert "Summe der 45 Kreise (Landeswert in der Quelle nicht ausgewiesen)" in csv
    loaded = pd.read_csv(io.StringIO(csv), sep=";", decimal=",", dtype={"Regionalschlüssel": str})
    assert loaded["Regionalschlüssel"].tolist() == shown["Regionalschlüssel"].tolist()


def test_the_xlsx_download_holds_the_same_table(open_app, downloads):
    at = open_app(INDIKATOR, tab="Tabelle")
    sheet = pd.read_excel(io.BytesIO(downloads["ohne_abschluss_anteil_03453.xlsx"]), dtype={"Regionalschlüssel": str})
    assert len(sheet) == len(at.dataframe[0].value)
    row = sheet[(sheet["Regionalschlüssel"] == "03453") & (sheet["Jahr"] == 2024)].iloc[0]
    assert (row["Zähler"], row["Nenner"]) == (228, 2031)
    assert round(row["Wert"], 2) == 11.23


def test_the_chart_downloads_carry_title_and_source(open_app, downloads):
    open_app(INDIKATOR)
    svg = downloads["ohne_abschluss_anteil_03453.svg"]
    assert "Abgänge ohne Hauptschulabschluss" in svg
    assert "Tabellen 21111-02-06-4 und 21111-02-06-4-B" in svg
    assert downloads["ohne_abschluss_anteil_03453.png"].startswith(b"\x89PNG")


def test_the_sources_tab_names_tables_files_stand_and_licence(open_app):
    at = open_app(INDIKATOR, tab="Quellen")
    files = pd.concat([frame.value for frame in at.dataframe])
    assert {"21111-02-06-4.csv", "21111-02-06-4-B_2024_excerpt.csv"} <= set(files["Datei"])
    assert "28.03.2026" in set(files["Stand"])  # Stand of the 2024 excerpt
    assert any("Summe der 45 Kreise" in t for t in texts(at))


def test_a_gemeinde_is_told_when_an_indicator_exists_only_per_kreis(open_app):
    at = open_app(INDIKATOR, region="03453001")
    assert any("nur je Kreis" in t and "03453" in t for t in texts(at))
    (_, rows), *_ = charts(at)
    assert "03453001" not in {row.get("region_code") for row in rows}


def test_an_indicator_without_imported_data_says_so(open_app):
    at = open_app(INDIKATOR, indikator="ohne_abschluss_schule")
    assert any("noch keine Daten" in t for t in texts(at))
    assert not charts(at)


def test_the_diagram_has_a_german_text_alternative_and_its_data_as_a_table(open_app):
    at = open_app(INDIKATOR)
    (spec, _), *_ = charts(at)
    described = spec["description"]
    # Cloppenburg 2024: 228 of 2,031 = 11.23 % -> "11,2 %"; Niedersachsen 2024: 6,883 of 79,489 = 8.66 % -> "8,7 %".
    assert described.startswith("Liniendiagramm: Abgänge ohne Hauptschulabschluss (%), 1995 bis 2024.")
    assert "Cloppenburg, Landkreis 2024: 11,2 %" in described and "Niedersachsen 2024: 8,7 %" in described
    # printed under the chart for everyone, a number never wrapped apart from its unit ("11,2\u00a0%")
    assert described.replace(" %", "\u00a0%") in [t.value for t in at.text]
    table = at.table[0].value
    assert list(table.columns[:3]) == ["Jahr", "Cloppenburg, Landkreis", "Niedersachsen"]
    assert table.loc[table["Jahr"] == 2024, "Cloppenburg, Landkreis"].item() == "11,2 %"


def test_a_category_names_its_download_in_words_not_by_its_position(open_app, downloads):
    at = open_app(INDIKATOR, indikator="abschlussarten_verteilung", kategorie="mit Fachhochschulreife", tab="Tabelle")
    assert not at.exception
    assert "abschlussarten_verteilung_03453_mit_fachhochschulreife.csv" in downloads.offered
    assert not any(name.endswith("_0.csv") for name in downloads.offered)
