"""Berufe und Fachkräfte in a real browser: the ranking tables, their sparklines and the series are drawn."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, wait_for_app, wait_for_drawn


def test_the_occupation_page_draws_its_tables_and_series(page, app_url, screenshot):
    page.goto(f"{app_url}/berufe?region=03453&berufe_jahr=2025")
    wait_for_app(page)
    assert_no_exception(page)
    expect(
        page.get_by_role("heading", name="Engste Berufsgruppen 2025: wenige Arbeitslose je gemeldete Stelle")
    ).to_be_visible()
    # 261 Mechatronik leads the tightest groups of Cloppenburg 2025 (7.5 unemployed / 31 vacancies).
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    # Series: one Berufsgruppe, MINT share, women in MINT, women's share of employees: lines drawn.
    assert wait_for_drawn(page, "g.mark-line.role-mark path", minimum=4) >= 4
    expect(
        page.get_by_role("heading", name="Wie stark ist der MINT-Bereich, und wie viele Frauen arbeiten darin?")
    ).to_be_visible()
    screenshot()
