"""The Tabelle names the years a series lacks, with the reason, as its caption promises."""

from __future__ import annotations

import pandas as pd

from indicators.catalogue import CATALOGUE
from ui.tables import MISSING_YEAR_NOTE, indicator_table


def test_years_without_a_value_are_listed_with_the_reason():
    # Youth unemployment rates of Cloppenburg as bundled: 2019, 2020, then 2025 (2021–2024 in no file).
    series = pd.DataFrame(
        {
            "region_code": "03453",
            "region_name": "Cloppenburg, Landkreis",
            "level": "kreis",
            "role": "region",
            "category": "",
            "year": [2019, 2020, 2025],
            "value": [3.1, 3.9, 4.0],
            "numerator": [420.0, 530.0, 563.0],
            "denominator": float("nan"),
            "status": "published",
            "note": "",
        }
    )
    table = indicator_table(series, CATALOGUE["jugendarbeitslosenquote"])
    assert table["Jahr"].tolist() == [2025, 2024, 2023, 2022, 2021, 2020, 2019]
    missing = table[table["Jahr"].between(2021, 2024)]
    assert (missing["Status"] == "keine Daten").all()
    # The catalogue declares 2021–2024 as published but not yet bundled (Gap), so the table says that.
    assert (
        missing["Hinweis"].str.startswith("nicht gebündelt: die Regionalstatistik veröffentlicht Tabelle 13211")
    ).all()
    assert missing["Wert"].isna().all()  # never 0


def test_a_gap_the_catalogue_does_not_declare_gets_the_general_note():
    # Betreuungsquote (INKAR) with a made-up hole in 2018: no Gap declared, so the general reason.
    series = pd.DataFrame(
        {
            "region_code": "03453",
            "region_name": "Cloppenburg, Landkreis",
            "level": "kreis",
            "role": "region",
            "category": "",
            "year": [2017, 2019],
            "value": [20.0, 22.0],
            "numerator": float("nan"),
            "denominator": float("nan"),
            "status": "published",
            "note": "",
        }
    )
    table = indicator_table(series, CATALOGUE["betreuungsquote_u3"])
    assert table.loc[table["Jahr"] == 2018, "Hinweis"].tolist() == [MISSING_YEAR_NOTE]


def test_school_counts_2016_to_2022_are_named_as_collected_but_not_found():
    leavers_boys = CATALOGUE["ohne_abschluss_anteil_maennlich"]
    assert leavers_boys.gap_reason(2016).startswith("nicht gebündelt: von der Schulstatistik erhoben")
    assert leavers_boys.gap_reason(2022) == leavers_boys.gap_reason(2016)
    assert leavers_boys.gap_reason(2015) is None and leavers_boys.gap_reason(2023) is None
    assert CATALOGUE["ohne_abschluss_anteil"].gaps == ()  # joined: INKAR fills 2016–2022
