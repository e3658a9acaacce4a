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
    assert (missing["Hinweis"] == MISSING_YEAR_NOTE).all()
    assert missing["Wert"].isna().all()  # never 0
