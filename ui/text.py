"""German sentences around a figure, shared by the pages; numbers themselves go through charts.format."""

from __future__ import annotations

import re

import pandas as pd

from charts.format import default_decimals, fmt_counts, fmt_pp, fmt_value, is_missing
from indicators.cuts import Figure
from indicators.model import Indicator
from indicators.status import SUPPRESSED, status_text
from regions.levels import GEMEINDEN, KREISE

# The spaces inside "5,7 %" and "104,8 je 100": a line must not break a number from its unit.
_UNIT_SPACE = re.compile(r"(?<=\d) (?=%|je\b|Pp\.)|(?<=\bje) (?=\d)")


def unbroken(text: str) -> str:
    """`text` with a no-break space between each number and its unit, for text that wraps (slides, chart texts)."""
    return _UNIT_SPACE.sub("\u00a0", text)


# Units whose differences are Prozentpunkte; a difference of two rates "je 100" keeps its unit.
_POINTS = ("%", "Pp.")


def difference(delta: float | None, unit: str) -> str:
    """A signed difference in the indicator's unit: "+2,6 Pp." for shares, "−1,3 je 100" for rates.

    Sign, rounding and the missing case follow charts.format.fmt_pp; only the unit word differs.
    """
    text = fmt_pp(delta, default_decimals(unit))
    if unit in _POINTS or is_missing(delta):
        return text
    number = text.removesuffix(" Pp.")
    return number if unit == "Anzahl" else f"{number} {unit}"


def with_year(figure: Figure, unit: str) -> str:
    """ "11,2 % (2024)"; a figure without a value says why, with the year asked for if there was one."""
    value = fmt_value(figure.value, unit, figure.status)
    return f"{value} ({figure.year})" if figure.year else value


def named(figure: Figure, unit: str) -> str:
    """ "Niedersachsen 2024: 8,7 %", the way a reference value is quoted next to the region's own."""
    when = f" {figure.year}" if figure.year else ""
    return f"{figure.region_name}{when}: {fmt_value(figure.value, unit, figure.status)}"


def counts(figure: Figure) -> str | None:
    """ "228 von 2.031" for a computed share, None when the figure has no counts to show."""
    if is_missing(figure.numerator) or is_missing(figure.denominator):
        return None
    return fmt_counts(figure.numerator, figure.denominator)


_FORMULA = {
    "%": "Zähler ÷ Nenner × 100",
    "je 100": "Zähler ÷ Nenner × 100",
    "je 1.000": "Zähler ÷ Nenner × 1.000",
    "Pp.": "Zähler − Nenner (Differenz zweier Anteile, in Prozentpunkten)",
    "Anzahl": "Zähler (eine Anzahl, keine Quote)",
}


def formula(unit: str, published: bool) -> str:
    """How the value follows from Zähler and Nenner; for published rates, that the source computed it."""
    text = _FORMULA.get(unit, "Zähler ÷ Nenner")
    return f"{text}; von der Quelle so berechnet und veröffentlicht" if published else text


def no_values(rows: pd.DataFrame, indicator: Indicator, region_name: str, category: str) -> str | None:
    """Why a time series would draw no line at all (None when a row has a value), in place of an empty chart.

    An empty chart showed only the axis label "0,000000". A school whose every year is suppressed is
    named with the reason; a Kreis asked for data that exist only per school and Gemeinde is told so.
    """
    if rows["value"].notna().any():
        return None
    own = rows[rows["role"] == "region"]
    if len(own) and (own["status"] == SUPPRESSED).all():
        return (
            f"Für „{category or region_name}“ sind alle Werte {status_text(SUPPRESSED)}. "
            "Die Tabelle nennt sie Jahr für Jahr."
        )
    where = f"in „{category}“ " if category else ""
    text = f"Für {region_name} gibt es {where}keine Werte."
    if "kreis" not in indicator.levels and "gemeinde" in indicator.levels:
        text += " Die eigenen Daten liegen je Schule und Gemeinde vor; welche Gemeinden Werte haben, zeigt die Karte."
    return text


_PER_AREA = {KREISE: "je Kreis", GEMEINDEN: "je Gemeinde"}


def no_map_values(indicator: Indicator, level: str, category: str) -> str:
    """Why a map level stays empty in every year, said instead of a map whose colour legend reads "NaN"."""
    what = f"„{category}“" if category else "diesen Indikator"
    text = f"Für {what} gibt es keine Werte {_PER_AREA[level]}."
    if level == KREISE and "kreis" not in indicator.levels:
        text += " Die eigenen Daten liegen je Schule und Gemeinde vor; die Karte der Gemeinden zeigt sie."
    return text
