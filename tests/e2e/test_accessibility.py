"""axe-core finds no serious or critical WCAG 2.1 AA violation on any page or on any slide of the default deck.

The pages come from the router's own declaration (declared_pages), so a page added to app.py is
checked without touching this file. Each page is checked as it opens, with the parts a visitor
opens on it (tabs of the Indikator page), because Streamlit draws those only when they are open, and
signed in as an analyst, because the pages that change data show their forms (upload, goal, deck
builder) only then.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.accessibility import violations
from tests.e2e.conftest import assert_no_exception, declared_pages, sign_in_locally, wait_for_app, wait_for_drawn
from tests.e2e.test_presentation import LINK, TOTAL, wait_for_slide

PAGES = [p for p in declared_pages() if not p.hidden]
# Views that only a click draws, as links: each tab of the Indikator page.
VIEWS = [f"/indikator?indikator=ohne_abschluss_anteil&tab={tab}" for tab in ("Karte", "Tabelle", "Quellen")]
SLIDES = range(1, TOTAL + 1)  # every slide of config/decks/beirat_standard.toml


def test_there_is_a_page_to_check_for_every_declared_menu_page():
    # app.py declares 6 menu pages (the Präsentationsmodus is hidden and has its own test below).
    assert len(PAGES) >= 6


@pytest.mark.parametrize("declared", PAGES, ids=[Path(p.file).stem for p in PAGES])
def test_each_page_has_no_serious_accessibility_violation(page, app_url, declared):
    # The URL path of a page is its file's stem; the default page is served at the root.
    page.goto(app_url + ("/" if declared.default else "/" + Path(declared.file).stem))
    wait_for_app(page)
    assert_no_exception(page)
    assert violations(page) == []


@pytest.mark.parametrize("declared", PAGES, ids=[Path(p.file).stem for p in PAGES])
def test_each_page_signed_in_as_analyst_has_no_serious_accessibility_violation(page, app_url, local_users, declared):
    page.goto(app_url + ("/" if declared.default else "/" + Path(declared.file).stem))
    wait_for_app(page)
    sign_in_locally(page)
    assert_no_exception(page)
    assert violations(page) == []


@pytest.mark.parametrize("view", VIEWS, ids=[v.rsplit("=", 1)[1] for v in VIEWS])
def test_each_tab_of_the_indicator_page_has_no_serious_accessibility_violation(page, app_url, view):
    page.goto(app_url + view)
    wait_for_app(page)
    if "Karte" in view:
        wait_for_drawn(page, "g.mark-shape.role-mark path", minimum=45)
    assert violations(page) == []


@pytest.mark.parametrize("number", SLIDES)
def test_presentation_slides_have_no_serious_accessibility_violation(page, app_url, number):
    page.goto(app_url + LINK.format(number))
    wait_for_slide(page, number)
    assert violations(page) == []


def test_the_page_is_declared_german_for_screen_readers(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'de'")
    # Streamlit's English skip link and landmark names are read in German.
    assert page.get_by_role("link", name="Zum Inhalt springen").count() == 1
    assert page.get_by_role("region", name="Seitenleiste").count() == 1
