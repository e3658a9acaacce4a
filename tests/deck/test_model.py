"""Decks load, save atomically, round-trip unchanged, and refuse bad input with German messages."""

from __future__ import annotations

import os

import pytest

from deck.model import (
    DEFAULT_DECK,
    Deck,
    DeckError,
    DeckExists,
    IndicatorSlide,
    SourcesSlide,
    TextSlide,
    TitleSlide,
    beirat_questions,
    deck_path,
    default_deck,
    delete_deck,
    list_decks,
    load_deck,
    parse_deck,
    save_deck,
    slug,
    to_toml,
)


def _deck(name: str = "Beirat März 2026") -> Deck:
    return Deck(
        name,
        (
            TitleSlide("Bildung im Landkreis Cloppenburg", 'Sitzung am 12. März 2026 – "Ist-Zustand"'),
            IndicatorSlide("ohne_abschluss_anteil", year=2023, comparison=("land",)),
            IndicatorSlide("sgb2_quote_u15", chart="map", level="gemeinden", region="03453004"),
            IndicatorSlide("beschaeftigungsquote_frauen", chart="ranking", peer_group="alle_land"),
            TextSlide("Fragen an den Beirat", "Wo fehlen Plätze?\n\nWer übernimmt die Nachsteuerung?"),
            SourcesSlide(),
        ),
    )


def test_the_shipped_deck_asks_the_beirat_questions_in_order():
    deck = default_deck()
    assert deck.name == "Beirat Standard"
    assert [s.kind for s in deck.slides] == ["title"] + ["indicator"] * 9 + ["zielstand", "sources"]
    charts = [(s.indicator, s.chart) for s in deck.slides if isinstance(s, IndicatorSlide)]
    assert charts == [
        ("ohne_abschluss_anteil", "timeseries"),
        ("ohne_abschluss_anteil", "ranking"),
        ("ausbildungsplaetze_je_100", "timeseries"),
        ("jugendarbeitslosenquote", "timeseries"),
        ("beschaeftigungsquote_frauen", "ranking"),
        ("betreuungsquote_u3", "timeseries"),
        ("sgb2_quote_u15", "map"),
        ("arbeitslose_je_stelle", "timeseries"),
        ("mint_anteil_beschaeftigte", "timeseries"),
    ]
    assert deck.slides[-5].level == "gemeinden"
    assert deck.slides[-4].category == "342 Klempnerei,Sanitär,Heizung,Klimatechnik"
    # No region in the file: every slide shows the home Kreis of config/region.toml.
    assert all(s.region_code == "03453" and s.year is None for s in deck.slides if isinstance(s, IndicatorSlide))


def test_the_shipped_deck_file_is_named_after_its_deck():
    assert DEFAULT_DECK.stem == default_deck().slug


def test_a_deck_survives_saving_and_loading_unchanged(tmp_path):
    deck = _deck()
    path = save_deck(deck, tmp_path)
    assert path == tmp_path / "beirat_maerz_2026.toml"
    assert load_deck(path) == deck


def test_a_deck_is_hashable_so_it_can_key_a_cache():
    assert hash(_deck()) == hash(parse_deck(to_toml(_deck())))


def test_saving_again_with_replace_replaces_the_file_and_leaves_no_temporary_file(tmp_path):
    save_deck(_deck(), tmp_path)
    shorter = Deck("Beirat März 2026", (TitleSlide("Kurz"), SourcesSlide()))
    save_deck(shorter, tmp_path, replace=True)
    assert load_deck(tmp_path / "beirat_maerz_2026.toml") == shorter
    assert sorted(os.listdir(tmp_path)) == ["beirat_maerz_2026.toml"]


def test_a_failed_write_keeps_the_previous_version(tmp_path, monkeypatch):
    save_deck(_deck(), tmp_path)

    def broken_replace(src, dst):
        raise OSError("Datenträger voll")

    monkeypatch.setattr("files.atomic.os.replace", broken_replace)
    with pytest.raises(OSError):
        save_deck(Deck("Beirat März 2026", (TitleSlide("Neu"),)), tmp_path, replace=True)
    assert load_deck(tmp_path / "beirat_maerz_2026.toml") == _deck()
    assert sorted(os.listdir(tmp_path)) == ["beirat_maerz_2026.toml"]


def test_a_name_that_maps_to_an_existing_file_is_not_saved_without_replace(tmp_path):
    save_deck(_deck(), tmp_path)
    other = Deck("beirat-maerz 2026", (TitleSlide("Andere Sitzung"),))  # slug: beirat_maerz_2026, as above
    with pytest.raises(DeckExists, match="Unter beirat_maerz_2026.toml ist schon die Präsentation „Beirat März 2026“"):
        save_deck(other, tmp_path)
    assert load_deck(tmp_path / "beirat_maerz_2026.toml") == _deck()
    save_deck(other, tmp_path, replace=True)
    assert load_deck(tmp_path / "beirat_maerz_2026.toml") == other


def test_a_name_becomes_a_plain_file_name():
    assert slug("Beirat März 2026") == "beirat_maerz_2026"
    assert slug("Sitzung 03/2026: Übergänge") == "sitzung_03_2026_uebergaenge"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Bitte einen Namen"),
        ("   ", "Bitte einen Namen"),
        ("x" * 81, "zu lang (81 Zeichen, höchstens 80)"),
        ("Beirat <März>", "unerlaubte Zeichen: '<' '>'"),
        ("Zeile eins\nZeile zwei", "unerlaubte Zeichen: '\\\\n'"),
        ("C:\\Decks", "unerlaubte Zeichen: '\\\\\\\\'"),
        ("...", "mindestens einen Buchstaben"),
    ],
)
def test_a_bad_deck_name_is_refused_in_german(name, message):
    with pytest.raises(DeckError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Deck(name, (TitleSlide("Titel"),))


def test_a_name_that_looks_like_a_path_is_saved_inside_the_deck_folder(tmp_path):
    path = save_deck(Deck("../../etc", (TitleSlide("Titel"),)), tmp_path)
    assert path == tmp_path / "etc.toml"


def test_the_shipped_deck_name_cannot_be_taken_or_deleted(tmp_path):
    with pytest.raises(DeckError, match="gehört zur mitgelieferten Präsentation"):
        save_deck(Deck("Beirat Standard", (TitleSlide("Eigene"),)), tmp_path)
    with pytest.raises(DeckError, match="kann nicht gelöscht werden"):
        delete_deck("Beirat Standard", tmp_path)


def test_a_saved_deck_can_be_deleted(tmp_path):
    save_deck(_deck(), tmp_path)
    delete_deck("Beirat März 2026", tmp_path)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(DeckError, match="gibt es nicht"):
        delete_deck("Beirat März 2026", tmp_path)


def test_an_unknown_indicator_key_is_refused_with_its_slide_number():
    text = 'name = "Test"\n[[slides]]\nkind = "title"\ntitle = "T"\n[[slides]]\nkind = "indicator"\nindicator = "abi"\n'
    with pytest.raises(DeckError, match="Folie 2: Unbekannter Indikator „abi“. Bekannt sind: .*ohne_abschluss_anteil"):
        parse_deck(text)


@pytest.mark.parametrize(
    ("slide", "message"),
    [
        ('kind = "diagramm"', "Folie 1: Unbekannte Folienart „diagramm“"),
        ('kind = "indicator"', "Folie 1: Es fehlt die Angabe indicator"),
        ('kind = "indicator"\nindicator = "ohne_abschluss_anteil"\nchart = "pie"', "Unbekannte Diagrammart „pie“"),
        (
            'kind = "indicator"\nindicator = "ohne_abschluss_anteil"\nregion = "05313"',
            "Region „05313“ ist nicht wählbar",
        ),
        ('kind = "indicator"\nindicator = "ohne_abschluss_anteil"\nyear = "2024"', "Jahr „2024“ ist ungültig"),
        ('kind = "indicator"\nindicator = "ohne_abschluss_anteil"\ncolour = "rot"', "Unbekannte Angabe colour"),
        ('kind = "indicator"\nindicator = "ohne_abschluss_anteil"\npeer_group = "bayern"', "Vergleichsgruppe „bayern“"),
        ('kind = "indicator"\nindicator = "ohne_abschluss_anteil"\ncomparison = ["land", "land"]', "jeder einmal"),
        (
            'kind = "indicator"\nindicator = "ohne_abschluss_anteil"\nchart = "map"\nlevel = "gemeinden"',
            "gibt es nicht je Gemeinde",
        ),
        ('kind = "text"\nheading = "Frage"\ntext = "' + "x" * 501 + '"', "„text“ ist zu lang"),
    ],
)
def test_a_bad_slide_is_refused_in_german(slide, message):
    with pytest.raises(DeckError, match=message):
        parse_deck(f'name = "Test"\n[[slides]]\n{slide}\n')


def test_broken_toml_names_the_file_in_the_message(tmp_path):
    path = tmp_path / "kaputt.toml"
    path.write_text('name = "Test"\n[[slides]\n', encoding="utf-8")
    with pytest.raises(DeckError, match="kaputt.toml.*keine gültige TOML-Datei"):
        load_deck(path)


def test_a_deck_without_slides_is_refused():
    with pytest.raises(DeckError, match="keine Folien"):
        parse_deck('name = "Leer"\n')


def test_the_list_offers_the_shipped_deck_first_and_skips_unreadable_files(tmp_path):
    save_deck(_deck("Zweite Sitzung"), tmp_path)
    save_deck(_deck("Erste Sitzung"), tmp_path)
    (tmp_path / "kaputt.toml").write_text("name = ", encoding="utf-8")
    entries = list_decks(tmp_path)
    assert [(e.name, e.shipped) for e in entries] == [
        ("Beirat Standard", True),
        ("Erste Sitzung", False),
        ("Zweite Sitzung", False),
    ]


def test_a_link_finds_a_deck_by_its_file_stem_with_the_shipped_deck_first(tmp_path):
    save_deck(_deck(), tmp_path)
    (tmp_path / "beirat_standard.toml").write_text(to_toml(_deck("Untergeschoben")), encoding="utf-8")
    assert deck_path("beirat_maerz_2026", tmp_path) == tmp_path / "beirat_maerz_2026.toml"
    assert deck_path("beirat_standard", tmp_path) == DEFAULT_DECK


@pytest.mark.parametrize("stem", ["", "gibt_es_nicht", "../config/decks/beirat_standard", "Beirat_Standard"])
def test_a_link_to_no_deck_or_to_a_path_finds_nothing(tmp_path, stem):
    assert deck_path(stem, tmp_path) is None


def test_the_beirat_questions_are_the_question_slides_of_the_shipped_deck():
    # config/decks/beirat_standard.toml: six indicator slides carry topic and question; the Überblick
    # draws exactly these tiles, in this order (app_pages/ueberblick.py).
    questions = beirat_questions()
    assert [q.indicator for q in questions] == [
        "ohne_abschluss_anteil",
        "ausbildungsplaetze_je_100",
        "jugendarbeitslosenquote",
        "beschaeftigungsquote_frauen",
        "betreuungsquote_u3",
        "sgb2_quote_u15",
    ]
    assert questions[0].topic == "Schulabschlüsse"
    assert questions[0].question == "Wie viele verlassen die Schule ohne Abschluss?"


def test_a_question_needs_its_topic():
    with pytest.raises(DeckError, match="„topic“ und „question“ gehören zusammen"):
        IndicatorSlide("ohne_abschluss_anteil", question="Wie viele?")
