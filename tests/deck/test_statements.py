"""Key statements on the real store: German numbers, the same year for the references, missing in words.

Hand-worked values (Regionalstatistik 21111-02-06-4 and -4-B, as bundled in data/raw):
- Cloppenburg 2024: 228 of 2,031 leavers without qualification = 11.23 %  -> "11,2 %"
- Niedersachsen 2024: 6,883 of 79,489 (sum of the 45 Kreise) = 8.66 %     -> "8,7 %"
- Deutschland 2024: not in the Kreis-only 2024 table                      -> "keine Daten"
- Cloppenburg 2023: 163 of 1,967 = 8.29 %; Niedersachsen 7.67 %; Deutschland 7.12 %
"""

from __future__ import annotations

import pandas as pd
import pytest

from deck.statements import (
    counts_line,
    key_figures,
    place_name,
    previous_line,
    range_line,
    rank_line,
    statement,
)
from indicators.catalogue import CATALOGUE
from indicators.cuts import figure

OHNE = CATALOGUE["ohne_abschluss_anteil"]


@pytest.fixture(scope="module")
def leavers(deck_data) -> pd.DataFrame:
    return deck_data.result("ohne_abschluss_anteil")


def test_the_newest_statement_on_leavers_says_2024_and_11_2_percent(leavers):
    assert statement(OHNE, leavers, "03453") == (
        "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – "
        "Niedersachsen: 8,7 %, Deutschland: keine Daten."
    )


def test_a_statement_for_a_chosen_year_compares_with_the_same_year(leavers):
    assert statement(OHNE, leavers, "03453", year=2023) == (
        "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2023: 8,3 % – "
        "Niedersachsen: 7,7 %, Deutschland: 7,1 %."
    )


def test_a_statement_names_only_the_chosen_references(leavers):
    text = statement(OHNE, leavers, "03453", year=2023, comparison=("bund",))
    assert text.endswith("2023: 8,3 % – Deutschland: 7,1 %.")
    assert "Niedersachsen" not in text


def test_a_secret_value_is_written_in_words_never_as_zero(leavers):
    # Göppingen (BW) 2024 is flagged secret in the source; the wording does not depend on the Land.
    text = statement(OHNE, leavers, "08117", year=2024)
    assert "Landkreis Göppingen 2024: geheim –" in text
    assert " 0 %" not in text and "0,0" not in text


def test_a_region_without_any_value_says_so_and_names_no_year(leavers):
    # Leavers are published per Kreis only; a Gemeinde has no row at all. Its name comes from the
    # bundled boundaries (VG5000: 03453001 Barßel), so the sentence still names it.
    assert statement(OHNE, leavers, "03453001") == "Abgänge ohne Hauptschulabschluss, Barßel (Gemeinde): keine Daten."


def test_a_rate_per_100_keeps_its_unit_in_every_figure(deck_data):
    sgb2 = CATALOGUE["sgb2_quote_u15"]
    text = statement(sgb2, deck_data.result("sgb2_quote_u15"), "03453")
    # INKAR 2022, published with two decimals: Cloppenburg 7.44, Niedersachsen 12.30, Deutschland 12.07.
    assert text == (
        "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften, Landkreis Cloppenburg 2022: 7,4 je 100 – "
        "Niedersachsen: 12,3 je 100, Deutschland: 12,1 je 100."
    )


def test_the_lines_under_the_statement_give_counts_previous_year_and_rank(leavers):
    figures = key_figures(leavers, "03453")
    assert figures.year == 2024
    assert counts_line(figures.own) == "228 von 2.031"
    assert previous_line(leavers, figures.own, "%") == "zuvor 2023: 8,3 %"
    assert rank_line(leavers, OHNE, "03453", 2024) == "Rang 39 von 45 Kreisen (1 = niedrigster Wert)"


def test_the_land_figure_keeps_its_note_that_it_is_summed_from_the_kreise(leavers):
    land = figure(leavers, "03", 2024)
    assert (land.numerator, land.denominator) == (6883, 79489)
    assert land.note.startswith("Summe der 45 Kreise")


def test_the_range_of_a_map_names_the_lowest_and_highest_area():
    areas = pd.DataFrame(
        {"region_name": ["Lastrup", "Saterland", "Bösel"], "value": [3.6, 13.0, float("nan")]}
    )  # invented values
    assert range_line(areas, "je 100", "Gemeinden") == (
        "Gemeinden: zwischen 3,6 je 100 in Lastrup und 13,0 je 100 in Saterland; 1 ohne Wert"
    )


@pytest.mark.parametrize(
    ("name", "level", "place"),
    [
        ("Cloppenburg, Landkreis", "kreis", "Landkreis Cloppenburg"),
        ("Oldenburg (Oldenburg), Kreisfreie Stadt", "kreis", "Stadt Oldenburg (Oldenburg)"),
        ("Region Hannover, Landkreis", "kreis", "Region Hannover"),
        ("Cloppenburg", "gemeinde", "Cloppenburg (Gemeinde)"),
        ("Niedersachsen", "land", "Niedersachsen"),
    ],
)
def test_a_region_reads_naturally_in_a_sentence(name, level, place):
    assert place_name(name, level) == place
