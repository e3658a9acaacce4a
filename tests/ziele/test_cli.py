"""`cli.py ziele import|status|export` on the real store, as the office runs it with its Excel lists."""

from __future__ import annotations

import csv
import io

import pytest

import cli
from tests.ziele.schuldaten import GEMEINDE, SCHOOL, store_with_school
from ziele import ablage

HEADER = "handlungsfeld;strategisches_ziel;mittlerziel;indikator;region;zielwert;zieljahr"
# Not real goals: invented targets for the real indicators (test data).
ROWS = [
    "Frühe Bildung;Früh fördern;U3-Betreuung ausbauen;betreuungsquote_u3;03453;40,0;2028",
    "Schulabschlüsse;Alle mit Abschluss;Abgänge ohne Abschluss senken;ohne_abschluss_anteil;;6.0;2030",
]


def run(*args, capsys):
    code = cli.main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path, *lines, name="ziele.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_import_then_status_assesses_each_goal_from_the_real_values(store_db, tmp_path, capsys):
    code, _, err = run("ziele", "import", str(_file(tmp_path, HEADER, *ROWS)), "--db", str(store_db), capsys=capsys)
    assert code == 0, err
    assert "2 Zeilen im Zielbestand: 2 neu, 0 geändert, 0 entfernt" in err
    code, out, _ = run("ziele", "status", "--db", str(store_db), capsys=capsys)
    assert code == 0
    status = list(csv.DictReader(io.StringIO(out)))
    required = "mittlerziel indikator region zielwert zieljahr letztes_jahr letzter_wert projektion"
    assert set(required.split()) | {"abweichung_prozent", "bewertung"} <= set(status[0])
    care, leavers = status
    # U3 care (INKAR), Cloppenburg 2015–2020: 18.64 … 28.39; change (28.39 − 18.64) / 5 = 1.95 a year;
    # 2028: 28.39 + 1.95 × 8 = 43.99 ≥ 40 -> sonne.
    assert (care["letztes_jahr"], float(care["letzter_wert"])) == ("2020", 28.39)
    assert float(care["projektion"]) == pytest.approx(43.99)
    assert care["bewertung"] == "sonne"
    # leavers, the joined series 2019–2024 (INKAR's published 9.75 in 2019 … 228 of 2,031 = 11.226 % in 2024):
    # change (11.226 − 9.75) / 5 = 0.2952 a year, upwards while lower is better -> gewitter;
    # projection 2030: 11.226 + 6 × 0.2952 = 12.997.
    assert leavers["region"] == "03453"
    assert (leavers["letztes_jahr"], leavers["bewertung"]) == ("2024", "gewitter")
    assert float(leavers["projektion"]) == pytest.approx(228 / 2031 * 100 + 6 * (228 / 2031 * 100 - 9.75) / 5)
    assert float(leavers["letzter_wert"]) == pytest.approx(228 / 2031 * 100)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ROWS[0].replace("betreuungsquote_u3", "kita_quote"), "Zeile 3: Unbekannter Indikator „kita_quote“"),
        # U3 care exists per Kreis only; Barßel (03453001) has none
        (
            ROWS[0].replace("03453", "03453001"),
            "Zeile 3: „Betreuungsquote unter 3-Jährige“ gibt es nicht für die Region",
        ),
        (ROWS[0].replace(";2028", ";2020"), "Zeile 3: Zieljahr 2020 liegt nicht nach dem letzten Datenjahr 2020"),
        (ROWS[0].replace("40,0", "vierzig"), "Zeile 3: „zielwert“ muss eine Zahl sein"),
        (ROWS[0].replace("40,0", "101"), "Zeile 3: „zielwert“ 101 ist für die Einheit „%“ nicht möglich"),
    ],
)
def test_a_bad_row_is_refused_and_changes_nothing(store_db, tmp_path, capsys, row, message):
    assert run("ziele", "import", str(_file(tmp_path, HEADER, ROWS[1])), "--db", str(store_db), capsys=capsys)[0] == 0
    before = ablage.load()
    history = ablage.history()
    code, _, err = run(
        "ziele",
        "import",
        str(_file(tmp_path, HEADER, ROWS[1], row, name="neu.csv")),
        "--db",
        str(store_db),
        capsys=capsys,
    )
    assert code == 1
    assert f"neu.csv, {message}" in err
    assert "Der Zielbestand bleibt unverändert." in err
    assert ablage.load() == before
    assert ablage.history().equals(history)


def test_export_then_import_is_lossless(store_db, tmp_path, capsys):
    run("ziele", "import", str(ablage.EXAMPLE), "--db", str(store_db), capsys=capsys)
    first = ablage.load()
    exported = tmp_path / "export.csv"
    assert run("ziele", "export", "--output", str(exported), "--db", str(store_db), capsys=capsys)[0] == 0
    code, _, err = run("ziele", "import", str(exported), "--db", str(store_db), capsys=capsys)
    assert code == 0
    assert "6 Zeilen im Zielbestand: 0 neu, 0 geändert, 0 entfernt" in err
    assert ablage.load().goals == first.goals


def test_status_without_goals_says_so(store_db, capsys):
    code, out, err = run("ziele", "status", "--db", str(store_db), capsys=capsys)
    assert (code, out) == (1, "")
    assert "Noch keine Ziele" in err


def test_a_goal_for_a_school_is_imported_and_assessed_from_the_offices_own_data(
    store_db, tmp_path, capsys, monkeypatch
):
    db = store_with_school(store_db, tmp_path, monkeypatch)
    header = HEADER + ";schule"
    row = f"Schulabschlüsse;Alle mit Abschluss;Abgänge an der Schule senken;ohne_abschluss_schule;{GEMEINDE};3,0;2027"
    code, _, err = run(
        "ziele", "import", str(_file(tmp_path, header, f"{row};{SCHOOL}")), "--db", str(db), capsys=capsys
    )
    assert code == 0, err
    code, out, _ = run("ziele", "status", "--db", str(db), capsys=capsys)
    (status,) = list(csv.DictReader(io.StringIO(out)))
    # tests/ziele/schuldaten.py: 20, 18, 16, 14, 12 % in 2020–2024; −2 a year; 2027: 6,0; |3 − 6| / |3 − 12| = 33,3 %
    assert (status["schule"], status["letztes_jahr"], status["bewertung"]) == (SCHOOL, "2024", "bewoelkt")
    assert float(status["letzter_wert"]) == pytest.approx(12.0)
    assert float(status["projektion"]) == pytest.approx(6.0)
    assert float(status["abweichung_prozent"]) == pytest.approx(100 / 3)
    # a school the data do not know is refused, and the goals stay as they were
    before = ablage.goals_file().read_bytes()
    bad = _file(tmp_path, header, f"{row};Testschule B", name="falsch.csv")
    code, _, err = run("ziele", "import", str(bad), "--db", str(db), capsys=capsys)
    assert code == 1
    assert (
        "falsch.csv, Zeile 2: Für „Abgänge ohne Abschluss je Schule (eigene Daten)“ hat die Schule „Testschule B“"
        in err
    )
    assert ablage.goals_file().read_bytes() == before
