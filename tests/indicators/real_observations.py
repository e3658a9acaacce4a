"""Observations from real bundled files, parsed by the real importers, without any database.

Indicator tests run on exactly what the store would hold, but stay pure: parse → DataFrame.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from regions.levels import level_of, parent_of
from store.importers.registry import parse_file
from store.regions import is_historic

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


@cache
def _parsed(relative: str) -> pd.DataFrame:
    parsed = parse_file(RAW / relative)
    obs = parsed.observations.copy()
    obs["table_code"] = parsed.table_code
    return obs


def observations(*relative_paths: str, gemeinden_of: str | None = "03453") -> pd.DataFrame:
    """The columns store.queries.observations returns, for the given files under data/raw."""
    obs = pd.concat([_parsed(p) for p in relative_paths], ignore_index=True)
    obs["year"] = obs["period"].str[:4].astype(int)
    codes = pd.Series(obs["region_code"].unique())
    regions = pd.DataFrame(
        {
            "region_code": codes,
            "level": codes.map(level_of),
            "parent_code": codes.map(parent_of),
            "historic": codes.map(is_historic).astype(bool),
        }
    )
    obs = obs.merge(regions, on="region_code")
    if gemeinden_of is not None:
        local = ~obs["level"].isin(["gemeinde", "gemeindeverband"]) | (obs["parent_code"] == gemeinden_of)
        obs = obs[local]
    return obs.reset_index(drop=True)
