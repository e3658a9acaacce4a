"""Cold against warm: the first Überblick, indicator page and slide of a fresh server, next to the same page again.

A presenter who restarts the laptop before a Beirat meeting opens a slide link first; that first
request must not take several times as long as every later one. For each page this script starts a
new Streamlit server on the given store (nothing cached, nothing imported), opens the page in
headless Chromium and times until its state is drawn (the chart's marks, the slide counter); then it
reloads the same page on the same server (warm) and times that. Repeated `--runs` times; medians.

Target (issue 16): cold ≤ 3 × warm for each page.

Usage: .venv/bin/python bench/cold_start.py [--db data/bildungsmonitor.duckdb] [--runs 3]
Needs the store (`cli.py build`) and Debian's chromium (./test installs it).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regions.home import home  # noqa: E402  (after the path set-up, like every bench script)
from store.connection import DEFAULT_DB  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
WAIT_MS = 120_000
DRAWN = """(selector) => [...document.querySelectorAll(selector)].some(p => (p.getAttribute('d') || '').length > 1)"""
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _wait_chart(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=WAIT_MS)
    page.wait_for_function(DRAWN, arg="g.role-mark path", timeout=WAIT_MS, polling=50)


def _wait_slide(page: Page) -> None:
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bm-counter')].some(c => c.textContent.trim().startsWith('3 / '))",
        timeout=WAIT_MS,
        polling=50,
    )
    page.wait_for_function(DRAWN, arg=".st-key-diagramm g.role-mark path", timeout=WAIT_MS, polling=50)


PAGES: dict[str, tuple[str, Callable[[Page], None]]] = {
    "Überblick": ("/", _wait_chart),
    "Indikator": (f"/indikator?region={home().key}&indikator=ohne_abschluss_anteil&tab=Diagramm", _wait_chart),
    "Folie 3": ("/praesentation?deck=beirat_standard&folie=3", _wait_slide),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(db: Path) -> Iterator[str]:
    """A new Streamlit server on a free local port, stopped by its own pid afterwards."""
    port = _free_port()
    env = {**os.environ, "BILDUNGSMONITOR_DB": str(db), "BILDUNGSMONITOR_DECKS": tempfile.mkdtemp()}
    command = [sys.executable, "scripts/serve.py", "--server.port", str(port)]  # as ./run starts it
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Streamlit startete nicht.") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def measure(db: Path, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in PAGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for _ in range(runs):
            for name, (path, wait) in PAGES.items():
                with server(db) as url:
                    page = browser.new_page(viewport={"width": 1920, "height": 1080})
                    for phase in (0, 1):  # 0: first request of the fresh server, 1: the same page again
                        started = time.perf_counter()
                        page.goto(url + path) if phase == 0 else page.reload()
                        wait(page)
                        times[name][phase].append(time.perf_counter() - started)
                    page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"Datenbestand {args.db} fehlt: zuerst `cli.py build`.")
    print(f"{'Seite':<12} {'kalt s':>8} {'warm s':>8} {'kalt/warm':>10}")
    for name, (cold, warm) in measure(args.db, args.runs).items():
        c, w = statistics.median(cold), statistics.median(warm)
        print(f"{name:<12} {c:>8.2f} {w:>8.2f} {c / w:>9.1f}×")


if __name__ == "__main__":
    main()
