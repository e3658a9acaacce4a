"""axe-core finds no serious or critical WCAG 2.1 AA violation on any page or on any slide of the default deck.

Every page as it opens (and the Karte tab of the Indikator page), every slide, and the forms an analyst
sees are checked by axe in the same visit that photographs them (test_screens.py, at 1920×1080):
one page load for both. Here: what no screenshot visits, the Tabelle and Quellen tabs of the Indikator
page (Streamlit draws a tab only when it is open) and the other pages signed in as an analyst, because
the pages that change data show their controls only then. The pages come from the router's own
declaration (declared_pages), so a page added to app.py is checked without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.accessibility import violations
from tests.e2e.conftest import assert_no_exception, declared_pages, sign_in_locally, wait_for_app
from tests.e2e.test_screens import FORMS

PAGES = [p for p in declared_pages() if not p.hidden]
# Signed in: the pages test_screens does not photograph signed in (its FORMS are checked there).
SIGNED_IN = [p for p in PAGES if Path(p.file).stem not in FORMS]
# Views that only a click draws, as links: the tabs of the Indikator page no screenshot opens.
VIEWS = [f"/indikator?indikator=ohne_abschluss_anteil&tab={tab}" for tab in ("Tabelle", "Quellen")]


def test_there_is_a_page_to_check_for_every_declared_menu_page():
    # app.py declares 6 menu pages or more (the Präsentationsmodus is hidden; its slides: test_screens.py).
    assert len(PAGES) >= 6
    assert set(FORMS) <= {Path(p.file).stem for p in PAGES}


@pytest.mark.parametrize("declared", SIGNED_IN, ids=[Path(p.file).stem for p in SIGNED_IN])
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
    assert violations(page) == []


def test_the_page_is_declared_german_for_screen_readers(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'de'")
    # Streamlit's English skip link and landmark names are read in German.
    assert page.get_by_role("link", name="Zum Inhalt springen").count() == 1
    assert page.get_by_role("region", name="Seitenleiste").count() == 1
