"""The goal exchange format: every bad row refused with file and line, and a lossless round trip.

The data checks ask `LATEST`, the latest years of the real store for Landkreis Cloppenburg (03453):
leavers 2024, U3 care 2020 (INKAR), SGB II rate 2022 (also per Gemeinde, e.g. Barßel 03453001).
tests/ziele/test_cli.py runs the same checks against the real store.
"""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest

from ziele.austausch import parse_goals, to_csv, to_xlsx
from ziele.model import Ziel, ZielFehler

LATEST = {("ohne_abschluss_anteil", "03453"): 2024, ("betreuungsquote_u3", "03453"): 2020}
LATEST |= {("sgb2_quote_u15", "03453"): 2022, ("sgb2_quote_u15", "03453001"): 2022}
# A synthetic school (never real): own data for "Testschule 1" in the town of Cloppenburg (03453004) end 2024.
LATEST |= {("ohne_abschluss_schule", "03453004", "Testschule 1"): 2024}
HEADER = "handlungsfeld;strategisches_ziel;mittlerziel;indikator;region;zielwert;zieljahr"
GOOD = "Schulabschlüsse;Alle mit Abschluss;Abgänge ohne Abschluss senken;ohne_abschluss_anteil;03453;6,0;2030"


def latest(key: str, region: str, schule: str = "") -> int | None:
    return LATEST.get((key, region, schule) if schule else (key, region))


def _file(tmp_path, *lines: str, encoding: str = "utf-8", name: str = "ziele.csv"):
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_a_good_row_is_read_with_decimal_comma_or_point_and_the_home_kreis_as_default(tmp_path):
    path = _file(tmp_path, HEADER, GOOD, GOOD.replace("03453;6,0", ";6.5").replace("senken", "halbieren"))
    first, second = parse_goals(path, latest)
    assert (first.indikator, first.region, first.zielwert, first.zieljahr) == (
        "ohne_abschluss_anteil",
        "03453",
        6.0,
        2030,
    )
    assert (second.region, second.zielwert) == ("03453", 6.5)


def test_a_windows_1252_file_from_excel_is_read(tmp_path):
    path = _file(tmp_path, HEADER, GOOD, encoding="cp1252")
    assert parse_goals(path, latest)[0].handlungsfeld == "Schulabschlüsse"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            GOOD.replace("ohne_abschluss_anteil", "ohne_abschluss"),
            "ziele.csv, Zeile 3: Unbekannter Indikator „ohne_abschluss“",
        ),
        # leavers exist per Kreis only: a Gemeinde has no data for them
        (
            GOOD.replace(";03453;", ";03453001;"),
            "ziele.csv, Zeile 3: „Abgänge ohne Hauptschulabschluss“ gibt es nicht für die Region „03453001“",
        ),
        # a Kreis outside the store's data for this indicator (latest_year says None)
        (
            GOOD.replace(";03453;", ";03454;"),
            "ziele.csv, Zeile 3: Für „Abgänge ohne Hauptschulabschluss“ hat die Region 03454 keine Werte",
        ),
        # the latest leavers' year is 2024: a Zieljahr 2024 is not after it
        (
            GOOD.replace(";2030", ";2024"),
            "ziele.csv, Zeile 3: Zieljahr 2024 liegt nicht nach dem letzten Datenjahr 2024",
        ),
        (
            GOOD.replace(";6,0;", ";sechs;"),
            "ziele.csv, Zeile 3: „zielwert“ muss eine Zahl sein (z. B. 6,0 oder 6.0), nicht „sechs“",
        ),
        # a share above 100 %
        (GOOD.replace(";6,0;", ";120;"), "ziele.csv, Zeile 3: „zielwert“ 120 ist für die Einheit „%“ nicht möglich"),
        (GOOD.replace(";6,0;", ";-1;"), "ziele.csv, Zeile 3: „zielwert“ -1 ist für die Einheit „%“ nicht möglich"),
    ],
)
def test_each_bad_row_is_refused_with_file_and_line(tmp_path, row, message):
    path = _file(tmp_path, HEADER, GOOD, row)
    with pytest.raises(ZielFehler) as refused:
        parse_goals(path, latest)
    assert str(refused.value).startswith(message), str(refused.value)


def test_every_bad_row_is_named_not_only_the_first(tmp_path):
    path = _file(tmp_path, HEADER, GOOD.replace(";6,0;", ";x;"), GOOD.replace(";2030", ";1800"))
    with pytest.raises(ZielFehler) as refused:
        parse_goals(path, latest)
    lines = str(refused.value).splitlines()
    assert [line.split(":")[0] for line in lines] == ["ziele.csv, Zeile 2", "ziele.csv, Zeile 3"]


def test_a_comma_separated_file_is_refused_with_a_hint_on_the_separator(tmp_path):
    path = _file(tmp_path, HEADER.replace(";", ","), GOOD.replace(";", ","))
    with pytest.raises(ZielFehler, match="Trennzeichen muss ein Semikolon"):
        parse_goals(path, latest)


def test_the_same_indicator_and_region_twice_under_one_mittlerziel_is_refused(tmp_path):
    path = _file(tmp_path, HEADER, GOOD, GOOD.replace("6,0", "5,0"))
    with pytest.raises(ZielFehler, match="ziele.csv, Zeile 3 wiederholt Zeile 2"):
        parse_goals(path, latest)


def test_a_qualitative_mittlerziel_has_no_number_and_a_number_without_indicator_is_refused(tmp_path):
    qualitative = "Übergang Schule – Beruf;Ausbildung für alle;Berufsorientierung verankern;;;;"
    goal = parse_goals(_file(tmp_path, HEADER, qualitative), latest)[0]
    assert goal.qualitativ and goal.zielwert is None
    with pytest.raises(
        ZielFehler, match="Zeile 2: Ohne Indikator ist das Mittlerziel qualitativ; dann bleiben zielwert"
    ):
        parse_goals(_file(tmp_path, HEADER, qualitative[:-2] + ";5;"), latest)


def test_zwischenziele_lie_between_the_latest_year_and_the_zieljahr(tmp_path):
    header = HEADER + ";zwischenziele"
    goal = parse_goals(_file(tmp_path, header, GOOD + ";2028: 7,5 | 2026: 9"), latest)[0]
    assert goal.zwischenziele == ((2026, 9.0), (2028, 7.5))
    with pytest.raises(ZielFehler, match="Zwischenziele liegen zwischen 2024 und 2030, nicht in 2023"):
        parse_goals(_file(tmp_path, header, GOOD + ";2023: 9"), latest)


def test_an_example_is_never_a_decision(tmp_path):
    header = HEADER + ";gremium;beispiel"
    with pytest.raises(ZielFehler, match="Ein Beispiel .Beispiel – nicht beschlossen. hat weder"):
        parse_goals(_file(tmp_path, header, GOOD + ";Bildungsbeirat;ja"), latest)


def test_a_text_excel_would_run_as_a_formula_is_refused(tmp_path):
    with pytest.raises(ZielFehler, match="darf nicht mit = \\+ - @ beginnen"):
        parse_goals(_file(tmp_path, HEADER, GOOD.replace("Alle mit Abschluss", "=HYPERLINK(1)")), latest)


AP_HEADER = HEADER + ";verantwortlich;arbeitspaket;status"
AP = "Schulabschlüsse;Alle mit Abschluss;Abgänge ohne Abschluss senken;;;;;Schulsozialarbeit;{text};{status}"


def test_an_arbeitspaket_is_a_row_of_its_own_under_its_mittlerziel(tmp_path):
    path = _file(
        tmp_path,
        AP_HEADER,
        GOOD + ";Bildungsbüro;;",
        AP.format(text="Lernwerkstatt an allen Oberschulen", status="laufend"),
        AP.format(text="Elternabende", status=""),
    )
    goal, running, empty = parse_goals(path, latest)
    assert goal.zielindikator and not goal.ist_arbeitspaket
    assert (running.arbeitspaket, running.verantwortlich, running.status) == (
        "Lernwerkstatt an allen Oberschulen",
        "Schulsozialarbeit",
        "laufend",
    )
    assert not running.qualitativ and not running.zielindikator
    # an empty status is the first state of the work
    assert empty.status == "offen"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            AP.format(text="Lernwerkstatt", status="fertig"),
            "Zeile 3: „status“ ist offen, laufend, erledigt, nicht „fertig“",
        ),
        (
            AP.format(text="Lernwerkstatt", status="offen").replace(";;;;;Schul", ";ohne_abschluss_anteil;;;;Schul"),
            "Zeile 3: Eine Zeile mit Arbeitspaket beschreibt nur das Arbeitspaket; indikator bleiben leer",
        ),
        (AP.format(text="", status="offen"), "Zeile 3: „status“ gehört zu einem Arbeitspaket"),
        (
            AP.format(text="Lernwerkstatt", status="offen").replace("Abgänge ohne Abschluss senken", "Anderes Ziel"),
            "ziele.csv, Zeile 3: das Arbeitspaket „Lernwerkstatt“ gehört zu keinem Mittlerziel „Anderes Ziel“",
        ),
    ],
)
def test_a_bad_arbeitspaket_is_refused_with_file_and_line(tmp_path, row, message):
    path = _file(tmp_path, AP_HEADER, GOOD + ";;;", row)
    with pytest.raises(ZielFehler) as refused:
        parse_goals(path, latest)
    assert message in str(refused.value), str(refused.value)


SCHOOL_HEADER = HEADER + ";schule"
SCHOOL = (
    "Schulabschlüsse;Alle mit Abschluss;Abgänge je Schule senken;ohne_abschluss_schule;03453004;5,0;2028;Testschule 1"
)


def test_a_goal_for_a_school_names_the_school_and_its_gemeinde(tmp_path):
    goal = parse_goals(_file(tmp_path, SCHOOL_HEADER, SCHOOL), latest)[0]
    assert (goal.indikator, goal.region, goal.schule, goal.zielwert) == (
        "ohne_abschluss_schule",
        "03453004",
        "Testschule 1",
        5.0,
    )
    assert (
        goal.describe
        == "Abgänge je Schule senken – Abgänge ohne Abschluss je Schule (eigene Daten) (03453004, Testschule 1)"
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # a school the data do not know
        (
            SCHOOL.replace("Testschule 1", "Testschule 9"),
            "Zeile 2: Für „Abgänge ohne Abschluss je Schule (eigene Daten)“ hat die Schule „Testschule 9“ (03453004) "
            "keine Werte",
        ),
        # a school needs its Gemeinde's code, not the Kreis
        (
            SCHOOL.replace(";03453004;", ";03453;"),
            "Zeile 2: „Abgänge ohne Abschluss je Schule (eigene Daten)“ gibt es nicht für die Schule „Testschule 1“ "
            "in „03453“",
        ),
        # the official leavers' share has no school level
        (
            SCHOOL.replace("ohne_abschluss_schule", "ohne_abschluss_anteil"),
            "Zeile 2: „Abgänge ohne Hauptschulabschluss“ gibt es nicht für die Schule",
        ),
        # the school's latest year is 2024
        (SCHOOL.replace(";2028;", ";2024;"), "Zeile 2: Zieljahr 2024 liegt nicht nach dem letzten Datenjahr 2024"),
        # a qualitative Mittlerziel has no school
        (
            SCHOOL.replace("ohne_abschluss_schule;03453004;5,0;2028", ";;;"),
            "Zeile 2: Ohne Indikator ist das Mittlerziel qualitativ; dann bleiben schule leer",
        ),
    ],
)
def test_a_bad_school_goal_is_refused_with_file_and_line(tmp_path, row, message):
    with pytest.raises(ZielFehler) as refused:
        parse_goals(_file(tmp_path, SCHOOL_HEADER, row), latest)
    assert message in str(refused.value), str(refused.value)


FULL = [
    Ziel(
        "Schulabschlüsse",
        "Alle mit Abschluss",
        "Abgänge ohne Abschluss senken",
        "ohne_abschluss_anteil",
        "03453",
        6.25,
        2030,
        ((2026, 9.0), (2028, 7.5)),
        "Bildungsbüro; Schulamt",
        "31.12.2030",
        "12.03.2026",
        "Bildungsbeirat",
        False,
        "a1",
    ),
    Ziel("Frühe Bildung", "Früh fördern", "Plätze ausbauen", "sgb2_quote_u15", "03453001", 6.0, 2030, id="b2"),
    Ziel(
        "Übergang Schule – Beruf",
        "Ausbildung",
        "Berufsorientierung",
        verantwortlich="AG",
        frist="2027",
        beispiel=True,
        id="c3",
    ),
    Ziel(
        "Übergang Schule – Beruf",
        "Ausbildung",
        "Berufsorientierung",
        verantwortlich="Jobcenter; Schulen",
        id="d4",
        arbeitspaket="Praktikumsbörse aufbauen",
        status="laufend",
    ),
    Ziel(
        "Schulabschlüsse",
        "Alle mit Abschluss",
        "Abgänge je Schule senken",
        "ohne_abschluss_schule",
        "03453004",
        4.5,
        2029,
        id="e5",
        schule="Testschule 1",
    ),
]


@pytest.mark.parametrize(("writer", "name"), [(to_csv, "ziele.csv"), (to_xlsx, "ziele.xlsx")])
def test_export_then_import_gives_the_same_goals(tmp_path, writer, name):
    path = tmp_path / name
    path.write_bytes(writer(FULL))
    assert parse_goals(path, latest) == FULL


def test_the_csv_export_uses_semicolon_and_decimal_comma():
    text = to_csv(FULL).decode("utf-8-sig")
    assert text.splitlines()[1].startswith(
        "Schulabschlüsse;Alle mit Abschluss;Abgänge ohne Abschluss senken;ohne_abschluss_anteil;03453;6,25;2030;"
        "2026: 9 | 2028: 7,5;"
    )


def test_an_xlsx_with_numbers_and_dates_typed_by_excel_is_read(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADER.split(";"), "beschlossen_am"])
    sheet.append(
        ["Schulabschlüsse", "Alle", "Senken", "ohne_abschluss_anteil", "03453", 6, 2030, datetime.datetime(2026, 3, 12)]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "ziele.xlsx"
    path.write_bytes(buffer.getvalue())
    goal = parse_goals(path, latest)[0]
    assert (goal.zielwert, goal.zieljahr, goal.beschlossen_am) == (6.0, 2030, "12.03.2026")
