"""Benchmark at national scale: a SYNTHETIC store shaped like the real one, and what the dashboard costs on it.

    .venv/bin/python bench/scale.py [--years 30] [--variables 300] [--regions 0] [--out /tmp/bildungsmonitor-scale]

Every value this script writes is SYNTHETIC (invented numbers, never real statistics). The shapes are
real: the regions are the real regions of the bundled store (all Gemeinden of Germany, Kreise, Länder,
Bund), the variables are real (table, dimensions, unit) combinations of the bundled tables, the tables
the indicators read first. Each variable gets a value for every region and each of `--years` years,
so the defaults give about 12,300 regions × 30 years × 300 variables ≈ 110 million values. Every import
record says SYNTHETISCH in its source, title, licence and file name; the store lives under /tmp only.

Measured, each next to the same figure on the bundled (real) store:
- build time, file size and bytes per value;
- import of one real file (`cli.py import` pipeline) into the store;
- cold time of every indicator result the pages need (a fresh connection, the query and the
  indicator function), and the warm rerun of Überblick, Indikator and Landkreisvergleich (AppTest,
  from the cache, as a user's click after the first visitor);
- peak RSS of this process, which ran the dashboard pages (the dashboard's own memory).
Targets on the 2-core machine: warm rerun ≤ 300 ms, cold indicator ≤ 5 s, RSS ≤ 2 GB, ≤ 15 bytes/value.
Not a test: the numbers depend on the machine and its neighbours; they go into README ("Skalierung").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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

from indicators.catalogue import CATALOGUE, evaluate  # noqa: E402
from regions.home import home  # noqa: E402
from store.build import build, import_files  # noqa: E402
from store.connection import reading, rebuilding, writing  # noqa: E402
from store.queries import observations  # noqa: E402

ONE_REAL_FILE = ROOT / "data" / "raw" / "regionalstatistik_2023_2025" / "82411-01-03-4.csv"  # 1,076 values
ONE_TABLE = "82411-01-03-4"
SYNTHETIC = "SYNTHETISCH"
LAST_YEAR = 2024
# Older than any real file, so importing a real file replaces the synthetic values it overlaps.
SYNTHETIC_STAND = date(2000, 1, 1)
PAGES = [
    ("Überblick", None, {}),
    ("Indikator", "app_pages/indikator.py", {}),
    ("Landkreisvergleich", "app_pages/landkreisvergleich.py", {}),
]


def build_synthetic(real: Path, target: Path, years: int, variables: int, regions: int) -> int:
    """Write the synthetic store from the real store's shapes; return the number of values."""
    indicator_tables = sorted({code for ind in CATALOGUE.values() for code in ind.table_codes})
    with rebuilding(target) as con:
        con.execute("ATTACH ? AS real (READ_ONLY)", [str(real)])
        con.execute("INSERT INTO regions SELECT * FROM real.regions")
        con.execute(
            """
            CREATE TEMP TABLE variables AS
            SELECT row_number() OVER (ORDER BY NOT list_contains(?, table_code), table_code, dimensions) AS var, *
            FROM (SELECT table_code, dimensions, any_value(unit) AS unit, any_value(substr(period, 5)) AS suffix,
                         any_value(table_title) AS table_title
                  FROM real.observations JOIN real.imports USING (import_id, table_code) GROUP BY ALL)
            QUALIFY var <= ?
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
            "SELECT table_code, any_value(table_title) FROM variables GROUP BY 1 ORDER BY 1"
        ).fetchall()
        for table_code, title in tables:
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
            con.execute(
                """
                INSERT INTO observations
                SELECT ?, v.table_code, r.region_code, r.name, y.year::VARCHAR || v.suffix, y.year, v.dimensions,
                       v.unit, (hash(r.region_code, v.var, y.year) % 100000)::DOUBLE AS value, 'ok',
                       value::BIGINT::VARCHAR
                FROM variables v, scale_regions r, range(?, ?) y(year)
                WHERE v.table_code = ?
                """,
                [import_id, LAST_YEAR - years + 1, LAST_YEAR + 1, table_code],
            )
            con.execute(
                "UPDATE imports SET row_count = (SELECT count(*) FROM observations WHERE import_id = ?) "
                "WHERE import_id = ?",
                [import_id, import_id],
            )
        values = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    return values


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def cold_indicators(db: Path) -> list[float]:
    """Seconds per indicator: open the store, query its tables, compute; nothing cached in between."""
    times = []
    for key, indicator in CATALOGUE.items():

        def compute(indicator=indicator, key=key):
            with reading(db) as con:
                evaluate(key, observations(con, indicator.table_codes, home().key))

        times.append(timed(compute))
    return times


def warm_reruns(db: Path, runs: int) -> dict[str, float]:
    """Median warm rerun (ms) of the pages, on `db`, after one run that fills the caches."""
    from pages import app, median_rerun

    os.environ["BILDUNGSMONITOR_DB"] = str(db)
    return {label: median_rerun(app(page, params), runs) for label, page, params in PAGES}


def measure(db: Path, runs: int) -> dict[str, str]:
    """Run in a fresh process (see main), so its RSS is the dashboard's alone and caches start cold."""
    with writing(db) as con:  # set-up, not timed: the one real file's table leaves, so the import loads all of it
        con.execute("DELETE FROM observations WHERE table_code = ?", [ONE_TABLE])
        con.execute("DELETE FROM imports WHERE table_code = ?", [ONE_TABLE])
    values = _count(db)
    os.environ["BILDUNGSMONITOR_IMPORTS"] = str(db.parent / f"imports_{db.stem}")
    import_seconds = timed(lambda: import_files(db, [ONE_REAL_FILE], lambda *_: None))
    cold = cold_indicators(db)
    warm = warm_reruns(db, runs)
    shutil.rmtree(db.parent / f"imports_{db.stem}", ignore_errors=True)
    return {
        "Werte": f"{values:,}".replace(",", "."),
        "Datei": f"{db.stat().st_size / 1e6:,.0f} MB".replace(",", "."),
        "Byte je Wert": f"{db.stat().st_size / values:.1f}".replace(".", ","),
        "Import 1 echte Datei (1.076 Werte)": f"{import_seconds:.2f} s".replace(".", ","),
        f"kalt je Indikator, Median ({len(cold)})": f"{statistics.median(cold):.2f} s".replace(".", ","),
        "kalt je Indikator, Maximum": f"{max(cold):.2f} s".replace(".", ","),
        **{f"warm: {page} (Median)": f"{ms:.0f} ms" for page, ms in warm.items()},
        "RSS des Prozesses (Spitze)": f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB".replace(
            ".", ","
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--variables", type=int, default=300)
    parser.add_argument("--regions", type=int, default=0, help="0 = all current regions (about 12,300)")
    parser.add_argument("--runs", type=int, default=10, help="warm reruns per page")
    parser.add_argument("--out", type=Path, default=Path("/tmp/bildungsmonitor-scale"))
    parser.add_argument("--bundled", type=Path, help="an existing store built from data/raw (skips that build)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one store, fresh process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    real, synthetic = args.out / "bundled.duckdb", args.out / "synthetic.duckdb"
    if args.bundled:  # reuse a store built from data/raw; measuring changes it, so work on a copy
        shutil.copyfile(args.bundled, real)
        build_seconds = {"bundled": float("nan")}
    else:
        build_seconds = {"bundled": timed(lambda: build(real, lambda *_: None))}
    build_seconds["synthetic"] = timed(
        lambda: build_synthetic(real, synthetic, args.years, args.variables, args.regions)
    )
    rows = {}
    for label, db in (("bundled", real), ("synthetic", synthetic)):
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(db), "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows[label] = {"Aufbau": f"{build_seconds[label]:.0f} s", **json.loads(done.stdout.splitlines()[-1])}

    print(f"{args.years} Jahre × {args.variables} Variablen × Regionen; synthetischer Bestand: {synthetic}")
    width = max(len(k) for k in rows["bundled"])
    print(f"{'':<{width}}  {'gebündelt (echt)':>18}  {SYNTHETIC.lower():>18}")
    for key in rows["bundled"]:
        print(f"{key:<{width}}  {rows['bundled'][key]:>18}  {rows['synthetic'][key]:>18}")


def _count(db: Path) -> int:
    with reading(db) as con:
        return con.execute("SELECT count(*) FROM observations").fetchall()[0][0]


if __name__ == "__main__":
    main()
