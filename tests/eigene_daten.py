"""SYNTHETISCH: an own-data file as a new user fills in the template; invented schools and counts, never real.

56 values for school years 2020/21–2023/24 (years 2021–2024), written by `synthetic_file` and imported
through the real template importer by the tests that need them:

Cloppenburg (03453004), two schools and the Gemeinde total (= their sum):
    year                    2021  2022  2023  2024
    Testschule Nord leavers   60    62    58    64   without qualification  6   5   7   8
    Testschule Süd  leavers   40    42    44    40   without qualification  4   3   5   6
    Gemeinde total  leavers  100   104   102   104   without qualification 10   8  12  14
    -> Nord 10,0 %  8,1 %  12,1 %  12,5 %;  Süd 10,0 %  7,1 %  11,4 %  15,0 %;  total 10,0 %  7,7 %  11,8 %  13,5 %
    pupils: Nord 500, Süd 300 each year; absenteeism proceedings Nord 10 12 9 15, Süd 3 4 5 6
    -> Nord 20,0  24,0  18,0  30,0 je 1.000;  Süd 10,0  13,3  16,7  20,0 je 1.000
Saterland (03453013), one small school, no Gemeinde total:
    Testschule Kleinort leavers 20 18 22 19, without qualification 1 2 1 2: every share rests on fewer than
    3 cases and is suppressed; pupils 150, proceedings 0 1 0 2: 2021 and 2023 show 0,0, 2022 and 2024 suppressed.

Nothing here is a Kreis total: own data have no value for a Kreis, Niedersachsen or Deutschland.
"""

from __future__ import annotations

from pathlib import Path

NORD = "Testschule Nord (synthetisch)"
SUED = "Testschule Süd (synthetisch)"
KLEINORT = "Testschule Kleinort (synthetisch)"
CLOPPENBURG = "03453004"
SATERLAND = "03453013"
YEARS = (2021, 2022, 2023, 2024)

# (region, school, merkmal) -> counts for YEARS; "" is the Gemeinde total
_COUNTS = {
    (CLOPPENBURG, NORD, "abgaenge_insgesamt"): (60, 62, 58, 64),
    (CLOPPENBURG, NORD, "abgaenge_ohne_abschluss"): (6, 5, 7, 8),
    (CLOPPENBURG, NORD, "schueler_insgesamt"): (500, 500, 500, 500),
    (CLOPPENBURG, NORD, "absentismus_verfahren"): (10, 12, 9, 15),
    (CLOPPENBURG, SUED, "abgaenge_insgesamt"): (40, 42, 44, 40),
    (CLOPPENBURG, SUED, "abgaenge_ohne_abschluss"): (4, 3, 5, 6),
    (CLOPPENBURG, SUED, "schueler_insgesamt"): (300, 300, 300, 300),
    (CLOPPENBURG, SUED, "absentismus_verfahren"): (3, 4, 5, 6),
    (CLOPPENBURG, "", "abgaenge_insgesamt"): (100, 104, 102, 104),
    (CLOPPENBURG, "", "abgaenge_ohne_abschluss"): (10, 8, 12, 14),
    (SATERLAND, KLEINORT, "abgaenge_insgesamt"): (20, 18, 22, 19),
    (SATERLAND, KLEINORT, "abgaenge_ohne_abschluss"): (1, 2, 1, 2),
    (SATERLAND, KLEINORT, "schueler_insgesamt"): (150, 150, 150, 150),
    (SATERLAND, KLEINORT, "absentismus_verfahren"): (0, 1, 0, 2),
}
VALUES = sum(len(counts) for counts in _COUNTS.values())  # 56


def synthetic_text() -> str:
    """The file's content: the template's columns, one count per line, the source saying it is synthetic."""
    lines = ["schuljahr;region_code;schule;merkmal;anzahl;quelle"]
    for (region, school, merkmal), counts in _COUNTS.items():
        for year, count in zip(YEARS, counts, strict=True):
            lines.append(f"{year - 1}/{str(year)[2:]};{region};{school};{merkmal};{count};SYNTHETISCH, Testdaten")
    return "\n".join(lines) + "\n"


def synthetic_file(folder: Path) -> Path:
    """Write the file as `schuldaten_synthetisch.csv` into `folder`."""
    path = folder / "schuldaten_synthetisch.csv"
    path.write_text(synthetic_text(), encoding="utf-8")
    return path
