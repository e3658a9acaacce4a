"""The sources' symbols, read into the one status vocabulary (indicators.status).

Sources print special symbols instead of numbers. We map each one to a status of our own and keep the
raw symbol too, so a page can explain the cell and nobody ever reads a secret as 0.
"""

from __future__ import annotations

from indicators.status import MISSING, NOT_APPLICABLE, OK, PENDING, SECRET, UNCERTAIN, ZERO

# GENESIS (classic table CSV and ffcsv) and BA symbols; '-' is the only symbol that means a number.
_SYMBOLS = {
    "-": (0.0, ZERO),
    ".": (None, SECRET),
    "*": (None, SECRET),
    "x": (None, NOT_APPLICABLE),
    "/": (None, UNCERTAIN),
    "...": (None, PENDING),
    "": (None, MISSING),
}


def read_cell(raw: str) -> tuple[float | None, str] | None:
    """Return (value, status) for a cell as printed, or None when it is neither a number nor a symbol.

    Numbers may use a decimal comma ("4,8"); thousands separators do not occur in GENESIS CSV exports.
    """
    text = raw.strip()
    if text in _SYMBOLS:
        return _SYMBOLS[text]
    number = text.replace(",", ".")
    try:
        return float(number), OK
    except ValueError:
        return None
