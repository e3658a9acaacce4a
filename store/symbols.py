"""One vocabulary for the value flags of every source.

Sources print special symbols instead of numbers. We map each one to a status of our own and keep the
raw symbol too, so a page can explain the cell and nobody ever reads a secret as 0.
"""

from __future__ import annotations

# Our statuses. `ok` and `zero` carry a number; every other status has value NULL.
OK = "ok"
ZERO = "zero"
SECRET = "secret"
NOT_APPLICABLE = "not_applicable"
UNCERTAIN = "uncertain"
PENDING = "pending"
MISSING = "missing"
UNPUBLISHED_OR_ZERO = "unpublished_or_zero"

# German legend for the UI and exports, one sentence per status.
LEGEND = {
    OK: "Wert vorhanden",
    ZERO: "nichts vorhanden (genau null), Quelle: „-“",
    SECRET: "Zahlenwert unbekannt oder geheim zu halten (Quelle: „.“ bzw. BA „*“)",
    NOT_APPLICABLE: "Tabellenfach gesperrt, weil Aussage nicht sinnvoll (Quelle: „x“)",
    UNCERTAIN: "keine Angabe, da Zahlenwert nicht sicher genug (Quelle: „/“)",
    PENDING: "Angabe fällt später an (Quelle: „...“)",
    MISSING: "kein Wert in der Quelle (leeres Feld)",
    UNPUBLISHED_OR_ZERO: "nicht veröffentlicht oder null (BA nach Berufsgruppen: „-“, „*“ und „x“ nicht "
    "unterscheidbar); Summen darüber sind Untergrenzen",
}

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
