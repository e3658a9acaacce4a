"""Schools, transition, labour market, population and INKAR indicators, from the real files."""

from __future__ import annotations

import pytest

from indicators.catalogue import CATALOGUE, evaluate
from tests.indicators.real_observations import observations

RS16 = "regionalstatistik_1995_2016/"
RS25 = "regionalstatistik_2023_2025/"


def row(result, region, year, category=""):
    hit = result[(result.region_code == region) & (result.year == year) & (result.category == category)]
    assert len(hit) == 1, f"{region} {year} {category!r}: {len(hit)} rows"
    return hit.iloc[0]


def test_foerderschulquote_cloppenburg_2023():
    # 21111-01-03-4 (2023): Sonderschulen/Förderschulen 997 pupils of 20,934 in all → 4.7626 %
    result = evaluate("foerderschulquote", observations(RS25 + "21111-01-03-4.csv"))
    cell = row(result, "03453", 2023)
    assert (cell.numerator, cell.denominator) == (997, 20934)
    assert cell.value == pytest.approx(4.7626, abs=1e-4)


def test_uebergangsbereich_proxy_cloppenburg_2015():
    # 21121-01-05-4 (2015): Berufsschulen 3,739, darunter ohne Ausbildungsvertrag 323, Berufsfachschulen 1,190
    # → (323 + 1,190) / (3,739 + 1,190) = 1,513 / 4,929 = 30.6959 %
    result = evaluate("uebergangsbereich_anteil", observations(RS16 + "21121-01-05-4_00.csv"))
    cell = row(result, "03453", 2015)
    assert (cell.numerator, cell.denominator) == (1513, 4929)
    assert cell.value == pytest.approx(30.6959, abs=1e-4)
    assert "Näherung" in CATALOGUE["uebergangsbereich_anteil"].definition


def test_youth_unemployment_rate_2025_is_published_with_its_count():
    # 13211-02-05-4 (2025): "2025;03453;…;4684;1422;348;130;563;…;4,0" → 15–25: 563 unemployed, rate 4.0 %
    result = evaluate("jugendarbeitslosenquote", observations(RS25 + "13211-02-05-4.csv"))
    cell = row(result, "03453", 2025)
    assert (cell.value, cell.numerator, cell.status) == (4.0, 563, "published")
    assert row(result, "03", 2025).value == 5.7  # "2025;03;  Niedersachsen;…;16,9;5,7"


def test_young_unemployed_per_100_in_barssel_2016_uses_population_of_the_year_before():
    # 13211-01-03-5 (2016): Barßel 15–25: 56. 12411-02-03-5 (31.12.2015), Barßel Insgesamt:
    # 15–18 465, 18–20 302, 20–25 762 → 1,529. 56 / 1,529 × 100 = 3.6625
    obs = observations(RS16 + "13211-01-03-5_00.csv", RS16 + "12411-02-03-5_00.csv")
    cell = row(evaluate("jugendarbeitslose_je_100", obs), "03453001", 2016)
    assert (cell.numerator, cell.denominator) == (56, 1529)
    assert cell.value == pytest.approx(3.6625, abs=1e-4)


def test_womens_employment_rate_in_barssel_2015():
    # 13111-02-02-5 (30.06.2015): Barßel women at residence 1,842.
    # 12411-02-03-5 (31.12.2015), Barßel weiblich 15–65: 209+157+348+363+365+313+369+449+506+506+378 = 3,963
    # → 1,842 / 3,963 = 46.4799 %; men 2,664 / 4,241 = 62.8154 %; gap 16.3354 pp
    obs = observations(RS16 + "13111-02-02-5_00.csv", RS16 + "12411-02-03-5_00.csv")
    women = row(evaluate("beschaeftigungsquote_frauen", obs), "03453001", 2015)
    assert (women.numerator, women.denominator) == (1842, 3963)
    assert women.value == pytest.approx(46.4799, abs=1e-4)
    gap = row(evaluate("beschaeftigungsquote_differenz", obs), "03453001", 2015)
    assert gap.value == pytest.approx(62.8154 - 46.4799, abs=1e-3)


def test_kreis_population_is_not_counted_twice_when_both_population_tables_are_present():
    # 12411-02-03-4 (31.12.2015) Cloppenburg "unter 3 Jahre;5214"; the Gemeinde table repeats that row.
    obs = observations(RS16 + "12411-02-03-4_00.csv", RS16 + "12411-02-03-5_00.csv")
    cell = row(evaluate("bevoelkerung_bildungsalter", obs), "03453", 2015, "unter 3 Jahre (Krippe)")
    assert cell.value == 5214


def test_population_18_to_25_combines_two_official_age_groups():
    # fact_bevoelkerung 2023 Cloppenburg: "18 bis unter 20 Jahre;4223" + "20 bis unter 25 Jahre;10719"
    obs = observations(RS25 + "fact_bevoelkerung_2023_2024_clean.csv")
    cell = row(
        evaluate("bevoelkerung_bildungsalter", obs), "03453", 2023, "18 bis unter 25 Jahre (Ausbildung / Studium)"
    )
    assert cell.value == 4223 + 10719


def test_inkar_values_pass_through_as_published():
    # INKAR sozialleistungen, Gemeinden: 03453004 Cloppenburg Stadt 2022 q_newfBGu15_bev = 11.00
    result = evaluate("sgb2_quote_u15", observations("inkar/inkar_sozialleistungen_gemeinden_niedersachsen.csv"))
    cell = row(result, "03453004", 2022)
    assert (cell.value, cell.status) == (11.0, "published")
    # INKAR kinderbetreuung: Cloppenburg 2019 a_betr0003_bev0003 = 27.72 (PROVENANCE)
    care = evaluate("betreuungsquote_u3", observations("inkar/inkar_kinderbetreuung_kreise_laender_bund.csv"))
    assert row(care, "03453", 2019).value == 27.72
