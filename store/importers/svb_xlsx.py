"""SvB workbooks 13111-01-03-4 (Arbeitsort) and 13111-02-02-4 (Wohnort), Kreise, 2008–2019.

A third party re-arranged the Regionalstatistik export into sheets "<table code>" (data), "metadata"
(title lines) and "footnote" (footnotes, © and "Stand:"); see data/raw/svb_kreise_2008_2019/
PROVENANCE.md. The data sheet has a header row `id, name, Insgesamt, männlich, weiblich,
Ausländer(innen)-Insgesamt, -männlich, -weiblich`, and Stichtag rows ("30.06.2019") start each
year block. The values are those of the classic CSV export of the same table, so we store them
under the same table code with the same dimension labels the classic export spells in its four
header rows ("Nationalität | Ausländer(innen) | Geschlecht | weiblich"): one series, whichever file
it came from, and the newer Stand wins in store.load.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from indicators.status import OK
from regions.levels import REGION_KEY
from store import symbols
from store.errors import ImportFehler
from store.importers.genesis_csv import LICENCE, SOURCE
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

# Header of the data sheet → dimension labels of the classic CSV export.
COLUMNS = {
    "Insgesamt": "Nationalität | Insgesamt | Geschlecht | Insgesamt",
    "männlich": "Nationalität | Insgesamt | Geschlecht | männlich",
    "weiblich": "Nationalität | Insgesamt | Geschlecht | weiblich",
    "Ausländer(innen)-Insgesamt": "Nationalität | Ausländer(innen) | Geschlecht | Insgesamt",
    "Ausländer(innen)-männlich": "Nationalität | Ausländer(innen) | Geschlecht | männlich",
    "Ausländer(innen)-weiblich": "Nationalität | Ausländer(innen) | Geschlecht | weiblich",
}
HEADER = ("id", "name", *COLUMNS)
HEADER_ROW = 2  # row 1 carries only the spanning label "Nationalität"
_TABLE_SHEET = re.compile(r"^\d{5}-\d{2}-\d{2}-\d$")
_STICHTAG = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_STAND = re.compile(r"Stand:\s*(\d{2}\.\d{2}\.\d{4})")
_UNIT = re.compile(r"\(([^()]+)\)\s*$")


def recognises(path: Path, head: str) -> bool:
    """Every .xlsx that is not the own-data template; parse() says if the layout is not ours."""
    return path.suffix.lower() == ".xlsx"


def parse(path: Path) -> ParsedTable:
    name = path.name
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as err:
        raise ImportFehler(name, "die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx).") from err
    try:
        sheet = _data_sheet(workbook, name)
        sheet.reset_dimensions()  # read every row, not only those inside the sheet's declared range
        rows = sheet.iter_rows(values_only=True)
        _check_header([next(rows, ()) for _ in range(HEADER_ROW)][-1], sheet.title, name)
        observations = _observations(rows, name)
        heading = _first_column(workbook["metadata"])
        footnote = "\n".join(_first_column(workbook["footnote"])) if "footnote" in workbook.sheetnames else ""
    finally:
        workbook.close()
    unit = _UNIT.search(heading[2]) if len(heading) > 2 else None
    observations["unit"] = unit.group(1) if unit else ""
    stand = _STAND.search(footnote)
    return ParsedTable(
        source=SOURCE,
        table_code=sheet.title,
        table_title=_title(heading[0]) if heading else sheet.title,
        stand=_stand_date(stand.group(1), name) if stand else None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
    )


def _unknown_layout(name: str, found: str, line: int | None = None) -> ImportFehler:
    return ImportFehler(
        name,
        f"keine bekannte Arbeitsmappe: {found}. Erwartet wird eine SvB-Arbeitsmappe der Regionalstatistik "
        "(z. B. 13111-02-02-4.xlsx) mit einem Blatt „<Tabellencode>“ (Kopfzeile: "
        f"{', '.join(HEADER)}) und einem Blatt „metadata“, oder die Vorlage für eigene Daten "
        "(data/templates/eigene_daten_vorlage.xlsx).",
        line,
    )


def _data_sheet(workbook: openpyxl.Workbook, name: str):
    tables = [s for s in workbook.sheetnames if _TABLE_SHEET.match(s)]
    if not tables or "metadata" not in workbook.sheetnames:
        raise _unknown_layout(name, f"Blätter {', '.join(workbook.sheetnames)}")
    return workbook[tables[0]]


def _check_header(row: tuple, sheet: str, name: str) -> None:
    header = tuple(str(c).strip() if c is not None else "" for c in row)
    if header[: len(HEADER)] != HEADER:
        raise _unknown_layout(
            name, f"die Kopfzeile im Blatt „{sheet}“ lautet „{', '.join(h for h in header if h)}“", HEADER_ROW
        )


def _observations(rows, name: str) -> pd.DataFrame:
    """One record per value cell; the Stichtag row above a block gives its period."""
    records = []
    period = None
    for line, row in enumerate(rows, start=HEADER_ROW + 1):
        cells = list(row[: len(HEADER)]) + [None] * (len(HEADER) - len(row))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        key = str(cells[0]).strip() if cells[0] is not None else ""
        stichtag = _STICHTAG.match(key)
        if stichtag and all(c is None for c in cells[1:]):
            day, month, year = stichtag.groups()
            period = f"{year}-{month}-{day}"
            continue
        if not isinstance(cells[0], str) or not REGION_KEY.match(key):
            raise ImportFehler(
                name,
                f"„{key[:20]}“ ist kein Regionalschlüssel (erwartet DG oder 2–8 Ziffern als Text).",
                line,
            )
        if period is None:
            raise ImportFehler(name, "Datenzeile vor der ersten Stichtagszeile („30.06.2019“).", line)
        region_name = str(cells[1] or "").strip()
        for column, cell in zip(COLUMNS.values(), cells[2:], strict=True):
            records.append((line, period, key, region_name, column, _read(cell, name, line)))
    if not records:
        raise ImportFehler(name, "das Datenblatt enthält keine Werte.")
    frame = pd.DataFrame(records, columns=["line", "period", "region_code", "region_name", "dimensions", "cell"])
    frame["value"] = frame["cell"].map(lambda cell: cell[0]).astype("float64")
    frame["status"] = frame["cell"].map(lambda cell: cell[1])
    frame["raw_symbol"] = frame["cell"].map(lambda cell: cell[2])
    return frame


def _read(cell: object, name: str, line: int) -> tuple[float | None, str, str]:
    """(value, status, raw symbol) of one cell: a number, or a GENESIS symbol stored as text."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell), OK, str(cell)
    raw = "" if cell is None else str(cell).strip()
    read = symbols.read_cell(raw)
    if read is None:
        raise ImportFehler(name, f"„{raw[:40]}“ ist weder eine Zahl noch ein GENESIS-Zeichen (-, ., x, /).", line)
    return read[0], read[1], raw


def _stand_date(text: str, name: str):
    try:
        return datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        raise ImportFehler(name, f"das Stand-Datum „{text}“ im Blatt „footnote“ gibt es nicht.") from None


def _title(first_line: str) -> str:
    """The heading without its "regionale Tiefe" tail, as the classic export's title reads."""
    return re.split(r"\s*-?\s*regionale? (?:Tiefe|Ebenen)", " ".join(first_line.split()))[0].strip(" -")


def _first_column(sheet) -> list[str]:
    return [str(row[0]).strip() for row in sheet.iter_rows(values_only=True) if row and row[0] is not None]
