"""How far an indicator still is from its target: the Destatis "Wettersymbole", declared once.

The method is that of the Deutsche Nachhaltigkeitsstrategie (Indikatorenbericht des Statistischen
Bundesamts), which German administrations know, so the Beirat reads a symbol here as it reads one
there:

- Take the indicator's annual values ending at the latest year: up to 6 consecutive years, at least 4
  (fewer: `nicht_bewertbar`, with the reason).
- Mean annual change = (last − first of those values) / (number of years − 1), and
  projektion = letzter_wert + mittlere_änderung × (zieljahr − letztes_jahr).
- If the latest value already meets the target, or the projection reaches or passes it in the good
  direction (the declared direction; for a neutral indicator the direction from the latest value
  towards the target): `sonne`.
- Otherwise abweichung_prozent = |zielwert − projektion| / |zielwert − letzter_wert| × 100: below 5
  `sonne`, 5 to 20 `leicht_bewoelkt`, above 20 with a change in the right direction `bewoelkt`, a
  change in the wrong direction or none `gewitter`.

Every consumer (the Ziele page, the Überblick tile, the chart, the slide, `cli.py ziele status`) reads
`assess` and the `BEWERTUNGEN` vocabulary, so the symbol and its German word never differ between them.
Pure: plain numbers and frames in, a frozen `Assessment` out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from indicators.model import Break, Direction

MAX_YEARS = 6
MIN_YEARS = 4


@dataclass(frozen=True)
class Bewertung:
    """One category of the assessment: stable key, German word (never a symbol or colour alone) and symbol."""

    key: str
    word: str
    symbol: str  # drawn from DejaVu Sans (PDF export, the browser's fallback): no emoji font needed


SONNE = Bewertung("sonne", "Ziel in Reichweite", "☀")
LEICHT_BEWOELKT = Bewertung("leicht_bewoelkt", "leicht verfehlt", "☀☁")
BEWOELKT = Bewertung("bewoelkt", "deutlich verfehlt", "☁")
GEWITTER = Bewertung("gewitter", "falsche Richtung", "⚡")
NICHT_BEWERTBAR = Bewertung("nicht_bewertbar", "nicht bewertbar", "–")
BEWERTUNGEN = {b.key: b for b in (SONNE, LEICHT_BEWOELKT, BEWOELKT, GEWITTER, NICHT_BEWERTBAR)}


@dataclass(frozen=True)
class Assessment:
    """The assessment of one Zielindikator; numbers in the indicator's unit, None where not computed."""

    bewertung: Bewertung
    zielwert: float
    zieljahr: int
    letztes_jahr: int | None = None
    letzter_wert: float | None = None
    mittlere_aenderung: float | None = None
    projektion: float | None = None
    abweichung_prozent: float | None = None
    jahre: tuple[int, ...] = ()  # the years of the window the change was taken from
    grund: str = ""  # why it is nicht_bewertbar, or that the target is already met
    bruch: str = ""  # a declared data break inside the window, named next to the symbol
    bruch_jahre: tuple[int, ...] = ()  # the years of those breaks, for a place too small for their labels

    @property
    def label(self) -> str:
        """ "☁ deutlich verfehlt", the symbol always with its word."""
        return f"{self.bewertung.symbol} {self.bewertung.word}"


def window(values: pd.DataFrame) -> pd.DataFrame:
    """The consecutive years (columns `year`, `value`) ending at the latest year with a value, at most 6."""
    rows = values.dropna(subset=["value"]).sort_values("year")
    years = [int(y) for y in rows["year"]]
    if not years:
        return rows.iloc[0:0]
    start = len(years) - 1
    while start > 0 and years[start - 1] == years[start] - 1 and len(years) - start < MAX_YEARS:
        start -= 1
    return rows.iloc[start:]


def _good_sign(direction: Direction, latest: float, target: float) -> int:
    """+1 when rising values are good, −1 when falling ones are; a neutral indicator heads for its target."""
    if direction is Direction.HIGHER_IS_BETTER:
        return 1
    if direction is Direction.LOWER_IS_BETTER:
        return -1
    return 1 if target > latest else -1 if target < latest else 0


def assess(
    values: pd.DataFrame,
    direction: Direction,
    zielwert: float,
    zieljahr: int,
    breaks: Sequence[Break] = (),
) -> Assessment:
    """Assess the region's annual `values` (columns `year`, `value`) against a target (see module docstring)."""
    rows = window(values)
    if rows.empty:
        return Assessment(NICHT_BEWERTBAR, zielwert, zieljahr, grund="keine Werte im Datenbestand")
    years = tuple(int(y) for y in rows["year"])
    first, last = float(rows["value"].iloc[0]), float(rows["value"].iloc[-1])
    latest_year = years[-1]
    inside = [b for b in breaks if years[0] < b.year <= latest_year]
    bruch = "; ".join(f"Datenbruch {b.year}: {b.label}" for b in inside)
    base = {"bruch_jahre": tuple(b.year for b in inside)} | {
        "zielwert": zielwert,
        "zieljahr": zieljahr,
        "letztes_jahr": latest_year,
        "letzter_wert": last,
    }
    if len(years) < MIN_YEARS:
        span = f"{years[0]}–{latest_year}" if len(years) > 1 else str(latest_year)
        reason = (
            f"nur {len(years)} aufeinanderfolgende Jahreswerte ({span}); für eine Bewertung braucht es mindestens "
            f"{MIN_YEARS}"
        )
        return Assessment(NICHT_BEWERTBAR, jahre=years, grund=reason, bruch=bruch, **base)
    change = (last - first) / (len(years) - 1)
    projection = last + change * (zieljahr - latest_year)
    sign = _good_sign(direction, last, zielwert)
    numbers = {"mittlere_aenderung": change, "projektion": projection, "jahre": years, "bruch": bruch}
    if sign == 0 or (zielwert - last) * sign <= 0:
        return Assessment(SONNE, grund="Zielwert bereits erreicht", **base, **numbers)
    if (projection - zielwert) * sign >= 0:
        return Assessment(SONNE, abweichung_prozent=0.0, **base, **numbers)
    deviation = abs(zielwert - projection) / abs(zielwert - last) * 100
    if deviation < 5:
        category = SONNE
    elif deviation <= 20:
        category = LEICHT_BEWOELKT
    elif change * sign > 0:
        category = BEWOELKT
    else:
        category = GEWITTER
    return Assessment(category, abweichung_prozent=deviation, **base, **numbers)
