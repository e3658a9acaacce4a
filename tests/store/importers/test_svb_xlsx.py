"""SvB workbooks in data/raw/svb_kreise_2008_2019 (values from its PROVENANCE.md, checked in the sheets)."""

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from indicators.status import OK, SECRET
from store.connection import writing
from store.errors import ImportFehler
from store.importers import genesis_csv, svb_xlsx
from store.load import load_table

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"
ARBEITSORT = RAW / "svb_kreise_2008_2019" / "13111-01-03-4.xlsx"
WOHNORT = RAW / "svb_kreise_2008_2019" / "13111-02-02-4.xlsx"
WOHNORT_CSV = RAW / "regionalstatistik_1995_2016" / "13111-02-02-4_00.csv"
WEIBLICH = "Nationalität | Insgesamt | Geschlecht | weiblich"
INSGESAMT = "Nationalität | Insgesamt | Geschlecht | Insgesamt"


@pytest.fixture(scope="module")
def wohnort():
    return svb_xlsx.parse(WOHNORT)


def value(parsed, region, period, dimensions):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == dimensions)]
    assert len(row) == 1, f"expected one row for {region} {period} {dimensions}, got {len(row)}"
    return row.iloc[0]


def test_women_employed_at_residence_in_cloppenburg_on_30_06_2019_are_30071(wohnort):
    # sheet 13111-02-02-4, row 65 (block 30.06.2019): 03453 Cloppenburg, Landkreis; 72022, 41951, 30071, …
    row = value(wohnort, "03453", "2019-06-30", WEIBLICH)
    assert (row.value, row.status, row.line) == (30071, OK, 65)
    assert row.region_name == "Cloppenburg, Landkreis"  # indentation stripped


def test_employees_at_workplace_in_cloppenburg_on_30_06_2018_are_65915():
    # sheet 13111-01-03-4, block 30.06.2018: 03453 … 65915 (the figure NWZ quoted in 2019)
    parsed = svb_xlsx.parse(ARBEITSORT)
    assert value(parsed, "03453", "2018-06-30", INSGESAMT).value == 65915
    assert parsed.table_code == "13111-01-03-4"


def test_table_code_title_unit_and_stand_come_from_the_sheets(wohnort):
    assert wohnort.table_code == "13111-02-02-4"
    assert wohnort.table_title == (
        "Sozialversicherungspflichtig Beschäftigte am Wohnort nach Geschlecht und Nationalität - Stichtag 30.06."
    )
    assert wohnort.stand == date(2020, 12, 13)  # footnote: "Stand: 13.12.2020 / 23:25:10"
    assert set(wohnort.observations.unit) == {"Anzahl"}  # metadata: "… (Wohnort) (Anzahl)"
    assert sorted(wohnort.observations.period.unique())[::11] == ["2008-06-30", "2019-06-30"]


def test_dash_is_zero_and_dot_is_secret(wohnort):
    obs = wohnort.observations
    # 5,898 "-" (historic Kreise such as 03152) and 288 "." (Berlin Bezirke) in the sheet
    assert obs.status.value_counts().to_dict() == {"ok": 32550, "zero": 5898, "secret": 288}
    berlin_mitte = value(wohnort, "11001001", "2019-06-30", INSGESAMT)
    assert (berlin_mitte.status, berlin_mitte.raw_symbol) == (SECRET, ".")
    assert berlin_mitte.value != berlin_mitte.value  # NaN, never 0


def test_same_cells_as_the_classic_csv_share_one_key_and_agree(wohnort):
    classic = genesis_csv.parse(WOHNORT_CSV)
    assert classic.table_code == wohnort.table_code
    assert set(classic.observations.dimensions) == set(wohnort.observations.dimensions)
    both = classic.observations.merge(wohnort.observations, on=["region_code", "period", "dimensions"])
    # every cell of the CSV (30.06.2015, 12,624 values) is in the workbook with the same value
    assert len(both) == len(classic.observations) == 12624
    assert (both.value_x.fillna(-1) == both.value_y.fillna(-1)).all()
    # CSV line 72: 30.06.2015;03453;…;62660;37017;25643;…
    assert value(wohnort, "03453", "2015-06-30", INSGESAMT).value == 62660


def test_workbook_after_the_classic_csv_replaces_its_values_because_its_stand_is_newer(tmp_path):
    with writing(tmp_path / "t.duckdb") as con:
        load_table(con, genesis_csv.parse(WOHNORT_CSV), WOHNORT_CSV)  # Stand 10.10.2017
        result = load_table(con, svb_xlsx.parse(WOHNORT), WOHNORT)  # Stand 13.12.2020
        count = con.execute("SELECT count(*) FROM observations WHERE table_code = '13111-02-02-4'").fetchall()
    assert result.replaced == 12624
    assert count == [(38736,)]  # 12 Stichtage × 538 regions × 6 columns, no doubles


def _workbook(path: Path, sheets: dict[str, list[tuple]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_workbook_of_another_layout_is_refused_naming_what_was_expected(tmp_path):
    path = _workbook(tmp_path / "kita.xlsx", {"Tabelle1": [("Kreis", "Kinder"), ("03453", 1234)]})
    with pytest.raises(ImportFehler) as err:
        svb_xlsx.parse(path)
    message = str(err.value)
    assert message.startswith("kita.xlsx: keine bekannte Arbeitsmappe: Blätter Tabelle1.")
    assert "Blatt „<Tabellencode>“" in message and "Blatt „metadata“" in message


def test_table_sheet_with_another_header_is_refused_at_line_2(tmp_path):
    header = ("id", "name", "Insgesamt", "unter 3 Jahre")
    path = _workbook(tmp_path / "x.xlsx", {"12411-02-03-4": [("Alter",), header], "metadata": [("Titel",)]})
    with pytest.raises(ImportFehler, match="keine bekannte Arbeitsmappe: die Kopfzeile im Blatt") as err:
        svb_xlsx.parse(path)
    assert err.value.zeile == 2


def test_data_row_before_the_first_stichtag_is_refused_with_its_line(tmp_path):
    rows = [("", "", "Nationalität"), svb_xlsx.HEADER, ("03453", "Cloppenburg", 1, 1, 0, 0, 0, 0)]
    path = _workbook(tmp_path / "x.xlsx", {"13111-02-02-4": rows, "metadata": [("Titel",)]})
    with pytest.raises(ImportFehler, match="Datenzeile vor der ersten Stichtagszeile") as err:
        svb_xlsx.parse(path)
    assert err.value.zeile == 3


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "kaputt.xlsx"
    path.write_text("keine Excel-Datei")
    with pytest.raises(ImportFehler, match="keine lesbare Excel-Arbeitsmappe"):
        svb_xlsx.parse(path)
