"""Occupation indicators (BA by Kreis × Berufsgruppe), hand-checked against the bundled Parquet files."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import berufe
from indicators.catalogue import CATALOGUE, evaluate
from indicators.status import COMPUTED, SMALL_BASE
from regions.home import kreise_of_land
from tests.indicators.real_observations import observations

JOBS = "ba_berufe/jobs_niedersachsen.parquet"
UNEMPLOYED = "ba_berufe/unemployed_total_niedersachsen.parquet"
RESIDENCE = "ba_berufe/employees_by_residence_niedersachsen.parquet"
CLP = "03453"
FAHRZEUG = "252 Fahrzeug-Luft-Raumfahrt-,Schiffbautechn."
LAGER = "513 Lagerwirt.,Post,Zustellung,Güterumschlag"


def row(result: pd.DataFrame, region: str, year: int, category: str = "") -> pd.Series:
    match = result[(result.region_code == region) & (result.year == year) & (result.category == category)]
    assert len(match) == 1, (region, year, category, len(match))
    return match.iloc[0]


@pytest.fixture(scope="module")
def tightness():
    return evaluate("arbeitslose_je_stelle", observations(JOBS, UNEMPLOYED))


def test_vehicle_engineering_in_cloppenburg_2025_has_about_one_unemployed_per_vacancy(tightness):
    # jobs_niedersachsen.parquet 03453/252/2025: total 50.4167 vacancies; unemployed_total: 51.0
    # → 51.0 / 50.42 = 1.0116 (the hand check: 1.01)
    cell = row(tightness, CLP, 2025, FAHRZEUG)
    assert cell.status == COMPUTED
    assert (cell.numerator, round(cell.denominator, 2)) == (51.0, 50.42)
    assert cell.value == pytest.approx(1.0116, abs=1e-4)


def test_warehouse_jobs_in_cloppenburg_2025_have_five_unemployed_per_vacancy(tightness):
    # 03453/513/2025: unemployed 436.67, vacancies 84.75 → 436.67 / 84.75 = 5.1525 (hand check: 5.15)
    cell = row(tightness, CLP, 2025, LAGER)
    assert round(cell.numerator, 2) == 436.67 and cell.denominator == 84.75
    assert cell.value == pytest.approx(5.1524, abs=1e-4)


def test_a_group_with_fewer_than_ten_vacancies_has_no_value_but_says_its_base_is_too_small(tightness):
    # 03453/111 Landwirtschaft 2012: 11.33 vacancies (PROVENANCE) → a value; look for a group below 10:
    # the indicator must never show a ratio whose denominator is under 10.
    # An empty vacancy cell (0 or a BA secret, i.e. a small number) is a small base too.
    small = tightness[(tightness.level == "kreis") & ~(tightness.denominator >= 10)]
    assert len(small) > 0
    assert set(small.status) == {SMALL_BASE}
    assert small.value.isna().all()
    assert small.note.str.startswith("weniger als 10 gemeldete Stellen").all()
    shown = tightness[tightness.status == COMPUTED]
    assert (shown.denominator >= 10).all()


def test_niedersachsen_is_the_sum_of_its_45_kreise_and_says_so(tightness):
    jobs = observations(JOBS)
    kreise = jobs[(jobs.year == 2025) & (jobs.dimensions == f"total | {FAHRZEUG}")]
    assert kreise.region_code.nunique() == 45
    cell = row(tightness, "03", 2025, FAHRZEUG)
    # The sum of the published Kreis cells (empty cells count 0; the note says how many there are).
    assert cell.denominator == pytest.approx(kreise.value.sum(skipna=True))
    assert cell.note.startswith("Summe der 45 Kreise (Landeswert in der Quelle nicht ausgewiesen)")
    assert cell.level == "land"


def test_deutschland_needs_kreise_of_all_laender_which_the_bundled_files_do_not_have(tightness):
    assert tightness[tightness.region_code == "DG"].empty


def test_deutschland_is_the_sum_of_all_kreise_when_every_land_is_there():
    # SYNTHETIC rows (not real statistics): every current Kreis of the 16 Länder (bundled boundaries) with
    # 20 unemployed and 10 vacancies in group 252 in 2025 → Deutschland n × 20 / (n × 10) = 2.0.
    codes = [k.key for land in range(1, 17) for k in kreise_of_land(f"{land:02d}")]
    rows = [
        {
            "table_code": table,
            "region_code": code,
            "region_name": f"Synthetischer Kreis {code}",
            "level": "kreis",
            "historic": False,
            "year": 2025,
            "dimensions": f"total | {FAHRZEUG}",
            "value": value,
        }
        for code in codes
        for table, value in ((berufe.JOBS, 10.0), (berufe.UNEMPLOYED, 20.0))
    ]
    result = berufe.arbeitslose_je_stelle(pd.DataFrame(rows))
    cell = row(result, "DG", 2025, FAHRZEUG)
    assert (cell.numerator, cell.denominator, cell.value) == (20.0 * len(codes), 10.0 * len(codes), 2.0)
    assert cell.note.startswith(f"Summe aller {len(codes)} Kreise")
    assert row(result, "09", 2025, FAHRZEUG).value == 2.0  # Bayern, a Land sum like every other


def test_the_series_runs_2012_to_2025(tightness):
    assert sorted(tightness.year.unique()) == list(range(2012, 2026))


def test_the_definition_calls_it_a_proxy_for_the_engpassanalyse():
    assert "Näherung an die Engpassanalyse der BA" in CATALOGUE["arbeitslose_je_stelle"].definition


@pytest.fixture(scope="module")
def residence():
    return observations(RESIDENCE)


def test_mint_groups_are_declared_once_in_the_config():
    codes = berufe.mint_codes()
    assert "434" in codes and "252" in codes and "513" not in codes
    assert len(codes) == len(set(codes)) == 25


def test_mint_share_of_cloppenburg_2025_is_18_4_percent(residence):
    # employees_by_residence 03453, social insurance, 2025: the 25 MINT groups (config) sum to 14,778
    # (none empty); all groups 80,327 (5 empty cells) → 14,778 / 80,327 = 18.3973 %
    cell = row(evaluate("mint_anteil_beschaeftigte", residence), CLP, 2025)
    assert (cell.numerator, cell.denominator) == (14778, 80327)
    assert cell.value == pytest.approx(18.3973, abs=1e-4)
    assert "5 Zellen nicht veröffentlicht" in cell.note


def test_women_are_12_percent_of_mint_employees_in_cloppenburg_2025(residence):
    # women in the 25 MINT groups: 1,768 of 14,778 → 11.9637 %
    result = evaluate("frauenanteil_mint", residence)
    cell = row(result, CLP, 2025)
    assert (cell.numerator, cell.denominator) == (1768, 14778)
    assert cell.value == pytest.approx(11.9637, abs=1e-4)
    assert sorted(result[result.region_code == CLP].year) == list(range(2013, 2026))
    assert row(result, "03", 2025).note.startswith("Summe der 45 Kreise")


def test_mint_definitions_say_they_are_an_approximation():
    for key in ("mint_anteil_beschaeftigte", "frauenanteil_mint"):
        assert "Näherung" in CATALOGUE[key].definition


def test_womens_share_of_a_group(residence):
    # 03453/252 in 2025: women 50 of 1,700 → 2.9412 %
    cell = row(evaluate("frauenanteil_beruf", residence), CLP, 2025, FAHRZEUG)
    assert (cell.numerator, cell.denominator) == (50, 1700)
    assert cell.value == pytest.approx(2.9412, abs=1e-4)


def test_berufsbereich_of_a_group():
    assert berufe.berufsbereich(FAHRZEUG) == "2 Rohstoffgewinnung, Produktion und Fertigung"


def test_transition_series_are_inkars_as_published_from_1995_to_2022():
    # inkar PROVENANCE, Cloppenburg: a_azubi 2016 54.64, 2022 47.76; q_bs 2016 23.34, 2022 19.94
    obs = observations("inkar/inkar_bildung_kreise_laender_bund.csv")
    azubis, schueler = evaluate("azubis_je_1000_svb", obs), evaluate("berufsschueler_je_1000", obs)
    assert (row(azubis, CLP, 2016).value, row(azubis, CLP, 2022).value) == (54.64, 47.76)
    assert (row(schueler, CLP, 2016).value, row(schueler, CLP, 2022).value) == (23.34, 19.94)
    assert sorted(azubis[azubis.region_code == CLP].year) == list(range(1995, 2023))
