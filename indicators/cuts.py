"""The cuts of one indicator's result that the dashboard and the presentation both show.

A region's series with its Land, Deutschland and its comparison Kreise; every area of a map
level in one year; one value with its year, counts and note. The dashboard caches these per store
version (ui/views.py), the presentation renders slides from them (deck/), so a number on a slide
and the same number on the Indikator page come from one function. Pure: result frames
(indicators.model.RESULT_COLUMNS) in, frames and figures out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.comparison import kreise_of, latest, with_values
from indicators.lokal import GEMEINDE_TOTAL
from indicators.model import Indicator
from indicators.peers import ALL_LAND, peer_groups
from indicators.status import HAS_VALUE, MISSING
from regions.home import home, name_of
from regions.levels import BUND, GEMEINDEN, KREISE, is_gemeinde, kreis_of, level_of


def reference_codes() -> dict[str, str]:
    """What a region is compared with: "land" (the home Kreis' Land) and "bund", by key."""
    return {"land": home().land_key, "bund": BUND}


def is_school(indicator: Indicator, category: str) -> bool:
    """True when `category` names a school of the office's per-school data, not a breakdown of a region's value.

    The template's importer makes the school the category (indicators.lokal), so its rows carry the key
    of the Gemeinde it lies in; the Gemeinde total is a category of its own.
    """
    return "schule" in indicator.levels and category not in ("", GEMEINDE_TOTAL)


def shown_region(indicator: Indicator, region: str, result: pd.DataFrame | None = None, category: str = "") -> str:
    """The region whose values are shown: a Gemeinde's Landkreis when the indicator exists only per Kreis.

    A Gemeinde value is never derived from its Kreis; the consumer says that the Kreis stands in.
    A school (with `result` and `category`) is shown at its own Gemeinde whichever region is chosen:
    the Landkreis has no row for it, and an empty chart helped nobody. Should two schools of one name
    lie in different Gemeinden, the chosen one wins, else the first.
    """
    if result is not None and is_school(indicator, category):
        gemeinden = sorted(result.loc[result["category"] == category, "region_code"].unique())
        if gemeinden:
            return region if region in gemeinden else gemeinden[0]
    if is_gemeinde(region) and "gemeinde" not in indicator.levels:
        return kreis_of(region)
    return region


def peer_codes(result: pd.DataFrame, group: str) -> tuple[str, ...]:
    """The Kreise of a comparison group; "alle Kreise des Landes" is read from the result itself."""
    if group == ALL_LAND:
        return tuple(sorted(kreise_of(result, home().land_key)["region_code"].unique()))
    return peer_groups()[group].codes


def series(
    result: pd.DataFrame,
    region: str,
    category: str = "",
    group: str | None = None,
    references: Sequence[str] = ("land", "bund"),
    until: int | None = None,
    line_name: str = "",
) -> pd.DataFrame:
    """All years (up to `until`) of the region, the `references` and the Kreise of `group`, each with a `role`.

    For a Gemeinde its own Landkreis takes the place of the group: a Gemeinde is compared with its
    Kreis, not with other Kreise. group None draws no comparison Kreise. `line_name` renames the
    region's rows where its line is not the region's own: a school's line is the school, not the
    Gemeinde it lies in (legend, text alternative and table say the school).
    """
    rows = result[result["category"] == category]
    if until is not None:
        rows = rows[rows["year"] <= until]
    peers = () if group is None else (kreis_of(region),) if is_gemeinde(region) else peer_codes(result, group)
    codes = reference_codes()
    roles = {code: "peer" for code in peers} | {codes[r]: r for r in references} | {region: "region"}
    out = rows[rows["region_code"].isin(roles.keys())].copy()
    out["role"] = out["region_code"].map(roles)
    if line_name:
        out.loc[out["role"] == "region", "region_name"] = line_name
    return out.sort_values(["role", "region_code", "year"]).reset_index(drop=True)


def years_with_values(result: pd.DataFrame, level: str, category: str = "") -> list[int]:
    """Years, newest first, in which an area of the level (Kreise of the Land, Gemeinden of the Kreis) has a value."""
    rows = with_values(result, category)
    rows = rows[rows["region_code"].isin(home().area_keys(level))]
    return sorted((int(y) for y in rows["year"].unique()), reverse=True)


def area_levels(indicator: Indicator) -> list[str]:
    """The map levels an indicator can show: the Kreise of the home Land, and the Gemeinden of the home
    Kreis where the indicator exists per Gemeinde and the Kreis has Gemeinden (a kreisfreie Stadt has none)."""
    per_gemeinde = "gemeinde" in indicator.levels and home().gemeinden
    return [KREISE, GEMEINDEN] if per_gemeinde else [KREISE]


def years_of_levels(result: pd.DataFrame, levels: Sequence[str], category: str = "") -> list[int]:
    """Years, newest first, in which an area of any of the levels has a value (the page's year choice)."""
    years = {year for level in levels for year in years_with_values(result, level, category)}
    return sorted(years, reverse=True)


def cross_section(result: pd.DataFrame, areas: pd.DataFrame, year: int, category: str = "") -> pd.DataFrame:
    """Every area (a frame with `region_code`, e.g. the map's outlines) with its value in `year`.

    An area the source has no row for is "missing", never dropped; a GeoDataFrame stays one.
    """
    rows = result[(result["year"] == year) & (result["category"] == category)]
    columns = ["region_code", "value", "numerator", "denominator", "status", "note"]
    out = areas.merge(rows[columns], on="region_code", how="left")
    out["status"] = out["status"].fillna(MISSING)
    out["note"] = out["note"].fillna("")
    out["year"] = year
    return out


@dataclass(frozen=True)
class Figure:
    """One region's value in one year, with what a reader needs to judge it."""

    region_code: str
    region_name: str
    level: str
    year: int | None
    value: float | None  # None unless the status carries a number
    status: str
    numerator: float | None = None
    denominator: float | None = None
    note: str = ""


def _number(value) -> float | None:
    return None if pd.isna(value) else float(value)


def figure(result: pd.DataFrame, region: str, year: int | None, category: str = "") -> Figure:
    """The region's row in `year`, or its newest row with a value when year is None.

    No row at all gives a "missing" figure that keeps the region's name when the result knows it.
    """
    if year is None:
        row = latest(result, region, category)
    else:
        match = result[(result["region_code"] == region) & (result["year"] == year) & (result["category"] == category)]
        row = None if match.empty else match.iloc[0]
    if row is None:
        known = result.loc[result["region_code"] == region, ["region_name", "level"]]
        if len(known):
            name, level = known.iloc[0]["region_name"], known.iloc[0]["level"]
        else:
            name, level = name_of(region), level_of(region)
        return Figure(region, name, level, year, None, MISSING)
    return Figure(
        region,
        row["region_name"],
        row["level"],
        int(row["year"]),
        _number(row["value"]) if row["status"] in HAS_VALUE else None,
        row["status"],
        _number(row["numerator"]),
        _number(row["denominator"]),
        row["note"] or "",
    )


# A value more than this many years older than the newest year in the store is marked "Stand JJJJ".
STALE_AFTER = 3


def stand_badge(year: int | None, newest: int | None) -> str | None:
    """ "Stand 2015" for a value older than 3 years before the newest year in the store, else None.

    A tile or slide shows the newest value it has; when that is 2015 while the store reaches 2025, a
    reader must see at a glance that it is old, not only read it in small print.
    """
    if year is None or newest is None or year >= newest - STALE_AFTER:
        return None
    return f"Stand {year}"


def since(previous_year: int, year: int) -> str:
    """ "gegenüber 2024 (Vorjahr)" or "gegenüber 2016 (9 Jahre früher)": a change says how far apart its years are."""
    gap = year - previous_year
    return f"gegenüber {previous_year} ({'Vorjahr' if gap == 1 else f'{gap} Jahre früher'})"
