"""Präsentationen: list, open and download decks; build one, save it under a name, load it back.

The builder writes to a fresh folder (deck.model.USER_DIR patched), never to data/decks. Building,
saving and deleting are for analysts: those tests sign in locally first (tests/app_pages/conftest.py).
"""

from __future__ import annotations

import io
from urllib.parse import parse_qs

import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from access import users
from access.audit import entries
from access.settings import load as access_settings
from deck.model import Deck, IndicatorSlide, SourcesSlide, TextSlide, TitleSlide, ZielstandSlide, load_deck, save_deck
from tests.app_pages.conftest import sign_in
from tests.app_pages.elements import as_shown
from tests.conftest import ANALYST, READER, READER_PASSWORD

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
    per_slide = [q["folie"][0] for label, q in links if label.split(".")[0].isdigit()]
    assert per_slide == [str(n) for n in range(1, 13)]


def test_a_new_deck_is_built_saved_under_its_name_and_loads_back(open_as_analyst, user_decks):
    at = open_as_analyst(PRAESENTATIONEN)
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


def test_slides_are_reordered_and_deleted(open_as_analyst, user_decks):
    at = open_as_analyst(PRAESENTATIONEN)
    at.button(key="bearbeiten_beirat_standard").click().run()
    assert at.text_input(key="entwurf_name").value == "Beirat Standard (Kopie)"
    second, third = slide_lines(at)[1:3]
    at.button(key="runter_1").click().run()
    assert [line[3:] for line in slide_lines(at)[1:3]] == [third[3:], second[3:]]
    at.button(key="loeschen_0").click().run()
    assert len(slide_lines(at)) == 11
    assert not slide_lines(at)[0].startswith("1. Titel")


def test_the_default_deck_cannot_be_overwritten(open_as_analyst, user_decks):
    at = open_as_analyst(PRAESENTATIONEN)
    at.button(key="bearbeiten_beirat_standard").click().run()
    at.text_input(key="entwurf_name").input("Beirat Standard")
    at.button(key="speichern").click().run()
    assert any("gehört zur mitgelieferten Präsentation" in e for e in errors(at))
    assert list(user_decks.iterdir()) == []


def test_a_slide_the_deck_model_refuses_shows_its_german_message(open_as_analyst, user_decks):
    at = open_as_analyst(PRAESENTATIONEN)
    at.radio(key="neu_art").set_value("text").run()
    at.button(key="neu_textfolie").click().run()  # no heading
    assert errors(at) == ["„heading“ darf nicht leer sein."]
    assert len(slide_lines(at)) == 2


def test_the_default_deck_downloads_as_pptx_and_pdf_with_one_slide_per_deck_slide(open_app, user_decks, downloads):
    open_app(PRAESENTATIONEN)
    pptx = Presentation(io.BytesIO(downloads["beirat_standard.pptx"]))
    assert len(pptx.slides) == 12
    statement = "\n".join(s.text_frame.text for s in pptx.slides[1].shapes if s.has_text_frame)
    assert "Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in statement
    pdf = PdfReader(io.BytesIO(downloads["beirat_standard.pdf"]))
    assert len(pdf.pages) == 12
    assert "11,2 %" in pdf.pages[1].extract_text()


WRITE_KEYS = {"neu", "speichern", "neu_indikatorfolie", "entwurf_name"}


def write_paths(at: AppTest) -> set[str]:
    """Keys of every widget that builds, saves, edits or deletes a deck."""
    keys = {w.key for kind in ("button", "text_input", "selectbox") for w in at.get(kind) if getattr(w, "key", None)}
    return {k for k in keys if k in WRITE_KEYS or k.startswith(("bearbeiten_", "loeschen_"))}


def test_an_anonymous_visitor_can_open_and_download_decks_but_not_build_save_edit_or_delete(open_app, user_decks):
    save_deck(Deck("Beirat März 2026", (TitleSlide("Sitzung"),)), user_decks)
    at = open_app(PRAESENTATIONEN)
    assert write_paths(at) == set()
    assert "**Beirat März 2026**" in [m.value for m in at.markdown]  # listed, presentable, downloadable
    assert [p.proto.label for p in at.get("page_link")].count("Präsentieren") == 2
    assert any("Rolle Analyse" in c.value for c in at.caption)


def test_a_signed_in_reader_has_no_write_path_either(open_app, local_users, user_decks):
    at = sign_in(open_app(PRAESENTATIONEN), READER, READER_PASSWORD)
    assert any("Angemeldet: leser\nRolle: Lesen" == t.value for t in at.sidebar.text)
    assert write_paths(at) == set()


def test_a_wrong_password_signs_nobody_in(open_app, local_users, user_decks):
    at = sign_in(open_app(PRAESENTATIONEN), "analystin", "falsches-passwort")
    assert [e.value for e in at.sidebar.error] == ["Benutzername oder Passwort stimmt nicht."]
    assert write_paths(at) == set()


def test_the_read_only_mode_shows_no_write_path_and_no_sign_in_even_with_users(
    open_app, local_users, user_decks, monkeypatch
):
    monkeypatch.setenv("BILDUNGSMONITOR_NUR_LESEN", "1")
    at = open_app(PRAESENTATIONEN)
    assert write_paths(at) == set()
    assert [t.value for t in at.sidebar.text] == ["Nur-Lesen-Modus: Daten lassen sich hier nicht ändern."]
    assert not [w for w in at.sidebar.text_input if w.key == "anmeldung_passwort"]


def test_a_name_that_maps_to_another_decks_file_asks_before_replacing_it(open_as_analyst, user_decks):
    save_deck(Deck("Beirat März 2026", (TitleSlide("Sitzung im März"),)), user_decks)
    at = open_as_analyst(PRAESENTATIONEN)
    at.text_input(key="entwurf_name").input("beirat-maerz 2026")  # slug beirat_maerz_2026 as well
    at.button(key="speichern").click().run()
    question = "Unter beirat_maerz_2026.toml ist schon die Präsentation „Beirat März 2026“ gespeichert; "
    question += "„beirat-maerz 2026“ würde sie ersetzen. Ersetzen?"
    assert question in [t.value for t in at.text]
    assert load_deck(user_decks / "beirat_maerz_2026.toml").name == "Beirat März 2026"  # nothing written yet
    at.button(key="ersetzen_nein").click().run()
    assert question not in [t.value for t in at.text]
    assert load_deck(user_decks / "beirat_maerz_2026.toml").name == "Beirat März 2026"
    at.button(key="speichern").click().run()
    at.button(key="ersetzen_ja").click().run()
    assert any("Gespeichert als beirat_maerz_2026.toml" in as_shown(s.value) for s in at.success)
    assert load_deck(user_decks / "beirat_maerz_2026.toml").name == "beirat-maerz 2026"
    newest = entries(access_settings().audit_log, 1)[0]
    assert (newest["who"], newest["action"]) == ("analystin", "Präsentation gespeichert")
    assert newest["what"] == {"name": "beirat-maerz 2026", "datei": "beirat_maerz_2026.toml", "ersetzt": True}


def test_saving_the_deck_being_edited_again_asks_nothing(open_as_analyst, user_decks):
    save_deck(Deck("Beirat März 2026", (TitleSlide("Sitzung im März"),)), user_decks)
    at = open_as_analyst(PRAESENTATIONEN)
    at.button(key="bearbeiten_beirat_maerz_2026").click().run()
    at.button(key="loeschen_0").click().run()  # the title slide
    at.radio(key="neu_art").set_value("sources").run()
    at.button(key="neu_sourcesfolie").click().run()
    at.button(key="speichern").click().run()
    assert any("Gespeichert als beirat_maerz_2026.toml" in as_shown(s.value) for s in at.success)
    assert load_deck(user_decks / "beirat_maerz_2026.toml").slides == (SourcesSlide(),)


def test_an_analyst_deletes_a_saved_deck_after_confirming(open_as_analyst, user_decks):
    save_deck(Deck("Beirat März 2026", (TitleSlide("Sitzung im März"),)), user_decks)
    at = open_as_analyst(PRAESENTATIONEN)
    assert "loeschen_beirat_standard" not in write_paths(at)  # the shipped deck cannot be deleted
    at.button(key="loeschen_beirat_maerz_2026").click().run()
    assert "Präsentation „Beirat März 2026“ (beirat_maerz_2026.toml) endgültig löschen?" in [t.value for t in at.text]
    at.button(key="loeschen_nein_beirat_maerz_2026").click().run()
    assert (user_decks / "beirat_maerz_2026.toml").exists()
    at.button(key="loeschen_beirat_maerz_2026").click().run()
    at.button(key="loeschen_ja_beirat_maerz_2026").click().run()
    assert not (user_decks / "beirat_maerz_2026.toml").exists()
    assert [as_shown(s.value) for s in at.success] == ["Präsentation „Beirat März 2026“ gelöscht."]
    assert "**Beirat März 2026**" not in [m.value for m in at.markdown]
    newest = entries(access_settings().audit_log, 1)[0]
    assert (newest["who"], newest["action"], newest["what"]["datei"]) == (
        "analystin",
        "Präsentation gelöscht",
        "beirat_maerz_2026.toml",
    )


def test_a_local_user_removed_from_the_user_file_loses_the_write_path_at_the_next_click(
    open_as_analyst, local_users, user_decks
):
    at = open_as_analyst(PRAESENTATIONEN)
    assert "speichern" in write_paths(at)
    users.remove_user(local_users, ANALYST)  # cli.py benutzer entfernen analystin, while the session is open
    at.run()
    assert write_paths(at) == set()


def test_a_zielstand_slide_for_one_handlungsfeld_is_added_and_saved(open_as_analyst, user_decks):
    at = open_as_analyst(PRAESENTATIONEN)
    at.radio(key="neu_art").set_value("zielstand").run()
    at.selectbox(key="neu_handlungsfeld").set_value("Frühe Bildung")
    at.button(key="neu_zielstandfolie").click().run()
    assert slide_lines(at)[1] == "2. Zielstand: Frühe Bildung"
    at.text_input(key="entwurf_name").input("Zielstand Frühe Bildung")
    at.button(key="speichern").click().run()
    deck = load_deck(user_decks / "zielstand_fruehe_bildung.toml")
    assert deck.slides[1] == ZielstandSlide("Frühe Bildung", "Zielstand")
