"""Checks every text importer runs first, so bad files fail early with the same German messages."""

from __future__ import annotations

from pathlib import Path

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
