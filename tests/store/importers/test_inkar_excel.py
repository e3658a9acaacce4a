"""The INKAR Excel importer (.xls and .xlsx exports with Daten / Metadaten / Quellangabe), on the real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from store.errors import ImportFehler
from store.importers import inkar_excel
from store.importers.registry import parse_file

FOLDER = Path(__file__).resolve().parents[3] / "data" / "raw" / "inkar_2024_excel"
GEMEINDEN = FOLDER / "INKAR_1998_2021" / "A_Arbeitslosigkeit.xls"
KREISE = FOLDER / "INKAR_1998_2021" / "Indikatoren_Kreisebene" / "A_ArbeitslosigkeitKreis.xls"
QUOTE = FOLDER / "INKAR_1998_2019" / "A_Beschaeftigtenquote.xlsx"


def value(parsed, region, period):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period)]
    assert len(row) == 1, f"expected one row for {region} {period}, got {len(row)}"
    return row.iloc[0]


@pytest.fixture(scope="module")
def gemeinden():
    return inkar_excel.parse(GEMEINDEN)


def test_every_file_of_the_folder_imports_the_ba_workbook_by_its_own_importer():
    # 6 INKAR exports and the BA special evaluation Kreise_WO_Zeitreihe.xlsx (tested in test_ba_zeitreihe_xlsx).
    files = sorted(FOLDER.rglob("*.xls*"))
    assert len(files) == 7
    for path in files:
        expected = "ba_zeitreihe_xlsx" if path.name == "Kreise_WO_Zeitreihe.xlsx" else "inkar_excel"
        assert parse_file(path).importer == expected, path.name


def test_barssel_had_375_unemployed_in_2019(gemeinden):
    # A_Arbeitslosigkeit.xls, row "03453001 | Barßel | Gemeinden | 658 … 376 | 375 | 455 | 430" (2018–2021).
    cell = value(gemeinden, "03453001", "2019")
    assert (cell.value, cell.region_name, cell.dimensions) == (375, "Barßel", "Arbeitslose")
    assert value(gemeinden, "03453001", "2021").value == 430


def test_all_13_cloppenburg_gemeinden_from_1998_to_2021(gemeinden):
    obs = gemeinden.observations
    clp = obs[obs.region_code.str.startswith("03453")]
    assert clp.region_code.nunique() == 13
    assert (clp.period.min(), clp.period.max()) == ("1998", "2021")
    # 2021: sum of the 13 Gemeinden = 4,420 = the Kreis file's value (PROVENANCE.md)
    assert clp[clp.period == "2021"].value.sum() == 4420


def test_table_code_is_the_indicator_so_kreis_and_gemeinde_files_form_one_table(gemeinden):
    kreise = inkar_excel.parse(KREISE)
    assert gemeinden.table_code == kreise.table_code == "INKAR Arbeitslose"
    assert value(kreise, "03453", "2019").value == 3736  # Kreis file: 3,736 (Regionalstatistik: 3,737)


def test_definition_from_metadaten_and_citation_from_quellangabe():
    parsed = inkar_excel.parse(QUOTE)
    assert parsed.definition.startswith(
        "Beschäftigtenquote: SV Beschäftigte am Wohnort je 100 Einwohner im erwerbsfähigen Alter in %"
    )
    assert "SV Beschäftigte WO <Zeitpunkt> / E 15 bis < 65 Jahre <Zeitpunkt> x 100" in parsed.definition
    assert "INKAR. Ausgabe 2021" in parsed.licence and "dl-de/by-2-0" in parsed.licence
    assert parsed.table_title.startswith("INKAR (Ausgabe 2021): Beschäftigtenquote")
    # xlsx: "03453004 | Cloppenburg, Stadt | verbandsfreie Gemeinde | … 62.28" (2019)
    assert value(parsed, "03453004", "2019").value == pytest.approx(62.28)


def test_gemeindeverband_numbers_are_left_out_and_named_in_the_title():
    parsed = inkar_excel.parse(QUOTE)
    # 4,618 data rows: 3,192 verbandsfreie Gemeinden and 210 gemeindefreie Gebiete (206 of them without
    # any value, so nothing to store) are kept, the 1,216 Gemeindeverbände are not: 3,192 + 4 regions.
    assert parsed.observations.region_code.nunique() == 3192 + 4
    assert "ohne 1216 Gemeindeverbände" in parsed.table_title


def test_definition_is_stored_with_the_import(tmp_path):
    from store.connection import rebuilding
    from store.load import load_table

    db = tmp_path / "s.duckdb"
    with rebuilding(db) as con:
        load_table(con, inkar_excel.parse(KREISE), KREISE)
        stored = con.execute("SELECT definition, licence FROM imports").fetchall()[0]
    assert stored[0].startswith("Arbeitslose: Zahl der Arbeitslosen insgesamt")
    assert "Ausgabe 2024" in stored[1]


def test_text_in_a_value_cell_is_refused_with_its_line(tmp_path):
    workbook = load_workbook(QUOTE)
    sheet = workbook["Daten"]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "03453001")
    row[5].value = "k.A."
    broken = tmp_path / "A_Beschaeftigtenquote kaputt.xlsx"
    workbook.save(broken)
    with pytest.raises(ImportFehler) as error:
        inkar_excel.parse(broken)
    assert error.value.zeile == row[0].row
    assert "„k.A.“" in error.value.meldung and "2003" in error.value.meldung


def test_unknown_aggregat_is_refused(tmp_path):
    workbook = load_workbook(QUOTE)
    workbook["Daten"]["C3"] = "Raumordnungsregion"
    broken = tmp_path / "aggregat.xlsx"
    workbook.save(broken)
    with pytest.raises(ImportFehler, match="Aggregat „Raumordnungsregion“") as error:
        inkar_excel.parse(broken)
    assert error.value.zeile == 3
