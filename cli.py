"""Bildungsmonitor command line: build, import, status, export, indicator, ziele, bericht, steckbriefe, benutzer.

Run as `.venv/bin/python cli.py COMMAND …`. The interface is documented in README.md and kept
stable: scripts and scheduled jobs of the Bildungsbüro depend on it. Exit codes: 0 success,
1 a file or value was refused (message in German on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from access import audit, users
from access.roles import Role
from access.settings import SettingsError
from access.settings import load as access_settings
from bericht import cli as bericht_cli
from bericht.ausgabe import BRIEF_FORMATS, REPORT_FORMATS
from charts.spreadsheet import formula_safe
from indicators.catalogue import CATALOGUE
from indicators.comparison import with_comparisons
from regions.home import UnknownRegion, home
from regions.levels import is_gemeinde, kreis_of
from store.build import Outcome, build, describe, describe_undo, import_files, is_stale, undo_import
from store.connection import DEFAULT_DB, reading
from store.errors import ImportFehler
from store.queries import export_rows, import_history
from store.results import read as read_result
from ziele import cli as ziele_cli


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except FileNotFoundError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    except (SettingsError, users.UserError, UnknownRegion) as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cli.py",
        description="Bildungsmonitor: Kennzahlen für den Kreis aus config/region.toml (oder BILDUNGSMONITOR_REGION)",
    )
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
    cmd.add_argument("--region", help="Regionalschlüssel, z. B. 03460 (ein Kreis) oder 03460001 (eine Gemeinde)")
    cmd.add_argument("--table", help="Tabellencode, z. B. 21111-02-06-4")
    cmd.add_argument("--format", choices=["csv"], default="csv")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    cmd.set_defaults(run=_export)

    cmd = commands.add_parser("indicator", help="einen Indikator berechnen und als CSV ausgeben")
    cmd.add_argument("key", metavar="KEY", help="Schlüssel aus docs/indikatoren.md, z. B. ohne_abschluss_anteil")
    cmd.add_argument("--region", help="nur diese Region, z. B. 03460")
    cmd.add_argument("--level", choices=["schule", "gemeinde", "kreis", "land", "bund"], help="nur diese Ebene")
    cmd.add_argument(
        "--compare",
        action="store_true",
        help="Abstand zum Land des Heimatkreises und zu Deutschland sowie Rang unter den Kreisen des Landes ergänzen",
    )
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: Ausgabe auf stdout)")
    cmd.set_defaults(run=_indicator)

    ziele_cli.add_commands(commands)

    cmd = commands.add_parser("bericht", help="kommunalen Bildungsbericht als DOCX oder PDF erzeugen")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: bildungsbericht.docx bzw. .pdf)")
    cmd.add_argument("--format", choices=list(REPORT_FORMATS), help="Standard: Endung von --output, sonst docx")
    cmd.add_argument(
        "--definition", metavar="NAME", help="gespeicherter Bericht (Standard: alle Kapitel und Indikatoren)"
    )
    cmd.add_argument("--ersetzen", action="store_true", help="eine vorhandene Zieldatei ersetzen")
    cmd.set_defaults(run=bericht_cli.report)

    cmd = commands.add_parser("steckbriefe", help="Gemeindesteckbriefe des Heimatkreises als PDF, ZIP oder XLSX")
    cmd.add_argument("--output", type=Path, help="Zieldatei (Standard: gemeindesteckbriefe.pdf/.zip/.xlsx)")
    cmd.add_argument("--format", choices=list(BRIEF_FORMATS), help="Standard: Endung von --output, sonst pdf")
    cmd.add_argument("--ersetzen", action="store_true", help="eine vorhandene Zieldatei ersetzen")
    cmd.set_defaults(run=bericht_cli.steckbriefe)

    cmd = commands.add_parser("benutzer", help="lokale Benutzer für die Anmeldung ohne Identitätsdienst verwalten")
    actions = cmd.add_subparsers(dest="aktion", required=True)
    sub = actions.add_parser("anlegen", help="Benutzer anlegen; fragt das Passwort zweimal ab")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--rolle", choices=[r.value for r in Role], default=Role.ANALYSE.value)
    sub.add_argument("--ersetzen", action="store_true", help="vorhandenen Benutzer ändern (Rolle, Passwort)")
    sub.add_argument("--passwort-stdin", action="store_true", help="Passwort aus der ersten Zeile der Eingabe lesen")
    sub.set_defaults(run=_add_user)
    sub = actions.add_parser("entfernen", help="Benutzer entfernen")
    sub.add_argument("name", metavar="NAME")
    sub.set_defaults(run=_remove_user)
    sub = actions.add_parser("liste", help="Benutzer mit Rolle anzeigen (nie Passwörter)")
    sub.set_defaults(run=_list_users)

    groups = [sub for name, sub in commands.choices.items() if name != ziele_cli.COMMAND]
    for sub in [*groups, *ziele_cli.subparsers(commands)]:
        sub.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"Datenbestand (Standard: {DEFAULT_DB})")
    return parser


def _progress(number: int, total: int, outcome: Outcome) -> None:
    prefix = f"[{number:>{len(str(total))}}/{total}] {outcome.path.name}"
    print(f"{prefix}: {describe(outcome)}", file=sys.stderr, flush=True)


def _result_progress(number: int, total: int, key: str, seconds: float) -> None:
    prefix = f"[{number:>{len(str(total))}}/{total}] Indikator {key}"
    seconds_text = f"{seconds:.1f}".replace(".", ",")
    print(f"{prefix} berechnet ({seconds_text} s)", file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> int:
    if args.if_stale and not is_stale(args.db):
        print(f"Datenbestand {args.db} ist aktuell.", file=sys.stderr)
        return 0
    print(f"Baue Datenbestand {args.db} …", file=sys.stderr, flush=True)
    try:
        build(args.db, _progress, _result_progress)
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
        audit.record(
            access_settings().audit_log,
            audit.command_line_account(),
            "Import rückgängig gemacht",
            {"import": args.rueckgaengig, "datei": undone.file_name},
        )
        return 0
    outcomes = import_files(args.db, args.files, _progress, _result_progress)
    log = access_settings().audit_log
    for o in outcomes:
        audit.record(
            log,
            audit.command_line_account(),
            "Import",
            {"datei": o.path.name, "ergebnis": describe(o), "angenommen": not o.error},
        )
    failed = [o for o in outcomes if o.error]
    if failed:
        print(
            f"{len(failed)} von {len(outcomes)} Dateien abgewiesen; sie haben nichts verändert.",
            file=sys.stderr,
        )
        return 1
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Passwort: ")
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise users.UserError("Die Passwörter stimmen nicht überein.")
    return first


def _add_user(args: argparse.Namespace) -> int:
    conf = access_settings()
    user = users.add_user(conf.users_file, args.name, Role(args.rolle), _password(args.passwort_stdin), args.ersetzen)
    audit.record(
        conf.audit_log,
        audit.command_line_account(),
        "Benutzer angelegt",
        {"benutzer": user.name, "rolle": user.role.value},
    )
    print(f"Benutzer „{user.name}“ mit Rolle {user.role.label} in {conf.users_file} gespeichert.", file=sys.stderr)
    return 0


def _remove_user(args: argparse.Namespace) -> int:
    conf = access_settings()
    users.remove_user(conf.users_file, args.name)
    audit.record(conf.audit_log, audit.command_line_account(), "Benutzer entfernt", {"benutzer": args.name})
    print(f"Benutzer „{args.name}“ entfernt.", file=sys.stderr)
    return 0


def _list_users(args: argparse.Namespace) -> int:
    conf = access_settings()
    for user in users.read_users(conf.users_file).values():
        print(f"{user.name};{user.role.value}")
    return 0


def _status(args: argparse.Namespace) -> int:
    with reading(args.db) as con:
        history = import_history(con)
    formula_safe(history).to_csv(sys.stdout, index=False)
    return 0


def _export(args: argparse.Namespace) -> int:
    with reading(args.db) as con:
        rows = export_rows(con, region=args.region, table=args.table)
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
    kreis = home()
    # A Gemeinde's own Kreis, so that any Gemeinde can be asked for; otherwise the stored result.
    gemeinden_of = kreis_of(args.region) if args.region and is_gemeinde(args.region) else kreis.key
    with reading(args.db) as con:
        result = read_result(con, args.key, gemeinden_of).rename(columns={"year": "period"})
    columns = INDICATOR_COLUMNS
    if args.compare:
        result = with_comparisons(result.rename(columns={"period": "year"}), indicator.direction, kreis.land_key)
        # Named after the Land, so the column of a Niedersachsen office stays "diff_niedersachsen".
        diff_land = f"diff_{_column_name(kreis.land_name)}"
        result = result.rename(columns={"year": "period", "diff_land": diff_land, "diff_bund": "diff_deutschland"})
        result["n"] = result["n"].astype("Int64")
        columns = columns + [diff_land, "diff_deutschland", "rank", "n"]
    if args.region:
        result = result[result["region_code"] == args.region]
    if args.level:
        result = result[result["level"] == args.level]
    if result.empty:
        print("Keine Werte für diese Auswahl.", file=sys.stderr)
        return 1
    formula_safe(result[columns]).to_csv(args.output if args.output else sys.stdout, index=False)
    return 0


def _column_name(name: str) -> str:
    """ "Baden-Württemberg" -> "baden_wuerttemberg": a Land's name as a CSV column."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("-", "_"), (" ", "_")):
        name = name.lower().replace(umlaut, plain)
    return name


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
