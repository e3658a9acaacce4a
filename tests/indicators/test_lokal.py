"""Per-school indicators from the office's own template, with suppression.

The CSV below is SYNTHETIC TEST DATA written for this test (invented schools, invented counts);
it goes through the real template importer so the test sees exactly what an import would store.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from indicators.catalogue import evaluate
from regions.levels import level_of
from store.importers import template

SYNTHETIC = """schuljahr;region_code;schule;merkmal;anzahl;quelle
2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten
2023/24;03453004;Testschule 1;abgaenge_ohne_abschluss;2;synthetische Testdaten
2023/24;03453004;Testschule 2;abgaenge_insgesamt;50;synthetische Testdaten
2023/24;03453004;Testschule 2;abgaenge_ohne_abschluss;5;synthetische Testdaten
2023/24;03453004;Testschule 3;abgaenge_insgesamt;70;synthetische Testdaten
2023/24;03453004;Testschule 3;abgaenge_ohne_abschluss;9;synthetische Testdaten
2023/24;03453004;;abgaenge_insgesamt;160;synthetische Testdaten
2023/24;03453004;;abgaenge_ohne_abschluss;16;synthetische Testdaten
2023/24;03453013;Testschule 4;schueler_insgesamt;250;synthetische Testdaten
2023/24;03453013;Testschule 4;absentismus_verfahren;6;synthetische Testdaten
"""


@pytest.fixture
def own_data(tmp_path):
    path = tmp_path / "eigene.csv"
    path.write_text(SYNTHETIC, encoding="utf-8")
    parsed = template.parse(path)
    obs = parsed.observations.assign(table_code=parsed.table_code)
    obs["year"] = obs["period"].str[:4].astype(int)
    obs["level"] = obs["region_code"].map(level_of)
    return obs


def test_share_without_qualification_per_school_with_secondary_suppression(own_data):
    out = evaluate("ohne_abschluss_schule", own_data).set_index("category")
    # Testschule 1: 2 of 40 → primary suppression; the Gemeinde total 16 of 160 = 10 % is shown, so the
    # smallest other school (Testschule 2, 5 of 50) is hidden as well; Testschule 3: 9 / 70 = 12.857 %.
    assert out.loc["Testschule 1", "status"] == "suppressed" and pd.isna(out.loc["Testschule 1", "numerator"])
    assert out.loc["Testschule 2", "status"] == "suppressed"
    assert out.loc["Testschule 3", "value"] == pytest.approx(12.857, abs=1e-3)
    assert out.loc["Gemeinde insgesamt", "value"] == pytest.approx(10.0)
    assert (out["year"] == 2024).all()  # school year 2023/24 counts for 2024


def test_absenteeism_proceedings_per_1000_pupils(own_data):
    # Testschule 4: 6 proceedings / 250 pupils × 1,000 = 24.0
    out = evaluate("absentismus_je_1000", own_data)
    assert out.set_index("category").loc["Testschule 4", "value"] == pytest.approx(24.0)


def test_own_data_without_a_merkmal_gives_an_empty_result_not_an_error():
    # SYNTHETIC: one school's leavers only (no absentismus, no pupils), as a first delivery often is.
    obs = pd.DataFrame(
        {
            "table_code": ["EIGENE Schuldaten"],
            "region_code": ["03453004"],
            "region_name": ["Friesoythe"],
            "level": ["gemeinde"],
            "parent_code": ["03453"],
            "historic": [False],
            "period": ["2024"],
            "year": [2024],
            "dimensions": ["abgaenge_insgesamt | Testschule"],
            "unit": ["Anzahl"],
            "value": [30.0],
            "status": ["ok"],
            "raw_symbol": ["30"],
            "import_id": [1],
        }
    )
    assert evaluate("absentismus_je_1000", obs).empty


def test_own_data_with_gemeinde_totals_only_is_read_without_a_pandas_warning(own_data):
    # The SYNTHETIC rows above without a school name: 16 of 160 leavers in Friesoythe = 10 %. No school
    # label at all made pandas warn that filling float NaN with "Gemeinde insgesamt" will fail in pandas 4.
    totals = own_data[~own_data["dimensions"].str.contains("|", regex=False)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = evaluate("ohne_abschluss_schule", totals)
    assert out["category"].tolist() == ["Gemeinde insgesamt"]
    assert out["value"].iloc[0] == pytest.approx(10.0)
