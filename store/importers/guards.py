"""Checks every text importer runs first, so bad files fail early with the same German messages."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from store.errors import ImportFehler

# The largest real export we know (12411-02-03-4, all Kreise 1995–2024) is about 24 MB. A file many
# times larger is not an export of these tables; refusing it keeps a mistaken import from filling
# memory (the classic GENESIS layout needs the whole header block before any value can be read).
MAX_BYTES = 200 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file as text: UTF-8 (with or without BOM) or cp1252, after the size, empty and HTML checks."""
    name = path.name
    if not path.exists():
        raise ImportFehler(name, "Datei nicht gefunden.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFehler(name, "die Datei ist leer.")
    if size > MAX_BYTES:
        raise ImportFehler(
            name,
            f"die Datei ist {size / 1024 / 1024:.0f} MB groß, mehr als jeder bekannte Export "
            f"(Grenze {MAX_BYTES // 1024 // 1024} MB). Bitte die Tabelle auf die benötigten "
            "Regionen und Jahre eingrenzen.",
        )
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ImportFehler(name, "die Datei ist keine Textdatei (Binärdaten gefunden).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_cp1252(data, name)
    if not text.strip():
        raise ImportFehler(name, "die Datei enthält nur Leerzeichen oder Leerzeilen.")
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head:
        raise ImportFehler(
            name,
            "die Datei ist eine HTML-Seite, keine CSV-Tabelle. Wahrscheinlich wurde die Webseite statt "
            "des Downloads gespeichert; bitte die Tabelle als CSV herunterladen.",
            1,
        )
    return text


def _decode_cp1252(data: bytes, name: str) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ImportFehler(
            name,
            f"die Datei enthält Bytes, die weder UTF-8 noch Windows-1252 sind (Byte {err.start}).",
            line,
        ) from err


def read_frame(text: str, sep: str, name: str) -> pd.DataFrame:
    """A delimited text with one header row, every cell as text, indexed by its line in the file.

    pandas alone is too forgiving for imports: a data row with one cell more than the header
    silently turns the first column into an index (every value moves one column), and a repeated
    column name becomes "name.1". Here the header must name each column once and no row may have
    more cells than the header; a refusal names the line. Rows with fewer cells read as empty
    cells, which each importer refuses where a value is required.
    """
    header = [cell.strip().lstrip("\ufeff") for cell in next(csv.reader(io.StringIO(text), delimiter=sep), [])]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise ImportFehler(name, f"die Kopfzeile nennt die Spalte(n) {', '.join(repeated)} doppelt.", 1)
    spare = len(header)  # one column more than the header catches a row with one cell too many
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            skiprows=1,
            names=[*header, spare],
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            index_col=False,
        )
    except pd.errors.ParserError as err:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
        if not found:
            raise ImportFehler(name, "keine gültige CSV-Datei (Anführungs- oder Trennzeichen prüfen).") from None
        raise ImportFehler(name, _too_many(int(found.group(3)), len(header)), int(found.group(2))) from None
    frame.index = frame.index + 2  # line 1 is the header
    extra = frame[spare] != ""
    if extra.any():
        raise ImportFehler(name, _too_many(len(header) + 1, len(header)), int(frame.index[extra.to_numpy()][0]))
    frame = frame.drop(columns=spare)
    return frame[(frame != "").any(axis=1)]


def _too_many(cells: int, header: int) -> str:
    return f"die Zeile hat {cells} Felder, die Kopfzeile nur {header} (Trennzeichen im Wert?)."
