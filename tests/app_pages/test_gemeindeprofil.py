"""Gemeindeprofil: a Gemeinde next to the Landkreis, every figure with its year, nothing invented."""

from __future__ import annotations

PAGE = "app_pages/gemeindeprofil.py"


def _rows(table) -> dict[str, dict[str, str]]:
    frame = table.value
    return {row["Merkmal"] if "Merkmal" in frame else row["Indikator"]: row for _, row in frame.iterrows()}


def test_the_profile_puts_each_gemeinde_figure_next_to_the_landkreis_of_the_same_year(open_app):
    at = open_app(PAGE, gemeinde="03453001")
    assert at.title[0].value == "Gemeindeprofil Barßel"
    lines = _rows(at.table[1])
    women = lines["Beschäftigungsquote Frauen"]
    # 1,842 employed women of 3,963 aged 15-64 = 46.5 %; the Landkreis 25,643 of 53,358 = 48.1 %.
    assert women["Barßel"] == "46,5 % (2015)"
    assert women["Landkreis, gleiches Jahr"] == "48,1 % (2015)"
    sgb = lines["Kinder unter 15 in SGB-II-Bedarfsgemeinschaften"]
    assert sgb["Barßel"] == "8,1 je 100 (2022)"
    assert sgb["Landkreis, gleiches Jahr"] == "7,4 je 100 (2022)"


def test_newer_gemeinde_figures_from_the_inkar_files_stand_next_to_the_landkreis(open_app):
    at = open_app(PAGE, gemeinde="03453001")
    lines = _rows(at.table[1])
    # INKAR A_Arbeitslosigkeit.xls / A_ErwerbsfaehigeBevoelkerung.xls, Barßel 2021: 430 / 8,391 = 5.12 per 100.
    assert lines["Arbeitslose je 100 Erwerbsfähige"]["Barßel"] == "5,1 je 100 (2021)"
    rate = lines["Beschäftigtenquote (SV-Beschäftigte je 100 Erwerbsfähige)"]
    # INKAR (Ausgabe 2021) Barßel 2019: 60.18 %; Landkreis 2019: 72,022 / 114,141 = 63.1 %.
    assert rate["Barßel"] == "60,2 % (2019)"
    assert rate["Landkreis, gleiches Jahr"] == "63,1 % (2019)"
    # Landkreis newest: 2021, 75,393 / 115,431 = 65.3 %.
    assert rate["Landkreis, neuester Wert"] == "65,3 % (2021)"


def test_age_groups_show_counts_with_their_year(open_app):
    at = open_app(PAGE, gemeinde="03453004")
    ages = _rows(at.table[0])
    assert len(ages) == 6
    assert all(cell.endswith("(2015)") for cell in (row["Cloppenburg"] for row in ages.values()))
    assert ages["18 bis unter 25 Jahre (Ausbildung / Studium)"]["Landkreis, neuester Wert"].endswith("(2024)")
    # The Landkreis had 14,690 inhabitants aged 18 to 24 on 31.12.2024.
    assert ages["18 bis unter 25 Jahre (Ausbildung / Studium)"]["Landkreis, neuester Wert"] == "14.690 (2024)"


def test_figures_that_exist_only_per_kreis_are_not_spread_over_the_gemeinden(open_app):
    at = open_app(PAGE, gemeinde="03453001")
    kreis_only = _rows(at.table[2])
    leavers = kreis_only["Abgänge ohne Hauptschulabschluss"]
    assert leavers["Barßel"] == "nur je Kreis verfügbar"
    assert leavers["Landkreis Cloppenburg"] == "11,2 % (2024)"


def test_a_gemeinde_chosen_in_the_sidebar_opens_its_profile(open_app):
    at = open_app(PAGE, region="03453011")
    assert at.title[0].value == "Gemeindeprofil Löningen"
    assert at.query_params["gemeinde"] == "03453011"
