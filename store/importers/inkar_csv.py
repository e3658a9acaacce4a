"""INKAR (BBSR) indicator extracts: one row per region and year, one column per indicator.

The files in data/raw/inkar/ are CSV extracts of the INKAR tables (see its PROVENANCE.md), named
`inkar_<table>_<levels>.csv` with the header `raumbezug,kennziffer,name,zeitbezug,<kürzel>…`,
comma-separated with a decimal point. Each cell becomes one observation whose dimension is the
indicator kürzel (e.g. "a_schul_oA"); its meaning lives in INKAR's dictionary inkar_indikatoren.csv,
which is not data and is not recognised here. Units are not part of the extract, so unit is "".

Empty cells are not stored. INKAR leaves a cell empty where an indicator does not exist for that
year or level (series start late, Gemeinden carry only the SGB-II columns): about 70,000 of 350,000
cells in the bildung table and half of the sozialleistungen table. They are absent values, not
flagged ones, and a region/year/indicator with no row already reads as "kein Wert" on every page.
Consequence: a newer extract that empties a cell does not delete the older value.

INKAR's own region keys are mapped to the official ones (inkar_keys): the Bund "111" → "DG", Kreise "03460000"
(AGS + "000") → "03460"; Länder (2 digits) and Gemeinden (8-digit AGS) stay as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from indicators.status import OK
from store.errors import ImportFehler
from store.importers.guards import read_frame, read_text
from store.importers.inkar_keys import official_codes
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

SOURCE = "INKAR (BBSR)"
LICENCE = "dl-de/by-2-0, Datenquelle: INKAR, BBSR Bonn"

KEY_COLUMNS = ["raumbezug", "kennziffer", "name", "zeitbezug"]
HEADER_START = ",".join(KEY_COLUMNS) + ","
_TABLE_IN_NAME = re.compile(r"^inkar_([a-z]+)_")
# raumbezug → the form its kennziffer must have
_KEY_FORMS = {
    "Bund": re.compile(r"^111$"),
    "Bundesländer": re.compile(r"^\d{2}$"),
    "Kreise": re.compile(r"^\d{5}000$"),
    "Gemeinden": re.compile(r"^\d{8}$"),
}


def recognises(path: Path, head: str) -> bool:
    return head.lstrip("\ufeff").startswith(HEADER_START)


def parse(path: Path) -> ParsedTable:
    name = path.name
    match = _TABLE_IN_NAME.match(name)
    if not match:
        raise ImportFehler(
            name,
            "der Dateiname nennt keine INKAR-Tabelle (erwartet z. B. "
            "„inkar_bildung_kreise_laender_bund.csv“); sie wird als Tabellencode gebraucht.",
        )
    table = match.group(1)
    frame = read_frame(read_text(path), ",", name)
    frame["line"] = frame.index
    frame["region_code"] = official_codes(frame, "raumbezug", _KEY_FORMS, name)
    _check_years(frame, name)
    indicators = [c for c in frame.columns if c not in KEY_COLUMNS + ["line", "region_code"]]
    long = frame.melt(
        id_vars=["line", "region_code", "name", "zeitbezug"],
        value_vars=indicators,
        var_name="dimensions",
        value_name="raw_symbol",
    )
    long = long[long["raw_symbol"].str.strip() != ""]
    value = pd.to_numeric(long["raw_symbol"], errors="coerce")
    if value.isna().any():
        first = long[value.isna()].sort_values("line").iloc[0]
        raise ImportFehler(
            name, f"„{first.raw_symbol[:40]}“ in Spalte {first.dimensions} ist keine Zahl.", int(first.line)
        )
    observations = pd.DataFrame(
        {
            "region_code": long["region_code"],
            "region_name": long["name"].str.strip(),
            "period": long["zeitbezug"],
            "dimensions": long["dimensions"],
            "unit": "",
            "value": value.astype("float64"),
            "status": OK,
            "raw_symbol": long["raw_symbol"],
            "line": long["line"],
        }
    ).sort_values("line", kind="stable")
    return ParsedTable(
        source=SOURCE,
        table_code=f"INKAR {table}",
        table_title=f"INKAR-Indikatoren: {table.capitalize()}",
        stand=None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS].reset_index(drop=True),
    )


def _check_years(frame: pd.DataFrame, name: str) -> None:
    bad = ~frame["zeitbezug"].str.match(r"^\d{4}$")
    if bad.any():
        first = frame[bad].iloc[0]
        raise ImportFehler(name, f"Zeitbezug „{first.zeitbezug}“ ist keine Jahreszahl.", int(first.line))
