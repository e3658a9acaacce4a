"""PPTX and PDF of the shipped deck (plus a text slide), read back with python-pptx and pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pypdf import PdfReader

from deck.export import slides_to_pdf, slides_to_pptx
from deck.model import Deck, TextSlide, default_deck
from deck.render import render_slide

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


@pytest.fixture(scope="module")
def deck() -> Deck:
    shipped = default_deck()
    question = TextSlide("Fragen an den Beirat", "Wo fehlen Ausbildungsplätze – und wer übernimmt?")
    return Deck("Beirat mit Frage", (*shipped.slides[:-1], question, shipped.slides[-1]))


@pytest.fixture(scope="module")
def contents(deck, deck_data):
    return [render_slide(deck, i, deck_data) for i in range(len(deck.slides))]


@pytest.fixture(scope="module")
def pptx(deck, contents):
    return Presentation(io.BytesIO(slides_to_pptx(deck.name, contents)))


@pytest.fixture(scope="module")
def pdf(deck, contents):
    return PdfReader(io.BytesIO(slides_to_pdf(deck.name, contents)))


def _texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _flat(text: str) -> str:
    """Whitespace collapsed: PDF text extraction breaks lines where the layout wrapped them."""
    return re.sub(r"\s+", " ", text).strip()


def test_the_pptx_is_16_to_9_with_one_slide_per_deck_slide(pptx, deck):
    assert len(pptx.slides) == len(deck.slides) == 13
    assert round(pptx.slide_width / pptx.slide_height, 3) == round(16 / 9, 3)
    assert pptx.core_properties.title == "Beirat mit Frage"


def test_each_indicator_slide_in_the_pptx_has_its_chart_as_picture_and_its_statement_as_text(pptx, contents):
    for slide, content in zip(pptx.slides, contents, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if content.kind == "indicator":
            assert len(pictures) == 1, content.heading
            assert pictures[0].image.content_type == "image/png"
            assert content.statement in _texts(slide)
            assert content.source_line in _texts(slide)
        else:
            assert pictures == []
        assert content.heading in _texts(slide)
        assert content.counter in _texts(slide)


def test_the_statement_of_leavers_in_the_pptx_carries_the_real_2024_share(pptx):
    assert "Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in _texts(pptx.slides[1])


def test_each_pptx_heading_is_its_slide_title_for_screen_readers(pptx, contents):
    for slide, content in zip(pptx.slides, contents, strict=True):
        assert slide.shapes.title is not None, content.heading
        assert slide.shapes.title.text_frame.text == content.heading
        # drawn as on the PDF: bold, left-aligned from the top of its box (the template centres titles)
        frame = slide.shapes.title.text_frame
        assert frame.paragraphs[0].runs[0].font.bold is True
        assert frame.paragraphs[0].alignment == PP_ALIGN.LEFT and frame.vertical_anchor == MSO_ANCHOR.TOP


def test_the_pptx_notes_carry_definition_source_and_stand(pptx, contents):
    for slide, content in zip(pptx.slides, contents, strict=True):
        if content.kind != "indicator":
            continue
        notes = slide.notes_slide.notes_text_frame.text
        assert content.source_line in notes
        assert "Definition: " in notes and "Tabelle " in notes and "Stand" in notes


def test_the_text_zielstand_and_sources_slides_reach_the_pptx(pptx):
    # no goals in the test's folder: the Zielstand slide says how to add them
    zielstand = _texts(pptx.slides[10])
    assert "Zielstand: wie weit sind die Ziele des Beirats?" in zielstand
    assert "Noch keine Ziele erfasst: auf der Seite Ziele anlegen oder das Beispiel laden." in zielstand
    assert "Wo fehlen Ausbildungsplätze – und wer übernimmt?" in _texts(pptx.slides[11])
    sources = _texts(pptx.slides[12])
    assert "Datenlizenz Deutschland – Namensnennung – 2.0" in sources
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in sources


def test_the_pdf_has_one_landscape_page_per_slide(pdf, deck):
    assert len(pdf.pages) == len(deck.slides)
    for page in pdf.pages:
        assert page.mediabox.width > page.mediabox.height


def test_each_pdf_page_contains_its_statement_heading_and_source(pdf, contents):
    for page, content in zip(pdf.pages, contents, strict=True):
        text = _flat(page.extract_text())
        assert _flat(content.heading) in text
        assert _flat(content.statement) in text
        assert _flat(content.source_line) in text


def test_the_pdf_embeds_a_font_that_keeps_umlauts_dashes_and_the_real_share(pdf):
    text = _flat(pdf.pages[1].extract_text())
    assert "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in text
    fonts = {str(f["/BaseFont"]) for f in pdf.pages[1]["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in name for name in fonts)


def test_each_pdf_indicator_page_carries_its_chart_image(pdf, contents):
    for page, content in zip(pdf.pages, contents, strict=True):
        assert len(page.images) == (1 if content.kind == "indicator" else 0), content.heading


def test_each_pptx_chart_has_the_key_statement_as_alt_text_and_the_file_is_german(pptx, contents):
    assert pptx.core_properties.language == "de-DE"
    for slide, content in zip(pptx.slides, contents, strict=True):
        for picture in (s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE):
            alt = picture._element.nvPicPr.cNvPr.get("descr")
            assert alt == f"Diagramm: {content.heading}. {content.statement}"
    # Slide 2, hand-checked: 228 of 2,031 leavers = 11.2 %, Niedersachsen 8.7 % (see the test above).
    alt = next(s for s in pptx.slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)._element.nvPicPr.cNvPr
    assert "Landkreis Cloppenburg 2024: 11,2 % – Niedersachsen: 8,7 %" in alt.get("descr")
    runs = [
        r
        for shape in pptx.slides[1].shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for r in p.runs
    ]
    assert {r.font._rPr.get("lang") for r in runs} == {"de-DE"}


def test_the_pdf_is_tagged_german_and_its_charts_carry_the_key_statement(pdf, contents):
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "de-DE"
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    figures = []

    def walk(node):
        node = node.get_object()
        if node.get("/S") == "/Figure":
            figures.append(str(node["/Alt"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid)

    walk(root["/StructTreeRoot"])
    expected = [f"Diagramm: {c.heading}. {c.statement}" for c in contents if c.kind == "indicator"]
    assert figures == expected


def _tagged_content(page) -> tuple[list[tuple[str, str]], str, str]:
    """The page's marked content in drawing order as (tag, text), the artifacts' text and any untagged text.

    pypdf hands every operator and text run to the visitors; BDC/BMC open a marked sequence, EMC closes it.
    """
    marked: list[tuple[str, str]] = []
    stack: list[str] = []
    artifacts, untagged = [], []

    def before(operator, operands, cm, tm):
        if operator == b"BDC":
            stack.append(str(operands[0]))
            marked.append((str(operands[0]), ""))
        elif operator == b"BMC":
            stack.append(str(operands[0]))
        elif operator == b"EMC":
            stack.pop()

    def text(chunk, cm, tm, font, size):
        if not stack:
            untagged.append(chunk)
        elif stack[-1] == "/Artifact":
            artifacts.append(chunk)
        else:
            marked[-1] = (marked[-1][0], marked[-1][1] + chunk)

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731 - wrapped lines lose or gain spaces
    return [(tag, squeeze(t)) for tag, t in marked], squeeze("".join(artifacts)), squeeze("".join(untagged))


def _structure(pdf) -> list[tuple[str, int | None]]:
    """The structure elements under /Document in tree order: (type, MCID), MCID None for elements without content."""
    document = pdf.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    assert document["/S"] == "/Document"
    out = []
    for kid in document["/K"]:
        element = kid.get_object()
        mcids = element.get("/K", [])
        out.append((str(element["/S"]), int(mcids[0]) if len(mcids) else None))
    return out


def test_the_pdf_tags_headings_paragraphs_and_figures_in_reading_order(pdf, contents):
    squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731
    for page, content in zip(pdf.pages, contents, strict=True):
        marked, artifacts, untagged = _tagged_content(page)
        assert untagged == "", f"Folie {content.number}: Text ohne Tag"
        assert artifacts == squeeze(content.counter)  # "2 / 11": page furniture, skipped by screen readers
        heading = "/H1" if content.kind == "title" else "/H2"
        assert marked[0] == (heading, squeeze(content.heading))
        assert all(tag in ("/H1", "/H2", "/P", "/Figure") for tag, _ in marked)
        if content.kind == "indicator":
            # heading, region line, key statement, counts/rank line, the chart, the source line
            assert marked == [
                ("/H2", squeeze(content.heading)),
                ("/P", squeeze(content.subheading)),
                ("/P", squeeze(content.statement)),
                ("/P", squeeze(" · ".join(content.details))),
                ("/Figure", ""),
                ("/P", squeeze(content.source_line)),
            ]
    # The title slide carries the deck's only H1; every other slide begins with its H2.
    tags = [tag for page in pdf.pages for tag, _ in _tagged_content(page)[0]]
    assert tags.count("/H1") == 1 and tags.count("/H2") == len(contents) - 1 == 12


def test_the_pdf_structure_tree_lists_each_marked_sequence_in_reading_order(pdf):
    # The tree holds one element per marked sequence of the pages, of the same type, in drawing order; the
    # MCIDs restart at 0 on each page. Slide 2 (time series) has 6: H2, P, P, P, Figure, P.
    pages = [_tagged_content(page)[0] for page in pdf.pages]
    assert [tag for tag, _ in pages[1]] == ["/H2", "/P", "/P", "/P", "/Figure", "/P"]
    expected = [(tag, mcid) for marked in pages for mcid, (tag, _) in enumerate(marked)]
    assert _structure(pdf) == expected


def test_pdfinfo_reads_the_pdf_as_tagged_german_with_its_title(deck, contents, tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.fail("pdfinfo fehlt: scripts/ensure-system-packages poppler-utils ausführen (./test tut das).")
    path = tmp_path / "deck.pdf"
    path.write_bytes(slides_to_pdf(deck.name, contents))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert fields["Title"].strip() == "Beirat mit Frage"
    assert fields["Pages"].strip() == "13"  # the 12 slides of the default deck and the added one
    # The pages as 1920 px pictures for the screenshot review (test-artifacts/screens, beside the slides).
    SCREENS.mkdir(parents=True, exist_ok=True)
    for old in SCREENS.glob("pdf-folie-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-scale-to", "1920", str(path), str(SCREENS / "pdf-folie")], check=True)
    assert len(list(SCREENS.glob("pdf-folie-*.png"))) == 13
