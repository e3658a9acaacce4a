"""Picking values out of tidy observations by their dimension labels.

The classic GENESIS export names a value by its column headers ("Schulabschluss | ohne
Hauptschulabschluss | weiblich"); headings above differ between download years, the labels that
matter stay at the end. So we select by the last labels of `dimensions`, never by the whole string.
"""

from __future__ import annotations

import pandas as pd

from indicators.status import NUMERIC

# Statuses that carry a number.

KEY = ["region_code", "region_name", "level", "year"]


def labels(dimensions: pd.Series) -> pd.Series:
    """Each row's labels as a list. Split once per distinct string: a table has at most a few hundred
    label combinations but up to millions of rows, and splitting every row was most of an indicator's time."""
    distinct = dimensions.drop_duplicates()
    split = dict(zip(distinct, distinct.str.split(" | ", regex=False), strict=True))
    return dimensions.map(split).astype(object)  # object like str.split's result, also when empty


def label_at(dimensions: pd.Series, position: int) -> pd.Series:
    """Each row's label at `position` (0 first, -1 last; NaN where there is none), read once per distinct string."""
    distinct = dimensions.drop_duplicates()
    return dimensions.map(dict(zip(distinct, labels(distinct).str[position], strict=True)))


def pick(obs: pd.DataFrame, table: str | tuple[str, ...], *tail: str, first: str | None = None) -> pd.DataFrame:
    """Rows of `table` whose dimension labels end with `tail` (and start with `first`, if given).

    Decided once per distinct `dimensions` string, then looked up for every row.
    """
    tables = (table,) if isinstance(table, str) else table
    rows = obs[obs["table_code"].isin(tables)]
    wanted = [
        dimensions
        for dimensions in rows["dimensions"].drop_duplicates()
        if _ends_with(dimensions.split(" | "), tail) and (first is None or dimensions.split(" | ")[0] == first)
    ]
    return rows[rows["dimensions"].isin(wanted)]


def _ends_with(parts: list[str], tail: tuple[str, ...]) -> bool:
    return len(parts) >= len(tail) and tuple(parts[len(parts) - len(tail) :]) == tail


def series(rows: pd.DataFrame, name: str) -> pd.DataFrame:
    """One value per region and year, with its status, named `name` (and `name_status`).

    When two rows exist for a region and year (e.g. two Stichtage in one year) the later period wins.
    """
    ordered = rows.sort_values("period").drop_duplicates(["region_code", "year"], keep="last")
    out = ordered[KEY + ["value", "status"]].rename(columns={"value": name, "status": f"{name}_status"})
    return out.reset_index(drop=True)


def total(rows: pd.DataFrame, name: str) -> pd.DataFrame:
    """Sum several rows per region and year (e.g. age groups); a secret part makes the sum secret."""
    flagged = ~rows["status"].isin(NUMERIC)
    sums = rows.groupby(KEY, as_index=False)["value"].sum().rename(columns={"value": name})
    flags = rows[flagged].groupby(["region_code", "year"], as_index=False)["status"].first()
    out = sums.merge(flags.rename(columns={"status": f"{name}_status"}), on=["region_code", "year"], how="left")
    out.loc[out[f"{name}_status"].notna(), name] = float("nan")
    out[f"{name}_status"] = out[f"{name}_status"].fillna("ok")
    return out
