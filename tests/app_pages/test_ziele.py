"""Ziele: the goals with their assessment, written and changed on the page with German messages.

Goals live in the test's own folder (tests/conftest.py: goals_dir), never in data/ziele. The
numbers are the real values of the session store; the targets are invented test goals.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import streamlit as st

from access.audit import entries
from access.settings import load as access_settings
from tests.app_pages.elements import charts, texts
from tests.ziele.schuldaten import GEMEINDE, SCHOOL, store_with_school
from ziele import ablage
from ziele.model import Ziel

ZIELE = "app_pages/ziele.py"


def _texts(at) -> list[str]:
    return texts(at) + [t.value for t in at.text]


def _fill(at, **fields: str):
    for name, value in fields.items():
        at.text_input(key=f"ziel_{name}").input(value)
    return at


def test_without_goals_the_page_says_so_and_offers_the_example(open_as_analyst):
    at = open_as_analyst(ZIELE)
    assert any(t.startswith("Noch keine Ziele erfasst") for t in _texts(at))
    assert at.button(key="beispiel_laden")


def test_the_example_is_loaded_labelled_as_not_decided_and_assessed(open_as_analyst):
    at = open_as_analyst(ZIELE)
    at.button(key="beispiel_laden").click().run()
    shown = _texts(at)
    assert "Beispielziele geladen (Beispiel – nicht beschlossen)." in [s.value for s in at.success]
    assert "Beispiel – nicht beschlossen" in shown
    # U3 care 2015–2020: 18.64 → 28.39, +1.95 a year; 2028: 43.99 ≥ 40 -> sonne.
    assert "Betreuungsquote unter 3-Jährige – Cloppenburg, Landkreis" in shown
    assert any(t.startswith("☀ Ziel in Reichweite") for t in shown)
    assert "noch 11,6 Pp. bis 40,0 % im Jahr 2028; bei gleichem Tempo 44,0 %" in shown
    # Ausbildungsplätze 2016–2021: 104.48 → 109.89, +1.082 a year; 2030: 119.628; target 121:
    # 1.372 / 11.11 = 12.3 % -> leicht verfehlt.
    assert any(t.startswith("☀☁ leicht verfehlt") for t in shown)
    # Leavers without qualification, the joined series 2019–2024 (INKAR published 2019–2022, computed 2023–24):
    # 9.75 → 11.226, +0.295 a year, lower is better -> wrong direction (gewitter); 2030: 11.226 + 6 × 0.295
    # = 13.0; 11.226 − 6.0 = 5.2 Pp. The 2024 break lies in the window and is named.
    assert "noch 5,2 Pp. bis 6,0 % im Jahr 2030; bei gleichem Tempo 13,0 %" in shown
    assert any(t.startswith("⚡ falsche Richtung") and "Datenbruch 2024" in t for t in shown), shown
    assert "Qualitatives Mittlerziel: ohne Zielwert, keine Bewertung." in shown
    assert all(g.beispiel for g in ablage.load().goals)


def test_a_goal_entered_in_the_form_is_saved_assessed_and_in_the_status_download(open_as_analyst, downloads):
    at = open_as_analyst(ZIELE)
    at.selectbox(key="ziel_handlungsfeld").set_value("Bevölkerung und soziale Lage")
    _fill(
        at,
        strategisches_ziel="Chancen für alle Kinder",
        mittlerziel="Kinderarmut senken",
        zielwert="6,5",
        zieljahr="2030",
    )
    at.selectbox(key="ziel_indikator").set_value("sgb2_quote_u15")
    at.button(key="FormSubmitter:ziel_formular-Speichern").click().run()
    assert [s.value for s in at.success] == [
        "Gespeichert: Kinderarmut senken – Kinder unter 15 in SGB-II-Bedarfsgemeinschaften (03453)."
    ]
    (goal,) = ablage.load().goals
    assert (goal.indikator, goal.region, goal.zielwert, goal.zieljahr) == ("sgb2_quote_u15", "03453", 6.5, 2030)
    # SGB II rate 2017–2022: 10.9 → 7.44, −0.692 a year; 2030: 7.44 − 5.536 = 1.90, below 6.5 -> sonne.
    assert any(t.startswith("☀ Ziel in Reichweite") for t in _texts(at))
    status = list(csv.DictReader(io.StringIO(downloads["zielstand.csv"].decode("utf-8-sig")), delimiter=";"))
    assert [(r["indikator"], r["bewertung"], r["letztes_jahr"]) for r in status] == [
        ("sgb2_quote_u15", "sonne", "2022")
    ]
    assert status[0]["projektion"].startswith("1,9")
    # the same table as XLSX: one header row, one goal row with the same key figures
    sheet = openpyxl.load_workbook(io.BytesIO(downloads["zielstand.xlsx"])).worksheets[0]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert (row["indikator"], row["bewertung"], row["bewertung_text"]) == (
        "sgb2_quote_u15",
        "sonne",
        "Ziel in Reichweite",
    )
    # the sparkline of the goal's indicator: Cloppenburg's own values only
    assert any({row["region_code"] for row in rows} == {"03453"} for _, rows in charts(at))


def test_a_bad_entry_is_refused_in_german_and_nothing_is_saved(open_as_analyst):
    at = open_as_analyst(ZIELE)
    _fill(at, strategisches_ziel="Chancen", mittlerziel="Senken", zielwert="150", zieljahr="2030")
    at.selectbox(key="ziel_indikator").set_value("betreuungsquote_u3")
    at.button(key="FormSubmitter:ziel_formular-Speichern").click().run()
    assert [e.value for e in at.error] == [
        "Nicht gespeichert: „zielwert“ 150 ist für die Einheit „%“ nicht möglich (zwischen 0 und 100)."
    ]
    assert ablage.load().goals == ()


def test_a_goal_changed_elsewhere_meanwhile_is_not_overwritten(open_as_analyst):
    start = ablage.save(
        [Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", "betreuungsquote_u3", "03453", 40.0, 2028)], "", "Test"
    )
    goal = start.goals[0]
    at = open_as_analyst(ZIELE)
    at.selectbox(key="ziel_auswahl").set_value(goal.id).run()
    assert at.text_input(key="ziel_zielwert").value == "40"
    # meanwhile someone else saves 42 through the command line
    ablage.save([Ziel(**{**goal.__dict__, "zielwert": 42.0})], start.version, "Import")
    at.text_input(key="ziel_zielwert").input("45")
    at.button(key="FormSubmitter:ziel_formular-Speichern").click().run()
    assert at.error[0].value.startswith("Dieses Ziel wurde inzwischen an anderer Stelle geändert")
    assert ablage.load().goals[0].zielwert == 42.0


def test_removing_a_goal_keeps_it_in_the_history(open_as_analyst):
    start = ablage.save(
        [Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", "betreuungsquote_u3", "03453", 40.0, 2028)], "", "Test"
    )
    at = open_as_analyst(ZIELE)
    at.selectbox(key="ziel_auswahl").set_value(start.goals[0].id).run()
    at.button(key="ziel_entfernen").click().run()
    assert ablage.load().goals == ()
    assert list(ablage.history()["aktion"]) == ["Seite Ziele: entfernt", "Test: angelegt"]


def test_a_goal_shows_on_its_tile_and_in_the_indicator_chart(open_app):
    ablage.save(
        [
            Ziel(
                "Frühe Bildung",
                "Früh fördern",
                "U3 ausbauen",
                "betreuungsquote_u3",
                "03453",
                40.0,
                2028,
                ((2024, 34.0),),
            )
        ],
        "",
        "Test",
    )
    tile = open_app()
    # U3 care 2015–2020: 18.64 → 28.39 (+1.95 a year), 2028: 43.99 ≥ 40 -> sonne
    assert "Ziel: 40,0 % im Jahr 2028 · ☀ Ziel in Reichweite" in texts(tile)
    chart = open_app("app_pages/indikator.py", indikator="betreuungsquote_u3")
    assert "Ziel: ☀ Ziel in Reichweite – noch 11,6 Pp. bis 40,0 % im Jahr 2028; bei gleichem Tempo 44,0 %" in texts(
        chart
    )
    ((spec, rows),) = charts(chart)
    labels = {row.get("label") for row in rows}
    assert {"Ziel 40,0 % (2028)", "Zwischenziel 34,0 % (2024)"} <= labels
    # the dashed projection runs from 28.39 in 2020 to 43.99 in 2028
    projection = sorted((row["year"], row["value"]) for row in rows if "goal" in row)
    assert projection[0] == (2020, 28.39) and projection[1][0] == 2028
    assert abs(projection[1][1] - 43.99) < 1e-9


def test_an_anonymous_visitor_reads_the_goals_but_has_no_way_to_change_them(open_app):
    ablage.save(
        [Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", "betreuungsquote_u3", "03453", 40.0, 2028)], "", "Test"
    )
    at = open_app(ZIELE)
    assert any("U3 ausbauen" in t for t in _texts(at))
    keys = {w.key for kind in ("button", "selectbox", "text_input") for w in at.get(kind) if getattr(w, "key", None)}
    assert not {"beispiel_laden", "ziel_auswahl", "ziel_entfernen"} & keys
    assert any("Rolle Analyse" in c.value for c in at.caption)


def test_a_goal_change_is_in_the_audit_log_under_the_analysts_name(open_as_analyst):
    at = open_as_analyst(ZIELE)
    at.button(key="beispiel_laden").click().run()
    newest = entries(access_settings().audit_log, 1)[0]
    assert (newest["who"], newest["action"]) == ("analystin", "Ziele geändert")


U3 = Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", "betreuungsquote_u3", "03453", 40.0, 2028)


def test_an_arbeitspaket_is_added_shown_under_its_mittlerziel_changed_and_removed(open_as_analyst):
    ablage.save([U3], "", "Test")
    at = open_as_analyst(ZIELE)
    at.text_input(key="ap_text").input("Tagespflege anwerben")
    at.text_input(key="ap_verantwortlich").input("Jugendamt")
    at.button(key="FormSubmitter:ap_formular-Arbeitspaket speichern").click().run()
    assert [s.value for s in at.success] == ["Gespeichert: U3 ausbauen – Arbeitspaket „Tagespflege anwerben“."]
    assert "• Tagespflege anwerben – offen · verantwortlich: Jugendamt" in _texts(at)
    work = next(g for g in ablage.load().goals if g.ist_arbeitspaket)
    assert (work.mittlerziel, work.status) == ("U3 ausbauen", "offen")
    # the Zielstand counts it (deck.render) and the goal form does not offer it as a goal
    assert work.id not in at.selectbox(key="ziel_auswahl").options
    at.selectbox(key="ap_auswahl").set_value(work.id).run()
    at.selectbox(key="ap_status").set_value("laufend")
    at.button(key="FormSubmitter:ap_formular-Arbeitspaket speichern").click().run()
    assert "• Tagespflege anwerben – laufend · verantwortlich: Jugendamt" in _texts(at)
    history = ablage.history()
    assert list(history.loc[0, ["aktion", "feld", "alt", "neu"]]) == [
        "Seite Ziele: geändert",
        "status",
        "offen",
        "laufend",
    ]
    at.selectbox(key="ap_auswahl").set_value(work.id).run()
    at.button(key="ap_entfernen").click().run()
    assert [g.key for g in ablage.load().goals] == [U3.key]
    assert not any(t.startswith("• Tagespflege") for t in _texts(at))


def test_an_empty_arbeitspaket_is_refused_in_german(open_as_analyst):
    ablage.save([U3], "", "Test")
    at = open_as_analyst(ZIELE)
    at.button(key="FormSubmitter:ap_formular-Arbeitspaket speichern").click().run()
    assert [e.value for e in at.error] == ["Nicht gespeichert: „Arbeitspaket“ darf nicht leer sein."]
    assert len(ablage.load().goals) == 1


def test_a_goal_whose_mittlerziel_still_has_arbeitspakete_is_not_removed(open_as_analyst):
    work = Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", arbeitspaket="Tagespflege anwerben", status="offen")
    start = ablage.save([U3, work], "", "Test")
    at = open_as_analyst(ZIELE)
    goal = next(g for g in start.goals if not g.ist_arbeitspaket)
    at.selectbox(key="ziel_auswahl").set_value(goal.id).run()
    at.button(key="ziel_entfernen").click().run()
    assert at.error[0].value.startswith("Zu diesem Mittlerziel gehören noch Arbeitspakete")
    assert ablage.load().goals == start.goals


def test_without_write_permission_there_is_no_way_to_change_arbeitspakete(open_app):
    work = Ziel("Frühe Bildung", "Früh fördern", "U3 ausbauen", arbeitspaket="Tagespflege anwerben", status="erledigt")
    ablage.save([U3, work], "", "Test")
    at = open_app(ZIELE)
    assert "• Tagespflege anwerben – erledigt" in _texts(at)
    keys = {w.key for kind in ("button", "selectbox", "text_input") for w in at.get(kind) if getattr(w, "key", None)}
    assert not {"ap_auswahl", "ap_text", "ap_entfernen"} & keys


def test_a_goal_for_a_school_is_entered_on_the_page_and_assessed(open_as_analyst, store_db, tmp_path, monkeypatch):
    at = open_as_analyst(ZIELE)
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(store_with_school(store_db, tmp_path, monkeypatch)))
    st.cache_data.clear()
    st.cache_resource.clear()
    at.run()
    _fill(at, strategisches_ziel="Alle mit Abschluss", mittlerziel="Abgänge an der Schule senken")
    _fill(at, zielwert="3,0", zieljahr="2027")
    at.selectbox(key="ziel_indikator").set_value("ohne_abschluss_schule")
    at.selectbox(key="ziel_schule").set_value((GEMEINDE, SCHOOL))
    at.button(key="FormSubmitter:ziel_formular-Speichern").click().run()
    assert not at.error, [e.value for e in at.error]
    (goal,) = ablage.load().goals
    assert (goal.region, goal.schule) == (GEMEINDE, SCHOOL)
    shown = _texts(at)
    assert "Abgänge ohne Abschluss je Schule (eigene Daten) – Testschule A (Cloppenburg)" in shown
    # tests/ziele/schuldaten.py: 12 % in 2024, −2 a year, 2027: 6,0 %, deviation 33,3 % -> deutlich verfehlt
    assert "☁ deutlich verfehlt" in shown
    assert "noch 9,0 Pp. bis 3,0 % im Jahr 2027; bei gleichem Tempo 6,0 %" in shown
    # the sparkline draws the school's five values as a line and the latest (12 %) again as its dot
    drawn = [sorted(round(r["value"], 9) for r in rows if r.get("value") is not None) for _, rows in charts(at)]
    assert drawn == [[12.0, 12.0, 14.0, 16.0, 18.0, 20.0]]
