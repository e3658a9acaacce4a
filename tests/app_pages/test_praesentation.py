"""Präsentationsmodus: a link opens a slide, the buttons page through the deck and the URL follows.

Hand-worked values (Regionalstatistik 21111-02-06-4-B, as bundled in data/raw): Cloppenburg 2024
228 of 2,031 leavers without qualification = 11.23 % -> "11,2 %"; Niedersachsen 6,883 of 79,489
(sum of the 45 Kreise) = 8.66 % -> "8,7 %". The shipped deck has nine slides; slide 2 is this share.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from deck.model import Deck, IndicatorSlide, TitleSlide, save_deck

PRAESENTATION = "app_pages/praesentation.py"


def shown(at: AppTest) -> str:
    """All HTML the slide shows (heading, statement, source line, counter) as one text.

    The slide keeps numbers and units together with no-break spaces; read as plain spaces here.
    """
    return "\n".join(element.proto.body for element in at.get("html")).replace("\u00a0", " ")


def counter(at: AppTest) -> str:
    return next(e.proto.body for e in at.get("html") if 'class="bm-counter"' in e.proto.body)


@pytest.fixture
def user_decks(tmp_path, monkeypatch):
    """Decks saved by the analyst go to a fresh folder, not to data/decks."""
    monkeypatch.setattr("deck.model.USER_DIR", tmp_path)
    return tmp_path


def test_a_link_opens_the_named_slide_with_its_key_statement_and_counter(open_app):
    at = open_app(PRAESENTATION, deck="beirat_standard", folie="2")
    text = shown(at)
    assert "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in text
    assert "228 von 2.031" in text
    assert "Quelle: Statistische Ämter des Bundes und der Länder" in text and "Stand 28.03.2026" in text
    assert ">2 / 12<" in counter(at)
    assert len(at.get("vega_lite_chart")) == 1


def test_each_step_writes_the_slide_into_the_url(open_app):
    at = open_app(PRAESENTATION, deck="beirat_standard", folie="2")
    steps = [("weiter", "3"), ("weiter", "4"), ("zurueck", "3"), ("ende", "12"), ("anfang", "1")]
    for button, folie in steps:
        at.button(key=button).click().run()
        assert at.query_params["folie"] == folie
        assert f">{folie} / 12<" in counter(at)


def test_the_first_and_last_slide_cannot_step_beyond_the_deck(open_app):
    at = open_app(PRAESENTATION, deck="beirat_standard", folie="1")
    assert at.button(key="zurueck").disabled and at.button(key="anfang").disabled
    assert not at.button(key="weiter").disabled
    at.button(key="ende").click().run()
    assert at.button(key="weiter").disabled and at.button(key="ende").disabled
    assert "Quellen" in shown(at)


@pytest.mark.parametrize(
    ("params", "folie"),
    [
        ({"deck": "gibt_es_nicht", "folie": "2"}, "2"),
        ({"deck": "../config/vergleichsgruppen", "folie": "2"}, "2"),
        ({"deck": "beirat_standard", "folie": "99"}, "12"),
        ({"deck": "beirat_standard", "folie": "drei"}, "1"),
        ({}, "1"),
    ],
)
def test_unknown_decks_and_slides_fall_back_to_the_default_deck_within_its_slides(open_app, params, folie):
    at = open_app(PRAESENTATION, **params)
    assert at.query_params == {"deck": "beirat_standard", "folie": folie}


def test_the_presentation_has_no_sidebar_and_offers_nothing_that_changes_data(open_app):
    at = open_app(PRAESENTATION, deck="beirat_standard", folie="2")
    assert len(at.sidebar) == 0  # the router draws no region choice here
    assert [b.key for b in at.button] == ["anfang", "zurueck", "weiter", "ende"]
    for kind in ("file_uploader", "text_input", "text_area", "selectbox", "download_button"):
        assert at.get(kind) == [], kind


def test_a_saved_deck_opens_by_its_file_name(open_app, user_decks):
    save_deck(Deck("Beirat März", (TitleSlide("Sitzung im März"), IndicatorSlide("ohne_abschluss_anteil"))))
    at = open_app(PRAESENTATION, deck="beirat_maerz", folie="2")
    assert ">2 / 2<" in counter(at)
    assert "Landkreis Cloppenburg 2024: 11,2 %" in shown(at)


def test_paging_reads_every_slide_from_the_cache_without_rendering_again(open_app, monkeypatch):
    at = open_app(PRAESENTATION, deck="beirat_standard", folie="1")

    def no_rendering(*args, **kwargs):
        raise AssertionError("a step rendered a slide instead of reading the cache")

    monkeypatch.setattr("ui.slides.render_slide", no_rendering)
    for _ in range(9):
        at.button(key="weiter").click().run()
        assert not at.exception
    assert at.query_params["folie"] == "10"
