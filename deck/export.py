"""The deck as PPTX (for the Bildungsbüro to adapt) and as PDF (for the minutes and the Beirat members).

Both files are laid out from the same `deck.render.SlideContent` the presentation page shows, on the
same 16:9 grid: heading, the region/year line, the key statement beside a bar in the home region's
colour, the lines under it, the chart as a PNG, and the source line with the slide counter at the
foot. In the PPTX the statement stays editable text and the definition, tables, Stand dates and
notes on single values go into the speaker notes.

The PDF embeds DejaVu Sans (Debian package fonts-dejavu-core, installed by
scripts/ensure-system-packages): the core PDF fonts know no "–", "−" or "≥", and a missing glyph
would silently drop a sign from a number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF
from PIL import Image, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt

from charts.export import to_png
from charts.style import HIGHLIGHT, MUTED_TEXT
from deck.render import SlideContent, producer

if TYPE_CHECKING:
    pass

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
TEXT = "#1F2933"  # the dashboard's text colour (.streamlit/config.toml)
LANGUAGE = "de-DE"  # document language of both files
PNG_SCALE = 2  # pixels per chart pixel: sharp on a 1920 px projector and in print

# The slide grid in fractions of width (x, w) and height (y, h); font sizes in pt on a 13.33 in wide slide.
MARGIN = 0.045
WIDTH = 1 - 2 * MARGIN
GRID = {
    "heading": (0.045, 0.10, 30),
    "subheading": (0.145, 0.05, 15),
    "statement": (0.205, 0.12, 20),
    "details": (0.325, 0.05, 13),
    "chart": (0.385, 0.53, 0),
    "source": (0.935, 0.05, 9),
}
SLIDE_IN = (13.333, 7.5)  # 16:9, PowerPoint's default widescreen
PDF_MM = (297.0, 297.0 * 9 / 16)  # 16:9 at the width of A4 landscape, so it prints on A4 at 100 %
_PDF_PT = PDF_MM[0] / (SLIDE_IN[0] * 25.4)  # the PDF page is a little narrower: scale font sizes alike


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    w: float
    h: float


def _box(x: float, y: float, w: float, h: float) -> _Box:
    return _Box(x, y, w, h)


def _row(name: str) -> tuple[_Box, float]:
    y, h, size = GRID[name]
    return _box(MARGIN, y, WIDTH, h), size


@cache
def _measure_font(bold: bool) -> ImageFont.FreeTypeFont | None:
    try:
        regular, heavy = font_files()
    except RuntimeError:
        return None
    return ImageFont.truetype(str(heavy if bold else regular), 100)


def _width_pt(text: str, size: float, bold: bool) -> float:
    """Printed width of `text` in DejaVu Sans, which runs wider than the fonts PowerPoint substitutes."""
    font = _measure_font(bold)
    return (font.getlength(text) if font else 58 * len(text)) * size / 100


def _line_count(text: str, size: float, width_pt: float, bold: bool) -> int:
    lines, current = 1, ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and _width_pt(candidate, size, bold) > width_pt:
            lines, current = lines + 1, word
        else:
            current = candidate
    return lines


def fitted_size(text: str, size: float, box: _Box, max_lines: int, bold: bool = False, smallest: float = 9) -> float:
    """The largest size up to `size` at which `text` takes at most `max_lines` in the box (pt on the slide).

    A long heading or statement shrinks instead of running into the line below; at `smallest` it wraps.
    """
    width_pt = box.w * SLIDE_IN[0] * 72 - 16  # less the text box's inner margins
    while size > smallest and _line_count(text, size, width_pt, bold) > max_lines:
        size -= 0.5
    return size


def _fit(png: bytes, box: _Box, aspect: float) -> _Box:
    """The largest box of the image's proportions inside `box`, centred (page aspect = width / height)."""
    with Image.open(io.BytesIO(png)) as image:
        ratio = image.width / image.height
    w, h = box.w, box.w * aspect / ratio
    if h > box.h:
        h, w = box.h, box.h * ratio / aspect
    return _box(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h)


@dataclass(frozen=True)
class _Prepared:
    content: SlideContent
    png: bytes | None


def _prepare(slides: Sequence[SlideContent]) -> list[_Prepared]:
    return [_Prepared(c, to_png(c.chart, scale=PNG_SCALE) if c.chart else None) for c in slides]


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


# ------------------------------------------------------------------------------------------------- PPTX


class _PptxSlide:
    def __init__(self, prs: Presentation) -> None:
        self.slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        self.width, self.height = prs.slide_width, prs.slide_height

    def _emu(self, box: _Box) -> tuple[Emu, Emu, Emu, Emu]:
        return (
            Emu(int(box.x * self.width)),
            Emu(int(box.y * self.height)),
            Emu(int(box.w * self.width)),
            Emu(int(box.h * self.height)),
        )

    def text(self, box: _Box, paragraphs: Sequence[str], size: float, colour=TEXT, bold=False, align="left") -> None:
        shape = self.slide.shapes.add_textbox(*self._emu(box))
        frame = shape.text_frame
        frame.word_wrap = True
        for i, line in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.RIGHT if align == "right" else PP_ALIGN.LEFT
            if i:
                paragraph.space_before = Pt(size * 0.5)
            run = paragraph.add_run()
            run.text = line
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(colour)
            run.font._rPr.set("lang", LANGUAGE)  # read with a German voice by screen readers

    def bar(self, box: _Box, colour: str) -> None:
        shape = self.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *self._emu(box))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colour)
        shape.line.fill.background()

    def picture(self, png: bytes, box: _Box, alt: str) -> None:
        """The chart image with `alt` as its alternative text (PowerPoint's "Alternativtext", cNvPr/@descr)."""
        fitted = _fit(png, box, SLIDE_IN[0] / SLIDE_IN[1])
        x, y, w, h = self._emu(fitted)
        picture = self.slide.shapes.add_picture(io.BytesIO(png), x, y, width=w, height=h)
        picture._element.nvPicPr.cNvPr.set("descr", alt)
        picture.name = "Diagramm"

    def notes(self, text: str) -> None:
        self.slide.notes_slide.notes_text_frame.text = text


def alt_text(content: SlideContent) -> str:
    """The chart's alternative text in both files: the slide's message, as its key statement says it."""
    return f"Diagramm: {content.heading}. {content.statement}"


def _line(s: _PptxSlide | _PdfSlide, name: str, text: str, lines: int = 1, colour=TEXT, bold=False) -> None:
    box, size = _row(name)
    s.text(box, [text], fitted_size(text, size, box, lines, bold), colour, bold)


def _draw(s: _PptxSlide | _PdfSlide, item: _Prepared) -> None:
    """One slide on either canvas: both files share this layout, as both share the content."""
    c = item.content
    if c.kind == "title":
        s.bar(_box(MARGIN, 0.30, 0.08, 0.012), HIGHLIGHT)
        title = _box(MARGIN, 0.33, WIDTH, 0.16)
        s.text(title, [c.heading], fitted_size(c.heading, 40, title, 1, bold=True), bold=True)
        s.text(_box(MARGIN, 0.50, WIDTH, 0.10), [c.subheading], 24)
        s.text(_box(MARGIN, 0.64, WIDTH, 0.16), list(c.body), 16, MUTED_TEXT)
    else:
        _line(s, "heading", c.heading, bold=True)
    if c.kind == "indicator":
        _line(s, "subheading", c.subheading, colour=MUTED_TEXT)
        box, size = _row("statement")
        s.bar(_box(MARGIN, box.y + 0.01, 0.006, box.h - 0.03), HIGHLIGHT)
        inset = _box(MARGIN + 0.015, box.y, WIDTH - 0.015, box.h)
        s.text(inset, [c.statement], fitted_size(c.statement, size, inset, 2, bold=True), bold=True)
        _line(s, "details", " · ".join(c.details), colour=MUTED_TEXT)
        if item.png:
            s.picture(item.png, _row("chart")[0], alt_text(c))
    elif c.kind == "text":
        s.text(_box(MARGIN, 0.22, WIDTH, 0.65), list(c.body), 24)
    elif c.kind == "zielstand":
        _line(s, "subheading", c.subheading, colour=MUTED_TEXT)
        if c.details:
            _line(s, "details", " · ".join(c.details), colour=MUTED_TEXT)
        lines = [" · ".join(row) for row in c.table] or list(c.body)
        size = 14 if len(lines) <= 6 else 11
        s.text(_box(MARGIN, 0.22, WIDTH, 0.70), lines, size)
    elif c.kind == "sources":
        s.text(_box(MARGIN, 0.17, WIDTH, 0.50), list(c.body), 13)
        s.text(_box(MARGIN, 0.70, WIDTH, 0.22), list(c.licences), 12, MUTED_TEXT)
    box, size = _row("source")
    source = _box(MARGIN, box.y, WIDTH - 0.08, box.h)
    s.text(source, [c.source_line], fitted_size(c.source_line, size, source, 1, smallest=7), MUTED_TEXT)
    s.text(_box(1 - MARGIN - 0.08, box.y, 0.08, box.h), [c.counter], 11, MUTED_TEXT, align="right")
    s.notes("\n".join(x for x in (c.statement, c.source_line, c.notes) if x))


def slides_to_pptx(name: str, slides: Sequence[SlideContent]) -> bytes:
    """PPTX of slides already rendered, e.g. those the presentation page holds in its cache."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(int(SLIDE_IN[0] * 914400)), Emu(int(SLIDE_IN[1] * 914400))
    prs.core_properties.title = name
    prs.core_properties.author = producer()
    prs.core_properties.language = LANGUAGE
    for item in _prepare(slides):
        _draw(_PptxSlide(prs), item)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------------- PDF


def font_files() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold; a German error names the package when they are missing."""
    for directory in FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    raise RuntimeError(
        "Für den PDF-Export fehlt die Schrift DejaVu Sans (Debian-Paket fonts-dejavu-core). "
        "Bitte scripts/ensure-system-packages ausführen oder das Paket installieren."
    )


class _PdfSlide:
    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        pdf.add_page()

    def text(self, box: _Box, paragraphs: Sequence[str], size: float, colour=TEXT, bold=False, align="left") -> None:
        pdf = self.pdf
        pt = size * _PDF_PT
        pdf.set_font("DejaVu", "B" if bold else "", pt)
        pdf.set_text_color(*_rgb(colour))
        line_height = pt * 0.3528 * 1.25  # pt -> mm, with leading
        pdf.set_xy(box.x * PDF_MM[0], box.y * PDF_MM[1])
        for i, paragraph in enumerate(paragraphs):
            if i:
                pdf.set_y(pdf.get_y() + line_height * 0.4)
            pdf.set_x(box.x * PDF_MM[0])
            pdf.multi_cell(box.w * PDF_MM[0], line_height, paragraph, align="R" if align == "right" else "L")

    def bar(self, box: _Box, colour: str) -> None:
        self.pdf.set_fill_color(*_rgb(colour))
        self.pdf.rect(box.x * PDF_MM[0], box.y * PDF_MM[1], box.w * PDF_MM[0], box.h * PDF_MM[1], style="F")

    def picture(self, png: bytes, box: _Box, alt: str) -> None:
        """The chart as a tagged figure with `alt` as its alternative text; fpdf2 marks the PDF as tagged."""
        f = _fit(png, box, PDF_MM[0] / PDF_MM[1])
        at = (f.x * PDF_MM[0], f.y * PDF_MM[1], f.w * PDF_MM[0], f.h * PDF_MM[1])
        self.pdf.image(io.BytesIO(png), *at, alt_text=alt)

    def notes(self, text: str) -> None:
        """PDF pages carry no speaker notes; the sources slide lists the sources."""


def slides_to_pdf(name: str, slides: Sequence[SlideContent]) -> bytes:
    """PDF of slides already rendered, e.g. those the presentation page holds in its cache."""
    regular, bold = font_files()
    pdf = FPDF(orientation="L", unit="mm", format=(PDF_MM[1], PDF_MM[0]))  # given upright, turned by "L"
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(name)
    pdf.set_author(producer())
    pdf.set_creator("Bildungsmonitor")
    pdf.set_lang(LANGUAGE)
    for item in _prepare(slides):
        _draw(_PdfSlide(pdf), item)
    return bytes(pdf.output())
