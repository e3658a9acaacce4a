"""Building the store from the bundled raw files, and importing further files into it.

The store is always derived: `build` recreates it from data/raw (listed in MANIFEST.txt) plus every
file a user imported before (kept in data/imports/), so a rebuild never loses the office's own data.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from store.connection import writable_copy
from store.errors import ImportFehler
from store.importers.registry import parse_file
from store.load import LoadResult, load_table

ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = ROOT / "data" / "raw"
# Files users imported, kept so that a rebuild keeps them; tests point BILDUNGSMONITOR_IMPORTS elsewhere.
IMPORTS_DIR = Path(os.environ.get("BILDUNGSMONITOR_IMPORTS", ROOT / "data" / "imports"))
MANIFEST = RAW_DIR / "MANIFEST.txt"

# Called after each file with (number, total, outcome), so callers can show progress their way.
Progress = Callable[[int, int, "Outcome"], None]


@dataclass(frozen=True)
class Outcome:
    """One file's fate in a batch: loaded (result) or refused (error)."""

    path: Path
    result: LoadResult | None = None
    error: ImportFehler | None = None
    seconds: float = 0.0


def bundled_files() -> list[Path]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [RAW_DIR / line.strip() for line in lines if line.strip() and not line.startswith("#")]


def user_files() -> list[Path]:
    return sorted(p for p in IMPORTS_DIR.glob("*") if p.is_file() and not p.name.startswith("."))


def sources() -> list[Path]:
    """Everything the store is built from, bundled first."""
    return bundled_files() + user_files()


def is_stale(db_path: Path) -> bool:
    """True when the store is missing or older than any file or schema it is built from."""
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    inputs = [*sources(), MANIFEST, *(ROOT / "store").rglob("*.py"), *(ROOT / "store").rglob("*.sql")]
    return any(p.stat().st_mtime > built for p in inputs)


def build(db_path: Path, progress: Progress) -> list[Outcome]:
    """Recreate the store; the old one stays in place until the new one is complete."""
    files = sources()
    with writable_copy(db_path, fresh=True) as con:
        outcomes = _import_all(con, files, progress)
        failed = [o for o in outcomes if o.error]
        if failed:
            raise failed[0].error
    return outcomes


def import_files(db_path: Path, paths: Iterable[Path], progress: Progress) -> list[Outcome]:
    """Import files into the existing store; each file is its own transaction.

    Files that load are also kept in data/imports/ (bundled files excepted), so `build` keeps them.
    """
    paths = [Path(p) for p in paths]
    with writable_copy(db_path) as con:
        outcomes = _import_all(con, paths, progress)
    for outcome in outcomes:
        if outcome.result and not _is_bundled(outcome.path):
            IMPORTS_DIR.mkdir(parents=True, exist_ok=True)
            target = IMPORTS_DIR / outcome.path.name
            if outcome.path.resolve() != target.resolve():
                shutil.copyfile(outcome.path, target)
    return outcomes


def _is_bundled(path: Path) -> bool:
    return path.resolve().is_relative_to(RAW_DIR)


def _import_all(con: duckdb.DuckDBPyConnection, paths: list[Path], progress: Progress) -> list[Outcome]:
    outcomes = []
    for number, path in enumerate(paths, start=1):
        started = time.perf_counter()
        try:
            outcome = Outcome(path, result=load_table(con, parse_file(path), path))
        except ImportFehler as error:
            outcome = Outcome(path, error=error)
        except Exception as error:  # noqa: BLE001 – a reader's bug must not lose the batch or show a traceback
            outcome = Outcome(path, error=unexpected(path, error))
        outcome = Outcome(path, outcome.result, outcome.error, time.perf_counter() - started)
        outcomes.append(outcome)
        progress(number, len(paths), outcome)
    return outcomes


def unexpected(path: Path, error: Exception) -> ImportFehler:
    """A German refusal for a file no check foresaw; its load ran in a transaction, so nothing changed."""
    return ImportFehler(
        path.name,
        "die Datei ließ sich nicht lesen und wurde nicht übernommen (unerwarteter Aufbau: "
        f"{type(error).__name__}). Bitte die Originaldatei der Quelle verwenden.",
    )


def describe(outcome: Outcome) -> str:
    """One German line for a file's fate, the same in the command line and the dashboard."""
    if outcome.error:
        line = f" (Zeile {outcome.error.zeile})" if outcome.error.zeile else ""
        return f"FEHLER – {outcome.error.meldung}{line}"
    result = outcome.result
    if result.unchanged:
        text = f"unverändert, Tabelle {result.table_code} mit dieser Datei bereits importiert"
    else:
        text = f"{_de_int(result.rows)} Werte, Tabelle {result.table_code}"
        if result.replaced:
            text += f", {_de_int(result.replaced)} ältere Werte ersetzt"
        if result.kept_newer:
            text += f", {_de_int(result.kept_newer)} Werte nicht übernommen (Bestand ist neuer)"
    return f"{text} ({_de_seconds(outcome.seconds)} s)"


def _de_int(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _de_seconds(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")
