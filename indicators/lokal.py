"""The Bildungsbüro's own data from the template (table "EIGENE Schuldaten"), per school and Gemeinde.

Dimensions are "merkmal | schule" for a school and the merkmal alone for a Gemeinde total. The school
becomes the category of the result, so one Gemeinde and year form the group that secondary
suppression protects: with the Gemeinde total shown, one hidden school could be recovered from it.
"""

from __future__ import annotations

import pandas as pd

from indicators.ratio import finish, ratio
from indicators.selection import KEY, labels

TABLE = "EIGENE Schuldaten"
GEMEINDE_TOTAL = "Gemeinde insgesamt"
# indicator key → (numerator merkmal, denominator merkmal, scale): what each own-data indicator divides.
MEASURES = {
    "ohne_abschluss_schule": ("abgaenge_ohne_abschluss", "abgaenge_insgesamt", 100.0),
    "absentismus_je_1000": ("absentismus_verfahren", "schueler_insgesamt", 1000.0),
}


def counts(obs: pd.DataFrame, merkmal: str, name: str) -> pd.DataFrame:
    """The counts of one merkmal as column `name` (status in `name`_status), the school as category."""
    rows = obs[obs["table_code"] == TABLE]
    parts = labels(rows["dimensions"])
    chosen = parts.str[0] == merkmal
    # Filter the labels with the rows: assigning the unfiltered labels to no rows would create rows.
    rows = rows[chosen].assign(category=parts[chosen].str[1].fillna(GEMEINDE_TOTAL))
    out = rows[KEY + ["category", "value", "status"]]
    return out.rename(columns={"value": name, "status": f"{name}_status"})


def _per_school(obs: pd.DataFrame, key: str) -> pd.DataFrame:
    part, whole, scale = MEASURES[key]
    return finish(ratio(counts(obs, part, "num"), counts(obs, whole, "den"), scale), key)


def in_gemeinde(frame: pd.DataFrame) -> pd.Series:
    """Relation "Gemeinde total = sum of its schools": one group per Gemeinde and year."""
    gemeinde = frame["level"] == "gemeinde"
    return (frame["region_code"] + "|" + frame["year"].astype(str)).where(gemeinde)


def in_kreis(frame: pd.DataFrame) -> pd.Series:
    """Relation "Kreis total = sum of its Gemeinden": Gemeinde totals and the Kreis row, per Kreis and year."""
    totals = (frame["category"] == GEMEINDE_TOTAL) & frame["level"].isin(("gemeinde", "kreis"))
    return (frame["region_code"].str[:5] + "|" + frame["year"].astype(str)).where(totals)


RELATIONS = (in_gemeinde, in_kreis)


def ohne_abschluss_schule(obs: pd.DataFrame) -> pd.DataFrame:
    return _per_school(obs, "ohne_abschluss_schule")


def absentismus_je_1000(obs: pd.DataFrame) -> pd.DataFrame:
    return _per_school(obs, "absentismus_je_1000")
