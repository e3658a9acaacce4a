"""The newer series: INKAR Gemeinde files and BA sums over occupations, worked by hand from the real files."""

from __future__ import annotations

import pytest

from indicators.catalogue import evaluate
from tests.indicators.real_observations import observations

INKAR = "inkar_2024_excel/INKAR_1998_2021/"
ARBEITSLOSE = (
    INKAR + "A_Arbeitslosigkeit.xls",
    INKAR + "A_ErwerbsfaehigeBevoelkerung.xls",
    INKAR + "Indikatoren_Kreisebene/A_ArbeitslosigkeitKreis.xls",
    INKAR + "Indikatoren_Kreisebene/A_ErwerbsfaehigeBevoelkerungKreis.xls",
)
BA = "ba_kreise/ba_beschaeftigte_kreise_2013_2025_summe_ueber_berufsgruppen.csv"
CLP_GEMEINDEN = [f"03453{n:03d}" for n in range(1, 14)]


def row(result, region, year):
    hit = result[(result.region_code == region) & (result.year == year)]
    assert len(hit) == 1, f"{region} {year}: {len(hit)} rows"
    return hit.iloc[0]


@pytest.fixture(scope="module")
def je_100():
    return evaluate("arbeitslose_je_100_erwerbsfaehige", observations(*ARBEITSLOSE))


def test_barssel_2019_is_375_unemployed_per_8331_aged_15_to_65(je_100):
    # A_Arbeitslosigkeit.xls Barßel 2019: 375; A_ErwerbsfaehigeBevoelkerung.xls Barßel 2019: 8,331
    # → 375 / 8,331 × 100 = 4.5013
    cell = row(je_100, "03453001", 2019)
    assert (cell.numerator, cell.denominator) == (375, 8331)
    assert cell.value == pytest.approx(4.5013, abs=1e-4)


def test_every_gemeinde_of_the_home_kreis_has_2001_to_2021(je_100):
    for code in CLP_GEMEINDEN:
        years = sorted(je_100[(je_100.region_code == code) & (je_100.status == "computed")].year)
        assert years == list(range(2001, 2022)), code


def test_1998_to_2000_are_listed_for_every_gemeinde_with_the_published_count_and_why_no_rate(je_100):
    # A_Arbeitslosigkeit.xls row 1863 "03453001 | Barßel | Gemeinden | 658 | 550 | 474 | 504" (1998–2001);
    # A_ErwerbsfaehigeBevoelkerung.xls starts in 2001, so 1998–2000 have a numerator and no denominator.
    for code in CLP_GEMEINDEN:
        years = sorted(je_100[je_100.region_code == code].year)
        assert years == list(range(1998, 2022)), code
    early = [row(je_100, "03453001", year) for year in (1998, 1999, 2000)]
    assert [c.numerator for c in early] == [658, 550, 474]
    for cell in early:
        assert cell.status == "missing" and cell.value != cell.value and cell.denominator != cell.denominator
        assert "Nenner fehlt" in cell.note and "erst ab 2001" in cell.note
    assert row(je_100, "03453001", 2001).numerator == 504


def test_niedersachsen_is_the_sum_of_its_45_kreise_and_says_so(je_100):
    # Sum of the 45 NI Kreise 2019 in the Kreis files: 218,121 unemployed of 5,127,340 aged 15–65 = 4.2541
    cell = row(je_100, "03", 2019)
    assert (cell.numerator, cell.denominator) == (218121, 5127340)
    assert cell.value == pytest.approx(4.2541, abs=1e-4)
    assert "Summe der 45 Kreise" in cell.note


@pytest.fixture(scope="module")
def frauen():
    return evaluate("frauenanteil_svb", observations(BA))


def test_womens_share_runs_2013_to_2025_for_cloppenburg(frauen):
    years = sorted(frauen[(frauen.region_code == "03453") & (frauen.status == "computed")].year)
    assert years == list(range(2013, 2026))


def test_womens_share_2025_is_a_share_of_lower_bounds_and_says_how_many_groups_are_missing(frauen):
    # ba_kreise PROVENANCE: Wohnort 2025 total 80,327 [5 suppressed], women 34,915 [13] → 43.4661 %
    cell = row(frauen, "03453", 2025)
    assert (cell.numerator, cell.denominator) == (34915, 80327)
    assert cell.value == pytest.approx(43.4661, abs=1e-4)
    assert "Frauen: 13" in cell.note and "insgesamt: 5" in cell.note
    assert "Untergrenzen" in row(frauen, "03", 2025).note


@pytest.fixture(scope="module")
def quote():
    return evaluate(
        "beschaeftigtenquote",
        observations(
            INKAR + "B_SVBeschaeftigte.xls",
            INKAR + "Indikatoren_Kreisebene/A_ErwerbsfaehigeBevoelkerungKreis.xls",
            "inkar_2024_excel/INKAR_1998_2019/A_Beschaeftigtenquote.xlsx",
        ),
    )


def test_kreis_employment_rate_2019_is_72022_employees_per_114141_aged_15_to_65(quote):
    # B_SVBeschaeftigte.xls Cloppenburg 2019: 72,022 (= 13111-02-02-4); A_ErwerbsfaehigeBevoelkerungKreis.xls
    # 2019: 114,141 → 72,022 / 114,141 × 100 = 63.0991 %
    cell = row(quote, "03453", 2019)
    assert (cell.numerator, cell.denominator, cell.status) == (72022, 114141, "computed")
    assert cell.value == pytest.approx(63.0991, abs=1e-4)


def test_gemeinde_employment_rate_is_inkars_published_value_up_to_2019(quote):
    # A_Beschaeftigtenquote.xlsx (INKAR 2021): Cloppenburg, Stadt 2019 62.28 %, Barßel 60.18 % (PROVENANCE.md)
    stadt, barssel = row(quote, "03453004", 2019), row(quote, "03453001", 2019)
    assert (stadt.value, barssel.value) == (pytest.approx(62.28), pytest.approx(60.18))
    assert stadt.status == "published" and stadt.numerator != stadt.numerator  # no count: NaN, not 0
    assert "Ausgabe 2021" in stadt.note
    for code in CLP_GEMEINDEN:
        assert sorted(quote[quote.region_code == code].year) == list(range(2001, 2020)), code


@pytest.fixture(scope="module")
def ohne_berufsabschluss():
    return evaluate(
        "svb_ohne_berufsabschluss_anteil",
        observations("inkar_2024_excel/INKAR_1998_2021/Agentur_fuer_Arbeit/Kreise_WO_Zeitreihe.xlsx"),
    )


def test_share_without_vocational_qualification_equals_the_bas_own_share(ohne_berufsabschluss):
    # Kreise_WO_Zeitreihe.xlsx, "03453 Cloppenburg", 30.06.2021: 12,558 ohne Berufsabschluss of 75,393
    # = 16.6567 %, the value of the BA's sheet SvB_Kreise_WO_Anteile (16.656718793521947).
    cell = row(ohne_berufsabschluss, "03453", 2021)
    assert (cell.numerator, cell.denominator) == (12558, 75393)
    assert cell.value == pytest.approx(16.656718793521947)
    # 2011 under the old label "Ohne Berufsausbildung": 9,419 of 55,597 = 16.9416 %.
    assert row(ohne_berufsabschluss, "03453", 2011).value == pytest.approx(16.9416, abs=1e-4)
    # Deutschland 2021: 4,174,999 of 33,538,976 = 12.4482 %.
    assert row(ohne_berufsabschluss, "DG", 2021).value == pytest.approx(12.4482, abs=1e-4)


def test_2012_without_ba_data_stays_secret_never_zero(ohne_berufsabschluss):
    cell = row(ohne_berufsabschluss, "03453", 2012)  # "." in the BA file: no data during the change of notification
    assert cell.status == "secret" and cell.value != cell.value and cell.numerator != cell.numerator
