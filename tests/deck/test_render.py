"""Slide contents of the shipped deck on the real store: what the page shows and the exports write."""

from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest

from deck.model import Deck, IndicatorSlide, SourcesSlide, TextSlide, TitleSlide, ZielstandSlide, default_deck
from deck.render import SlideContent, render_slide
from ziele import ablage
from ziele.model import Ziel


@pytest.fixture(scope="module")
def slides(deck_data) -> list[SlideContent]:
    deck = default_deck()
    return [render_slide(deck, i, deck_data) for i in range(len(deck.slides))]


def _marks(spec: dict) -> list[str]:
    """Every mark type in a (layered) spec, e.g. ["line", "circle"]."""
    found = []
    for layer in spec.get("layer", []):
        found += _marks(layer)
    if "mark" in spec:
        mark = spec["mark"]
        found.append(mark["type"] if isinstance(mark, dict) else mark)
    return found


def _rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_every_slide_has_a_heading_and_a_counter(slides):
    assert [s.counter for s in slides] == [f"{i} / 12" for i in range(1, 13)]
    assert all(s.heading for s in slides)
    assert slides[0].heading == "Bildung im Landkreis Cloppenburg"
    assert slides[-1].heading == "Quellen"


def test_each_indicator_slide_has_a_statement_a_year_a_source_with_stand_and_a_chart(slides):
    for s in slides[1:-2]:
        assert s.kind == "indicator"
        assert s.statement.endswith(".") and str(s.year) in s.statement
        assert s.source_line.startswith("Quelle: ") and "Stand" in s.source_line
        assert s.chart is not None and _rows(s.chart), s.heading
        assert "title" not in s.chart  # the slide prints heading and source itself


def test_the_first_indicator_slide_says_2024_and_11_2_percent(slides):
    s = slides[1]
    assert s.year == 2024
    assert "Landkreis Cloppenburg 2024: 11,2 %" in s.statement
    assert s.details == ("228 von 2.031", "zuvor 2023: 8,3 %")
    assert "line" in _marks(s.chart)
    assert "Summe der 45 Kreise" in s.notes  # the note on the Land value travels with the slide


def test_the_ranking_slide_shows_both_ends_the_region_and_its_neighbours_with_their_ranks(slides):
    s = slides[2]
    labels = {row["region_name"] for row in _rows(s.chart) if "region_name" in row and "value_text" in row}
    assert "39. Landkreis Cloppenburg" in labels
    assert {"1. Landkreis Harburg", "45. Stadt Emden", "10. Landkreis Vechta"} <= labels
    # Ranks follow the shown value: Aurich (11.48 %) and Delmenhorst (11.53 %) both read "11,5 %" and share
    # rank 40, so the lower end is ranks 42–45: 5 + 4 + six Nachbarkreise + Cloppenburg = 16.
    assert len(labels) == 16
    assert "Rang 39 von 45 Kreisen (1 = niedrigster Wert)" in s.details


def test_the_map_slide_maps_the_13_gemeinden_and_names_lowest_and_highest(slides):
    s = slides[7]
    assert s.year == 2022
    features = s.chart["datasets"][s.chart["layer"][0]["data"]["name"]]
    assert len(features) == 13 and all(f["geometry"]["coordinates"] for f in features)
    assert s.details[0].startswith("Gemeinden: zwischen 3,6 je 100 in Cappeln (Oldenburg)")
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in s.source_line


def test_the_sources_slide_lists_each_indicator_with_its_stand_and_the_licences(slides):
    s = slides[-1]
    assert len(s.body) == 8  # eight distinct indicators in the deck
    assert s.body[0].startswith("Abgänge ohne Hauptschulabschluss: Statistische Ämter")
    assert "28.03.2026" in s.body[0]  # Stand of the 2024 file 21111-02-06-4-B
    assert s.licences[:3] == (
        "Datenlizenz Deutschland – Namensnennung – 2.0 (dl-de/by-2-0), www.govdata.de/dl-de/by-2-0",
        "© GeoBasis-DE / BKG 2021 (Daten verändert)",
        "Quelle: Statistik der Bundesagentur für Arbeit",
    )


def test_a_deck_without_map_or_ba_data_names_neither_licence(deck_data):
    deck = Deck("Nur Abschlüsse", (IndicatorSlide("ohne_abschluss_anteil"), SourcesSlide()))
    licences = render_slide(deck, 1, deck_data).licences
    assert not any("BKG" in line or "Bundesagentur" in line for line in licences)


def test_title_and_text_slides_carry_their_text(deck_data):
    deck = Deck("Kurz", (TitleSlide("Titel", "Untertitel"), TextSlide("Frage", "Erstens.\n\nZweitens.")))
    title, text = (render_slide(deck, i, deck_data) for i in range(2))
    assert (title.heading, title.subheading) == ("Titel", "Untertitel")
    assert text.body == ("Erstens.", "Zweitens.")


def test_a_gemeinde_region_is_shown_by_its_landkreis_when_the_indicator_exists_only_per_kreis(deck_data):
    deck = Deck("Gemeinde", (IndicatorSlide("ohne_abschluss_anteil", region="03453001"),))
    s = render_slide(deck, 0, deck_data)
    assert "Landkreis Cloppenburg 2024: 11,2 %" in s.statement


def test_slide_content_can_be_cached_as_it_is(slides):
    assert pickle.loads(pickle.dumps(slides)) == slides
    json.dumps(slides[1].chart)  # a plain Vega-Lite spec


def test_the_skill_gap_and_mint_slides_state_their_values_without_a_missing_deutschland(slides):
    gap, mint = slides[8], slides[9]
    # 342 Klempnerei/SHK, Cloppenburg 2025: 18.33 unemployed / 30.17 vacancies = 0.608 → "0,6 je Stelle"
    assert "(342 Klempnerei,Sanitär,Heizung,Klimatechnik), Landkreis Cloppenburg 2025: 0,6 je Stelle" in gap.statement
    assert "Deutschland" not in gap.statement and gap.chart is not None
    # MINT 2025: 14,778 of 80,327 employees = 18.4 %
    assert "Anteil der Beschäftigten in MINT-Berufen, Landkreis Cloppenburg 2025: 18,4 %" in mint.statement
    assert "Deutschland" not in mint.statement and mint.chart is not None


def test_a_larger_scale_enlarges_the_chart_fonts(deck_data):
    deck = default_deck()
    small, large = (render_slide(deck, 1, deck_data, scale=k).chart for k in (1.0, 2.0))
    assert large["config"]["axis"]["labelFontSize"] == 2 * small["config"]["axis"]["labelFontSize"]


def test_a_distribution_without_a_chosen_category_shows_its_first_category(deck_data):
    # The first Abschlussart is "ohne Abschluss": 228 of 2,031 leavers in 2024, as in the headline indicator.
    deck = Deck("Verteilung", (IndicatorSlide("abschlussarten_verteilung"),))
    s = render_slide(deck, 0, deck_data)
    assert "(ohne Hauptschulabschluss / Ersten Schulabschluss), Landkreis Cloppenburg 2024: 11,2 %" in s.statement
    assert s.chart is not None


def test_an_indicator_without_data_says_so_and_draws_no_empty_chart(deck_data):
    # The Bildungsbüro's own school data exist only after its first import; the bundled store has none.
    deck = Deck("Eigene Daten", (IndicatorSlide("absentismus_je_1000"),))
    s = render_slide(deck, 0, deck_data)
    assert s.statement.endswith("Landkreis Cloppenburg: keine Daten.")
    assert s.chart is None


def test_the_zielstand_slide_lists_each_goal_with_symbol_word_and_distance(deck_data, goals_dir):
    ablage.save(
        [
            Ziel(
                "Frühe Bildung", "Früh fördern", "U3 ausbauen", "betreuungsquote_u3", "03453", 40.0, 2028, beispiel=True
            ),
            Ziel("Übergang Schule – Beruf", "Ausbildung", "Berufsorientierung verankern"),
        ],
        "",
        "Test",
    )
    deck = default_deck()
    index = [s.kind for s in deck.slides].index("zielstand")
    s = render_slide(deck, index, deck_data)
    assert (s.kind, s.heading, s.subheading) == (
        "zielstand",
        "Zielstand: wie weit sind die Ziele des Beirats?",
        "Alle Handlungsfelder",
    )
    # U3 care 2015–2020: 18.64 → 28.39, +1.95 a year; 2028: 43.99 ≥ 40 -> sonne; 40 − 28.39 = 11.6 Pp.
    assert s.table == (
        (
            "☀ Ziel in Reichweite",
            "U3 ausbauen: Betreuungsquote unter 3-Jährige, Landkreis Cloppenburg (Beispiel – nicht beschlossen)",
            "28,4 % (2020); noch 11,6 Pp. bis 40,0 % im Jahr 2028; bei gleichem Tempo 44,0 %",
        ),
        ("qualitativ", "Berufsorientierung verankern", "ohne Zielwert, keine Bewertung"),
    )
    assert s.details == ("Enthält Beispiele (Beispiel – nicht beschlossen), keine Beschlüsse des Beirats",)
    only = render_slide(Deck("Nur Übergang", (ZielstandSlide("Übergang Schule – Beruf"),)), 0, deck_data)
    assert [row[0] for row in only.table] == ["qualitativ"]
    assert only.subheading == "Handlungsfeld: Übergang Schule – Beruf"


def test_the_zielstand_slide_names_the_years_of_a_data_break_next_to_the_symbol(deck_data, goals_dir):
    leavers = Ziel("Schulabschlüsse", "Alle mit Abschluss", "Senken", "ohne_abschluss_anteil", "03453", 6.0, 2030)
    ablage.save([leavers], "", "Test")
    s = render_slide(Deck("Ziele", (ZielstandSlide(),)), 0, deck_data)
    # the window 2019–2024 holds the declared breaks of 2020, 2023 and 2024 (indicators/catalogue.py); rising
    # 9.75 -> 11.2 while lower is better -> falsche Richtung
    assert s.table[0][0] == "⚡ falsche Richtung · Datenbruch 2020, 2023, 2024"


def test_the_zielstand_slide_counts_the_arbeitspakete_by_status_and_lists_none_as_a_goal(deck_data, goals_dir):
    middle = ("Übergang Schule – Beruf", "Ausbildung", "Berufsorientierung verankern")
    ablage.save(
        [
            Ziel(*middle),
            Ziel(*middle, arbeitspaket="Praktikumsbörse", status="erledigt"),
            Ziel(*middle, arbeitspaket="Elternabende", status="laufend"),
            Ziel(*middle, arbeitspaket="Betriebsbesuche", status="laufend"),
            Ziel(*middle, arbeitspaket="Bewerbungstraining", status="offen"),
        ],
        "",
        "Test",
    )
    s = render_slide(Deck("Ziele", (ZielstandSlide(),)), 0, deck_data)
    assert [row[0] for row in s.table] == ["qualitativ"]
    # 1 erledigt, 2 laufend, 1 offen, counted in the order work goes backwards (done first)
    assert s.details == ("Arbeitspakete: 1 erledigt, 2 laufend, 1 offen",)


def test_the_zielstand_slide_without_goals_says_how_to_add_them(deck_data):
    s = render_slide(Deck("Leer", (ZielstandSlide(),)), 0, deck_data)
    assert s.table == ()
    assert s.body == ("Noch keine Ziele erfasst: auf der Seite Ziele anlegen oder das Beispiel laden.",)


def test_an_old_value_carries_a_stand_badge_and_a_recent_one_does_not(slides):
    # Beschäftigungsquote Frauen: newest value 2015 (population tables stop there), the store reaches 2025:
    # 2015 < 2025 − 3 → "Stand 2015" as the first detail line. Leavers 2024 are current: no badge.
    women = next(s for s in slides if s.indicator == "beschaeftigungsquote_frauen")
    assert women.year == 2015 and women.details[0] == "Stand 2015"
    assert not any(d.startswith("Stand ") for d in slides[1].details)


def test_the_previous_value_line_says_how_many_years_lie_between(slides):
    # Jugendarbeitslosenquote 2025: the previous published year is 2020 → "zuvor 2020 (5 Jahre früher): 3,9 %"
    youth = next(s for s in slides if s.indicator == "jugendarbeitslosenquote" and s.year == 2025)
    assert "zuvor 2020 (5 Jahre früher): 3,9 %" in youth.details


class _OwnData:
    """DeckData over the real store with a SYNTHETIC own-data result (invented school counts, not real)."""

    def __init__(self, real) -> None:
        self.real = real

    def result(self, key):
        if key != "ohne_abschluss_schule":
            return self.real.result(key)
        return pd.DataFrame(
            [
                {
                    "key": key,
                    "region_code": "03453004",
                    "region_name": "Cloppenburg, Stadt",
                    "level": "gemeinde",
                    "year": 2024,
                    "category": "",
                    "value": 10.0,
                    "numerator": 5.0,
                    "denominator": 50.0,
                    "status": "computed",
                    "note": "",
                }
            ]
        )

    def imports(self):
        return self.real.imports()

    def goals(self):
        return ()

    def newest_year(self):
        return self.real.newest_year()


def test_an_own_data_slide_does_not_claim_niedersachsen_has_no_data(deck_data):
    # Synthetic: 5 of 50 leavers of one Gemeinde in 2024 = 10 %; own data have no Land or Bund value at all.
    deck = Deck("Eigene Daten", (IndicatorSlide("ohne_abschluss_schule", region="03453004"),))
    s = render_slide(deck, 0, _OwnData(deck_data))
    assert s.statement.endswith("2024: 10,0 %.")
    assert "Niedersachsen" not in s.statement and "Deutschland" not in s.statement


class _OwnSchool(_OwnData):
    """The same store with one SYNTHETIC school (invented counts) in Cloppenburg's Gemeinde 03453004."""

    def result(self, key):
        frame = super().result(key)
        if key == "ohne_abschluss_schule":
            frame = frame.assign(category="Testschule A (synthetisch)")
        return frame


def test_a_school_slide_draws_the_schools_line_named_after_the_school_for_the_landkreis(deck_data):
    # Synthetic: 5 of 50 leavers of the school in 2024 = 10 %. The slide names the Landkreis (the
    # default region), the school lies in the Gemeinde 03453004: its line is drawn there, as the school.
    deck = Deck("Eigene Daten", (IndicatorSlide("ohne_abschluss_schule", category="Testschule A (synthetisch)"),))
    s = render_slide(deck, 0, _OwnSchool(deck_data))
    assert s.chart is not None
    assert {row["legend"] for row in _rows(s.chart) if "legend" in row} == {"Testschule A (synthetisch)"}
