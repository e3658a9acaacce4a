"""Load benchmark: concurrent sessions clicking through Überblick, Indikator and Landkreisvergleich.

    .venv/bin/python bench/load.py [--sessions 20] [--seconds 180] [--db data/bildungsmonitor.duckdb]

Starts its own Streamlit server on 127.0.0.1 (never another host) on the given store, the way `./run`
does (scripts/serve.py), then runs `--sessions` sessions for `--seconds`. A session is what the
browser's Streamlit client is to the server: one websocket on `/_stcore/stream` speaking the pinned
Streamlit's protobuf messages (`streamlit.proto`): it asks for a page with a rerun request carrying
the page and its query string, as the client does when a user opens a link or picks a page, and reads
the server's messages until the run has finished. It draws nothing, so 20 sessions cost the machine
almost nothing and the figures are the server's. (Before, 20 Chromium contexts did this and took the
two cores themselves; what a browser draws is measured in tests/e2e, not here.)

Each session opens the three pages in turn, with a different region and indicator each round, so
caches fill and are hit like with real users. A page counts as settled when its run finished
successfully (a run the app restarts itself, `st.rerun`, is followed to its end) and drew the page's
heading (the indicator's title on Indikator).
Reported: settled pages, errors (an exception drawn on the page, a run that did not finish, no
settled page within 60 s, a lost connection), p50/p95/max time to a settled page, the server's RSS
before, every 30 s and after, and the CPU time the server and this script used. Bounded: at most 50
sessions and 600 s. Not a test: the numbers go into README ("Skalierung").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indicators.catalogue import CATALOGUE  # noqa: E402  (after the path set-up, like every bench script)
from regions.home import home  # noqa: E402
from regions.levels import KREISE  # noqa: E402

MAX_SESSIONS, MAX_SECONDS, SETTLE_TIMEOUT_S = 50, 600, 60
INDICATORS = ["ohne_abschluss_anteil", "sgb2_quote_u15", "betreuungsquote_u3"]
FINISHED = ForwardMsg.ScriptFinishedStatus
# Streamlit's messages carry charts and tables; the client accepts them whole.
MAX_MESSAGE_BYTES = 200 * 1024 * 1024


class PageFailed(Exception):
    """A page that did not settle, in German for the report."""


def regions() -> list[str]:
    """The home Kreis and its neighbours in the same Land: Kreise a session may choose, as in the URL."""
    kreis = home()
    return [kreis.key, *(area.key for area in kreis.neighbours if area.key in kreis.area_keys(KREISE))]


def pages(round_: int) -> list[tuple[str, str, str, str]]:
    """(label, page name as in the URL path, query string, the page's heading) of one round through the pages."""
    choices = regions()
    region = choices[round_ % len(choices)]
    indicator = INDICATORS[round_ % len(INDICATORS)]
    query = f"region={region}&indikator={indicator}"
    return [
        ("Überblick", "", f"region={region}", "Überblick"),
        ("Indikator", "indikator", query, CATALOGUE[indicator].title),
        ("Landkreisvergleich", "landkreisvergleich", query, "Landkreisvergleich"),
    ]


def rerun_request(page_name: str, query_string: str) -> bytes:
    """What the browser's client sends when a page is opened by its address: page name and query string."""
    message = BackMsg()
    message.rerun_script.page_name = page_name
    message.rerun_script.query_string = query_string
    message.rerun_script.page_script_hash = ""
    return message.SerializeToString()


async def open_page(ws, page_name: str, query_string: str, heading_text: str) -> None:
    """Ask for a page and read the server's messages until its run finished; raise PageFailed otherwise."""
    await ws.send(rerun_request(page_name, query_string))
    heading = False
    while True:
        message = ForwardMsg()
        message.ParseFromString(await ws.recv())
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element.WhichOneof("type")
            if element == "exception":
                raise PageFailed(f"Ausnahme auf der Seite: {message.delta.new_element.exception.message[:80]}")
            heading = heading or (element == "heading" and message.delta.new_element.heading.body == heading_text)
        elif kind == "page_not_found":
            raise PageFailed("Seite nicht gefunden")
        elif kind == "script_finished":
            status = message.script_finished
            if status == FINISHED.FINISHED_SUCCESSFULLY:
                if not heading:
                    raise PageFailed(f"Lauf beendet, aber Überschrift „{heading_text}“ fehlt")
                return
            if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise PageFailed("Skriptfehler")
            # FINISHED_EARLY_FOR_RERUN: the app restarted the run itself; its next run follows.


async def session(ws_url: str, number: int, deadline: float, times: dict, errors: list) -> None:
    """One user: a websocket, the three pages in turn until the deadline; a lost connection is reopened."""
    round_ = number
    ws = None
    try:
        while time.monotonic() < deadline:
            for label, page_name, query, heading_text in pages(round_):
                if time.monotonic() >= deadline:
                    break
                started = time.monotonic()
                try:
                    if ws is None:
                        ws = await websockets.connect(
                            ws_url, subprotocols=["streamlit"], max_size=MAX_MESSAGE_BYTES, open_timeout=30
                        )
                    await asyncio.wait_for(open_page(ws, page_name, query, heading_text), SETTLE_TIMEOUT_S)
                    times.setdefault(label, []).append(time.monotonic() - started)
                except PageFailed as failure:
                    errors.append(f"{label}: {failure} ({page_name or '/'}?{query})")
                except (TimeoutError, OSError, websockets.ConnectionClosed) as failure:
                    errors.append(f"{label}: {type(failure).__name__} ({page_name or '/'}?{query})")
                    if ws is not None:  # a run still sending would be read as the next page's: start afresh
                        await ws.close()
                    ws = None
            round_ += 1
    finally:
        if ws is not None:
            await ws.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process used so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def sample_rss(pid: int, deadline: float, samples: list) -> None:
    while time.monotonic() + 30 <= deadline:
        await asyncio.sleep(30)
        samples.append(round(rss_mb(pid)))


async def drive(ws_url: str, pid: int, sessions: int, seconds: int) -> tuple[dict, list, list]:
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    samples: list[int] = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        sample_rss(pid, deadline, samples),
        *(session(ws_url, number, deadline, times, errors) for number in range(sessions)),
    )
    return times, errors, samples


def start_server(db: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Started as ./run starts it (scripts/serve.py: libraries imported before the first request).
    command = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]
    env = {**os.environ, "BILDUNGSMONITOR_DB": str(db)}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return server, port
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

    server, port = start_server(args.db)
    try:
        before, cpu_before, load_before = rss_mb(server.pid), cpu_seconds(server.pid), os.getloadavg()[0]
        own_before = resource.getrusage(resource.RUSAGE_SELF)
        stream = f"ws://127.0.0.1:{port}/_stcore/stream"
        times, errors, samples = asyncio.run(drive(stream, server.pid, sessions, seconds))
        after, cpu = rss_mb(server.pid), cpu_seconds(server.pid) - cpu_before
        own_after = resource.getrusage(resource.RUSAGE_SELF)
        own = own_after.ru_utime + own_after.ru_stime - own_before.ru_utime - own_before.ru_stime
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
    print(f"CPU-Zeit in {seconds} s: Server {cpu:.0f} s, Lastgenerator {own:.1f} s")
    print(f"Lastmittel (1 min): vorher {load_before:.1f}, nachher {os.getloadavg()[0]:.1f}")
    for error in errors[:20]:
        print(f"  Fehler: {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
