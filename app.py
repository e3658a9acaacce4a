"""Bildungsmonitor for the home Kreis of config/region.toml (regions.home): the router.

Streamlit runs this file for every page and every rerun: it sets up the page, draws the shared
sidebar, runs the chosen page from app_pages/ and finally tidies the URL. The pages folder is not
called `pages/`, so Streamlit never falls back to its legacy folder mode (see README).

The Präsentationsmodus is the one page without the sidebar: the projector shows the slide alone,
and a region chosen in the sidebar would have no meaning there (each slide names its own). It is
hidden from the menu and opened from the Präsentationen page or by a link.
"""

from __future__ import annotations

import streamlit as st

from regions.home import UnknownRegion, home
from ui import access, accessibility, navigation, sidebar, url
from ui.accessibility import STYLESHEET
from ui.data import db_path, version
from ui.presentation import STAGE_CSS

try:
    kreis = home()
except UnknownRegion as error:
    st.set_page_config(page_title="Bildungsmonitor", page_icon="📊", layout="wide")
    st.error(str(error))
    st.stop()
st.set_page_config(page_title=f"Bildungsmonitor {kreis.title}", page_icon="📊", layout="wide")
url.start_run()

presentation = st.Page("app_pages/praesentation.py", title="Präsentationsmodus", visibility="hidden")
sections = {
    "Übersicht": [
        st.Page("app_pages/ueberblick.py", title="Überblick", default=True),
        st.Page("app_pages/ziele.py", title="Ziele"),
    ],
    "Analyse": [
        st.Page("app_pages/indikator.py", title="Indikator"),
        st.Page("app_pages/landkreisvergleich.py", title="Landkreisvergleich"),
        st.Page("app_pages/gemeindeprofil.py", title="Gemeindeprofil"),
        st.Page("app_pages/berufe.py", title="Berufe und Fachkräfte"),
        st.Page("app_pages/schulvergleich.py", title="Schulen im Vergleich"),
    ],
    "Präsentation": [
        st.Page("app_pages/praesentationen.py", title="Präsentationen"),
        presentation,
        st.Page("app_pages/bericht.py", title="Bericht"),
    ],
    "Grundlagen": [
        st.Page("app_pages/daten_quellen.py", title="Daten & Quellen"),
        st.Page("app_pages/barrierefreiheit.py", title="Barrierefreiheit"),
    ],
}
# Streamlit's own menu fails screen readers (see ui/navigation.py); the router draws its own below.
page = st.navigation(sections, position="hidden")
# The Präsentationsmodus has its own stylesheet, which hides Streamlit's chrome (one per run: see install).
accessibility.install(STAGE_CSS if page.url_path == presentation.url_path else STYLESHEET)

if not db_path().exists():
    st.error(f"Datenbestand {db_path()} fehlt. Bitte zuerst `python cli.py build` ausführen (oder `./run`).")
    st.stop()

if page.url_path != presentation.url_path:
    st.sidebar.title("Bildungsmonitor")
    st.sidebar.caption(f"{kreis.title} · Bildungsbüro")
    navigation.draw(sections)
    sidebar.draw(version())
    access.sign_in_box()
page.run()
url.drop_unclaimed()
