"""GENESIS flat-file CSV ("ffcsv"): one value per line, every dimension spelt out as code and label.

Destatis GENESIS-Online, regionalstatistik.de and the Zensus database all offer this export. A header
`statistics_code;…;time;1_variable_code;…;value;value_unit;value_variable_code;value_variable_label`
with any number of `N_variable_*` groups (4 columns each) and an optional `value_q` (quality flag).
Rows come in no particular order (as the API returns them); the order does not matter here.

- Region: the one variable whose attribute codes are region keys (DINSG "DG", DLAND 2-digit, KREISE /
  GEOLK4 5-digit, …). A table without one is national, so its region is "DG".
- Dimensions: the measure (value_variable_label), then the attribute label of every other variable
  in file order, joined by " | ". An empty attribute code is GENESIS's total, labelled "Insgesamt".
- Period: a year ("2024") and a Stichtag ("2024-12-31") stay as printed. A semester is an ISO 8601
  start and duration ("2021-10P6M" = six months from October 2021, the winter semester 2021/22); we
  keep its start month "2021-10", so it counts for 2021, the year the semester begins.
- Raw symbol: the value as printed; a quality flag in value_q ("e" = endgültig) follows a number
  after a space ("8402 e"), the way classic exports print a flag next to the value.
- Table code: the code in the file name ("12613-0013_de_flat.csv") when it belongs to the file's
  statistic, else the statistic's code ("12211"): the flat file itself does not name its table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from indicators.status import OK
from regions.levels import BUND, REGION_KEY
from store import symbols
from store.errors import ImportFehler
from store.importers.guards import read_frame, read_text
from store.importers.model import DGL2, OBSERVATION_COLUMNS, ParsedTable

SOURCE = "Statistisches Bundesamt / Regionalstatistik (GENESIS ffcsv)"
LICENCE = f"{DGL2}; © Statistisches Bundesamt (Destatis)"

HEADER_START = "statistics_code;statistics_label;time_code;time_label;time;"
REQUIRED = ["statistics_code", "statistics_label", "time", "value", "value_unit", "value_variable_label"]
GROUP_FIELDS = ["variable_code", "variable_label", "variable_attribute_code", "variable_attribute_label"]

# Regional variables of the bundled downloads; any other variable counts as regional when all its
# attribute codes look like region keys (regions.levels.REGION_KEY).
REGIONAL_VARIABLES = {"DINSG", "DLAND", "KREISE", "GEOLK4"}
_TABLE_IN_NAME = re.compile(r"^([0-9A-Z]{5}-\d{4}|\d{5}-\d{2}-\d{2}-\d(?:-[A-Z])?)(?=[_.]|$)")
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPAN = re.compile(r"^(\d{4}-\d{2})P\d+M$")


def recognises(path: Path, head: str) -> bool:
    return head.lstrip("\ufeff").startswith(HEADER_START)


def parse(path: Path) -> ParsedTable:
    name = path.name
    frame = read_frame(read_text(path), ";", name)
    if frame.empty:
        raise ImportFehler(name, "die Datei enthält nur die Kopfzeile, keine Werte.", 1)
    groups = _variable_groups(frame, name)
    frame["line"] = frame.index
    statistics = frame["statistics_code"].unique()
    if len(statistics) > 1:
        raise ImportFehler(
            name, f"die Datei mischt mehrere Statistiken ({', '.join(statistics[:5])}); erwartet wird eine."
        )
    regional = _regional_group(frame, groups)
    dimensions = frame["value_variable_label"]
    for n in groups:
        if n != regional:
            label = frame[f"{n}_variable_attribute_label"]
            dimensions = dimensions + " | " + label.where(label != "", "Insgesamt")
    value, status = _read_values(frame, name)
    raw = frame["value"].str.strip()
    if "value_q" in frame:
        flagged = (status == OK) & (frame["value_q"] != "")
        raw = raw.where(~flagged, raw + " " + frame["value_q"])
    observations = pd.DataFrame(
        {
            "region_code": frame[f"{regional}_variable_attribute_code"] if regional else BUND,
            "region_name": frame[f"{regional}_variable_attribute_label"].str.strip() if regional else "Deutschland",
            "period": _periods(frame, name),
            "dimensions": dimensions,
            "unit": frame["value_unit"],
            "value": value,
            "status": status,
            "raw_symbol": raw,
            "line": frame["line"],
        }
    )
    measures = ", ".join(frame["value_variable_label"].unique())
    return ParsedTable(
        source=SOURCE,
        table_code=_table_code(name, statistics[0]),
        table_title=f"{measures} / {frame['statistics_label'].iloc[0]}",
        stand=None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
    )


def _variable_groups(frame: pd.DataFrame, name: str) -> list[str]:
    """The numbers of the N_variable_* groups, in order; every group must have all four columns."""
    missing = [c for c in REQUIRED if c not in frame.columns]
    numbers = sorted({c.split("_", 1)[0] for c in frame.columns if re.match(r"^\d+_variable_", c)}, key=int)
    missing += [f"{n}_{f}" for n in numbers for f in GROUP_FIELDS if f"{n}_{f}" not in frame.columns]
    if missing:
        raise ImportFehler(name, f"in der Kopfzeile fehlen die Spalten {', '.join(missing)}.", 1)
    return numbers


def _regional_group(frame: pd.DataFrame, groups: list[str]) -> str | None:
    """A known regional variable first; else the first variable whose codes all look like region keys."""
    for n in groups:
        if frame[f"{n}_variable_code"].isin(REGIONAL_VARIABLES).all():
            return n
    for n in groups:
        if frame[f"{n}_variable_attribute_code"].str.match(REGION_KEY).all():
            return n
    return None


def _read_values(frame: pd.DataFrame, name: str) -> tuple[pd.Series, pd.Series]:
    """Numbers with decimal comma, or GENESIS symbols; each distinct cell text is read once."""
    cells = {text: symbols.read_cell(text) for text in frame["value"].unique()}
    bad = next((text for text, cell in cells.items() if cell is None), None)
    if bad is not None:
        line = int(frame.loc[frame["value"] == bad, "line"].iloc[0])
        raise ImportFehler(
            name,
            f"der Wert „{bad[:40]}“ ist weder eine Zahl noch ein GENESIS-Zeichen (-, ., x, /, ...).",
            line,
        )
    value = frame["value"].map(lambda text: cells[text][0]).astype("float64")
    status = frame["value"].map(lambda text: cells[text][1])
    return value, status


def _periods(frame: pd.DataFrame, name: str) -> pd.Series:
    time = frame["time"].str.strip()
    span = time.str.extract(_SPAN, expand=False)
    periods = span.where(span.notna(), time)
    known = time.str.match(_YEAR) | time.str.match(_DATE) | span.notna()
    if not known.all():
        first = frame[~known].iloc[0]
        raise ImportFehler(
            name,
            f"unbekannte Zeitangabe „{first.time}“ (erwartet Jahr „2024“, Stichtag „2024-12-31“ oder "
            "Zeitraum „2021-10P6M“).",
            int(first.line),
        )
    return periods


def _table_code(file_name: str, statistics_code: str) -> str:
    match = _TABLE_IN_NAME.match(file_name)
    if match and match.group(1).startswith(statistics_code):
        return match.group(1)
    return statistics_code
