"""The Wettersymbole assessment, each category worked out by hand (the numbers are invented, not real)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.model import Break, Direction
from indicators.zielerreichung import assess, window

LOWER, HIGHER, NEUTRAL = Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER, Direction.NEUTRAL


def _values(first_year: int, *values: float) -> pd.DataFrame:
    return pd.DataFrame({"year": range(first_year, first_year + len(values)), "value": values})


def test_the_issues_worked_example_is_bewoelkt_with_projection_6_7_and_deviation_28_percent():
    # 2019–2024: 10.0 … 8.5; change (8.5 − 10.0) / 5 = −0.3 a year; 2030: 8.5 − 0.3 × 6 = 6.7;
    # deviation |6.0 − 6.7| / |6.0 − 8.5| = 0.7 / 2.5 = 28 % > 20 and the change is downwards (good).
    result = assess(_values(2019, 10.0, 9.8, 9.4, 9.3, 9.0, 8.5), LOWER, 6.0, 2030)
    assert result.bewertung.key == "bewoelkt"
    assert result.label == "☁ deutlich verfehlt"
    assert result.mittlere_aenderung == pytest.approx(-0.3)
    assert result.projektion == pytest.approx(6.7)
    assert result.abweichung_prozent == pytest.approx(28.0)
    assert (result.letztes_jahr, result.letzter_wert, result.jahre) == (2024, 8.5, tuple(range(2019, 2025)))


def test_a_projection_that_passes_the_target_is_sonne():
    # 10 → 8.5 in 2021–2024: −0.5 a year; 2030: 8.5 − 3.0 = 5.5, below the target 6.0 (lower is better).
    result = assess(_values(2021, 10.0, 9.5, 9.0, 8.5), LOWER, 6.0, 2030)
    assert result.bewertung.key == "sonne"
    assert result.projektion == pytest.approx(5.5)


def test_a_deviation_below_5_percent_is_sonne():
    # higher is better; 50 → 59 over 2019–2024 (6 years): +1.8 a year; 2027: 59 + 5.4 = 64.4;
    # target 64.6: |64.6 − 64.4| / |64.6 − 59| = 0.2 / 5.6 = 3.57 % < 5 -> sonne.
    result = assess(_values(2019, 50.0, 52.0, 54.0, 55.0, 57.0, 59.0), HIGHER, 64.6, 2027)
    assert result.bewertung.key == "sonne"
    assert result.abweichung_prozent == pytest.approx(0.2 / 5.6 * 100)


def test_a_deviation_between_5_and_20_percent_is_leicht_bewoelkt():
    # 50 → 59 (+1.8 a year), 2026: 62.6; target 63: 0.4 / 4 = 10 %.
    result = assess(_values(2019, 50.0, 52.0, 54.0, 55.0, 57.0, 59.0), HIGHER, 63.0, 2026)
    assert result.bewertung.key == "leicht_bewoelkt"
    assert result.label == "☀☁ leicht verfehlt"
    assert result.abweichung_prozent == pytest.approx(10.0)


def test_a_change_in_the_wrong_direction_is_gewitter():
    # lower is better but 8.0 → 8.6 over 2021–2024: +0.2 a year; 2030: 8.6 + 1.2 = 9.8;
    # |6 − 9.8| / |6 − 8.6| = 3.8 / 2.6 = 146 %.
    result = assess(_values(2021, 8.0, 8.2, 8.4, 8.6), LOWER, 6.0, 2030)
    assert result.bewertung.key == "gewitter"
    assert result.label == "⚡ falsche Richtung"
    assert result.abweichung_prozent == pytest.approx(3.8 / 2.6 * 100)


def test_no_change_at_all_is_gewitter():
    # flat 8.0: projection 8.0, deviation |6 − 8| / |6 − 8| = 100 %, and no change in the right direction.
    result = assess(_values(2021, 8.0, 8.0, 8.0, 8.0), LOWER, 6.0, 2030)
    assert result.bewertung.key == "gewitter"
    assert result.abweichung_prozent == pytest.approx(100.0)


def test_fewer_than_four_consecutive_years_are_nicht_bewertbar_with_the_reason():
    # 2015 then 2023 and 2024: only the last two are consecutive (as the leavers' series in the store).
    values = pd.DataFrame({"year": [2014, 2015, 2023, 2024], "value": [9.0, 8.0, 8.3, 11.2]})
    result = assess(values, LOWER, 6.0, 2030)
    assert result.bewertung.key == "nicht_bewertbar"
    assert result.label == "– nicht bewertbar"
    assert (
        result.grund == "nur 2 aufeinanderfolgende Jahreswerte (2023–2024); für eine Bewertung braucht es mindestens 4"
    )
    assert (result.letztes_jahr, result.letzter_wert, result.projektion) == (2024, 11.2, None)


def test_no_values_at_all_are_nicht_bewertbar():
    result = assess(pd.DataFrame({"year": [], "value": []}), LOWER, 6.0, 2030)
    assert result.bewertung.key == "nicht_bewertbar"
    assert result.grund == "keine Werte im Datenbestand"


def test_a_latest_value_that_already_meets_the_target_is_sonne_even_if_the_trend_is_bad():
    # lower is better, 5.0 → 5.6 (worse), but 5.6 is already below the target 6.0.
    result = assess(_values(2021, 5.0, 5.2, 5.4, 5.6), LOWER, 6.0, 2030)
    assert result.bewertung.key == "sonne"
    assert result.grund == "Zielwert bereits erreicht"


def test_a_neutral_indicator_heads_for_its_target_from_the_latest_value():
    # neutral; 20 → 23 over 2021–2024 (+1 a year); target 30 lies above 23, so rising is good;
    # 2028: 23 + 4 = 27; |30 − 27| / |30 − 23| = 3 / 7 = 42.9 % > 20, rising -> bewoelkt.
    rising = assess(_values(2021, 20.0, 21.0, 22.0, 23.0), NEUTRAL, 30.0, 2028)
    assert rising.bewertung.key == "bewoelkt"
    assert rising.abweichung_prozent == pytest.approx(300 / 7)
    # the same values with a target of 15 below them: rising is the wrong way.
    assert assess(_values(2021, 20.0, 21.0, 22.0, 23.0), NEUTRAL, 15.0, 2028).bewertung.key == "gewitter"


def test_the_window_takes_at_most_six_consecutive_years_ending_at_the_latest():
    values = _values(2010, *range(15))  # 2010–2024
    assert list(window(values)["year"]) == list(range(2019, 2025))
    # a year without a value ends the run: 2020 missing leaves 2021–2024
    gappy = values[values["year"] != 2020]
    assert list(window(gappy)["year"]) == [2021, 2022, 2023, 2024]


def test_a_declared_data_break_inside_the_window_is_named():
    result = assess(_values(2019, 10.0, 9.8, 9.4, 9.3, 9.0, 8.5), LOWER, 6.0, 2030, [Break(2024, "neue Bezeichnung")])
    assert result.bruch == "Datenbruch 2024: neue Bezeichnung"
    assert result.bruch_jahre == (2024,)
    # a break before the window is not named
    assert assess(_values(2019, 10.0, 9.8, 9.4, 9.3), LOWER, 6.0, 2030, [Break(2015, "alt")]).bruch == ""
