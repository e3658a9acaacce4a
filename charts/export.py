"""PNG and SVG files of a chart, rendered without a browser by vl-convert.

The spec is rendered as it is, config included, so the German locale, title and source line set by
`charts.style.finish` appear in the file exactly as in the dashboard.
"""

from __future__ import annotations

import altair as alt
import vl_convert

# Compile with the Vega-Lite version Altair wrote the spec for ("v6.4.1" -> "6.4"), not vl-convert's newest.
_VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _spec(chart: alt.TopLevelMixin | dict) -> dict:
    """An Altair chart or its Vega-Lite spec (as cached by the dashboard and the deck) as a spec."""
    return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2) -> bytes:
    """PNG bytes; `scale=2` gives sharp images for slides and print."""
    return vl_convert.vegalite_to_png(_spec(chart), vl_version=_VL_VERSION, scale=scale)


def to_svg(chart: alt.TopLevelMixin | dict) -> str:
    """SVG text, for reports that are scaled after export."""
    return vl_convert.vegalite_to_svg(_spec(chart), vl_version=_VL_VERSION)
