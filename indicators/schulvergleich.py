"""Schulen im Vergleich: every school of the home Kreis (or of one Gemeinde) for one own-data indicator and year.

The Gemeinde and Kreis lines are computed from the schools (counts summed, then divided), not taken
from a total row of the file: the page promises that a total is exactly the schools listed above it,
so a reader can check it, and a school missing from the file cannot hide inside a total.

Suppression must hold across pages, not only on this one. The schools' values are the indicator's
own (catalogue.evaluate, as the Indikator page, goals and exports show them); a school shown there
is shown here. The new sums are then suppressed with indicators.suppression and the relations of
indicators.lokal (schools → Gemeinde sum, Gemeinde sums → Kreis sum), taking only sums as second
cells: hiding a school here that other pages show would protect nothing. A Gemeinde sum whose
schools are all shown is known anyway and is never a second cell either. The whole Kreis is
suppressed before one Gemeinde is cut out, so the Gemeinde view hides what the Kreis view hides.
"""

from __future__ import annotations

import pandas as pd

from indicators.catalogue import evaluate
from indicators.lokal import GEMEINDE_TOTAL, MEASURES, RELATIONS, counts
from indicators.model import RESULT_COLUMNS
from indicators.ratio import finish, ratio
from indicators.selection import KEY
from indicators.status import HAS_VALUE, OK, SUPPRESSED, SUPPRESSION_THRESHOLD
from indicators.suppression import suppress

# The kind of each row of a comparison: a school, a Gemeinde's schools summed, all schools of the Kreis.
SCHULE, GEMEINDE, KREIS = "schule", "gemeinde", "kreis"
COLUMNS = [*RESULT_COLUMNS, "kind"]


def _schools(obs: pd.DataFrame, merkmal: str, name: str, kreis: str) -> pd.DataFrame:
    """One merkmal's counts per school of the Kreis' Gemeinden (the file's own total rows left out)."""
    rows = counts(obs, merkmal, name)
    school = (rows["category"] != GEMEINDE_TOTAL) & (rows["level"] == "gemeinde")
    return rows[school & rows["region_code"].str.startswith(kreis)]


def _sums(schools: pd.DataFrame, name: str, kreis: str, kreis_name: str) -> pd.DataFrame:
    """The schools' counts summed per Gemeinde and year, and per Kreis and year.

    The template stores every count as given (status ok), so a sum of counts is a count too.
    """
    gemeinden = schools.groupby(KEY, as_index=False)[name].sum()
    kreise = (
        schools.groupby("year", as_index=False)[name]
        .sum()
        .assign(region_code=kreis, region_name=kreis_name, level="kreis")
    )
    totals = pd.concat([gemeinden, kreise], ignore_index=True).assign(category=GEMEINDE_TOTAL, **{f"{name}_status": OK})
    return totals[schools.columns]


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
    """The schools of the Kreis `kreis` (or only of `gemeinde`) in `year`, with Gemeinde sums and the Kreis sum.

    obs: observations of the template table (store.queries.observations, the same the stored result
    is computed from); key: an indicator of lokal.MEASURES. A school counts, in its line and in
    every sum, when it has both counts. Returns COLUMNS ordered by Gemeinde (its schools, then its
    sum), the Kreis sum last: the sums with category lokal.GEMEINDE_TOTAL, a Gemeinde's with kind
    GEMEINDE, the Kreis' at level "kreis" with kind KREIS; with `gemeinde`, only that Gemeinde's
    rows and the Kreis sum.
    """
    num, den = (frame[frame["year"] == year] for frame in _pairs(obs, key, kreis))
    if num.empty:
        return pd.DataFrame(columns=COLUMNS)
    shown = evaluate(key, obs, threshold)
    shown = shown[(shown["year"] == year) & shown["region_code"].str.startswith(kreis)]
    own_totals = shown["category"] == GEMEINDE_TOTAL
    schools = shown[~own_totals & (shown["level"] == "gemeinde")]
    sums = finish(
        ratio(_sums(num, "num", kreis, kreis_name), _sums(den, "den", kreis, kreis_name), MEASURES[key][2]), key
    )
    frame = pd.concat([schools, sums], ignore_index=True)
    is_sum = frame["category"] == GEMEINDE_TOTAL
    hidden_schools = schools[schools["status"] == SUPPRESSED].groupby("region_code").size()
    all_schools_shown = is_sum & (frame["level"] == "gemeinde") & ~frame["region_code"].isin(hidden_schools.index)
    # A total the file itself gave, hidden by the indicator: the sum here equals it, so it stays hidden.
    hidden_elsewhere = shown.loc[own_totals & (shown["status"] == SUPPRESSED), "region_code"]
    result = suppress(
        frame,
        threshold,
        relations=RELATIONS,
        published=~is_sum | all_schools_shown,
        also_hide=is_sum & frame["region_code"].isin(hidden_elsewhere),
    )
    result["kind"] = SCHULE
    result.loc[is_sum, "kind"] = GEMEINDE
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
