"""Bericht: choose a saved definition, edit its texts, save (Analyse only, never overwriting), generate, download.

Definitions live in a fresh folder (BILDUNGSMONITOR_BERICHTE); a small saved definition keeps generating fast.
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from access.audit import entries
from access.settings import load as access_settings
from bericht import ablage
from tests.app_pages.elements import as_shown
from tests.bericht.conftest import SMALL

BERICHT = "app_pages/bericht.py"
STEM = "kurzbericht_test"


@pytest.fixture(autouse=True)
def berichte_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_BERICHTE", str(tmp_path / "berichte"))
    ablage.save(SMALL, "", "test")


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_a_reader_generates_a_saved_definition_and_downloads_the_docx(open_app, downloads):
    at = open_app(BERICHT)
    assert at.title[0].value == "Bildungsbericht und Gemeindesteckbriefe"
    assert "Definition speichern" not in [b.label for b in at.button]  # readers generate, never save
    at.selectbox(key="bericht_wahl").select(STEM).run()
    assert at.text_input(key=f"b_{STEM}_name").value == "Kurzbericht Test"
    assert "2 Kapitel, 3 Indikatoren." in " ".join(t.value for t in at.text)
    _button(at, "Bericht erzeugen").click().run()
    assert not at.exception, [e.value for e in at.exception]
    document = Document(io.BytesIO(downloads[f"{STEM}.docx"]))
    texts = [p.text for p in document.paragraphs]
    assert (
        "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %, "
        "Deutschland: keine Daten." in texts
    )
    assert downloads[f"{STEM}.pdf"][:5] == b"%PDF-"


def test_an_analyst_changes_the_introduction_and_the_saved_definition_keeps_it(open_as_analyst):
    at = open_as_analyst(BERICHT)
    at.selectbox(key="bericht_wahl").select(STEM).run()
    at.text_area(key=f"b_{STEM}_einleitung").input("Neue Einleitung für 2026.").run()
    _button(at, "Definition speichern").click().run()
    assert [as_shown(s.value) for s in at.success] == ["Gespeichert als kurzbericht_test.toml."]
    assert ablage.load(STEM).bericht.introduction == "Neue Einleitung für 2026."
    assert ablage.load(STEM).bericht.chapters == SMALL.chapters  # nothing else changed
    logged = entries(access_settings().audit_log)
    assert (logged[0]["who"], logged[0]["action"]) == ("analystin", "Bericht gespeichert")  # newest first
    assert logged[0]["what"]["datei"] == "kurzbericht_test.toml"


def test_a_new_definition_under_a_taken_name_is_refused_and_the_saved_one_is_kept(open_as_analyst):
    at = open_as_analyst(BERICHT)
    at.text_input(key="b___neu___name").input("Kurzbericht Test").run()
    _button(at, "Definition speichern").click().run()
    assert "schon ein Bericht gespeichert" in as_shown(at.error[0].value)
    assert ablage.load(STEM).bericht == SMALL


def test_steckbriefe_are_offered_as_pdf_zip_and_xlsx(open_app, downloads):
    at = open_app(BERICHT)
    _button(at, "Steckbriefe erzeugen").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert {"gemeindesteckbriefe.pdf", "gemeindesteckbriefe.zip", "gemeindesteckbriefe.xlsx"} <= set(downloads.offered)
    sheet = load_workbook(io.BytesIO(downloads["gemeindesteckbriefe.xlsx"]))["Steckbriefe"]
    assert len({row[0].value for row in sheet.iter_rows(min_row=2)}) == 13  # one AGS per Gemeinde
