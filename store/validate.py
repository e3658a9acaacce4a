"""Checks every parsed file passes before anything is written, whatever its format.

Importers know their layout; this module knows what no official or office table can contain, so
the rules exist once and every importer (including ones added later) gets them through
store.load.load_table(). Each refusal is a German ImportFehler naming the file and the first bad
line, raised before the transaction starts, so the store stays exactly as it was.

Why these limits:
- Counts (unit "Anzahl") are never negative and at most MAX_COUNT, and they are whole numbers
  unless the importer declares averages (ParsedTable.whole_counts = False, the BA's annual means).
  A "1.234" in a count column is a German thousands separator read as a decimal point: refusing it
  is the only safe reading. SOURCE_NEGATIVES lists the only negative counts an official download
  really prints; they are kept as printed, every other negative count is refused.
- Any value must be finite and below MAX_VALUE: "1e308", "inf" or "NaN" in a file are errors of
  the export or of a hand edit, never statistics.
- Number cells are ASCII: Python reads "٤٠" (Arabic-Indic digits) and "1_000" as numbers, no
  statistical office writes them.
- Periods lie between FIRST_YEAR and next year and are real calendar dates; a Stand date is real
  and not in the future.
- Region keys follow the AGS: DG for the Bund, otherwise a Land part 01–16.
- Keys, names and labels contain no control characters (a NUL byte once renamed a Kreis).
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from indicators.status import OK, ZERO
from regions.levels import BUND, REGION_KEY
from store.errors import ImportFehler
from store.importers.model import ParsedTable

# Germany has about 84 million inhabitants; no count of people, places or cases can exceed this.
MAX_COUNT = 100_000_000
# Money tables print Tsd. or Mill. EUR; a trillion of anything is no value of these tables.
MAX_VALUE = 1e12
# The oldest series in the bundled files starts in 1995; the Regionalstatistik has nothing before 1950.
FIRST_YEAR = 1950
COUNT_UNIT = "Anzahl"
# (table, region, period, dimensions, cell) of negative counts printed in official downloads:
# 21111-02-06-4 (Stand 24.02.2018) prints negative female leavers with Fachhochschulreife for two
# Hessian Kreise in 1995. They are the source's figures; we keep them rather than refuse the table.
SOURCE_NEGATIVES = {
    ("21111-02-06-4", "06432", "1995", "Schulabschluss | mit Fachhochschulreife | weiblich", "-56"),
    ("21111-02-06-4", "06631", "1995", "Schulabschluss | mit Fachhochschulreife | weiblich", "-21"),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_NOT_ASCII_NUMBER = re.compile(r"[^\x00-\x7f]|\d_\d", re.ASCII)
_TEXT_COLUMNS = {
    "region_code": "Regionalschlüssel",
    "region_name": "Regionsname",
    "dimensions": "Merkmal",
    "unit": "Einheit",
    "raw_symbol": "Wert",
}


def validate(parsed: ParsedTable, file_name: str, today: date | None = None) -> None:
    """Raise ImportFehler for the first value no real table can hold; return None when all is well."""
    today = today or date.today()
    obs = parsed.observations
    if obs.empty:
        raise ImportFehler(file_name, "die Datei enthält keine Datenzeilen, nur Kopf- oder Leerzeilen.")
    _check_stand(parsed.stand, file_name, today)
    _check_text(obs, file_name)
    _check_region_keys(obs, file_name)
    _check_periods(obs, file_name, today)
    _check_values(obs, file_name, parsed.table_code, parsed.whole_counts)


def _fail(obs: pd.DataFrame, bad: pd.Series, file_name: str, message) -> None:
    """Raise for the first row (by line) where `bad` holds; `message` builds the text from that row."""
    if bad.any():
        first = obs[bad].sort_values("line", kind="stable").iloc[0]
        raise ImportFehler(file_name, message(first), int(first["line"]))


def _check_stand(stand: date | None, file_name: str, today: date) -> None:
    if stand is not None and not (date(FIRST_YEAR, 1, 1) <= stand <= today):
        raise ImportFehler(
            file_name, f"das Stand-Datum {stand:%d.%m.%Y} ist unmöglich (vor {FIRST_YEAR} oder in der Zukunft)."
        )


def _check_text(obs: pd.DataFrame, file_name: str) -> None:
    for column, label in _TEXT_COLUMNS.items():
        text = obs[column].astype(str)
        _fail(
            obs,
            text.str.contains(_CONTROL),
            file_name,
            lambda row, label=label, column=column: (
                f"{label} „{_CONTROL.sub('?', str(row[column]))[:60]}“ enthält Steuerzeichen "
                "(z. B. ein Null-Byte); bitte die Originaldatei verwenden."
            ),
        )


def _check_region_keys(obs: pd.DataFrame, file_name: str) -> None:
    codes = obs["region_code"].astype(str)
    land = pd.to_numeric(codes.str[:2].where(codes.str.match(r"^\d{2}", na=False)), errors="coerce")
    valid = (codes == BUND) | (codes.str.match(REGION_KEY, na=False) & land.between(1, 16))
    _fail(
        obs,
        ~valid,
        file_name,
        lambda row: (
            f"den Regionalschlüssel „{row.region_code}“ gibt es nicht (erwartet DG oder einen Schlüssel, "
            "dessen erste zwei Ziffern ein Land 01–16 nennen)."
        ),
    )


def _check_periods(obs: pd.DataFrame, file_name: str, today: date) -> None:
    periods = obs["period"].astype(str)
    parts = periods.str.extract(_PERIOD)
    year = pd.to_numeric(parts[0], errors="coerce")
    ok = year.between(FIRST_YEAR, today.year + 1)
    dated = parts[1].notna()
    for period in periods[ok & dated].unique():
        year_, month, day = parts[periods == period].iloc[0]
        try:
            date(int(year_), int(month), int(day) if isinstance(day, str) else 1)
        except ValueError:
            ok &= periods != period
    _fail(
        obs,
        ~ok,
        file_name,
        lambda row: (
            f"der Zeitraum „{row.period}“ ist unmöglich (kein Kalenderdatum oder ein Jahr außerhalb "
            f"{FIRST_YEAR}–{today.year + 1})."
        ),
    )


def _check_values(obs: pd.DataFrame, file_name: str, table_code: str, whole_counts: bool) -> None:
    value = pd.to_numeric(obs["value"], errors="coerce").astype("float64")
    carries = obs["status"].isin([OK, ZERO])
    raw = obs["raw_symbol"].astype(str)
    _fail(
        obs,
        carries & raw.str.contains(_NOT_ASCII_NUMBER),
        file_name,
        lambda row: f"„{row.raw_symbol[:40]}“ ist keine Zahl in der Schreibweise der Quellen (Ziffern 0–9).",
    )
    _fail(
        obs,
        carries & ~(value.abs() <= MAX_VALUE),  # also true for NaN and ±inf
        file_name,
        lambda row: f"der Wert „{row.raw_symbol[:40]}“ ist keine endliche Zahl in plausibler Größe.",
    )
    count = carries & (obs["unit"] == COUNT_UNIT)
    negative = value < 0
    if negative.any():
        printed = obs[negative][["region_code", "period", "dimensions", "raw_symbol"]].itertuples(index=False)
        known = [(table_code, *cells) in SOURCE_NEGATIVES for cells in printed]
        negative[negative] = ~pd.Series(known, index=negative[negative].index, dtype=bool)
    fraction = (value != value.round()) if whole_counts else pd.Series(False, index=obs.index)
    _fail(
        obs,
        count & (negative | fraction | (value > MAX_COUNT)),
        file_name,
        lambda row: (
            f"„{row.raw_symbol[:40]}“ ist keine mögliche Anzahl (erwartet eine {'ganze ' if whole_counts else ''}"
            f"Zahl von 0 bis {MAX_COUNT:,}; Tausenderpunkte bitte weglassen).".replace(",", ".")
        ),
    )
