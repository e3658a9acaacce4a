"""School leavers without qualification and by qualification, worked by hand from the real files."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.catalogue import evaluate
from tests.indicators.real_observations import observations

OLD = "regionalstatistik_1995_2016/21111-02-06-4.csv"
NEW_2023 = "regionalstatistik_2023_2025/21111-02-06-4.csv"
NEW_2024 = "regionalstatistik_2024_excerpt/21111-02-06-4-B_2024_excerpt.csv"
INKAR = "inkar/inkar_bildung_kreise_laender_bund.csv"


@pytest.fixture(scope="module")
def leavers():
    return observations(OLD, NEW_2023, NEW_2024)


def row(result, region, year, category=""):
    hit = result[(result.region_code == region) & (result.year == year) & (result.category == category)]
    assert len(hit) == 1, f"{region} {year} {category!r}: {len(hit)} rows"
    return hit.iloc[0]


def test_cloppenburg_2023_is_163_of_1967_leavers(leavers):
    # 2023 file: "2023;03453;…;1967;937;163;64;…" → 163 / 1,967 = 8.2867 %
    cell = row(evaluate("ohne_abschluss_anteil", leavers), "03453", 2023)
    assert (cell.numerator, cell.denominator, cell.status) == (163, 1967, "computed")
    assert cell.value == pytest.approx(8.2867, abs=1e-4)


def test_niedersachsen_and_deutschland_2023(leavers):
    # "2023;03;  Niedersachsen;76856;37382;5895;…" → 7.6702 %; "2023;DG;…;782423;381434;55708;…" → 7.1199 %
    result = evaluate("ohne_abschluss_anteil", leavers)
    assert row(result, "03", 2023).value == pytest.approx(7.6702, abs=1e-4)
    assert row(result, "DG", 2023).value == pytest.approx(7.1199, abs=1e-4)


def test_2024_new_labels_are_mapped_cloppenburg_228_of_2031(leavers):
    # 2024 excerpt: "2024;03453;Cloppenburg, Landkreis;2031;976;228;86;…" → 11.2260 %
    cell = row(evaluate("ohne_abschluss_anteil", leavers), "03453", 2024)
    assert (cell.numerator, cell.denominator) == (228, 2031)
    assert cell.value == pytest.approx(11.2260, abs=1e-4)


def test_niedersachsen_2024_is_summed_from_its_45_kreise_and_says_so(leavers):
    # The -B table has no Land row. Sum over the 45 Kreise 03101…03462 (without 03152/03156):
    # 6,883 without of 79,489 leavers = 8.6591 %.
    cell = row(evaluate("ohne_abschluss_anteil", leavers), "03", 2024)
    assert (cell.numerator, cell.denominator) == (6883, 79489)
    assert cell.value == pytest.approx(8.6591, abs=1e-4)
    assert "45 Kreise" in cell.note


def test_bund_2024_stays_missing_rather_than_summed_from_a_partial_excerpt(leavers):
    result = evaluate("ohne_abschluss_anteil", leavers)
    assert result[(result.region_code == "DG") & (result.year == 2024)].empty


def test_girls_boys_and_gap_2024(leavers):
    # girls 86 / 976 = 8.8115 %; boys (228−86) / (2031−976) = 142 / 1,055 = 13.4597 %; gap 4.6482 pp
    girls = row(evaluate("ohne_abschluss_anteil_weiblich", leavers), "03453", 2024)
    boys = row(evaluate("ohne_abschluss_anteil_maennlich", leavers), "03453", 2024)
    gap = row(evaluate("ohne_abschluss_geschlechterdifferenz", leavers), "03453", 2024)
    assert girls.value == pytest.approx(8.8115, abs=1e-4)
    assert (boys.numerator, boys.denominator) == (142, 1055)
    assert gap.value == pytest.approx(13.4597 - 8.8115, abs=1e-3)


def test_distribution_shares_and_a_secret_cell_that_stays_secret(leavers):
    # 2023 Cloppenburg: mit Mittlerem Abschluss 1,087 / 1,967 = 55.2618 %; "mit Fachhochschulreife" is ".;."
    result = evaluate("abschlussarten_verteilung", leavers)
    assert row(result, "03453", 2023, "mit Mittlerem Abschluss").value == pytest.approx(55.2618, abs=1e-4)
    fhr = row(result, "03453", 2023, "mit Fachhochschulreife")
    assert fhr.status == "secret" and pd.isna(fhr.value) and pd.isna(fhr.numerator)
    assert any("nicht additiv" in c for c in result.category.unique())


def test_raw_share_equals_inkar_a_schul_oa_for_cloppenburg_1995_to_2015(leavers):
    computed = evaluate("ohne_abschluss_anteil", leavers)
    published = evaluate("ohne_abschluss_anteil_inkar", observations(INKAR))
    ours = computed[(computed.region_code == "03453") & computed.year.between(1995, 2015)].set_index("year")
    theirs = published[(published.region_code == "03453") & published.year.between(1995, 2015)].set_index("year")
    assert list(ours.index) == list(range(1995, 2016)) == list(theirs.index)
    difference = (ours.value - theirs.value).abs()
    assert difference.max() <= 0.01, difference[difference > 0.01]


@pytest.fixture(scope="module")
def joined():
    return evaluate("ohne_abschluss_anteil", observations(OLD, NEW_2023, NEW_2024, INKAR))


def test_joined_leavers_series_runs_1995_to_2024_without_a_hole_for_cloppenburg(joined):
    years = sorted(joined[(joined.region_code == "03453") & joined.status.isin(("computed", "published"))].year)
    assert years == list(range(1995, 2025))


def test_years_without_counts_carry_inkars_published_share_with_empty_counts_and_the_source_change(joined):
    # inkar_bildung: "Kreise,03453000,Cloppenburg,2019,…" a_schul_oA = 9.75 (INKAR_1998_2021 PROVENANCE: 9.75)
    cell = row(joined, "03453", 2019)
    assert (cell.status, cell.value) == ("published", pytest.approx(9.75))
    assert pd.isna(cell.numerator) and pd.isna(cell.denominator)
    assert "INKAR" in cell.note and "Quellenwechsel" in cell.note


def test_computed_years_keep_their_counts_in_the_joined_series(joined):
    # 2015: "2015;03453;…;2113;1063;86;…" → 86 / 2,113 = 4.0700 %, computed although INKAR has 2015 too
    cell = row(joined, "03453", 2015)
    assert (cell.status, cell.numerator, cell.denominator) == ("computed", 86, 2113)
    assert cell.value == pytest.approx(4.0700, abs=1e-4)
    assert cell.note == ""
