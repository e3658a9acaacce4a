"""Überblick: the tiles show the latest official value with its year, trend and references."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from tests.app_pages.elements import charts, texts


def _metric(at, title: str):
    return next(m for m in at.metric if title in m.label)


def test_cloppenburg_tile_shows_the_2024_share_without_qualification_and_niedersachsen(open_app):
    at = open_app()
    tile = _metric(at, "Abgänge ohne Hauptschulabschluss")
    # 228 of 2,031 leavers in 2024 = 11.23 %; in 2023 163 of 1,967 = 8.29 %, so +2.94 pp.
    assert tile.label == "2024: Abgänge ohne Hauptschulabschluss"  # year first, so a narrow tile never cuts it
    assert tile.value == "11,2 %"
    assert tile.delta == "+2,9 Pp."
    shown = texts(at)
    assert "228 von 2.031" in shown
    # Niedersachsen 2024 is the sum of its 45 Kreise: 6,883 of 79,489 = 8.66 %; 11.23 − 8.66 = +2.57 pp.
    assert "Niedersachsen 2024: 8,7 % · Abstand +2,6 Pp." in shown
    # Deutschland is not published for 2024 (the 2024 table covers Kreise only): said in words, not 0.
    assert "Deutschland 2024: keine Daten" in shown


@pytest.mark.parametrize(
    ("title", "description", "colour", "arrow"),
    [
        # 11.2 % in 2024 after 8.3 % in 2023: more leavers without a certificate is worse.
        ("Abgänge ohne Hauptschulabschluss", "gegenüber 2023 (Vorjahr) schlechter", "ORANGE", "UP"),
        # Youth unemployment 4.0 % in 2025 after 3.9 % in 2020 (13211-02-05-4 of 2016–2020 fills 2017–2020;
        # 2021–2024 are in no bundled file): five years apart, and the tile says so.
        ("Jugendarbeitslosenquote", "gegenüber 2020 (5 Jahre früher) schlechter", "ORANGE", "UP"),
    ],
)
def test_the_trend_arrow_is_coloured_by_the_indicators_direction(open_app, title, description, colour, arrow):
    tile = _metric(open_app(), title)
    assert tile.proto.delta_description == description
    assert MetricProto.MetricColor.Name(tile.proto.color) == colour
    assert MetricProto.MetricDirection.Name(tile.proto.direction) == arrow


def test_every_tile_names_the_year_of_its_value(open_app):
    at = open_app()
    assert len(at.metric) == 6
    assert all(m.label[:4].isdigit() and m.label[4:6] == ": " for m in at.metric)
    # Jugendarbeitslosenquote: the BA's 2025 annual average for Cloppenburg, 4.0 %.
    assert _metric(at, "Jugendarbeitslosenquote").label.startswith("2025: ")
    assert _metric(at, "Jugendarbeitslosenquote").value == "4,0 %"


def test_each_tile_draws_a_sparkline_of_its_own_values_only(open_app):
    sparklines = charts(open_app())
    # Beschäftigungsquote Frauen has a single year (2015), so five of the six tiles draw a line.
    assert len(sparklines) == 5
    for _, rows in sparklines:
        assert {row["region_code"] for row in rows} == {"03453"}


def test_tiles_open_the_indicator_page_with_the_view_in_the_link(open_app):
    at = open_app(region="03460", vergleich="oldenburger_muensterland")
    link = next(link for link in at.get("page_link") if "ohne_abschluss_anteil" in link.proto.query_string)
    assert link.proto.page.endswith("indikator")
    assert parse_qs(link.proto.query_string) == {
        "indikator": ["ohne_abschluss_anteil"],
        "region": ["03460"],
        "vergleich": ["oldenburger_muensterland"],
    }


def test_a_gemeinde_sees_its_own_values_and_kreis_values_only_labelled_as_such(open_app):
    at = open_app(region="03453001")  # Barßel
    # SGB II rate exists per Gemeinde: Barßel 2022 8.08 per 100 (INKAR).
    assert _metric(at, "Kinder unter 15 in SGB-II").value == "8,1 je 100"
    # Leavers exist only per Kreis: the tile shows the Landkreis and says so.
    assert _metric(at, "Abgänge ohne Hauptschulabschluss").value == "11,2 %"
    assert "Nur je Kreis verfügbar – gezeigt wird Cloppenburg, Landkreis." in texts(at)


def test_a_tile_whose_value_is_old_next_to_the_store_carries_a_stand_badge(open_app):
    at = open_app()
    # Beschäftigungsquote Frauen: newest value 2015, the store reaches 2025 → "Stand 2015"; leavers 2024: none.
    badges = [m.value for m in at.markdown if "badge[" in m.value]
    assert any("Stand 2015" in b for b in badges)
    assert not any("Stand 2024" in b for b in badges)


@pytest.mark.parametrize(
    ("title", "year", "badge"),
    [
        # The store's newest year is 2025 (BA 2025, 13211-02-05-4 2025); a badge from 3 years older, < 2022.
        ("Abgänge ohne Hauptschulabschluss", 2024, None),  # 21111-02-06-4-B, 2024
        ("Ausbildungsplätze je 100 Nachfragende", 2021, "Stand 2021"),  # INKAR bildung ends 2021
        ("Jugendarbeitslosenquote", 2025, None),  # BA annual average 2025
        ("Beschäftigungsquote Frauen", 2015, "Stand 2015"),  # female population by age bundled for 2015 only
        ("Betreuungsquote unter 3-Jährige", 2020, "Stand 2020"),  # INKAR kinderbetreuung ends 2020
        ("Kinder unter 15 in SGB-II", 2022, None),  # INKAR sozialleistungen 2022
    ],
)
def test_each_tile_shows_the_newest_year_the_store_has_for_it_and_a_badge_only_when_old(open_app, title, year, badge):
    at = open_app()
    assert _metric(at, title).label.startswith(f"{year}: ")
    tile = next(column for column in at.columns if any(title in m.label for m in column.metric))
    badges = [m.value for m in tile.markdown if "badge[" in m.value]
    if badge:
        assert any(badge in b for b in badges)
    else:
        assert badges == []


def test_the_womens_tile_shows_the_2015_rate_with_its_badge_and_the_ba_share_2025_under_it(open_app):
    at = open_app()
    tile = _metric(at, "Beschäftigungsquote Frauen")
    # 13111-02-02-4 / 12411-02-03-4, 2015: 25,643 employed women of 53,358 aged 15–64 = 48.1 %.
    assert (tile.label, tile.value) == ("2015: Beschäftigungsquote Frauen", "48,1 %")
    # ba_kreise: 30.06.2025 34,915 women of 80,327 employees = 43.47 %.
    line = next(t for t in texts(at) if t.startswith("Außerdem: Frauenanteil an den SV-Beschäftigten (BA) – "))
    assert line.endswith(" 2025: 43,5 %") and "Cloppenburg" in line


def test_for_a_gemeinde_the_second_line_names_the_landkreis_whose_value_it_is(open_app):
    at = open_app(region="03453001")  # Barßel
    # The 2015 rate exists per Gemeinde: 1,842 of 3,963 = 46.5 %; the BA share per Kreis only.
    assert _metric(at, "Beschäftigungsquote Frauen").value == "46,5 %"
    line = next(t for t in texts(at) if t.startswith("Außerdem: Frauenanteil an den SV-Beschäftigten (BA) – "))
    assert "Barßel" not in line and line.endswith(" 2025: 43,5 %")
