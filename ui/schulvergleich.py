"""The cached cuts of the Schulen-im-Vergleich page: one own-data indicator, one year, the Kreis or one Gemeinde.

The arithmetic and the suppression are indicators.schulvergleich's; this module caches them per store
version and turns them into the table the page shows and downloads (German headers, status in words,
a hidden value never 0: on screen its status, in the files an empty cell).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.format import default_decimals, fmt_number, fmt_value
from indicators import schulvergleich
from indicators.catalogue import CATALOGUE
from indicators.lokal import MEASURES, TABLE
from indicators.status import HAS_VALUE, status_text
from regions.home import home
from ui.data import own_observations
from ui.tables import whole

KEYS = list(MEASURES)  # the own-data indicators a school has
KIND_TEXT = {schulvergleich.SCHULE: "Schule", schulvergleich.GEMEINDE: "Gemeinde", schulvergleich.KREIS: "Kreis"}


@st.cache_data(show_spinner=False)
def years(key: str, version: int) -> list[int]:
    """Years, newest first, with at least one school of the home Kreis for the indicator."""
    return schulvergleich.years(own_observations(TABLE, version), key, home().key)


@st.cache_data(show_spinner=False)
def comparison(key: str, year: int, area: str, version: int) -> pd.DataFrame:
    """The comparison of the home Kreis (`area` is its key) or of one of its Gemeinden (`area` the Gemeinde's key)."""
    kreis = home()
    frame = own_observations(TABLE, version)
    return schulvergleich.comparison(frame, key, year, kreis.key, kreis.title, None if area == kreis.key else area)


@st.cache_data(show_spinner=False)
def gemeinden(key: str, year: int, version: int) -> dict[str, str]:
    """The Gemeinden with schools in that year, code → name, by name."""
    totals = comparison(key, year, home().key, version)
    totals = totals[totals["kind"] == schulvergleich.GEMEINDE].sort_values("region_name")
    return dict(zip(totals["region_code"], totals["region_name"], strict=True))


def line_name(row: pd.Series) -> str:
    """How a line reads: the school's name, or whose schools a total sums."""
    if row["kind"] == schulvergleich.SCHULE:
        return row["category"]
    return f"{row['region_name']} (Summe der Schulen)"


def schools(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["kind"] == schulvergleich.SCHULE]


def references(frame: pd.DataFrame) -> dict[str, float]:
    """The totals with a value, Gemeinde before Kreis, for the chart's reference rules.

    In the Kreis view the Gemeinde totals stand in the table only: one rule per Gemeinde would cover the bars.
    """
    totals = frame[frame["kind"] != schulvergleich.SCHULE]
    if totals["region_code"].nunique() > 2:
        totals = totals[totals["kind"] == schulvergleich.KREIS]
    totals = totals[totals["status"].isin(HAS_VALUE)]
    return {f"Summe {name}": float(value) for name, value in zip(totals["region_name"], totals["value"], strict=True)}


def table(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The comparison as shown and downloaded: one line per school and total, full-precision values."""
    indicator = CATALOGUE[key]
    return pd.DataFrame(
        {
            "Gemeinde": [
                "" if kind == schulvergleich.KREIS else name
                for kind, name in zip(frame["kind"], frame["region_name"], strict=True)
            ],
            "Zeile": [KIND_TEXT[kind] for kind in frame["kind"]],
            "Schule bzw. Summe": [line_name(row) for _, row in frame.iterrows()],
            "Regionalschlüssel": frame["region_code"],
            "Jahr": frame["year"].astype(int),
            "Wert": frame["value"],
            "Einheit": indicator.unit,
            "Zähler": whole(frame["numerator"]),
            "Nenner": whole(frame["denominator"]),
            "Status": frame["status"].map(status_text),
            "Hinweis": frame["note"],
        }
    ).reset_index(drop=True)


def text_table(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The chart's data as text, for "Daten als Tabelle" under it: every line with its value or status."""
    unit = CATALOGUE[key].unit
    return pd.DataFrame(
        {
            "Schule bzw. Summe": [line_name(row) for _, row in frame.iterrows()],
            "Wert": [fmt_value(v, unit, s) for v, s in zip(frame["value"], frame["status"], strict=True)],
        }
    )


def on_screen(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """table() with its cells as German text, same rows and columns: a hidden value reads "unterdrückt".

    A styled empty cell (ui.tables.styled) showed Streamlit's grey "None" in the browser, an English
    word where the reader expects the status; text cells show exactly what is written.
    """
    shown = table(frame, key)
    decimals = default_decimals(CATALOGUE[key].unit)
    return shown.assign(
        Wert=[
            status_text(s, short=True) if pd.isna(v) else fmt_number(v, decimals)
            for v, s in zip(frame["value"], frame["status"], strict=True)
        ],
        Zähler=["" if pd.isna(v) else fmt_number(v) for v in shown["Zähler"]],
        Nenner=["" if pd.isna(v) else fmt_number(v) for v in shown["Nenner"]],
        Jahr=shown["Jahr"].astype(str),
    )
