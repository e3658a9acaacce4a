"""The PDF: tagged (pdfinfo), German, with the same numbers as the DOCX in its text layer."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader


@pytest.fixture(scope="module")
def reader(pdf_bytes):
    return PdfReader(io.BytesIO(pdf_bytes))


def _flat(text: str) -> str:
    """Whitespace collapsed: PDF text extraction breaks lines where the layout wrapped them."""
    return re.sub(r"\s+", " ", text).strip()


def test_pdfinfo_says_the_pdf_is_tagged(pdf_bytes, tmp_path):
    path = tmp_path / "bericht.pdf"
    path.write_bytes(pdf_bytes)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert re.search(r"^Title:\s+Kommunaler Bildungsbericht \(Test\)$", info, re.MULTILINE), info


def test_the_document_language_is_german_and_the_structure_tree_has_figures_with_alt_text(reader, pdf_bytes):
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]).startswith("de")
    assert "/StructTreeRoot" in root
    # Every chart's alternative text sits in the structure tree (three charts, "Liniendiagramm: …" each).
    assert pdf_bytes.count(b"/Alt") >= 3


def test_the_text_layer_carries_the_hand_checked_numbers(reader):
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    # 228 of 2,031 = 11.23 % in 2024; Niedersachsen 8.7 % (data/raw, 21111-02-06-4-B).
    assert (
        "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %, "
        "Deutschland: keine Daten." in text
    )
    assert "228 von 2.031" in text
    assert "2024 11,2 % 8,7 % keine Daten" in text  # the table's last row
    assert "Daten älter als drei Jahre: Stand 2020" in text
    assert "Abbildung 1: Betreuungsquote unter 3-Jährige" in text
    assert "Inhalt" in text and "Quellen und Lizenzen" in text
    assert "Seite 1 von" in text
