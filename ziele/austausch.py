"""The exchange format of goals: CSV (`;`, UTF-8 or Windows-1252) and XLSX, read and written here only.

Reading checks every row (ziele.model.check_row) and collects a German message with file and line
for each bad one; a single bad row refuses the whole file, so an import changes all or nothing.
Writing produces exactly what reading accepts: decimal comma, the columns of ziele.model.COLUMNS, so
`cli.py ziele export` followed by `cli.py ziele import` gives the same goals back.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from store.errors import ImportFehler
from store.importers.guards import read_text
from ziele.model import COLUMNS, REQUIRED, LatestYear, Ziel, ZielFehler, check_row, check_set, to_row

_MAX_ERRORS = 20  # more messages than this are not read by anyone; the count says how many there were


def _header(cells: list[object], name: str) -> list[str]:
    header = [str(c or "").strip().lower().lstrip("\ufeff") for c in cells]
    while header and not header[-1]:
        header.pop()
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        hint = ""
        if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            hint = " Das Trennzeichen muss ein Semikolon (;) sein."
        raise ZielFehler(f"{name}, Zeile 1: es fehlen die Spalten {', '.join(missing)}.{hint}")
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise ZielFehler(f"{name}, Zeile 1: unbekannte Spalte {', '.join(unknown)}; möglich sind {', '.join(COLUMNS)}.")
    if len(set(header)) != len(header):
        raise ZielFehler(f"{name}, Zeile 1: eine Spalte kommt doppelt vor.")
    return header


def _csv_rows(path: Path) -> list[tuple[int, list[object]]]:
    try:
        text = read_text(path)
    except ImportFehler as error:
        raise ZielFehler(str(error)) from None
    reader = csv.reader(io.StringIO(text), delimiter=";")
    return [(reader.line_num, row) for row in reader]


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 – any unreadable workbook gets the same German message
        raise ZielFehler(f"{path.name}: keine lesbare Excel-Datei (xlsx): {error}") from None
    try:
        sheet = book.worksheets[0]
        return [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()


def read_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    """The file's data rows as (line, {column: cell}); empty rows are skipped."""
    if not path.exists():
        raise ZielFehler(f"{path.name}: Datei nicht gefunden.")
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    if not rows:
        raise ZielFehler(f"{path.name}: die Datei ist leer.")
    header = _header(rows[0][1], path.name)
    out = []
    for line, cells in rows[1:]:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        if len([c for c in cells[len(header) :] if c not in (None, "")]):
            raise ZielFehler(f"{path.name}, Zeile {line}: mehr Zellen als Spalten (Trennzeichen im Text?).")
        out.append((line, dict(zip(header, cells, strict=False))))
    return out


def parse_goals(path: Path, latest_year: LatestYear | None, empty_ok: bool = False) -> list[Ziel]:
    """Every row of the file as a checked goal; ZielFehler naming file and line of each bad row.

    An import without a single goal is a mistake (`empty_ok` False); the office's own file may be empty.
    """
    rows = read_rows(path)
    goals, places, errors = [], [], []
    for line, row in rows:
        try:
            goals.append(check_row(row, latest_year))
            places.append(f"Zeile {line}")
        except ZielFehler as error:
            errors.append(f"{path.name}, Zeile {line}: {error}")
    if errors:
        more = f"\n… und {len(errors) - _MAX_ERRORS} weitere Zeilen" if len(errors) > _MAX_ERRORS else ""
        raise ZielFehler("\n".join(errors[:_MAX_ERRORS]) + more)
    if not goals and not empty_ok:
        raise ZielFehler(f"{path.name}: die Datei enthält keine Ziele, nur die Kopfzeile.")
    try:
        check_set(goals, places)
    except ZielFehler as error:
        raise ZielFehler(f"{path.name}, {error}") from None
    return goals


def to_csv(goals: list[Ziel]) -> bytes:
    """Semicolon, decimal comma, UTF-8 with BOM: German Excel opens it, `parse_goals` reads it back."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_row(g) for g in goals)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(goals: list[Ziel]) -> bytes:
    """The same table as XLSX; every cell is text, so "6,0" and "03460" stay as written."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ziele"
    sheet.append(list(COLUMNS))
    for goal in goals:
        sheet.append([to_row(goal)[c] for c in COLUMNS])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
