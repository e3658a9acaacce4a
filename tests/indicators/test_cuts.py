"""The cuts the dashboard and the presentation share, on a small hand-made result.

The rows are TEST DATA shaped like a result frame (indicators.model.RESULT_COLUMNS), not statistics:
Cloppenburg (03453), its Gemeinde Barßel (03453001), the Nachbarkreis Vechta (03460), a Kreis
outside the group (Emden, 03402), Niedersachsen (03) and Deutschland (DG), two years each.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from indicators.cuts import cross_section, figure, series, shown_region, years_with_values
from indicators.model import RESULT_COLUMNS


def _row(code, name, level, year, value, status="computed", numerator=None, denominator=None, note=""):
    return {
        "key": "test",
        "region_code": code,
        "region_name": name,
        "level": level,
        "year": year,
        "category": "",
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "status": status,
        "note": note,
    }


@pytest.fixture
def result() -> pd.DataFrame:
    rows = [
        _row("03453", "Cloppenburg, Landkreis", "kreis", 2023, 8.0, numerator=8, denominator=100),
        _row("03453", "Cloppenburg, Landkreis", "kreis", 2024, None, status="secret"),
        _row("03453001", "Barßel", "gemeinde", 2023, 5.0),
        _row("03460", "Vechta, Landkreis", "kreis", 2023, 6.0),
        _row("03460", "Vechta, Landkreis", "kreis", 2024, 7.0),
        _row("03402", "Emden, Kreisfreie Stadt", "kreis", 2024, 9.0),
        _row("03", "Niedersachsen", "land", 2023, 7.5, note="Summe der Kreise"),
        _row("DG", "Deutschland", "bund", 2023, 7.0),
    ]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def test_a_gemeinde_is_shown_by_its_landkreis_only_where_the_indicator_has_no_gemeinde_values():
    assert shown_region(SimpleNamespace(levels=("kreis", "land")), "03453001") == "03453"
    assert shown_region(SimpleNamespace(levels=("gemeinde", "kreis")), "03453001") == "03453001"


def test_a_series_gives_each_region_its_role_and_stops_at_the_chosen_year(result):
    rows = series(result, "03453", group="nachbarn", until=2023)
    roles = dict(zip(rows["region_code"], rows["role"], strict=False))
    assert roles == {"03453": "region", "03": "land", "DG": "bund", "03460": "peer"}
    assert rows["year"].max() == 2023


def test_a_gemeinde_series_is_compared_with_its_own_landkreis_not_with_the_group(result):
    rows = series(result, "03453001", group="nachbarn", references=("land",))
    assert set(zip(rows["region_code"], rows["role"], strict=True)) == {
        ("03453001", "region"),
        ("03453", "peer"),
        ("03", "land"),
    }


def test_a_series_without_a_group_draws_no_comparison_kreise(result):
    assert set(series(result, "03453", group=None)["role"]) == {"region", "land", "bund"}


def test_years_count_only_areas_of_the_level_that_have_a_value(result):
    assert years_with_values(result, "kreise") == [2024, 2023]
    assert years_with_values(result, "gemeinden") == [2023]


def test_a_cross_section_keeps_an_area_without_a_row_as_missing(result):
    areas = pd.DataFrame({"region_code": ["03453", "03460", "03459"], "region_name": ["CLP", "VEC", "OS"]})
    out = cross_section(result, areas, 2024).set_index("region_code")
    assert out.loc["03460", "value"] == 7.0
    assert out.loc["03453", "status"] == "secret" and pd.isna(out.loc["03453", "value"])
    assert out.loc["03459", "status"] == "missing"


def test_the_newest_figure_skips_a_secret_year_and_keeps_counts_and_note(result):
    own = figure(result, "03453", None)
    assert (own.year, own.value, own.numerator, own.denominator) == (2023, 8.0, 8.0, 100.0)
    assert figure(result, "03", 2023).note == "Summe der Kreise"


def test_a_secret_value_is_none_and_a_region_without_rows_keeps_a_name(result):
    secret = figure(result, "03453", 2024)
    assert (secret.value, secret.status) == (None, "secret")
    nothing = figure(result, "DG", 2024)
    assert (nothing.region_name, nothing.status) == ("Deutschland", "missing")
    unknown = figure(result, "03999", None)
    assert (unknown.region_name, unknown.level, unknown.year) == ("03999", "kreis", None)


def test_a_value_older_than_three_years_before_the_newest_in_the_store_gets_a_stand_badge():
    from indicators.cuts import stand_badge

    # newest year 2025: 2022 is 3 years before and still current; 2021 and 2015 are older.
    assert stand_badge(2022, 2025) is None
    assert stand_badge(2021, 2025) == "Stand 2021"
    assert stand_badge(2015, 2025) == "Stand 2015"
    assert stand_badge(None, 2025) is None


def test_a_change_says_how_far_apart_its_years_are():
    from indicators.cuts import since

    assert since(2016, 2025) == "gegenüber 2016 (9 Jahre früher)"
    assert since(2024, 2025) == "gegenüber 2024 (Vorjahr)"


def _school_rows() -> pd.DataFrame:
    """SYNTHETISCH: two schools and a Gemeinde total of the office's own data (invented shares)."""
    rows = [
        _row("03453004", "Cloppenburg", "gemeinde", 2024, 12.5, numerator=8, denominator=64),
        _row("03453004", "Cloppenburg", "gemeinde", 2024, 13.5, numerator=14, denominator=104),
        _row("03453013", "Saterland", "gemeinde", 2024, None, status="suppressed", denominator=19),
    ]
    frame = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    frame["category"] = ["Testschule Nord", "Gemeinde insgesamt", "Testschule Kleinort"]
    return frame


OWN_DATA = SimpleNamespace(levels=("schule", "gemeinde"))


def test_a_schools_values_are_shown_at_its_own_gemeinde_whichever_region_is_chosen():
    schools = _school_rows()
    assert shown_region(OWN_DATA, "03453", schools, "Testschule Nord") == "03453004"
    assert shown_region(OWN_DATA, "03453001", schools, "Testschule Kleinort") == "03453013"
    # The Gemeinde total is the chosen region's own; a Kreis has none in these data.
    assert shown_region(OWN_DATA, "03453", schools, "Gemeinde insgesamt") == "03453"


def test_a_schools_line_goes_by_the_school_not_by_its_gemeinde():
    rows = series(_school_rows(), "03453004", "Testschule Nord", line_name="Testschule Nord")
    assert rows[["region_code", "region_name", "role"]].values.tolist() == [["03453004", "Testschule Nord", "region"]]
