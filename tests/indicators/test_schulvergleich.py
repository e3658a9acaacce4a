"""Schulen im Vergleich: schools side by side, totals computed from them, complete suppression.

The numbers are the SYNTHETIC ones of tests/indicators/schulvergleich_synthetisch.py (its docstring works
them out by hand); the file goes through the real template importer.
"""

from __future__ import annotations

import pandas as pd
import pytest

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
    write,
)

KREIS_CODE = "03453"
LEAVERS = "ohne_abschluss_schule"
NAME = "Landkreis Cloppenburg"


@pytest.fixture(scope="module")
def obs(tmp_path_factory):
    parsed = template.parse(write(tmp_path_factory.mktemp("schulen")))
    frame = parsed.observations.assign(table_code=parsed.table_code)
    frame["year"] = frame["period"].str[:4].astype(int)
    frame["level"] = frame["region_code"].map(level_of)
    return frame


def _line(frame: pd.DataFrame, region: str, kind: str, school: str = "") -> pd.Series:
    rows = frame[(frame["region_code"] == region) & (frame["kind"] == kind)]
    if school:
        rows = rows[rows["category"] == school]
    [index] = rows.index
    return rows.loc[index]


def test_schools_of_the_kreis_with_totals_summed_from_the_schools(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME)
    # Cloppenburg: Nord 7/60 = 11.667 %; Gemeinde 7+2+4 = 13 of 60+40+50 = 150 → 8.667 %
    nord = _line(out, CLOPPENBURG, SCHULE, NORD)
    assert (nord["value"], nord["numerator"], nord["denominator"]) == (pytest.approx(11.6667, abs=1e-4), 7, 60)
    total = _line(out, CLOPPENBURG, GEMEINDE)
    assert (total["value"], total["numerator"], total["denominator"]) == (pytest.approx(8.6667, abs=1e-4), 13, 150)
    # Kreis: 13 + 11 + 1 = 25 of 150 + 100 + 30 = 280 → 8.929 %, named after the Kreis
    kreis = _line(out, KREIS_CODE, KREIS)
    assert (kreis["value"], kreis["numerator"], kreis["denominator"]) == (pytest.approx(8.9286, abs=1e-4), 25, 280)
    assert kreis["region_name"] == NAME and kreis["level"] == "kreis"
    # ordered by Gemeinde (schools by name, then the Gemeinde total), the Kreis last
    assert list(out["kind"]) == [SCHULE] * 3 + [GEMEINDE] + [SCHULE] * 2 + [GEMEINDE, SCHULE, GEMEINDE, KREIS]
    assert list(out.loc[out["kind"] == SCHULE, "category"]) == [NORD, SUED, WEST, MITTE, OST, DORF]


def test_small_counts_are_hidden_and_no_hidden_school_follows_from_a_shown_total(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME)
    hidden = out[out["status"] == "suppressed"]
    # primary: Süd (2), Dorf (1) and Lastrup's total (1); secondary: West (smallest rest of Cloppenburg),
    # Friesoythe's total (smallest Gemeinde total beside Lastrup's), then Mitte (smallest school of Friesoythe)
    assert set(zip(hidden["region_code"], hidden["category"], strict=True)) == {
        (CLOPPENBURG, SUED),
        (CLOPPENBURG, WEST),
        (FRIESOYTHE, MITTE),
        (FRIESOYTHE, "Gemeinde insgesamt"),
        (LASTRUP, DORF),
        (LASTRUP, "Gemeinde insgesamt"),
    }
    assert hidden["value"].isna().all() and hidden["numerator"].isna().all()
    notes = dict(zip(hidden["category"], hidden["note"], strict=True))
    assert notes[SUED].startswith("weniger als 3 Fälle") and notes[WEST].startswith("Sekundärsperrung")
    # every total relation has no hidden cell or at least two
    for region in (CLOPPENBURG, FRIESOYTHE, LASTRUP):
        assert (hidden["region_code"] == region).sum() != 1
    assert (hidden["kind"] == GEMEINDE).sum() == 2


def test_a_gemeinde_shows_its_schools_its_total_and_the_kreis_hidden_as_in_the_kreis_view(obs):
    out = comparison(obs, LEAVERS, 2024, KREIS_CODE, NAME, gemeinde=FRIESOYTHE)
    assert list(zip(out["category"], out["kind"], strict=True)) == [
        (MITTE, SCHULE),
        (OST, SCHULE),
        ("Gemeinde insgesamt", GEMEINDE),
        ("Gemeinde insgesamt", KREIS),
    ]
    # Ost 8/80 = 10 %; Mitte and the Friesoythe total stay hidden, though Friesoythe alone has no small count
    assert list(out["value"].round(3)) == pytest.approx([float("nan"), 10.0, float("nan"), 8.929], nan_ok=True)


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
