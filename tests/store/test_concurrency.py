"""The live store under real processes: two imports at once, a reader querying meanwhile, and kill -9.

Every process here is a real `cli.py import` or a Python reader, so DuckDB's file lock, the lock
files and the write-ahead log work exactly as in production.
"""

from __future__ import annotations

import fcntl
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.connection import reading, writing
from store.importers import genesis_csv
from store.load import load_table

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
SMALL = RAW / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"  # 1,076 values
BIG = RAW / "regionalstatistik_1995_2016" / "21111-02-06-4.csv"  # 154,644 values
SCHOOLS = RAW / "regionalstatistik_2023_2025" / "21121-02-02-4.csv"  # 6,456 values
PUPILS = RAW / "regionalstatistik_2023_2025" / "13211-02-05-4.csv"  # 6,994 values
# Two downloads of one table (Stand 10.10.2017 and 17.08.2021) that share the years 2015 and 2016.
UNEMPLOYED_OLD = RAW / "regionalstatistik_1995_2016" / "13211-02-05-4_00.csv"  # 109,408 values, 2001-2016
UNEMPLOYED_NEW = RAW / "regionalstatistik_2016_2020" / "13211-02-05-4.csv"  # 41,964 values, 2015-2020
UNEMPLOYED_SHARED = 13676  # 6,838 keys in 2015 and 6,838 in 2016
TIMEOUT_S = 120


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A store holding SMALL (1,076 values), and a private data/imports for the imports under test."""
    monkeypatch.setenv("BILDUNGSMONITOR_IMPORTS", str(tmp_path / "imports"))
    path = tmp_path / "store" / "s.duckdb"
    with writing(path) as con:
        load_table(con, genesis_csv.parse(SMALL), SMALL)
    return path


def start_import(db: Path, *files: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "import", "--db", str(db), *map(str, files)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    _, err = process.communicate(timeout=TIMEOUT_S)
    return process.returncode, err


def values_and_imports(db: Path) -> tuple[int, int]:
    with reading(db) as con:
        return con.execute("SELECT (SELECT count(*) FROM observations), (SELECT count(*) FROM imports)").fetchall()[0]


def files_of(db: Path) -> set[str]:
    """The store's own files: itself, its log and lock files, copies or leftovers of any kind."""
    return {p.name for p in db.parent.iterdir() if db.name in p.name}


def test_two_imports_started_at_once_both_land(db):
    first, second = start_import(db, SCHOOLS), start_import(db, PUPILS)
    assert finish(first)[0] == 0
    assert finish(second)[0] == 0
    assert values_and_imports(db) == (1076 + 6456 + 6994, 3)


def test_two_imports_of_one_table_at_once_land_one_after_the_other(db):
    # Whichever runs first, the second sees the first's values: each shared key is either replaced by
    # the newer file or kept from it, once. Run side by side without the writers' lock, both files
    # would insert the shared keys: 1,076 + 109,408 + 41,964 = 152,448 values.
    first, second = start_import(db, UNEMPLOYED_OLD), start_import(db, UNEMPLOYED_NEW)
    assert finish(first)[0] == 0
    assert finish(second)[0] == 0
    assert values_and_imports(db) == (1076 + 109408 + 41964 - UNEMPLOYED_SHARED, 3)  # 138,772 values
    with reading(db) as con:
        handled, keys = con.execute(
            "SELECT (SELECT sum(rows_replaced + rows_kept_newer) FROM imports WHERE table_code = '13211-02-05-4'), "
            "(SELECT count(DISTINCT (table_code, region_code, period, dimensions)) FROM observations)"
        ).fetchall()[0]
    assert handled == UNEMPLOYED_SHARED
    assert keys == 138772  # no key stored twice


def test_an_import_lands_while_another_process_keeps_querying(db):
    # The dashboard's way of reading: one short connection per query, in a loop until it sees the import.
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from store.connection import reading\n"
            "queries, deadline = 0, time.monotonic() + 100\n"
            "while time.monotonic() < deadline:\n"
            "    with reading(Path(sys.argv[1])) as con:\n"
            "        n = con.execute('SELECT count(*) FROM observations').fetchall()[0][0]\n"
            "    queries += 1\n"
            "    if n != 1076:\n"
            "        break\n"
            "print(queries, n)\n",
            str(db),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert finish(start_import(db, BIG))[0] == 0
    out, _ = reader.communicate(timeout=TIMEOUT_S)
    queries, seen = map(int, out.split())
    assert reader.returncode == 0
    assert seen == 1076 + 154644  # the first value it saw besides the old one was the whole import
    assert queries > 1


def wait_until_writer_inside(db: Path) -> None:
    """Return once an import holds the gate, i.e. it is writing the live file (or about to)."""
    gate = db.with_name(db.name + ".gate")
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if gate.exists():
            with gate.open("a") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    fcntl.flock(handle, fcntl.LOCK_UN)
                except BlockingIOError:
                    return
        time.sleep(0.002)
    raise AssertionError("the import never started writing")


def test_an_import_killed_at_any_moment_leaves_the_store_as_before_or_after_and_nothing_behind(db):
    before, after = (1076, 1), (1076 + 154644, 2)
    # A clean run on a copy: how long the write takes here, and how large the store becomes.
    reference = db.with_name("reference.duckdb")
    shutil.copyfile(db, reference)
    process = start_import(reference, BIG)
    wait_until_writer_inside(reference)
    entered = time.monotonic()
    assert finish(process)[0] == 0
    write_seconds, clean_size = time.monotonic() - entered, reference.stat().st_size

    outcomes = set()
    for fraction in (0.0, 0.3, 0.6, 0.9):
        process = start_import(db, BIG)
        wait_until_writer_inside(db)
        time.sleep(write_seconds * fraction)  # the moment of the kill, not a wait for a state
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=TIMEOUT_S)
        state = values_and_imports(db)
        assert state in (before, after), f"killed at {fraction:.0%} of the write: {state}"
        outcomes.add(state)
        assert files_of(db) <= {"s.duckdb", "s.duckdb.wal", "s.duckdb.lock", "s.duckdb.gate"}
        if state == after:
            break  # the import landed before the kill; nothing left to interrupt
    assert before in outcomes  # at least one kill interrupted the write

    # The next import runs, lands, and leaves the store as large as a clean import, with its lock files only.
    assert finish(start_import(db, BIG))[0] == 0
    assert values_and_imports(db) == after
    assert files_of(db) == {"s.duckdb", "s.duckdb.lock", "s.duckdb.gate"}
    assert db.stat().st_size <= clean_size * 1.05


def test_a_killed_rebuild_leaves_its_new_file_only_until_the_next_import_removes_it(db, tmp_path):
    # `cli.py build` writes a new store beside the live one and renames it at the end; killed before,
    # that file is left behind and costs disk. The live store is untouched, and the next writer deletes it.
    build = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "build", "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT_S
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in db.parent.iterdir()):
        assert time.monotonic() < deadline, "the rebuild never wrote its new file"
        time.sleep(0.01)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=TIMEOUT_S)
    leftovers = {name for name in files_of(db) if name.endswith((".tmp", ".tmp.wal"))}
    assert f".s.duckdb.{build.pid}.tmp" in leftovers
    assert values_and_imports(db) == (1076, 1)  # readers still see the old store

    assert finish(start_import(db, SCHOOLS))[0] == 0
    assert values_and_imports(db) == (1076 + 6456, 2)
    assert files_of(db) == {"s.duckdb", "s.duckdb.lock", "s.duckdb.gate"}
