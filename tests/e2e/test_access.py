"""Access in a real browser: an anonymous visitor finds no write path on any page; an analyst signs in
through a real OpenID provider (tests/oidc/provider.mjs, panva's oidc-provider on 127.0.0.1) and has them;
`./run --nur-lesen` offers no write path to anyone.

The provider's accounts and the client secret are invented for these tests and protect nothing.
"""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import (
    ROOT,
    VIEWPORT,
    assert_no_exception,
    declared_pages,
    free_port,
    screenshot_path,
    streamlit_server,
    wait_for_app,
    wait_for_settled,
)

PROVIDER = ROOT / "tests" / "oidc" / "provider.mjs"
CLIENT_ID, CLIENT_SECRET = "bildungsmonitor", "nur-fuer-tests"
WRITE_BUTTONS = ["Importieren", "Speichern", "Bearbeiten", "Löschen", "Neue Präsentation beginnen", "Folie hinzufügen"]
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def oidc_app(store_db, tmp_path_factory) -> Iterator[str]:
    """The dashboard with sign-in through the test provider, both on free local ports."""
    folder = tmp_path_factory.mktemp("oidc")
    app_port, provider_port = free_port(), free_port()
    redirect = f"http://127.0.0.1:{app_port}/oauth2callback"
    env = {
        "PATH": "/usr/bin:/bin",
        "OIDC_PORT": str(provider_port),
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": redirect,
    }
    provider = subprocess.Popen(
        ["node", str(PROVIDER)],
        cwd=PROVIDER.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready = provider.stdout.readline()  # blocks until it listens, or returns "" when node stops
        assert ready.startswith("bereit"), (
            "Der Test-Identitätsdienst ist nicht gestartet (scripts/ensure-node-packages)."
        )
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "{redirect}"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            f'client_secret = "{CLIENT_SECRET}"\n'
            f'server_metadata_url = "http://127.0.0.1:{provider_port}/.well-known/openid-configuration"\n'
            "[auth.client_kwargs]\n"
            'prompt = "login"\n',
            encoding="utf-8",
        )
        with streamlit_server(store_db, folder / "decks", app_port, ["--secrets.files", str(secrets_file)]) as url:
            yield url
    finally:
        provider.terminate()
        provider.wait(timeout=10)


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    assert_no_exception(page)


def _write_paths(page: Page) -> list[str]:
    """Every control on the page that would write: uploaders, write buttons, the deck name field."""
    found = [f"Upload ({n})" for n in [page.locator('[data-testid="stFileUploader"]').count()] if n]
    main = page.locator('[data-testid="stMain"]')
    found += [name for name in WRITE_BUTTONS if main.get_by_role("button", name=name, exact=True).count()]
    found += ["Name der Präsentation"] if main.get_by_label("Name", exact=True).count() else []
    return found


def _sign_in_with_provider(page: Page, url: str, name: str, password: str) -> None:
    _open(page, url)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Anmelden").click()
    page.get_by_label("Benutzername").wait_for(timeout=TIMEOUT_MS)  # the provider's own login page
    page.get_by_label("Benutzername").fill(name)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{url}/**", timeout=TIMEOUT_MS)  # back at the dashboard, with its cookie
    wait_for_app(page)


def test_an_anonymous_visitor_has_no_write_path_on_any_page(oidc_app, page, screenshot):
    for declared in declared_pages():
        if declared.hidden:
            continue  # the Präsentationsmodus: tested below by its own link
        path = "" if declared.default else "/" + Path(declared.file).stem
        _open(page, f"{oidc_app}{path}")
        assert _write_paths(page) == [], declared.title
    page.goto(f"{oidc_app}/praesentation?deck=beirat_standard&folie=2")  # full screen: no heading to wait for
    page.get_by_text("2 / 12").wait_for(timeout=TIMEOUT_MS)
    wait_for_settled(page)
    assert _write_paths(page) == []
    _open(page, f"{oidc_app}/daten_quellen")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("button", name="Anmelden")).to_be_visible()
    assert page.get_by_text("Änderungsprotokoll").count() == 0
    screenshot("anonym")


def test_an_analyst_signs_in_through_the_identity_provider_and_can_write(oidc_app, page, screenshot):
    _sign_in_with_provider(page, oidc_app, "analystin", "test-analyse-passwort")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Angemeldet: analystin@kreis.test").wait_for(timeout=TIMEOUT_MS)
    expect(sidebar.get_by_text("Rolle: Analyse")).to_be_visible()
    _open(page, f"{oidc_app}/daten_quellen")  # a new page load: the sign-in lives in the cookie
    # Under load the signed-in controls were drawn after the page had first settled without them.
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("button", name="Importieren", exact=True)).to_be_visible()
    assert _write_paths(page) == ["Upload (1)", "Importieren"]
    expect(page.get_by_text("Änderungsprotokoll")).to_be_visible()
    screenshot("analyse")
    _open(page, f"{oidc_app}/praesentationen")
    expect(main.get_by_label("Name", exact=True)).to_be_visible()
    assert _write_paths(page) == [
        "Speichern",
        "Bearbeiten",
        "Löschen",  # a slide of the draft (the builder's slide list)
        "Neue Präsentation beginnen",
        "Folie hinzufügen",
        "Name der Präsentation",
    ]


def test_a_reader_signs_in_through_the_identity_provider_and_still_cannot_write(oidc_app, page):
    _sign_in_with_provider(page, oidc_app, "leser", "test-lese-passwort")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Rolle: Lesen").wait_for(timeout=TIMEOUT_MS)
    for path in ("/daten_quellen", "/praesentationen"):
        _open(page, f"{oidc_app}{path}")
        assert _write_paths(page) == [], path


def test_a_wrong_password_at_the_provider_signs_nobody_in(oidc_app, page):
    _open(page, oidc_app)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Anmelden").click()
    page.get_by_label("Benutzername").fill("analystin")
    page.get_by_label("Passwort").fill("geraten")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_text("Benutzername oder Passwort falsch.").wait_for(timeout=TIMEOUT_MS)
    _open(page, f"{oidc_app}/daten_quellen")
    assert _write_paths(page) == []


def test_run_nur_lesen_offers_no_write_path_even_with_local_users(browser, store_db, tmp_path, local_users, recorder):
    start = [str(ROOT / "run"), "--nur-lesen"]
    with streamlit_server(store_db, tmp_path / "decks", start=start) as url:
        context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
        page = context.new_page()
        page.on("request", recorder.request)
        try:
            for path in ("/daten_quellen", "/praesentationen"):
                _open(page, f"{url}{path}")
                assert _write_paths(page) == [], path
                sidebar = page.locator('[data-testid="stSidebar"]')
                expect(sidebar.get_by_text("Nur-Lesen-Modus: Daten lassen sich hier nicht ändern.")).to_be_visible()
                assert sidebar.get_by_label("Passwort").count() == 0  # no sign-in form either
            page.screenshot(path=screenshot_path("test_run_nur_lesen"), full_page=True)
        finally:
            context.close()
    assert recorder.foreign_requests() == []
