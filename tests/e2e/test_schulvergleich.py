"""Schulen im Vergleich in a real browser, on a store copy with the SYNTHETISCH school file imported.

The numbers are worked out in tests/indicators/schulvergleich_synthetisch.py. The test has its own
server, so the imported schools reach no other test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import violations
from tests.e2e.conftest import ARTIFACTS, assert_no_exception, streamlit_server, wait_for_app, wait_for_drawn
from tests.indicators.schulvergleich_synthetisch import store_with_schools

SCREENS = ARTIFACTS / "screens"
BARS = '[data-testid="stVegaLiteChart"] g.mark-rect.role-mark path'


@pytest.fixture
def schools_url(store_db, tmp_path, monkeypatch) -> Iterator[str]:
    db = store_with_schools(store_db, tmp_path, monkeypatch)
    with streamlit_server(db, tmp_path / "decks") as url:
        yield url


def _chart(page: Page):
    return page.locator('[data-testid="stVegaLiteChart"]').first


def test_the_schools_of_the_kreis_are_drawn_with_suppressed_ones_named_and_pass_axe(schools_url, page, recorder):
    page.goto(f"{schools_url}/schulvergleich")
    wait_for_app(page)
    assert_no_exception(page)
    # 2024: Ost (10,0 %), Nord (11,7 %) and Mitte (15,0 %) as bars; Süd, West, Dorf named "unterdrückt", not as 0
    assert wait_for_drawn(page, BARS, minimum=3) == 3
    chart = _chart(page)
    expect(chart.locator("text", has_text="unterdrückt")).to_have_count(3)
    expect(chart.locator("text", has_text="11,7 %")).to_have_count(1)
    expect(chart.locator("text", has_text="Summe Landkreis Cloppenburg: 8,9 %")).to_have_count(1)
    expect(page.get_by_role("button", name="CSV", exact=True)).to_be_visible()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / "schulvergleich-1920x1080.png")
    recorder.screenshot_taken = True
    assert violations(page) == []


def test_a_gemeinde_chosen_in_the_page_shows_its_schools_and_totals(schools_url, page, recorder):
    page.goto(f"{schools_url}/schulvergleich")
    wait_for_app(page)
    page.get_by_role("combobox", name="Schulen").click()
    page.get_by_role("option", name="Schulen in Friesoythe", exact=True).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Schulen in Friesoythe, 2024", exact=False)).to_be_visible()
    chart = _chart(page)
    expect(chart.locator("text", has_text="Summe Friesoythe: 11,0 %")).to_have_count(1)
    assert wait_for_drawn(page, BARS, minimum=2) == 2  # Ost and Mitte
    assert "gebiet=03453007" in page.url
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / "schulvergleich-gemeinde-1920x1080.png")
    recorder.screenshot_taken = True


def test_a_year_with_every_value_suppressed_shows_the_message_and_no_chart(schools_url, page):
    page.goto(f"{schools_url}/schulvergleich?jahr=2023")
    wait_for_app(page)
    expect(page.get_by_text("sind alle Werte aus Datenschutzgründen unterdrückt", exact=False)).to_be_visible()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)
    assert violations(page) == []
