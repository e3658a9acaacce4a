"""INKAR extracts in data/raw/inkar (values quoted from its PROVENANCE.md and read off the files)."""

from pathlib import Path

import pytest

from indicators.status import OK
from store.errors import ImportFehler
from store.importers import inkar_csv
from store.importers.registry import _head

INKAR = Path(__file__).resolve().parents[3] / "data" / "raw" / "inkar"
BILDUNG = INKAR / "inkar_bildung_kreise_laender_bund.csv"
KINDERBETREUUNG = INKAR / "inkar_kinderbetreuung_kreise_laender_bund.csv"
SOZIAL_GEMEINDEN = INKAR / "inkar_sozialleistungen_gemeinden_niedersachsen.csv"
HEADER = "raumbezug,kennziffer,name,zeitbezug,a_schul_oA\n"


@pytest.fixture(scope="module")
def bildung():
    return inkar_csv.parse(BILDUNG)


def value(parsed, region, period, kuerzel):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == kuerzel)]
    assert len(row) == 1, f"expected one row for {region} {period} {kuerzel}, got {len(row)}"
    return row.iloc[0]


def test_inkar_kreis_key_loses_000_suffix(bildung):
    codes = set(bildung.observations.region_code)
    assert "03453" in codes
    assert "03453000" not in codes


def test_inkar_bund_111_becomes_dg_and_laender_keep_two_digits(bildung):
    codes = set(bildung.observations.region_code)
    assert {"DG", "03"} <= codes
    assert "111" not in codes


def test_a_schul_oA_2019_cloppenburg_niedersachsen_and_bund(bildung):
    # bildung, zeitbezug 2019, column a_schul_oA: Kreise 03453000 = 9.75 (line 1930),
    # Bundesländer 03 = 6.77, Bund 111 = 6.64
    cloppenburg = value(bildung, "03453", "2019", "a_schul_oA")
    assert (cloppenburg.value, cloppenburg.line, cloppenburg.region_name) == (9.75, 1930, "Cloppenburg")
    assert value(bildung, "03", "2019", "a_schul_oA").value == 6.77
    assert value(bildung, "DG", "2019", "a_schul_oA").value == 6.64
    assert (cloppenburg.status, cloppenburg.raw_symbol, cloppenburg.unit) == (OK, "9.75", "")


def test_gemeinde_keys_stay_eight_digits_and_cloppenburg_stadt_q_newfBGu15_bev_2022_is_11():
    parsed = inkar_csv.parse(SOZIAL_GEMEINDEN)
    # Gemeinden, 03453004 "Cloppenburg, Stadt", 2022, q_newfBGu15_bev = 11.0 (PROVENANCE: 11.00)
    row = value(parsed, "03453004", "2022", "q_newfBGu15_bev")
    assert (row.value, row.region_name) == (11.0, "Cloppenburg, Stadt")
    cloppenburg = {c for c in parsed.observations.region_code if c.startswith("03453")}
    assert len(cloppenburg) == 13  # all 13 Gemeinden of the Kreis


def test_empty_cells_are_not_stored(bildung):
    # 11,676 rows × 30 indicator columns = 350,280 cells, of which 280,110 are filled
    assert len(bildung.observations) == 280110
    # Cloppenburg q_auspl 2022 is empty in the file (PROVENANCE: "(NULL)")
    obs = bildung.observations
    assert obs[(obs.region_code == "03453") & (obs.period == "2022") & (obs.dimensions == "q_auspl")].empty


def test_table_code_and_title_come_from_the_file_name(bildung):
    assert bildung.table_code == "INKAR bildung"
    assert bildung.table_title == "INKAR-Indikatoren: Bildung"
    assert inkar_csv.parse(KINDERBETREUUNG).table_code == "INKAR kinderbetreuung"
    assert inkar_csv.parse(SOZIAL_GEMEINDEN).table_code == "INKAR sozialleistungen"
    assert bildung.licence == "dl-de/by-2-0, Datenquelle: INKAR, BBSR Bonn"


def test_the_indicator_dictionary_is_not_recognised_as_data():
    dictionary = INKAR / "inkar_indikatoren.csv"
    assert not inkar_csv.recognises(dictionary, _head(dictionary))
    assert inkar_csv.recognises(BILDUNG, _head(BILDUNG))


def test_unknown_raumbezug_is_refused_with_its_line(tmp_path):
    path = tmp_path / "inkar_bildung_ror.csv"
    path.write_text(HEADER + "Bund,111,Deutschland,2019,6.64\nRaumordnungsregionen,0301,Oldenburg,2019,7.1\n")
    with pytest.raises(ImportFehler, match="Raumbezug „Raumordnungsregionen“ wird nicht unterstützt") as err:
        inkar_csv.parse(path)
    assert err.value.zeile == 3


def test_kreis_key_without_000_suffix_is_refused(tmp_path):
    path = tmp_path / "inkar_bildung_kreise.csv"
    path.write_text(HEADER + "Kreise,03453,Cloppenburg,2019,9.75\n")
    with pytest.raises(ImportFehler, match="Kennziffer „03453“ passt nicht zum Raumbezug „Kreise“") as err:
        inkar_csv.parse(path)
    assert err.value.zeile == 2


def test_text_in_an_indicator_column_is_refused_with_its_line(tmp_path):
    path = tmp_path / "inkar_bildung_kreise.csv"
    path.write_text(HEADER + "Kreise,03453000,Cloppenburg,2019,9.75\nKreise,03453000,Cloppenburg,2020,k.A.\n")
    with pytest.raises(ImportFehler, match="„k.A.“ in Spalte a_schul_oA ist keine Zahl") as err:
        inkar_csv.parse(path)
    assert err.value.zeile == 3


def test_file_name_without_table_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(HEADER + "Bund,111,Deutschland,2019,6.64\n")
    with pytest.raises(ImportFehler, match="der Dateiname nennt keine INKAR-Tabelle"):
        inkar_csv.parse(path)
