"""Every dashboard page in a real browser: the menu leads to it, it runs through the router, and its figures are real.

That each page runs to its end, raises nothing, shows the router's sidebar and draws its kind of marks,
and that the Kreis map fills all 45 Kreise, is checked in the one visit test_screens.py makes to photograph
it (DRAWN, MAP_SHAPES there), at the addresses the sidebar's links lead to (checked here).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    NAV_LINKS,
    VIEWPORT,
    assert_no_exception,
    declared_pages,
    screenshot_path,
    wait_for_app,
    wait_for_drawn,
)

# The pages of the menu; the hidden Präsentationsmodus has its own tests (test_presentation.py).
PAGES = [p for p in declared_pages() if not p.hidden]


@pytest.fixture(scope="module")
def nav_links(browser, app_url) -> dict[str, str]:
    """The sidebar's links, title -> URL, as a visitor of the start page sees them."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(app_url)
    wait_for_app(page)
    # Under load the frontend may still be drawing links after the page settled (seen once: 3 of 10 read).
    expect(page.locator(NAV_LINKS)).to_have_text([p.title for p in PAGES])
    links = page.eval_on_selector_all(NAV_LINKS, "els => els.map(a => [a.innerText.trim(), a.href])")
    context.close()
    return dict(links)


def test_the_sidebar_offers_every_page_the_router_declares(nav_links):
    assert list(nav_links) == [p.title for p in PAGES]
    # Each link leads to the address test_screens.py opens the page at (and checks it there).
    paths = {title: urlparse(href).path.rstrip("/") for title, href in nav_links.items()}
    assert paths == {p.title: "" if p.default else "/" + Path(p.file).stem for p in PAGES}


def test_the_overview_shows_the_real_2024_share_of_leavers_without_qualification(page, app_url, screenshot):
    # 228 of 2,031 leavers in Landkreis Cloppenburg 2024 = 11.23 % -> "11,2 %" (Regionalstatistik 21111-02-06-4-B).
    page.goto(app_url)
    wait_for_app(page)
    expect(page.locator('[data-testid="stMetricValue"]', has_text="11,2 %")).to_be_visible()
    screenshot()


def test_a_deep_link_as_the_first_request_of_a_fresh_server_runs_through_the_router(browser, fresh_app_url, recorder):
    """The trap of STYLE.md: a first request to /indikator must not run the page without app.py."""
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    page = context.new_page()
    page.on("request", recorder.request)
    page.on("console", recorder.console)
    page.on("pageerror", recorder.page_error)
    try:
        page.goto(f"{fresh_app_url}/indikator?indikator=ohne_abschluss_anteil&region=03453")
        wait_for_app(page)
        assert_no_exception(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Bildungsmonitor", exact=True)).to_be_visible()  # drawn by app.py
        assert page.locator(NAV_LINKS).count() == len(PAGES)
        expect(page.get_by_role("heading", name="Abgänge ohne Hauptschulabschluss").first).to_be_visible()
        wait_for_drawn(page, "g.mark-line.role-mark path")
        page.screenshot(path=screenshot_path("test_deep_link_first_request"))
    finally:
        context.close()
    assert recorder.foreign_requests() == []
    assert recorder.console_errors == []


def test_the_joined_leavers_series_runs_from_1995_to_2024_without_a_hole(page, app_url, screenshot):
    # Computed 1995–2015 and 2023–2024, INKAR's published shares 2016–2022 as hollow diamonds: for
    # Cloppenburg, Niedersachsen and Deutschland 7 published years each (Deutschland 2016–2022) = 21.
    page.goto(f"{app_url}/indikator?indikator=ohne_abschluss_anteil&region=03453&tab=Diagramm")
    wait_for_app(page)
    assert_no_exception(page)
    wait_for_drawn(page, "g.mark-line.role-mark path")
    assert wait_for_drawn(page, "g.mark-symbol.role-mark path", minimum=21) >= 21
    expect(page.get_by_text("von der Quelle veröffentlicht (ohne Zähler/Nenner)")).to_be_visible(timeout=60_000)
    labels = page.eval_on_selector_all("g.role-axis-label text", "els => els.map(e => e.textContent)")
    assert "1995" in labels and "2024" in labels  # the axis spans the series and always ends on its newest year
    screenshot()
