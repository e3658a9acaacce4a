"""Report definitions: chapters in the Leitfaden's order, validation in German, lossless TOML."""

from __future__ import annotations

import pytest

from bericht.model import KAPITEL, Bericht, BerichtFehler, KapitelWahl, chapter_indicators, parse, standard, to_toml
from indicators.catalogue import CATALOGUE
from tests.bericht.conftest import SMALL


def test_the_chapters_follow_the_anwendungsleitfaden():
    assert [k.title for k in KAPITEL] == [
        "Rahmenbedingungen",
        "Frühkindliche Bildung",
        "Allgemeinbildende Schulen",
        "Berufliche Bildung",
        "Übergang und Arbeitsmarkt",
    ]


def test_every_indicator_with_kreis_values_lands_in_exactly_one_chapter():
    placed = [key for k in KAPITEL for key in chapter_indicators(k)]
    with_kreis = [key for key, ind in CATALOGUE.items() if "kreis" in ind.levels]
    assert sorted(placed) == sorted(with_kreis)
    assert "ohne_abschluss_anteil" in chapter_indicators(KAPITEL[2])  # Allgemeinbildende Schulen
    assert "betreuungsquote_u3" in chapter_indicators(KAPITEL[1])  # Frühkindliche Bildung


def test_a_definition_survives_toml_with_its_texts():
    tricky = Bericht(
        "Bericht 2026",
        'Titel mit "Anführungszeichen" und # Raute',
        SMALL.chapters,
        "Zeile 1\n\nZeile 2 mit \\ Backslash",
        2015,
        2024,
    )
    assert parse(to_toml(tricky)) == tricky
    assert parse(to_toml(standard())) == standard()


def test_an_indicator_in_the_wrong_chapter_is_refused_in_german():
    with pytest.raises(BerichtFehler, match="gehört nicht in dieses Kapitel"):
        KapitelWahl("fruehkindliche_bildung", ("ohne_abschluss_anteil",))


def test_chapters_out_of_order_are_refused():
    chapters = tuple(reversed(SMALL.chapters))
    with pytest.raises(BerichtFehler, match="Reihenfolge des Anwendungsleitfadens"):
        Bericht("x", "Titel", chapters)


def test_a_first_year_after_the_last_is_refused():
    with pytest.raises(BerichtFehler, match="erste Jahr 2024 liegt nach dem letzten Jahr 2020"):
        Bericht("x", "Titel", SMALL.chapters, first_year=2024, last_year=2020)
