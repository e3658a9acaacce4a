"""Indikator: one indicator in four tabs: Diagramm, Karte, Tabelle, Quellen.

Only the open tab is drawn (the tabs track their state), so switching the region does not render a
map nobody looks at.
"""

from __future__ import annotations

import streamlit as st

from deck.model import slug
from indicators.catalogue import CATALOGUE
from regions.home import home, name_of
from regions.levels import GEMEINDEN, KREISE
from ui import figures, sidebar, tables, text, url
from ui.data import version
from ui.plain import plain
from ui.views import (
    any_level_years,
    area_levels,
    categories,
    current_files,
    default_year,
    is_empty,
    series,
    shown_region,
    statuses,
    value_notes,
    years,
)
from ui.ziele import standings_of
from ui.ziele import version as goals_version
from ziele.status import distance, label

TABS = ["Diagramm", "Karte", "Tabelle", "Quellen"]


kreis = home()
selection = sidebar.current()
v = version()
key = url.choice(
    st.selectbox,
    "Indikator",
    list(CATALOGUE),
    "indikator",
    "ohne_abschluss_anteil",
    format_func=lambda k: f"{CATALOGUE[k].handlungsfeld}: {CATALOGUE[k].title}",
)
indicator = CATALOGUE[key]
options = categories(key, v)
category = url.choice(st.selectbox, "Kategorie", options, "kategorie", options[0]) if options != [""] else ""
region = shown_region(key, selection.region)
levels = area_levels(key)
available = any_level_years(key, category, v)

st.title(indicator.title)
st.caption(indicator.definition)
# Only an indicator without any row has no data; a category whose values are all suppressed has rows.
if is_empty(key, v):
    st.info(
        "Für diesen Indikator sind noch keine Daten im Datenbestand (z. B. eigene Schuldaten vor dem ersten Import)."
    )
    st.stop()
if region != selection.region:
    st.info(f"Diesen Indikator gibt es nur je Kreis, nicht je Gemeinde. Gezeigt wird der Kreis ({plain(region)}).")

year = (
    url.choice(st.sidebar.selectbox, "Jahr (Karte)", available, "jahr", default_year(key, region, category, v))
    if available
    else None
)
# The category in words ("..._beispielschule_a"), never its position: "_0" said nothing about the file.
name = f"{key}_{region}" + (f"_{slug(category)}" if category else "")
tab = url.tabs(TABS)

if tab["Diagramm"].open:
    with tab["Diagramm"]:
        gv = goals_version()
        shown = series(key, selection.region, selection.group, category, v)
        region_name = selection.region_name if region == selection.region else name_of(region)
        nothing = text.no_values(shown, indicator, region_name, category)
        if nothing:
            st.info(plain(nothing))
        else:
            figures.show("time_series", key, selection.region, selection.group, category, v, gv)
        for goal in standings_of(key, shown_region(key, selection.region, category, v), v, gv, category):
            st.caption(f"Ziel: {label(goal)} – {distance(goal)}")
        if indicator.breaks:
            st.caption("Datenbrüche: " + "; ".join(f"{b.year}: {b.label}" for b in indicator.breaks))
        st.caption(
            f"Vergleichsgruppe: {selection.group_name}. Linien enden, wo ein Jahr keinen Wert hat; "
            "die Tabelle nennt den Grund."
        )
        if not nothing:
            figures.downloads("time_series", key, selection.region, selection.group, category, v, gv, name=name)

if tab["Karte"].open:
    with tab["Karte"]:
        level = KREISE
        if len(levels) == 2:
            # Own school data have no Kreis values: their map opens on the Gemeinden.
            default_level = GEMEINDEN if selection.is_gemeinde or not years(key, KREISE, category, v) else KREISE
            level = url.choice(
                st.radio, "Karte", levels, "ebene", default_level, format_func=kreis.level_names.get, horizontal=True
            )
        elif kreis.kreisfrei and "gemeinde" in indicator.levels:
            st.caption(f"{plain(kreis.title)} ist eine kreisfreie Stadt ohne Gemeinden: Die Karte zeigt die Kreise.")
        level_years = years(key, level, category, v)
        if not level_years:
            st.info(plain(text.no_map_values(indicator, level, category)))
        else:
            if year not in level_years:
                st.info(
                    f"Für {year} gibt es keine Werte für die {kreis.level_names[level]}. "
                    f"Jahre mit Werten: {', '.join(str(y) for y in level_years)}."
                )
            figures.show("map", key, level, year, category, region, v)
            figures.downloads("map", key, level, year, category, region, v, name=f"{name}_karte_{year}")

if tab["Tabelle"].open:
    with tab["Tabelle"]:
        table = tables.indicator_table(series(key, selection.region, selection.group, category, v), indicator)
        st.dataframe(tables.styled(table, indicator.unit), hide_index=True)
        st.caption("Status der gezeigten Werte: " + "; ".join(sorted(set(table["Status"]))))
        with st.expander("Zeichenerklärung der Quellen"):
            st.table(tables.legend(), hide_index=True)
        tables.downloads(table, name)

if tab["Quellen"].open:
    with tab["Quellen"]:
        st.markdown(
            f"**Definition:** {indicator.definition}\n\n"
            f"**Zähler:** {indicator.numerator}\n\n"
            f"**Nenner:** {indicator.denominator or '–'}\n\n"
            f"**Berechnung:** {text.formula(indicator.unit, 'published' in statuses(key, v))}\n\n"
            f"**Einheit:** {indicator.unit} · **Richtung:** {indicator.direction.label}\n\n"
            f"**Quelle:** {indicator.source}"
        )
        for source_table in indicator.tables:
            st.markdown(f"**Tabelle {source_table.code}** – {source_table.uses}")
            files = current_files(source_table.code, v)
            if files.empty:
                st.caption("Noch keine Datei dieser Tabelle importiert.")
            else:
                st.dataframe(tables.provenance(files).drop(columns=["Tabelle", "Titel"]), hide_index=True)
        notes = value_notes(key, v)
        if notes:
            st.markdown("**Hinweise zu einzelnen Werten:** " + "; ".join(plain(note) for note in notes))
