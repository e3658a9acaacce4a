"""A goal created on the Ziele page, found again where the numbers appear: Ziele, its tile, the chart, a slide.

The test has its own server and goals folder, so the goal it saves reaches no other test. The target
is an invented test goal; the values it is measured against are the real ones of the session store.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import (
    assert_no_exception,
    screenshot_path,
    streamlit_server,
    wait_for_app,
    wait_for_drawn,
    wait_for_settled,
)

RESOLUTIONS = ({"width": 1920, "height": 1080}, {"width": 1280, "height": 720})
TIMEOUT = 60_000
# U3 care (INKAR), Landkreis Cloppenburg 2015–2020: 18.64 → 28.39, +1.95 a year; 2028: 43.99 ≥ 40 -> sonne;
# 40 − 28.39 = 11.61 -> "noch 11,6 Pp."; projection 43.99 -> "44,0 %".
VERDICT = "☀ Ziel in Reichweite"
DISTANCE = "noch 11,6 Pp. bis 40,0 % im Jahr 2028; bei gleichem Tempo 44,0 %"


@pytest.fixture
def own_app_url(store_db, tmp_path) -> Iterator[str]:
    with streamlit_server(store_db, tmp_path / "decks") as url:
        yield url


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`, by keyboard as a person would type it."""
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()


def photograph(page: Page, recorder, name: str) -> None:
    for size in RESOLUTIONS:
        page.set_viewport_size(size)
        wait_for_settled(page, quiet_ms=500)
        page.screenshot(path=screenshot_path(f"{name}-{size['width']}x{size['height']}"), full_page=True)
    page.set_viewport_size(RESOLUTIONS[0])
    recorder.screenshot_taken = True


def test_a_goal_created_in_the_ui_shows_on_ziele_its_tile_the_chart_and_a_slide(page, own_app_url, recorder):
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{own_app_url}/ziele")
    wait_for_app(page)
    expect(page.get_by_text("Noch keine Ziele erfasst", exact=False)).to_be_visible()

    choose(page, "Handlungsfeld", "Frühe Bildung")
    page.get_by_label("Strategisches Ziel").fill("Jedes Kind wird früh gefördert")
    page.get_by_label("Mittlerziel").fill("U3-Betreuung ausbauen")
    choose(page, "Zielindikator", "Betreuungsquote unter 3-Jährige")
    page.get_by_label("Zielwert (z. B. 6,0)").fill("40,0")
    page.get_by_label("Zieljahr (z. B. 2030)").fill("2028")
    page.get_by_label("Zwischenziele (z. B. 2026: 7,5 | 2028: 6,8)").fill("2024: 34,0")
    page.get_by_role("button", name="Speichern").click()
    expect(
        page.get_by_text("Gespeichert: U3-Betreuung ausbauen – Betreuungsquote unter 3-Jährige (03453).")
    ).to_be_visible()
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text(VERDICT, exact=True)).to_be_visible()
    expect(page.get_by_text(DISTANCE)).to_be_visible()
    page.get_by_role("button", name="Beispiel laden").click()
    expect(page.get_by_text("Beispielziele geladen", exact=False)).to_be_visible()
    wait_for_app(page)
    wait_for_drawn(page, "g.mark-line.role-mark path", minimum=5)  # the sparklines
    photograph(page, recorder, "ziele-seite")

    page.goto(own_app_url)
    wait_for_app(page)
    expect(page.get_by_text(f"Ziel: 40,0 % im Jahr 2028 · {VERDICT}", exact=False).first).to_be_visible()

    page.goto(f"{own_app_url}/indikator?indikator=betreuungsquote_u3&region=03453")
    wait_for_app(page)
    wait_for_drawn(page, "g.mark-line.role-mark path")
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart.locator("text", has_text="Ziel 40,0 % (2028)")).to_have_count(1)
    expect(chart.locator("text", has_text="Zwischenziel 34,0 % (2024)")).to_have_count(1)
    expect(page.get_by_text(DISTANCE, exact=False)).to_be_visible()

    page.goto(f"{own_app_url}/praesentation?deck=beirat_standard&folie=9")
    table = page.locator(".bm-goals")
    expect(table).to_contain_text("U3-Betreuung ausbauen: Betreuungsquote unter 3-Jährige, Landkreis Cloppenburg")
    expect(table).to_contain_text(VERDICT)
    expect(table).to_contain_text("(Beispiel – nicht beschlossen)")
    wait_for_settled(page, quiet_ms=400)
    for size in RESOLUTIONS:
        page.set_viewport_size(size)
        wait_for_settled(page, quiet_ms=400)
        box = page.locator(".bm-slide").bounding_box()
        foot = min(page.locator(sel).bounding_box()["y"] for sel in (".bm-source", ".st-key-navigation"))
        assert box["y"] + box["height"] <= foot, f"Zielstand läuft bei {size} in die Fußzeile"
        page.screenshot(path=screenshot_path(f"zielstand-folie-{size['width']}x{size['height']}"))
