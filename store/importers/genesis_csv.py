"""GENESIS / Regionalstatistik classic table CSV ("Tabelle"/"GENESIS-Tabelle" export), any table.

The classic export is a printed table, not a data file: a heading block, 2–4 header rows that
spell the column dimensions, sometimes a unit row, data rows whose leading cells are the key
(period, region key, indented name, sometimes a row dimension such as Schulart), and a footer
with footnotes, © line and "Stand:". Layouts differ between tables and download years, so we
read the structure from the file instead of keeping per-table code:

- key columns = the cells that are empty in every header row (the header is shifted right by them);
- among the key cells of a data row, the region key is the one that looks like an official key,
  a period before it, the name right after it, and anything further is a row dimension;
- a period may instead stand on a line of its own ("31.12.2015", "2015", "Jahr: 2016",
  "Stichtag: 30.06.2016") and then holds for the rows below it; such files have no period column;
- a data row never has more cells than the header is wide: an extra cell would belong to no column,
  so such a row is refused with its line instead of silently dropping the value.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from indicators.status import OK
from regions.levels import REGION_KEY
from store import symbols
from store.errors import ImportFehler
from store.importers.guards import read_text
from store.importers.model import DGL2, OBSERVATION_COLUMNS, ParsedTable

SOURCE = "Statistische Ämter des Bundes und der Länder (Regionalstatistik/GENESIS)"
LICENCE = f"© Statistische Ämter des Bundes und der Länder, Deutschland; {DGL2}"

_TABLE_LINE = re.compile(r"^(?:GENESIS-)?Tabelle:\s*([0-9A-Za-z][0-9A-Za-z-]*)")
_YEAR = re.compile(r"^(\d{4})$")
_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_LABELLED = re.compile(r"^(?:Jahr|Stichtag):\s*(\S+)$")
_STAND = re.compile(r"Stand:\s*(\d{2}\.\d{2}\.\d{4})")
_UNITS = {"Anzahl", "Prozent", "Jahre", "Tsd. EUR", "EUR", "Mill. EUR", "1000", "%", "qkm", "ha", "Euro"}
_FOOTER_RULE = "__________"


def recognises(path: Path, head: str) -> bool:
    """The fallback for text tables: anything with a GENESIS heading, or any other .csv/.txt.

    Taking every remaining CSV lets parse() explain what is wrong with it (empty, HTML, …)
    instead of a generic "unknown format".
    """
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    return bool(_TABLE_LINE.match(first)) or path.suffix.lower() in {".csv", ".txt"}


def parse(path: Path) -> ParsedTable:
    name = path.name
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    table_code = _table_code(rows, name, text)
    header_start, data_start, data_end = _locate_blocks(rows, name)
    header_rows = rows[header_start:data_start]
    unit_row = _unit_row(header_rows)
    if unit_row is not None:
        header_rows = [r for r in header_rows if r is not unit_row]
    n_keys = min(_leading_empty(r) for r in header_rows)
    width = max(len(r) for r in header_rows)
    columns = _column_labels(header_rows, n_keys, width)
    units = _column_units(unit_row, rows[:header_start], n_keys, width)
    records = _data_records(rows, header_start, data_start, data_end, n_keys, width, name)
    observations = _melt(records, columns, units, name)
    return ParsedTable(
        source=SOURCE,
        table_code=table_code,
        table_title=_title(rows[1:header_start]),
        stand=_stand(text, name),
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations,
    )


def _table_code(rows: list[list[str]], name: str, text: str) -> str:
    first = rows[0][0].strip() if rows and rows[0] else ""
    match = _TABLE_LINE.match(first)
    if match:
        return match.group(1)
    if "," in text[:2000] and ";" not in text[:2000]:
        raise ImportFehler(
            name,
            "falsches Trennzeichen: die Datei ist mit Kommas getrennt, GENESIS-Tabellen verwenden "
            "Semikolons. Bitte die Originaldatei von regionalstatistik.de verwenden.",
            1,
        )
    raise ImportFehler(
        name,
        "keine GENESIS-Tabelle: die erste Zeile muss „GENESIS-Tabelle: <Code>“ oder „Tabelle: <Code>“ "
        f"lauten, gefunden wurde „{first[:60]}“.",
        1,
    )


def _locate_blocks(rows: list[list[str]], name: str) -> tuple[int, int, int]:
    """Return (first header row, first data row, end of data) as row indices."""
    header_start = next((i for i, r in enumerate(rows) if i > 0 and r and r[0] == "" and any(r)), None)
    if header_start is None:
        if all(len(r) <= 1 for r in rows[1:20]):
            raise ImportFehler(name, "falsches Trennzeichen: keine Semikolons gefunden. Erwartet wird „;“.", 2)
        raise ImportFehler(name, "keine Kopfzeilen gefunden (Zeilen, die mit „;“ beginnen).")
    data_start = header_start
    while data_start < len(rows) and rows[data_start] and rows[data_start][0] == "":
        data_start += 1
    data_end = next(
        (i for i in range(data_start, len(rows)) if rows[i] and rows[i][0].startswith(_FOOTER_RULE)),
        None,
    )
    if data_end is None:
        raise ImportFehler(
            name,
            "die Datei endet ohne Fußzeile („__________“, Quellenangabe und „Stand:“); sie ist "
            "wahrscheinlich unvollständig heruntergeladen oder abgeschnitten.",
            len(rows),
        )
    while data_end > data_start and not any(c.strip() for c in rows[data_end - 1]):
        data_end -= 1
    if data_end <= data_start:
        raise ImportFehler(name, "die Tabelle enthält keine Datenzeilen.", data_start + 1)
    return header_start, data_start, data_end


def _leading_empty(row: list[str]) -> int:
    count = 0
    for cell in row:
        if cell.strip():
            break
        count += 1
    return count


def _unit_row(header_rows: list[list[str]]) -> list[str] | None:
    for row in header_rows:
        cells = [c.strip() for c in row if c.strip()]
        if cells and all(c in _UNITS for c in cells):
            return row
    return None


def _column_labels(header_rows: list[list[str]], n_keys: int, width: int) -> list[str]:
    labels = []
    for col in range(n_keys, width):
        parts = [r[col].strip() for r in header_rows if col < len(r) and r[col].strip()]
        labels.append(" | ".join(parts))
    return labels


def _column_units(unit_row: list[str] | None, heading: list[list[str]], n_keys: int, width: int) -> list[str]:
    """Units from the unit row, else from "(Anzahl)" at the end of a heading line, else ""."""
    if unit_row is not None:
        return [unit_row[c].strip() if c < len(unit_row) else "" for c in range(n_keys, width)]
    for row in reversed(heading):
        match = re.search(r"\(([^()]+)\)\s*$", row[0].strip()) if row else None
        if match and match.group(1) in _UNITS:
            return [match.group(1)] * (width - n_keys)
    return [""] * (width - n_keys)


def _period_of_cell(cell: str) -> str | None:
    cell = cell.strip()
    if _YEAR.match(cell):
        return cell
    match = _DATE.match(cell)
    if match:
        day, month, year = match.groups()
        return f"{year}-{month}-{day}"
    match = _LABELLED.match(cell)
    return _period_of_cell(match.group(1)) if match else None


def _data_records(
    rows: list[list[str]],
    header_start: int,
    data_start: int,
    data_end: int,
    n_keys: int,
    width: int,
    name: str,
) -> list[tuple]:
    """(line, period, region_code, region_name, row_dimension, values) for every data row."""
    period = _period_above(rows, header_start)
    records = []
    for index in range(data_start, data_end):
        row = rows[index]
        line = index + 1
        if not any(c.strip() for c in row):
            continue
        if not any(c.strip() for c in row[1:]):
            own_period = _period_of_cell(row[0])
            if own_period is None:
                raise ImportFehler(name, f"unerwartete Zeile „{row[0][:60]}“ im Datenbereich.", line)
            period = own_period
            continue
        if len(row) < width:
            raise ImportFehler(
                name,
                f"die Zeile hat nur {len(row)} von {width} Spalten; die Datei ist beschädigt oder abgeschnitten.",
                line,
            )
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise ImportFehler(
                name,
                f"die Zeile hat {len(row)} Zellen, die Kopfzeilen nur {width} Spalten; die überzähligen "
                "Werte gehören zu keiner Spalte. Bitte die Originaldatei erneut herunterladen.",
                line,
            )
        keys = row[:n_keys]
        code_at = next((i for i, c in enumerate(keys) if REGION_KEY.match(c.strip())), None)
        if code_at is None:
            raise ImportFehler(
                name,
                f"kein gültiger Regionalschlüssel in „{';'.join(keys)[:80]}“ (erwartet DG oder einen "
                "2- bis 12-stelligen Schlüssel).",
                line,
            )
        row_period = period
        if code_at > 0:
            row_period = _period_of_cell(keys[code_at - 1])
            if row_period is None:
                raise ImportFehler(name, f"unbekannte Zeitangabe „{keys[code_at - 1]}“.", line)
        if row_period is None:
            raise ImportFehler(name, "kein Jahr oder Stichtag für diese Zeile gefunden.", line)
        row_dimension = " | ".join(c.strip() for c in keys[code_at + 2 :] if c.strip())
        records.append(
            (
                line,
                row_period,
                keys[code_at].strip(),
                keys[code_at + 1].strip(),
                row_dimension,
                row[n_keys:width],
            )
        )
    return records


def _period_above(rows: list[list[str]], header_start: int) -> str | None:
    """A period line inside the heading block ("31.12.2015;;;", "Jahr: 2016") applies to all rows."""
    for row in rows[1:header_start]:
        if row and not any(c.strip() for c in row[1:]):
            period = _period_of_cell(row[0])
            if period:
                return period
    return None


def _melt(records: list[tuple], columns: list[str], units: list[str], name: str) -> pd.DataFrame:
    """One observation per cell; cells are validated in bulk for speed."""
    n_cols = len(columns)
    frame = pd.DataFrame(
        {
            "line": [r[0] for r in records for _ in range(n_cols)],
            "period": [r[1] for r in records for _ in range(n_cols)],
            "region_code": [r[2] for r in records for _ in range(n_cols)],
            "region_name": [r[3] for r in records for _ in range(n_cols)],
            "row_dimension": [r[4] for r in records for _ in range(n_cols)],
            "column": list(range(n_cols)) * len(records),
            "raw_symbol": [cell.strip() for r in records for cell in r[5]],
        }
    )
    labels = pd.Series(columns)
    frame["dimensions"] = labels.iloc[frame["column"]].to_numpy()
    has_row_dim = frame["row_dimension"] != ""
    frame.loc[has_row_dim, "dimensions"] = frame["row_dimension"] + " | " + frame["dimensions"]
    frame["unit"] = pd.Series(units).iloc[frame["column"]].to_numpy()
    frame["value"], frame["status"] = _read_cells(frame, columns, name)
    return frame[OBSERVATION_COLUMNS]


def _read_cells(frame: pd.DataFrame, columns: list[str], name: str) -> tuple[pd.Series, pd.Series]:
    raw = frame["raw_symbol"]
    numbers = pd.to_numeric(raw.str.replace(",", ".", regex=False), errors="coerce")
    status = pd.Series(OK, index=frame.index, dtype="object")
    value = numbers.astype("float64")
    not_number = numbers.isna()
    for text in raw[not_number].unique():
        cell = symbols.read_cell(text)
        mask = not_number & (raw == text)
        if cell is None:
            first = frame[mask].iloc[0]
            raise ImportFehler(
                name,
                f"„{text[:40]}“ in Spalte „{columns[first.column]}“ ist weder eine Zahl noch ein "
                "GENESIS-Zeichen (-, ., x, /, ...).",
                int(first.line),
            )
        value[mask] = cell[0]
        status[mask] = cell[1]
    return value, status


def _title(heading: list[list[str]]) -> str:
    """The heading lines up to the regional depth, joined into one title."""
    parts = []
    for row in heading:
        line = row[0].strip() if row else ""
        if not line or _period_of_cell(line):
            continue
        cut = re.split(r"\s*-?\s*(?:regionale? (?:Tiefe|Ebenen)|Kreise u\. krfr\. Städte)", line)[0]
        if cut.strip():
            parts.append(cut.strip())
        if cut != line:
            break
    return " ".join(parts).replace("- -", "-").strip(" -")


def _stand(text: str, name: str) -> date | None:
    matches = _STAND.findall(text[-3000:])
    if not matches:
        return None
    try:
        return datetime.strptime(matches[-1], "%d.%m.%Y").date()
    except ValueError:
        line = text.count("\n", 0, text.rfind(matches[-1])) + 1
        raise ImportFehler(name, f"das Stand-Datum „{matches[-1]}“ gibt es nicht.", line) from None
