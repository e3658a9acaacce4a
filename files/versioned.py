"""The office's own files that several people edit (goals, report definitions): lock, version, history.

A writer reads the file and keeps its version (SHA-256 of the bytes, "" for no file). Its save runs
under a lock on the folder and is refused when the file on disk has another version by then, so a
second person's save never silently overwrites the first. Every change also goes to a history CSV
that only grows, so no decision and no text is ever lost.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd


def version(data: bytes | None) -> str:
    """The version of a file's bytes; "" when there is no file yet."""
    return "" if data is None else hashlib.sha256(data).hexdigest()


@contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` (created with its folder) for the read-compare-write of a save."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def append_history(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Append `rows` to the history CSV (semicolon, UTF-8), with the header when the file is new."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=";", lineterminator="\n")
    if not path.exists():
        writer.writeheader()
    writer.writerows(rows)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())


def read_history(path: Path, columns: list[str]) -> pd.DataFrame:
    """Every recorded line, newest first; no file means no lines yet."""
    if not path.exists():
        return pd.DataFrame(columns=columns)
    table = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    return table.iloc[::-1].reset_index(drop=True)
