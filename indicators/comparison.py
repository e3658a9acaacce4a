"""Comparisons of a region with others: latest value, difference to Land and Bund, change, rank.

All functions take a result frame of one indicator (indicators.model.RESULT_COLUMNS) and return
plain numbers or small frames, so pages, the presentation and the CLI compare the same way.
"""

from __future__ import annotations

import pandas as pd

from indicators.model import Direction
from indicators.status import HAS_VALUE
from regions.levels import BUND


def with_values(result: pd.DataFrame, category: str | None = "") -> pd.DataFrame:
    """Rows that carry a number, for one category ("" for single-valued indicators; None: all)."""
    rows = result[result["status"].isin(HAS_VALUE)]
    return rows if category is None else rows[rows["category"] == category]


def latest(result: pd.DataFrame, region_code: str, category: str = "") -> pd.Series | None:
    """The newest row with a value for the region, or None."""
    rows = with_values(result, category)
    rows = rows[rows["region_code"] == region_code]
    return None if rows.empty else rows.sort_values("year").iloc[-1]


def previous(result: pd.DataFrame, region_code: str, year: int, category: str = "") -> pd.Series | None:
    """The region's newest row with a value before `year` (the year to compare a trend with), or None."""
    rows = with_values(result, category)
    rows = rows[(rows["region_code"] == region_code) & (rows["year"] < year)]
    return None if rows.empty else rows.sort_values("year").iloc[-1]


def is_improvement(delta: float | None, direction: Direction) -> bool | None:
    """Whether a change goes the good way; None for no change, no value or a neutral indicator."""
    if not delta or direction is Direction.NEUTRAL:
        return None
    return (delta < 0) == (direction is Direction.LOWER_IS_BETTER)


def value_in(result: pd.DataFrame, region_code: str, year: int, category: str = "") -> float | None:
    rows = with_values(result, category)
    rows = rows[(rows["region_code"] == region_code) & (rows["year"] == year)]
    return None if rows.empty else float(rows["value"].iloc[0])


def difference_to(
    result: pd.DataFrame, region_code: str, reference_code: str, year: int, category: str = ""
) -> float | None:
    """Region minus reference in the indicator's unit (percentage points for shares), same year."""
    own, ref = value_in(result, region_code, year, category), value_in(result, reference_code, year, category)
    return None if own is None or ref is None else own - ref


def change(result: pd.DataFrame, region_code: str, year: int, years_back: int, category: str = "") -> float | None:
    """Value in `year` minus value `years_back` years earlier; None if either is missing."""
    now, before = (
        value_in(result, region_code, year, category),
        value_in(result, region_code, year - years_back, category),
    )
    return None if now is None or before is None else now - before


def kreise_of(result: pd.DataFrame, land: str) -> pd.DataFrame:
    """Kreis rows of one Land (its Kreise and kreisfreie Städte, including historic ones)."""
    return result[(result["level"] == "kreis") & result["region_code"].str.startswith(land)]


def shown_value(value: pd.Series, decimals: int = 1) -> pd.Series:
    """The value as printed (rounded half up to `decimals`), so that ranks follow what a reader sees."""
    factor = 10**decimals
    return (value.abs() * factor + 0.5).floordiv(1).mul(value.apply(lambda v: -1 if v < 0 else 1)) / factor


def rank_among(
    result: pd.DataFrame, year: int, direction: Direction, land: str, category: str = "", decimals: int = 1
) -> pd.DataFrame:
    """Rank of every Kreis of the Land in `year`; 1 is best. Ties share the better rank.

    Ranks follow the value as shown (rounded to `decimals`): two Kreise that both read "8,3 %" share a
    rank, and `tied` says how many Kreise share it, so no page separates them silently.
    For a neutral indicator rank 1 is the highest value (a plain ordering, no judgement).
    Kreise without a value are listed after the ranked ones with rank NA.
    """
    rows = kreise_of(result[(result["year"] == year) & (result["category"] == category)], land).copy()
    ranked = rows["status"].isin(HAS_VALUE)
    ascending = direction is Direction.LOWER_IS_BETTER
    shown = shown_value(rows["value"].where(ranked), decimals)
    rows["rank"] = shown.rank(method="min", ascending=ascending).astype("Int64")
    rows["tied"] = rows.groupby("rank")["rank"].transform("size").where(rows["rank"].notna()).astype("Int64")
    rows["n"] = int(ranked.sum())
    return rows.sort_values(["rank", "region_name"], na_position="last").reset_index(drop=True)


def with_comparisons(result: pd.DataFrame, direction: Direction, land: str, bund: str = BUND) -> pd.DataFrame:
    """Add, to every row, the difference to the Land and the Bund in the same year (and category)
    and, for Kreise of the Land, the rank among them (`rank` of `n`).
    """
    out = result.copy()
    for code, column in ((land, "diff_land"), (bund, "diff_bund")):
        reference = with_values(result, category=None)
        reference = reference[reference["region_code"] == code][["year", "category", "value"]]
        reference = reference.rename(columns={"value": "reference"})
        out = out.merge(reference, on=["year", "category"], how="left")
        has_value = out["status"].isin(HAS_VALUE)
        out[column] = (out["value"] - out["reference"]).where(has_value)
        out = out.drop(columns="reference")
    ranks = [
        rank_among(result, year, direction, land, category)[["region_code", "year", "category", "rank", "n"]]
        for year, category in result[["year", "category"]].drop_duplicates().itertuples(index=False)
    ]
    if ranks:
        out = out.merge(pd.concat(ranks), on=["region_code", "year", "category"], how="left")
    else:
        out = out.assign(rank=pd.NA, n=pd.NA)
    return out
