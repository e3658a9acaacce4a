"""GENESIS flat CSV on the real downloads in data/raw/genesis_ffcsv (see each folder's PROVENANCE.md)."""

from pathlib import Path

import pytest

from indicators.status import OK, SECRET, UNCERTAIN
from store.connection import writing
from store.errors import ImportFehler
from store.importers import genesis_ffcsv
from store.importers.registry import _head
from store.load import load_table

RAW = Path(__file__).resolve().parents[3] / "data" / "raw" / "genesis_ffcsv"
LAENDER = RAW / "genesis-ffcsv-destatis-laender" / "12613-0013_de_flat.csv"
HOLDERS = RAW / "genesis-ffcsv-destatis-national" / "data_holders_raw.csv"
STUDIENANFAENGER = RAW / "genesis-ffcsv-destatis-national" / "data_studienanfaenger.csv"
YOUTH = RAW / "genesis-ffcsv-destatis-national" / "data_youth_annual.csv"
KREISE_21321 = RAW / "regionalstatistik-ffcsv-kreise-excerpt" / "21321-01-01-4_flat.first34lines.csv"
ZENSUS = RAW / "zensus2022-ffcsv-kreise-excerpt" / "4000W-0002_de_flat.first66lines.csv"


def test_every_real_ffcsv_download_is_recognised():
    for path in (LAENDER, HOLDERS, STUDIENANFAENGER, YOUTH, KREISE_21321, ZENSUS):
        assert genesis_ffcsv.recognises(path, _head(path)), path.name


def test_niedersachsen_deaths_2023_summed_over_twelve_months_are_105071():
    obs = genesis_ffcsv.parse(LAENDER).observations
    # PROVENANCE.md: Niedersachsen (DLAND 03), 2023, GES '' = Insgesamt, MONAT01…MONAT12 → 105071
    rows = obs[(obs.region_code == "03") & (obs.period == "2023") & obs.dimensions.str.endswith("| Insgesamt")]
    assert len(rows) == 12
    assert rows.value.sum() == 105071
    assert set(rows.region_name) == {"Niedersachsen"}


def test_dimensions_are_the_measure_then_each_non_regional_label_with_empty_code_as_insgesamt():
    obs = genesis_ffcsv.parse(LAENDER).observations
    # line 2: 2017, MONAT04 April, DLAND 08 Baden-Württemberg, GES '' Insgesamt, 8402, value_q e
    first = obs.iloc[0]
    assert (first.line, first.region_code, first.period) == (2, "08", "2017")
    assert first.dimensions == "Gestorbene | April | Insgesamt"
    assert (first.value, first.unit, first.status) == (8402, "Anzahl", OK)


def test_value_q_is_kept_next_to_the_number_in_raw_symbol():
    first = genesis_ffcsv.parse(LAENDER).observations.iloc[0]
    assert first.raw_symbol == "8402 e"


def test_table_code_comes_from_the_file_name_when_it_belongs_to_the_statistic():
    assert genesis_ffcsv.parse(LAENDER).table_code == "12613-0013"
    assert genesis_ffcsv.parse(KREISE_21321).table_code == "21321-01-01-4"
    assert genesis_ffcsv.parse(ZENSUS).table_code == "4000W-0002"
    # data_holders_raw.csv names no table: the statistic's code 12211 (Mikrozensus) stands in
    assert genesis_ffcsv.parse(HOLDERS).table_code == "12211"


def test_title_names_the_measure_and_the_statistic():
    assert genesis_ffcsv.parse(LAENDER).table_title == "Gestorbene / Statistik der Sterbefälle"


def test_dinsg_table_is_stored_under_dg_and_slash_is_uncertain_never_zero():
    obs = genesis_ffcsv.parse(HOLDERS).observations
    assert set(obs.region_code) == {"DG"}
    # line 6: GESM männlich, STBERUF02 Mithelfende, KB10-4 Naturwissenschaft …: "/"
    row = obs[obs.line == 6].iloc[0]
    assert (row.status, row.raw_symbol) == (UNCERTAIN, "/")
    assert row.value != row.value  # NaN, not 0
    assert (obs.status == UNCERTAIN).sum() == 300  # 300 "/" cells in the file


def test_semester_keeps_its_start_month_as_period():
    obs = genesis_ffcsv.parse(STUDIENANFAENGER).observations
    # line 2: SEMEST 2021-10P6M, NATD Deutsche, GES Insgesamt, SF135 Rechtswissenschaft: 12254
    row = obs[obs.line == 2].iloc[0]
    assert row.period == "2021-10"
    assert row.dimensions == "Studienanfänger | Deutsche | Insgesamt | Rechtswissenschaft"
    assert row.value == 12254


def test_stichtag_is_kept_as_iso_date():
    obs = genesis_ffcsv.parse(YOUTH).observations
    # line 2: STAG 2024-12-31, ALT011 11-Jährige: 771006
    row = obs[obs.line == 2].iloc[0]
    assert (row.period, row.dimensions, row.value) == ("2024-12-31", "Bevölkerungsstand | 11-Jährige", 771006)


def test_geolk4_kreis_key_keeps_its_zero_and_cloppenburg_vacancy_rate_is_2_1_percent():
    obs = genesis_ffcsv.parse(ZENSUS).observations
    # line 66: GEOLK4 03453 Cloppenburg, 2,1 %, value_q e
    row = obs[obs.region_code == "03453"].iloc[0]
    assert (row.line, row.region_name, row.period, row.unit) == (66, "Cloppenburg", "2022-05-15", "%")
    assert row.value == pytest.approx(2.1)
    assert row.raw_symbol == "2,1 e"


def test_kreise_excerpt_reads_dash_as_zero_dot_as_secret_and_keeps_berlin_bezirk_keys():
    obs = genesis_ffcsv.parse(KREISE_21321).observations
    assert obs.status.value_counts().to_dict() == {"zero": 24, "ok": 8, "secret": 1}
    # line 21: 11010010 Berlin-Marzahn-Hellersdorf, Humanmedizin, Insgesamt (explicit code INSGESAMT): "."
    row = obs[obs.line == 21].iloc[0]
    assert (row.region_code, row.status, row.raw_symbol) == ("11010010", SECRET, ".")
    assert row.dimensions == "Bestandene Prüfungen | Humanmedizin/Gesundheitswissenschaften | Insgesamt"


def test_table_without_regional_variable_is_national(tmp_path):
    # data_youth_annual.csv line 2 without its DINSG group
    path = tmp_path / "12411-0005_flat.csv"
    path.write_text(
        "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
        "1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;"
        "value_variable_label\n"
        "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;2024-12-31;ALT013;Altersjahre (u1-85m);"
        "ALT011;11-Jährige;771006;Anzahl;BEVSTD;Bevölkerungsstand\n",
        encoding="utf-8",
    )
    row = genesis_ffcsv.parse(path).observations.iloc[0]
    assert (row.region_code, row.region_name, row.value) == ("DG", "Deutschland", 771006)


def test_unknown_cell_text_is_refused_with_its_line(tmp_path):
    lines = LAENDER.read_text(encoding="utf-8-sig").splitlines()[:4]
    lines[2] = lines[2].replace(";648;", ";sechshundert;")
    path = tmp_path / "12613-0013_de_flat.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFehler) as err:
        genesis_ffcsv.parse(path)
    assert err.value.zeile == 3
    assert "„sechshundert“ ist weder eine Zahl noch ein GENESIS-Zeichen" in str(err.value)


def test_unknown_time_format_is_refused_with_its_line(tmp_path):
    lines = LAENDER.read_text(encoding="utf-8-sig").splitlines()[:3]
    lines[1] = lines[1].replace(";JAHR;Jahr;2017;", ";JAHR;Jahr;2017/18;")
    path = tmp_path / "12613-0013_de_flat.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFehler, match="unbekannte Zeitangabe „2017/18“") as err:
        genesis_ffcsv.parse(path)
    assert err.value.zeile == 2


def test_loading_the_same_file_twice_changes_nothing(tmp_path):
    parsed = genesis_ffcsv.parse(LAENDER)
    with writing(tmp_path / "t.duckdb") as con:
        first = load_table(con, parsed, LAENDER)
        before = con.execute("SELECT count(*), sum(value) FROM observations").fetchall()
        second = load_table(con, genesis_ffcsv.parse(LAENDER), LAENDER)
        after = con.execute("SELECT count(*), sum(value) FROM observations").fetchall()
        imports = con.execute("SELECT count(*) FROM imports").fetchall()[0][0]
    assert first.rows == 4224 and not first.unchanged
    assert second.unchanged
    assert before == after
    assert imports == 1
