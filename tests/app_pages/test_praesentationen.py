"""Präsentationen: list, open and download decks; build one, save it under a name, load it back.

The builder writes to a fresh folder (deck.model.USER_DIR patched), never to data/decks.
"""

from __future__ import annotations

import io
from urllib.parse import parse_qs

import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from deck.model import IndicatorSlide, SourcesSlide, TextSlide, TitleSlide, load_deck
from tests.app_pages.elements import as_shown

PRAESENTATIONEN = "app_pages/praesentationen.py"


@pytest.fixture
def user_decks(tmp_path, monkeypatch):
    monkeypatch.setattr("deck.model.USER_DIR", tmp_path)
    return tmp_path


def slide_lines(at: AppTest) -> list[str]:
    """The numbered lines of the deck being built, e.g. "2. Zeitreihe: …"."""
    return [as_shown(m.value) for m in at.markdown if m.value[:1].isdigit() and ". " in m.value[:4]]


def errors(at: AppTest) -> list[str]:
    return [as_shown(e.value) for e in at.error]


def test_the_default_deck_is_listed_with_a_link_to_each_of_its_slides(open_app, user_decks):
    at = open_app(PRAESENTATIONEN)
    assert "**Beirat Standard**" in [m.value for m in at.markdown]
    links = [(p.proto.label, parse_qs(p.proto.query_string)) for p in at.get("page_link")]
    present = [q for label, q in links if label == "Präsentieren"]
    assert present == [{"deck": ["beirat_standard"], "folie": ["1"]}]
    per_slide = [q["folie"][0] for label, q in links if label[:2] in {f"{n}." for n in range(1, 10)}]
    assert per_slide == [str(n) for n in range(1, 10)]


def test_a_new_deck_is_built_saved_under_its_name_and_loads_back(open_app, user_decks):
    at = open_app(PRAESENTATIONEN)
    at.selectbox(key="neu_indikator").set_value("jugendarbeitslosenquote")
    at.radio(key="neu_diagramm").set_value("ranking").run()
    at.button(key="neu_indikatorfolie").click().run()
    at.radio(key="neu_art").set_value("text").run()
    at.text_input(key="neu_text_ueberschrift").input("Fragen an den Beirat")
    at.text_area(key="neu_text").input("Wo fehlen Ausbildungsplätze?")
    at.button(key="neu_textfolie").click().run()
    assert slide_lines(at) == [
        "1. Titel: Bildung im Landkreis Cloppenburg",
        "2. Landkreisvergleich: Jugendarbeitslosenquote (15 bis unter 25 Jahre) · Cloppenburg, Landkreis "
        "· neuestes Jahr",
        "3. Text: Fragen an den Beirat",
        "4. Quellen",
    ]
    at.text_input(key="entwurf_name").input("Beirat März 2026")
    at.button(key="speichern").click().run()
    assert not errors(at)
    assert any("Gespeichert als beirat_maerz_2026.toml" in as_shown(s.value) for s in at.success)
    deck = load_deck(user_decks / "beirat_maerz_2026.toml")
    assert deck.name == "Beirat März 2026"
    assert [type(s) for s in deck.slides] == [TitleSlide, IndicatorSlide, TextSlide, SourcesSlide]
    assert (deck.slides[1].indicator, deck.slides[1].chart, deck.slides[1].year) == (
        "jugendarbeitslosenquote",
        "ranking",
        None,
    )
    assert "**Beirat März 2026**" in [m.value for m in at.markdown]  # listed at once


def test_slides_are_reordered_and_deleted(open_app, user_decks):
    at = open_app(PRAESENTATIONEN)
    at.button(key="bearbeiten_beirat_standard").click().run()
    assert at.text_input(key="entwurf_name").value == "Beirat Standard (Kopie)"
    second, third = slide_lines(at)[1:3]
    at.button(key="runter_1").click().run()
    assert [line[3:] for line in slide_lines(at)[1:3]] == [third[3:], second[3:]]
    at.button(key="loeschen_0").click().run()
    assert len(slide_lines(at)) == 8
    assert not slide_lines(at)[0].startswith("1. Titel")


def test_the_default_deck_cannot_be_overwritten(open_app, user_decks):
    at = open_app(PRAESENTATIONEN)
    at.button(key="bearbeiten_beirat_standard").click().run()
    at.text_input(key="entwurf_name").input("Beirat Standard")
    at.button(key="speichern").click().run()
    assert any("gehört zur mitgelieferten Präsentation" in e for e in errors(at))
    assert list(user_decks.iterdir()) == []


def test_a_slide_the_deck_model_refuses_shows_its_german_message(open_app, user_decks):
    at = open_app(PRAESENTATIONEN)
    at.radio(key="neu_art").set_value("text").run()
    at.button(key="neu_textfolie").click().run()  # no heading
    assert errors(at) == ["„heading“ darf nicht leer sein."]
    assert len(slide_lines(at)) == 2


def test_the_default_deck_downloads_as_pptx_and_pdf_with_one_slide_per_deck_slide(open_app, user_decks, downloads):
    open_app(PRAESENTATIONEN)
    pptx = Presentation(io.BytesIO(downloads["beirat_standard.pptx"]))
    assert len(pptx.slides) == 9
    statement = "\n".join(s.text_frame.text for s in pptx.slides[1].shapes if s.has_text_frame)
    assert "Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in statement
    pdf = PdfReader(io.BytesIO(downloads["beirat_standard.pdf"]))
    assert len(pdf.pages) == 9
    assert "11,2 %" in pdf.pages[1].extract_text()
