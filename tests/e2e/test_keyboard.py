"""Keyboard only: from the Überblick to an indicator's table, and through a deck, without a mouse.

Every step is a key press; each stop checks that the focused element shows a visible outline
(ui/accessibility.css), since a keyboard user who cannot see the focus is lost.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_app, wait_for_settled
from tests.e2e.test_presentation import COUNTER, TOTAL, wait_for_slide

MAX_TABS = 120

_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        text: (el.getAttribute('aria-label') || el.innerText || '').trim(),
        role: el.getAttribute('role') || el.tagName.toLowerCase(),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def tab_to(page: Page, text: str, role: str | None = None) -> dict:
    """Press Tab until an element reading `text` (and of `role`) has the focus; it must show its focus."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        seen.append(focused)
        if focused and focused["text"] == text and (role is None or focused["role"] == role):
            assert focused["outline"], f"Fokus auf „{text}“ ist nicht sichtbar"
            return focused
    raise AssertionError(f"„{text}“ ist mit der Tabulatortaste nicht erreichbar: {seen[:40]}")


def test_from_the_overview_to_an_indicator_table_by_keyboard_alone(page: Page, app_url, screenshot):
    page.goto(app_url)
    wait_for_app(page)
    tab_to(page, "Verlauf, Karte und Quellen", role="a")  # the first tile: Abgänge ohne Hauptschulabschluss
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/indikator\?"))
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Abgänge ohne Hauptschulabschluss", level=1)).to_be_visible()
    tab_to(page, "Diagramm", role="tab")
    page.keyboard.press("ArrowRight")  # Karte
    page.keyboard.press("ArrowRight")  # Tabelle
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"tab=Tabelle"))
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Tabelle", selected=True)).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()
    tab_to(page, "CSV", role="button")  # the table's download, reached past the table itself
    screenshot()


def test_a_deck_is_opened_paged_through_and_left_by_keyboard_alone(page: Page, app_url, screenshot):
    page.goto(app_url + "/praesentationen")
    wait_for_app(page)
    tab_to(page, "Präsentieren", role="a")
    page.keyboard.press("Enter")
    wait_for_slide(page, 1)
    for number in range(2, TOTAL + 1):
        page.keyboard.press("ArrowRight")
        wait_for_slide(page, number)
    assert page.locator(COUNTER).inner_text() == f"{TOTAL} / {TOTAL}"
    tab_to(page, "Beenden", role="a")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Präsentationen", exact=True)).to_be_visible(timeout=60_000)
    wait_for_settled(page)
    screenshot()
