"""Report tests read the real store built once per session (tests/conftest.py: store_db).

A small definition keeps them fast: three indicators in two chapters, one of them a distribution,
one with data older than three years. The whole catalogue runs only through `cli.py bericht` by hand.
"""

from __future__ import annotations

import pytest

from bericht import inhalt, pdf, word
from bericht.model import Bericht, KapitelWahl
from deck.render import StoreData
from store.connection import reading

SMALL = Bericht(
    "Kurzbericht Test",
    "Kommunaler Bildungsbericht (Test)",
    (
        KapitelWahl("fruehkindliche_bildung", ("betreuungsquote_u3",), "Die Krippenplätze wachsen."),
        KapitelWahl(
            "allgemeinbildende_schulen",
            ("ohne_abschluss_anteil", "abschlussarten_verteilung"),
            "Mehr Jugendliche verlassen die Schule ohne Abschluss.",
            (("ohne_abschluss_anteil", "Der Anstieg 2024 ist mit dem neuen Schulgesetz zu lesen."),),
        ),
    ),
    "Dieser Bericht beschreibt die Bildung im Landkreis.\n\nEr erscheint alle zwei Jahre.",
)


@pytest.fixture(scope="session")
def store_con(store_db):
    with reading(store_db) as con:
        yield con


@pytest.fixture(scope="session")
def report_data(store_con) -> StoreData:
    return StoreData(store_con)


@pytest.fixture(scope="session")
def content(report_data) -> inhalt.BerichtInhalt:
    return inhalt.build(SMALL, report_data)


@pytest.fixture(scope="session")
def docx_bytes(content) -> bytes:
    return word.to_docx(content)


@pytest.fixture(scope="session")
def pdf_bytes(content) -> bytes:
    return pdf.to_pdf(content)
