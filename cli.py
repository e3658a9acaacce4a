"""Bildungsmonitor command line: build, import, status, export, indicator.

Run as `.venv/bin/python cli.py COMMAND …`. The interface is documented in README.md and kept
stable: scripts and scheduled jobs of the Bildungsbüro depend on it. Exit codes: 0 success,
1 a file or value was refused (message in German on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from charts.spreadsheet import formula_safe
from indicators.catalogue import CATALOGUE, evaluate
from indicators.comparison import with_comparisons
from store.build import Outcome, build, describe, describe_undo, import_files, is_stale, undo_import
from store.connection import DEFAULT_DB, connect_read_only
from store.errors import ImportFehler
from store.queries import export_rows, import_history, observations


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except FileNotFoundError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cli.py", description="Bildungsmonitor Landkreis Cloppenburg")
    commands = parser.add_subparsers(dest="command", required=True)

    cmd = commands.add_parser("build", help="Datenbestand aus data/raw (und data/imports) neu aufbauen")
    cmd.add_argument("--if-stale", action="store_true", help="nur, wenn der Bestand fehlt oder veraltet ist")
    cmd.set_defaults(run=_build)

    cmd = commands.add_parser(
        "import", help="Dateien in den Datenbestand importieren (oder einen Import rückgängig machen)"
    )
    cmd.add_argument("files", nargs="*", type=Path, metavar="FILE")
    cmd.add_argument(
        "--rueckgaengig",
        type=int,
        metavar="ID",
        help="Import ID (Spalte import_id von `status`) aus dem Bestand und aus data/imports entfernen",
    )
    cmd.set_defaults(run=_import)

    cmd = commands.add_parser("status", help="importierte Dateien mit Herkunft anzeigen")
    cmd.set_defaults(run=_status)

    cmd = commands.add_parser("export", help="Werte als CSV (tidy) ausgeben")
    cmd.add_argument("--region", help="Regionalschlüssel, z. B. 03453")
    cmd.add_argument("--table", help="Tabellencode, z. B. 21111-02-06-4")
    cmd.add_argument("--format", choices=["csv"], default="csv")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    cmd.set_defaults(run=_export)

    cmd = commands.add_parser("indicator", help="einen Indikator berechnen und als CSV ausgeben")
    cmd.add_argument("key", metavar="KEY", help="Schlüssel aus docs/indikatoren.md, z. B. ohne_abschluss_anteil")
    cmd.add_argument("--region", help="nur diese Region, z. B. 03453")
    cmd.add_argument("--level", choices=["schule", "gemeinde", "kreis", "land", "bund"], help="nur diese Ebene")
    cmd.add_argument("--compare", action="store_true", help="Abstand zu Niedersachsen/Deutschland und Rang ergänzen")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    cmd.set_defaults(run=_indicator)

    for sub in commands.choices.values():
        sub.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"Datenbestand (Standard: {DEFAULT_DB})")
    return parser


def _progress(number: int, total: int, outcome: Outcome) -> None:
    prefix = f"[{number:>{len(str(total))}}/{total}] {outcome.path.name}"
    print(f"{prefix}: {describe(outcome)}", file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> int:
    if args.if_stale and not is_stale(args.db):
        print(f"Datenbestand {args.db} ist aktuell.", file=sys.stderr)
        return 0
    print(f"Baue Datenbestand {args.db} …", file=sys.stderr, flush=True)
    try:
        build(args.db, _progress)
    except Exception as error:  # noqa: BLE001 – any failure leaves the old store untouched
        print(f"Aufbau abgebrochen, der bisherige Bestand bleibt unverändert: {error}", file=sys.stderr)
        return 1
    print("Fertig.", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    if bool(args.files) == (args.rueckgaengig is not None):
        print("Bitte entweder Dateien oder --rueckgaengig ID angeben.", file=sys.stderr)
        return 2
    if not args.db.exists():
        print(f"Datenbestand {args.db} fehlt. Bitte zuerst `cli.py build` ausführen.", file=sys.stderr)
        return 1
    if args.rueckgaengig is not None:
        try:
            undone = undo_import(args.db, args.rueckgaengig, _progress)
        except ImportFehler as error:
            print(f"Nicht rückgängig gemacht: {error}", file=sys.stderr)
            return 1
        print(describe_undo(undone), file=sys.stderr)
        return 0
    outcomes = import_files(args.db, args.files, _progress)
    failed = [o for o in outcomes if o.error]
    if failed:
        print(
            f"{len(failed)} von {len(outcomes)} Dateien abgewiesen; sie haben nichts verändert.",
            file=sys.stderr,
        )
        return 1
    return 0


def _status(args: argparse.Namespace) -> int:
    con = connect_read_only(args.db)
    history = import_history(con)
    con.close()
    formula_safe(history).to_csv(sys.stdout, index=False)
    return 0


def _export(args: argparse.Namespace) -> int:
    con = connect_read_only(args.db)
    rows = export_rows(con, region=args.region, table=args.table)
    con.close()
    if rows.empty:
        print("Keine Werte für diese Auswahl.", file=sys.stderr)
        return 1
    formula_safe(rows).to_csv(args.output if args.output else sys.stdout, index=False)
    return 0


INDICATOR_COLUMNS = ["key", "region_code", "region_name", "level", "period", "category", "value", "numerator"]
INDICATOR_COLUMNS += ["denominator", "status", "note"]


def _indicator(args: argparse.Namespace) -> int:
    if args.key not in CATALOGUE:
        print(f"Unbekannter Indikator „{args.key}“. Verfügbar: {', '.join(sorted(CATALOGUE))}", file=sys.stderr)
        return 2
    indicator = CATALOGUE[args.key]
    con = connect_read_only(args.db)
    obs = observations(con, indicator.table_codes, gemeinden_of=None)
    con.close()
    result = evaluate(args.key, obs).rename(columns={"year": "period"})
    columns = INDICATOR_COLUMNS
    if args.compare:
        result = with_comparisons(result.rename(columns={"period": "year"}), indicator.direction)
        result = result.rename(
            columns={"year": "period", "diff_land": "diff_niedersachsen", "diff_bund": "diff_deutschland"}
        )
        result["n"] = result["n"].astype("Int64")
        columns = columns + ["diff_niedersachsen", "diff_deutschland", "rank", "n"]
    if args.region:
        result = result[result["region_code"] == args.region]
    if args.level:
        result = result[result["level"] == args.level]
    if result.empty:
        print("Keine Werte für diese Auswahl.", file=sys.stderr)
        return 1
    formula_safe(result[columns]).to_csv(args.output if args.output else sys.stdout, index=False)
    return 0


def run() -> int:
    """main() for a shell: a reader that stops early (`cli.py status | head`) ends us quietly.

    Python's own recipe (docs, "Note on SIGPIPE"): the unwritten rest goes to /dev/null, so the
    flush at exit cannot raise a second BrokenPipeError with a traceback.
    """
    try:
        code = main()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(run())
