"""The Tabelle of an indicator: one frame that is shown, and downloaded as CSV and XLSX unchanged.

The frame keeps full-precision numbers, so the files are fit for further calculation; the screen
shows the same cells in German format (one decimal for shares, "2.031", status in words). A value
that is secret, suppressed or missing stays empty and its status says why; it never becomes 0.
"""

from __future__ import annotations

import io

import pandas as pd
from pandas.io.formats.style import Styler

from charts.format import default_decimals, fmt_number, status_text
from indicators.model import Indicator

_ROLE_ORDER = {"region": 0, "land": 1, "bund": 2, "peer": 3}


def indicator_table(series: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """The rows of the Diagramm (region, Land, Bund, comparison group), newest year first."""
    rows = series.assign(order=series["role"].map(_ROLE_ORDER)).sort_values(
        ["order", "region_name", "year"], ascending=[True, True, False]
    )
    table = pd.DataFrame(
        {
            "Region": rows["region_name"],
            "Regionalschlüssel": rows["region_code"],
            "Jahr": rows["year"].astype(int),
            "Kategorie": rows["category"],
            "Wert": rows["value"],
            "Einheit": indicator.unit,
            "Zähler": rows["numerator"],
            "Nenner": rows["denominator"],
            "Status": rows["status"].map(status_text),
            "Hinweis": rows["note"],
        }
    )
    if (table["Kategorie"] == "").all():
        table = table.drop(columns="Kategorie")
    return table.reset_index(drop=True)


def styled(table: pd.DataFrame, unit: str) -> Styler:
    """German display of the numbers; empty cells stay empty (the Status column says why)."""

    def number(decimals: int):
        return lambda v: "" if pd.isna(v) else fmt_number(v, decimals)

    return table.style.format(
        {"Wert": number(default_decimals(unit)), "Zähler": number(0), "Nenner": number(0), "Jahr": str}
    )


def to_csv(table: pd.DataFrame) -> bytes:
    """Semicolon and decimal comma with a BOM: German Excel opens it with umlauts and numbers intact."""
    return table.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, sheet: str = "Daten") -> bytes:
    buffer = io.BytesIO()
    table.to_excel(buffer, index=False, sheet_name=sheet)
    return buffer.getvalue()
