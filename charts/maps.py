"""Choropleth maps of the Kreise of the home Land and the Gemeinden of the home Kreis, on the bundled BKG outlines."""

from __future__ import annotations

from functools import cache

import altair as alt
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from charts import IndicatorLike, lower_is_better
from charts.describe import map_text
from charts.format import d3_format, fmt_value
from charts.style import HIGHLIGHT, NO_DATA, SEQUENTIAL_SCHEME, finish, font_size, title_with_year
from indicators.status import status_text
from regions.home import BOUNDARIES, GEMEINDEN_FILE, KREISE_FILE, home
from regions.levels import GEMEINDEN, KREISE

# Required by dl-de/by-2-0 on every map; "Daten verändert" because we filter, reproject and simplify.
ATTRIBUTION = "© GeoBasis-DE / BKG 2021 (Daten verändert)"

# level -> (file, simplification tolerance in degrees). The tolerance is about one pixel at the drawn
# size, so simplifying is invisible: for the Kreise it drops a quarter of the vertices (98 -> 72 kB of JSON
# per chart); the Gemeinde outlines at 1:5 000 000 are already coarser than a pixel and barely change.
_LEVELS = {KREISE: (KREISE_FILE, 0.01), GEMEINDEN: (GEMEINDEN_FILE, 0.002)}

# Maps with up to this many areas carry their names; 45 Kreise names would cover the map.
_MAX_LABELLED = 20


@cache
def _read_boundaries(level: str, keys: tuple[str, ...]) -> gpd.GeoDataFrame:
    file, tolerance = _LEVELS[level]
    gdf = gpd.read_file(BOUNDARIES / file)
    gdf = gdf[gdf["AGS"].isin(keys)]
    # Coverage simplification moves shared borders together, so neighbours keep touching.
    geometry = gdf.geometry.simplify_coverage(tolerance)
    # d3-geo (Vega) reads a counter-clockwise outer ring as "the whole globe except this area", which
    # fills the map or empties it; clockwise outer rings are the safe orientation.
    geometry = shapely.orient_polygons(geometry.values, exterior_cw=True)
    return gpd.GeoDataFrame(
        {"region_code": gdf["AGS"].to_numpy(), "region_name": gdf["GEN"].to_numpy()},
        geometry=geometry,
        crs=gdf.crs,
    )


def load_boundaries(level: str) -> gpd.GeoDataFrame:
    """Outlines with columns region_code (AGS as text), region_name (GEN) and geometry, in EPSG:4326.

    `level` is "kreise" (the Kreise of the home Land) or "gemeinden" (the Gemeinden of the home Kreis;
    none for a kreisfreie Stadt), both from regions.home. Files are read once per process and area set;
    each call gets its own copy to merge into.
    """
    if level not in _LEVELS:
        raise ValueError(f"unknown level {level!r}, expected one of {sorted(_LEVELS)}")
    return _read_boundaries(level, home().area_keys(level)).copy()


def _features(gdf: gpd.GeoDataFrame) -> list[dict]:
    """GeoJSON features with the properties at the top level, the form Vega-Lite draws.

    Passing the GeoDataFrame itself drew an empty map in Streamlit (the geometry became text); see
    STYLE.md. `__geo_interface__` already turns NaN into null, which JSON needs.
    """
    return [
        {**f["properties"], "type": "Feature", "geometry": f["geometry"]} for f in gdf.__geo_interface__["features"]
    ]


def choropleth(
    gdf: gpd.GeoDataFrame,
    indicator: IndicatorLike,
    value_col: str = "value",
    highlight_code: str | None = None,
    scale: float = 1.0,
    text_scale: float | None = None,
) -> alt.LayerChart:
    """A map coloured by value; areas without a value are light grey and say why.

    The colour scale runs from light to dark blue, dark meaning better: for "lower is better" indicators
    the scale is reversed, and the legend title says "dunkler = besser". Neutral indicators are simply
    dark for high values. `gdf` needs region_code, region_name, `value_col` and status, in EPSG:4326.
    `text_scale` sizes the text apart from the plot (default: `scale`): a slide read from across a room
    wants larger text on the same plot.
    """
    text = scale if text_scale is None else text_scale
    frame = gdf.to_crs(4326)[["region_code", "region_name", value_col, "status", "geometry"]]
    frame = frame.rename(columns={value_col: "value"})
    frame["value_text"] = [
        fmt_value(v, indicator.unit, s) for v, s in zip(frame["value"], frame["status"], strict=True)
    ]
    frame["no_value"] = [
        status_text(s, short=True) if pd.isna(v) else None for v, s in zip(frame["value"], frame["status"], strict=True)
    ]
    base = alt.Chart(alt.InlineData(values=_features(frame))).encode(
        tooltip=[alt.Tooltip("region_name:N", title="Region"), alt.Tooltip("value_text:N", title="Wert")]
    )
    outline = {"stroke": "white", "strokeWidth": 0.8 * scale}

    neutral = indicator.direction.value == "neutral"
    legend_title = indicator.unit if neutral else f"{indicator.unit} (dunkler = besser)"
    layers = []
    if frame["value"].notna().any():  # a colour scale over no value at all labelled its legend "NaN"
        legend = alt.Legend(title=legend_title, orient="right", format=d3_format(frame["value"], indicator.unit))
        filled = (
            base.transform_filter("isValid(datum.value)")
            .mark_geoshape(**outline)
            .encode(
                color=alt.Color(
                    "value:Q",
                    scale=alt.Scale(scheme=SEQUENTIAL_SCHEME, reverse=lower_is_better(indicator)),
                    legend=legend,
                )
            )
        )
        layers.append(filled)
    no_value_labels = sorted(frame["no_value"].dropna().unique())
    if no_value_labels:
        empty = (
            base.transform_filter("!isValid(datum.value)")
            .mark_geoshape(**outline)
            .encode(
                color=alt.Color(
                    "no_value:N",
                    scale=alt.Scale(domain=no_value_labels, range=[NO_DATA] * len(no_value_labels)),
                    legend=alt.Legend(
                        title="ohne Wert", orient="right", symbolType="square", symbolStrokeColor="#999999"
                    ),
                )
            )
        )
        layers.append(empty)
    if highlight_code is not None:
        ring = base.transform_filter(alt.datum.region_code == highlight_code)
        layers.append(ring.mark_geoshape(filled=False, stroke=HIGHLIGHT, strokeWidth=2.5 * scale))
    if len(frame) <= _MAX_LABELLED:
        layers += _name_labels(frame, scale)  # names must fit their areas: they keep the map's scale

    height = 460 * scale
    chart = (
        alt.layer(*layers)
        .project(type="mercator")
        .resolve_scale(color="independent")
        .properties(width=_fitted_width(frame, height), height=height)
    )
    title = title_with_year(indicator.title, gdf)
    description = map_text(frame, indicator, highlight_code)
    return finish(chart, title, f"{indicator.source}\n{ATTRIBUTION}", text, description=description)


def _fitted_width(frame: gpd.GeoDataFrame, height: float) -> float:
    """Width that matches the area's shape in Mercator, so the legend sits next to the map, not far off.

    A Kreis may be taller than wide, its Land wider than tall; a fixed width leaves a gap for one.
    """
    west, south, east, north = frame.total_bounds
    mercator_y = np.log(np.tan(np.pi / 4 + np.radians([south, north]) / 2))
    return height * np.radians(east - west) / (mercator_y[1] - mercator_y[0])


def _name_labels(frame: gpd.GeoDataFrame, scale: float) -> list[alt.Chart]:
    """Area names at a point inside each area, white halo under dark text so they read on dark blue."""
    inside = frame.geometry.representative_point()
    points = pd.DataFrame(
        {
            "region_name": frame["region_name"].to_numpy(),
            "lon": inside.x.to_numpy(),
            "lat": inside.y.to_numpy(),
        }
    )
    base = alt.Chart(points).encode(longitude="lon:Q", latitude="lat:Q", text="region_name:N")
    style = {"fontSize": font_size("mark", scale), "fontWeight": "bold"}
    halo = base.mark_text(**style, stroke="white", strokeWidth=3 * scale, strokeJoin="round", strokeOpacity=0.8)
    return [halo, base.mark_text(**style, color="#222222")]


def locator(gdf: gpd.GeoDataFrame, code: str, scale: float = 1.0) -> alt.LayerChart:
    """A small map that shows where one area lies among its neighbours: it in the highlight colour, the rest grey.

    For the Gemeindesteckbriefe, where the map says "which Gemeinde", not "how much"; the area is also
    named in the chart's description, so the map carries no meaning only colour can tell.
    """
    frame = gdf.to_crs(4326)[["region_code", "region_name", "geometry"]].copy()
    frame["shown"] = np.where(frame["region_code"] == code, "gewählt", "übrige")
    base = alt.Chart(alt.InlineData(values=_features(frame)))
    shapes = base.mark_geoshape(stroke="white", strokeWidth=0.8 * scale).encode(
        color=alt.Color(
            "shown:N", scale=alt.Scale(domain=["gewählt", "übrige"], range=[HIGHLIGHT, NO_DATA]), legend=None
        )
    )
    height = 260 * scale
    chart = (
        alt.layer(shapes, *_name_labels(frame[frame["region_code"] == code], scale))
        .project(type="mercator")
        .properties(width=_fitted_width(frame, height), height=height)
    )
    name = frame.loc[frame["region_code"] == code, "region_name"]
    label = str(name.iloc[0]) if len(name) else code
    return finish(chart, "", ATTRIBUTION, scale, description=f"Lage von {label} im Kreis (farbig hervorgehoben)")
