"""The command line as a batch user runs it: build, import, status, export, indicator, benutzer."""

from __future__ import annotations

import csv
import getpass
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import cli
from access.audit import entries
from access.settings import load as access_settings
from access.users import read_users, verify
from store import build as build_module
from store.connection import reading

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

# SYNTHETIC TEST DATA for the office template (invented counts, never shown as real statistics).
OWN_DATA = """schuljahr;region_code;schule;merkmal;anzahl;quelle
2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten
2023/24;03453004;Testschule 1;abgaenge_ohne_abschluss;6;synthetische Testdaten
"""


@pytest.fixture
def db(store_db, tmp_path, monkeypatch):
    """A private copy of the session store, and a private data/imports folder."""
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    return copy


def run(*args, capsys):
    code = cli.main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_export_writes_tidy_csv_with_dimensions_and_status(db, capsys):
    code, out, _ = run("export", "--db", str(db), "--region", "03453", "--table", "21111-02-06-4", capsys=capsys)
    assert code == 0
    table = rows(out)
    assert {"table_code", "region_code", "region_name", "period", "dimensions", "value", "status"} <= set(table[0])
    cell = next(
        r for r in table if r["period"] == "2015" and r["dimensions"].endswith("ohne Hauptschulabschluss | Insgesamt")
    )
    assert (float(cell["value"]), cell["status"], cell["region_code"]) == (86.0, "ok", "03453")
    assert cell["dimensions"] == "Schulabschluss | ohne Hauptschulabschluss | Insgesamt"


def test_status_lists_every_import_with_its_provenance(db, capsys):
    code, out, _ = run("status", "--db", str(db), capsys=capsys)
    history = rows(out)
    leavers = next(r for r in history if r["file_name"] == "21111-02-06-4-B_2024_excerpt.csv")
    assert code == 0 and leavers["table_code"] == "21111-02-06-4-B" and leavers["stand"] == "2026-03-28"
    assert len(leavers["sha256"]) == 64 and "dl-de/by-2-0" in leavers["licence"]


def test_indicator_command_with_comparison(db, capsys):
    code, out, _ = run(
        "indicator", "ohne_abschluss_anteil", "--db", str(db), "--region", "03453", "--compare", capsys=capsys
    )
    cell = next(r for r in rows(out) if r["period"] == "2023")
    assert code == 0
    assert (cell["numerator"], cell["denominator"], cell["status"]) == ("163.0", "1967.0", "computed")
    assert float(cell["value"]) == pytest.approx(8.2867, abs=1e-4)
    # 8.2867 − 7.6702 (Niedersachsen) = 0.6165 pp
    assert float(cell["diff_niedersachsen"]) == pytest.approx(0.6165, abs=1e-3)
    assert cell["n"] == "45"


def test_unknown_indicator_is_a_usage_error(db, capsys):
    code, _, err = run("indicator", "gibt_es_nicht", "--db", str(db), capsys=capsys)
    assert code == 2 and "Unbekannter Indikator" in err


def test_importing_own_data_adds_it_and_keeps_a_copy_for_rebuilds(db, tmp_path, capsys):
    own = tmp_path / "schulen_2024.csv"
    own.write_text(OWN_DATA, encoding="utf-8")
    code, _, err = run("import", str(own), "--db", str(db), capsys=capsys)
    assert code == 0 and "2 Werte" in err
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute(
        "SELECT value FROM observations WHERE table_code = 'EIGENE Schuldaten' ORDER BY value"
    ).fetchall()
    con.close()
    assert stored == [(6.0,), (40.0,)]
    assert (build_module.IMPORTS_DIR / "schulen_2024.csv").read_text(encoding="utf-8") == OWN_DATA


def test_a_bad_file_is_refused_with_a_german_message_and_changes_nothing(db, tmp_path, capsys):
    before = db.read_bytes()
    bad = tmp_path / "kaputt.csv"
    bad.write_text("<html><body>Sitzung abgelaufen</body></html>", encoding="utf-8")
    code, _, err = run("import", str(bad), "--db", str(db), capsys=capsys)
    assert code == 1
    assert "kaputt.csv" in err and "HTML-Seite" in err and "nichts verändert" in err
    assert db.read_bytes() == before


def test_reimporting_a_bundled_file_reports_it_unchanged(db, capsys):
    code, _, err = run(
        "import", str(RAW / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"), "--db", str(db), capsys=capsys
    )
    assert code == 0 and "unverändert" in err


def test_import_from_another_process_while_the_dashboard_runs(db, tmp_path):
    """The dashboard opens the store for each query only (store.connection.reading), so an import
    from another process writes between two queries, and the next query sees it."""
    own = tmp_path / "schulen.csv"
    own.write_text(OWN_DATA, encoding="utf-8")
    sql = "SELECT count(*) FROM observations WHERE table_code = 'EIGENE Schuldaten'"
    with reading(db) as dashboard:
        assert dashboard.execute(sql).fetchall() == [(0,)]
    done = subprocess.run(
        [sys.executable, "cli.py", "import", str(own), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "BILDUNGSMONITOR_IMPORTS": str(tmp_path / "imp"),
            "BILDUNGSMONITOR_AUDIT": str(tmp_path / "audit.log"),
        },
    )
    assert done.returncode == 0, done.stderr
    with reading(db) as dashboard:
        assert dashboard.execute(sql).fetchall() == [(2,)]


def test_import_without_a_store_says_to_build_first(tmp_path, capsys):
    code, _, err = run(
        "import",
        str(RAW / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"),
        "--db",
        str(tmp_path / "fehlt.duckdb"),
        capsys=capsys,
    )
    assert code == 1 and "build" in err


def test_build_if_stale_skips_a_current_store(db, capsys):
    future = time.time() + 3600
    os.utime(db, (future, future))
    code, _, err = run("build", "--if-stale", "--db", str(db), capsys=capsys)
    assert code == 0 and "aktuell" in err


def test_every_import_from_the_command_line_is_in_the_audit_log(db, tmp_path, capsys):
    own, bad = tmp_path / "schulen_2024.csv", tmp_path / "kaputt.csv"
    own.write_text(OWN_DATA, encoding="utf-8")
    bad.write_text("<html><body>Sitzung abgelaufen</body></html>", encoding="utf-8")
    run("import", str(own), str(bad), "--db", str(db), capsys=capsys)
    newest = entries(access_settings().audit_log, 2)
    assert [(e["who"], e["action"], e["what"]["datei"], e["what"]["angenommen"]) for e in newest] == [
        (f"{getpass.getuser()} (Kommandozeile)", "Import", "kaputt.csv", False),
        (f"{getpass.getuser()} (Kommandozeile)", "Import", "schulen_2024.csv", True),
    ]
    assert newest[1]["what"]["ergebnis"].startswith("2 Werte")


def test_benutzer_adds_lists_and_removes_a_local_user_without_printing_the_password(capsys, monkeypatch):
    path = access_settings().users_file
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-passwort\n"))
    code, out, err = run("benutzer", "anlegen", "Kerstin.Berg", "--rolle", "analyse", "--passwort-stdin", capsys=capsys)
    assert code == 0 and "Benutzer „kerstin.berg“ mit Rolle Analyse" in err
    assert "ein-langes-passwort" not in path.read_text(encoding="utf-8") + out + err
    assert verify(path, "kerstin.berg", "ein-langes-passwort").name == "kerstin.berg"
    assert run("benutzer", "liste", capsys=capsys)[1] == "kerstin.berg;analyse\n"
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-anderes-passwort\n"))
    code, _, err = run("benutzer", "anlegen", "kerstin.berg", "--passwort-stdin", capsys=capsys)
    assert (code, err.strip()) == (1, "Fehler: Benutzer „kerstin.berg“ gibt es schon; zum Ändern --ersetzen angeben.")
    assert run("benutzer", "entfernen", "kerstin.berg", capsys=capsys)[0] == 0
    assert read_users(path) == {}
    newest = entries(access_settings().audit_log, 2)
    assert [e["action"] for e in newest] == ["Benutzer entfernt", "Benutzer angelegt"]


def test_benutzer_refuses_a_short_password_in_german(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    code, _, err = run("benutzer", "anlegen", "kerstin.berg", "--passwort-stdin", capsys=capsys)
    assert (code, err.strip()) == (1, "Fehler: Das Passwort ist zu kurz: mindestens 10 Zeichen.")


def test_import_rueckgaengig_removes_an_own_import_and_its_kept_file(db, tmp_path, capsys):
    own = tmp_path / "schulen.csv"
    own.write_text(OWN_DATA, encoding="utf-8")
    assert run("import", "--db", str(db), str(own), capsys=capsys)[0] == 0
    con = duckdb.connect(str(db), read_only=True)
    [(import_id,)] = con.execute("SELECT import_id FROM imports WHERE file_name = 'schulen.csv'").fetchall()
    con.close()
    code, _, err = run("import", "--db", str(db), "--rueckgaengig", str(import_id), capsys=capsys)
    assert code == 0
    assert f"Import {import_id} (schulen.csv) rückgängig gemacht: 2 Werte, Werte entfernt." in err
    con = duckdb.connect(str(db), read_only=True)
    left = con.execute("SELECT count(*) FROM observations WHERE table_code = 'EIGENE Schuldaten'").fetchall()[0][0]
    con.close()
    assert left == 0 and not (tmp_path / "imports" / "schulen.csv").exists()


def test_import_rueckgaengig_of_an_unknown_id_or_without_arguments_says_so_in_german(db, capsys):
    code, _, err = run("import", "--db", str(db), "--rueckgaengig", "999999", capsys=capsys)
    assert code == 1 and "diesen Import gibt es nicht" in err
    code, _, err = run("import", "--db", str(db), capsys=capsys)
    assert code == 2 and "entweder Dateien oder --rueckgaengig ID" in err
