"""`cli.py bericht` and `cli.py steckbriefe`: the same files as the Bericht page, for scheduled jobs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bericht import ablage, inhalt, steckbrief
from bericht.ausgabe import BRIEF_FORMATS, REPORT_FORMATS, brief_file, report_file
from bericht.model import BerichtFehler, standard
from deck.render import StoreData
from files.atomic import write_atomic
from store.connection import reading


def _target(args: argparse.Namespace, stem: str, formats: dict, default: str) -> tuple[Path, str] | None:
    """Output path and format; None (with a German message) when the combination cannot be written."""
    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in formats else default
    path = args.output or Path(f"{stem}.{fmt}")
    if path.exists() and not args.ersetzen:
        print(f"{path} gibt es schon; zum Ersetzen --ersetzen angeben.", file=sys.stderr)
        return None
    return path, fmt


def _progress(done: int, total: int, what: str) -> None:
    print(f"[{done:>{len(str(total))}}/{total}] {what}", file=sys.stderr, flush=True)


def report(args: argparse.Namespace) -> int:
    try:
        definition = ablage.load(args.definition).bericht if args.definition else standard()
    except BerichtFehler as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    target = _target(args, "bildungsbericht", REPORT_FORMATS, "docx")
    if target is None:
        return 1
    path, fmt = target
    with reading(args.db) as con:
        content = inhalt.build(definition, StoreData(con), _progress)
    write_atomic(path, report_file(content, fmt))
    print(f"Bericht „{definition.name}“ als {fmt.upper()} in {path} geschrieben.", file=sys.stderr)
    return 0


def steckbriefe(args: argparse.Namespace) -> int:
    target = _target(args, "gemeindesteckbriefe", BRIEF_FORMATS, "pdf")
    if target is None:
        return 1
    path, fmt = target
    with reading(args.db) as con:
        briefs = steckbrief.build_all(StoreData(con), _progress)
    write_atomic(path, brief_file(briefs, fmt))
    print(f"{len(briefs)} Gemeindesteckbriefe als {fmt.upper()} in {path} geschrieben.", file=sys.stderr)
    return 0
