"""The DOCX read back with python-docx: real headings, TOC and page fields, captions, alt text, German numbers.

Hand-checked numbers (data/raw, tables 21111-02-06-4-B and 21111-02-06-4): Landkreis Cloppenburg 2024
228 leavers without Ersten Schulabschluss of 2,031 = 11.23 % -> "11,2 %"; Niedersachsen 2024: "8,7 %";
Deutschland has no 2024 row (the 2024 table lists Kreise and Länder only) -> "keine Daten".
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.bericht.conftest import SMALL


@pytest.fixture(scope="module")
def document(docx_bytes):
    return Document(io.BytesIO(docx_bytes))


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_chapters_are_real_headings_in_the_leitfaden_order(document):
    assert _headings(document, 1) == [
        "Einleitung",
        "Frühkindliche Bildung",
        "Allgemeinbildende Schulen",
        "Quellen und Lizenzen",
    ]
    assert _headings(document, 2)[:3] == [
        "Betreuungsquote unter 3-Jährige",
        "Abgänge ohne Hauptschulabschluss",
        "Abschlüsse der Schulabgänge",
    ]


def test_the_statement_gives_year_land_bund_rank_and_trend_in_german_numbers(document):
    texts = _texts(document)
    assert (
        "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %, "
        "Deutschland: keine Daten." in texts
    )
    # 228 of 2,031; 2023: 8.3 %, so 2024 (11.2 %) is worse for a lower-is-better indicator.
    details = next(t for t in texts if t.startswith("228 von 2.031"))
    assert "Rang 39 von 45 Kreisen (1 = niedrigster Wert)" in details
    assert "zuvor 2023: 8,3 % (seitdem ungünstiger)" in details


def test_the_table_carries_the_same_numbers_as_the_statement(document):
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Jahr" and "2024" in t.rows[-1].cells[0].text)
    assert [c.text for c in table.rows[0].cells] == ["Jahr", "Landkreis Cloppenburg", "Niedersachsen", "Deutschland"]
    assert [c.text for c in table.rows[-1].cells] == ["2024", "11,2 %", "8,7 %", "keine Daten"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header row repeats on each page


def test_old_data_is_marked_with_its_stand(document):
    # Betreuungsquote u3 ends in 2020 (INKAR); the store reaches 2025, and 2020 < 2025 - 3.
    assert "Daten älter als drei Jahre: Stand 2020" in _texts(document)
    assert "Daten älter als drei Jahre: Stand 2024" not in _texts(document)


def test_every_figure_has_alt_text_a_caption_and_a_source_line(document):
    pictures = document.inline_shapes
    assert len(pictures) == 3  # one chart per indicator
    for shape in pictures:
        doc_pr = shape._inline.docPr
        assert doc_pr.get("descr").startswith("Liniendiagramm: ")
    alt = pictures[1]._inline.docPr.get("descr")
    assert "Landkreis Cloppenburg 2024: 11,2 %" in alt
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption" and p.text.startswith("Abbildung")]
    assert len(captions) == 3
    texts = _texts(document)
    for caption in captions:
        source = texts[texts.index(caption) + 1]
        assert source.startswith("Quelle: "), source


def test_toc_page_numbers_and_language_are_word_fields(document, docx_bytes):
    body = document.element.body.xml
    assert 'TOC \\o "1-2"' in body
    footer = document.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and "NUMPAGES" in footer._p.xml
    assert footer.text.startswith("Seite ")
    assert document.core_properties.language == "de-DE"
    assert 'w:val="de-DE"' in document.styles.element.xml
    assert document.settings.element.find(qn("w:updateFields")) is not None


def test_office_texts_definition_goals_method_and_licences_are_in_the_document(document):
    texts = _texts(document)
    assert "Er erscheint alle zwei Jahre." in texts
    assert SMALL.chapters[1].text in texts
    assert "Der Anstieg 2024 ist mit dem neuen Schulgesetz zu lesen." in texts
    assert any(t.startswith("Definition: Anteil der Abgängerinnen und Abgänger") for t in texts)
    assert any(t.startswith("Datenlizenz Deutschland – Namensnennung – 2.0") for t in texts)
