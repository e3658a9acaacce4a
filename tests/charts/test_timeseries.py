"""The time series and the sparkline: highlight, reference lines, gaps and breaks."""

from __future__ import annotations

import json

from charts.style import BUND, HIGHLIGHT, LAND
from charts.timeseries import sparkline, time_series, year_ticks
from tests.charts.specs import mark_type, rows_of, scale_map, units

BREAKS = [(2020, "G9-Rückkehr: kein Abiturjahrgang"), (2024, "neue Abschlussbezeichnungen")]


def _line(spec):
    return next((u, d) for u, d in units(spec) if mark_type(u) == "line")


def test_the_highlight_colour_belongs_to_cloppenburg_only(series, ohne_hsa):
    spec = time_series(series, ohne_hsa).to_dict()
    unit, data = _line(spec)
    colour_of = scale_map(unit["encoding"]["color"])
    assert [label for label, colour in colour_of.items() if colour == HIGHLIGHT] == ["Cloppenburg"]
    highlighted = {r["region_code"] for r in rows_of(spec, data) if r["legend"] == "Cloppenburg"}
    assert highlighted == {"03453"}


def test_land_and_bund_are_dashed_references(series, ohne_hsa):
    unit, _ = _line(time_series(series, ohne_hsa).to_dict())
    colour = scale_map(unit["encoding"]["color"])
    dash = scale_map(unit["encoding"]["strokeDash"])
    assert colour["Niedersachsen"] == LAND and colour["Deutschland"] == BUND
    assert dash["Cloppenburg"] == [1, 0]
    assert dash["Niedersachsen"] != [1, 0] and dash["Deutschland"] != [1, 0]
    assert colour["Vergleichskreise"] not in (HIGHLIGHT, LAND, BUND)


def test_a_secret_year_is_a_gap_not_a_zero(series, ohne_hsa):
    spec = time_series(series, ohne_hsa).to_dict()
    unit, data = _line(spec)
    secret = next(r for r in rows_of(spec, data) if r["region_code"] == "03453" and r["year"] == 2022)
    assert secret["value"] is None
    assert secret["value_text"] == "geheim"
    for view, _ in units(spec):
        if mark_type(view) in ("line", "circle"):
            assert view["mark"]["invalid"].startswith("break-paths")  # "show" would draw null at 0
    assert "invalid" not in spec["config"].get("scale", {})


def test_tooltips_are_german(series, ohne_hsa):
    spec = time_series(series, ohne_hsa).to_dict()
    point, data = next((u, d) for u, d in units(spec) if mark_type(u) == "circle")
    titles = [t["title"] for t in point["encoding"]["tooltip"]]
    assert titles == ["Region", "Jahr", "Wert", "Zähler/Nenner", "Status"]
    clp_2023 = next(r for r in rows_of(spec, data) if r["region_code"] == "03453" and r["year"] == 2023)
    assert clp_2023["value_text"] == "8,3 %"
    assert clp_2023["counts_text"] == "163 von 1.967"


def test_years_are_not_grouped_with_a_thousands_dot(series, ohne_hsa):
    unit, _ = _line(time_series(series, ohne_hsa).to_dict())
    assert unit["encoding"]["x"]["axis"]["format"] == "d"


def test_each_data_break_gets_a_rule_and_a_label(series, ohne_hsa):
    spec = time_series(series, ohne_hsa, breaks=BREAKS).to_dict()
    rules = [r for u, d in units(spec) if mark_type(u) == "rule" for r in rows_of(spec, d)]
    assert sorted((r["year"], r["label"]) for r in rules) == sorted(BREAKS)
    labels = [u for u, _ in units(spec) if mark_type(u) == "text" and u["encoding"]["text"]["field"] == "label"]
    # Above the plot (negative y), one line apart, so they never cover the points of the break years.
    assert sorted(u["encoding"]["y"]["value"] for u in labels) == [-4 - 13.0, -4]


def test_the_year_axis_always_shows_the_newest_year_and_no_year_twice():
    assert year_ticks(range(1995, 2025)) == [1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert year_ticks([2023, 2024]) == [2023, 2024]  # not "2023 · 2024 · 2024"
    assert year_ticks(range(1995, 2022)) == [1995, 2000, 2005, 2010, 2015, 2021]  # 2020 would crowd 2021


def test_the_chart_describes_itself_in_german_with_the_newest_values(series, ohne_hsa):
    spec = time_series(series, ohne_hsa).to_dict()
    # Cloppenburg 2023: 163 / 1,967 = 8.29 % -> "8,3 %"; Niedersachsen 7.67 -> "7,7 %"; Deutschland 7.12 -> "7,1 %".
    assert spec["description"] == (
        "Liniendiagramm: Abgänge ohne Hauptschulabschluss (%), 2021 bis 2023. Neuester Wert Cloppenburg 2023: "
        "8,3 %; Niedersachsen 2023: 7,7 %; Deutschland 2023: 7,1 %. Dazu 1 Vergleichskreis in Grau."
    )
    assert spec["config"]["mark"]["aria"] is False and spec["config"]["axis"]["aria"] is False


def test_the_y_axis_is_titled_with_the_unit_and_the_chart_carries_title_and_source(series, ohne_hsa):
    spec = time_series(series, ohne_hsa).to_dict()
    unit, _ = _line(spec)
    assert unit["encoding"]["y"]["title"] == "%"
    assert spec["title"]["text"] == ohne_hsa.title
    assert spec["title"]["subtitle"] == [ohne_hsa.source]
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_the_spec_is_strict_json_for_the_browser(series, ohne_hsa):
    json.dumps(time_series(series, ohne_hsa, breaks=BREAKS).to_dict(), allow_nan=False)


def test_the_sparkline_draws_only_the_region_in_the_highlight_colour(series):
    spec = sparkline(series).to_dict()
    for unit, data in units(spec):
        assert unit["mark"]["color"] == HIGHLIGHT
        assert {r["region_code"] for r in rows_of(spec, data)} == {"03453"}
        assert unit["encoding"]["x"]["axis"] is None and unit["encoding"]["y"]["axis"] is None


def test_years_without_data_break_the_line_instead_of_bridging_it():
    # TEST DATA: a region with values in 2014, 2015 and 2023 only.
    import pandas as pd

    from charts.timeseries import _with_gaps

    df = pd.DataFrame(
        {
            "region_code": ["03453"] * 3,
            "region_name": ["Cloppenburg"] * 3,
            "year": [2014, 2015, 2023],
            "value": [4.3, 4.1, 8.3],
            "numerator": [94, 86, 163],
            "denominator": [2175, 2113, 1967],
            "status": ["computed"] * 3,
        }
    )
    filled = _with_gaps(df)
    assert list(filled["year"]) == list(range(2014, 2024))
    assert filled.set_index("year").loc[2016:2022, "value"].isna().all()
    assert (filled.set_index("year").loc[2016:2022, "status"] == "missing").all()


def test_the_year_axis_spans_only_the_years_with_a_value():
    import pandas as pd

    from charts.timeseries import _prepared

    # Youth rates: rows 2001–2008 exist only to say "erst ab 2009 ausgewiesen" (no value); 2009 and 2010 have one.
    frame = pd.DataFrame(
        {
            "key": "jugendarbeitslosenquote",
            "region_code": "03453",
            "region_name": "Cloppenburg, Landkreis",
            "level": "kreis",
            "year": [2001, 2008, 2009, 2010],
            "category": "",
            "value": [float("nan"), float("nan"), 6.1, 4.7],
            "numerator": float("nan"),
            "denominator": float("nan"),
            "status": ["not_applicable", "not_applicable", "published", "published"],
            "note": "",
            "role": "region",
        }
    )
    assert sorted(_prepared(frame, "%")["year"]) == [2009, 2010]


def test_the_sparkline_spans_only_the_years_with_a_value_too():
    import pandas as pd

    # Youth rates of a tile: 2001–2008 without value ("erst ab 2009"), then 2009, 2010 and 2025.
    trend = pd.DataFrame(
        {"region_code": "03453", "year": [2001, 2008, 2009, 2010, 2025], "value": [None, None, 6.1, 4.7, 4.0]}
    ).assign(role="region")
    spec = sparkline(trend).to_dict()
    years = {r["year"] for unit, data in units(spec) for r in rows_of(spec, data)}
    assert min(years) == 2009 and max(years) == 2025  # 2011–2024 stay as gaps inside, 2001–2008 are cut


def test_published_years_of_a_joined_series_get_their_own_marks_and_legend_entry():
    import pandas as pd

    from charts.timeseries import PUBLISHED_LABEL

    class Ind:
        title, source, unit = "Abgänge ohne Hauptschulabschluss", "Quelle", "%"

    # 2015 computed (86 of 2,113), 2019 published by INKAR (9.75 %, no counts).
    frame = pd.DataFrame(
        {
            "region_code": "03453",
            "region_name": "Cloppenburg, Landkreis",
            "level": "kreis",
            "year": [2015, 2019],
            "category": "",
            "value": [4.07, 9.75],
            "numerator": [86.0, float("nan")],
            "denominator": [2113.0, float("nan")],
            "status": ["computed", "published"],
            "note": "",
            "role": "region",
        }
    )
    spec = time_series(frame, Ind()).to_dict()
    layers = spec["layer"]
    marked = [layer for layer in layers if layer.get("encoding", {}).get("shape")]
    assert len(marked) == 1
    assert marked[0]["encoding"]["shape"]["scale"]["domain"] == [PUBLISHED_LABEL]
    rows = spec["datasets"][marked[0]["data"]["name"]]
    assert [r["year"] for r in rows] == [2019]
