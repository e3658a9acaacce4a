"""The BA time-series workbook importer (Impressum + one data sheet per measure), on the real file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.importers import ba_zeitreihe_xlsx
from store.importers.registry import parse_file
from store.symbols import SECRET

FILE = (
    Path(__file__).resolve().parents[3]
    / "data"
    / "raw"
    / "inkar_2024_excel"
    / "INKAR_1998_2021"
    / "Agentur_fuer_Arbeit"
    / "Kreise_WO_Zeitreihe.xlsx"
)
TOTAL = "Anzahl | Insgesamt"
WITHOUT = "davon | 1 Ohne Berufsausbildung / Ohne Berufsabschluss | Ohne Berufsabschluss"
RECOGNISED = "davon | 2 Mit Berufsausbildung/ Anerkannter Berufsabschluss | Anerkannter Berufsabschluss"
ACADEMIC = "davon | 3 Fach- und Hochschulabschluss/ Akademischer Berufsabschluss | Akademischer Berufsabschluss"
UNKNOWN = "davon | Abschluss unbekannt"


@pytest.fixture(scope="module")
def parsed():
    return ba_zeitreihe_xlsx.parse(FILE)


def cell(parsed, region, period, dimensions):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == dimensions)]
    assert len(row) == 1, f"expected one row for {region} {period} {dimensions}, got {len(row)}"
    return row.iloc[0]


def test_the_registry_sends_the_ba_workbook_to_this_importer():
    assert parse_file(FILE).importer == "ba_zeitreihe_xlsx"


def test_cloppenburg_30_06_2021_by_qualification_adds_up_to_75393(parsed):
    # Sheet SvB_Kreise_WO_Anzahl, row 68 "03453 Cloppenburg": Insgesamt 30.06.2021 = 75,393 (INKAR
    # B_SVBeschaeftigte.xls gives the same, PROVENANCE.md); davon 12,558 ohne Berufsabschluss,
    # 47,091 anerkannter Berufsabschluss, 5,335 akademisch, 10,409 unbekannt:
    # 12,558 + 47,091 + 5,335 + 10,409 = 75,393.
    total = cell(parsed, "03453", "2021-06-30", TOTAL)
    assert (total.value, total.region_name, total.unit, total.line) == (75393, "Cloppenburg", "Anzahl", 68)
    parts = [
        cell(parsed, "03453", "2021-06-30", f"Anzahl | {d}").value for d in (WITHOUT, RECOGNISED, ACADEMIC, UNKNOWN)
    ]
    assert parts == [12558, 47091, 5335, 10409] and sum(parts) == 75393
    assert cell(parsed, "03453", "2018-06-30", TOTAL).value == 69700  # = Regionalstatistik 13111-02-02-4


def test_the_share_sheet_is_the_same_table_with_unit_percent(parsed):
    # Sheet SvB_Kreise_WO_Anteile: 12,558 / 75,393 × 100 = 16.6567 % ohne Berufsabschluss, 30.06.2021.
    share = cell(parsed, "03453", "2021-06-30", f"Anteil an Insgesamt in Prozent | {WITHOUT}")
    assert share.unit == "Prozent"
    assert share.value == pytest.approx(12558 / 75393 * 100)


def test_the_old_scheme_label_spans_2002_to_2011_and_2012_is_not_published(parsed):
    # Columns 22–31 "Ohne Berufsausbildung" hold 30.06.2002–2011 (Cloppenburg 2002: 9,897), columns
    # 32–41 "Ohne Berufsabschluss" 2012–2021; 30.06.2012 is "." (footnote 1: no data 07/2011–12/2012).
    old = "Anzahl | davon | 1 Ohne Berufsausbildung / Ohne Berufsabschluss | Ohne Berufsausbildung"
    assert cell(parsed, "03453", "2002-06-30", old).value == 9897
    obs = parsed.observations
    assert sorted(obs[obs.dimensions == old].period.unique())[-1] == "2011-06-30"
    gap = cell(parsed, "03453", "2012-06-30", f"Anzahl | {WITHOUT}")
    assert (gap.status, gap.raw_symbol) == (SECRET, ".") and gap.value != gap.value  # NaN, never 0


def test_germany_and_historic_kreise_keep_their_own_keys(parsed):
    assert cell(parsed, "DG", "2021-06-30", TOTAL).value == 33538976
    # Gebietsstand of each Stichtag: Osterode am Harz (03156), merged into Göttingen in 2016.
    assert cell(parsed, "03156", "2002-06-30", TOTAL).value == 25604


def test_provenance_from_the_impressum_and_the_footnotes(parsed):
    assert parsed.table_code == "BA Auftrag 326108"
    assert parsed.table_title.startswith("Sozialversicherungspflichtig Beschäftigte (SvB) am Wohnort nach höchster")
    assert parsed.stand == date(2022, 2, 23)  # "Erstellungsdatum: 23.02.2022"
    assert parsed.licence == "Quelle: Statistik der Bundesagentur für Arbeit, Auftragsnummer 326108"
    assert "Datenstand: Februar 2022" in parsed.definition
    assert "1) Aufgrund einer Umstellung im Meldeverfahren" in parsed.definition


def test_every_value_cell_becomes_one_observation(parsed):
    # 477 regions (Deutschland + 476 Kreise) × (100 count columns + 80 share columns) = 85,860.
    assert parsed.observations.region_code.nunique() == 477
    assert len(parsed.observations) == 477 * 180
