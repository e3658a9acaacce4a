"""Rerun time of every dashboard page, next to an empty page and a one-chart reference page.

    .venv/bin/python bench/pages.py [--runs 30]

A rerun is what a user waits for after each click, so that is what is timed: each page is opened
once (filling the caches, as the first visitor of a store version does), then rerun `--runs` times
with AppTest; the table shows the median. AppTest runs the script on the server side without a
browser, so the times exclude network and drawing. The two references run in the same process and
carry the same AppTest overhead: an empty page, and a page drawing one Altair line chart of 120
points from cached data. Target: every page at most 5 × the reference and at most 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regions.home import home  # noqa: E402  (after the path set-up, like every bench script)

GEMEINDE = home().main_gemeinde or home().key  # a kreisfreie Stadt has no Gemeinden: its own key

EMPTY = "import streamlit as st\n"
REFERENCE = """
import altair as alt
import pandas as pd
import streamlit as st


@st.cache_data
def points():
    return pd.DataFrame({"jahr": range(1905, 2025), "wert": [(i * 37) % 101 / 10 for i in range(120)]})


st.altair_chart(alt.Chart(points()).mark_line().encode(x="jahr:Q", y="wert:Q"))
"""

# (label, page or None for the router's default page, query parameters)
PAGES = [
    ("Überblick", None, {}),
    ("Überblick (eine Gemeinde)", None, {"region": GEMEINDE}),
    ("Indikator · Diagramm", "app_pages/indikator.py", {}),
    ("Indikator · Karte (Kreise)", "app_pages/indikator.py", {"tab": "Karte"}),
    (
        "Indikator · Karte (Gemeinden)",
        "app_pages/indikator.py",
        {"tab": "Karte", "indikator": "sgb2_quote_u15", "region": GEMEINDE},
    ),
    ("Indikator · Tabelle", "app_pages/indikator.py", {"tab": "Tabelle"}),
    ("Indikator · Quellen", "app_pages/indikator.py", {"tab": "Quellen"}),
    ("Landkreisvergleich", "app_pages/landkreisvergleich.py", {}),
    ("Gemeindeprofil", "app_pages/gemeindeprofil.py", {}),
    ("Daten & Quellen", "app_pages/daten_quellen.py", {}),
    ("Präsentationen", "app_pages/praesentationen.py", {}),
    (
        "Präsentationsmodus · Folie 2 (Zeitreihe)",
        "app_pages/praesentation.py",
        {"deck": "beirat_standard", "folie": "2"},
    ),
    ("Präsentationsmodus · Folie 8 (Karte)", "app_pages/praesentation.py", {"deck": "beirat_standard", "folie": "8"}),
    ("Ziele (Beispiel geladen)", "app_pages/ziele.py", {}),
    (
        "Präsentationsmodus · Folie 9 (Zielstand)",
        "app_pages/praesentation.py",
        {"deck": "beirat_standard", "folie": "9"},
    ),
]


def example_goals() -> None:
    """Time the pages with the example goal set in a folder of its own (the office's goals stay untouched)."""
    from deck.render import StoreData
    from store.connection import reading
    from ui.data import db_path
    from ziele import ablage
    from ziele.status import latest_year

    os.environ["BILDUNGSMONITOR_ZIELE"] = tempfile.mkdtemp(prefix="bench-ziele-")
    with reading(db_path()) as con:
        ablage.save(ablage.example(latest_year(StoreData(con).result)), "", "Benchmark")


def median_rerun(at: AppTest, runs: int) -> float:
    """Median wall time of `runs` reruns in milliseconds, after one run that fills the caches."""
    return first_and_median_rerun(at, runs)[1]


def first_and_median_rerun(at: AppTest, runs: int) -> tuple[float, float]:
    """Wall time of the first run (it fills the caches) and median of `runs` reruns after it, in milliseconds."""
    start = time.perf_counter()
    at.run()
    first = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(times)


def app(page: str | None, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update(params)
    if page:
        at.switch_page(page)
    return at


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="reruns per page (at least 20)")
    runs = max(parser.parse_args().runs, 20)
    example_goals()

    empty = median_rerun(AppTest.from_string(EMPTY), runs)
    reference = median_rerun(AppTest.from_string(REFERENCE), runs)
    rows = [(label, median_rerun(app(page, params), runs)) for label, page, params in PAGES]

    width = max(len(label) for label, _ in rows)
    print(f"Median rerun over {runs} AppTest runs (ms); target ≤ 5 × reference and ≤ 150 ms")
    print(f"{'Seite':<{width}}  {'Median':>8}  {'× Referenz':>10}  Ziel")
    print(f"{'leere Seite':<{width}}  {empty:8.1f}  {empty / reference:10.1f}")
    print(f"{'Referenz (1 Linie, 120 Punkte)':<{width}}  {reference:8.1f}  {1:10.1f}")
    failed = 0
    for label, median in rows:
        ok = median <= 5 * reference and median <= 150
        failed += not ok
        print(f"{label:<{width}}  {median:8.1f}  {median / reference:10.1f}  {'ok' if ok else 'VERFEHLT'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
