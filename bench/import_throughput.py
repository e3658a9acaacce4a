"""Benchmark: store build time, and import throughput of the largest bundled file next to a bare
DuckDB read_csv of the same file.

Run: .venv/bin/python bench/import_throughput.py
Not a test: timings depend on the machine; the numbers go into release notes.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.build import build, bundled_files  # noqa: E402
from store.connection import writing  # noqa: E402
from store.importers.registry import parse_file  # noqa: E402
from store.load import load_table  # noqa: E402

REPEAT = 3


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    files = bundled_files()
    largest = max(files, key=lambda p: p.stat().st_size)
    most_values = max(files, key=lambda p: len(parse_file(p).observations))
    with tempfile.TemporaryDirectory() as tmp:
        cpu = time.process_time()
        build_seconds = timed(lambda: build(Path(tmp) / "full.duckdb", lambda *_: None))
        cpu = time.process_time() - cpu
        size = (Path(tmp) / "full.duckdb").stat().st_size
    # CPU seconds next to wall time: on a shared machine the wall time mostly measures the neighbours.
    print(
        f"Store build from data/raw ({len(files)} files): {build_seconds:.1f} s ({cpu:.1f} s CPU), {size / 1e6:.1f} MB"
    )
    for label, path in (("largest file (bytes)", largest), ("file with most values", most_values)):
        measure(label, path)


def measure(title: str, path: Path) -> None:
    largest = path
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        values = len(parse_file(largest).observations)
        parse_times, import_times, bare_times = [], [], []
        for run in range(REPEAT):
            parse_times.append(timed(lambda: parse_file(largest)))

            def full_import(run=run):
                with writing(tmp / f"one{run}.duckdb") as con:
                    load_table(con, parse_file(largest), largest)

            import_times.append(timed(full_import))

            def bare(run=run, path=path):
                con = duckdb.connect(str(tmp / f"bare{run}.duckdb"))
                con.execute(
                    "CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true, null_padding=true, "
                    "ignore_errors=true)",
                    [str(path)],
                )
                con.close()

            bare_times.append(timed(bare))
    size_mb = largest.stat().st_size / 1e6
    print(f"{title}: {largest.relative_to(largest.parents[1])} ({size_mb:.1f} MB, {values:,} values)")
    for label, times in (
        ("parse only (pure Python/pandas)", parse_times),
        ("full import (parse + validate + load in one transaction)", import_times),
        ("bare DuckDB read_csv (no validation, no tidy reshaping)", bare_times),
    ):
        median = statistics.median(times)
        print(f"  {label:58s} median {median:5.2f} s  {size_mb / median:6.1f} MB/s  {values / median:>10,.0f} values/s")


if __name__ == "__main__":
    main()
