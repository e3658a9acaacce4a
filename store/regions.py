"""The store's region table: each imported key with its level, parent and whether it still exists.

What a key is (its level and parent) is `regions.levels`; which keys exist is the bundled boundaries
(`regions.home`). This module writes both into the `regions` table.
"""

from __future__ import annotations

from functools import cache

import duckdb
import pandas as pd

from regions.home import all_gemeinden, all_kreise
from regions.levels import level_of, parent_of


@cache
def current_keys() -> frozenset[str]:
    """Kreise and Gemeinden (8-digit AGS) of Germany as of the bundled BKG boundaries (01.01.2021)."""
    return frozenset(area.key for area in (*all_kreise(), *all_gemeinden()))


def is_historic(code: str) -> bool:
    """A Kreis or 8-digit Gemeinde key missing from the 2021 boundaries, e.g. 03152 Göttingen (alt).

    Gemeinden with 11/12-digit Regionalschlüssel (inside a Gemeindeverband) have no AGS to compare.
    """
    if level_of(code) == "kreis" or (level_of(code) == "gemeinde" and len(code) == 8):
        return code not in current_keys()
    return False


def upsert_regions(con: duckdb.DuckDBPyConnection, codes_and_names: pd.DataFrame, rename: bool) -> int:
    """Add the regions of an import; with rename=True also take its names for known regions.

    Sources spell names differently ("Vechta" in INKAR and BA, "Vechta, Landkreis" at the
    statistical offices). Only the statistical offices' exports rename, so a name shown on screen
    does not depend on which file happened to be imported last. Returns how many known regions got
    another name: their name is in every year's indicator results (store.results.refresh).
    """
    frame = codes_and_names.drop_duplicates("region_code", keep="last")[["region_code", "region_name"]].copy()
    frame["level"] = frame["region_code"].map(level_of)
    frame["parent_code"] = frame["region_code"].map(parent_of)
    frame["historic"] = frame["region_code"].map(is_historic).astype(bool)
    con.register("new_regions", frame)
    try:
        renamed = 0
        if rename:
            renamed = con.execute(
                "SELECT count(*) FROM new_regions n JOIN regions r USING (region_code) WHERE r.name <> n.region_name"
            ).fetchall()[0][0]
        verb = "INSERT OR REPLACE" if rename else "INSERT OR IGNORE"
        con.execute(f"{verb} INTO regions SELECT * FROM new_regions")
    finally:
        con.unregister("new_regions")
    return renamed
