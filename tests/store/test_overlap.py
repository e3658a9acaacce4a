"""Nothing in the store can break a page: overlapping tables follow a declared rule, and an import that
would make an indicator fail is refused."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from pathlib import Path

import duckdb
import pytest

import cli
from indicators import catalogue
from store import build as build_module
from store.build import import_files

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
B_2024 = RAW / "regionalstatistik_2024_excerpt" / "21111-02-06-4-B_2024_excerpt.csv"


@pytest.fixture
def db(store_db, tmp_path, monkeypatch):
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    return copy


def full_table_with_2024(tmp_path: Path) -> Path:
    """21111-02-06-4 as its next download will look: the 2024 rows with the new labels.

    Built from the real -B excerpt (Stand 28.03.2026) by naming the full table in its first line,
    so every value is a real published figure; only the table code differs.
    """
    path = tmp_path / "21111-02-06-4_2024.csv"
    text = B_2024.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("Tabelle: 21111-02-06-4-B", "Tabelle: 21111-02-06-4", 1), encoding="utf-8")
    return path


def test_a_full_leavers_table_that_includes_2024_lands_and_every_leavers_indicator_still_computes(db, tmp_path, capsys):
    [outcome] = import_files(db, [full_table_with_2024(tmp_path)], lambda *_: None)
    assert outcome.error is None and outcome.result.rows == 812  # 58 rows x 14 value columns
    for key in ("ohne_abschluss_anteil", "ohne_abschluss_geschlechterdifferenz", "abschlussarten_verteilung"):
        assert cli.main(["indicator", key, "--db", str(db), "--region", "03453"]) == 0, key
    capsys.readouterr()
    assert cli.main(["indicator", "ohne_abschluss_anteil", "--db", str(db), "--region", "03453"]) == 0
    rows = {r["period"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    # Cloppenburg 2024 (line 49 of both files): 228 of 2,031 leavers without = 11.226 %.
    assert (rows["2024"]["numerator"], rows["2024"]["denominator"]) == ("228.0", "2031.0")
    assert float(rows["2024"]["value"]) == pytest.approx(11.2260, abs=1e-4)
    # 2023 is untouched: 163 of 1,967.
    assert (rows["2023"]["numerator"], rows["2023"]["denominator"]) == ("163.0", "1967.0")


def test_an_import_that_would_make_an_indicator_fail_is_refused_and_changes_nothing(db, tmp_path, monkeypatch):
    """If an indicator cannot compute with the new file, the file is refused (store.results, same transaction)."""
    broken = "ohne_abschluss_anteil"

    def fails(obs):
        raise ValueError("Index contains duplicate entries, cannot reshape")

    monkeypatch.setitem(catalogue.CATALOGUE, broken, dataclasses.replace(catalogue.CATALOGUE[broken], compute=fails))
    before = imports_and_values(db)
    [outcome] = import_files(db, [full_table_with_2024(tmp_path)], lambda *_: None)
    assert outcome.result is None
    assert f"ließe sich der Indikator „{catalogue.CATALOGUE[broken].title}“" in outcome.error.meldung
    assert "Index contains duplicate entries" in outcome.error.meldung
    assert imports_and_values(db) == before
    assert not (tmp_path / "imports").exists()


def imports_and_values(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM observations)").fetchall()[0]
    finally:
        con.close()
