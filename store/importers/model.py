"""What every importer returns: a parsed table with its provenance, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

# Columns of ParsedTable.observations, in this order. `line` is the source line (1-based) for messages.
OBSERVATION_COLUMNS = [
    "region_code",  # text, leading zeros kept: DG, 03, 034, 03460, 03460009
    "region_name",  # as printed, stripped of the indentation
    "period",  # ISO text: "2015" for a year, "2015-12-31" for a Stichtag
    "dimensions",  # the column-header labels of the value (and the row dimension), joined by " | "
    "unit",  # "Anzahl", "Prozent", … as printed in the file, "" if the file names none
    "value",  # float or None
    "status",  # see store.symbols
    "raw_symbol",  # the cell exactly as printed
    "line",  # line number in the file
]

DGL2 = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"


@dataclass
class ParsedTable:
    """A whole file, parsed and validated, ready for store.load.load_table()."""

    source: str  # "Regionalstatistik (GENESIS)", "INKAR (BBSR)", "Bundesagentur für Arbeit", …
    table_code: str  # "21111-02-06-4", "INKAR bildung", …
    table_title: str
    stand: date | None  # the "Stand:" date printed in the file, if any
    licence: str  # attribution as it must be shown next to the data
    importer: str  # module name of the importer, e.g. "genesis_csv"
    observations: pd.DataFrame  # OBSERVATION_COLUMNS
    definition: str = ""  # the source's own definition of what it measures, where the file carries one
    whole_counts: bool = True  # False where counts are averages (BA annual means); see store.validate
