"""SYNTHETIC school data (invented counts, never real statistics) for goals set for a school.

"Testschule A" in the town of Cloppenburg (03453004), school years 2019/20–2023/24 (years 2020–2024): 50 leavers a
year, of whom 10, 9, 8, 7, 6 leave without a qualification -> 20, 18, 16, 14, 12 %. Every count is at
least 3, so nothing is suppressed. A goal of 3,0 % in 2027: mean change (12 − 20) / 4 = −2 a year,
projection 12 − 2 × 3 = 6,0 %, deviation |3 − 6| / |3 − 12| = 33,3 % -> bewoelkt ("deutlich verfehlt").
"""

from __future__ import annotations

import shutil
from pathlib import Path

from store import build

SCHOOL = "Testschule A"
GEMEINDE = "03453004"
_WITHOUT = {2020: 10, 2021: 9, 2022: 8, 2023: 7, 2024: 6}


def school_file(folder: Path) -> Path:
    """The office template filled with the synthetic counts above."""
    lines = ["schuljahr;region_code;schule;merkmal;anzahl;quelle"]
    for year, without in _WITHOUT.items():
        schuljahr = f"{year - 1}/{str(year)[2:]}"
        lines.append(f"{schuljahr};{GEMEINDE};{SCHOOL};abgaenge_insgesamt;50;synthetische Testdaten")
        lines.append(f"{schuljahr};{GEMEINDE};{SCHOOL};abgaenge_ohne_abschluss;{without};synthetische Testdaten")
    path = folder / "synthetische_schuldaten.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def store_with_school(store_db: Path, folder: Path, monkeypatch) -> Path:
    """A private copy of the session store with the synthetic school imported through the template."""
    copy = folder / "store_schule.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build, "IMPORTS_DIR", folder / "imports")
    [outcome] = build.import_files(copy, [school_file(folder)], lambda *_: None)
    assert outcome.error is None, outcome.error
    return copy
