"""Shared test data and spec helpers for the chart tests.

All frames here are small hand-made TEST DATA. Only the 2023 shares of leavers without
Hauptschulabschluss are real: Cloppenburg 163 of 1,967 leavers = 8.29 %, Niedersachsen 7.67 %,
Deutschland 7.12 %. Every other number is invented to exercise a case (a secret year, a peer, a
suppressed Kreis) and must not be read as official.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.charts.specs import Direction, FakeIndicator

NAN = float("nan")


@pytest.fixture
def ohne_hsa() -> FakeIndicator:
    return FakeIndicator(
        title="Abgänge ohne Hauptschulabschluss",
        unit="%",
        direction=Direction.LOWER_IS_BETTER,
        source="Quelle: Statistische Ämter des Bundes und der Länder, Schulstatistik; eigene Berechnung",
    )


@pytest.fixture
def series() -> pd.DataFrame:
    """Cloppenburg, Niedersachsen, Deutschland and one peer over 2021-2023 (test data, see module doc)."""
    rows = [
        # region_code, region_name, year, value, numerator, denominator, status, role
        ("03453", "Cloppenburg", 2021, 8.90, 178.0, 2000.0, "ok", "region"),  # invented
        ("03453", "Cloppenburg", 2022, NAN, NAN, NAN, "secret", "region"),  # invented gap
        ("03453", "Cloppenburg", 2023, 8.2867, 163.0, 1967.0, "ok", "region"),  # 163 / 1967 = 8.29 %
        ("03", "Niedersachsen", 2021, 7.30, NAN, NAN, "ok", "land"),  # invented
        ("03", "Niedersachsen", 2023, 7.67, NAN, NAN, "ok", "land"),
        ("DG", "Deutschland", 2021, 6.90, NAN, NAN, "ok", "bund"),  # invented
        ("DG", "Deutschland", 2023, 7.12, NAN, NAN, "ok", "bund"),
        ("03460", "Vechta", 2021, 7.80, NAN, NAN, "ok", "peer"),  # invented
        ("03460", "Vechta", 2023, 8.60, NAN, NAN, "ok", "peer"),  # invented
    ]
    columns = ["region_code", "region_name", "year", "value", "numerator", "denominator", "status", "role"]
    return pd.DataFrame(rows, columns=columns)


@pytest.fixture
def kreise_2023() -> pd.DataFrame:
    """Six Kreise for one year: Cloppenburg real, the others invented; Wittmund secret, Emden suppressed."""
    rows = [
        ("03453", "Cloppenburg", 8.2867, 163.0, 1967.0, "ok"),
        ("03460", "Vechta", 8.60, NAN, NAN, "ok"),
        ("03454", "Emsland", 6.10, NAN, NAN, "ok"),
        ("03404", "Osnabrück", 9.40, NAN, NAN, "ok"),  # kreisfreie Stadt
        ("03459", "Osnabrück", 5.20, NAN, NAN, "ok"),  # Landkreis, same GEN
        ("03462", "Wittmund", NAN, NAN, NAN, "secret"),
        ("03402", "Emden", NAN, NAN, NAN, "suppressed"),
    ]
    columns = ["region_code", "region_name", "value", "numerator", "denominator", "status"]
    return pd.DataFrame(rows, columns=columns).assign(year=2023)
