"""Erklärung zur Barrierefreiheit: the statement BITV requires, in the menu, saying what is met and what not."""

from __future__ import annotations

from tests.app_pages.elements import texts

PAGE = "app_pages/barrierefreiheit.py"


def test_the_statement_names_the_standard_and_what_is_not_accessible(open_app):
    at = open_app(PAGE)
    assert at.title[0].value == "Erklärung zur Barrierefreiheit"
    assert [h.value for h in at.header] == [
        "Stand der Vereinbarkeit",
        "Was erfüllt ist",
        "Was nicht barrierefrei ist",
        "Barrieren melden",
    ]
    shown = "\n".join(texts(at))
    assert "BITV 2.0" in shown and "WCAG" in shown
    assert "teilweise barrierefrei" in shown
    assert "PDF-Export" in shown  # a known gap is named, not hidden
    assert "Schlichtungsstelle" in shown


def test_the_statement_is_reachable_from_every_page_menu(open_app):
    at = open_app()
    links = [link.proto.label for link in at.get("page_link")]
    assert "Barrierefreiheit" in links
