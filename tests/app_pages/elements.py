"""Reading what a page shows from an AppTest run: chart specs with their data, and all text."""

from __future__ import annotations

import json
import re

import pyarrow as pa
from streamlit.testing.v1 import AppTest


def charts(at: AppTest) -> list[tuple[dict, list[dict]]]:
    """Each chart on the page as (Vega-Lite spec, all its data rows); AppTest draws nothing.

    Streamlit moves tabular datasets out of the spec into Arrow; GeoJSON features stay in the spec.
    """
    found = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        rows = [row for values in spec.get("datasets", {}).values() for row in values]
        for dataset in chart.proto.datasets:
            rows += pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
        found.append((spec, rows))
    return found


def texts(at: AppTest) -> list[str]:
    """Every caption, Markdown and info text on the page, main area and sidebar, as the reader sees it."""
    return [as_shown(source) for source in markdown_sources(at)]


def markdown_sources(at: AppTest) -> list[str]:
    """The same texts as Markdown source, escapes included (what tests of ui.plain look at)."""
    return [
        element.value
        for kind in ("caption", "markdown", "info", "header", "subheader", "title")
        for element in at.get(kind)
    ]


def as_shown(text: str) -> str:
    """Markdown source as the reader sees it: backslash escapes (ui.plain) removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
