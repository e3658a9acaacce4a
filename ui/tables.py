"""The Tabelle of an indicator: one frame that is shown, and downloaded as CSV and XLSX unchanged.

The frame keeps full-precision numbers, so the files are fit for further calculation; the screen
shows the same cells in German format (one decimal for shares, "2.031", status in words). A value
that is secret, suppressed or missing stays empty and its status says why; it never becomes 0.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from access.audit import entries
from charts.format import default_decimals, fmt_date, fmt_number
from charts.spreadsheet import formula_safe
from indicators.model import Indicator
from indicators.status import SOURCE_STATUSES, status_text

LOCAL_TIME = ZoneInfo("Europe/Berlin")  # the office's clock; the log itself keeps UTC

_ROLE_ORDER = {"region": 0, "land": 1, "bund": 2, "peer": 3}
MISSING_YEAR_NOTE = (
    "kein Wert im Datenbestand: für dieses Jahr ist keine Datei mitgeliefert oder importiert "
    "(nicht erhoben oder noch nicht gebündelt)"
)


def with_missing_years(series: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Add a row for every year a region lacks between the first and last year with any value.

    The chart breaks its line there; the table names the year and the reason, so a gap is never
    silent: the indicator's declared gap (not collected / not yet bundled) where it has one, else the
    general note. Years a source flags (secret, not meaningful, …) already have their row and status.
    """
    if series.empty:
        return series
    years = set(range(int(series["year"].min()), int(series["year"].max()) + 1))
    added = []
    for _, rows in series.groupby(["region_code", "category"], sort=False):
        for year in sorted(years - set(rows["year"].astype(int))):
            added.append(
                rows.iloc[0][["region_code", "region_name", "level", "role", "category"]].to_dict()
                | {"year": year, "status": "missing", "note": indicator.gap_reason(year) or MISSING_YEAR_NOTE}
            )
    return pd.concat([series, pd.DataFrame(added)], ignore_index=True) if added else series


def indicator_table(series: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """The rows of the Diagramm (region, Land, Bund, comparison group), newest year first, gaps named."""
    series = with_missing_years(series, indicator)
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
            "Zähler": whole(rows["numerator"]),
            "Nenner": whole(rows["denominator"]),
            "Status": rows["status"].map(status_text),
            "Hinweis": rows["note"],
        }
    )
    if (table["Kategorie"] == "").all():
        table = table.drop(columns="Kategorie")
    return table.reset_index(drop=True)


def whole(counts: pd.Series) -> pd.Series:
    """Counts as whole numbers ("2031", not "2031,0" in the CSV); shares used as parts stay decimal."""
    known = counts.dropna()
    return counts.astype("Int64") if (known == known.round()).all() else counts


def styled(table: pd.DataFrame, unit: str) -> Styler:
    """German display of the numbers; empty cells stay empty (the Status column says why)."""

    def number(decimals: int):
        return lambda v: "" if pd.isna(v) else fmt_number(v, decimals)

    return table.style.format(
        {"Wert": number(default_decimals(unit)), "Zähler": number(0), "Nenner": number(0), "Jahr": str}
    )


def to_csv(table: pd.DataFrame) -> bytes:
    """Semicolon and decimal comma with a BOM: German Excel opens it with umlauts and numbers intact.

    Names that begin like a formula are escaped (charts.spreadsheet), as in every export.
    """
    return formula_safe(table).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, sheet: str = "Daten") -> bytes:
    buffer = io.BytesIO()
    formula_safe(table).to_excel(buffer, index=False, sheet_name=sheet)
    return buffer.getvalue()


def downloads(table: pd.DataFrame, name: str, sheet: str = "Daten") -> None:
    """CSV and XLSX buttons in a row, the same on every page; the XLSX is built only when it is clicked."""
    buttons = st.container(horizontal=True)
    buttons.download_button("CSV", to_csv(table), f"{name}.csv", "text/csv")
    buttons.download_button(
        "XLSX",
        lambda: to_xlsx(table, sheet),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )


def provenance(history: pd.DataFrame) -> pd.DataFrame:
    """Import records (store.queries.import_history) with German headers and dates.

    "Werte aktuell" counts the values of the file still in use; a file whose values were all replaced
    by a newer download shows 0 and stays listed, so the history is complete.
    """
    return pd.DataFrame(
        {
            "Datei": history["file_name"],
            "Tabelle": history["table_code"],
            "Titel": history["table_title"],
            "Quelle": history["source"],
            "Stand": [fmt_date(s) if pd.notna(s) else "nicht angegeben" for s in history["stand"]],
            "Lizenz": history["licence"],
            "Importiert am": [fmt_date(t) for t in history["imported_at"]],
            "Werte aktuell": [fmt_number(n) for n in history["rows_current"]],
            "SHA-256": history["sha256"],
        }
    ).reset_index(drop=True)


def legend() -> pd.DataFrame:
    """The sources' symbols in words (indicators.status), for every page that shows source values."""
    return pd.DataFrame({"Status": [s.text for s in SOURCE_STATUSES], "Bedeutung": [s.legend for s in SOURCE_STATUSES]})


def audit(path: Path, limit: int) -> pd.DataFrame:
    """The newest audit log entries (access/audit.py) with German headers and local time.

    "Was" lists the entry's details as "key: value" text, the way a person reads them; the file keeps JSON.
    """
    rows = entries(path, limit)
    return pd.DataFrame(
        {
            "Zeit": [datetime.fromisoformat(r["time"]).astimezone(LOCAL_TIME).strftime("%d.%m.%Y %H:%M") for r in rows],
            "Wer": [r["who"] for r in rows],
            "Aktion": [r["action"] for r in rows],
            "Was": ["; ".join(f"{k}: {_word(v)}" for k, v in r["what"].items()) for r in rows],
        },
        dtype=str,
    )


def _word(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)
