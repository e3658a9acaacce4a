"""The report and the Steckbriefe as accessible PDF, typeset by Typst through its Python package.

Why Typst (README, „Bildungsbericht“): it runs offline inside the Python process (no LaTeX, no
browser, no LibreOffice), and since 0.14 it writes tagged PDF by default: headings, paragraphs,
lists, tables with header cells, figures with their alternative text, the document language and the
title; with `pdf_standards="ua-1"` it refuses to write a file that breaks PDF/UA-1 (a chart without
alternative text, a missing title). fpdf2, which the decks use, tags only images and text runs, not
headings and tables; WeasyPrint needs Pango and its tagging is experimental; LibreOffice headless is
a 400 MB install and a separate process per document.

Data never becomes markup: the layout (`*.typ` next to this file) reads a JSON file this module
writes, so a name with `#`, `*` or `]` prints as it is.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typst

from bericht.inhalt import BerichtInhalt
from deck.export import font_files

HERE = Path(__file__).resolve().parent
STANDARD = "ua-1"  # PDF/UA-1: tagged, with language, title and alternative texts, or no file at all


def compile_pdf(layout: str, data: dict[str, Any], images: dict[str, bytes]) -> bytes:
    """Typeset `layout` (a .typ file of this package) with `data` as its JSON and `images` by file name."""
    regular, _ = font_files()  # German error when DejaVu Sans is missing
    with tempfile.TemporaryDirectory(prefix="bericht-") as folder:
        root = Path(folder)
        (root / "main.typ").write_text((HERE / layout).read_text(encoding="utf-8"), encoding="utf-8")
        (root / f"{Path(layout).stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, png in images.items():
            (root / name).write_bytes(png)
        return typst.compile(
            str(root / "main.typ"),
            root=str(root),
            font_paths=[str(regular.parent)],
            pdf_standards=STANDARD,
        )


def to_pdf(content: BerichtInhalt) -> bytes:
    data = asdict(content)
    images = {}
    for c, chapter in enumerate(data["chapters"]):
        for s, section in enumerate(chapter["sections"]):
            png = section.pop("png")
            section["image"] = None
            if png:
                section["image"] = f"abbildung_{c}_{s}.png"
                images[section["image"]] = png
    return compile_pdf("bericht.typ", data, images)
