"""The German text alternative of every chart: what it shows and its message, in words a screen reader reads.

Vega's own descriptions are English and read raw numbers ("%: 10,1330851796"); `charts.style.finish`
switches them off and hands the text from here to Vega as the chart's `description`, which becomes
the accessible name of the drawn SVG. The dashboard prints the same text under each chart. Numbers
are formatted by charts.format, so they read "11,2 %" and "1.967" as everywhere else.
"""

from __future__ import annotations

import pandas as pd

from charts import IndicatorLike, lower_is_better
from charts.format import fmt_value


def _latest(rows: pd.DataFrame) -> pd.Series | None:
    valued = rows.dropna(subset=["value"])
    return valued.sort_values("year").iloc[-1] if len(valued) else None


def _named(row: pd.Series, unit: str, year: bool = True) -> str:
    when = f" {int(row['year'])}" if year else ""
    return f"{row['region_name']}{when}: {fmt_value(row['value'], unit)}"


def series_text(data: pd.DataFrame, indicator: IndicatorLike) -> str:
    """ "Liniendiagramm: … 1995 bis 2024. Neuester Wert Vechta 2024: x,x %; Niedersachsen 2024: 8,7 %; …"

    `data` carries a `role` per row (charts.style.with_roles); the region's newest value leads, then
    Land and Bund with their own newest year (which may differ: INKAR ends earlier than GENESIS).
    """
    valued = data.dropna(subset=["value"])
    if valued.empty:
        return f"Liniendiagramm: {indicator.title}. Keine Werte vorhanden."
    first, last = int(valued["year"].min()), int(valued["year"].max())
    parts = [f"Liniendiagramm: {indicator.title} ({indicator.unit}), {first} bis {last}."]
    latest = []
    for role in ("region", "land", "bund"):
        for _, rows in data[data["role"] == role].groupby("region_code", sort=False):
            row = _latest(rows)
            if row is not None:
                latest.append(_named(row, indicator.unit))
    if latest:
        parts.append("Neuester Wert " + "; ".join(latest) + ".")
    peers = data.loc[data["role"] == "peer", "region_code"].nunique()
    if peers:
        parts.append(f"Dazu {peers} Vergleichskreis{'e' if peers > 1 else ''} in Grau.")
    return " ".join(parts)


def ranking_text(
    data: pd.DataFrame, indicator: IndicatorLike, highlight_code: str, references: dict[str, float]
) -> str:
    """ "Balkendiagramm: … 45 Kreise mit Wert, bester oben. Vechta: x,x %. Oben …; unten …."

    No rank here: a slide shows only some Kreise (its labels carry their rank), the dashboard names the
    rank in its heading.
    """
    valued = data.dropna(subset=["value"]).sort_values("value", ascending=lower_is_better(indicator))
    parts = [f"Balkendiagramm: {indicator.title} ({indicator.unit}), {len(valued)} Kreise mit Wert, bester oben."]
    own = valued[valued["region_code"] == highlight_code]
    if len(own):
        parts.append(f"{_named(own.iloc[0], indicator.unit, year=False)}.")
    if len(valued):
        parts.append(
            f"Oben {_named(valued.iloc[0], indicator.unit, year=False)}; "
            f"unten {_named(valued.iloc[-1], indicator.unit, year=False)}."
        )
    if references:
        parts.append(
            "Referenzlinien: " + "; ".join(f"{n}: {fmt_value(v, indicator.unit)}" for n, v in references.items()) + "."
        )
    return " ".join(parts)


def map_text(data: pd.DataFrame, indicator: IndicatorLike, highlight_code: str | None) -> str:
    """ "Karte: … 45 Gebiete, 45 mit Wert, dunkler = besser. Vechta: x,x %. Spanne von … bis …" """
    valued = data.dropna(subset=["value"]).sort_values("value")
    shade = "dunkler = höher" if indicator.direction.value == "neutral" else "dunkler = besser"
    parts = [f"Karte: {indicator.title} ({indicator.unit}), {len(data)} Gebiete, {len(valued)} mit Wert, {shade}."]
    own = data[data["region_code"] == highlight_code] if highlight_code else data.iloc[0:0]
    if len(own):
        parts.append(_named(own.iloc[0], indicator.unit, year=False) + ", rot umrandet.")
    if len(valued):
        low, high = valued.iloc[0], valued.iloc[-1]
        parts.append(
            f"Niedrigster Wert {_named(low, indicator.unit, year=False)}; "
            f"höchster {_named(high, indicator.unit, year=False)}."
        )
    return " ".join(parts)


def scatter_text(
    data: pd.DataFrame, x: IndicatorLike, y: IndicatorLike, highlight_code: str, areas: str = "Kreise"
) -> str:
    """ "Streudiagramm: … gegen …, 45 Kreise. Vechta: x …, y …." """
    parts = [f"Streudiagramm: {y.title} (senkrecht) gegen {x.title} (waagerecht), {len(data)} {areas}."]
    own = data[data["region_code"] == highlight_code]
    if len(own):
        row = own.iloc[0]
        parts.append(
            f"{row['region_name']}: {x.title} {fmt_value(row['x'], x.unit)}, {y.title} {fmt_value(row['y'], y.unit)}."
        )
    return " ".join(parts)


def schools_text(data: pd.DataFrame, indicator: IndicatorLike, references: dict[str, float]) -> str:
    """ "Balkendiagramm: … 6 Schulen, 2 mit Wert, bester oben. Oben …; unten …. 4 ohne Wert: … Referenzlinien: …"

    `data` has a `label` per school (charts.ranking.school_bars) and the status of each hidden one.
    """
    valued = data.dropna(subset=["value"]).sort_values("value", ascending=lower_is_better(indicator))
    parts = [
        f"Balkendiagramm: {indicator.title} ({indicator.unit}), {len(data)} Schulen, "
        f"{len(valued)} mit Wert, bester oben."
    ]
    if len(valued):
        top, bottom = valued.iloc[0], valued.iloc[-1]
        parts.append(
            f"Oben {top['label']}: {fmt_value(top['value'], indicator.unit)}; "
            f"unten {bottom['label']}: {fmt_value(bottom['value'], indicator.unit)}."
        )
    hidden = data[data["value"].isna()]
    if len(hidden):
        parts.append(f"{len(hidden)} ohne Wert ({', '.join(sorted(set(hidden['status_short'])))}).")
    if references:
        parts.append(
            "Referenzlinien: " + "; ".join(f"{n}: {fmt_value(v, indicator.unit)}" for n, v in references.items()) + "."
        )
    return " ".join(parts)
