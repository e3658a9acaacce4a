"""Präsentationsmodus: one slide of a deck on the whole screen, for the Bildungsbeirat's projector.

The URL names deck and slide (`/praesentation?deck=beirat_standard&folie=3`, 1-based), so a link
opens that slide and every step writes the new number back. There is one way to change the slide:
the four buttons Anfang, Zurück, Weiter, Ende; keys and presenter clickers press them through
ui/presentation_keys.js. The slides come from ui.slides' cache, so a step never waits on a query.
Read-only: the page reads the store and the deck file and offers nothing that imports or saves.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from deck.model import DEFAULT_DECK, DeckError, deck_path
from ui import presentation, url
from ui.data import version
from ui.plain import plain
from ui.slides import count, slide, slides, stamp


def _go(number: int) -> None:
    st.query_params["folie"] = str(number)


def _number(total: int) -> int:
    """The slide the URL names, within 1..total; anything else opens the first slide."""
    wanted = st.query_params.get("folie", "1")
    # isdigit() alone accepts "²" and "٣", which int() refuses; only ASCII digits are a slide number.
    return min(max(int(wanted), 1), total) if wanted.isascii() and wanted.isdigit() else 1


presentation.stage()
stem = st.query_params.get("deck", DEFAULT_DECK.stem)
path = deck_path(stem)
if path is None:  # an unknown deck falls back to the default, as unknown values in every link do
    stem, path = DEFAULT_DECK.stem, DEFAULT_DECK
url.publish("deck", stem)
try:
    total = count(stem, stamp(path))
    number = _number(total)
    content = slide(stem, stamp(path), version(), number)
except DeckError as error:
    st.error(f"Diese Präsentation lässt sich nicht zeigen. {plain(error)}")
    st.page_link("app_pages/praesentationen.py", label="Zu den Präsentationen")
    st.stop()
url.publish("folie", number)

st.html(presentation.text_html(content))
if content.chart is not None:
    with st.container(key="diagramm"):
        st.vega_lite_chart(spec=presentation.chart_spec(content), width="content", theme=None)
if content.source_line:
    st.html(f'<div class="bm-source">{escape(content.source_line)}</div>')

with st.container(key="navigation", horizontal=True):
    first, last = number == 1, number == total
    st.button("Anfang", key="anfang", type="tertiary", on_click=_go, args=(1,), disabled=first)
    st.button("Zurück", key="zurueck", type="tertiary", on_click=_go, args=(number - 1,), disabled=first)
    st.html(f'<div class="bm-counter">{content.counter}</div>', width="content")
    st.button("Weiter", key="weiter", type="tertiary", on_click=_go, args=(number + 1,), disabled=last)
    st.button("Ende", key="ende", type="tertiary", on_click=_go, args=(total,), disabled=last)
    st.page_link("app_pages/praesentationen.py", label="Beenden")

# The slide is on screen; now the rest of the deck, so that no later step renders (read from the cache
# after the first request, so this costs nothing on a step).
slides(stem, stamp(path), version())
