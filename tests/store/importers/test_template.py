"""The own-data template (data/templates/): the shipped files, good input and every kind of bad input.

The shipped rows are synthetic ("Beispieldaten, nicht real"); tests that need them to parse replace
that marker in a copy. Bad-input files are written by hand below, line 1 being the header.
"""

import shutil
from pathlib import Path

import openpyxl
import pytest

from indicators.status import OK
from store.connection import writing
from store.errors import ImportFehler
from store.importers import svb_xlsx, template
from store.importers.registry import _head
from store.load import load_table

TEMPLATES = Path(__file__).resolve().parents[3] / "data" / "templates"
CSV = TEMPLATES / "eigene_daten_vorlage.csv"
XLSX = TEMPLATES / "eigene_daten_vorlage.xlsx"
HEADER = "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"


def write(tmp_path: Path, body: str, name: str = "schuldaten.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def filled_csv(tmp_path: Path) -> Path:
    path = tmp_path / "schuldaten_2024.csv"
    path.write_text(CSV.read_text(encoding="utf-8-sig").replace(template.EXAMPLE_MARKER, "Test"), encoding="utf-8")
    return path


def refused(path: Path) -> ImportFehler:
    with pytest.raises(ImportFehler) as err:
        template.parse(path)
    return err.value


def test_both_shipped_templates_are_recognised_and_refused_while_they_hold_the_example_rows():
    for path in (CSV, XLSX):
        assert template.recognises(path, _head(path))
        error = refused(path)
        assert error.zeile == 2
        assert "enthält noch die Beispieldaten der Vorlage (Quelle „Beispieldaten, nicht real“)" in error.meldung


def test_filled_template_gives_counts_per_school_and_per_gemeinde(tmp_path):
    parsed = template.parse(filled_csv(tmp_path))
    obs = parsed.observations
    assert (parsed.table_code, parsed.source) == (
        "EIGENE Schuldaten",
        "Bildungsbüro Landkreis Cloppenburg (eigene Erhebung)",
    )
    assert len(obs) == 11
    # line 4: 2023/24;03453004;Beispielschule A (fiktiv);abgaenge_ohne_abschluss;5
    row = obs[obs.line == 4].iloc[0]
    assert (row.region_code, row.region_name, row.period) == ("03453004", "Cloppenburg", "2024")
    assert row.dimensions == "abgaenge_ohne_abschluss | Beispielschule A (fiktiv)"
    assert (row.value, row.unit, row.status, row.raw_symbol) == (5, "Anzahl", OK, "5")
    # line 9: the Gemeinde total has no school, so the merkmal alone is the dimension
    assert obs[obs.line == 9].iloc[0].dimensions == "abgaenge_insgesamt"


def test_school_year_counts_for_the_year_it_ends(tmp_path):
    obs = template.parse(filled_csv(tmp_path)).observations
    # 2022/23 → 2023 (lines 11–12), 2023/24 → 2024
    assert sorted(obs.period.unique()) == ["2023", "2024"]
    assert set(obs[obs.line >= 11].period) == {"2023"}


def test_xlsx_template_gives_the_same_observations_as_the_csv(tmp_path):
    path = tmp_path / "schuldaten.xlsx"
    shutil.copy(XLSX, path)
    workbook = openpyxl.load_workbook(path)
    for (cell,) in workbook["Daten"].iter_rows(min_row=2, min_col=6, max_col=6):
        cell.value = "Test"
    workbook.save(path)
    from_xlsx = template.parse(path).observations
    from_csv = template.parse(filled_csv(tmp_path)).observations
    assert from_xlsx.equals(from_csv)


def test_comma_separated_windows_1252_file_is_read(tmp_path):
    path = tmp_path / "schuldaten.csv"
    path.write_bytes(
        (
            "Schuljahr,Region_Code,Schule,Merkmal,Anzahl\n2023/24,03453011,Gymnasium Löningen,schueler_insgesamt,640\n"
        ).encode("cp1252")
    )
    row = template.parse(path).observations.iloc[0]
    assert (row.region_code, row.region_name, row.value) == ("03453011", "Löningen", 640)
    assert row.dimensions == "schueler_insgesamt | Gymnasium Löningen"


def test_kreis_key_is_allowed_and_named_like_genesis(tmp_path):
    path = write(tmp_path, "2023/2024;03453;;absentismus_verfahren;0;\n")
    row = template.parse(path).observations.iloc[0]
    assert (row.region_code, row.region_name, row.period, row.value) == (
        "03453",
        "Cloppenburg, Landkreis",
        "2024",
        0,
    )


def test_unknown_region_key_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "2023/24;03453004;;schueler_insgesamt;900;\n2023/24;03453099;;schueler_insgesamt;5;\n")
    error = refused(path)
    assert error.zeile == 3
    assert error.meldung.startswith("unbekannter Regionalschlüssel „03453099“. Erlaubt sind die 13 Gemeinden")


def test_gemeinde_outside_cloppenburg_is_refused(tmp_path):
    # 03460001 is Bakum (Landkreis Vechta): a real key, but not one of ours
    error = refused(write(tmp_path, "2023/24;03460001;;schueler_insgesamt;900;\n"))
    assert (error.zeile, "unbekannter Regionalschlüssel „03460001“" in error.meldung) == (2, True)


def test_text_in_the_count_column_is_refused_with_its_line(tmp_path):
    path = write(
        tmp_path,
        "2023/24;03453004;Schule A;schueler_insgesamt;412;\n2023/24;03453004;Schule A;abgaenge_insgesamt;ca. 70;\n",
    )
    error = refused(path)
    assert error.zeile == 3
    assert error.meldung == (
        "in der Spalte anzahl steht „ca. 70“; erwartet wird eine ganze Zahl ab 0. Zeilen ohne Wert bitte weglassen."
    )


def test_decimal_and_empty_counts_are_refused(tmp_path):
    assert "steht „12,5“" in refused(write(tmp_path, "2023/24;03453004;;schueler_insgesamt;12,5;\n")).meldung
    assert "steht ein leeres Feld" in refused(write(tmp_path, "2023/24;03453004;;schueler_insgesamt;;\n")).meldung


def test_negative_count_is_refused_with_its_line(tmp_path):
    error = refused(write(tmp_path, "2023/24;03453004;Schule A;absentismus_verfahren;-3;\n"))
    assert (error.zeile, error.meldung) == (
        2,
        "die Anzahl -3 ist negativ; erwartet wird eine ganze Zahl ab 0.",
    )


def test_part_larger_than_its_total_is_refused_naming_both_lines(tmp_path):
    path = write(
        tmp_path,
        "2023/24;03453004;Schule A;abgaenge_insgesamt;10;\n"
        "2023/24;03453004;Schule B;abgaenge_ohne_abschluss;12;\n"  # other school: no total, fine
        "2023/24;03453004;Schule A;abgaenge_ohne_abschluss;12;\n",
    )
    error = refused(path)
    assert error.zeile == 4
    assert error.meldung == (
        "abgaenge_ohne_abschluss (12) ist größer als abgaenge_insgesamt (10, Zeile 2) für Schule „Schule A“, "
        "Schuljahr 2023/24, Region 03453004."
    )


def test_missing_column_is_refused_at_line_1(tmp_path):
    path = write(tmp_path, "2023/24;03453004;Schule A;12\n", header="schuljahr;region_code;schule;anzahl\n")
    error = refused(path)
    assert error.zeile == 1
    assert error.meldung.startswith("es fehlt die Spalte merkmal. Die Kopfzeile muss die Spalten")


def test_unknown_merkmal_and_malformed_school_year_are_refused(tmp_path):
    error = refused(write(tmp_path, "2023/24;03453004;;abschluesse;12;\n"))
    assert (error.zeile, error.meldung.startswith("unbekanntes Merkmal „abschluesse“. Erlaubt sind:")) == (
        2,
        True,
    )
    error = refused(write(tmp_path, "2023/25;03453004;;schueler_insgesamt;12;\n"))
    assert (error.zeile, "Schuljahr „2023/25“ hat nicht die Form „2023/24“" in error.meldung) == (2, True)


def test_duplicate_rows_are_refused_by_load(tmp_path):
    path = write(
        tmp_path,
        "2023/24;03453004;Schule A;schueler_insgesamt;412;\n2023/24;03453004;Schule A;schueler_insgesamt;413;\n",
    )
    parsed = template.parse(path)
    with (
        writing(tmp_path / "t.duckdb") as con,
        pytest.raises(ImportFehler, match="doppelte Zeilen"),
    ):
        load_table(con, parsed, path)


def test_newer_file_replaces_the_same_key_and_adds_a_new_year(tmp_path):
    first = write(tmp_path, "2023/24;03453004;Schule A;abgaenge_insgesamt;68;\n", name="schuldaten_2024.csv")
    second = write(
        tmp_path,
        "2023/24;03453004;Schule A;abgaenge_insgesamt;69;korrigiert\n"
        "2024/25;03453004;Schule A;abgaenge_insgesamt;72;\n",
        name="schuldaten_2025.csv",
    )
    with writing(tmp_path / "t.duckdb") as con:
        load_table(con, template.parse(first), first)
        result = load_table(con, template.parse(second), second)
        stored = con.execute("SELECT period, value FROM observations ORDER BY period").fetchall()
    assert result.replaced == 1
    assert stored == [("2024", 69.0), ("2025", 72.0)]


def test_excel_number_as_region_key_gets_its_leading_zero_back(tmp_path):
    path = tmp_path / "schuldaten.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["schuljahr", "region_code", "schule", "merkmal", "anzahl"])
    workbook.active.append(["2023/24", 3453004, "Schule A", "schueler_insgesamt", 412.0])
    workbook.save(path)
    row = template.parse(path).observations.iloc[0]
    assert (row.region_code, row.value, row.line) == ("03453004", 412, 2)


def test_svb_workbooks_are_not_taken_for_the_template():
    svb = Path(__file__).resolve().parents[3] / "data" / "raw" / "svb_kreise_2008_2019" / "13111-02-02-4.xlsx"
    assert not template.recognises(svb, _head(svb))
    assert svb_xlsx.recognises(svb, _head(svb))
