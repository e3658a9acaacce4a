"""Real-browser tests: the dashboard served by Streamlit on a free local port, driven by Debian's chromium.

AppTest sees an Altair chart only as its spec; an empty map passes there. Here a real browser draws
the pages, so a chart without marks, an exception, a console error or a request to any other host
fails the test. The server reads the session's real store (tests/conftest.py: store_db).

`./test` installs chromium when missing (scripts/ensure-system-packages). Never `playwright install`:
there are no downloads here, and Playwright drives the system browser through `executable_path`.
"""

from __future__ import annotations

import ast
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from tests.conftest import ANALYST, ANALYST_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
VIEWPORT = {"width": 1920, "height": 1080}
START_TIMEOUT_S = 60
# Every wait for a state (a text, a drawn mark): long enough for a fresh server's first page on a loaded
# 2-core machine. Playwright's `expect` has its own 5 s default, set here once for every test.
WAIT_MS = 60_000
expect.set_options(timeout=WAIT_MS)

# A deep link makes Streamlit's frontend probe <page>/_stcore/health and /host-config before it finds
# the server at the root (streamlit/streamlit#7074, open): two 404s that are Streamlit's, not ours.
_STREAMLIT_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def streamlit_server(
    db: Path,
    decks: Path,
    port: int | None = None,
    options: list[str] | None = None,
    start: list[str] | None = None,
) -> Iterator[str]:
    """Serve app.py on a free port with the given store; yield the base URL; stop the server by its pid.

    The server is started without a shell (Popen of the interpreter itself, or of ./run, which
    execs Streamlit), so terminating the pid stops Streamlit and frees the port. No file watcher:
    edits elsewhere in the repo must not rerun pages under a test. `options` are more Streamlit
    options (e.g. --secrets.files); `start` replaces `scripts/serve.py` (e.g. ["./run", "--nur-lesen"]).
    """
    port = port or free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"streamlit-{port}.log"
    env = {**os.environ, "BILDUNGSMONITOR_DB": str(db), "BILDUNGSMONITOR_DECKS": str(decks)}
    env["BILDUNGSMONITOR_ZIELE"] = str(decks.with_name(decks.name + "-ziele"))  # the goals, beside the decks
    command = [*(start or [_python(), "scripts/serve.py"])]  # as ./run starts it
    command += ["--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none", *(options or [])]
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Streamlit did not start on {url}:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app_url(store_db, tmp_path_factory) -> Iterator[str]:
    """One server for the session's page tests."""
    with streamlit_server(store_db, tmp_path_factory.mktemp("decks")) as url:
        yield url


@pytest.fixture
def fresh_app_url(store_db, tmp_path) -> Iterator[str]:
    """A server nobody has requested a page from yet, for tests of the first request."""
    with streamlit_server(store_db, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} fehlt: scripts/ensure-system-packages chromium ausführen (./test tut das).")
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@dataclass
class Recorder:
    """Everything a page did that a test must not let pass silently."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot_taken: bool = False

    def request(self, request: Request) -> None:
        self.requests.append(request.url)

    def console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = urlparse(message.location.get("url", "")).path
        if message.text.startswith("Failed to load resource") and _STREAMLIT_PROBE.match(source):
            return
        self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def page_error(self, error: Exception) -> None:
        self.console_errors.append(f"Seitenfehler: {error}")

    def foreign_requests(self) -> list[str]:
        out = []
        for url in self.requests:
            parsed = urlparse(url)
            if parsed.scheme in ("data", "blob", "about"):
                continue
            if parsed.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out


def screenshot_path(node_name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", node_name).strip("_") + ".png")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser, recorder, request) -> Iterator[Page]:
    """A fresh 1920×1080 tab; afterwards: its screenshot, no foreign request, no console error."""
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.on("request", recorder.request)
    tab.on("console", recorder.console)
    tab.on("pageerror", recorder.page_error)
    yield tab
    if not recorder.screenshot_taken:
        tab.screenshot(path=screenshot_path(request.node.name))
    context.close()
    assert recorder.foreign_requests() == [], "Anfragen an fremde Hosts"
    assert recorder.console_errors == [], "Fehler in der Browser-Konsole"


@pytest.fixture
def screenshot(page, recorder, request):
    """Save the tab now as test-artifacts/screenshots/<test name>[-suffix].png."""

    def take(suffix: str = "") -> Path:
        path = screenshot_path(request.node.name + (f"-{suffix}" if suffix else ""))
        page.screenshot(path=path)
        recorder.screenshot_taken = True
        return path

    return take


# ---------------------------------------------------------------------------------------- app helpers


@dataclass(frozen=True)
class DeclaredPage:
    """A page as app.py declares it in st.navigation."""

    file: str
    title: str
    default: bool
    hidden: bool  # not in the menu (the Präsentationsmodus), reached by links only


def declared_pages(app: Path = ROOT / "app.py") -> list[DeclaredPage]:
    """The st.Page(...) calls of the router, read from its source so tests follow the app as it changes."""
    pages = []
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page" and node.args:
            keywords = {k.arg: k.value for k in node.keywords}
            file = ast.literal_eval(node.args[0])
            title = ast.literal_eval(keywords["title"]) if "title" in keywords else Path(file).stem
            default = "default" in keywords and ast.literal_eval(keywords["default"]) is True
            hidden = "visibility" in keywords and ast.literal_eval(keywords["visibility"]) == "hidden"
            pages.append(DeclaredPage(file, title, default, hidden))
    return pages


# The router's own page menu in the sidebar (ui/navigation.py): one page link per visible page.
NAV_LINKS = '.st-key-seiten a[data-testid="stPageLink-NavLink"]'


def wait_for_app(page: Page) -> None:
    """Wait until the script has run to its end and the browser has drawn what it sent.

    "notRunning" comes when the script ends, but the frontend draws page links and charts a moment
    later (measured: up to 0.6 s on the Überblick), so the page also has to stay unchanged for a while.
    """
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    page.wait_for_selector('[data-testid="stHeading"]')
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached")
    wait_for_settled(page)


_SETTLED = """(quietMs) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const signature = [
        app.getAttribute('data-test-script-state'),
        document.querySelectorAll('[data-testid]').length,
        document.querySelectorAll('svg.marks path, canvas').length,
    ].join('/');
    const now = performance.now();
    if (window.__settled === undefined || window.__settled.signature !== signature) {
        window.__settled = {signature, since: now};
        return false;
    }
    return signature.startsWith('notRunning') && now - window.__settled.since >= quietMs;
}"""


def wait_for_settled(page: Page, quiet_ms: int = 700) -> None:
    """Wait until the script is idle and no element or chart mark has appeared for `quiet_ms`."""
    page.wait_for_function(_SETTLED, arg=quiet_ms, polling=100)


def wait_for_drawn(page: Page, selector: str, minimum: int = 1) -> int:
    """Wait until `minimum` SVG paths matching `selector` have a non-empty `d`; return how many have.

    An svg without drawn marks (an empty chart) never satisfies this and fails after the timeout.
    """
    script = """([selector, minimum]) => {
        const drawn = [...document.querySelectorAll(selector)].filter(p => (p.getAttribute('d') || '').length > 1);
        return drawn.length >= minimum ? drawn.length : false;
    }"""
    return page.wait_for_function(script, arg=[selector, minimum]).json_value()


def assert_no_exception(page: Page) -> None:
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()


def sign_in_locally(page: Page) -> None:
    """The sidebar form of the local sign-in (no identity provider configured)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_label("Benutzername").fill(ANALYST)
    sidebar.get_by_label("Passwort").fill(ANALYST_PASSWORD)
    sidebar.get_by_role("button", name="Anmelden").click()
    sidebar.get_by_text("Rolle: Analyse").wait_for(timeout=60_000)
    wait_for_app(page)
