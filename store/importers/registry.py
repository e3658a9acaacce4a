"""One importer per source format. `parse_file` picks the importer by looking at the file itself.

Each importer module offers `recognises(path, head) -> bool` (head: the first 4 KiB as text, or ""
for binary files) and `parse(path) -> ParsedTable`, which is pure: it reads, validates and returns,
and never writes. store.load writes.
"""

from __future__ import annotations

from pathlib import Path

from store.errors import ImportFehler
from store.importers import (
    ba_berufe_parquet,
    ba_csv,
    ba_zeitreihe_xlsx,
    bevoelkerung_long_csv,
    genesis_csv,
    genesis_ffcsv,
    inkar_csv,
    inkar_excel,
    svb_xlsx,
    template,
)
from store.importers.model import ParsedTable

# Order matters only where two formats could both match; the most specific test comes first.
IMPORTERS = [
    ba_berufe_parquet,
    genesis_ffcsv,
    inkar_csv,
    ba_csv,
    bevoelkerung_long_csv,
    inkar_excel,
    ba_zeitreihe_xlsx,
    template,
    svb_xlsx,
    genesis_csv,
]


def parse_file(path: Path) -> ParsedTable:
    """Parse any supported file, or raise ImportFehler saying which formats we know."""
    path = Path(path)
    if not path.exists():
        raise ImportFehler(path.name, "Datei nicht gefunden.")
    head = _head(path)
    for importer in IMPORTERS:
        if importer.recognises(path, head):
            return importer.parse(path)
    raise ImportFehler(
        path.name,
        "unbekanntes Dateiformat. Unterstützt werden: GENESIS/Regionalstatistik-Tabellen (CSV), "
        "GENESIS-Flatfile (ffcsv), INKAR-CSV, INKAR-Excel (xls/xlsx), BA-CSV, BA-Zeitreihen (xlsx, mit "
        "Blatt „Impressum“), BA nach Berufsgruppen (Parquet), SvB-Arbeitsmappen (xlsx) und die Vorlage "
        "für eigene Daten (data/templates/).",
    )


def _head(path: Path) -> str:
    raw = path.open("rb").read(4096)
    if raw.startswith(b"PK") or b"\x00" in raw:
        return ""
    return raw.decode("utf-8-sig", errors="replace")
