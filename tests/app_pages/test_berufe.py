"""Berufe und Fachkräfte: tightest and loosest Berufsgruppen, women's shares, MINT, women's employment."""

from __future__ import annotations

PAGE = "app_pages/berufe.py"


def _frame(at, index):
    return at.dataframe[index].value


def _all_groups(at):
    """The table of every Berufsgruppe of the selection: the last one with the ratio column."""
    return [d.value for d in at.dataframe if "Arbeitslose je Stelle" in d.value.columns][-1]


def test_the_tightest_and_loosest_groups_of_cloppenburg_2025_with_niedersachsen_and_trend(open_app):
    at = open_app(PAGE)
    assert at.title[0].value == "Berufe und Fachkräfte"
    assert at.header[0].value == "Zeichnen sich Lücken in bestimmten Berufsfeldern ab?"
    tightest, loosest = _frame(at, 0), _frame(at, 1)
    # 261 Mechatronik 2025: 7.5 unemployed / 31 vacancies → 0,2; NI sum of its Kreise 0,4.
    first = tightest.iloc[0]
    assert first["Berufsgruppe"] == "261 Mechatronik und Automatisierungstechnik"
    assert (first["Arbeitslose je Stelle"], first["Niedersachsen"]) == ("0,2", "0,4")
    assert len(first["Verlauf seit 2012"]) == 14  # 2012 … 2025
    # 513 Lager (the hand check 436.67 / 84.75 = 5.15) is among the loosest ten.
    lager = loosest[loosest["Berufsgruppe"].str.startswith("513 ")].iloc[0]
    assert (lager["Arbeitslose je Stelle"], lager["Arbeitslose"], lager["Gemeldete Stellen"]) == ("5,2", "437", "85")
    assert loosest.iloc[0]["Berufsgruppe"] == "541 Reinigung"


def test_groups_with_a_small_base_are_counted_and_never_ranked(open_app):
    at = open_app(PAGE)
    everything = _all_groups(at)
    small = everything[everything["Arbeitslose je Stelle"].str.startswith("Basis zu klein")]
    assert len(small) == 110 and len(everything) == 144
    ranked = set(_frame(at, 0)["Berufsgruppe"]) | set(_frame(at, 1)["Berufsgruppe"])
    assert len(ranked) == 20 and not set(small["Berufsgruppe"]) & ranked
    assert any(c.value.startswith("110 von 144 Berufsgruppen der Auswahl haben keinen Wert") for c in at.caption)


def test_the_berufsbereich_filter_keeps_only_its_groups(open_app):
    at = open_app(PAGE, bereich="4 Naturwissenschaft, Geografie und Informatik")
    groups = set(_all_groups(at)["Berufsgruppe"])
    assert groups and all(g.startswith("4") for g in groups)


def test_an_earlier_year_is_chosen_by_link(open_app):
    at = open_app(PAGE, berufe_jahr="2012")
    assert at.subheader[0].value.startswith("Engste Berufsgruppen 2012")


def test_womens_share_per_group(open_app):
    at = open_app(PAGE)
    women = _frame(at, 3)
    # 252 Fahrzeugtechnik 30.06.2025: 50 women of 1,700 employees = 2,9 %
    row = women[women["Berufsgruppe"].str.startswith("252 ")].iloc[0]
    assert (row["Frauenanteil"], row["Stichtag"], row["SV-Beschäftigte am Wohnort"]) == ("2,9 %", "30.06.2025", "1.700")


def test_mint_and_womens_employment_are_described_in_words(open_app):
    at = open_app(PAGE)
    texts = [t.value.replace("\u00a0", " ") for t in at.text]  # chart texts keep number and unit together
    # MINT 2025: 14,778 of 80,327 = 18,4 %; women 1,768 of 14,778 = 12,0 %
    assert any("Anteil der Beschäftigten in MINT-Berufen" in t and "2025: 18,4 %" in t for t in texts)
    assert any("Frauenanteil in MINT-Berufen" in t and "2025: 12,0 %" in t for t in texts)
    # Beschäftigungsquote Frauen 2015: 25,643 of 53,358 = 48,1 %
    assert any(t.startswith("Cloppenburg, Landkreis: 48,1 % (2015)") for t in texts)


def test_the_gemeinden_employment_rate_runs_2001_to_2019(open_app):
    at = open_app(PAGE)
    rates = _frame(at, 4)
    barssel = rates[rates["Gemeinde"] == "Barßel"].iloc[0]
    assert (barssel["2001"], barssel["2019"]) == ("45,3 %", "60,2 %")
    assert len(rates) == 13


def test_the_transition_section_shows_every_year_and_says_what_the_data_cannot_say(open_app):
    at = open_app(PAGE)
    assert at.header[-1].value == "Übergang Schule – Beruf: Existiert ein funktionierendes Übergangsmanagement?"
    texts = [t.value.replace("\u00a0", " ") for t in at.text]  # chart texts keep number and unit together
    # INKAR: q_auspl 1995–2021 (Cloppenburg 2021: 109.89), a_azubi and q_bs 1995–2022 (2022: 47.76 and 19.94)
    assert any(
        t.startswith("Liniendiagramm: Ausbildungsplätze je 100 Nachfragende (je 100), 1995 bis 2021") for t in texts
    )
    assert any("1995 bis 2022" in t and "2022: 47,8 je 1.000" in t for t in texts)
    assert any("1995 bis 2022" in t and "2022: 19,9 je 1.000" in t for t in texts)
    assert any("nur für 2015 vor" in t for t in texts)
    assert any(m.value.startswith("**Was die Daten nicht sagen können:**") for m in at.markdown)
