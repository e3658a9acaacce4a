"""Opening the store: short read-only connections, and one writer at a time writing in place.

DuckDB locks its file: while any process holds the store open (even read-only), no other process may
open it for writing, and a writer keeps every reader out. The first design copied the whole store for
each import and swapped the copy in, so an import cost as much as the store and a killed import left
a full copy behind. Now:

- Writers (`writing`) change the live file in one DuckDB transaction. DuckDB's write-ahead log makes
  that transaction all-or-nothing even under kill -9: the next connection replays what was committed
  and drops the rest. An import costs what its file costs.
- Readers (`reading`) hold the file only for one query, never between queries, so a writer gets in.
  While a writer writes, readers wait and retry; the dashboard shows its spinner meanwhile.
- `rebuilding` (used by `build`) writes a new file next to the store and renames it over the old one
  at the end: a rebuild recreates everything anyway, and the old store stays readable until then.

Two lock files next to the store coordinate the processes. The kernel releases them when a process
dies, so a killed import never blocks the next one:
- `<store>.lock`: writers hold it for their whole run, so two imports land one after the other.
- `<store>.gate`: a writer holds it while it touches the live file; readers pass it for a moment
  before they open the store. So a stream of readers cannot starve a waiting writer.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from store.migrations import migrate

# The store the dashboard and CLI use unless told otherwise; tests point BILDUNGSMONITOR_DB at theirs.
DEFAULT_DB = Path(
    os.environ.get("BILDUNGSMONITOR_DB", Path(__file__).resolve().parent.parent / "data" / "bildungsmonitor.duckdb")
)

# How long a reader waits for a writer, and a writer for the readers still inside, before giving up.
# Imports of real files write for seconds; a national-scale file for a minute or two.
WAIT_SECONDS = 300.0


def store_version(db_path: Path) -> int:
    """Changes whenever a writer changes the store; cache keys include it.

    Made of the file's identity, size and mtime, and those of its write-ahead log: a killed writer
    may leave committed values in the log only, which every reader replays.
    """
    stats = []
    for path in (db_path, _wal(db_path)):
        if path.exists():
            stat = path.stat()
            stats.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return hash(tuple(stats))


@contextmanager
def reading(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one query or one command, closed at the end of the block.

    Waits while a writer writes (up to WAIT_SECONDS). Raises FileNotFoundError with a German hint
    if there is no store.
    """
    if not db_path.exists():
        raise FileNotFoundError(
            f"Datenbestand {db_path} fehlt. Bitte zuerst `python cli.py build` ausführen (oder ./run)."
        )
    gate = _gate(db_path)
    con = _retry(
        lambda: _connect(db_path, read_only=True) if _passed(gate) else None,
        "Der Datenbestand wird gerade geschrieben (Import oder Aufbau).",
    )
    try:
        yield con
    finally:
        con.close()


@contextmanager
def writing(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to the live store inside one transaction, committed only if the block succeeds.

    Everything the block executes lands together or not at all, even if the process is killed.
    Creates the store if it does not exist yet.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(_queue(db_path)):
        _remove_leftovers(db_path)
        with _lock(_gate(db_path)):
            con = _connect_when_readers_left(db_path)
            try:
                migrate(con)
                con.execute("BEGIN TRANSACTION")
                yield con
                con.execute("COMMIT")
                # Fold the log into the file, so readers need not replay it and a killed earlier
                # import's unused blocks are given back to the file system.
                con.execute("CHECKPOINT")
            finally:
                con.close()  # an open transaction is rolled back


@contextmanager
def rebuilding(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a new, empty store that replaces `db_path` only if the block succeeds.

    The block writes a file beside the store; readers keep reading the old store meanwhile and see the
    new one from their next query on. The rename at the end makes the rebuild all-or-nothing, so the
    block needs no transaction of its own; one transaction around the whole build made DuckDB 2.0 fail
    with "Corrupted uncompressed string segment" on the regions table, which every file updates.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(_queue(db_path)):
        _remove_leftovers(db_path)
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        con = duckdb.connect(str(tmp))
        try:
            migrate(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
            with _lock(_gate(db_path)):
                # A log left by a killed import belongs to the old file; the new one must not replay it.
                _wal(db_path).unlink(missing_ok=True)
                os.replace(tmp, db_path)
        except BaseException:
            con.close()
            _remove(tmp)
            raise


def _connect_when_readers_left(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the store for writing once the readers still inside (one query each) have closed it."""
    return _retry(
        lambda: _connect(db_path, read_only=False), "Der Datenbestand ist von einem anderen Programm geöffnet."
    )


def _connect(db_path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection | None:
    """A connection, or None while someone else holds the file the other way."""
    try:
        return duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.Error as error:
        if _is_lock_conflict(error):
            return None
        raise


def _retry(attempt: Callable[[], duckdb.DuckDBPyConnection | None], busy: str) -> duckdb.DuckDBPyConnection:
    """Call `attempt` until it returns a connection, pausing 10 ms doubling to 200 ms, at most WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    pause = 0.01
    while (con := attempt()) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{busy} Bitte in einigen Minuten erneut versuchen.")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)
    return con


def _is_lock_conflict(error: duckdb.Error) -> bool:
    """Another process holds DuckDB's file lock, or this process has the store open the other way."""
    text = str(error)
    return "Could not set lock" in text or "different configuration" in text


def _passed(gate: Path) -> bool:
    """Pass the gate without waiting: False while a writer holds it."""
    with gate.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
    return True


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting as long as it takes (the holder is a running writer)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_leftovers(db_path: Path) -> None:
    """Delete new stores of killed rebuilds. Only called under the writers' lock, so none is in use."""
    for leftover in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    for candidate in (path, _wal(path)):
        candidate.unlink(missing_ok=True)


def _queue(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _gate(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".gate")


def _wal(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".wal")
