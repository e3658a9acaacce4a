"""`cli.py ziele import|status|export`: the goals on the command line, for the office's Excel lists.

Exit codes as for every command: 0 success, 1 a file or value refused (German message on stderr,
nothing changed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from access import audit
from access.settings import load as access_settings
from deck.render import StoreData
from store.connection import reading
from ziele import ablage
from ziele.austausch import parse_goals, to_csv
from ziele.model import ZielFehler
from ziele.status import latest_year, status_table

COMMAND = "ziele"


def add_commands(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser(COMMAND, help="Ziele des Bildungsbeirats: importieren, Stand, exportieren")
    sub = group.add_subparsers(dest="ziele_command", required=True)
    cmd = sub.add_parser("import", help="Ziele aus CSV (;) oder XLSX übernehmen (ersetzt den Zielbestand)")
    cmd.add_argument("file", type=Path, metavar="FILE")
    cmd.set_defaults(run=_import)
    cmd = sub.add_parser("status", help="Stand jedes Zielindikators als CSV (Wettersymbol-Bewertung)")
    cmd.set_defaults(run=_status)
    cmd = sub.add_parser("export", help="Ziele im Importformat ausgeben (verlustfrei wieder importierbar)")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    cmd.set_defaults(run=_export)


def subparsers(commands: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:
    """The parsers of `ziele import|status|export`, each of which takes --db like every command."""
    group = commands.choices[COMMAND]
    nested = next(a for a in group._actions if isinstance(a, argparse._SubParsersAction))
    return list(nested.choices.values())


@contextmanager
def _results(db: Path) -> Iterator[StoreData]:
    """The stored indicator results, read through one short connection (store.connection.reading)."""
    if not db.exists():
        raise FileNotFoundError(f"Datenbestand {db} fehlt. Bitte zuerst `cli.py build` ausführen.")
    with reading(db) as con:
        yield StoreData(con)


def _import(args: argparse.Namespace) -> int:
    try:
        with _results(args.db) as data:
            goals = parse_goals(args.file, latest_year(data.result))
        before = ablage.load()
        after = ablage.save(goals, before.version, f"Import {args.file.name}")
        audit.record(
            access_settings().audit_log, audit.command_line_account(), "Ziele importiert", {"datei": args.file.name}
        )
    except ZielFehler as error:
        print(f"Fehler: {error}\nDer Zielbestand bleibt unverändert.", file=sys.stderr)
        return 1
    old, new = {g.id for g in before.goals}, {g.id for g in after.goals}
    changed = sum(1 for g in after.goals if g.id in old and g not in before.goals)
    print(
        f"{len(after.goals)} Zeilen im Zielbestand: {len(new - old)} neu, {changed} geändert, "
        f"{len(old - new)} entfernt ({ablage.goals_file()}).",
        file=sys.stderr,
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    with _results(args.db) as data:
        table = status_table(ablage.load().goals, data.result)
    if table.empty:
        print("Noch keine Ziele mit Indikator erfasst (`cli.py ziele import DATEI`).", file=sys.stderr)
        return 1
    table.to_csv(sys.stdout, index=False)
    return 0


def _export(args: argparse.Namespace) -> int:
    data = to_csv(list(ablage.load().goals))
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.write(data.decode("utf-8-sig"))
    return 0
