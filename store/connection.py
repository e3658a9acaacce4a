"""Opening the store: short read-only connections for the dashboard, copy-and-swap for writers.

DuckDB locks its file: while the dashboard holds the store open, no other process may open it for
writing. So writers never touch the live file. They copy it, write the copy, CHECKPOINT, and
os.replace() the copy over the original in one atomic rename. Readers that are already open keep
the old snapshot; the dashboard reopens its connection when the file's mtime changes. A failed
write deletes the copy, so the live store is never half-written. A lock file serialises writers.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from store.migrations import migrate

# The store the dashboard and CLI use unless told otherwise; tests point BILDUNGSMONITOR_DB at theirs.
DEFAULT_DB = Path(
    os.environ.get("BILDUNGSMONITOR_DB", Path(__file__).resolve().parent.parent / "data" / "bildungsmonitor.duckdb")
)


def connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection; raises FileNotFoundError with a German hint if there is no store."""
    if not db_path.exists():
        raise FileNotFoundError(
            f"Datenbestand {db_path} fehlt. Bitte zuerst `python cli.py build` ausführen (oder ./run)."
        )
    return duckdb.connect(str(db_path), read_only=True)


def store_version(db_path: Path) -> int:
    """Changes whenever a writer swaps in a new store; cache keys include it."""
    return db_path.stat().st_mtime_ns if db_path.exists() else 0


@contextmanager
def writable_copy(db_path: Path, *, fresh: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a private copy of the store, swapped in only if the block succeeds.

    fresh=True starts from an empty store instead of a copy (used by `build`).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(db_path):
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        _remove(tmp)
        if db_path.exists() and not fresh:
            shutil.copyfile(db_path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            migrate(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
            os.replace(tmp, db_path)
        except BaseException:
            con.close()
            _remove(tmp)
            raise


@contextmanager
def _writer_lock(db_path: Path) -> Iterator[None]:
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)
