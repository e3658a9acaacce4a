"""German sentences around a figure, shared by the pages; numbers themselves go through charts.format."""

from __future__ import annotations

import re

from charts.format import default_decimals, fmt_counts, fmt_pp, fmt_value, is_missing
from indicators.cuts import Figure

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
