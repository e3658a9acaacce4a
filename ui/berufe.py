"""The cached cuts of the Berufe und Fachkräfte page: one Kreis' Berufsgruppen in one year, as the page shows them.

The arithmetic is indicators.berufe's; this module caches it per store version and turns numbers into
the German text the tables show (one decimal, "keine Daten"/"Basis zu klein" instead of a number).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.format import fmt_number, fmt_pp, fmt_value
from indicators import berufe
from indicators.comparison import with_values
from ui.data import result

TIGHTNESS = "arbeitslose_je_stelle"
WOMEN = "frauenanteil_beruf"
GEMEINDE_RATE = "beschaeftigtenquote"  # its Gemeinde rows are INKAR's published rates


@st.cache_data(show_spinner=False)
def years(region: str, version: int) -> list[int]:
    """Years, newest first, in which the region has an unemployed-per-vacancy value for some Berufsgruppe."""
    rows = with_values(result(TIGHTNESS, version), None)
    return sorted({int(y) for y in rows.loc[rows["region_code"] == region, "year"]}, reverse=True)


@st.cache_data(show_spinner=False)
def occupations(region: str, land: str, year: int, version: int) -> pd.DataFrame:
    return berufe.occupation_year(result(TIGHTNESS, version), result(WOMEN, version), region, land, year)


def bereiche(table: pd.DataFrame) -> list[str]:
    """The Berufsbereiche that occur in the table, in code order, for the filter."""
    return sorted(b for b in set(table["berufsbereich"]) if b)


def filtered(table: pd.DataFrame, bereich: str, search: str) -> pd.DataFrame:
    """The Berufsgruppen of one Berufsbereich ("" for all) whose name or code contains `search`."""
    if bereich:
        table = table[table["berufsbereich"] == bereich]
    if search.strip():
        table = table[table["category"].str.contains(search.strip(), case=False, regex=False)]
    return table


def women_table(table: pd.DataFrame) -> pd.DataFrame:
    """Berufsgruppen by women's share, highest first, as text."""
    table = table.sort_values(["women_share", "category"], ascending=[False, True], na_position="last")
    return pd.DataFrame(
        {
            "Berufsgruppe": table["category"],
            "Frauenanteil": [fmt_value(v, "%") for v in table["women_share"]],
            "Stichtag": ["" if pd.isna(y) else f"30.06.{int(y)}" for y in table["women_year"]],
            "SV-Beschäftigte am Wohnort": [fmt_number(v, 0) for v in table["employees"]],
        }
    )


@st.cache_data(show_spinner=False)
def gemeinde_rates(kreis: str, version: int) -> pd.DataFrame:
    """INKAR's employment rate of the Kreis' Gemeinden, one column per year, as text."""
    rows = with_values(result(GEMEINDE_RATE, version))
    rows = rows[(rows["level"] == "gemeinde") & rows["region_code"].str.startswith(kreis)]
    table = rows.assign(text=[fmt_value(v, "%") for v in rows["value"]]).pivot_table(
        index="region_name", columns="year", values="text", aggfunc="first"
    )
    table.columns = [str(year) for year in table.columns]
    return table.fillna("keine Daten").rename_axis(index="Gemeinde").reset_index()


def shown(table: pd.DataFrame, land_name: str) -> pd.DataFrame:
    """The table as text (and a trend list for the sparkline column), in the order given."""
    return pd.DataFrame(
        {
            "Berufsgruppe": table["category"],
            "Arbeitslose je Stelle": [
                fmt_value(v, "", s, 1).strip() for v, s in zip(table["value"], table["status"], strict=True)
            ],
            land_name: [fmt_value(v, "", None, 1).strip() for v in table["land_value"]],
            f"Verlauf seit {berufe.FIRST_YEAR}": table["trend"],
            "Veränderung seit erstem Wert": [fmt_pp(v, 1).removesuffix(" Pp.") for v in table["change"]],
            "Arbeitslose": [fmt_number(v, 0) for v in table["numerator"]],
            "Gemeldete Stellen": [fmt_number(v, 0) for v in table["denominator"]],
            "Frauenanteil": [
                fmt_value(v, "%") + ("" if pd.isna(y) else f" ({int(y)})")
                for v, y in zip(table["women_share"], table["women_year"], strict=True)
            ],
        }
    )
