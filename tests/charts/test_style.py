"""Roles, locale and the finishing touches every chart gets."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.style import finish, german_locale, infer_role, title_with_year, with_roles


def test_the_locale_has_a_decimal_comma_and_a_thousands_dot():
    number = german_locale().to_dict()["number"]
    assert number["decimal"] == ","
    assert number["thousands"] == "."


def test_finish_adds_title_source_locale_and_no_view_border():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    spec = finish(chart, "Titel", "Quelle: A\nQuelle: B").to_dict()
    assert spec["title"]["text"] == "Titel"
    assert spec["title"]["subtitle"] == ["Quelle: A", "Quelle: B"]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["view"]["stroke"] is None


def test_presentation_scale_enlarges_the_fonts():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point()
    normal = finish(chart, "T", "Q").to_dict()["config"]
    large = finish(chart, "T", "Q", scale=1.5).to_dict()["config"]
    assert large["title"]["fontSize"] == 1.5 * normal["title"]["fontSize"]
    assert large["axis"]["labelFontSize"] == 1.5 * normal["axis"]["labelFontSize"]


def test_roles_follow_the_codes_when_the_frame_has_none():
    assert [infer_role(c) for c in ["DG", "03", "03453", "03460"]] == ["bund", "land", "region", "peer"]


def test_roles_set_by_the_caller_are_kept():
    frame = pd.DataFrame({"region_code": ["03460", "03454"], "role": ["other", None]})
    assert list(with_roles(frame)["role"]) == ["other", "peer"]


def test_a_single_year_goes_into_the_title():
    assert title_with_year("Abgänge", pd.DataFrame({"year": [2023, 2023]})) == "Abgänge, 2023"
    assert title_with_year("Abgänge", pd.DataFrame({"year": [2022, 2023]})) == "Abgänge"
