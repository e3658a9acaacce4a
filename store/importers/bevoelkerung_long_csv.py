"""Long-format population extract (jahr;region_code;…;altersgruppe;insgesamt;maennlich;weiblich).

This is a third party's cleaned cut of Regionalstatistik table 12411-02-03-4 (see the folder's
PROVENANCE.md), not an official export. We store it under the official table code with the same
dimension labels the classic export uses ("unter 3 Jahre | weiblich"), so both sources meet in one
series, and keep its own name in the import record for traceability.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from store import symbols
from store.errors import ImportFehler
from store.importers.guards import read_frame, read_text
from store.importers.model import DGL2, OBSERVATION_COLUMNS, ParsedTable

HEADER = "jahr;region_code;region;ebene;bundesland_code;altersgruppe;insgesamt;maennlich;weiblich"
SEXES = {"insgesamt": "Insgesamt", "maennlich": "männlich", "weiblich": "weiblich"}


def recognises(path: Path, head: str) -> bool:
    return head.lstrip("\ufeff").startswith(HEADER)


def parse(path: Path) -> ParsedTable:
    name = path.name
    frame = read_frame(read_text(path), ";", name)
    frame["line"] = frame.index
    long = frame.melt(
        id_vars=["line", "jahr", "region_code", "region", "altersgruppe"],
        value_vars=list(SEXES),
        var_name="sex",
        value_name="raw_symbol",
    )
    numbers = pd.to_numeric(long["raw_symbol"], errors="coerce")
    bad = numbers.isna() & ~long["raw_symbol"].isin(["-", ".", "x", ""])
    if bad.any():
        first = long[bad].sort_values("line").iloc[0]
        raise ImportFehler(name, f"„{first.raw_symbol}“ in Spalte {first.sex} ist keine Zahl.", int(first.line))
    cells = long["raw_symbol"].map(lambda raw: symbols.read_cell(raw))
    observations = pd.DataFrame(
        {
            "region_code": long["region_code"],
            "region_name": long["region"].str.strip(),
            "period": long["jahr"] + "-12-31",  # Stichtag 31.12. as in the classic export
            "dimensions": long["altersgruppe"] + " | " + long["sex"].map(SEXES),
            "unit": "Anzahl",
            "value": [cell[0] for cell in cells],
            "status": [cell[1] for cell in cells],
            "raw_symbol": long["raw_symbol"],
            "line": long["line"],
        }
    )
    return ParsedTable(
        source="Statistische Ämter des Bundes und der Länder (Regionalstatistik), bereinigter Auszug",
        table_code="12411-02-03-4",
        table_title="Bevölkerung nach Geschlecht und Altersgruppen (17) - Stichtag 31.12. (bereinigter Auszug)",
        stand=None,
        licence=f"© Statistische Ämter des Bundes und der Länder, Deutschland; {DGL2}",
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
    )
