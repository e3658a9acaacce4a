"""Bundesagentur für Arbeit commissioned evaluations as Excel time series ("Zeitreihe"), .xlsx.

The BA's Zentraler Statistik-Service delivers special evaluations (with an Auftragsnummer) in one
layout, e.g. data/raw/inkar_2024_excel/INKAR_1998_2021/Agentur_fuer_Arbeit/Kreise_WO_Zeitreihe.xlsx:
- "Impressum": label | | text rows (Titel, Region, Berichtsmonat with the Datenstand,
  Erstellungsdatum, Zitierhinweis, Nutzungsbedingungen). Titel, Region and Berichtsmonat become the
  definition; the Erstellungsdatum is the Stand; the Zitierhinweis is the attribution the BA asks for.
- one data sheet per measure: a title line ending in the unit in parentheses ("… (Anzahl)",
  "… (Anteil an Insgesamt in Prozent)"), then a header block that starts with a "Region …" cell. Its
  spanning labels ("Insgesamt", "davon", a group, a subgroup) stand in the first column they span; a
  label spans until the next label of its own row or of any row above. A row of Stichtage (Excel
  dates) closes the block; a row of column numbers may follow. Then one row per region, "Deutschland"
  or key and name in one cell ("01001 Flensburg, Stadt"), and a footer ("Erstellungsdatum: …", numbered
  footnotes, the symbol legend) whose value cells are empty.
- other sheets (Hinweise, Infoseite) are prose and are not read; the sheet's own footnotes are kept
  in the definition, because they name the breaks of the series (no data 2012, "Umstellung").

Every value cell becomes an observation: dimensions are the measure then the header labels
("Anzahl | Insgesamt", "Anteil an Insgesamt in Prozent | davon | … | Ohne Berufsabschluss"), so
the count and the share sheet live in one table without clashing. "." is the BA's "kein Nachweis
vorhanden" and is stored as a secret value with no number, never as 0. The Gebietsstand is that of
each Stichtag, so Kreise dissolved later (03152 Göttingen) keep their own rows.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from regions.levels import BUND
from store import symbols
from store.errors import ImportFehler
from store.importers.ba_csv import LICENCE, SOURCE
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

IMPRINT = "Impressum"
_REGION = re.compile(r"^(\d{2}|\d{5}|\d{8})\s+(\S.*)$")
_STICHTAG = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_UNIT = re.compile(r"\(([^()]+)\)\s*$")
_FOOTNOTE_MARK = re.compile(r"\s*\d\)$")
_ORDER = re.compile(r"Auftragsnummer:?\s*(\d+)")  # "Auftragsnummer: 326108.0" reads as 326108


def recognises(path: Path, head: str) -> bool:
    if path.suffix.lower() not in {".xls", ".xlsx"}:
        return False
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if IMPRINT not in workbook.sheet_names:
            return False
        imprint = workbook.get_sheet_by_name(IMPRINT).to_python()
    except (CalamineError, OSError, ValueError):
        return False
    return any("Bundesagentur für Arbeit" in str(cell) for row in imprint for cell in row)


def parse(path: Path) -> ParsedTable:
    name = path.name
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = {s: workbook.get_sheet_by_name(s).to_python() for s in workbook.sheet_names}
    except (CalamineError, OSError, ValueError) as err:
        raise ImportFehler(name, "die Arbeitsmappe der Bundesagentur für Arbeit ist nicht lesbar.") from err
    imprint = _imprint(sheets.pop(IMPRINT))
    frames, footnotes = [], []
    for sheet, rows in sheets.items():
        start = _header_start(rows)
        if start is None:
            continue  # a prose sheet (Hinweise, Infoseite)
        frame, notes = _sheet(rows, start, sheet, name)
        frames.append(frame)
        footnotes += [n for n in notes if n not in footnotes]
    if not frames:
        raise ImportFehler(
            name,
            "kein Datenblatt gefunden: erwartet wird ein Blatt mit einer Kopfzeile „Region …“ und einer "
            "Zeile mit Stichtagen (BA-Zeitreihe).",
        )
    observations = pd.concat(frames, ignore_index=True)
    order = _ORDER.search(" ".join(f"{label}: {' '.join(lines)}" for label, lines in imprint.items()))
    citation = ", ".join(imprint.get("Zitierhinweis", []))
    definition = [
        f"{label}: {' '.join(imprint[label])}" for label in ("Titel", "Region", "Berichtsmonat") if label in imprint
    ]
    return ParsedTable(
        source=SOURCE,
        table_code=f"BA Auftrag {order.group(1)}" if order else f"BA {path.stem}",
        table_title=" ".join(imprint.get("Titel", [path.stem])),
        stand=_date(imprint["Erstellungsdatum"][0], name) if "Erstellungsdatum" in imprint else None,
        licence=f"Quelle: {citation}" if citation else LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
        definition="\n".join(definition + footnotes),
    )


def _imprint(rows: list[list]) -> dict[str, list[str]]:
    """Label → its lines: {"Zitierhinweis": ["Statistik der Bundesagentur für Arbeit", "Auftragsnummer 326108"], …}"""
    fields: dict[str, list[str]] = {}
    label = None
    for row in rows:
        # An Excel date cell (Erstellungsdatum) reads as printed: 23.02.2022.
        cells = [f"{c:%d.%m.%Y}" if isinstance(c, date) else _text(c) for c in row]
        if cells and cells[0].endswith(":"):
            label = cells[0].rstrip(":")
            fields[label] = []
        elif cells and cells[0]:
            label = None
        if label is not None:
            fields[label] += [c for c in cells[1:] if c]
    return {label: lines for label, lines in fields.items() if lines}


def _header_start(rows: list[list]) -> int | None:
    return next((i for i, row in enumerate(rows) if row and _text(row[0]).startswith("Region")), None)


def _sheet(rows: list[list], start: int, sheet: str, name: str) -> tuple[pd.DataFrame, list[str]]:
    """One data sheet's observations (line = sheet row, 1-based) and its numbered footnotes."""
    title = next((_text(r[0]) for r in rows[:start] if r and _text(r[0])), "")
    unit_match = _UNIT.search(_FOOTNOTE_MARK.sub("", title))
    measure = unit_match.group(1) if unit_match else sheet
    unit = "Prozent" if "Prozent" in measure else measure
    dated = next((i for i in range(start, len(rows)) if any(_is_stichtag(c) for c in rows[i][1:])), None)
    if dated is None:
        raise ImportFehler(name, f"im Blatt „{sheet}“ fehlt die Zeile mit den Stichtagen (30.06.JJJJ).", start + 1)
    width = max(len(r) for r in rows[start : dated + 1])
    columns = [c for c in range(1, width) if _cell(rows[dated], c) != ""]
    periods = {c: _period(_cell(rows[dated], c), sheet, name, dated + 1) for c in columns}
    labels = _spanning_labels([rows[i] for i in range(start, dated)], width)
    dimensions = {c: " | ".join([measure, *labels[c]]) for c in columns}
    records, footnotes = [], []
    footer = False  # from "Erstellungsdatum: …" on (its row carries "© …" in the last column)
    for number, row in enumerate(rows[dated + 1 :], start=dated + 2):
        first = _text(row[0]) if row else ""
        footer = footer or first.startswith("Erstellungsdatum")
        if footer or all(_cell(row, c) == "" for c in columns):
            if re.match(r"^\d\)", first):
                footnotes.append(first)
            continue
        if not first:
            if number == dated + 2:
                continue  # the row of column numbers right under the Stichtage
            raise ImportFehler(name, "Werte ohne Region: die erste Spalte dieser Zeile ist leer.", number)
        code, region_name = _region(first, name, number)
        for c in columns:
            value, status, raw = _value(_cell(row, c), name, number)
            records.append((code, region_name, periods[c], dimensions[c], unit, value, status, raw, number))
    if not records:
        raise ImportFehler(name, f"das Blatt „{sheet}“ enthält keine Datenzeilen.")
    frame = pd.DataFrame(records, columns=OBSERVATION_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    return frame, footnotes


def _spanning_labels(header: list[list], width: int) -> dict[int, list[str]]:
    """Each column's labels from top to bottom; a label spans right until a new label in its row or above."""
    labels = {c: [] for c in range(width)}
    for depth, row in enumerate(header):
        current = ""
        for c in range(1, width):
            cell = _FOOTNOTE_MARK.sub("", " ".join(_text(_cell(row, c)).split()))
            if cell:
                current = cell
            elif any(_text(_cell(header[up], c)) for up in range(depth)):
                current = ""
            if current:
                labels[c].append(current)
    return labels


def _region(cell: str, name: str, line: int) -> tuple[str, str]:
    if cell == "Deutschland":
        return BUND, cell
    match = _REGION.match(cell)
    if not match:
        raise ImportFehler(
            name,
            f"„{cell[:40]}“ ist kein Regionalschlüssel mit Namen (erwartet z. B. „01001 Flensburg, Stadt“ oder "
            "„Deutschland“).",
            line,
        )
    return match.group(1), match.group(2).strip()


def _value(cell: object, name: str, line: int) -> tuple[float | None, str, str]:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell), symbols.OK, repr(cell)
    raw = _text(cell)
    read = symbols.read_cell(raw)
    if read is None:
        raise ImportFehler(name, f"„{raw[:40]}“ ist weder eine Zahl noch ein Zeichen der BA (., *, -).", line)
    return read[0], read[1], raw


def _period(cell: object, sheet: str, name: str, line: int) -> str:
    """ISO date of a Stichtag cell: an Excel date, or text "30.06.2019" (checked later by store.validate)."""
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return cell.isoformat()
    match = _STICHTAG.match(_text(cell))
    if not match:
        raise ImportFehler(name, f"„{_text(cell)[:20]}“ im Blatt „{sheet}“ ist kein Stichtag (TT.MM.JJJJ).", line)
    day, month, year = match.groups()
    return f"{year}-{month}-{day}"


def _date(text: str, name: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        raise ImportFehler(name, f"das Erstellungsdatum „{text[:20]}“ im Impressum ist kein Datum.") from None


def _is_stichtag(cell: object) -> bool:
    return isinstance(cell, date) or bool(_STICHTAG.match(_text(cell)))


def _cell(row: list, column: int) -> object:
    return row[column] if column < len(row) else ""


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()
