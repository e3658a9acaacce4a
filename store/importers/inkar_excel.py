"""INKAR (BBSR) Excel exports, .xls and .xlsx: sheets "Daten", "Metadaten" and "Quellangabe".

This is what the INKAR web application downloads, and unlike the CSV extracts (inkar_csv) it
carries its own documentation, which we keep in the import's provenance:
- "Daten": row 1 names the indicator of each value column, row 2 its year, then one row per region
  `Kennziffer | Raumeinheit | Aggregat | values…`. Each cell becomes one observation whose dimension
  is the indicator name; the table code is "INKAR <indicator>", so the Gemeinde and the Kreis file of
  the same indicator form one table (their regions do not overlap).
- "Metadaten": per indicator the long name, source, formula and remarks → the import's definition.
- "Quellangabe": the citation INKAR asks for ("… INKAR. Ausgabe 2024. Hrsg.: BBSR … © 2024 BBR")
  → the licence/attribution line, together with the data licence.

The Aggregat column says the level, and it decides how the Kennziffer is read: Kreise have 5 digits,
Gemeinden 8 (the AGS). INKAR numbers Gemeindeverbände with 8 digits too (Kreis + "9xx"), which is
no official key and could be mistaken for a Gemeinde; those rows are left out (documented, counted
in the title). An empty cell means INKAR has no value for that year (series start late), as in the
CSV extracts, and is not stored.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from indicators.status import OK
from store.errors import ImportFehler
from store.importers.inkar_keys import official_codes
from store.importers.model import DGL2, OBSERVATION_COLUMNS, ParsedTable

SOURCE = "INKAR (BBSR)"
SHEETS = ("Daten", "Metadaten", "Quellangabe")
KEY_HEADER = ["Kennziffer", "Raumeinheit", "Aggregat"]
# Aggregat → the form its Kennziffer must have.
_LEVELS = {
    "Bund": re.compile(r"^(DG|111|0)$"),
    "Bundesländer": re.compile(r"^\d{2}$"),
    "Länder": re.compile(r"^\d{2}$"),
    "Kreise": re.compile(r"^\d{5}$"),
    "Gemeinden": re.compile(r"^\d{8}$"),
    "verbandsfreie Gemeinde": re.compile(r"^\d{8}$"),
    "gemeindefreies Gebiet": re.compile(r"^\d{8}$"),
}
SKIPPED_LEVELS = {"Gemeindeverband"}
_EDITION = re.compile(r"Ausgabe (\d{4})")


def recognises(path: Path, head: str) -> bool:
    if path.suffix.lower() not in {".xls", ".xlsx"}:
        return False
    try:
        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except (CalamineError, OSError, ValueError):
        return False
    return all(sheet in names for sheet in SHEETS)


def parse(path: Path) -> ParsedTable:
    name = path.name
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        rows = workbook.get_sheet_by_name("Daten").to_python()
        meta = workbook.get_sheet_by_name("Metadaten").to_python()
        citation_rows = workbook.get_sheet_by_name("Quellangabe").to_python()
    except (CalamineError, OSError, ValueError) as err:
        raise ImportFehler(name, "die INKAR-Arbeitsmappe ist nicht lesbar.") from err
    indicators, years = _header(rows, name)
    frame = pd.DataFrame([_padded(r, len(indicators) + 3) for r in rows[2:]])
    frame.columns = KEY_HEADER + list(range(len(indicators)))
    frame["line"] = frame.index + 3
    frame = frame[frame["Kennziffer"].astype(str).str.strip() != ""]
    skipped = frame["Aggregat"].isin(SKIPPED_LEVELS)
    frame = frame[~skipped].copy()
    frame["region_code"] = official_codes(frame, "Aggregat", _LEVELS, name)
    long = frame.melt(
        id_vars=["line", "region_code", "Raumeinheit"], value_vars=list(range(len(indicators))), var_name="column"
    )
    long = long[long["value"].map(lambda v: not (isinstance(v, str) and v.strip() == ""))]
    numbers = pd.to_numeric(long["value"], errors="coerce")
    if numbers.isna().any():
        first = long[numbers.isna()].sort_values("line").iloc[0]
        raise ImportFehler(
            name,
            f"„{str(first.value)[:40]}“ für {indicators[first.column]} {years[first.column]} ist keine Zahl.",
            int(first.line),
        )
    observations = pd.DataFrame(
        {
            "region_code": long["region_code"],
            "region_name": long["Raumeinheit"].astype(str).str.strip(),
            "period": long["column"].map(years.__getitem__),
            "dimensions": long["column"].map(indicators.__getitem__),
            "unit": "",
            "value": numbers.astype("float64"),
            "status": OK,
            "raw_symbol": long["value"].astype(str),
            "line": long["line"],
        }
    ).sort_values(["line", "period"], kind="stable")
    names = list(dict.fromkeys(indicators))
    citation = _citation(citation_rows)
    edition = _EDITION.search(citation)
    title = f"INKAR{f' (Ausgabe {edition.group(1)})' if edition else ''}: {', '.join(names)}"
    if skipped.any():
        title += f" – ohne {int(skipped.sum())} Gemeindeverbände (keine amtlichen Schlüssel)"
    return ParsedTable(
        source=SOURCE,
        table_code="INKAR " + "; ".join(names),
        table_title=title,
        stand=None,
        licence=f"{citation}; {DGL2}" if citation else f"Datenquelle: INKAR, BBSR Bonn; {DGL2}",
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS].reset_index(drop=True),
        definition=_definition(meta, names),
    )


def _padded(row: list, width: int) -> list:
    return (list(row) + [""] * width)[:width]


def _header(rows: list[list], name: str) -> tuple[list[str], list[str]]:
    if len(rows) < 3 or [str(c).strip() for c in rows[0][:3]] != KEY_HEADER:
        raise ImportFehler(
            name, "das Blatt „Daten“ beginnt nicht mit „Kennziffer | Raumeinheit | Aggregat“ (INKAR-Export).", 1
        )
    indicators = [str(c).strip() for c in rows[0][3:]]
    years = [str(c).strip() for c in rows[1][3:]]
    while indicators and not indicators[-1]:
        indicators.pop()
    years = years[: len(indicators)]
    for label, year in zip(indicators, years, strict=True):
        if not label or not re.fullmatch(r"\d{4}", year.removesuffix(".0")):
            raise ImportFehler(name, f"Spalte „{label}“ hat in Zeile 2 kein Jahr („{year}“).", 2)
    return indicators, [y.removesuffix(".0") for y in years]


def _definition(meta: list[list], names: list[str]) -> str:
    """Langname, formula and remarks of each indicator, as INKAR documents them."""
    header = next((i for i, r in enumerate(meta) if r and str(r[0]).strip() == "Indikator"), None)
    if header is None:
        return ""
    labels = [str(c).strip() for c in meta[header]]
    parts = []
    for row in meta[header + 1 :]:
        cells = dict(zip(labels, (str(c).strip() for c in row), strict=False))
        if cells.get("Indikator") not in names:
            continue
        text = [f"{cells['Indikator']}: {cells.get('Langname', '')}".rstrip(": ")]
        for label in ("Berechnungsgrundlage", "Quelle", "Anmerkungen"):
            if cells.get(label):
                text.append(f"{label}: {cells[label]}")
        parts.append(". ".join(text))
    return "\n".join(parts)


def _citation(rows: list[list]) -> str:
    text = " ".join(str(c).strip() for r in rows for c in r if str(c).strip())
    return re.sub(r"\s+", " ", text.removeprefix("Quelle (Zitierhinweis):")).strip()
