"""Region keys: their level, their parent, and which of them no longer exist.

Keys are text. The length of an official key tells its level (AGS/ARS convention); INKAR's own
spellings ("111" for the Bund, Kreis keys with a "000" suffix) are mapped to these by its importer.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

# An official region key as text: DG, Land (2), Bezirk (3), Kreis (5), Gemeindeverband (7, 9, 10),
# Gemeinde (8, or 11/12 digits as Regionalschlüssel). Every importer checks keys against this one pattern.
REGION_KEY = re.compile(r"^(DG|\d{2,3}|\d{5}|\d{7,12})$")

BUND = "DG"
NIEDERSACHSEN = "03"
CLOPPENBURG = "03453"

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "raw" / "geo" / "vg5000_2021"


def level_of(code: str) -> str:
    """bund, land, regierungsbezirk, kreis, gemeindeverband or gemeinde, from the length of the key.

    Gemeinde tables also list Gemeindeverbände (7, 9 or 10 digits) and Gemeinden inside them with
    the longer Regionalschlüssel (11 or 12 digits); Niedersachsen's Gemeinden have 8-digit AGS.
    """
    if code == BUND:
        return "bund"
    levels = {2: "land", 3: "regierungsbezirk", 5: "kreis", 8: "gemeinde", 11: "gemeinde", 12: "gemeinde"}
    return levels.get(len(code), "gemeindeverband")


def parent_of(code: str) -> str | None:
    """The next level up that every table has: Gemeinde → Kreis, Kreis/Bezirk → Land, Land → Bund."""
    level = level_of(code)
    if level in ("gemeinde", "gemeindeverband"):
        return code[:5]
    if level in ("kreis", "regierungsbezirk"):
        return code[:2]
    if level == "land":
        return BUND
    return None


@cache
def current_keys() -> frozenset[str]:
    """Kreise of Germany and Gemeinden of Niedersachsen as of the bundled BKG boundaries (01.01.2021)."""
    keys = set()
    for name in ("vg5000_2021_kreise_de.geojson", "vg5000_2021_gemeinden_niedersachsen.geojson"):
        features = json.loads((BOUNDARIES / name).read_text(encoding="utf-8"))["features"]
        keys.update(f["properties"]["AGS"] for f in features)
    return frozenset(keys)


def is_historic(code: str) -> bool:
    """A Kreis (or NI Gemeinde) key missing from the 2021 boundaries, e.g. 03152 Göttingen (alt)."""
    level = level_of(code)
    if level == "kreis" or (level == "gemeinde" and code.startswith(NIEDERSACHSEN)):
        return code not in current_keys()
    return False


def upsert_regions(con: duckdb.DuckDBPyConnection, codes_and_names: pd.DataFrame, rename: bool) -> None:
    """Add the regions of an import; with rename=True also take its names for known regions.

    Sources spell names differently ("Cloppenburg" in INKAR and BA, "Cloppenburg, Landkreis" at the
    statistical offices). Only the statistical offices' exports rename, so a name shown on screen
    does not depend on which file happened to be imported last.
    """
    frame = codes_and_names.drop_duplicates("region_code", keep="last")[["region_code", "region_name"]].copy()
    frame["level"] = frame["region_code"].map(level_of)
    frame["parent_code"] = frame["region_code"].map(parent_of)
    frame["historic"] = frame["region_code"].map(is_historic).astype(bool)
    con.register("new_regions", frame)
    try:
        verb = "INSERT OR REPLACE" if rename else "INSERT OR IGNORE"
        con.execute(f"{verb} INTO regions SELECT * FROM new_regions")
    finally:
        con.unregister("new_regions")
