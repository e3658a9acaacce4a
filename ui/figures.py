"""Charts as cached Vega-Lite specs: built and validated by Altair once per view and store version.

Building an Altair chart and turning it into a spec (with its JSON-schema validation) takes several
milliseconds per chart; a tile page with six sparklines would spend most of each rerun on it. So the
spec is cached with plain arguments and handed to `st.vega_lite_chart`, which draws exactly what
`st.altair_chart` would. PNG and SVG downloads rebuild the Altair chart only when clicked.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from charts.export import to_png, to_svg
from charts.format import fmt_value
from charts.maps import choropleth
from charts.ranking import ranking_bars, scatter, school_bars
from charts.style import ROLES, with_roles
from charts.timeseries import sparkline, time_series
from indicators.catalogue import CATALOGUE
from regions.levels import GEMEINDEN, KREISE
from ui import schulvergleich as schools_view
from ui.data import result
from ui.text import unbroken
from ui.views import kreise_in, map_frame, peer_codes, references, scatter_data, series, shown_region, tile
from ui.ziele import standings_of
from ziele.status import category, target, values


def _sparkline(key: str, region: str, version: int) -> alt.TopLevelMixin:
    return sparkline(tile(key, region, version).trend)


def _goal_sparkline(key: str, region: str, schule: str, version: int) -> alt.TopLevelMixin:
    """A goal's own values: the region's, or a school's and a Gemeinde total's for per-school data."""
    rows = values(result(key, version), region, category(key, schule))
    return sparkline(rows.assign(region_code=region, role="region"))


def _time_series(
    key: str, region: str, group: str, category: str, version: int, goals_version: str = ""
) -> alt.TopLevelMixin:
    """The series; with `goals_version`, the region's goals for the indicator drawn in (Indikator page)."""
    indicator = CATALOGUE[key]
    breaks = [(b.year, b.label) for b in indicator.breaks]
    own = shown_region(key, region, category, version)
    goals = standings_of(key, own, version, goals_version, category) if goals_version else []
    targets = [target(s) for s in goals]
    return time_series(series(key, region, group, category, version), indicator, breaks=breaks, targets=targets)


def _map(key: str, level: str, year: int, category: str, highlight: str, version: int) -> alt.TopLevelMixin:
    return choropleth(map_frame(key, level, year, category, version), CATALOGUE[key], highlight_code=highlight)


def _ranking(key: str, year: int, category: str, kreis: str, group: str, version: int) -> alt.TopLevelMixin:
    return ranking_bars(
        kreise_in(key, year, category, version),
        CATALOGUE[key],
        highlight_code=kreis,
        peer_codes=peer_codes(group, key, version),
        reference_values=references(key, year, category, version),
    )


def _scatter(x_key: str, y_key: str, year: int, region: str, level: str, version: int) -> alt.TopLevelMixin:
    points = scatter_data(x_key, y_key, year, level, version)
    return scatter(points, CATALOGUE[x_key], CATALOGUE[y_key], highlight_code=region, areas=AREAS[level])


def _schools(key: str, year: int, area: str, version: int) -> alt.TopLevelMixin:
    """The schools of the home Kreis (`area` its key) or of one Gemeinde, totals as reference rules."""
    frame = schools_view.comparison(key, year, area, version)
    return school_bars(schools_view.schools(frame), CATALOGUE[key], schools_view.references(frame))


AREAS = {KREISE: "Kreise", GEMEINDEN: "Gemeinden"}

CHARTS: dict[str, Callable[..., alt.TopLevelMixin]] = {
    "sparkline": _sparkline,
    "goal_sparkline": _goal_sparkline,
    "time_series": _time_series,
    "map": _map,
    "ranking": _ranking,
    "scatter": _scatter,
    "schools": _schools,
}


def _values(frame: pd.DataFrame, unit: str) -> list[str]:
    return [fmt_value(v, unit, s) for v, s in zip(frame["value"], frame["status"], strict=True)]


def _series_table(
    key: str, region: str, group: str, category: str, version: int, goals_version: str = ""
) -> pd.DataFrame:
    """One row per year, one column per region as the chart shows them, values as German text.

    Takes the chart's arguments; the goals (`goals_version`) are listed on the page, not in this table.
    """
    frame = series(key, region, group, category, version)
    frame = frame.assign(text=_values(frame, CATALOGUE[key].unit), year=frame["year"].astype(int))
    ordered = with_roles(frame).assign(rank=lambda f: f["role"].map(ROLES.index)).sort_values(["rank", "region_name"])
    names = list(dict.fromkeys(ordered["region_name"]))  # region, Land, Bund, then peers, as in the legend
    table = frame.pivot_table(index="year", columns="region_name", values="text", aggfunc="first")
    return table.reindex(columns=names).fillna("keine Daten").rename_axis(index="Jahr", columns=None).reset_index()


def _cross_table(frame: pd.DataFrame, key: str, name: str) -> pd.DataFrame:
    """Areas of one year, highest value first, values as German text."""
    frame = frame.sort_values("value", ascending=False, na_position="last")
    return pd.DataFrame({name: frame["region_name"].to_numpy(), "Wert": _values(frame, CATALOGUE[key].unit)})


def _scatter_table(x_key: str, y_key: str, year: int, region: str, level: str, version: int) -> pd.DataFrame:
    frame = scatter_data(x_key, y_key, year, level, version)
    return pd.DataFrame(
        {
            "Kreis" if level == KREISE else "Gemeinde": frame["region_name"].to_numpy(),
            CATALOGUE[x_key].title: [fmt_value(v, CATALOGUE[x_key].unit) for v in frame["x"]],
            CATALOGUE[y_key].title: [fmt_value(v, CATALOGUE[y_key].unit) for v in frame["y"]],
        }
    )


# The data of each chart as a table, for the "Daten als Tabelle" under it (same arguments as CHARTS).
TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "time_series": _series_table,
    "map": lambda key, level, year, category, highlight, version: _cross_table(
        map_frame(key, level, year, category, version), key, "Gebiet"
    ),
    "ranking": lambda key, year, category, kreis, group, version: _cross_table(
        kreise_in(key, year, category, version), key, "Kreis"
    ),
    "scatter": _scatter_table,
    "schools": lambda key, year, area, version: schools_view.text_table(
        schools_view.comparison(key, year, area, version), key
    ),
}


@st.cache_data(show_spinner=False)
def spec(kind: str, *args: str | int) -> dict:
    """The Vega-Lite spec of chart `kind` (a key of CHARTS) for `args`, which end with the store version.

    Sizes are those of the plot, as the builders set them and as vl-convert exports them ("pad");
    Streamlit's default "fit" would squeeze title, legend and plot into that size instead.
    """
    return CHARTS[kind](*args).to_dict(validate=False) | {"autosize": {"type": "pad", "contains": "padding"}}


def show(kind: str, *args: str | int) -> None:
    """Draw the chart with its own styling only (theme=None), exactly as the PNG and SVG downloads show it.

    Streamlit's chart theme would add its own axis rules, e.g. hiding "overlapping" labels, which
    dropped every second Kreis from the ranking. Under a chart (not a tile's sparkline) follow its
    German text alternative, as text for everyone, and its data as a table one keyboard step away.
    """
    drawn = spec(kind, *args)
    st.vega_lite_chart(spec=drawn, width="content", theme=None)
    if kind in TABLES:
        st.text(unbroken(drawn["description"]))
        with st.expander("Daten als Tabelle"):
            st.table(TABLES[kind](*args), hide_index=True)


def downloads(kind: str, *args: str | int, name: str) -> None:
    """PNG and SVG buttons for the chart as shown, title and source line included; rendered on click."""
    buttons = st.container(horizontal=True)
    for label, render, mime in (("PNG", to_png, "image/png"), ("SVG", to_svg, "image/svg+xml")):
        buttons.download_button(
            label,
            lambda render=render: render(CHARTS[kind](*args)),
            f"{name}.{label.lower()}",
            mime,
            key=f"{label.lower()}_{name}",
            on_click="ignore",
        )
