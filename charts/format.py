"""German number, date and status text for everything printed outside a chart (tiles, tables, captions).

Inside charts the Vega locale from `charts.style.german_locale` does the same job; these functions are for
text that pages build in Python. They share three rules:

- Rounding is half up ("kaufmännisch", as in the published tables), not Python's round-half-even on the
  binary value: 8.25 prints as "8,3".
- Negative numbers carry the typographic minus U+2212 ("−"), the sign d3-format also uses, so numbers
  in text and in charts look alike and the sign never breaks from its digits.
- A missing value never prints as a number: NaN or None become the German status text ("keine Daten",
  "geheim", …), never "0" and never "–" (which in official tables means "genau null").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from indicators.status import status_text

MINUS = "\u2212"


def is_missing(value: float | None) -> bool:
    """True for None, NaN and pd.NA: the ways a value arrives when the source gave no number."""
    return bool(pd.isna(value))


def fmt_number(value: float | None, decimals: int = 0) -> str:
    """1967 -> "1.967", 1967.25 with 1 decimal -> "1.967,3", -3 -> "−3"; missing -> "keine Daten"."""
    if is_missing(value):
        return status_text("missing")
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{MINUS}{text}" if rounded < 0 else text


def default_decimals(unit: str) -> int:
    """Counts are whole numbers; shares and rates are read to one decimal, as in the Bildungsberichte."""
    return 0 if unit == "Anzahl" else 1


def d3_format(values: Sequence[float], unit: str) -> str:
    """The d3 format of a colour legend (or axis) over `values`: the unit's decimals, more where needed.

    Vega's own choice follows the tick step, and a legend over a single value has none: it printed
    12.5 as "12,500000". Separators come from the chart's German locale (charts.style.german_locale).
    Shares that span less than a unit get the decimals that tell about five steps apart (0,02 … 0,08).
    """
    known = [v for v in values if not is_missing(v)]
    decimals = default_decimals(unit)
    step = (max(known) - min(known)) / 4 if known else 0
    if step > 0:
        decimals = max(decimals, min(4, math.ceil(-math.log10(step))))
    return f",.{decimals}f"


def fmt_value(value: float | None, unit: str, status: str | None = None, decimals: int | None = None) -> str:
    """8.2867 with "%" -> "8,3 %"; 1967 with "Anzahl" -> "1.967"; NaN with status "secret" -> "geheim".

    The status is only consulted when there is no value, so callers can pass each row's status blindly.
    """
    if is_missing(value):
        return status_text(status if status not in (None, "ok", "computed") else "missing")
    number = fmt_number(value, default_decimals(unit) if decimals is None else decimals)
    return number if unit == "Anzahl" else f"{number} {unit}"


def fmt_pp(delta: float | None, decimals: int = 1) -> str:
    """A difference of two percentages in Prozentpunkte: -0.62 -> "−0,6 Pp.", 0.62 -> "+0,6 Pp.".

    Sign convention: a change always shows its sign ("+" or U+2212 "−") so it cannot be misread as a
    level; a difference that rounds to zero shows none ("0,0 Pp."), never "−0,0".
    """
    if is_missing(delta):
        return status_text("missing")
    text = fmt_number(delta, decimals)
    if text.startswith(MINUS) or set(text) <= {"0", ","}:
        return f"{text} Pp."
    return f"+{text} Pp."


def fmt_counts(numerator: float | None, denominator: float | None) -> str:
    """The counts behind a share, "163 von 1.967", so a reader can judge how small the base is."""
    if is_missing(numerator) or is_missing(denominator):
        return status_text("missing")
    return f"{fmt_number(numerator)} von {fmt_number(denominator)}"


def fmt_date(day: date) -> str:
    """date(2015, 6, 30) -> "30.06.2015", the German Stichtag format."""
    return day.strftime("%d.%m.%Y")


def fmt_rank(rank: int, of: int, tied: int = 1, noun: str = "") -> str:
    """ "Rang 12 von 45"; when Kreise share the rank at the shown precision it says so:
    "Rang 12 von 45 (gleichauf mit 2 weiteren Kreisen, gleicher gerundeter Wert)".

    `noun` follows the total ("Rang 12 von 45 Kreisen").
    """
    text = f"Rang {rank} von {of}" + (f" {noun}" if noun else "")
    others = tied - 1
    if others == 1:
        return text + " (gleichauf mit 1 weiteren Kreis, gleicher gerundeter Wert)"
    if others > 1:
        return text + f" (gleichauf mit {others} weiteren Kreisen, gleicher gerundeter Wert)"
    return text
