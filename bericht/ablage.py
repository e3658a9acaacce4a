"""Where report definitions live: `data/berichte/<name>.toml`, with the history `data/berichte/historie.csv`.

The same pattern as the goals (ziele.ablage): a definition is the office's own work, kept apart from
the store. Every save runs under a lock and compares the version the writer started from (SHA-256
of the file, "" for a new name) with the file on disk: a second person's save, or a new definition
whose name maps to an existing file, is refused instead of silently overwriting it. The history only
grows, one line per save or deletion with the previous text, so no introduction is ever lost; the
file itself is replaced atomically (temp file + os.replace).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from bericht.model import Bericht, BerichtFehler, parse, slug, to_toml
from files.atomic import write_atomic
from files.versioned import append_history, locked, read_history
from files.versioned import version as _version

ROOT = Path(__file__).resolve().parent.parent
HISTORY_COLUMNS = ["zeitpunkt", "aktion", "wer", "bericht", "datei", "vorher"]


def directory() -> Path:
    """Read at each call, so tests and a second office can point BILDUNGSMONITOR_BERICHTE elsewhere."""
    return Path(os.environ.get("BILDUNGSMONITOR_BERICHTE", ROOT / "data" / "berichte"))


def history_file() -> Path:
    return directory() / "historie.csv"


@dataclass(frozen=True)
class Gespeichert:
    """A saved definition as read, with the version a later save must start from."""

    bericht: Bericht
    path: Path
    version: str


def _path(name_or_slug: str) -> Path:
    stem = slug(name_or_slug)
    if not stem:
        raise BerichtFehler("Bitte einen Namen für den Bericht angeben.")
    return directory() / f"{stem}.toml"


def load(name_or_slug: str) -> Gespeichert:
    path = _path(name_or_slug)
    if not path.is_file():
        raise BerichtFehler(f"Einen gespeicherten Bericht „{name_or_slug}“ gibt es nicht.")
    data = path.read_bytes()
    return Gespeichert(parse(data.decode("utf-8"), path.name), path, _version(data))


def list_saved() -> list[Gespeichert]:
    """Every readable definition, sorted by name; a file edited into an invalid state is left out."""
    found = []
    for path in sorted(directory().glob("*.toml")) if directory().is_dir() else []:
        try:
            found.append(load(path.stem))
        except BerichtFehler:
            continue
    return sorted(found, key=lambda g: g.bericht.name.lower())


def _record(action: str, who: str, name: str, path: Path, before: bytes | None) -> None:
    row = {
        "zeitpunkt": datetime.now().isoformat(timespec="seconds"),
        "aktion": action,
        "wer": who,
        "bericht": name,
        "datei": path.name,
        "vorher": "" if before is None else before.decode("utf-8"),
    }
    append_history(history_file(), HISTORY_COLUMNS, [row])


def save(bericht: Bericht, expected_version: str, who: str) -> Gespeichert:
    """Write `bericht` if the file is still at `expected_version` ("" = must not exist yet); record it.

    Raises BerichtFehler (German) otherwise: the caller shows the stored definition and the person
    decides; nothing is overwritten unasked.
    """
    text = to_toml(bericht)
    if parse(text) != bericht:  # a writer bug must not silently lose a chapter text
        raise BerichtFehler("Der Bericht ließ sich nicht verlustfrei speichern.")
    data = text.encode("utf-8")
    with locked(directory() / ".berichte.lock"):
        path = _path(bericht.name)
        current = path.read_bytes() if path.exists() else None
        if _version(current) != expected_version:
            if not expected_version:
                raise BerichtFehler(
                    f"Unter {path.name} ist schon ein Bericht gespeichert; bitte einen anderen Namen wählen "
                    "oder den gespeicherten Bericht öffnen und ändern."
                )
            raise BerichtFehler(
                "Der Bericht wurde inzwischen an anderer Stelle geändert und gespeichert. Ihre Änderung wurde nicht "
                "übernommen, damit nichts verloren geht: bitte neu laden und die Änderung erneut eingeben."
            )
        if data == current:
            return Gespeichert(bericht, path, _version(current))
        _record("geändert" if current is not None else "angelegt", who, bericht.name, path, current)
        write_atomic(path, data)
        return Gespeichert(bericht, path, _version(data))


def delete(name_or_slug: str, expected_version: str, who: str) -> None:
    """Remove a saved definition; its text stays in the history."""
    with locked(directory() / ".berichte.lock"):
        path = _path(name_or_slug)
        current = path.read_bytes() if path.exists() else None
        if current is None:
            raise BerichtFehler(f"Einen gespeicherten Bericht „{name_or_slug}“ gibt es nicht.")
        if _version(current) != expected_version:
            raise BerichtFehler("Der Bericht wurde inzwischen geändert; bitte neu laden, bevor Sie ihn löschen.")
        _record("gelöscht", who, parse(current.decode("utf-8"), path.name).name, path, current)
        path.unlink()


def history() -> pd.DataFrame:
    """Every recorded save and deletion, newest first."""
    return read_history(history_file(), HISTORY_COLUMNS)
