"""The cuts of indicator results that the pages show, computed once per store version and cached.

A page asks for exactly what it draws (one region's series with its references, one year across the
Kreise, one tile), so a rerun unpickles a few dozen rows instead of a whole result. The cuts the
presentation takes as well live in `indicators.cuts`, comparisons in `indicators.comparison`; this
module caches them and bundles what a page shows together (a tile, a profile line). Pages only lay
out and format.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import streamlit as st

from charts.maps import load_boundaries
from indicators import cuts
from indicators.catalogue import CATALOGUE
from indicators.comparison import (
    change,
    difference_to,
    is_improvement,
    kreise_of,
    previous,
    rank_among,
    value_in,
    with_values,
)
from indicators.correlation import Correlation, pearson
from indicators.cuts import Figure, figure
from indicators.status import HAS_VALUE, MISSING
from regions.home import home, name_of
from regions.levels import BUND, GEMEINDEN, KREISE, is_gemeinde, kreis_of
from ui.data import imports, newest_year, region_table, result


def shown_region(key: str, region: str, category: str = "", version: int | None = None) -> str:
    """The region whose values a page shows (indicators.cuts.shown_region); pages say when a Kreis stands in.

    With `category` and `version`, a school of the office's own data is shown at its own Gemeinde.
    """
    rows = result(key, version) if category and version is not None else None
    return cuts.shown_region(CATALOGUE[key], region, rows, category)


@st.cache_data(show_spinner=False)
def choosable_regions(version: int) -> pd.DataFrame:
    """The home Kreis, its Gemeinden, then the other current Kreise of its Land (region_code, name, level).

    Which regions: regions.home. Names: the store's, so the list reads like the tables; a region the
    store has no row for keeps the name of the boundaries.
    """
    kreis = home()
    stored = region_table(version).set_index("region_code")["name"].to_dict()

    def frame(keys: list[str], level: str) -> pd.DataFrame:
        names = [stored.get(key, name_of(key)) for key in keys]
        return pd.DataFrame({"region_code": keys, "name": names, "level": level}).sort_values("name")

    others = [area.key for area in kreis.land_kreise if area.key != kreis.key]
    parts = [frame([kreis.key], "kreis"), frame(list(kreis.gemeinde_keys), "gemeinde"), frame(others, "kreis")]
    return pd.concat(parts).reset_index(drop=True)


@st.cache_data(show_spinner=False)
def peer_codes(group: str, key: str, version: int) -> tuple[str, ...]:
    """The Kreise of a comparison group; "alle Kreise des Landes" is read from the indicator's data."""
    return cuts.peer_codes(result(key, version), group)


@st.cache_data(show_spinner=False)
def categories(key: str, version: int) -> list[str]:
    """The categories of a distribution indicator in the order the indicator produces them; [""] otherwise."""
    return list(dict.fromkeys(result(key, version)["category"])) or [""]


@st.cache_data(show_spinner=False)
def is_empty(key: str, version: int) -> bool:
    """True while the store holds no row of the indicator (e.g. the office's own data before the first import)."""
    return result(key, version).empty


@st.cache_data(show_spinner=False)
def value_notes(key: str, version: int) -> list[str]:
    """The distinct notes on single values (e.g. "Summe der 45 Kreise …"), for the Quellen tab."""
    return sorted(set(result(key, version)["note"]) - {""})


@st.cache_data(show_spinner=False)
def statuses(key: str, version: int) -> list[str]:
    """The statuses the indicator's values carry (e.g. "published" for rates taken over from INKAR)."""
    return sorted(set(result(key, version)["status"]))


@st.cache_data(show_spinner=False)
def current_files(table_code: str, version: int) -> pd.DataFrame:
    """Import records of a table whose values are still in use (a fully replaced download is left out)."""
    history = imports(version)
    return history[(history["table_code"] == table_code) & (history["rows_current"] > 0)]


@st.cache_data(show_spinner=False)
def series(key: str, region: str, group: str, category: str, version: int) -> pd.DataFrame:
    """All years of the region, its Land, Deutschland and the comparison group, with a `role` each.

    For a Gemeinde the Landkreis takes the place of the comparison group: the Gemeinde is compared
    with its own Kreis, not with other Kreise.
    """
    name = category if cuts.is_school(CATALOGUE[key], category) else ""
    own = shown_region(key, region, category, version)
    return cuts.series(result(key, version), own, category, group, line_name=name)


@st.cache_data(show_spinner=False)
def years(key: str, level: str, category: str, version: int) -> list[int]:
    """Years, newest first, in which an area of the level (Kreise of the Land, Gemeinden of the Kreis) has a value."""
    return cuts.years_with_values(result(key, version), level, category)


def area_levels(key: str) -> list[str]:
    """The map levels of an indicator for the home region (indicators.cuts.area_levels)."""
    return cuts.area_levels(CATALOGUE[key])


@st.cache_data(show_spinner=False)
def any_level_years(key: str, category: str, version: int) -> list[int]:
    """Years, newest first, with a value for an area of any map level of the indicator."""
    return cuts.years_of_levels(result(key, version), area_levels(key), category)


@st.cache_data(show_spinner=False)
def default_year(key: str, region: str, category: str, version: int) -> int | None:
    """The newest year with a value at the level of the shown region (a Gemeinde's, else the Kreise's)."""
    level = GEMEINDEN if is_gemeinde(shown_region(key, region)) else KREISE
    return next(iter(years(key, level, category, version) or any_level_years(key, category, version)), None)


@st.cache_data(show_spinner=False)
def cross_section(key: str, level: str, year: int, category: str, version: int) -> pd.DataFrame:
    """Every area of the map level (the Kreise of the home Land or the Gemeinden of the home Kreis) in `year`.

    Areas and their short names come from the bundled BKG boundaries (Gebietsstand 2021); an area the
    source has no row for is "missing", never dropped.
    """
    areas = pd.DataFrame(load_boundaries(level)[["region_code", "region_name"]])
    return cuts.cross_section(result(key, version), areas, year, category)


@st.cache_data(show_spinner=False)
def kreise_in(key: str, year: int, category: str, version: int) -> pd.DataFrame:
    """The Kreise of the home Land as they were in `year`, for the ranking.

    Before the 2016 merger Göttingen and Osterode am Harz were two Kreise; the ranking lists them
    for the years they have values, so bars and "Rang … von …" count the same Kreise. A current Kreis
    without a value is listed with its status.
    """
    rows = kreise_of(result(key, version), home().land_key)
    rows = rows[(rows["year"] == year) & (rows["category"] == category)]
    historic = set(region_table(version).query("historic")["region_code"])
    return rows[~rows["region_code"].isin(historic) | rows["status"].isin(HAS_VALUE)].reset_index(drop=True)


@st.cache_data(show_spinner=False)
def map_frame(key: str, level: str, year: int, category: str, version: int) -> gpd.GeoDataFrame:
    """The cross-section with the outlines, for charts.maps.choropleth."""
    outlines = load_boundaries(level)[["region_code", "geometry"]]
    return outlines.merge(cross_section(key, level, year, category, version), on="region_code")


@st.cache_data(show_spinner=False)
def references(key: str, year: int, category: str, version: int) -> dict[str, float]:
    """The home Land and Deutschland in `year`, as far as they have a value (for reference lines)."""
    rows = result(key, version)
    kreis = home()
    pairs = ((kreis.land_name, kreis.land_key), ("Deutschland", BUND))
    values = {name: value_in(rows, code, year, category) for name, code in pairs}
    return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class Rank:
    region_name: str
    rank: int | None
    of: int
    tied: int = 1  # Kreise sharing this rank at the shown precision (1: none other)


@st.cache_data(show_spinner=False)
def rank_of(key: str, region: str, year: int, category: str, version: int) -> Rank:
    """Place of a Kreis among the Kreise of the home Land with a value in `year` (1 is best)."""
    ranked = rank_among(result(key, version), year, CATALOGUE[key].direction, home().land_key, category)
    own = ranked[ranked["region_code"] == region]
    place = None if own.empty or pd.isna(own["rank"].iloc[0]) else int(own["rank"].iloc[0])
    name = own["region_name"].iloc[0] if len(own) else region
    tied = int(own["tied"].iloc[0]) if place else 1
    return Rank(name, place, int(ranked["n"].iloc[0]) if len(ranked) else 0, tied)


@st.cache_data(show_spinner=False)
def scatter_data(x_key: str, y_key: str, year: int, level: str, version: int) -> pd.DataFrame:
    """Both indicators for every area of the level (Kreise of the home Land, Gemeinden of the home Kreis) in `year`.

    Columns region_code, region_name, x, y; an area without one of the values keeps NaN there.
    """
    areas = pd.DataFrame(load_boundaries(level)[["region_code", "region_name"]])
    for axis, key in (("x", x_key), ("y", y_key)):
        rows = with_values(result(key, version))
        rows = rows[rows["year"] == year][["region_code", "value"]].rename(columns={"value": axis})
        areas = areas.merge(rows, on="region_code", how="left")
    return areas


@st.cache_data(show_spinner=False)
def correlation(x_key: str, y_key: str, year: int, level: str, version: int) -> Correlation:
    return pearson(scatter_data(x_key, y_key, year, level, version))


def common_years(x_key: str, y_key: str, level: str, version: int) -> list[int]:
    """Years, newest first, in which both indicators have values for areas of the level."""
    both = set(years(x_key, level, "", version)) & set(years(y_key, level, "", version))
    return sorted(both, reverse=True)


@dataclass(frozen=True)
class Tile:
    """The facts of one Überblick tile: the latest value, its trend and its references in the same year."""

    key: str
    own: Figure
    substituted: bool  # a Gemeinde was chosen, but the indicator exists only per Kreis
    land: Figure
    bund: Figure
    to_land: float | None  # own value minus the home Land's in the same year
    to_bund: float | None
    previous_year: int | None
    change: float | None
    better: bool | None  # None: neutral indicator, no change, or no earlier value
    trend: pd.DataFrame  # the region's rows for the sparkline
    badge: str | None = None  # "Stand 2015" when the value is old next to the newest year in the store


@st.cache_data(show_spinner=False)
def tile(key: str, region: str, version: int) -> Tile:
    rows = result(key, version)
    land = home().land_key
    own_code = shown_region(key, region)
    own = figure(rows, own_code, None)
    earlier = previous(rows, own_code, own.year) if own.year else None
    previous_year = None if earlier is None else int(earlier["year"])
    delta = change(rows, own_code, own.year, own.year - previous_year) if previous_year else None
    better = is_improvement(delta, CATALOGUE[key].direction)
    trend = rows[(rows["region_code"] == own_code) & (rows["category"] == "")][["region_code", "year", "value"]]
    return Tile(
        key,
        own,
        own_code != region,
        figure(rows, land, own.year),
        figure(rows, BUND, own.year),
        difference_to(rows, own_code, land, own.year) if own.year else None,
        difference_to(rows, own_code, BUND, own.year) if own.year else None,
        previous_year,
        delta,
        better,
        trend.assign(role="region").reset_index(drop=True),
        cuts.stand_badge(own.year, newest_year(version)),
    )


@dataclass(frozen=True)
class ProfileLine:
    """One Gemeinde figure next to the Landkreis in the same year and the Landkreis's newest value."""

    key: str
    category: str
    gemeinde: Figure
    kreis_same_year: Figure
    kreis_latest: Figure


@st.cache_data(show_spinner=False)
def profile_line(key: str, gemeinde: str, category: str, version: int) -> ProfileLine:
    rows = result(key, version)
    own = figure(rows, gemeinde, None, category)
    kreis = kreis_of(gemeinde)
    return ProfileLine(
        key,
        category,
        own,
        figure(rows, kreis, own.year, category) if own.year else Figure(kreis, "", "kreis", None, None, MISSING),
        figure(rows, kreis, None, category),
    )
