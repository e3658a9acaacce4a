"""The classic GENESIS table importer, on every layout of the bundled real exports and on bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.errors import ImportFehler
from store.importers import genesis_csv

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"
OLD = RAW / "regionalstatistik_1995_2016"
NEW = RAW / "regionalstatistik_2023_2025"
MID = RAW / "regionalstatistik_2016_2020"


def value(parsed, region, period, dimensions):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == dimensions)]
    assert len(row) == 1, f"expected one row for {region} {period} {dimensions}, got {len(row)}"
    return row.iloc[0]


def test_cp1252_file_with_year_column_gives_cloppenburg_2015_leavers():
    # 21111-02-06-4.csv (cp1252), line "2015;03453;      Cloppenburg, Landkreis;2113;1063;86;35;…":
    # 2,113 leavers, 86 of them without Hauptschulabschluss.
    parsed = genesis_csv.parse(OLD / "21111-02-06-4.csv")
    assert parsed.table_code == "21111-02-06-4"
    assert parsed.stand == date(2018, 2, 24)
    assert "Absolventen/Abgänger" in parsed.table_title
    total = value(parsed, "03453", "2015", "Schulabschluss | Insgesamt | Insgesamt")
    without = value(parsed, "03453", "2015", "Schulabschluss | ohne Hauptschulabschluss | Insgesamt")
    assert (total.value, without.value) == (2113, 86)
    assert total.region_name == "Cloppenburg, Landkreis"  # indentation stripped
    assert without.unit == "Anzahl"  # from the heading "Absolventen/Abgänger (Anzahl)"
    assert sorted(parsed.observations.period.unique())[0] == "1995"


def test_secret_dot_is_null_with_status_secret_never_zero():
    # Same Cloppenburg 2015 row: "…;23;10;.;.;442;255": "mit Fachhochschulreife" is ".;.".
    parsed = genesis_csv.parse(OLD / "21111-02-06-4.csv")
    cell = value(parsed, "03453", "2015", "Schulabschluss | mit Fachhochschulreife | weiblich")
    assert cell.status == "secret" and cell.raw_symbol == "." and cell.value != cell.value  # NaN


def test_dash_means_zero_with_status_zero():
    # 2023 file: "2023;03152;      Göttingen, Landkreis;-;-;…" (historic Kreis, all '-').
    parsed = genesis_csv.parse(NEW / "21111-02-06-4.csv")
    dims = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss | Insgesamt | Insgesamt"
    cell = value(parsed, "03152", "2023", dims)
    assert (cell.value, cell.status, cell.raw_symbol) == (0.0, "zero", "-")


def test_2023_file_keeps_labels_and_gives_cloppenburg_and_niedersachsen():
    # "2023;03453;…;1967;937;163;…" and "2023;03;  Niedersachsen;76856;37382;5895;…"
    parsed = genesis_csv.parse(NEW / "21111-02-06-4.csv")
    prefix = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss | "
    assert value(parsed, "03453", "2023", prefix + "Insgesamt | Insgesamt").value == 1967
    assert value(parsed, "03453", "2023", prefix + "ohne Hauptschulabschluss | Insgesamt").value == 163
    assert value(parsed, "03", "2023", prefix + "ohne Hauptschulabschluss | Insgesamt").value == 5895
    assert value(parsed, "03", "2023", prefix + "Insgesamt | Insgesamt").region_name == "Niedersachsen"


def test_2024_excerpt_with_tabelle_heading_and_new_labels():
    # "2024;03453;Cloppenburg, Landkreis;2031;976;228;86;…" — labels kept as printed.
    parsed = genesis_csv.parse(RAW / "regionalstatistik_2024_excerpt" / "21111-02-06-4-B_2024_excerpt.csv")
    prefix = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss | "
    assert parsed.table_code == "21111-02-06-4-B"
    assert parsed.stand == date(2026, 3, 28)
    assert value(parsed, "03453", "2024", prefix + "ohne Ersten Schulabschluss | Insgesamt").value == 228
    assert value(parsed, "03453", "2024", prefix + "ohne Ersten Schulabschluss | weiblich").value == 86


def test_date_in_first_column_becomes_iso_period_and_row_dimension_joins_dimensions():
    # 22543-01-02-4_00.csv: "01.03.2016;03453;…;Tagespflege;486;271;112;103;57;229"
    parsed = genesis_csv.parse(OLD / "22543-01-02-4_00.csv")
    cell = value(parsed, "03453", "2016-03-01", "Tagespflege | Betreute Kinder | Altersgruppe | unter 3 Jahre")
    assert cell.value == 271


def test_period_on_its_own_line_applies_to_rows_below():
    # 13111-02-02-5_00.csv has "30.06.2015;;;" above the header; "03453001;        Barßel;4506;2664;1842;…"
    parsed = genesis_csv.parse(OLD / "13111-02-02-5_00.csv")
    women = value(parsed, "03453001", "2015-06-30", "Nationalität | Insgesamt | Geschlecht | weiblich")
    assert (women.value, women.region_name) == (1842, "Barßel")


def test_jahr_line_and_unit_row():
    # 13211-01-03-5_00.csv: "Jahr: 2016" line and a unit row "Anzahl"; Barßel 15–25: see file.
    parsed = genesis_csv.parse(OLD / "13211-01-03-5_00.csv")
    cell = value(parsed, "03453001", "2016", "Arbeitslose | und zwar | 15 bis unter 25 Jahre")
    assert (cell.value, cell.unit) == (56, "Anzahl")  # "03453001;        Barßel;478;56;38;17;56;…"


def test_year_line_with_row_dimension_and_indented_darunter_label():
    # 21121-01-05-4_00.csv: "2015" line; "03453;…; darunter: Berufsschulen (Schüler o. Ausb.vertrag);x;323;…"
    parsed = genesis_csv.parse(OLD / "21121-01-05-4_00.csv")
    dims = (
        "darunter: Berufsschulen (Schüler o. Ausb.vertrag) | Schüler(innen) an beruflichen Schulen "
        "| Geschlecht | Insgesamt"
    )
    assert value(parsed, "03453", "2015", dims).value == 323
    schools = value(parsed, "03453", "2015", "darunter: Berufsschulen (Schüler o. Ausb.vertrag) | Berufliche Schulen")
    assert schools.status == "not_applicable"


def test_decimal_comma_and_mixed_units():
    # 13211-02-05-4_00.csv: "2016;03453;…;4731;962;345;123;587;1020;1635;5,8;5,2;5,0;5,5;11,5;4,7"
    parsed = genesis_csv.parse(OLD / "13211-02-05-4_00.csv")
    youth_rate = value(
        parsed, "03453", "2016", "Arbeitslosenquote bez. auf alle zivile Erwerbsp. | 15 bis unter 25 Jahre"
    )
    assert (youth_rate.value, youth_rate.unit) == (4.7, "Prozent")
    assert value(parsed, "03453", "2016", "Arbeitslose | 15 bis unter 25 Jahre").unit == "Anzahl"


def test_four_header_rows_of_vocational_leavers():
    # 2023 21121-02-02-4: "2023;03453;      Cloppenburg, Landkreis;1006;512;153;72;356;…"
    parsed = genesis_csv.parse(NEW / "21121-02-02-4.csv")
    dims = "Absolvierende/Abgehende | davon mit | mit Hauptschulabschluss | Geschlecht | weiblich"
    assert value(parsed, "03453", "2023", dims).value == 72


def test_stichtag_header_line_without_period_column_gives_cloppenburg_employees_on_30_06_2018():
    # 13111-07-05-4_2018.csv: "Stichtag: 30.06.2018;;;…" above the header, no period column, the WZ
    # section in the third column; "03453;      Cloppenburg, Landkreis;Insgesamt;65915;39358;26557;…".
    parsed = genesis_csv.parse(MID / "13111-07-05-4_2018.csv")
    assert parsed.table_code == "13111-07-05-4"
    assert set(parsed.observations.period) == {"2018-06-30"}
    prefix = "Insgesamt | Nationalität | Insgesamt | Geschlecht | "
    assert value(parsed, "03453", "2018-06-30", prefix + "Insgesamt").value == 65915
    assert value(parsed, "03453", "2018-06-30", prefix + "weiblich").value == 26557
    assert parsed.table_title.endswith("Stichtag 30.06.")  # cut before "Kreise u. krfr. Städte"


def test_region_names_that_are_not_indented_are_read():
    # Same file: "DG;Deutschland;Land- und Forstwirtschaft, Fischerei (A);246467;…" (2016).
    parsed = genesis_csv.parse(MID / "13111-07-05-4_2016.csv")
    cell = value(
        parsed,
        "DG",
        "2016-06-30",
        "Land- und Forstwirtschaft, Fischerei (A) | Nationalität | Insgesamt | Geschlecht | Insgesamt",
    )
    assert (cell.value, cell.region_name) == (246467, "Deutschland")


def test_every_file_of_2016_to_2020_imports_and_fills_cloppenburg_unemployment_2019(tmp_path):
    # 13211-02-05-4.csv (Stand 17.08.2021): "2019;03453;      Cloppenburg, Landkreis;3737;822;306;83;420;…"
    for path in sorted(MID.glob("*.csv")):
        assert not genesis_csv.parse(path).observations.empty, path.name
    parsed = genesis_csv.parse(MID / "13211-02-05-4.csv")
    assert value(parsed, "03453", "2019", "Arbeitslose").value == 3737
    assert value(parsed, "03453", "2019", "Arbeitslose | 15 bis unter 25 Jahre").value == 420


def test_a_file_name_with_spaces_imports_through_the_registry(tmp_path):
    from store.importers.registry import parse_file

    copy = tmp_path / "13111-07-05-4 Stichtag 30.06.2019 (Kopie).csv"
    copy.write_bytes((MID / "13111-07-05-4_2019.csv").read_bytes())
    parsed = parse_file(copy)
    # "03453;      Cloppenburg, Landkreis;Insgesamt;67620;40170;27450;…"
    prefix = "Insgesamt | Nationalität | Insgesamt | Geschlecht | "
    assert value(parsed, "03453", "2019-06-30", prefix + "Insgesamt").value == 67620


# --- bad input: each gives a German message naming the file and, where it can, the line ---------


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def real_text() -> str:
    return (NEW / "21111-02-06-4.csv").read_bytes().decode("cp1252")


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ImportFehler, match="leer"):
        genesis_csv.parse(write(tmp_path, "leer.csv", b""))


def test_html_page_saved_as_csv_is_refused(tmp_path):
    page = "<!DOCTYPE html><html><head><title>Regionalstatistik</title></head><body>Login</body></html>"
    with pytest.raises(ImportFehler, match="HTML-Seite"):
        genesis_csv.parse(write(tmp_path, "21111-02-06-4.csv", page))


def test_truncated_file_is_refused_with_line(tmp_path):
    lines = real_text().splitlines()
    cut = "\n".join(lines[:40]) + "\n" + lines[40][:25]  # download broke in the middle of line 41
    with pytest.raises(ImportFehler) as error:
        genesis_csv.parse(write(tmp_path, "abgeschnitten.csv", cut))
    assert "abgeschnitten" in error.value.meldung or "unvollständig" in error.value.meldung


def test_wrong_delimiter_is_named(tmp_path):
    text = real_text().replace(";", ",")
    with pytest.raises(ImportFehler, match="Trennzeichen"):
        genesis_csv.parse(write(tmp_path, "komma.csv", text))


def test_text_in_a_count_column_names_line_and_column(tmp_path):
    text = real_text().replace(";1967;937;163;", ";1967;937;viele;", 1)
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "viele" in t)
    with pytest.raises(ImportFehler) as error:
        genesis_csv.parse(write(tmp_path, "text.csv", text))
    assert error.value.zeile == line
    assert "„viele“" in error.value.meldung and "ohne Hauptschulabschluss" in error.value.meldung


def test_invalid_region_key_is_refused(tmp_path):
    text = real_text().replace("2023;03453;", "2023;CLP;", 1)
    with pytest.raises(ImportFehler, match="Regionalschlüssel"):
        genesis_csv.parse(write(tmp_path, "schluessel.csv", text))


def test_undecodable_bytes_are_refused(tmp_path):
    data = (NEW / "21111-02-06-4.csv").read_bytes().replace(b"Cloppenburg", b"Cloppenburg\x81", 1)
    with pytest.raises(ImportFehler, match="weder UTF-8 noch Windows-1252"):
        genesis_csv.parse(write(tmp_path, "bytes.csv", data))


def test_a_file_that_is_no_genesis_table(tmp_path):
    with pytest.raises(ImportFehler, match="keine GENESIS-Tabelle"):
        genesis_csv.parse(write(tmp_path, "notiz.csv", "Name;Wert\nA;1\n"))


def test_far_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    from store.importers import guards

    monkeypatch.setattr(guards, "MAX_BYTES", 1000)
    with pytest.raises(ImportFehler, match="MB groß"):
        genesis_csv.parse(NEW / "21111-02-06-4.csv")


def test_a_data_row_with_more_cells_than_the_header_is_refused_with_its_line(tmp_path):
    lines = real_text().splitlines()
    line = next(i for i, t in enumerate(lines, start=1) if t.startswith("2023;03453;"))
    lines[line - 1] += ";42"  # one value more than the header has columns
    with pytest.raises(ImportFehler) as error:
        genesis_csv.parse(write(tmp_path, "zu viele Zellen.csv", "\n".join(lines)))
    assert error.value.zeile == line
    assert "Zellen" in error.value.meldung and "zu viele Zellen.csv" in str(error.value)
