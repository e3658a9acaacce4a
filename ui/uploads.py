"""Importing files from the dashboard: the same pipeline as `cli.py import`, fed by an upload.

Uploads are written under their own file name into a temporary folder, because the import record,
error messages and data/imports/ all name the file the analyst chose. Each file is written in one
transaction (store.connection.writing), so the dashboard never sees a half import.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import pandas as pd

from store.build import Outcome, describe, describe_undo, import_files, kept_sha256s, undo_import
from ui import access
from ui.data import db_path


class Upload(Protocol):
    name: str

    def getvalue(self) -> bytes: ...


def import_uploads(uploads: Sequence[Upload], report: Callable[[str], None]) -> list[Outcome]:
    """Import the uploaded files one transaction each; `report` gets one German line per file.

    Only an analyst's session may import (re-checked here, not only by the page); every file, landed
    or refused, is written to the audit log.
    """
    who = access.require_write()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for upload in uploads:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            paths.append(path)

        def progress(number: int, total: int, outcome: Outcome) -> None:
            report(f"{number}/{total} {outcome.path.name}: {describe(outcome)}")

        outcomes = import_files(db_path(), paths, progress)
    for outcome in outcomes:
        what = {"datei": outcome.path.name, "ergebnis": describe(outcome), "angenommen": outcome.error is None}
        access.log_write(who, "Import", what)
    return outcomes


def undoable(history: pd.DataFrame) -> pd.DataFrame:
    """The imports whose file lies in data/imports (the bundled base cannot be undone), newest first."""
    return history[history["sha256"].isin(kept_sha256s())]


def undo(import_id: int, report: Callable[[str], None]) -> str:
    """Undo one import (store.build.undo_import) as an analyst; returns the German result line, logged."""
    who = access.require_write()

    def progress(number: int, total: int, outcome: Outcome) -> None:
        report(f"Neuaufbau {number}/{total} {outcome.path.name}")

    undone = undo_import(db_path(), import_id, progress)
    access.log_write(who, "Import rückgängig gemacht", {"import": import_id, "datei": undone.file_name})
    return describe_undo(undone)
