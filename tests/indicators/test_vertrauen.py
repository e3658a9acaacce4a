"""The audit's trust items: each test failed on the code before issue 9. Values worked by hand from the real files."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.catalogue import CATALOGUE, evaluate
from indicators.comparison import rank_among
from indicators.model import Direction
from regions.levels import level_of
from store.importers import template
from tests.indicators.real_observations import observations

OLD = "regionalstatistik_1995_2016/21111-02-06-4.csv"
NEW_2023 = "regionalstatistik_2023_2025/21111-02-06-4.csv"
NEW_2024 = "regionalstatistik_2024_excerpt/21111-02-06-4-B_2024_excerpt.csv"
ALQ = ("regionalstatistik_1995_2016/13211-02-05-4_00.csv",)


def row(result, region, year, category=""):
    hit = result[(result.region_code == region) & (result.year == year) & (result.category == category)]
    assert len(hit) == 1, f"{region} {year} {category!r}: {len(hit)} rows"
    return hit.iloc[0]


@pytest.fixture(scope="module")
def leavers():
    return observations(OLD, NEW_2023, NEW_2024)


# --- suppression policy -----------------------------------------------------------------------------


def test_published_official_counts_are_shown_as_published_even_when_small(leavers):
    # 21111-02-06-4.csv, Südwestpfalz (07340) 2014: 2 girls without Hauptschulabschluss of 340 girls,
    # published by the statistical office → 2 / 340 = 0.5882 %, shown, not suppressed.
    cell = row(evaluate("ohne_abschluss_anteil_weiblich", leavers), "07340", 2014)
    assert (cell.status, cell.numerator, cell.denominator) == ("computed", 2, 340)
    assert cell.value == pytest.approx(0.5882, abs=1e-4)


# SYNTHETIC TEST DATA (invented counts) for the office's own template: two Gemeinden and the Kreis total.
SYNTHETIC = """schuljahr;region_code;schule;merkmal;anzahl;quelle
2023/24;03453004;;abgaenge_insgesamt;160;synthetische Testdaten
2023/24;03453004;;abgaenge_ohne_abschluss;2;synthetische Testdaten
2023/24;03453013;;abgaenge_insgesamt;120;synthetische Testdaten
2023/24;03453013;;abgaenge_ohne_abschluss;9;synthetische Testdaten
2023/24;03453001;;abgaenge_insgesamt;90;synthetische Testdaten
2023/24;03453001;;abgaenge_ohne_abschluss;7;synthetische Testdaten
2023/24;03453;;abgaenge_insgesamt;370;synthetische Testdaten
2023/24;03453;;abgaenge_ohne_abschluss;18;synthetische Testdaten
"""


def test_a_suppressed_gemeinde_is_not_recoverable_from_the_kreis_total(tmp_path):
    path = tmp_path / "eigene.csv"
    path.write_text(SYNTHETIC, encoding="utf-8")
    parsed = template.parse(path)
    obs = parsed.observations.assign(table_code=parsed.table_code)
    obs["year"] = obs["period"].str[:4].astype(int)
    obs["level"] = obs["region_code"].map(level_of)
    out = evaluate("ohne_abschluss_schule", obs).set_index("region_code")
    # Cloppenburg, Stadt: 2 → hidden. Kreis 18 − Saterland 9 − Barßel 7 would give it back, so the
    # smallest other Gemeinde total (Barßel, 7) is hidden as well; Saterland 9 / 120 = 7.5 % stays.
    assert out.loc["03453004", "status"] == "suppressed"
    assert out.loc["03453001", "status"] == "suppressed" and pd.isna(out.loc["03453001", "numerator"])
    assert out.loc["03453013", "value"] == pytest.approx(7.5)
    assert out.loc["03453", "numerator"] == 18


# --- texts and breaks ----------------------------------------------------------------------------------


def test_betreuungsquote_says_kita_plus_kindertagespflege_and_both_reference_dates():
    for key in ("betreuungsquote_u3", "betreuungsquote_3_6"):
        definition = CATALOGUE[key].definition
        assert "Kindertagespflege" in definition and "ohne Kindertagespflege" not in definition
        assert "01.03." in definition and "31.12. des Vorjahres" in definition


def test_jungen_definition_includes_divers_and_ohne_angabe():
    for key in ("ohne_abschluss_anteil_maennlich", "ohne_abschluss_geschlechterdifferenz"):
        assert "divers" in CATALOGUE[key].definition and "ohne Angabe" in CATALOGUE[key].definition


def test_every_leaver_indicator_declares_the_2004_and_2011_breaks_and_inkar_2016():
    leaver_keys = [k for k, ind in CATALOGUE.items() if "a_schul_oA" in ind.source or "21111-02-06-4" in ind.source]
    assert len(leaver_keys) == 6
    for key in leaver_keys:
        years = {b.year for b in CATALOGUE[key].breaks}
        assert {2004, 2011} <= years, key
    for key in ("ohne_abschluss_anteil", "ohne_abschluss_anteil_inkar"):
        assert any(b.year == 2016 and "eingeschränkte Datenqualität" in b.label for b in CATALOGUE[key].breaks)
    assert any(
        b.year == 2014 and "Fachhochschulreife" in b.label for b in CATALOGUE["abschlussarten_verteilung"].breaks
    )


# --- notes ---------------------------------------------------------------------------------------------


def test_niedersachsen_2024_sum_of_kreise_is_noted_on_every_variant(leavers):
    for key in (
        "ohne_abschluss_anteil",
        "ohne_abschluss_anteil_weiblich",
        "ohne_abschluss_anteil_maennlich",
        "ohne_abschluss_geschlechterdifferenz",
    ):
        assert "45 Kreise" in row(evaluate(key, leavers), "03", 2024).note, key


def test_youth_unemployment_2009_count_that_contradicts_its_rate_gets_a_note_instead_of_a_number():
    # 13211-02-05-4_00.csv, Cloppenburg 2009: 164 unemployed aged 15–25 next to a published 6.1 %:
    # 164 / 6.1 × 100 ≈ 2,690 labour force, against about 12,000 in the other years (549 / 4.7 % in 2010).
    result = evaluate("jugendarbeitslosenquote", observations(*ALQ))
    cell = row(result, "03453", 2009)
    assert cell.value == pytest.approx(6.1) and cell.status == "published"
    assert pd.isna(cell.numerator)
    assert "164 Arbeitslose" in cell.note and "passt nicht" in cell.note
    assert row(result, "03453", 2010).numerator == 549  # a plausible year keeps its count


# --- ranks ---------------------------------------------------------------------------------------------


def test_kreise_with_the_same_rounded_value_share_their_rank_and_say_so(leavers):
    # 2013: Braunschweig (03102) 3.3214 % and Verden (03360) 3.3333 % both read "3,3 %": both rank 3, tied 2.
    ranked = rank_among(evaluate("ohne_abschluss_anteil", leavers), 2013, Direction.LOWER_IS_BETTER, "03")
    ranked = ranked.set_index("region_code")
    assert ranked.loc["03102", "rank"] == ranked.loc["03360", "rank"] == 3
    assert ranked.loc["03102", "tied"] == 2
