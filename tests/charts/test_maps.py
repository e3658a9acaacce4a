"""Boundaries from the bundled BKG files and the choropleth built on them."""

from __future__ import annotations

import json
import re

import pytest
import shapely

from charts.export import to_svg
from charts.maps import ATTRIBUTION, choropleth, load_boundaries
from charts.style import HIGHLIGHT, NO_DATA
from tests.charts.specs import mark_type, rows_of, units

NAN = float("nan")


def _features(spec):
    """The features the geoshape layers draw (Altair moves inline values into `datasets`)."""
    return next(rows_of(spec, d) for u, d in units(spec) if mark_type(u) == "geoshape")


@pytest.mark.parametrize(("level", "count", "prefix"), [("kreise", 45, "03"), ("gemeinden", 13, "03453")])
def test_boundaries_hold_every_area_of_the_level(level, count, prefix):
    gdf = load_boundaries(level)
    assert len(gdf) == count
    assert list(gdf.columns) == ["region_code", "region_name", "geometry"]
    assert gdf["region_code"].str.startswith(prefix).all()
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()


def test_cloppenburg_keeps_its_leading_zero_and_name():
    kreise = load_boundaries("kreise")
    assert kreise.loc[kreise["region_code"] == "03453", "region_name"].item() == "Cloppenburg"
    assert "Löningen" in set(load_boundaries("gemeinden")["region_name"])


def test_outer_rings_run_clockwise_as_d3_geo_needs():
    for polygon in shapely.get_parts(load_boundaries("kreise").geometry.values):
        assert not polygon.exterior.is_ccw


def test_each_call_gets_its_own_copy():
    load_boundaries("gemeinden")["region_name"] = "überschrieben"
    assert "Cloppenburg" in set(load_boundaries("gemeinden")["region_name"])


@pytest.fixture
def gemeinden():
    """Test data: invented shares for the 13 Gemeinden; Lindern suppressed, Saterland secret."""
    gdf = load_boundaries("gemeinden")
    gdf["value"] = [6.0 + i * 0.5 for i in range(len(gdf))]
    gdf["status"] = "ok"
    gdf.loc[gdf["region_code"] == "03453010", ["value", "status"]] = [NAN, "suppressed"]
    gdf.loc[gdf["region_code"] == "03453013", ["value", "status"]] = [NAN, "secret"]
    gdf["year"] = 2023
    return gdf


@pytest.mark.parametrize(("level", "count"), [("gemeinden", 13), ("kreise", 45)])
def test_the_map_data_holds_real_geojson_features(level, count, ohne_hsa):
    gdf = load_boundaries(level).assign(value=7.0, status="ok")
    features = _features(choropleth(gdf, ohne_hsa).to_dict())
    assert len(features) == count
    assert {f["type"] for f in features} == {"Feature"}
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}
    assert all(f["geometry"]["coordinates"] for f in features)


def test_areas_without_a_value_are_light_grey_and_named(gemeinden, ohne_hsa):
    spec = choropleth(gemeinden, ohne_hsa).to_dict()
    by_code = {f["region_code"]: f for f in _features(spec)}
    assert by_code["03453010"]["value"] is None  # null, never 0
    assert by_code["03453010"]["value_text"] == "aus Datenschutzgründen unterdrückt (< 3 Fälle)"
    assert by_code["03453013"]["no_value"] == "geheim"
    empty = next(u for u, _ in units(spec) if u["encoding"].get("color", {}).get("field") == "no_value")
    assert empty["encoding"]["color"]["scale"] == {
        "domain": ["geheim", "unterdrückt"],
        "range": [NO_DATA, NO_DATA],
    }
    assert empty["transform"] == [{"filter": "!isValid(datum.value)"}]


def test_the_colour_scale_turns_round_when_lower_is_better(gemeinden, ohne_hsa):
    spec = choropleth(gemeinden, ohne_hsa).to_dict()
    filled = next(u for u, _ in units(spec) if u["encoding"].get("color", {}).get("field") == "value")
    assert filled["encoding"]["color"]["scale"]["reverse"] is True
    assert filled["encoding"]["color"]["legend"]["title"] == "% (dunkler = besser)"


def test_only_the_highlighted_area_gets_the_highlight_outline(gemeinden, ohne_hsa):
    spec = choropleth(gemeinden, ohne_hsa, highlight_code="03453004").to_dict()
    rings = [u for u, _ in units(spec) if mark_type(u) == "geoshape" and u["mark"].get("stroke") == HIGHLIGHT]
    assert len(rings) == 1
    assert rings[0]["transform"] == [{"filter": "(datum.region_code === '03453004')"}]


def test_the_map_carries_title_year_source_and_bkg_attribution(gemeinden, ohne_hsa):
    spec = choropleth(gemeinden, ohne_hsa).to_dict()
    assert spec["title"]["text"] == "Abgänge ohne Hauptschulabschluss, 2023"
    assert spec["title"]["subtitle"] == [ohne_hsa.source, ATTRIBUTION]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    json.dumps(spec, allow_nan=False)


def test_the_legend_prints_its_values_rounded_in_german(ohne_hsa):
    # Test data: one Gemeinde with 8 of 64 leavers = 12.5 %, the others without a value. Vega's own
    # format printed the single legend value as "12,500000".
    gdf = load_boundaries("gemeinden").assign(value=NAN, status="missing")
    gdf.loc[gdf["region_code"] == "03453004", ["value", "status"]] = [12.5, "computed"]
    svg = to_svg(choropleth(gdf.assign(year=2024), ohne_hsa))
    assert ">12,5<" in svg
    assert "12,500000" not in svg


def test_a_legend_of_small_shares_keeps_the_decimals_that_tell_them_apart(ohne_hsa):
    # Test data: shares between 0.02 % and 0.09 %; with one decimal every label would read "0,0" or "0,1".
    gdf = load_boundaries("gemeinden").assign(status="computed", year=2024)
    gdf["value"] = [0.02 + i * 0.005 for i in range(len(gdf))]  # 0.02 … 0.08
    labels = re.findall(r">(\d+,\d+)<", to_svg(choropleth(gdf, ohne_hsa)))
    assert labels and all(len(label.split(",")[1]) == 2 for label in labels)
    assert len(set(labels)) == len(labels)


def test_a_map_without_any_value_has_no_colour_legend_and_no_nan(ohne_hsa):
    # The office's own data have no Kreis values: every Kreis is "keine Daten". A colour scale over no
    # values drew the legend label "NaN".
    gdf = load_boundaries("kreise").assign(value=NAN, status="missing", year=2024)
    spec = choropleth(gdf, ohne_hsa).to_dict()
    assert not [u for u, _ in units(spec) if u["encoding"].get("color", {}).get("field") == "value"]
    svg = to_svg(choropleth(gdf, ohne_hsa))
    assert "NaN" not in svg
    assert ">keine Daten<" in svg
