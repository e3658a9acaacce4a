"""PNG and SVG export through vl-convert keep title, source line and German numbers."""

from __future__ import annotations

import re

import pandas as pd

from charts.export import to_png, to_svg
from charts.maps import choropleth, load_boundaries
from charts.ranking import scatter
from charts.timeseries import time_series


def test_png_export_is_a_png(series, ohne_hsa):
    assert to_png(time_series(series, ohne_hsa)).startswith(b"\x89PNG")


def test_svg_export_carries_title_and_source_line(series, ohne_hsa):
    svg = to_svg(time_series(series, ohne_hsa))
    assert ohne_hsa.title in svg
    assert ohne_hsa.source in svg


def test_svg_export_keeps_the_german_decimal_comma(ohne_hsa):
    # Test data: a scatter does not start at zero, so its axes need decimal ticks ("7,2", never "7.2").
    xy = pd.DataFrame(
        {
            "region_code": ["03453", "03", "DG"],
            "region_name": ["Cloppenburg", "NI", "DE"],
            "x": [8.29, 7.67, 7.12],
            "y": [8.29, 7.67, 7.12],
        }
    )
    svg = to_svg(scatter(xy, ohne_hsa, ohne_hsa))
    tick_labels = re.findall(r">(\d+[.,]\d+)<", svg)
    assert tick_labels, "expected decimal tick labels"
    assert all("," in label for label in tick_labels)


def test_the_exported_map_draws_a_filled_shape_per_gemeinde(ohne_hsa):
    gdf = load_boundaries("gemeinden").assign(value=7.0, status="ok")
    svg = to_svg(choropleth(gdf, ohne_hsa))
    # The first shape layer holds the filled areas (Vega's ARIA texts are off, so no "geoshape" labels).
    filled_layer = svg.split('class="mark-shape role-mark', 1)[1].split("</g>", 1)[0]
    shapes = re.findall(r'<path[^>]* d="M[^"]{20,}"[^>]* fill="rgb', filled_layer)
    assert len(shapes) == 13
