"""The file formats of the report and the Steckbriefe, one table each: the page and the command line offer these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bericht import pdf, steckbrief, word
from bericht.inhalt import BerichtInhalt


@dataclass(frozen=True)
class Format:
    label: str  # German, for buttons
    mime: str
    write: Callable


REPORT_FORMATS: dict[str, Format] = {
    "docx": Format(
        "Word (DOCX, bearbeitbar)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        word.to_docx,
    ),
    "pdf": Format("PDF (barrierefrei, getaggt)", "application/pdf", pdf.to_pdf),
}
BRIEF_FORMATS: dict[str, Format] = {
    "pdf": Format("alle Gemeinden in einer PDF", "application/pdf", steckbrief.to_pdf),
    "zip": Format("ZIP mit einer PDF je Gemeinde", "application/zip", steckbrief.to_zip),
    "xlsx": Format(
        "XLSX mit allen Zahlen",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        steckbrief.to_xlsx,
    ),
}


def report_file(content: BerichtInhalt, fmt: str) -> bytes:
    return REPORT_FORMATS[fmt].write(content)


def brief_file(briefs: list[steckbrief.Steckbrief], fmt: str) -> bytes:
    return BRIEF_FORMATS[fmt].write(briefs)
