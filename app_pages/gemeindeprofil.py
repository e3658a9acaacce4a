"""Gemeindeprofil: one Gemeinde of the home Kreis next to the Kreis, each figure with its own year.

Gemeinde figures come from the few tables published per Gemeinde, often for older years than the
Kreis tables. So every figure carries its year, the Landkreis is shown for the same year (a fair
comparison) and for its newest year, and what exists only per Kreis is said plainly, never spread
over the Gemeinden.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.catalogue import CATALOGUE
from regions.home import home
from ui import sidebar, text, url
from ui.data import version
from ui.plain import plain
from ui.views import ProfileLine, categories, choosable_regions, profile_line, tile

AGE_GROUPS = "bevoelkerung_bildungsalter"
PER_GEMEINDE = (
    "arbeitslose_je_100_erwerbsfaehige",
    "beschaeftigtenquote",
    "beschaeftigungsquote_frauen",
    "jugendarbeitslose_je_100",
    "sgb2_quote_u15",
)
KREIS_ONLY = ("jugendarbeitslosenquote", "ohne_abschluss_anteil", "betreuungsquote_u3", "ausbildungsplaetze_je_100")


def _table(lines: list[tuple[str, ProfileLine]], gemeinde_name: str) -> None:
    """One row per figure: label, Gemeinde, Landkreis in the same year, Landkreis newest; all as text."""

    def column(part: str) -> list[str]:
        return [text.with_year(getattr(line, part), CATALOGUE[line.key].unit) for _, line in lines]

    frame = pd.DataFrame(
        {
            "Merkmal": [label for label, _ in lines],
            gemeinde_name: column("gemeinde"),
            f"{kreis.kind}, gleiches Jahr": column("kreis_same_year"),
            f"{kreis.kind}, neuester Wert": column("kreis_latest"),
        }
    )
    st.table(frame, border="horizontal", hide_index=True)


kreis = home()
selection = sidebar.current()
v = version()
if not kreis.gemeinden:
    st.title("Gemeindeprofil")
    st.info(
        f"{kreis.title} ist eine kreisfreie Stadt: Unter ihr gibt es keine Gemeinden, also auch kein "
        "Gemeindeprofil. Ihre Werte zeigen die Seiten Überblick und Indikator."
    )
    st.stop()
regions = choosable_regions(v)
gemeinden = regions[regions["level"] == "gemeinde"]
names = dict(zip(gemeinden["region_code"], gemeinden["name"], strict=True))
gemeinde = url.choice(
    st.selectbox,
    "Gemeinde",
    list(names),
    "gemeinde",
    selection.region if selection.is_gemeinde else kreis.main_gemeinde,
    format_func=names.get,
)
gemeinde_name = names[gemeinde]

st.title(f"Gemeindeprofil {plain(gemeinde_name)}")
st.caption(
    f"Werte der Gemeinde neben ihrem Kreis ({plain(kreis.title)}). Für Gemeinden werden nur wenige "
    "Tabellen veröffentlicht, oft für ältere Jahre; darum steht bei jedem Wert sein Jahr."
)

st.header("Kinder und junge Menschen nach Altersgruppen")
ages = [(category, profile_line(AGE_GROUPS, gemeinde, category, v)) for category in categories(AGE_GROUPS, v)]
_table(ages, gemeinde_name)
st.caption("Anzahl Einwohnerinnen und Einwohner am 31.12.; " + CATALOGUE[AGE_GROUPS].source)

st.header("Arbeit und soziale Lage")
lines = [(CATALOGUE[key].title, profile_line(key, gemeinde, "", v)) for key in PER_GEMEINDE]
_table(lines, gemeinde_name)
st.caption(
    "Für Gemeinden gibt es keine Arbeitslosenquote; die Zahl junger Arbeitsloser je 100 Einwohner "
    "dieses Alters dient als Ersatzgröße. Quellen: " + "; ".join(CATALOGUE[key].source for key in PER_GEMEINDE)
)

st.header("Nur je Kreis verfügbar")
st.markdown(
    f"Diese Indikatoren werden nicht je Gemeinde veröffentlicht. Für {plain(gemeinde_name)} gibt es daher "
    f"keinen eigenen Wert; zum Vergleich steht hier der Wert des Kreises ({plain(kreis.title)})."
)
kreis_only = [(CATALOGUE[key], tile(key, gemeinde, v).own) for key in KREIS_ONLY]
st.table(
    pd.DataFrame(
        {
            "Indikator": [indicator.title for indicator, _ in kreis_only],
            gemeinde_name: "nur je Kreis verfügbar",
            kreis.title: [text.with_year(figure, indicator.unit) for indicator, figure in kreis_only],
        }
    ),
    border="horizontal",
    hide_index=True,
)
