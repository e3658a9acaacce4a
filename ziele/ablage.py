"""Where the office's goals live: `data/ziele/ziele.csv` and its history `data/ziele/historie.csv`.

Goals are the office's own data, not derived from official files, so they are kept apart from the
store: `cli.py build` recreates the store and never touches them. The goals file is the exchange
format itself (ziele.austausch), so the office can open it in Excel; the history next to it only
grows, one line per changed field (when, what, old → new), so no decision is ever lost.

Every write goes through `save`: under a lock it compares the version the writer started from (the
file's SHA-256) with the file on disk and refuses when someone saved in between, so a second save
of a changed goal never silently overwrites the first; then it appends the history and replaces the
goals file atomically (temp file + os.replace), so a reader never sees half a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from files.atomic import write_atomic
from files.versioned import append_history, locked, read_history
from files.versioned import version as _version
from ziele.austausch import parse_goals, to_csv
from ziele.model import LatestYear, Ziel, ZielFehler, check_set, to_row, with_ids

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config" / "ziele" / "beispiel_ziele.csv"
HISTORY_COLUMNS = ["zeitpunkt", "aktion", "id", "ziel", "feld", "alt", "neu"]


def directory() -> Path:
    """Read at each call, so tests and a second office can point BILDUNGSMONITOR_ZIELE elsewhere."""
    return Path(os.environ.get("BILDUNGSMONITOR_ZIELE", ROOT / "data" / "ziele"))


def goals_file() -> Path:
    return directory() / "ziele.csv"


def history_file() -> Path:
    return directory() / "historie.csv"


@dataclass(frozen=True)
class Bestand:
    """The goals as read, with the version a later save must start from."""

    goals: tuple[Ziel, ...]
    version: str  # SHA-256 of the file; "" when there is no file yet


def load() -> Bestand:
    """The stored goals, read back without the data checks (a rebuilt store must not drop a goal)."""
    path = goals_file()
    if not path.exists():
        return Bestand((), "")
    data = path.read_bytes()
    return Bestand(tuple(parse_goals(path, None, empty_ok=True)), _version(data))


def version() -> str:
    """The version of the goals on disk, cheap enough for a cache key."""
    path = goals_file()
    return _version(path.read_bytes()) if path.exists() else ""


def _changes(old: tuple[Ziel, ...], new: list[Ziel], action: str, when: str) -> list[dict[str, str]]:
    """History lines: a whole row for a goal added or removed, one line per field for a goal changed."""
    before = {g.id: g for g in old}
    after = {g.id: g for g in new}
    lines = []

    def line(goal: Ziel, field: str = "", alt: str = "", neu: str = "", what: str = action) -> None:
        lines.append(
            {"zeitpunkt": when, "aktion": what, "id": goal.id, "ziel": goal.describe, "feld": field, "alt": alt}
            | {"neu": neu}
        )

    def summary(goal: Ziel) -> str:
        return "; ".join(f"{k}={v}" for k, v in to_row(goal).items() if v and k != "id")

    for goal in new:
        if goal.id not in before:
            line(goal, neu=summary(goal), what=f"{action}: angelegt")
        else:
            old_row, new_row = to_row(before[goal.id]), to_row(goal)
            for field in new_row:
                if old_row[field] != new_row[field]:
                    line(goal, field, old_row[field], new_row[field], what=f"{action}: geändert")
    for goal in old:
        if goal.id not in after:
            line(goal, alt=summary(goal), what=f"{action}: entfernt")
    return lines


def save(goals: list[Ziel], expected_version: str, action: str) -> Bestand:
    """Replace the stored goals with `goals`, if nobody saved since `expected_version`; record every change.

    Returns the new Bestand. Raises ZielFehler (German) when the file changed in between: the caller
    reloads and the user decides, nothing is overwritten.
    """
    with locked(directory() / ".ziele.lock"):
        path = goals_file()
        current = path.read_bytes() if path.exists() else None
        if _version(current) != expected_version:
            raise ZielFehler(
                "Die Ziele wurden inzwischen an anderer Stelle geändert und gespeichert. Ihre Änderung wurde "
                "nicht übernommen, damit nichts verloren geht: bitte die Seite neu laden, die Ziele prüfen "
                "und die Änderung erneut eingeben."
            )
        old = tuple(parse_goals(path, None, empty_ok=True)) if current is not None else ()
        goals = with_ids(goals, list(old))
        check_set(goals)
        data = to_csv(goals)
        if data == current:
            return Bestand(old, _version(current))
        when = datetime.now().isoformat(timespec="seconds")
        append_history(history_file(), HISTORY_COLUMNS, _changes(old, goals, action, when))
        write_atomic(path, data)
        return Bestand(tuple(goals), _version(data))


def history() -> pd.DataFrame:
    """Every recorded change, newest first."""
    return read_history(history_file(), HISTORY_COLUMNS)


def example(latest_year: LatestYear) -> list[Ziel]:
    """The shipped example goal set (config/ziele), every row marked "Beispiel – nicht beschlossen"."""
    goals = parse_goals(EXAMPLE, latest_year)
    if not all(g.beispiel for g in goals):
        raise ZielFehler(f"{EXAMPLE.name}: jede Zeile des Beispiels braucht beispiel = ja.")
    return goals
