"""Bad values never land: every file of the synthetic corpus (tests/store/bad_files.py) is refused
with a German message naming file and line, and the store stays exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from store import build as build_module
from store.build import describe, import_files
from store.connection import rebuilding
from store.importers import genesis_csv
from store.importers.registry import IMPORTERS, _head
from store.load import load_table
from tests.store.bad_files import CORPUS, GOOD_OWN_ROW, own, own_xlsx, text

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SMALL = RAW / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"  # 1,076 real values, table 82411-01-03-4


PREFIX_TO_IMPORTER = {
    "genesis": "genesis_csv",
    "ffcsv": "genesis_ffcsv",
    "inkar": "inkar_csv",
    "ba": "ba_csv",
    "population": "bevoelkerung_long_csv",
    "own": "template",
    "svb": "svb_xlsx",
    "inkarxlsx": "inkar_excel",
    "baparquet": "ba_berufe_parquet",
    "bazr": "ba_zeitreihe_xlsx",
}


def test_the_corpus_has_at_least_40_files_and_reaches_every_importer(tmp_path):
    assert len(CORPUS) >= 40 and len({bad.case for bad in CORPUS}) == len(CORPUS)
    reached = set()
    for bad in CORPUS:
        path = tmp_path / bad.name
        bad.write(path)
        head = _head(path)
        importer = next(i for i in IMPORTERS if i.recognises(path, head)).__name__.rsplit(".", 1)[-1]
        assert importer == PREFIX_TO_IMPORTER[bad.case.split("-")[0]], bad.case
        reached.add(importer)
    assert reached == {i.__name__.rsplit(".", 1)[-1] for i in IMPORTERS}


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """A store holding one small real table, so "unchanged" means something."""
    path = tmp_path_factory.mktemp("small") / "small.duckdb"
    with rebuilding(path) as con:
        load_table(con, genesis_csv.parse(SMALL), SMALL)
    return path


def snapshot(db: Path) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(sql).fetchall()
            for sql in (
                "SELECT count(*), sum(value), count(DISTINCT import_id) FROM observations",
                "SELECT import_id, file_name, row_count FROM imports ORDER BY import_id",
                "SELECT region_code, name FROM regions ORDER BY region_code",
            )
        )
    finally:
        con.close()


@pytest.mark.parametrize("bad", CORPUS, ids=[bad.case for bad in CORPUS])
def test_a_bad_file_is_refused_in_german_naming_file_and_line_and_changes_nothing(
    bad, small_store, tmp_path, monkeypatch
):
    db = tmp_path / "store.duckdb"
    shutil.copyfile(small_store, db)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    path = tmp_path / bad.name
    bad.write(path)
    before = snapshot(db)
    [outcome] = import_files(db, [path], lambda *_: None)
    assert outcome.result is None and outcome.error is not None, describe(outcome)
    assert outcome.error.datei == bad.name
    assert bad.fragment in outcome.error.meldung, outcome.error.meldung
    assert outcome.error.zeile == bad.line, outcome.error.meldung
    assert "Traceback" not in str(outcome.error) and "Error" not in outcome.error.meldung
    assert snapshot(db) == before
    assert not (tmp_path / "imports").exists()  # a refused file is not kept for the next build


def test_in_a_batch_every_bad_file_is_reported_and_the_good_ones_land(store_db, tmp_path, monkeypatch):
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, db)
    monkeypatch.setattr(build_module, "IMPORTS_DIR", tmp_path / "imports")
    folder = tmp_path / "upload"
    folder.mkdir()
    paths = []
    for bad in CORPUS:
        bad.write(folder / bad.name)
        paths.append(folder / bad.name)
    good_csv, good_xlsx = folder / "schule_gut.csv", folder / "schule_gut.xlsx"
    text(own())(good_csv)  # 40 leavers, Testschule (synthetisch), 2023/24
    own_xlsx(["2022/23", *GOOD_OWN_ROW[1:]])(good_xlsx)  # the same school one year earlier
    paths[10:10] = [good_csv]
    paths.append(good_xlsx)
    before = snapshot(db)
    outcomes = import_files(db, paths, lambda *_: None)
    refused = [o for o in outcomes if o.error]
    landed = [o for o in outcomes if o.result]
    assert len(refused) == len(CORPUS)
    assert [o.path.name for o in landed] == ["schule_gut.csv", "schule_gut.xlsx"]
    after = snapshot(db)
    # Exactly two values more (40 + 40 leavers), two import records more, no region renamed or added.
    assert after[0][0][0] == before[0][0][0] + 2 and after[0][0][1] == pytest.approx(before[0][0][1] + 80)
    assert after[1][:-2] == before[1] and [r[1] for r in after[1][-2:]] == ["schule_gut.csv", "schule_gut.xlsx"]
    assert after[2] == before[2]
    assert sorted(p.name for p in (tmp_path / "imports").iterdir()) == ["schule_gut.csv", "schule_gut.xlsx"]


def test_rows_beyond_a_sheets_declared_dimension_are_read(tmp_path):
    """openpyxl's read-only mode trusts <dimension>; a sheet declaring A1:F2 but holding 3 rows loses none."""
    from store.importers import template

    path = tmp_path / "versteckt.xlsx"
    own_xlsx(GOOD_OWN_ROW, ["2022/23", *GOOD_OWN_ROW[1:4], 35, "x"], shown_rows=2)(path)
    parsed = template.parse(path)
    # Both rows: 40 leavers in 2024 (2023/24) and 35 in 2023 (2022/23), the second beyond the dimension.
    rows = sorted(zip(parsed.observations.period, parsed.observations.value, strict=True))
    assert rows == [("2023", 35.0), ("2024", 40.0)]
