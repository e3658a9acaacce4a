"""Datenschutz suppression, flag propagation, rankings and comparisons.

The frames here are small hand-made TEST DATA (not statistics), shaped like real results, so each
rule can be seen at work on a handful of rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.comparison import change, difference_to, latest, rank_among
from indicators.model import Direction
from indicators.ratio import finish, ratio
from indicators.suppression import suppress


def result(rows):
    """rows: (region_code, year, category, numerator, denominator)"""
    frame = pd.DataFrame(rows, columns=["region_code", "year", "category", "numerator", "denominator"])
    frame["region_name"] = frame["region_code"]
    frame["level"] = "gemeinde"
    frame["value"] = frame["numerator"] / frame["denominator"] * 100
    frame["status"] = "computed"
    return finish(frame, "test")


def test_counts_of_one_and_two_are_hidden_with_their_numerator_but_zero_is_shown():
    out = suppress(result([("A", 2024, "", 2, 50), ("B", 2024, "", 0, 40), ("C", 2024, "", 7, 60)]))
    a, b, c = (out.set_index("region_code").loc[x] for x in "ABC")
    assert a.status == "suppressed" and np.isnan(a.value) and np.isnan(a.numerator)
    assert "Datenschutz" in a.note
    assert (b.status, b.value) == ("computed", 0.0)
    assert c.value == pytest.approx(7 / 60 * 100)


def test_small_denominator_is_hidden_too():
    out = suppress(result([("A", 2024, "", 0, 2)]))
    assert out.status.iloc[0] == "suppressed"


def test_threshold_is_configurable():
    out = suppress(result([("A", 2024, "", 4, 50)]), threshold=5)
    assert out.status.iloc[0] == "suppressed"


def test_one_hidden_school_of_a_gemeinde_hides_the_smallest_other_one():
    # Gemeinde G, 2024: school 1 has 2 leavers without qualification (primary), schools 2 and 3 have 5 and 9,
    # and the Gemeinde total 16 is published. Without a second cell, 16 − 5 − 9 would reveal school 1.
    rows = [("G", 2024, "Schule 1", 2, 40), ("G", 2024, "Schule 2", 5, 50), ("G", 2024, "Schule 3", 9, 70)]
    rows.append(("G", 2024, "Gemeinde insgesamt", 16, 160))
    out = suppress(result(rows), groups=["region_code", "year"]).set_index("category")
    assert out.loc["Schule 1", "status"] == "suppressed"
    assert out.loc["Schule 2", "status"] == "suppressed" and "Sekundärsperrung" in out.loc["Schule 2", "note"]
    assert out.loc["Schule 3", "status"] == "computed"
    assert out.loc["Gemeinde insgesamt", "status"] == "computed"


def test_two_hidden_cells_need_no_secondary_suppression():
    rows = [("G", 2024, "Schule 1", 1, 40), ("G", 2024, "Schule 2", 2, 50), ("G", 2024, "Schule 3", 9, 70)]
    out = suppress(result(rows), groups=["region_code", "year"]).set_index("category")
    assert list(out["status"]) == ["suppressed", "suppressed", "computed"]


def test_a_secret_input_makes_a_secret_result_never_a_number():
    key = {"region_name": "A", "level": "kreis", "year": 2023}
    num = pd.DataFrame([{"region_code": "A", **key, "num": np.nan, "num_status": "secret"}])
    den = pd.DataFrame([{"region_code": "A", **key, "den": 120.0, "den_status": "ok"}])
    out = ratio(num, den).iloc[0]
    assert out.status == "secret" and np.isnan(out.value) and np.isnan(out.numerator)
    assert out.denominator == 120


def test_a_zero_denominator_gives_no_value_and_says_why():
    key = {"region_name": "A", "level": "kreis", "year": 2023}
    num = pd.DataFrame([{"region_code": "A", **key, "num": 0.0, "num_status": "zero"}])
    den = pd.DataFrame([{"region_code": "A", **key, "den": 0.0, "den_status": "zero"}])
    out = ratio(num, den).iloc[0]
    assert out.status == "missing" and out.note == "Nenner ist 0"


def kreise(values, year=2024):
    rows = [(code, year, "", v, 100) for code, v in values.items()]
    frame = result(rows)
    frame["level"] = "kreis"
    return frame


def test_rank_lower_is_better_with_ties_sharing_the_better_rank():
    frame = kreise({"03451": 5, "03453": 7, "03454": 5, "03460": 9})
    ranks = rank_among(frame, 2024, Direction.LOWER_IS_BETTER, "03").set_index("region_code")["rank"]
    assert ranks.to_dict() == {"03451": 1, "03454": 1, "03453": 3, "03460": 4}


def test_rank_higher_is_better_and_regions_without_value_come_last_unranked():
    frame = kreise({"03451": 5, "03453": 7, "03454": 5})
    frame.loc[frame.region_code == "03454", ["value", "status"]] = [np.nan, "secret"]
    ranking = rank_among(frame, 2024, Direction.HIGHER_IS_BETTER, "03")
    assert list(ranking.region_code) == ["03453", "03451", "03454"]
    assert ranking["rank"].isna().tolist() == [False, False, True] and (ranking["n"] == 2).all()


def test_rank_only_counts_kreise_of_the_land():
    frame = kreise({"03453": 7, "05111": 1})
    assert list(rank_among(frame, 2024, Direction.LOWER_IS_BETTER, "03").region_code) == ["03453"]


def test_difference_to_land_and_change_over_years():
    frame = pd.concat([kreise({"03453": 11.2}), kreise({"03453": 8.3}, year=2023)])
    land = kreise({"03": 8.7})
    land["level"] = "land"
    frame = pd.concat([frame, land])
    assert difference_to(frame, "03453", "03", 2024) == pytest.approx(2.5)
    assert change(frame, "03453", 2024, 1) == pytest.approx(2.9)
    assert change(frame, "03453", 2024, 5) is None
    assert latest(frame, "03453").year == 2024


def test_previous_value_skips_years_without_a_value_and_direction_judges_the_change():
    from indicators.comparison import is_improvement, previous

    frame = pd.concat([kreise({"03453": 11.2}), kreise({"03453": 8.3}, year=2023), kreise({"03453": 4.1}, year=2015)])
    frame.loc[frame.year == 2023, ["value", "status"]] = [np.nan, "secret"]
    assert previous(frame, "03453", 2024).year == 2015  # 2023 is secret, so 2015 is the earlier value
    assert previous(frame, "03453", 2015) is None
    assert is_improvement(7.1, Direction.LOWER_IS_BETTER) is False
    assert is_improvement(-0.7, Direction.LOWER_IS_BETTER) is True
    assert is_improvement(2.5, Direction.HIGHER_IS_BETTER) is True
    assert is_improvement(2.5, Direction.NEUTRAL) is None and is_improvement(0.0, Direction.HIGHER_IS_BETTER) is None
