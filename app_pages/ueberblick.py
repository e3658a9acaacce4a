"""Überblick: one tile per question of the Bildungsbeirat, each opening its indicator page."""

from __future__ import annotations

import streamlit as st

from charts.format import fmt_value
from deck.model import beirat_questions
from indicators.catalogue import CATALOGUE
from indicators.cuts import since
from regions.home import home
from ui import figures, sidebar, text
from ui.data import version
from ui.plain import plain
from ui.views import tile
from ui.ziele import standings_of
from ui.ziele import version as goals_version
from ziele.status import label

# A second measure of the same question, shown under the headline with its own year: the women's
# employment rate (the deck's headline) needs the female population by age, which the bundled files
# give for 2015 only; the BA's share of women among employees runs to 2025 and stands under it.
ALSO = {"beschaeftigungsquote_frauen": "frauenanteil_svb"}

# st.metric's named colours; .streamlit/config.toml sets them to a colour-blind-safe blue and orange.
_TREND_COLOUR = {True: "blue", False: "orange", None: "gray"}
_TREND_WORD = {True: "besser", False: "schlechter", None: ""}


def _draw_tile(field: str, question: str, key: str) -> None:
    selection = sidebar.current()
    indicator = CATALOGUE[key]
    facts = tile(key, selection.region, version())
    own = facts.own
    with st.container(border=True):
        st.markdown(f"**{field}**")
        st.caption(question)
        if facts.substituted:
            st.caption(f"Nur je Kreis verfügbar – gezeigt wird {plain(own.region_name)}.")
        if facts.badge:
            st.badge(facts.badge, icon=":material/history:", color="orange")
        arrow = "off" if not facts.change else ("up" if facts.change > 0 else "down")
        st.metric(
            # The year leads: a narrow tile cuts the label's end, and the year must never be what is cut.
            f"{own.year}: {indicator.title}" if own.year else indicator.title,
            fmt_value(own.value, indicator.unit, own.status),
            text.difference(facts.change, indicator.unit) if facts.previous_year else None,
            delta_color=_TREND_COLOUR[facts.better],
            delta_arrow=arrow,
            delta_description=(
                f"{since(facts.previous_year, own.year)} {_TREND_WORD[facts.better]}".strip()
                if facts.previous_year
                else None
            ),
            help=f"{indicator.definition} Richtung: {indicator.direction.label}.",
        )
        counts = text.counts(own)
        if counts:
            st.caption(counts)
        if key in ALSO:
            _also(ALSO[key], selection.region)
        for goal in standings_of(key, own.region_code, version(), goals_version()):
            target = fmt_value(goal.assessment.zielwert, indicator.unit)
            st.caption(f"Ziel: {target} im Jahr {goal.assessment.zieljahr} · {label(goal)}")
        if len(facts.trend) > 1:
            figures.show("sparkline", key, selection.region, version())
        for reference, delta in ((facts.land, facts.to_land), (facts.bund, facts.to_bund)):
            line = text.named(reference, indicator.unit)
            if delta is not None:
                line += f" · Abstand {text.difference(delta, indicator.unit)}"
            st.caption(plain(line), help=plain(reference.note) if reference.note else None)
        st.page_link(
            "app_pages/indikator.py",
            label="Verlauf, Karte und Quellen",
            query_params={"indikator": key, "region": selection.region, "vergleich": selection.group},
        )


def _also(key: str, region: str) -> None:
    """The companion measure in one line with its year, and its Stand badge when it is old."""
    indicator = CATALOGUE[key]
    facts = tile(key, region, version())
    # Named with its region: for a Gemeinde the headline may be the Landkreis, this line the Gemeinde.
    line = f"Außerdem: {indicator.title} – {text.named(facts.own, indicator.unit)}"
    st.caption(plain(line), help=indicator.definition)
    if facts.badge:
        st.badge(facts.badge, icon=":material/history:", color="orange")


selection = sidebar.current()
st.title("Überblick")
st.caption(
    f"{plain(selection.region_name)} im Vergleich mit {home().land_name} und Deutschland. Jeder Wert nennt sein Jahr; "
    "der Pfeil zeigt die Veränderung zum vorherigen Wert, blau = besser, orange = schlechter."
)
# The Beirat's questions, declared once with the slides that answer them (config/decks/beirat_standard.toml).
questions = beirat_questions()
for row in range(0, len(questions), 3):
    for column, q in zip(st.columns(3), questions[row : row + 3], strict=False):
        with column:
            _draw_tile(q.topic, q.question, q.indicator)
