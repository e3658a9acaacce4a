"""The Präsentationsmodus in a real browser: keys page the default deck, the URL follows, nothing leaves the machine.

The run through the whole deck by keyboard at 1920×1080 and at 1280×720 is in test_screens.py, which
photographs each slide on the way (test-artifacts/screens/folie-*) and checks it with check_layout below
for what a screenshot could hide: Streamlit's chrome showing, a chart without marks, or a chart running
into the source line at the foot.

Hand-worked value on slide 2 (Regionalstatistik 21111-02-06-4-B): Cloppenburg 2024, 228 of 2,031
leavers = 11.23 % -> "11,2 %"; Niedersachsen 6,883 of 79,489 = 8.66 % -> "8,7 %".
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_drawn, wait_for_settled

TOTAL = 12  # slides of config/decks/beirat_standard.toml
CHARTS = range(2, 11)  # the indicator slides
LINK = "/praesentation?deck=beirat_standard&folie={}"
RESOLUTIONS = ({"width": 1920, "height": 1080}, {"width": 1280, "height": 720})
# While a step reruns, Streamlit keeps the previous slide's elements marked stale until the new ones
# are drawn: for a moment there are two counters. Only the current one counts.
COUNTER = '[data-stale="false"] .bm-counter'


def wait_for_slide(page: Page, number: int) -> None:
    """Wait until slide `number` is shown, its URL written and, on an indicator slide, its chart drawn."""
    # 60 s, not Playwright's 5 s default: the first visit computes every slide of the deck, which on a
    # busy 2-core machine took longer than 5 s.
    expect(page.locator(COUNTER)).to_have_text(f"{number} / {TOTAL}", timeout=60_000)
    page.wait_for_url(re.compile(rf"[?&]folie={number}(&|$)"))
    wait_for_settled(page, quiet_ms=400)
    if number in CHARTS:
        wait_for_drawn(page, ".st-key-diagramm g.role-mark path")


def press(page: Page, key: str, number: int) -> None:
    page.keyboard.press(key)
    wait_for_slide(page, number)


def check_layout(page: Page, number: int) -> None:
    """No chrome, nothing beyond the window, and the chart clear of the source line and the controls."""
    for chrome in ("stSidebar", "stHeader", "stToolbar", "stExpandSidebarButton"):
        expect(page.locator(f'[data-testid="{chrome}"]')).to_be_hidden()
    height = page.viewport_size["height"]
    text = page.locator(".bm-slide").bounding_box()
    assert text["y"] + text["height"] <= height
    if number in CHARTS:
        chart = page.locator(".st-key-diagramm svg.marks").bounding_box()
        foot = min(page.locator(sel).bounding_box()["y"] for sel in (".bm-source", ".st-key-navigation"))
        assert chart["y"] + chart["height"] <= foot, f"Folie {number}: Diagramm läuft in die Fußzeile"


def test_a_slide_link_shows_the_key_statement_with_the_real_2024_share(page, app_url, recorder):
    page.goto(app_url + LINK.format(2))
    wait_for_slide(page, 2)
    statement = page.locator(".bm-statement")
    expect(statement).to_contain_text("Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %")
    expect(page.locator(".bm-source")).to_contain_text("Stand 28.03.2026")
    recorder.screenshot_taken = True  # the run-through (test_screens.py) photographs every slide


def test_the_buttons_page_like_the_keys(page, app_url, recorder):
    page.goto(app_url + LINK.format(5))
    wait_for_slide(page, 5)
    page.locator(".st-key-weiter button").click()
    wait_for_slide(page, 6)
    page.locator(".st-key-zurueck button").click()
    wait_for_slide(page, 5)
    press(page, "Space", 6)
    # The clicked Zurück button had the focus: Space must step forward once, not also press it.
    assert page.locator(COUNTER).inner_text() == f"6 / {TOTAL}"
    page.get_by_role("link", name="Beenden").click()  # back to the dashboard, its chrome restored
    expect(page.get_by_role("heading", name="Präsentationen", exact=True)).to_be_visible()
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    page.keyboard.press("End")  # the key script outlives the slide, but finds no buttons here
    wait_for_settled(page, quiet_ms=400)
    expect(page.get_by_role("heading", name="Präsentationen", exact=True)).to_be_visible()
    recorder.screenshot_taken = True


def test_a_slide_link_as_the_first_request_of_a_fresh_server_opens_that_slide(fresh_app_url, page, recorder):
    """The trap of STYLE.md, for the hidden page: a deep link must run through the router.

    The server is requested before the tab, so it stops after the tab has closed, not under it.
    """
    page.goto(fresh_app_url + LINK.format(3))
    wait_for_slide(page, 3)
    expect(page.locator(".bm-heading")).to_have_text("Landkreisvergleich: Abgänge ohne Abschluss")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    recorder.screenshot_taken = True
