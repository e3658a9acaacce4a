"""Landkreisvergleich: all Kreise of the home Land ranked for one year, and two indicators side by side."""

from __future__ import annotations

import streamlit as st

from charts.format import fmt_rank
from indicators.catalogue import CATALOGUE
from indicators.correlation import in_words
from indicators.model import Direction
from regions.home import home
from regions.levels import KREISE, kreis_of
from ui import figures, sidebar, url
from ui.data import version
from ui.plain import plain
from ui.views import (
    categories,
    common_years,
    correlation,
    rank_of,
    years,
)

RANK_ONE = {
    Direction.LOWER_IS_BETTER: "niedrigster Wert (niedriger ist besser)",
    Direction.HIGHER_IS_BETTER: "höchster Wert (höher ist besser)",
    Direction.NEUTRAL: "höchster Wert (keine Wertung)",
}
KREIS_KEYS = [key for key, indicator in CATALOGUE.items() if "kreis" in indicator.levels]
GEMEINDE_KEYS = [key for key, indicator in CATALOGUE.items() if "gemeinde" in indicator.levels]


def _title(key: str) -> str:
    return f"{CATALOGUE[key].handlungsfeld}: {CATALOGUE[key].title}"


selection = sidebar.current()
v = version()
kreis = kreis_of(selection.region)
level_name = home().level_names[KREISE]
st.title("Landkreisvergleich")
if selection.is_gemeinde:
    st.info("Verglichen werden Kreise; hervorgehoben ist der Kreis der gewählten Gemeinde.")

key = url.choice(st.selectbox, "Indikator", KREIS_KEYS, "indikator", "ohne_abschluss_anteil", format_func=_title)
indicator = CATALOGUE[key]
options = categories(key, v)
category = url.choice(st.selectbox, "Kategorie", options, "kategorie", options[0]) if options != [""] else ""
available = years(key, KREISE, category, v)
if not available:
    st.info("Für diesen Indikator gibt es keine Werte der Kreise.")
    st.stop()
year = url.choice(st.sidebar.selectbox, "Jahr", available, "jahr", available[0])

rank = rank_of(key, kreis, year, category, v)
place = fmt_rank(rank.rank, rank.of, rank.tied) if rank.rank else "ohne Rang (kein Wert)"
st.header(f"{plain(rank.region_name)}: {place} im Jahr {year}")
st.caption(f"Rang 1 = {RANK_ONE[indicator.direction]}. {indicator.definition}")
figures.show("ranking", key, year, category, kreis, selection.group, v)

st.header("Zusammenhänge")
levels = home().level_names if home().gemeinden else {KREISE: level_name}
level = url.choice(st.radio, "Gebiete", list(levels), "ebene", KREISE, format_func=levels.get, horizontal=True)
pair_keys = KREIS_KEYS if level == KREISE else GEMEINDE_KEYS
left, right = st.columns(2)
x_default = "sgb2_quote_u15"
y_default = "ohne_abschluss_anteil_inkar" if level == KREISE else "arbeitslose_je_100_erwerbsfaehige"
x_key = url.choice(left.selectbox, "waagerecht (x)", pair_keys, "x", x_default, format_func=_title)
y_key = url.choice(right.selectbox, "senkrecht (y)", pair_keys, "y", y_default, format_func=_title)
both = common_years(x_key, y_key, level, v)
if not both:
    st.info(f"Die beiden Indikatoren haben kein gemeinsames Jahr mit Werten der {levels[level]}.")
else:
    scatter_year = year if year in both else both[0]
    if scatter_year != year:
        st.caption(f"Für {year} fehlt einer der beiden Indikatoren; gezeigt wird {scatter_year}.")
    st.subheader(f"{levels[level]} im Jahr {scatter_year}")
    highlight = kreis if level == KREISE else selection.region
    figures.show("scatter", x_key, y_key, scatter_year, highlight, level, v)
    st.text(in_words(correlation(x_key, y_key, scatter_year, level, v), figures.AREAS[level]))
st.warning(
    "Korrelation ist keine Ursache: Dass zwei Werte über die Gebiete gemeinsam steigen oder fallen, "
    "zeigt nicht, dass der eine den anderen bewirkt. Oft stecken dritte Größen dahinter (Alters- oder "
    "Wirtschaftsstruktur), und was für Gebiete gilt, gilt nicht für einzelne Menschen."
)
