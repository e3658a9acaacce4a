"""Schulen im Vergleich: every school of the home Kreis (or of one Gemeinde) for one own-data indicator and year.

The Gemeinde and Kreis lines are computed from the schools (counts summed, then divided), not taken
from a total row of the file: the page promises that a total is exactly the schools listed above it,
so a reader can check it, and a school missing from the file cannot hide inside a total.

Suppression is indicators.suppression's, with the relations of indicators.lokal (schools → Gemeinde
total, Gemeinde totals → Kreis total). It runs over the whole Kreis before one Gemeinde is cut out,
so the Gemeinde view hides exactly the cells the Kreis view hides: switching views recovers nothing.
"""

from __future__ import annotations

import pandas as pd

from indicators.lokal import GEMEINDE_TOTAL, MEASURES, RELATIONS, counts
from indicators.model import RESULT_COLUMNS
from indicators.ratio import finish, ratio
from indicators.selection import KEY
from indicators.status import HAS_VALUE, OK, SUPPRESSION_THRESHOLD
from indicators.suppression import suppress

# The kind of each row of a comparison: a school, a Gemeinde's schools summed, all schools of the Kreis.
SCHULE, GEMEINDE, KREIS = "schule", "gemeinde", "kreis"
COLUMNS = [*RESULT_COLUMNS, "kind"]


def _schools(obs: pd.DataFrame, merkmal: str, name: str, kreis: str) -> pd.DataFrame:
    """One merkmal's counts per school of the Kreis' Gemeinden (the file's own total rows left out)."""
    rows = counts(obs, merkmal, name)
    school = (rows["category"] != GEMEINDE_TOTAL) & (rows["level"] == "gemeinde")
    return rows[school & rows["region_code"].str.startswith(kreis)]


def _with_totals(schools: pd.DataFrame, name: str, kreis: str, kreis_name: str) -> pd.DataFrame:
    """The schools' counts followed by their sum per Gemeinde and year, and per Kreis and year.

    The template stores every count as given (status ok), so a sum of counts is a count too.
    """
    gemeinden = schools.groupby(KEY, as_index=False)[name].sum()
    kreise = (
        schools.groupby("year", as_index=False)[name]
        .sum()
        .assign(region_code=kreis, region_name=kreis_name, level="kreis")
    )
    totals = pd.concat([gemeinden, kreise], ignore_index=True).assign(category=GEMEINDE_TOTAL, **{f"{name}_status": OK})
    return pd.concat([schools, totals[schools.columns]], ignore_index=True)


def _pairs(obs: pd.DataFrame, key: str, kreis: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Numerator and denominator counts of the schools that have both (per year): only they count anywhere."""
    part, whole, _ = MEASURES[key]
    num = _schools(obs, part, "num", kreis)
    den = _schools(obs, whole, "den", kreis)
    both = ["region_code", "year", "category"]
    return num.merge(den[both], on=both), den.merge(num[both], on=both)


def comparison(
    obs: pd.DataFrame,
    key: str,
    year: int,
    kreis: str,
    kreis_name: str,
    gemeinde: str | None = None,
    threshold: int = SUPPRESSION_THRESHOLD,
) -> pd.DataFrame:
    """The schools of the Kreis `kreis` (or only of `gemeinde`) in `year`, with Gemeinde totals and the Kreis total.

    obs: observations of the template table (store.queries.observations); key: an indicator of
    lokal.MEASURES. A school counts, in its line and in every total, when it has both counts.
    Returns COLUMNS ordered by Gemeinde (its schools, then its total), the Kreis total last: the
    Gemeinde totals with category lokal.GEMEINDE_TOTAL and kind GEMEINDE, the Kreis total at level
    "kreis" with kind KREIS; with `gemeinde`, only that Gemeinde's rows and the Kreis total.
    """
    num, den = (frame[frame["year"] == year] for frame in _pairs(obs, key, kreis))
    if num.empty:
        return pd.DataFrame(columns=COLUMNS)
    scale = MEASURES[key][2]
    frame = ratio(_with_totals(num, "num", kreis, kreis_name), _with_totals(den, "den", kreis, kreis_name), scale)
    result = suppress(finish(frame, key), threshold, relations=RELATIONS)
    result["kind"] = SCHULE
    result.loc[result["category"] == GEMEINDE_TOTAL, "kind"] = GEMEINDE
    result.loc[result["level"] == "kreis", "kind"] = KREIS
    if gemeinde:
        result = result[(result["region_code"] == gemeinde) | (result["kind"] == KREIS)]
    order = result.assign(_kind=result["kind"].map({SCHULE: 0, GEMEINDE: 1, KREIS: 2}), _kreis=result["kind"] == KREIS)
    order = order.sort_values(["_kreis", "region_name", "_kind", "category"])
    return order.reset_index(drop=True)[COLUMNS]


def years(obs: pd.DataFrame, key: str, kreis: str) -> list[int]:
    """Years, newest first, in which some school of the Kreis has both counts of the indicator."""
    num, _ = _pairs(obs, key, kreis)
    return sorted({int(y) for y in num["year"]}, reverse=True)


def all_hidden(frame: pd.DataFrame) -> bool:
    """True when not one line of a comparison has a value to show (every one suppressed or without data)."""
    return not frame["status"].isin(HAS_VALUE).any()
