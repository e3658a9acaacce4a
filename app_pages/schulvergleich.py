"""Schulen im Vergleich: "Woher lassen sich die Unterschiede zwischen den Schulen herleiten?"

All schools of the home Kreis, or of one of its Gemeinden, side by side for one indicator of the
office's own data and one year, with the Gemeinde and Kreis totals computed from the schools.
Suppression (indicators.schulvergleich) is complete before anything reaches this page; here it is
only laid out and explained.
"""

from __future__ import annotations

import streamlit as st

from indicators.catalogue import CATALOGUE
from indicators.schulvergleich import all_hidden
from indicators.status import SUPPRESSION_THRESHOLD
from regions.home import home
from ui import figures, sidebar, tables, url
from ui import schulvergleich as view
from ui.data import version
from ui.plain import plain

kreis = home()
selection = sidebar.current()
v = version()

st.title("Schulen im Vergleich")
st.caption(
    "Eigene Daten des Bildungsbüros je Schule (Vorlage für eigene Daten). Verglichen werden die Schulen "
    f"{kreis.in_title} oder einer Gemeinde; die Summen der Gemeinden und des Kreises sind aus diesen Schulen "
    "berechnet."
)
columns = st.columns(3)
key = url.choice(
    columns[0].selectbox, "Indikator", view.KEYS, "indikator", view.KEYS[0], format_func=lambda k: CATALOGUE[k].title
)
indicator = CATALOGUE[key]
available = view.years(key, v)
if not available:
    st.info(
        f"Noch keine eigenen Schuldaten für „{indicator.title}“ im Datenbestand. Importieren Sie die ausgefüllte "
        "Vorlage für eigene Daten (data/templates/eigene_daten_vorlage.csv oder .xlsx) auf der Seite "
        "Daten & Quellen (Rolle Analyse) oder mit `python cli.py import DATEI`."
    )
    st.page_link("app_pages/daten_quellen.py", label="Zu Daten & Quellen: eigene Daten importieren")
    st.stop()
year = url.choice(columns[1].selectbox, "Jahr", available, "jahr", available[0])
places = view.gemeinden(key, year, v)
areas = {kreis.key: f"alle Schulen {kreis.in_title}"} | {code: f"Schulen in {name}" for code, name in places.items()}
default = selection.region if selection.region in areas else kreis.key
area = url.choice(columns[2].selectbox, "Schulen", list(areas), "gebiet", default, format_func=areas.get)

frame = view.comparison(key, year, area, v)
st.header(f"{plain(indicator.title)}: {plain(areas[area])}, {year}")
st.caption(indicator.definition)
name = f"schulvergleich_{key}_{area}_{year}"
if all_hidden(frame):
    st.warning(
        f"Für {plain(areas[area])} im Jahr {year} sind alle Werte aus Datenschutzgründen unterdrückt: Die Fallzahlen "
        f"sind kleiner als {SUPPRESSION_THRESHOLD} oder ließen sich sonst aus einer gezeigten Summe zurückrechnen. "
        "Die Tabelle nennt je Zeile den Grund. Ein anderes Jahr oder alle Schulen des Kreises zeigen womöglich Werte."
    )
else:
    figures.show("schools", key, year, area, v)
    figures.downloads("schools", key, year, area, v, name=name)

st.subheader("Tabelle")
table = view.table(frame, key)
st.dataframe(view.on_screen(frame, key), hide_index=True)
st.caption(
    f"Datenschutz: Werte aus weniger als {SUPPRESSION_THRESHOLD} Fällen (aber nicht 0) sind unterdrückt, dazu "
    "die kleinste weitere Schule der Gemeinde, genau wie auf allen anderen Seiten. Von den Summen ist jede "
    "unterdrückt, aus der sich sonst eine unterdrückte Schule zurückrechnen ließe (Gemeinde minus ihre Schulen, "
    "Kreis minus die Gemeinden); das gilt für den ganzen Kreis, darum zeigt die Auswahl einer Gemeinde dieselben "
    "Lücken. Summen zählen nur Schulen mit beiden Angaben (Zähler und Nenner)."
)
tables.downloads(table, name)
st.caption(
    "Die Zahlen zeigen, wo sich Schulen unterscheiden, nicht warum: Dafür braucht es, was die Vorlage nicht "
    "erhebt (z. B. Schulform, Zusammensetzung der Schülerschaft, Förderbedarf), und das Gespräch mit den Schulen."
)
