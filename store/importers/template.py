"""The Bildungsbüro's own figures, per school or per Gemeinde and school year (data/templates/).

A long format that one person can fill in by hand and check line by line: one count per row,
`schuljahr;region_code;schule;merkmal;anzahl[;quelle]`, as CSV (";" or ",", UTF-8 or Windows-1252)
or as the first sheet of an .xlsx. data/templates/README.md is the user's documentation.

- Period: a school year counts for the calendar year in which it ends ("2023/24" → "2024"), the
  year its leavers leave, which is how the official leaver tables (21111) date the same cohort.
- Dimensions: "merkmal | schule", or the merkmal alone for a Gemeinde or Kreis total.
- Every file goes to one table, "EIGENE Schuldaten", with no Stand date: a later import of the same
  school, year and merkmal replaces the stored count (store.load), a new year adds to it.
- Counts are stored as given; small numbers are suppressed where they are shown (in the dashboard),
  so the file keeps the true figures.
- The shipped example rows carry the source "Beispieldaten, nicht real" and are refused, so a
  template that was never filled in cannot reach the dashboard as if it were real.
- `quelle` is for the office's own notes and is not stored; the import record names the file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from indicators.status import OK
from regions.home import all_kreise, home, name_of, region_for
from regions.levels import kreis_of
from store.errors import ImportFehler
from store.importers.guards import read_text
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

LICENCE = "intern, nur aggregierte Daten"
TABLE_CODE = "EIGENE Schuldaten"
TABLE_TITLE = "Eigene Schuldaten des Bildungsbüros (je Schule oder Gemeinde und Schuljahr)"

REQUIRED = ["schuljahr", "region_code", "schule", "merkmal", "anzahl"]
OPTIONAL = ["quelle"]
# The documented merkmal list (README.md); German terms in ASCII.
MERKMALE = {
    "schueler_insgesamt": "Schülerinnen und Schüler insgesamt",
    "abgaenge_insgesamt": "Abgängerinnen und Abgänger am Ende des Schuljahres, alle Abschlüsse",
    "abgaenge_ohne_abschluss": "davon ohne Ersten Schulabschluss (früher: ohne Hauptschulabschluss)",
    "absentismus_verfahren": "eingeleitete Verfahren wegen Schulabsentismus",
}
# part → total it belongs to, for the same school year, region and school
PART_OF = {"abgaenge_ohne_abschluss": "abgaenge_insgesamt"}
EXAMPLE_MARKER = "Beispieldaten, nicht real"
_SCHULJAHR = re.compile(r"^(\d{4})/(\d{2}|\d{4})$", re.ASCII)
_COUNT = re.compile(r"^[+-]?\d+$", re.ASCII)


def recognises(path: Path, head: str) -> bool:
    """Our header names "schuljahr", which no official format does; missing columns are parse()'s job."""
    if path.suffix.lower() == ".xlsx":
        return "schuljahr" in _xlsx_header(path)
    first = head.lstrip("\ufeff").strip().split("\n", 1)[0]
    return "schuljahr" in _names(re.split(r"[;,]", first))


def parse(path: Path) -> ParsedTable:
    name = path.name
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    if not rows:
        raise ImportFehler(name, "die Datei enthält nur die Kopfzeile, keine Werte.", 1)
    records = [_record(line, row, name) for line, row in rows]
    _check_parts(records, name)
    observations = pd.DataFrame(
        {
            "region_code": [r["region_code"] for r in records],
            "region_name": [name_of(r["region_code"]) for r in records],
            "period": [r["period"] for r in records],
            "dimensions": [f"{r['merkmal']} | {r['schule']}" if r["schule"] else r["merkmal"] for r in records],
            "unit": "Anzahl",
            "value": [float(r["anzahl"]) for r in records],
            "status": OK,
            "raw_symbol": [str(r["anzahl"]) for r in records],
            "line": [r["line"] for r in records],
        }
    )
    return ParsedTable(
        source=f"Bildungsbüro {home().title} (eigene Erhebung)",
        table_code=TABLE_CODE,
        table_title=TABLE_TITLE,
        stand=None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
    )


def _names(cells) -> list[str]:
    return ["" if c is None else str(c).strip().lstrip("\ufeff").lower() for c in cells]


def _header_map(header: list[str], name: str) -> dict[str, int]:
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFehler(
            name,
            f"{'es fehlt die Spalte' if len(missing) == 1 else 'es fehlen die Spalten'} "
            f"{', '.join(missing)}. Die Kopfzeile muss die Spalten "
            f"{', '.join(REQUIRED)} (und optional {', '.join(OPTIONAL)}) enthalten.",
            1,
        )
    return {c: header.index(c) for c in REQUIRED + OPTIONAL if c in header}


def _csv_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    text = read_text(path)
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if ";" in first else ",")
    header = _names(next(reader))
    columns = _header_map(header, path.name)
    rows = []
    for cells in reader:
        if any(c.strip() for c in cells[len(header) :]):
            raise ImportFehler(
                path.name,
                f"die Zeile hat {len(cells)} Felder, die Kopfzeile nur {len(header)} (ein Trennzeichen zu viel "
                "im Wert?).",
                reader.line_num,
            )
        if any(c.strip() for c in cells):
            rows.append((reader.line_num, {c: cells[i] if i < len(cells) else "" for c, i in columns.items()}))
    return rows


def _xlsx_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    try:
        # data_only=False: a formula comes back as its text ("=B2*2"), so it can be refused below.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as err:
        raise ImportFehler(path.name, "die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx).") from err
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # read every row, not only those inside the sheet's declared range
        sheet_rows = sheet.iter_rows(values_only=True)
        columns = _header_map(_names(next(sheet_rows, ())), path.name)
        rows = []
        for line, cells in enumerate(sheet_rows, start=2):
            _refuse_formulas(cells, path.name, line)
            if any(c is not None and str(c).strip() for c in cells):
                rows.append((line, {c: cells[i] if i < len(cells) else None for c, i in columns.items()}))
    finally:
        workbook.close()
    return rows


def _refuse_formulas(cells: tuple, name: str, line: int) -> None:
    """A formula's cached result may be missing or stale (a file saved by a script); ask for values."""
    for column, cell in enumerate(cells, start=1):
        if isinstance(cell, str) and cell.startswith("="):
            raise ImportFehler(
                name,
                f"in Spalte {get_column_letter(column)} steht eine Formel („{cell[:40]}“). "
                "Bitte Werte statt Formeln eintragen (in Excel: Kopieren, dann Einfügen → Werte).",
                line,
            )


def _xlsx_header(path: Path) -> list[str]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        return []
    try:
        return _names(next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True), ()))
    finally:
        workbook.close()


def _record(line: int, row: dict[str, object], name: str) -> dict[str, object]:
    """One validated row: period, region key, school, merkmal and count."""
    text = {c: "" if v is None else str(v).strip() for c, v in row.items()}
    if EXAMPLE_MARKER.lower() in text.get("quelle", "").lower():
        raise ImportFehler(
            name,
            f"die Zeile enthält noch die Beispieldaten der Vorlage (Quelle „{EXAMPLE_MARKER}“). Bitte durch "
            "eigene Zahlen ersetzen oder die Zeile löschen.",
            line,
        )
    return {
        "line": line,
        "schuljahr": text["schuljahr"],
        "period": _period(text["schuljahr"], name, line),
        "region_code": _region_code(row["region_code"], name, line, school=text["schule"]),
        "schule": text["schule"],
        "merkmal": _merkmal(text["merkmal"], name, line),
        "anzahl": _count(row["anzahl"], name, line),
    }


def _period(schuljahr: str, name: str, line: int) -> str:
    match = _SCHULJAHR.match(schuljahr)
    end = str(int(match.group(1)) + 1) if match else ""
    if match is None or not end.endswith(match.group(2)):
        raise ImportFehler(
            name,
            f"Schuljahr „{schuljahr}“ hat nicht die Form „2023/24“ (zwei aufeinander folgende Jahre).",
            line,
        )
    return end


def _region_code(raw: object, name: str, line: int, school: str) -> str:
    code = "" if raw is None else str(raw).strip()
    # Excel stores a key typed as a number without its leading zero: 3460001 is 03460001.
    if isinstance(raw, int) and len(code) in (4, 7):
        code = "0" + code
    kreis = home()
    if code not in _known_keys(kreis.key):
        gemeinden = kreis.gemeinde_keys
        allowed = (
            f"die {len(gemeinden)} Gemeinden des Heimatkreises {kreis.title} ({gemeinden[0]} … {gemeinden[-1]}) und "
            if gemeinden
            else ""
        )
        raise ImportFehler(
            name,
            f"unbekannter Regionalschlüssel „{code}“. Erlaubt sind {allowed}5-stellige Kreisschlüssel "
            f"(z. B. {kreis.key}); als Text eingeben, mit führender Null.",
            line,
        )
    if school and kreis_of(code) != kreis.key:
        raise ImportFehler(
            name,
            f"die Schule „{school[:60]}“ liegt laut Regionalschlüssel {code} nicht im Heimatkreis "
            f"{kreis.title}. Schulen werden mit dem Schlüssel ihrer Gemeinde im Kreis ({kreis.key}…) eingetragen.",
            line,
        )
    return code


def _merkmal(merkmal: str, name: str, line: int) -> str:
    if merkmal not in MERKMALE:
        raise ImportFehler(name, f"unbekanntes Merkmal „{merkmal}“. Erlaubt sind: {', '.join(MERKMALE)}.", line)
    return merkmal


def _count(raw: object, name: str, line: int) -> int:
    """A whole number ≥ 0; Excel may hand over 12.0 for 12."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = "" if raw is None else str(raw).strip()
    if not _COUNT.match(text):
        shown = f"„{text}“" if text else "ein leeres Feld"
        raise ImportFehler(
            name,
            f"in der Spalte anzahl steht {shown}; erwartet wird eine ganze Zahl ab 0. "
            "Zeilen ohne Wert bitte weglassen.",
            line,
        )
    count = int(text)
    if count < 0:
        raise ImportFehler(name, f"die Anzahl {count} ist negativ; erwartet wird eine ganze Zahl ab 0.", line)
    return count


def _check_parts(records: list[dict[str, object]], name: str) -> None:
    """A part (ohne Abschluss) cannot exceed its total (alle Abgänge) for the same school and year."""
    totals = {(r["schuljahr"], r["region_code"], r["schule"], r["merkmal"]): r for r in records}
    for part in records:
        total_merkmal = PART_OF.get(part["merkmal"])
        total = totals.get((part["schuljahr"], part["region_code"], part["schule"], total_merkmal))
        if total is not None and part["anzahl"] > total["anzahl"]:
            where = f"Schule „{part['schule']}“" if part["schule"] else "die Gemeinde-/Kreissumme"
            raise ImportFehler(
                name,
                f"{part['merkmal']} ({part['anzahl']}) ist größer als {total_merkmal} ({total['anzahl']}, "
                f"Zeile {total['line']}) für {where}, Schuljahr {part['schuljahr']}, Region "
                f"{part['region_code']}.",
                int(part["line"]),
            )


@cache
def _known_keys(home_key: str) -> frozenset[str]:
    """The home Kreis' Gemeinden (none for a kreisfreie Stadt: its key is the Kreis key) and all Kreise of 2021."""
    return frozenset({area.key for area in all_kreise()} | set(region_for(home_key).gemeinde_keys))
