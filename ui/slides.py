"""The slides of a deck for the presentation page and the deck downloads, rendered once and cached.

Paging through a deck in front of the Beirat must never wait on a query, so the first request for a
deck renders all its slides (deck.render) from the dashboard's cached indicator results and keeps
them, Vega-Lite specs included, under plain keys: the deck's file stem and modification time, the
store version and the chart scale. Saving the deck again or importing new data changes a key and
renders afresh; everything else is read from memory (unpickling all nine slides takes about 2 ms).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from deck.export import slides_to_pdf, slides_to_pptx
from deck.model import DeckError, deck_path, load_deck
from deck.render import PRESENTATION_SCALE, SlideContent, render_slide
from ui.data import imports, result
from ui.views import newest_year


class _CachedData:
    """deck.render.DeckData over the dashboard's cached results, so slides and pages share one computation."""

    def __init__(self, version: int) -> None:
        self.version = version

    def result(self, key: str) -> pd.DataFrame:
        return result(key, self.version)

    def imports(self) -> pd.DataFrame:
        return imports(self.version)

    def newest_year(self) -> int | None:
        return newest_year(self.version)


def stamp(path: Path) -> int:
    """Part of the cache key: changes when the deck file is saved again."""
    return path.stat().st_mtime_ns


@st.cache_data(show_spinner="Folien werden vorbereitet …")
def slides(stem: str, stamp: int, version: int, scale: float = PRESENTATION_SCALE) -> tuple[SlideContent, ...]:
    """Every slide of the deck stored as `stem` (deck.model.deck_path); DeckError for a missing or broken file."""
    path = deck_path(stem)
    if path is None:
        raise DeckError(f"Präsentation „{stem}“ gibt es nicht.")
    deck = load_deck(path)
    data = _CachedData(version)
    return tuple(render_slide(deck, i, data, scale) for i in range(len(deck.slides)))


EXPORTS = {"pptx": slides_to_pptx, "pdf": slides_to_pdf}


def export(stem: str, kind: str, version: int) -> bytes:
    """The deck as "pptx" or "pdf", made from the very slides the presentation shows (on the download click)."""
    path = deck_path(stem)
    return EXPORTS[kind](load_deck(path).name, slides(stem, stamp(path), version))
