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

from store.connection import rebuilding, writing
from store.errors import ImportFehler
from store.importers.registry import parse_file
from store.load import LoadResult, load_table
from store.results import ResultProgress, affected_keys, refresh

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
    """True when the store is missing or older than any file, schema or indicator code it is built from.

    The store keeps computed indicator results, so a change in indicators/ makes it stale too.
    """
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    code = [*(ROOT / "store").rglob("*.py"), *(ROOT / "store").rglob("*.sql"), *(ROOT / "indicators").rglob("*.py")]
    inputs = [*sources(), MANIFEST, *code]
    return any(p.stat().st_mtime > built for p in inputs)


def build(db_path: Path, progress: Progress, result_progress: ResultProgress | None = None) -> list[Outcome]:
    """Recreate the store with every indicator's result in one transaction; the old one stays readable meanwhile."""
    files = sources()
    with rebuilding(db_path) as con:
        outcomes = []
        for number, path in enumerate(files, start=1):
            outcomes.append(_attempt(path, lambda path=path: load_table(con, parse_file(path), path)))
            progress(number, len(files), outcomes[-1])
        failed = [o for o in outcomes if o.error]
        if failed:
            raise failed[0].error
        refresh(con, progress=result_progress)
    return outcomes


def import_files(
    db_path: Path, paths: Iterable[Path], progress: Progress, result_progress: ResultProgress | None = None
) -> list[Outcome]:
    """Import files into the live store, one after the other; each file is its own write transaction.

    A file is parsed before the store is opened for writing, so the dashboard keeps reading while
    the slow part runs. The indicators that read the file's table are recomputed in the same
    transaction: no reader ever sees new values next to old results, and a file that would make an
    indicator fail changes nothing. Files that load are also kept in data/imports/ (bundled files excepted), so
    `build` keeps them.
    """
    paths = [Path(p) for p in paths]
    outcomes = []
    for number, path in enumerate(paths, start=1):
        outcome = _attempt(path, lambda path=path: _import_one(db_path, path, result_progress))
        if outcome.result and not _is_bundled(path):
            _keep(path)
        outcomes.append(outcome)
        progress(number, len(paths), outcome)
    return outcomes


def _import_one(db_path: Path, path: Path, result_progress: ResultProgress | None) -> LoadResult:
    parsed = parse_file(path)
    with writing(db_path) as con:
        result = load_table(con, parsed, path)
        if not result.unchanged:
            refresh(con, affected_keys([result.table_code]), result_progress)
        return result


def _attempt(path: Path, load: Callable[[], LoadResult]) -> Outcome:
    """Run one file's import, timed; a refused file becomes an outcome, any other error propagates."""
    started = time.perf_counter()
    try:
        result, error = load(), None
    except ImportFehler as refusal:
        result, error = None, refusal
    return Outcome(path, result, error, time.perf_counter() - started)


def _keep(path: Path) -> None:
    """Copy an imported file to data/imports/ under its name, complete or not at all (via a hidden file)."""
    IMPORTS_DIR.mkdir(parents=True, exist_ok=True)
    target = IMPORTS_DIR / path.name
    if path.resolve() != target.resolve():
        partial = IMPORTS_DIR / f".{path.name}.partial"
        shutil.copyfile(path, partial)
        os.replace(partial, target)


def _is_bundled(path: Path) -> bool:
    return path.resolve().is_relative_to(RAW_DIR)


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
