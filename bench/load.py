"""Load benchmark: concurrent sessions clicking through Überblick, Indikator and Landkreisvergleich.

    .venv/bin/python bench/load.py [--sessions 20] [--seconds 180] [--db data/bildungsmonitor.duckdb]

Starts its own Streamlit server on 127.0.0.1 (never another host) on the given store, the way `./run`
does (scripts/serve.py), then drives `--sessions` browser sessions (contexts of one headless Debian
chromium, via Playwright's `executable_path`; Streamlit's websocket protocol is not meant to be spoken
by hand) for `--seconds`.
Each session opens the three pages in turn, with a different region and indicator each round, so
caches fill and are hit like with real users. Reported: page loads, errors (exception on the page,
navigation failure, no settled page within 60 s), p50/p95/max time to a settled page (connected,
heading drawn, script finished, no running indicator), and the server's RSS before, every 30 s and
after, and the CPU time the server used (the rest of the machine's time went to the browsers and the
neighbours). Bounded: at most 50 sessions and 600 s. Not a test: the numbers go into README ("Skalierung").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regions.home import home  # noqa: E402  (after the path set-up, like every bench script)
from regions.levels import KREISE  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
CHROMIUM_ARGS += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAX_SESSIONS, MAX_SECONDS, SETTLE_TIMEOUT_MS = 50, 600, 60_000
INDICATORS = ["ohne_abschluss_anteil", "sgb2_quote_u15", "betreuungsquote_u3"]


def regions() -> list[str]:
    """The home Kreis and its neighbours in the same Land: Kreise a session may choose, as in the URL."""
    kreis = home()
    return [kreis.key, *(area.key for area in kreis.neighbours if area.key in kreis.area_keys(KREISE))]


def urls(base: str, round_: int) -> list[tuple[str, str]]:
    choices = regions()
    region = choices[round_ % len(choices)]
    indicator = INDICATORS[round_ % len(INDICATORS)]
    return [
        ("Überblick", f"{base}/?region={region}"),
        ("Indikator", f"{base}/indikator?region={region}&indikator={indicator}"),
        ("Landkreisvergleich", f"{base}/landkreisvergleich?region={region}&indikator={indicator}"),
    ]


async def settled(page) -> None:
    for selector, state in (
        ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', "attached"),
        ('[data-testid="stHeading"]', "attached"),
        ('[data-testid="stApp"][data-test-script-state="notRunning"]', "attached"),
        ('[data-testid="stStatusWidget"]', "detached"),
    ):
        await page.wait_for_selector(selector, state=state, timeout=SETTLE_TIMEOUT_MS)


async def session(browser, base: str, number: int, deadline: float, times: dict, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    page = await context.new_page()
    round_ = number
    try:
        while time.monotonic() < deadline:
            for label, url in urls(base, round_):
                if time.monotonic() >= deadline:
                    break
                started = time.monotonic()
                try:
                    await page.goto(url, timeout=SETTLE_TIMEOUT_MS)
                    await settled(page)
                    if await page.locator('[data-testid="stException"]').count():
                        errors.append(f"{label}: Ausnahme auf der Seite ({url})")
                    else:
                        times.setdefault(label, []).append(time.monotonic() - started)
                except Exception as error:  # noqa: BLE001 – every failure is counted and reported
                    errors.append(f"{label}: {type(error).__name__} ({url})")
            round_ += 1
    finally:
        await context.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process used so far (from /proc), to tell server work from browser work."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def sample_rss(pid: int, deadline: float, samples: list) -> None:
    while time.monotonic() < deadline:
        await asyncio.sleep(30)
        samples.append(round(rss_mb(pid)))


async def drive(base: str, pid: int, sessions: int, seconds: int) -> tuple[dict, list, list]:
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    samples: list[int] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            sample_rss(pid, deadline, samples),
            *(session(browser, base, n, deadline, times, errors) for n in range(sessions)),
        )
        await browser.close()
    return times, errors, samples


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Started as ./run starts it (scripts/serve.py: libraries imported before the first request).
    command = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]
    env = {**os.environ, "BILDUNGSMONITOR_DB": str(db)}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1):
                return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("Streamlit startete nicht")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bildungsmonitor.duckdb")
    args = parser.parse_args()
    sessions, seconds = min(args.sessions, MAX_SESSIONS), min(args.seconds, MAX_SECONDS)

    server, base = start_server(args.db)
    try:
        before, cpu_before, load_before = rss_mb(server.pid), cpu_seconds(server.pid), os.getloadavg()[0]
        times, errors, samples = asyncio.run(drive(base, server.pid, sessions, seconds))
        after, cpu = rss_mb(server.pid), cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)

    every = [t for label_times in times.values() for t in label_times]
    print(f"{sessions} Sitzungen, {seconds} s, Bestand {args.db}")
    print(f"Seitenaufrufe: {len(every)} fertig, Fehler: {len(errors)}")
    for label, label_times in times.items():
        print(
            f"  {label:<20} n={len(label_times):4d}  p50 {statistics.median(label_times):5.2f} s  "
            f"p95 {percentile(label_times, 0.95):5.2f} s  max {max(label_times):5.2f} s"
        )
    if every:
        p50, p95 = statistics.median(every), percentile(every, 0.95)
        print(f"  {'alle':<20} n={len(every):4d}  p50 {p50:5.2f} s  p95 {p95:5.2f} s")
    print(f"RSS des Servers: vorher {before:.0f} MB, alle 30 s {samples}, nachher {after:.0f} MB")
    print(f"CPU-Zeit des Servers: {cpu:.0f} s in {seconds} s")
    print(f"Lastmittel (1 min): vorher {load_before:.1f}, nachher {os.getloadavg()[0]:.1f}")
    for error in errors[:20]:
        print(f"  Fehler: {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
