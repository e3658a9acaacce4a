"""INKAR's region keys → the official ones, one rule for the CSV extracts (inkar_csv) and the Excel exports
(inkar_excel).

INKAR writes each row's level beside its key (CSV column "raumbezug", Excel column "Aggregat"), and the
level decides the form the key must have: a key that does not fit its level, or a level we do not
know, refuses the file with the line, instead of storing a value under a wrong region. INKAR's Bund
keys ("111"; in Excel also "0" or "DG") become "DG"; Kreise given as AGS + "000" (the CSV extracts)
become the five-digit Kreisschlüssel; Länder (2 digits) and Gemeinden (8-digit AGS) stay as they are.
"""

from __future__ import annotations

import re

import pandas as pd

from regions.levels import BUND
from store.errors import ImportFehler


def official_codes(frame: pd.DataFrame, level_column: str, forms: dict[str, re.Pattern], name: str) -> pd.Series:
    """The official key of each row of `frame` (columns `level_column`, "kennziffer"/"Kennziffer", "line")."""
    key_column = next(c for c in frame.columns if c.lower() == "kennziffer")
    keys = frame[key_column].astype(str).str.strip()
    levels = frame[level_column]
    label = level_column.capitalize()
    unknown = ~levels.isin(forms)
    if unknown.any():
        first = frame[unknown].iloc[0]
        raise ImportFehler(
            name,
            f"{label} „{first[level_column]}“ wird nicht unterstützt (erwartet: {', '.join(forms)}).",
            int(first.line),
        )
    for level, form in forms.items():
        bad = (levels == level) & ~keys.str.match(form)
        if bad.any():
            first = frame[bad].iloc[0]
            raise ImportFehler(
                name, f"Kennziffer „{first[key_column]}“ passt nicht zum {label} „{level}“.", int(first.line)
            )
    keys = keys.where(levels != "Kreise", keys.str[:5])
    return keys.where(levels != "Bund", BUND)
