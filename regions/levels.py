"""What a region key is: its level, its parent, and the names of the two area sets a map or list shows.

Keys are text. The length of an official key tells its level (AGS/ARS convention); INKAR's own
spellings ("111" for the Bund, Kreis keys with a "000" suffix) are mapped to these by its importer.
This is the one place that reads a level from a key; the store writes it into `regions.level`, and
every result row carries it from there.
"""

from __future__ import annotations

import re

# An official region key as text: DG, Land (2), Bezirk (3), Kreis (5), Gemeindeverband (7, 9, 10),
# Gemeinde (8, or 11/12 digits as Regionalschlüssel). Every importer checks keys against this one pattern.
REGION_KEY = re.compile(r"^(DG|\d{2,3}|\d{5}|\d{7,12})$")

BUND = "DG"

# The two sets of areas the dashboard, the presentation and the URL (`ebene=`) speak of: all Kreise of
# the home Land, or the Gemeinden of the home Kreis. One spelling everywhere.
KREISE = "kreise"
GEMEINDEN = "gemeinden"
AREA_LEVELS = (KREISE, GEMEINDEN)

_BY_LENGTH = {2: "land", 3: "regierungsbezirk", 5: "kreis", 8: "gemeinde", 11: "gemeinde", 12: "gemeinde"}


def level_of(code: str) -> str:
    """bund, land, regierungsbezirk, kreis, gemeindeverband or gemeinde, from the length of the key.

    Gemeinde tables also list Gemeindeverbände (7, 9 or 10 digits) and Gemeinden inside them with
    the longer Regionalschlüssel (11 or 12 digits); most Gemeinden have 8-digit AGS.
    """
    if code == BUND:
        return "bund"
    return _BY_LENGTH.get(len(code), "gemeindeverband")


def is_gemeinde(code: str) -> bool:
    return level_of(code) == "gemeinde"


def kreis_of(code: str) -> str:
    """The Kreis a Gemeinde (or Gemeindeverband) lies in; a Kreis is its own."""
    return code[:5]


def land_of(code: str) -> str:
    """The Land a Kreis or Gemeinde lies in (the first two digits of its key)."""
    return code[:2]


def parent_of(code: str) -> str | None:
    """The next level up that every table has: Gemeinde → Kreis, Kreis/Bezirk → Land, Land → Bund."""
    level = level_of(code)
    if level in ("gemeinde", "gemeindeverband"):
        return kreis_of(code)
    if level in ("kreis", "regierungsbezirk"):
        return land_of(code)
    if level == "land":
        return BUND
    return None
