"""SYNTHETISCH: invented schools and counts for the Schulen-im-Vergleich tests, never real statistics.

Landkreis Cloppenburg (03453), school year 2023/24 (= 2024), Abgänge ohne Abschluss / Abgänge.
The schools are shown or hidden as the indicator shows them everywhere (catalogue.evaluate); then
the sums from the schools are suppressed, taking only sums as second cells:

Gemeinde (Schlüssel)  Schule                          ohne/alle  Anteil  gezeigt?
Cloppenburg 03453004  Testschule Nord (synthetisch)     7 / 60    11,7 %  ja
                      Testschule Süd (synthetisch)      2 / 40     5,0 %  nein: 2 < 3 Fälle (primär)
                      Testschule West (synthetisch)     4 / 50     8,0 %  nein: kleinster Rest (sekundär)
                      Summe der Schulen                13 / 150    8,7 %  nein: Summe für Lastrup (sekundär)
Friesoythe 03453007   Testschule Ost (synthetisch)      8 / 80    10,0 %  ja
                      Testschule Mitte (synthetisch)    3 / 20    15,0 %  ja
                      Summe der Schulen                11 / 100   11,0 %  ja (beide Schulen sind ja gezeigt)
Lastrup 03453009      Testschule Dorf (synthetisch)     1 / 30     3,3 %  nein: 1 Fall (primär)
                      Summe der Schulen                 1 / 30     3,3 %  nein: 1 Fall (primär)
Landkreis 03453       Summe aller Schulen              25 / 280    8,9 %  ja

Why Cloppenburg's sum goes: Lastrup's sum is hidden, so the Kreis sum minus the other Gemeinden
would give it back. Friesoythe's sum cannot serve as the second cell (Ost plus Mitte, both shown,
give it anyway), so the other sum goes: Cloppenburg's (13 of 150; its schools Süd and West are
hidden, so it is not known otherwise). Kreis minus Friesoythe leaves Süd + West + Dorf = 7: no
single school follows.

2022/23 (= 2023): only Testschule Nord, 2 of 55 without: school, Gemeinde and Kreis all suppressed.
Absentismus 2023/24: Nord 6 proceedings / 400 pupils = 15,0 je 1.000; Ost 5 / 250 = 20,0;
Kreis 11 / 650 = 16,9 je 1.000; nothing suppressed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from store import build

KREIS = "03453"
CLOPPENBURG, FRIESOYTHE, LASTRUP = "03453004", "03453007", "03453009"
NORD, SUED, WEST, OST, MITTE, DORF = (
    f"Testschule {name} (synthetisch)" for name in ("Nord", "Süd", "West", "Ost", "Mitte", "Dorf")
)
FILE_NAME = "schulvergleich_SYNTHETISCH.csv"
_SOURCE = "SYNTHETISCH, erfundene Testdaten"
_LEAVERS = [  # school year, Gemeinde, school, all leavers, without qualification
    ("2023/24", CLOPPENBURG, NORD, 60, 7),
    ("2023/24", CLOPPENBURG, SUED, 40, 2),
    ("2023/24", CLOPPENBURG, WEST, 50, 4),
    ("2023/24", FRIESOYTHE, OST, 80, 8),
    ("2023/24", FRIESOYTHE, MITTE, 20, 3),
    ("2023/24", LASTRUP, DORF, 30, 1),
    ("2022/23", CLOPPENBURG, NORD, 55, 2),
]
_ABSENCE = [("2023/24", CLOPPENBURG, NORD, 400, 6), ("2023/24", FRIESOYTHE, OST, 250, 5)]


def csv_text() -> str:
    """The office template filled with the synthetic counts above."""
    lines = ["schuljahr;region_code;schule;merkmal;anzahl;quelle"]
    for merkmale, rows in (
        (("abgaenge_insgesamt", "abgaenge_ohne_abschluss"), _LEAVERS),
        (("schueler_insgesamt", "absentismus_verfahren"), _ABSENCE),
    ):
        for schuljahr, gemeinde, school, whole, part in rows:
            lines.append(f"{schuljahr};{gemeinde};{school};{merkmale[0]};{whole};{_SOURCE}")
            lines.append(f"{schuljahr};{gemeinde};{school};{merkmale[1]};{part};{_SOURCE}")
    return "\n".join(lines) + "\n"


def write(folder: Path) -> Path:
    path = folder / FILE_NAME
    path.write_text(csv_text(), encoding="utf-8")
    return path


def store_with_schools(store_db: Path, folder: Path, monkeypatch) -> Path:
    """A private copy of the session store with the synthetic schools imported through the template."""
    copy = folder / "store_schulvergleich.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build, "IMPORTS_DIR", folder / "imports")
    [outcome] = build.import_files(copy, [write(folder)], lambda *_: None)
    assert outcome.error is None, outcome.error
    return copy
