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

from regions.home import home
from store.connection import reading, rebuilding, writing
from store.errors import ImportFehler
from store.importers.registry import parse_file
from store.load import LoadResult, load_table, remove_import, sha256_of
from store.results import IndicatorFailed, ResultProgress, affected_keys, refresh

ROOT = Path(__file__).resolve().parent.parent
RAW_DIR = ROOT / "data" / "raw"
# Files users imported, kept so that a rebuild keeps them; tests point BILDUNGSMONITOR_IMPORTS elsewhere.
IMPORTS_DIR = Path(os.environ.get("BILDUNGSMONITOR_IMPORTS", ROOT / "data" / "imports"))
MANIFEST = RAW_DIR / "MANIFEST.txt"
TRASH = ".rueckgaengig"  # undone imports are moved here (ignored by build), see undo_import

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


def kept_sha256s() -> set[str]:
    """Checksums of the files in data/imports/: the imports an analyst can undo (undo_import)."""
    return {sha256_of(p) for p in user_files()}


def sources() -> list[Path]:
    """Everything the store is built from, bundled first."""
    return bundled_files() + user_files()


def is_stale(db_path: Path) -> bool:
    """True when the store is missing or older than any file, schema or indicator code it is built from.

    The store keeps computed indicator results, so a change in indicators/ or regions/ makes it stale
    too, and so does another home Kreis (config/region.toml, BILDUNGSMONITOR_REGION): the stored
    results hold the Gemeinden of the Kreis they were built for.
    """
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    code = [*(ROOT / "store").rglob("*.py"), *(ROOT / "store").rglob("*.sql")]
    code += [*(ROOT / "indicators").rglob("*.py"), *(ROOT / "regions").rglob("*.py")]
    inputs = [*sources(), MANIFEST, *code]
    if any(p.stat().st_mtime > built for p in inputs):
        return True
    with reading(db_path) as con:
        scopes = {scope for (scope,) in con.execute("SELECT DISTINCT gemeinden_of FROM indicator_scope").fetchall()}
    return scopes != {home().key}


def build(db_path: Path, progress: Progress, result_progress: ResultProgress | None = None) -> list[Outcome]:
    """Recreate the store with every indicator's result in one transaction; the old one stays readable meanwhile."""
    files = sources()
    with rebuilding(db_path) as con:
        outcomes = []
        for number, path in enumerate(files, start=1):
            outcomes.append(
                _attempt(path, lambda path=path: load_table(con, parse_file(path), path, owns_names=_is_bundled(path)))
            )
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
    transaction, for the years the file can change (store.results): no reader ever sees new values
    next to old results, and a file that would make an indicator fail changes nothing. Files that
    load are also kept in data/imports/ (bundled files excepted), so `build` keeps them.
    """
    paths = [Path(p) for p in paths]
    outcomes = []
    for number, path in enumerate(paths, start=1):
        outcome = _attempt(path, lambda path=path: _import_one(db_path, path, result_progress))
        if outcome.result and not outcome.result.unchanged and not _is_bundled(path):
            keep(path)
        outcomes.append(outcome)
        progress(number, len(paths), outcome)
    return outcomes


def _import_one(db_path: Path, path: Path, result_progress: ResultProgress | None) -> LoadResult:
    """Parse, then load and recompute the indicators that read the table, all in one write transaction.

    An indicator that no longer computes with the new file (two tables holding the same cell once made
    every headline page fail) refuses the file, and the transaction leaves the store as it was.
    """
    parsed = parse_file(path)
    with writing(db_path) as con:
        result = load_table(con, parsed, path, owns_names=_is_bundled(path))
        if not result.unchanged:
            try:
                refresh(con, affected_keys([result.table_code]), result_progress, years=result.years)
            except IndicatorFailed as failure:
                raise ImportFehler(
                    path.name,
                    f"nach diesem Import ließe sich der Indikator „{failure.title}“ nicht mehr berechnen "
                    f"({failure.reason}). Die Datei wurde nicht übernommen; bitte die Überschneidung mit den "
                    "vorhandenen Tabellen prüfen.",
                ) from failure
        return result


def _attempt(path: Path, load: Callable[[], LoadResult]) -> Outcome:
    """Run one file's import, timed; any failure becomes a German refusal, so a batch never loses the rest."""
    started = time.perf_counter()
    try:
        result, error = load(), None
    except ImportFehler as refusal:
        result, error = None, refusal
    except Exception as failure:  # noqa: BLE001 – a reader's bug must not lose the batch or show a traceback
        result, error = None, unexpected(path, failure)
    return Outcome(path, result, error, time.perf_counter() - started)


def keep(path: Path) -> Path:
    """Copy an imported file into data/imports/ without replacing a different file of the same name.

    Two own-data files are often both called "schuldaten.csv"; replacing the first would make the
    next build drop its school year. The second becomes "schuldaten__2.csv" (the suffix goes before
    the extension, so names that carry a table code keep it at the start, and it sorts after the
    first, so a rebuild imports them in the original order). The same file again is kept once. The
    copy is complete or absent: it is written to a hidden file and renamed.
    """
    IMPORTS_DIR.mkdir(parents=True, exist_ok=True)
    sha = sha256_of(path)
    target, number = IMPORTS_DIR / path.name, 1
    while target.exists():
        if target.resolve() == path.resolve() or sha256_of(target) == sha:
            return target
        number += 1
        target = IMPORTS_DIR / f"{path.stem}__{number}{path.suffix}"
    partial = IMPORTS_DIR / f".{target.name}.partial"
    shutil.copyfile(path, partial)
    os.replace(partial, target)
    return target


def _is_bundled(path: Path) -> bool:
    return path.resolve().is_relative_to(RAW_DIR)


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


@dataclass(frozen=True)
class Undone:
    """What undoing an import did, for one German line."""

    import_id: int
    file_name: str
    values: int
    rebuilt: bool
    kept_at: list[Path]


def undo_import(db_path: Path, import_id: int, progress: Progress) -> Undone:
    """Remove an import from the store and its file from data/imports/ (moved to data/imports/.rueckgaengig/).

    Only files a user imported can be undone; the bundled ones are the store's base. If the import
    replaced older values, those come back only by a rebuild from the remaining files, so then the
    store is rebuilt; otherwise its values are deleted in place. The file is moved, not deleted, so
    nothing is lost by a mistaken click.
    """
    with reading(db_path) as con:
        found = con.execute(
            "SELECT file_name, sha256, rows_replaced, "
            "(SELECT coalesce(sum(n_values), 0) FROM current_values c WHERE c.import_id = ?) "
            "FROM imports WHERE import_id = ?",
            [import_id, import_id],
        ).fetchall()
    if not found:
        raise ImportFehler(f"Import {import_id}", "diesen Import gibt es nicht (siehe `cli.py status`).")
    file_name, sha, replaced, values = found[0]
    kept = [p for p in user_files() if sha256_of(p) == sha]
    if not kept:
        raise ImportFehler(
            file_name,
            "diese Datei gehört zum mitgelieferten Grundbestand (data/raw) und lässt sich nicht rückgängig machen.",
        )
    trash = IMPORTS_DIR / TRASH
    trash.mkdir(parents=True, exist_ok=True)
    moved = [p.rename(trash / f"{time.strftime('%Y%m%d-%H%M%S')}_{p.name}") for p in kept]
    try:
        if replaced:
            build(db_path, progress)
        else:
            with writing(db_path) as con:
                table = con.execute("SELECT table_code FROM imports WHERE import_id = ?", [import_id]).fetchall()
                years = con.execute("SELECT year FROM current_values WHERE import_id = ?", [import_id]).fetchall()
                remove_import(con, import_id)
                refresh(con, affected_keys([code for (code,) in table]), years=[year for (year,) in years])
    except BaseException:
        for original, now in zip(kept, moved, strict=True):
            now.rename(original)
        raise
    return Undone(import_id, file_name, values, bool(replaced), moved)


def describe_undo(undone: Undone) -> str:
    """One German line for an undone import, the same in the command line and the dashboard."""
    how = "Bestand neu aufgebaut, ersetzte ältere Werte sind zurück" if undone.rebuilt else "Werte entfernt"
    where = ", ".join(str(p) for p in undone.kept_at)
    return (
        f"Import {undone.import_id} ({undone.file_name}) rückgängig gemacht: {_de_int(undone.values)} Werte, "
        f"{how}. Die Datei liegt jetzt in {where}."
    )
