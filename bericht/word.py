"""The report as DOCX, for the Verwaltung to edit (python-docx).

Everything Word needs to treat it as a real document rather than a picture of one: headings with the
built-in heading styles (the navigation pane and the table of contents follow them), a TOC field,
page numbers as PAGE/NUMPAGES fields, captions with SEQ fields ("Abbildung 3"), tables with a
repeated header row, alternative text on every chart (docPr/@descr, Word's "Alternativtext"), and
German as the language of every style, so spelling and screen readers use German. Word updates the
fields when the file is opened (settings/updateFields); until then the table of contents lists the
chapter headings without page numbers, so the file also reads correctly in viewers that never update.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from bericht.inhalt import Abschnitt, BerichtInhalt, Tabelle

LANGUAGE = "de-DE"
MUTED = RGBColor(0x52, 0x60, 0x6D)  # the dashboard's muted text colour, contrast 6.3:1 on white
TEXT_WIDTH = Cm(16)  # A4 portrait with 2,5 cm margins


def _field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, SEQ …) with `shown` as its text until Word updates it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
            run._r.append(element)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _german(document) -> None:
    """German for every style (spelling, hyphenation, screen readers) and in the document's properties."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia"):
        lang.set(qn(attribute), LANGUAGE)
    document.core_properties.language = LANGUAGE
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def _footer(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Seite ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" von ")
    _field(paragraph, "NUMPAGES", "1")


def _toc(document, content: BerichtInhalt) -> None:
    """A TOC field over heading levels 1–2; its cached text lists the chapters until Word updates it."""
    document.add_paragraph("Inhalt", style="TOC Heading")
    entries = ["Einleitung"] if content.introduction else []
    entries += [c.title for c in content.chapters] + ["Quellen und Lizenzen"]
    first = document.add_paragraph()
    for kind, text in (("begin", None), ("instr", 'TOC \\o "1-2" \\h \\z \\u'), ("separate", None)):
        run = first.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
            run._r.append(element)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    first.add_run(entries[0])
    last = first
    for entry in entries[1:]:
        last = document.add_paragraph(entry)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    last.add_run()._r.append(end)


def _muted(document, text: str, size: float = 9, italic: bool = False) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.color.rgb = MUTED
    run.font.italic = italic
    return paragraph


def _caption(document, kind: str, text: str) -> None:
    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{kind} ")
    _field(paragraph, f"SEQ {kind} \\* ARABIC", "")
    paragraph.add_run(f": {text}")


def _paragraphs(document, text: str) -> None:
    for part in (p.strip() for p in text.split("\n\n")):
        if part:
            document.add_paragraph(part)


def _table(document, table: Tabelle, numbers_from: int = 1) -> None:
    _caption(document, "Tabelle", table.caption)
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeated on each page, and read as header cells by screen readers
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(header.cells, table.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            if i >= numbers_from:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _figure(document, section: Abschnitt) -> None:
    document.add_picture(io.BytesIO(section.png), width=TEXT_WIDTH)
    picture = document.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for doc_pr in picture._p.xpath(".//wp:docPr"):
        doc_pr.set("descr", section.alt)
        doc_pr.set("title", section.caption)
    _caption(document, "Abbildung", section.caption)
    _muted(document, section.source)


def _section(document, section: Abschnitt) -> None:
    document.add_heading(section.title, level=2)
    statement = document.add_paragraph()
    statement.add_run(section.statement).bold = True
    if section.stand:
        stand = document.add_paragraph()
        run = stand.add_run(section.stand)
        run.bold = True
        run.font.color.rgb = RGBColor(0x9A, 0x3B, 0x00)  # dark orange, 6.5:1 on white
    if section.details:
        _muted(document, " · ".join(section.details), size=10)
    if section.png:
        _figure(document, section)
    if section.interpretation:
        _paragraphs(document, section.interpretation)
    _table(document, section.table)
    _muted(document, section.source)
    definition = document.add_paragraph()
    definition.add_run("Definition: ").bold = True
    definition.add_run(section.definition)


def _lines(document, lines: Sequence[str]) -> None:
    for line in lines:
        document.add_paragraph(line, style="List Bullet")


def to_docx(content: BerichtInhalt) -> bytes:
    document = Document()
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.5)
    _german(document)
    document.core_properties.title = content.title
    document.core_properties.author = content.producer
    document.core_properties.subject = content.subtitle
    _footer(document)

    document.add_paragraph(content.title, style="Title")
    document.add_paragraph(content.subtitle, style="Subtitle")
    document.add_paragraph(content.producer)
    _toc(document, content)
    if content.introduction:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading("Einleitung", level=1)
        _paragraphs(document, content.introduction)

    for chapter in content.chapters:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(chapter.title, level=1)
        _paragraphs(document, chapter.text)
        for section in chapter.sections:
            _section(document, section)
        if chapter.goals is not None:
            document.add_heading("Ziele und Zielerreichung", level=2)
            if chapter.goals_note:
                _muted(document, chapter.goals_note, size=10)
            _table(document, chapter.goals, numbers_from=len(chapter.goals.header))
            _muted(document, content.goals_method)

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Quellen und Lizenzen", level=1)
    _lines(document, content.sources)
    document.add_heading("Lizenzen und Namensnennung", level=2)
    _lines(document, content.licences)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
