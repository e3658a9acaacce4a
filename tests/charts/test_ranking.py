"""Ranking bars and the scatter plot across Kreise."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from charts.ranking import ranking_bars, scatter, value_axis_start
from charts.style import BUND, HIGHLIGHT, LAND
from tests.charts.specs import Direction, FakeIndicator, mark_type, rows_of, scale_map, units

REFERENCES = {"Niedersachsen": 7.67, "Deutschland": 7.12}


def _bars(spec):
    return next((u, d) for u, d in units(spec) if mark_type(u) == "bar")


def test_the_best_kreis_is_on_top_and_kreise_without_value_at_the_bottom(kreise_2023, ohne_hsa):
    unit, _ = _bars(ranking_bars(kreise_2023, ohne_hsa).to_dict())
    # lower is better: 5.20 < 6.10 < 8.29 < 8.60 < 9.40, then Emden and Wittmund by name
    assert unit["encoding"]["y"]["scale"]["domain"] == [
        "Osnabrück (03459)",
        "Emsland",
        "Cloppenburg",
        "Vechta",
        "Osnabrück (03404)",
        "Emden",
        "Wittmund",
    ]


def test_higher_is_better_turns_the_order_round(kreise_2023, ohne_hsa):
    quote = FakeIndicator("Quote", "%", Direction.HIGHER_IS_BETTER, "Quelle: Test")
    unit, _ = _bars(ranking_bars(kreise_2023, quote).to_dict())
    assert unit["encoding"]["y"]["scale"]["domain"][:2] == ["Osnabrück (03404)", "Vechta"]


def test_the_highlight_colour_belongs_to_cloppenburg_only(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa, peer_codes=["03460"]).to_dict()
    unit, data = _bars(spec)
    groups = [g for g, colour in scale_map(unit["encoding"]["color"]).items() if colour == HIGHLIGHT]
    assert groups == ["Cloppenburg"]
    assert {r["region_code"] for r in rows_of(spec, data) if r["group"] == "Cloppenburg"} == {"03453"}
    assert {r["region_code"] for r in rows_of(spec, data) if r["group"] == "Vergleichskreise"} == {"03460"}


def test_secret_and_suppressed_kreise_get_words_not_a_bar_of_zero(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa).to_dict()
    _, bar_data = _bars(spec)
    assert {"03462", "03402"}.isdisjoint(r["region_code"] for r in rows_of(spec, bar_data))
    words = {}
    for unit, data in units(spec):
        if mark_type(unit) == "text" and unit["encoding"]["text"]["field"] == "status_short":
            words = {r["region_code"]: r["status_short"] for r in rows_of(spec, data)}
            # in the value column right of the 520 px plot (520 + 8), not a bar of 0
            assert "x" not in unit["encoding"] and unit["mark"]["x"] == 528
    assert words == {"03462": "geheim", "03402": "unterdrückt"}


def test_land_and_bund_are_labelled_reference_rules(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa, reference_values=REFERENCES).to_dict()
    rules = [(u, rows_of(spec, d)) for u, d in units(spec) if mark_type(u) == "rule"]
    assert [(u["mark"]["color"], rows[0]["value"]) for u, rows in rules] == [(LAND, 7.67), (BUND, 7.12)]
    labels = [
        rows_of(spec, d)[0]["text"] for u, d in units(spec) if mark_type(u) == "text" and "name" in rows_of(spec, d)[0]
    ]
    assert labels == ["Niedersachsen: 7,7 %", "Deutschland: 7,1 %"]


def test_land_and_bund_rows_in_the_frame_are_not_ranked_as_kreise(kreise_2023, ohne_hsa):
    land = {"region_code": "03", "region_name": "Niedersachsen", "value": 7.67, "status": "ok", "year": 2023}
    with_land = pd.concat([kreise_2023, pd.DataFrame([land])])
    unit, _ = _bars(ranking_bars(with_land, ohne_hsa).to_dict())
    assert "Niedersachsen" not in unit["encoding"]["y"]["scale"]["domain"]


def test_a_ranking_refuses_several_years(kreise_2023, ohne_hsa):
    with pytest.raises(ValueError, match="one year"):
        ranking_bars(pd.concat([kreise_2023, kreise_2023.assign(year=2022)]), ohne_hsa)


def test_the_ranking_title_names_the_year_and_the_spec_is_strict_json(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa, reference_values=REFERENCES).to_dict()
    assert spec["title"]["text"] == "Abgänge ohne Hauptschulabschluss, 2023"
    json.dumps(spec, allow_nan=False)


@pytest.fixture
def xy(kreise_2023) -> pd.DataFrame:
    """Test data: the y values of kreise_2023 against an invented x."""
    frame = kreise_2023.rename(columns={"value": "y"})[["region_code", "region_name", "y"]]
    return frame.assign(x=[55.0, 61.0, 48.0, 40.0, 52.0, 50.0, 47.0])


def test_the_scatter_names_and_colours_only_the_highlighted_region(xy, ohne_hsa):
    quote = FakeIndicator("Ausbildungsquote", "%", Direction.HIGHER_IS_BETTER, "Quelle: BA")
    spec = scatter(xy, quote, ohne_hsa).to_dict()
    point, data = next((u, d) for u, d in units(spec) if mark_type(u) == "circle")
    assert point["encoding"]["color"]["condition"]["value"] == HIGHLIGHT
    assert {r["region_code"] for r in rows_of(spec, data) if r["is_region"]} == {"03453"}
    label = next(u for u, _ in units(spec) if mark_type(u) == "text")
    assert label["encoding"]["text"]["field"] == "region_name"
    assert label["transform"] == [{"filter": "datum.is_region"}]


def test_the_scatter_says_how_many_kreise_it_cannot_place(xy, ohne_hsa):
    quote = FakeIndicator("Ausbildungsquote", "%", Direction.HIGHER_IS_BETTER, "Quelle: BA")
    spec = scatter(xy, quote, ohne_hsa).to_dict()
    # Wittmund and Emden have no y value
    assert spec["title"]["subtitle"][-1] == "2 Kreis(e) ohne Wert nicht dargestellt"
    point, data = next((u, d) for u, d in units(spec) if mark_type(u) == "circle")
    assert len(rows_of(spec, data)) == 5


def test_the_value_axis_starts_at_zero_unless_all_values_lie_close_together():
    assert value_axis_start([5.2, 6.1, 8.29, 9.4]) == 0  # 5.2 is not above three quarters of 9.4 (7.05)
    # Ausbildungsplätze je 100: 97 to 110, spread 13 -> step 10; 97 - 13/4 = 93.75 -> down to 90.
    assert value_axis_start([97.0, 104.8, 110.0]) == 90


def test_a_ranking_of_close_values_says_where_its_axis_starts(ohne_hsa):
    close = pd.DataFrame(
        {  # invented test values, close together as the Ausbildungsplätze je 100 are
            "region_code": ["03453", "03460", "03454"],
            "region_name": ["Cloppenburg", "Vechta", "Emsland"],
            "value": [97.0, 104.8, 110.0],
            "numerator": [None] * 3,
            "denominator": [None] * 3,
            "status": ["ok"] * 3,
        }
    )
    unit, _ = _bars(ranking_bars(close, ohne_hsa).to_dict())
    assert unit["encoding"]["x"]["scale"]["domainMin"] == 90
    assert unit["encoding"]["x"]["title"] == "% – Achse beginnt bei 90, nicht bei 0"
    assert unit["mark"]["clip"] is True


def test_value_labels_stand_right_of_the_plot_where_no_reference_rule_runs(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa, reference_values=REFERENCES, scale=1.5).to_dict()
    assert spec["width"] == 780  # 520 px × 1.5
    values = [u for u, _ in units(spec) if mark_type(u) == "text" and u["encoding"]["text"]["field"] == "value_text"]
    assert len(values) == 1
    # a pixel column 12 px (8 × 1.5) right of the plot, not at the bar ends that a rule may cross
    assert values[0]["mark"]["x"] == 792 and "x" not in values[0]["encoding"]
    rules = [u for u, d in units(spec) if mark_type(u) == "rule"]
    # the rules are drawn at Niedersachsen 7.67 and Deutschland 7.12 inside the plot (x is a data value)
    assert [rows_of(spec, d)[0]["value"] for u, d in units(spec) if mark_type(u) == "rule"] == [7.67, 7.12]
    assert all(r["encoding"]["x"]["field"] == "value" for r in rules)


def test_the_ranking_describes_itself_in_german(kreise_2023, ohne_hsa):
    spec = ranking_bars(kreise_2023, ohne_hsa, reference_values=REFERENCES).to_dict()
    # lower is better: Osnabrück (03459) 5.20 on top, Osnabrück (03404) 9.40 at the bottom; Cloppenburg 8.29.
    assert spec["description"] == (
        "Balkendiagramm: Abgänge ohne Hauptschulabschluss (%), 5 Kreise mit Wert, bester oben. "
        "Cloppenburg: 8,3 %. Oben Osnabrück: 5,2 %; unten Osnabrück: 9,4 %. "
        "Referenzlinien: Niedersachsen: 7,7 %; Deutschland: 7,1 %."
    )
