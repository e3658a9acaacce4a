"""The one-line key statement of a slide and the short lines under it, generated from the data.

One pattern serves every indicator, whatever its unit: title, region and year, the region's value,
then its Land and Deutschland in the same year, e.g.

    "Abgänge ohne Hauptschulabschluss, Landkreis Vechta 2024: x,x % – Niedersachsen: 8,7 %,
    Deutschland: keine Daten."

The references are taken from the region's year, never from their own newest year, so the sentence
compares like with like. A value that is secret, suppressed or missing is written in words through
charts.format (never 0), and all numbers use its German format. Everything here is pure: result
frames (indicators.model.RESULT_COLUMNS) in, text out; the figures themselves come from
indicators.cuts, as on the dashboard's pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from charts.format import fmt_counts, fmt_number, fmt_rank, fmt_value
from indicators.comparison import previous, rank_among
from indicators.cuts import Figure, figure, reference_codes
from indicators.model import Direction, Indicator
from regions.home import home

_RANK_ONE = {
    Direction.LOWER_IS_BETTER: "niedrigster Wert",
    Direction.HIGHER_IS_BETTER: "höchster Wert",
    Direction.NEUTRAL: "höchster Wert, keine Wertung",
}


def place_name(name: str, level: str = "kreis") -> str:
    """How a region reads in a sentence: "Vechta, Landkreis" -> "Landkreis Vechta".

    "Braunschweig, Kreisfreie Stadt" -> "Stadt Braunschweig"; "Region Hannover, Landkreis" stays
    "Region Hannover". Gemeinden get "(Gemeinde)", as in the dashboard's region list, because the
    Gemeinde Vechta and the Landkreis would otherwise read alike.
    """
    if level == "gemeinde":
        return f"{name} (Gemeinde)"
    base, _, kind = name.rpartition(", ")
    if not base:
        return name
    if base.startswith("Region "):
        return base
    return f"Stadt {base}" if kind == "Kreisfreie Stadt" else f"{kind} {base}"


def place(shown: Figure) -> str:
    """The figure's region as it reads in a sentence (place_name)."""
    return place_name(shown.region_name, shown.level)


@dataclass(frozen=True)
class KeyFigures:
    """The region in the statement's year and the references in that same year."""

    year: int | None
    own: Figure
    references: tuple[Figure, ...]  # Niedersachsen and/or Deutschland, as the slide compares


def key_figures(
    result: pd.DataFrame,
    region: str,
    year: int | None = None,
    category: str = "",
    comparison: Sequence[str] = ("land", "bund"),
) -> KeyFigures:
    own = figure(result, region, year, category)
    shown_year = own.year if own.year is not None else year
    codes = reference_codes()
    compared = tuple(figure(result, codes[c], shown_year, category) for c in comparison if c in codes and shown_year)
    return KeyFigures(shown_year, own, compared)


def key_statement(indicator: Indicator, figures: KeyFigures, category: str = "") -> str:
    """The slide's message in one sentence (see the module docstring for the pattern)."""
    title = f"{indicator.title} ({category})" if category else indicator.title
    when = f" {figures.year}" if figures.year else ""
    own = figures.own
    sentence = f"{title}, {place(own)}{when}: {fmt_value(own.value, indicator.unit, own.status)}"
    references = [f"{r.region_name}: {fmt_value(r.value, indicator.unit, r.status)}" for r in figures.references]
    if references:
        sentence += " – " + ", ".join(references)
    return sentence + "."


def statement(
    indicator: Indicator,
    result: pd.DataFrame,
    region: str,
    year: int | None = None,
    category: str = "",
    comparison: Sequence[str] = ("land", "bund"),
) -> str:
    """Shortcut: the key statement of `indicator` for `region` straight from its result frame."""
    return key_statement(indicator, key_figures(result, region, year, category, comparison), category)


# ------------------------------------------------------------------------------- lines under the statement


def counts_line(own: Figure) -> str | None:
    """ "228 von 2.031", so the audience can judge how small the base is; None without counts."""
    if own.value is None or own.numerator is None or own.denominator is None:
        return None
    return fmt_counts(own.numerator, own.denominator)


def previous_line(result: pd.DataFrame, own: Figure, unit: str, category: str = "") -> str | None:
    """ "zuvor 2023: 8,3 %": the region's previous year with a value, for a time series."""
    row = previous(result, own.region_code, own.year, category) if own.year is not None else None
    if row is None:
        return None
    gap = own.year - int(row["year"])
    apart = f" ({gap} Jahre früher)" if gap > 1 else ""
    return f"zuvor {int(row['year'])}{apart}: {fmt_value(row['value'], unit)}"


def rank_line(result: pd.DataFrame, indicator: Indicator, kreis: str, year: int, category: str = "") -> str | None:
    """ "Rang 39 von 45 Kreisen (1 = niedrigster Wert)"; None if the Kreis has no rank in that year."""
    ranked = rank_among(result, year, indicator.direction, home().land_key, category)
    own = ranked[ranked["region_code"] == kreis]
    if own.empty or pd.isna(own["rank"].iloc[0]):
        return None
    place = fmt_rank(int(own["rank"].iloc[0]), int(ranked["n"].iloc[0]), int(own["tied"].iloc[0]), "Kreisen")
    return f"{place} (1 = {_RANK_ONE[indicator.direction]})"


def range_line(areas: pd.DataFrame, unit: str, what: str) -> str | None:
    """ "Gemeinden: zwischen 3,6 je 100 in Cappeln (Oldenburg) und 13,0 je 100 in Saterland", from a map."""
    valued = areas.dropna(subset=["value"]).sort_values("value")
    if len(valued) < 2:
        return None
    low, high = valued.iloc[0], valued.iloc[-1]
    line = (
        f"{what}: zwischen {fmt_value(low['value'], unit)} in {low['region_name']} "
        f"und {fmt_value(high['value'], unit)} in {high['region_name']}"
    )
    without = len(areas) - len(valued)
    return line + (f"; {fmt_number(without)} ohne Wert" if without else "")
