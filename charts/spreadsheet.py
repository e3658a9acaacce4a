"""Text cells that a spreadsheet would run as a formula, made harmless before any CSV or XLSX leaves us.

A school or region name such as "=HYPERLINK(…)" or "@SUM(…)" is a formula to Excel and LibreOffice
when the file is opened ("CSV injection"); openpyxl even writes it into an XLSX as a real formula.
OWASP's rule: prefix a text cell that begins with =, +, -, @, tab or carriage return with a single
quote, so it is shown as text. Numbers stay numbers: numeric columns are untouched, and a text cell
that is just a number ("-56", "-" for "genau null") cannot be a formula, so it keeps its spelling.
Every export path (cli.py export/indicator, the CSV and XLSX downloads) calls formula_safe() once.
"""

from __future__ import annotations

import re

import pandas as pd

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$|^-$")


def formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every risky text cell prefixed by "'" (numbers and numeric columns unchanged)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column]):
            continue
        out[column] = out[column].map(_safe_cell)
    out.columns = [_safe_cell(c) for c in out.columns]
    return out


def _safe_cell(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_TRIGGERS) and not _NUMBER.match(cell):
        return "'" + cell
    return cell
