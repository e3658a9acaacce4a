"""A Land as the sum of its Kreise, for sources that list every Kreis but not the Land itself.

The 2024 school-leaver table, INKAR's Kreis files and the BA by occupation stop at Kreis level. A Land
value is summed only for a year in which every current Kreis of that Land (bundled boundaries,
regions.home) has a row, and carries a note naming the count, so nobody mistakes it for a published value.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from regions.home import kreise_of_land, name_of
from regions.levels import land_of


def note(land: str) -> str:
    """ "Summe der 45 Kreise (Landeswert in der Quelle nicht ausgewiesen)", with the Land's own count."""
    return f"Summe der {len(kreise_of_land(land))} Kreise (Landeswert in der Quelle nicht ausgewiesen)"


def complete_years(frame: pd.DataFrame) -> Iterator[tuple[str, str, int, pd.DataFrame]]:
    """(Land key, Land name, year, Kreis rows) for each Land and year whose current Kreise are all listed
    while the Land itself has no row. `frame` has region_code, level, historic and year columns."""
    has_land = set(zip(frame["region_code"], frame["year"], strict=True))
    kreise = frame[(frame["level"] == "kreis") & ~frame["historic"].astype(bool)]
    for (land, year), rows in kreise.groupby([kreise["region_code"].map(land_of), "year"]):
        if (land, year) not in has_land and rows["region_code"].nunique() == len(kreise_of_land(land)):
            yield land, name_of(land), year, rows
