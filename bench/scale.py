"""Benchmark at national scale: a SYNTHETIC store shaped like the real one, and what the dashboard costs on it.

    nice -n 10 .venv/bin/python bench/scale.py [--years 30] [--variables 300] [--regions 0] [--out /tmp/...]

Every value this script writes is SYNTHETIC (invented numbers, never real statistics). The shapes are
real: the regions are the real regions of the bundled store (all Gemeinden of Germany, Kreise, Länder,
Bund), the variables are the real (table, dimensions, unit) combinations of the bundled tables. Whole
tables are taken, the indicators' tables first and smallest first, until `--variables` is reached, so
every indicator whose tables fit computes on complete tables. Each variable gets a value for every
region and each of `--years` years: the defaults give 13,756 regions × 30 years × 307 variables
≈ 127 million values. Every import record says SYNTHETISCH in its source, title, licence and file
name; the store lives under `--out` (/tmp) only and is deleted at the end unless `--keep`.

Measured, each next to the same figure on the bundled (real) store:
- build time: writing the values, and computing every indicator's stored result (store.results);
- file size and bytes per value;
- import of one real file with the indicators it feeds (`cli.py import` pipeline), in its own process;
- cold read of every indicator's stored result (a fresh connection and the query, as the dashboard's
  data layer does on a cache miss), and the first and warm reruns of Überblick, Indikator and
  Landkreisvergleich (AppTest, in a fresh process: the first run fills the caches, as the first
  visitor of a store version does; a warm rerun is a user's click after that);
- peak RSS of the process that ran the dashboard pages (the dashboard's own memory; the import runs
  in a process of its own, as `cli.py import` does).
Targets on the 2-core machine: warm rerun ≤ 300 ms, cold indicator ≤ 5 s, RSS ≤ 2 GB, ≤ 15 bytes/value.
Progress goes to stderr with the time of day. Not a test: the numbers depend on the machine and its
neighbours; they go into README ("Skalierung").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from indicators.catalogue import CATALOGUE  # noqa: E402
from store.build import build, import_files  # noqa: E402
from store.connection import reading, rebuilding, writing  # noqa: E402
from store.load import remove_import, sha256_of  # noqa: E402
from store.results import affected_keys, read, refresh  # noqa: E402

# A real file of a table two indicators read (Jugendarbeitslosigkeit), so its import recomputes them.
ONE_REAL_FILE = ROOT / "data" / "raw" / "regionalstatistik_2023_2025" / "13211-02-05-4.csv"
SYNTHETIC = "SYNTHETISCH"
LAST_YEAR = 2024
# Older than any real file, so importing a real file replaces the synthetic values it overlaps.
SYNTHETIC_STAND = date(2000, 1, 1)
PAGES = [
    ("Überblick", None, {}),
    ("Indikator", "app_pages/indikator.py", {}),
    ("Landkreisvergleich", "app_pages/landkreisvergleich.py", {}),
]


def say(text: str) -> None:
    """One progress line on stderr, so a long run shows where it is."""
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def build_synthetic(real: Path, target: Path, years: int, variables: int, regions: int) -> dict[str, float]:
    """Write the synthetic store from the real store's shapes and compute its indicator results."""
    indicator_tables = sorted({code for ind in CATALOGUE.values() for code in ind.table_codes})
    with rebuilding(target) as con:
        started = time.perf_counter()
        con.execute("ATTACH ? AS real (READ_ONLY)", [str(real)])
        con.execute("INSERT INTO regions SELECT * FROM real.regions")
        con.execute(
            """
            CREATE TEMP TABLE variables AS
            WITH shapes AS (
                SELECT table_code, dimensions, any_value(unit) AS unit, any_value(substr(period, 5)) AS suffix,
                       any_value(table_title) AS table_title
                FROM real.observations JOIN real.imports USING (import_id, table_code) GROUP BY ALL
            ), whole_tables AS (
                SELECT table_code, count(*) AS n,
                       sum(count(*)) OVER (ORDER BY NOT list_contains(?, table_code), count(*), table_code) AS upto
                FROM shapes GROUP BY table_code
            )
            SELECT row_number() OVER (ORDER BY s.table_code, s.dimensions) AS var, s.*
            FROM shapes s JOIN whole_tables t USING (table_code)
            WHERE t.upto - t.n < ?
            """,
            [indicator_tables, variables],
        )
        con.execute(
            """
            CREATE TEMP TABLE scale_regions AS
            SELECT region_code, name FROM real.regions
            WHERE level IN ('bund', 'land', 'kreis', 'gemeinde') AND NOT historic
            ORDER BY region_code LIMIT ?
            """,
            [regions or 1_000_000],
        )
        tables = con.execute(
            "SELECT table_code, any_value(table_title), count(*) FROM variables GROUP BY 1 ORDER BY 1"
        ).fetchall()
        say(f"{sum(n for *_, n in tables)} Variablen aus {len(tables)} Tabellen")
        for number, (table_code, title, _) in enumerate(tables, start=1):
            import_id = con.execute(
                """
                INSERT INTO imports (file_name, sha256, source, table_code, table_title, stand, licence, importer,
                                     importer_version, imported_at, row_count, rows_replaced, rows_kept_newer)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'bench_scale', '1', current_timestamp, 0, 0, 0)
                RETURNING import_id
                """,
                [
                    f"synthetisch_{table_code}.csv",
                    SYNTHETIC.lower().ljust(64, "0"),
                    f"{SYNTHETIC}: bench/scale.py, erfundene Werte, keine amtliche Statistik",
                    table_code,
                    f"{SYNTHETIC} (erfundene Werte in der Form von): {title}",
                    SYNTHETIC_STAND,
                    f"{SYNTHETIC}: Benchmarkdaten, nicht real",
                ],
            ).fetchall()[0][0]
            # In the order the Regionalstatistik's files come (and store.load keeps): one year after
            # the other. Unordered, every row group held all 30 years, so recomputing
            # one year after an import read whole tables (0.56 s instead of 0.28 s at national scale).
            written = con.execute(
                """
                INSERT INTO observations
                SELECT ?, v.table_code, r.region_code, r.name, y.year::VARCHAR || v.suffix, y.year, v.dimensions,
                       v.unit, (hash(r.region_code, v.var, y.year) % 100000)::DOUBLE AS value, 'ok',
                       value::BIGINT::VARCHAR
                FROM variables v, scale_regions r, range(?, ?) y(year)
                WHERE v.table_code = ?
                ORDER BY y.year, r.region_code, v.var
                """,
                [import_id, LAST_YEAR - years + 1, LAST_YEAR + 1, table_code],
            ).fetchall()[0][0]
            con.execute("UPDATE imports SET row_count = ? WHERE import_id = ?", [written, import_id])
            con.execute(  # what store.load keeps for every loaded file (migration 005)
                "INSERT INTO current_values SELECT import_id, year, count(*) FROM observations "
                "WHERE import_id = ? GROUP BY ALL",
                [import_id],
            )
            say(f"[{number}/{len(tables)}] {table_code}: {written:,} Werte")
        values_seconds = time.perf_counter() - started
        started = time.perf_counter()
        refresh(con, progress=lambda n, total, key, s: say(f"Ergebnis {n}/{total} {key}: {s:.1f} s"))
        results_seconds = time.perf_counter() - started
    return {"values": values_seconds, "results": results_seconds}


def build_bundled(target: Path) -> dict[str, float]:
    """Build the real store from data/raw; the results' share is the sum of the per-indicator times."""
    per_indicator: list[float] = []

    def result_progress(number: int, total: int, key: str, seconds: float) -> None:
        per_indicator.append(seconds)
        say(f"Ergebnis {number}/{total} {key}: {seconds:.1f} s")

    started = time.perf_counter()
    build(target, lambda number, total, _: say(f"Datei {number}/{total}"), result_progress)
    total = time.perf_counter() - started
    return {"values": total - sum(per_indicator), "results": sum(per_indicator)}


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def import_one(db: Path) -> dict[str, str]:
    """Import ONE_REAL_FILE with its indicators' refresh; its earlier import is removed first (not timed)."""
    sha = sha256_of(ONE_REAL_FILE)
    with writing(db) as con:
        for (import_id,) in con.execute("SELECT import_id FROM imports WHERE sha256 = ?", [sha]).fetchall():
            remove_import(con, import_id)
    os.environ["BILDUNGSMONITOR_IMPORTS"] = str(db.parent / f"imports_{db.stem}")
    outcomes, refreshing = [], []
    seconds = timed(
        lambda: outcomes.extend(
            import_files(db, [ONE_REAL_FILE], lambda *_: None, lambda *step: refreshing.append(step[-1]))
        )
    )
    shutil.rmtree(db.parent / f"imports_{db.stem}", ignore_errors=True)
    if outcomes[0].error:
        raise RuntimeError(outcomes[0].error.meldung)
    result = outcomes[0].result
    recomputed = len(affected_keys([result.table_code]))
    return {
        f"Import 1 echte Datei ({_de_int(result.rows)} Werte, {recomputed} Indikatoren neu)": _de(seconds, "s", 2),
        "  davon Indikatoren neu berechnen": _de(sum(refreshing), "s", 2),
        "ersetzte Werte beim Import": _de_int(result.replaced),
    }


def cold_results(db: Path) -> list[float]:
    """Seconds per indicator for a cache miss: open the store, read the stored result, close."""
    times = []
    for key in CATALOGUE:

        def read_one(key=key):
            with reading(db) as con:
                read(con, key)

        times.append(timed(read_one))
    return times


def page_runs(db: Path, runs: int) -> dict[str, tuple[float, float]]:
    """(first run, median warm rerun) in ms per page, on `db`, in this fresh process."""
    from pages import app, first_and_median_rerun

    os.environ["BILDUNGSMONITOR_DB"] = str(db)
    return {label: first_and_median_rerun(app(page, params), runs) for label, page, params in PAGES}


def measure(db: Path, runs: int) -> dict[str, str]:
    """Run in a fresh process (see main), so its RSS is the dashboard's alone and caches start cold."""
    values = _count(db)
    cold = cold_results(db)
    say(f"{db.name}: gespeicherte Ergebnisse gelesen")
    pages = page_runs(db, runs)
    say(f"{db.name}: Seiten gemessen")
    return {
        "Werte": _de_int(values),
        "Datei": f"{db.stat().st_size / 1e6:,.0f} MB".replace(",", "."),
        "Byte je Wert": _de(db.stat().st_size / values, "", 1),
        f"kalt je Indikator: Ergebnis lesen, Median ({len(cold)})": _de(statistics.median(cold), "s", 2),
        "kalt je Indikator: Ergebnis lesen, Maximum": _de(max(cold), "s", 2),
        **{f"erster Aufruf: {page}": _de(first / 1000, "s", 2) for page, (first, _) in pages.items()},
        **{f"warm: {page} (Median)": f"{warm:.0f} ms" for page, (_, warm) in pages.items()},
        "RSS des Seitenprozesses (Spitze)": _de(_peak_rss_kb() / 1e6, "GB", 2),
    }


def _peak_rss_kb() -> int:
    """This process's peak RSS. Not getrusage's ru_maxrss: a child keeps the parent's peak at fork, and the
    parent that built the synthetic store held 3 GB of DuckDB buffers, which every measurement then showed."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("VmHWM missing from /proc/self/status")


def _de(number: float, unit: str, decimals: int) -> str:
    """German number with unit; a figure not measured in this run (NaN) is a dash."""
    if number != number:
        return "–"
    return f"{number:.{decimals}f} {unit}".strip().replace(".", ",")


def _de_int(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _in_fresh_process(flag: str, db: Path, runs: int) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, __file__, flag, str(db), "--runs", str(runs)], stdout=subprocess.PIPE, text=True, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--variables", type=int, default=300)
    parser.add_argument("--regions", type=int, default=0, help="0 = all current regions (about 13,800)")
    parser.add_argument("--runs", type=int, default=10, help="warm reruns per page")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bildungsmonitor-scale"))
    parser.add_argument("--bundled", type=Path, help="an existing store built from data/raw (skips that build)")
    parser.add_argument("--keep", action="store_true", help="keep the stores under --out (deleted by default)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one store, fresh process
    parser.add_argument("--import-into", type=Path, help=argparse.SUPPRESS)  # internal: one import, own process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return
    if args.import_into:
        print(json.dumps(import_one(args.import_into)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    real, synthetic = args.out / "bundled.duckdb", args.out / "synthetic.duckdb"
    try:
        if args.bundled:  # reuse a store built from data/raw; measuring changes it, so work on a copy
            shutil.copyfile(args.bundled, real)
            seconds = {"bundled": {"values": float("nan"), "results": float("nan")}}
        else:
            say("Baue den gebündelten Bestand aus data/raw")
            seconds = {"bundled": build_bundled(real)}
        say("Baue den synthetischen Bestand")
        seconds["synthetic"] = build_synthetic(real, synthetic, args.years, args.variables, args.regions)
        rows = {}
        for label, db in (("bundled", real), ("synthetic", synthetic)):
            say(f"Messe {db.name}")
            rows[label] = {
                "Aufbau: Werte schreiben": _de(seconds[label]["values"], "s", 0),
                f"Aufbau: Ergebnisse der {len(CATALOGUE)} Indikatoren": _de(seconds[label]["results"], "s", 0),
                **_in_fresh_process("--measure", db, args.runs),
                **_in_fresh_process("--import-into", db, args.runs),
            }
    finally:
        if not args.keep:
            for path in (real, synthetic):
                for leftover in path.parent.glob(path.name + "*"):
                    leftover.unlink()
    print(f"{args.years} Jahre × {args.variables} Variablen × Regionen, Lastmittel {os.getloadavg()}")
    width = max(len(k) for k in rows["bundled"]) + 4
    print(f"{'':<{width}}  {'gebündelt (echt)':>18}  {SYNTHETIC.lower():>18}")
    for key, value in rows["synthetic"].items():
        bundled = rows["bundled"].get(key, "–")
        print(f"{key:<{width}}  {bundled:>18}  {value:>18}")


def _count(db: Path) -> int:
    with reading(db) as con:
        return con.execute("SELECT count(*) FROM observations").fetchall()[0][0]


if __name__ == "__main__":
    main()
