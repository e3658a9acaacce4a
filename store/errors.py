"""The one error type importers raise, so every bad input reaches the user as a German sentence."""

from __future__ import annotations


class ImportFehler(Exception):
    """A file could not be imported; the message is German and names the file and, if known, the line.

    Importers raise it for anything a user can fix (wrong file, broken layout, bad values). The CLI
    prints the message and exits non-zero; the store stays exactly as it was.
    """

    def __init__(self, datei: str, meldung: str, zeile: int | None = None):
        self.datei = datei
        self.meldung = meldung
        self.zeile = zeile
        ort = f"{datei}, Zeile {zeile}" if zeile is not None else datei
        super().__init__(f"{ort}: {meldung}")
