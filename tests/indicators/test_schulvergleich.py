"""Schulen im Vergleich: schools side by side, totals computed from them, complete suppression.

The numbers are the SYNTHETIC ones of tests/indicators/schulvergleich_synthetisch.py (its docstring works
them out by hand); the file goes through the real template importer.
"""

from __future__ import annotations

import tempfile
from math import nan
from pathlib import Path

import pandas as pd
import pytest

from indicators.catalogue import evaluate
from indicators.schulvergleich import GEMEINDE, KREIS, SCHULE, all_hidden, comparison, years
from regions.levels import level_of
from store.importers import template
from tests.indicators.schulvergleich_synthetisch import (
    CLOPPENBURG,
    DORF,
    FRIESOYTHE,
    LASTRUP,
    MITTE,
    NORD,
    OST,
    SUED,
    WEST,
    csv_text,
)

KREIS_CODE = "03453"
LEAVERS = "ohne_abschluss_schule"
NAME = "Landkreis Cloppenburg"


def _observations(text: str) -> pd.DataFrame:
    """Observations as the store hands them to indicators, from template text through the real importer."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "SYNTHETISCH.csv"
        path.write_text(text, encoding="utf-8")
        parsed = template.parse(path)
    frame = parsed.observations.assign(table_code=parsed.table_code)
    frame["year"] = frame["period"].str[:4].astype(int)
    frame["level"] = frame["region_code"].map(level_of)
    return frame


@pytest.fixture(scope="module")
def obs():
    return _observations(csv_text())


def _line(frame: pd.DataFrame, region: str, kind: str, school: str = "") -> pd.Series:
    rows = frame[(frame["region_code"] == region) & (frame["kind"] == kind)]
    if school:
        rows = rows[rows["category"] == school]
    [index] = rows.index
    return rows.loc[index]


def test_schools_of_the_kreis_with_totals_summed_from_the_schools(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME)
    # Nord 7/60 = 11.667 %; Friesoythe 8+3 = 11 of 80+20 = 100 → 11 %
    nord = _line(out, CLOPPENBURG, SCHULE, NORD)
    assert (nord["value"], nord["numerator"], nord["denominator"]) == (pytest.approx(11.6667, abs=1e-4), 7, 60)
    total = _line(out, FRIESOYTHE, GEMEINDE)
    assert (total["value"], total["numerator"], total["denominator"]) == (pytest.approx(11.0), 11, 100)
    # Kreis: 13 + 11 + 1 = 25 of 150 + 100 + 30 = 280 → 8.929 %, named after the Kreis
    kreis = _line(out, KREIS_CODE, KREIS)
    assert (kreis["value"], kreis["numerator"], kreis["denominator"]) == (pytest.approx(8.9286, abs=1e-4), 25, 280)
    assert kreis["region_name"] == NAME and kreis["level"] == "kreis"
    # ordered by Gemeinde (schools by name, then the Gemeinde sum), the Kreis last
    assert list(out["kind"]) == [SCHULE] * 3 + [GEMEINDE] + [SCHULE] * 2 + [GEMEINDE, SCHULE, GEMEINDE, KREIS]
    assert list(out.loc[out["kind"] == SCHULE, "category"]) == [NORD, SUED, WEST, MITTE, OST, DORF]


def test_small_counts_are_hidden_and_no_hidden_school_follows_from_a_shown_sum(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME)
    hidden = out[out["status"] == "suppressed"]
    # primary: Süd (2), Dorf (1), Lastrup's sum (1); secondary: West (smallest rest of Cloppenburg's schools),
    # then Cloppenburg's sum for the Kreis (Friesoythe's is known from its two shown schools)
    assert set(zip(hidden["region_code"], hidden["category"], strict=True)) == {
        (CLOPPENBURG, SUED),
        (CLOPPENBURG, WEST),
        (CLOPPENBURG, "Gemeinde insgesamt"),
        (LASTRUP, DORF),
        (LASTRUP, "Gemeinde insgesamt"),
    }
    assert hidden["value"].isna().all() and hidden["numerator"].isna().all()
    notes = dict(zip(hidden["region_code"] + hidden["category"], hidden["note"], strict=True))
    assert notes[CLOPPENBURG + SUED].startswith("weniger als 3 Fälle")
    assert notes[CLOPPENBURG + "Gemeinde insgesamt"] == "Sekundärsperrung: sonst aus der Summe rückrechenbar"
    # every relation (a Gemeinde's schools and sum; the Gemeinde sums and the Kreis) has 0 or at least 2 hidden
    for region in (CLOPPENBURG, FRIESOYTHE, LASTRUP):
        assert (hidden["region_code"] == region).sum() != 1
    assert (hidden["kind"] != SCHULE).sum() == 2


def test_schools_are_shown_and_hidden_exactly_as_the_indicator_shows_them_on_every_other_page(obs):
    # Mitte (3 of 20) is shown by the Indikator page, goals and exports: hiding it here would protect
    # nothing, and a sum built on it as a second cell would give Lastrup's school away.
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME)
    schools = out[out["kind"] == SCHULE].set_index(["region_code", "category"])["status"]
    elsewhere = evaluate(LEAVERS, obs)
    elsewhere = elsewhere[elsewhere["year"] == 2024].set_index(["region_code", "category"])["status"]
    assert schools.to_dict() == elsewhere.reindex(schools.index).to_dict()
    assert schools[(FRIESOYTHE, MITTE)] == "computed"


def test_a_gemeinde_shows_its_schools_its_sum_and_the_kreis_hidden_as_in_the_kreis_view(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME, gemeinde=CLOPPENBURG)
    assert list(zip(out["category"], out["kind"], strict=True)) == [
        (NORD, SCHULE),
        (SUED, SCHULE),
        (WEST, SCHULE),
        ("Gemeinde insgesamt", GEMEINDE),
        ("Gemeinde insgesamt", KREIS),
    ]
    # Nord 11.667 %, Kreis 8.929 %; Cloppenburg's sum stays hidden as in the Kreis view
    assert list(out["value"].round(3)) == pytest.approx([11.667, nan, nan, nan, 8.929], nan_ok=True)


def test_a_sum_equal_to_a_total_the_indicator_hides_stays_hidden():
    # SYNTHETISCH: Garrel (03453008) gives its own total; Barßel's (03453001) total is 1 of 30, so the
    # indicator hides the smallest other Gemeinde total for the Kreis, Garrel's 10 of 150, though two of
    # Garrel's three schools are hidden already. The sum here equals that total and is hidden with it;
    # then the Kreis sum, equal to Garrel's, too.
    rows = [
        ("03453008", "Testschule G1 (synthetisch)", 50, 1),
        ("03453008", "Testschule G2 (synthetisch)", 50, 2),
        ("03453008", "Testschule G3 (synthetisch)", 50, 7),
        ("03453008", "", 150, 10),
        ("03453001", "", 30, 1),
        ("03453010", "", 200, 20),
    ]
    lines = ["schuljahr;region_code;schule;merkmal;anzahl"]
    for region, school, whole, part in rows:
        lines += [
            f"2023/24;{region};{school};abgaenge_insgesamt;{whole}",
            f"2023/24;{region};{school};abgaenge_ohne_abschluss;{part}",
        ]
    out = comparison(_observations("\n".join(lines) + "\n"), LEAVERS, 2024, KREIS_CODE, NAME)
    assert list(zip(out["category"], out["status"], strict=True)) == [
        ("Testschule G1 (synthetisch)", "suppressed"),
        ("Testschule G2 (synthetisch)", "suppressed"),
        ("Testschule G3 (synthetisch)", "computed"),
        ("Gemeinde insgesamt", "suppressed"),
        ("Gemeinde insgesamt", "suppressed"),
    ]


def test_a_year_whose_every_line_is_suppressed_is_recognised(obs):
    out = comparison(obs, LEAVERS, 2023, KREIS_CODE, NAME)
    # 2022/23: Nord alone with 2 of 55: school, Gemeinde and Kreis carry the same 2 → all hidden
    assert list(out["kind"]) == [SCHULE, GEMEINDE, KREIS]
    assert all_hidden(out)
    assert not all_hidden(comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME))


def test_absenteeism_per_1000_pupils_per_school_and_kreis(obs):
    out = comparison(obs, "absentismus_je_1000", 2024, KREIS_CODE, NAME)
    # Nord 6/400 × 1000 = 15; Ost 5/250 × 1000 = 20; Kreis 11/650 × 1000 = 16.923
    assert _line(out, CLOPPENBURG, SCHULE, NORD)["value"] == pytest.approx(15.0)
    assert _line(out, FRIESOYTHE, SCHULE, OST)["value"] == pytest.approx(20.0)
    assert _line(out, KREIS_CODE, KREIS)["value"] == pytest.approx(16.923, abs=1e-3)
    assert (out["status"] == "computed").all()


def test_years_newest_first_and_nothing_for_another_kreis(obs):
    assert years(obs, LEAVERS, KREIS_CODE) == [2024, 2023]
    assert years(obs, "absentismus_je_1000", KREIS_CODE) == [2024]
    assert years(obs, LEAVERS, "03460") == []
    assert comparison(obs, LEAVERS, 2024, "03460", "Landkreis Vechta").empty


def test_a_school_with_only_one_of_the_two_counts_is_left_out_of_line_and_totals(obs):
    # SYNTHETISCH: a fourth Cloppenburg school that reported its leavers but not those without a qualification
    extra = obs[(obs["dimensions"] == f"abgaenge_insgesamt | {NORD}") & (obs["year"] == 2024)]
    extra = extra.assign(dimensions="abgaenge_insgesamt | Testschule Extra (synthetisch)", value=500.0)
    out = comparison(pd.concat([obs, extra]), LEAVERS, 2024, KREIS_CODE, NAME)
    assert "Testschule Extra (synthetisch)" not in set(out["category"])
    assert _line(out, CLOPPENBURG, GEMEINDE)["denominator"] == 150
