"""Berufe und Fachkräfte: the Beirat's questions on skill gaps, MINT, women's employment and the transition.

Every number comes from the BA's tables by Kreis × Berufsgruppe (KldB 2010) and the indicators built
on them; the page lays them out. The Kreis is the one chosen in the sidebar (a Gemeinde's Kreis
when a Gemeinde is chosen: the BA publishes no Gemeinde values by occupation).
"""

from __future__ import annotations

import streamlit as st

from indicators import berufe
from indicators.catalogue import CATALOGUE
from regions.home import name_of
from regions.levels import land_of
from ui import berufe as view
from ui import figures, sidebar, text, url
from ui.data import version
from ui.views import shown_region, tile

TOP = 10
TRANSITION = ("ausbildungsplaetze_je_100", "azubis_je_1000_svb", "berufsschueler_je_1000")
ALL = "Alle Berufsbereiche"

selection = sidebar.current()
v = version()
kreis = shown_region(view.TIGHTNESS, selection.region)
tightness = CATALOGUE[view.TIGHTNESS]

st.title("Berufe und Fachkräfte")
st.caption(
    "Quelle: Statistik der Bundesagentur für Arbeit, Arbeitslose, gemeldete Arbeitsstellen und "
    "sozialversicherungspflichtig Beschäftigte nach Berufsgruppen (KldB 2010) je Kreis; eigene Berechnung. "
    "Ein Land ist die Summe seiner Kreise."
)
if kreis != selection.region:
    st.info("Die Bundesagentur für Arbeit veröffentlicht Berufsdaten nur je Kreis: gezeigt wird der Landkreis.")

years = view.years(kreis, v)
if not years:
    st.info(
        "Für diesen Kreis sind keine Berufsdaten im Datenbestand. Gebraucht werden die BA-Dateien "
        "jobs und unemployed_total nach Berufsgruppen (siehe data/raw/ba_berufe/PROVENANCE.md)."
    )
    st.stop()

st.header("Zeichnen sich Lücken in bestimmten Berufsfeldern ab?")
st.caption(tightness.definition)
year = url.choice(st.selectbox, "Jahr", years, "berufe_jahr", years[0])
land = land_of(kreis)
land_name = name_of(land)
table = view.occupations(kreis, land, year, v)
columns = st.columns(2)
with columns[0]:
    bereich = url.choice(st.selectbox, "Berufsbereich", [ALL, *view.bereiche(table)], "bereich", ALL)
with columns[1]:
    search = st.text_input("Berufsgruppe suchen", placeholder="z. B. Pflege, Elektro oder 263", key="suche")
chosen = view.filtered(table, "" if bereich == ALL else bereich, search)
tightest, loosest = berufe.extremes(chosen, TOP)
trend = f"Verlauf seit {berufe.FIRST_YEAR}"
config = {trend: st.column_config.LineChartColumn(trend, width="small")}

st.subheader(f"Engste Berufsgruppen {year}: wenige Arbeitslose je gemeldete Stelle")
if tightest.empty:
    st.info("Keine Berufsgruppe dieser Auswahl hat einen Wert (zu wenige gemeldete Stellen).")
else:
    st.dataframe(view.shown(tightest, land_name), hide_index=True, column_config=config)
st.subheader(f"Entspannteste Berufsgruppen {year}: viele Arbeitslose je gemeldete Stelle")
if not loosest.empty:
    st.dataframe(view.shown(loosest, land_name), hide_index=True, column_config=config)
small = int((chosen["status"] == "small_base").sum())
st.caption(
    f"{small} von {len(chosen)} Berufsgruppen der Auswahl haben keinen Wert: weniger als "
    f"{berufe.MIN_VACANCIES} gemeldete Stellen im Jahresdurchschnitt (Basis zu klein). Engpässe zeigen sich "
    "dort, wo auf eine Stelle kaum Arbeitslose kommen; die BA prüft für ihre Engpassanalyse zusätzlich "
    "die Vakanzzeiten. Der Verlauf lässt Jahre ohne Wert aus."
)
with st.expander(f"Alle {len(chosen)} Berufsgruppen der Auswahl"):
    st.dataframe(view.shown(chosen.sort_values("category"), land_name), hide_index=True, column_config=config)

options = list(chosen.sort_values("category")["category"])
if options:
    default = tightest["category"].iloc[0] if len(tightest) else options[0]
    group = st.selectbox("Berufsgruppe im Zeitverlauf", options, index=options.index(default), key="berufsgruppe")
    figures.show("time_series", view.TIGHTNESS, kreis, selection.group, group, v)

st.header("In welchen Berufen arbeiten Frauen?")
st.caption(CATALOGUE[view.WOMEN].definition)
st.dataframe(view.women_table(chosen), hide_index=True)

st.header("Wie stark ist der MINT-Bereich, und wie viele Frauen arbeiten darin?")
for key in ("mint_anteil_beschaeftigte", "frauenanteil_mint"):
    st.subheader(CATALOGUE[key].title)
    figures.show("time_series", key, kreis, selection.group, "", v)
    st.caption(CATALOGUE[key].definition)
st.caption(
    "Gezählte Berufsgruppen: " + ", ".join(berufe.mint_codes()) + ". Wie sich die Attraktivität von MINT "
    "steigern lässt, sagen diese Zahlen nicht; sie zeigen, wo der Kreis steht und ob Maßnahmen "
    "(z. B. Berufsorientierung für Mädchen) sich über die Jahre im Frauenanteil niederschlagen."
)

st.header("Wie entwickelt sich die Frauenerwerbstätigkeit?")
st.subheader(CATALOGUE["frauenanteil_svb"].title)
figures.show("time_series", "frauenanteil_svb", kreis, selection.group, "", v)
st.caption(CATALOGUE["frauenanteil_svb"].definition)
rate = tile("beschaeftigungsquote_frauen", kreis, v).own
st.markdown(f"**{CATALOGUE['beschaeftigungsquote_frauen'].title}**")
st.text(
    f"{rate.region_name}: {text.with_year(rate, '%')}. Die Quote je Einwohnerin lässt sich nur für die "
    "Jahre mit Bevölkerungszahlen nach Geschlecht berechnen; der Frauenanteil der BA oben läuft jährlich bis 2025."
)
st.subheader(CATALOGUE[view.GEMEINDE_RATE].title)
rates = view.gemeinde_rates(kreis, v)
if rates.empty:
    st.info("Für die Gemeinden dieses Kreises ist die INKAR-Beschäftigtenquote nicht im Datenbestand.")
else:
    st.dataframe(rates, hide_index=True)
st.caption(CATALOGUE[view.GEMEINDE_RATE].definition)

st.header("Übergang Schule – Beruf: Existiert ein funktionierendes Übergangsmanagement?")
st.markdown(
    "Ob ein Übergangsmanagement *funktioniert*, zeigen amtliche Zahlen nicht direkt: es gibt keine Statistik "
    "darüber, wer nach der Schule in welche Anschlussmaßnahme wechselt und wie lange er dort bleibt. Die Daten "
    "zeigen die Lage, in der es arbeitet: wie viele Ausbildungsplätze auf die Nachfrage kommen, wie viele "
    "Beschäftigte in Ausbildung sind, wie viele junge Menschen die Berufsschule besuchen und wie groß der "
    "Übergangsbereich ist."
)
for key in TRANSITION:
    st.subheader(CATALOGUE[key].title)
    figures.show("time_series", key, kreis, selection.group, "", v)
    st.caption(CATALOGUE[key].definition)
transit = tile("uebergangsbereich_anteil", kreis, v)
st.subheader(CATALOGUE["uebergangsbereich_anteil"].title)
st.text(
    f"{transit.own.region_name}: {text.with_year(transit.own, '%')}; {text.named(transit.land, '%')}. "
    "Die Tabelle der beruflichen Schulen nach Schulart (21121-01-05-4) liegt nur für 2015 vor: "
    "eine Entwicklung lässt sich daraus nicht ablesen."
)
st.caption(CATALOGUE["uebergangsbereich_anteil"].definition)
st.markdown(
    "**Was die Daten nicht sagen können:** ob Jugendliche ohne Ausbildungsplatz begleitet werden, wie viele "
    "eine Maßnahme abbrechen oder nach ihr eine Ausbildung beginnen. Dafür bräuchte es eine individuelle "
    "Verlaufsstatistik (z. B. die Integrierte Ausbildungsberichterstattung mit Schülerdaten nach Bildungsgang "
    "je Jahr) oder eigene Erhebungen der Jugendberufsagentur, die über die Vorlage für eigene Daten "
    "importiert werden können."
)
