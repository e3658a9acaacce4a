"""The dashboard served for another Kreis (BILDUNGSMONITOR_REGION=03460, Landkreis Vechta), as a browser shows it.

The same store as every browser test (built for config/region.toml); the server only has another home
Kreis, as a second office's deployment would. Screenshots: test-artifacts/screenshots/test_vechta_*.png.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, streamlit_server, wait_for_app, wait_for_drawn


@pytest.fixture(scope="module")
def vechta_url(store_db, tmp_path_factory) -> Iterator[str]:
    patch = pytest.MonkeyPatch()
    patch.setenv("BILDUNGSMONITOR_REGION", "03460")  # the server inherits the environment
    try:
        with streamlit_server(store_db, tmp_path_factory.mktemp("decks-vechta")) as url:
            yield url
    finally:
        patch.undo()


def test_vechta_overview_names_vechta_in_title_and_sidebar(page, vechta_url, screenshot):
    page.goto(vechta_url)
    wait_for_app(page)
    assert_no_exception(page)
    expect(page).to_have_title("Bildungsmonitor Landkreis Vechta")
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Landkreis Vechta · Bildungsbüro")).to_be_visible()
    expect(page.get_by_text("im Vergleich mit Niedersachsen und Deutschland").first).to_be_visible()
    wait_for_drawn(page, "g.mark-line.role-mark path")  # the tiles' sparklines
    screenshot()


def test_vechta_gemeinde_map_draws_its_ten_gemeinden(page, vechta_url, screenshot):
    page.goto(f"{vechta_url}/indikator?indikator=sgb2_quote_u15&region=03460009&tab=Karte&ebene=gemeinden")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text("Gemeinden im Landkreis Vechta")).to_be_visible()
    # Ten Gemeinden (Bakum … Visbek), filled or greyed with their status, plus the outline of the Stadt Vechta.
    assert wait_for_drawn(page, "g.mark-shape.role-mark path", minimum=10) >= 10
    screenshot()


def test_vechta_gemeindeprofil_opens_the_stadt_vechta(page, vechta_url, screenshot):
    page.goto(f"{vechta_url}/gemeindeprofil")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_role("heading", name="Gemeindeprofil Vechta")).to_be_visible()
    expect(page.get_by_text("Werte der Gemeinde neben ihrem Kreis (Landkreis Vechta)")).to_be_visible()
    screenshot()
