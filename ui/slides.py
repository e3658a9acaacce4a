"""The slides of a deck for the presentation page and the deck downloads, rendered once and cached.

Paging through a deck in front of the Beirat must never wait on a query, so every slide is rendered
(deck.render) from the stored indicator results and kept, Vega-Lite spec included, under plain keys:
the deck file's modification time and the goals' version (`stamp`), the store version and the slide.
Saving the deck again or importing new data changes a key and renders afresh; everything else is read
from memory (unpickling all nine slides takes about 2 ms).

The first request renders the slide it asks for, shows it, and only then the rest of the deck
(`slides`): a presenter who opens a slide link right after a server start sees it without waiting
for the other eight.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from deck.model import Deck, DeckError, deck_path, load_deck
from deck.render import PRESENTATION_SCALE, SlideContent, render_slide
from ui.data import imports, newest_year, result
from ui.ziele import goals
from ui.ziele import version as goals_version
from ziele.model import Ziel


class CachedData:
    """deck.render.DeckData over the dashboard's cached results, so slides and pages share one computation."""

    def __init__(self, version: int) -> None:
        self.version = version

    def result(self, key: str) -> pd.DataFrame:
        return result(key, self.version)

    def imports(self) -> pd.DataFrame:
        return imports(self.version)

    def goals(self) -> tuple[Ziel, ...]:
        return goals(goals_version())

    def newest_year(self) -> int | None:
        return newest_year(self.version)


def stamp(path: Path) -> str:
    """Part of the cache key: changes when the deck file is saved again, or the goals (Zielstand slides)."""
    return f"{path.stat().st_mtime_ns}-{goals_version()}"


def _deck(stem: str) -> Deck:
    path = deck_path(stem)
    if path is None:
        raise DeckError(f"Präsentation „{stem}“ gibt es nicht.")
    return load_deck(path)


@st.cache_data(show_spinner=False)
def count(stem: str, stamp: str) -> int:
    """How many slides the deck stored as `stem` has; DeckError for a missing or broken file."""
    return len(_deck(stem).slides)


@st.cache_data(show_spinner=False)
def slide(stem: str, stamp: str, version: int, number: int) -> SlideContent:
    """Slide `number` (1-based) of the deck stored as `stem` (deck.model.deck_path), at the projector's scale."""
    return render_slide(_deck(stem), number - 1, CachedData(version), PRESENTATION_SCALE)


@st.cache_data(show_spinner=False)
def slides(stem: str, stamp: str, version: int) -> tuple[SlideContent, ...]:
    """Every slide of the deck, each through `slide`'s cache (the same keys the presentation page uses)."""
    return tuple(slide(stem, stamp, version, n) for n in range(1, count(stem, stamp) + 1))


def export(stem: str, kind: str, version: int) -> bytes:
    """The deck as "pptx" or "pdf", made from the very slides the presentation shows (on the download click).

    deck.export is imported here, not at the top: python-pptx and fpdf2 take about a second to import,
    and the first slide after a server start should not wait for libraries only a download needs.
    """
    from deck.export import slides_to_pdf, slides_to_pptx

    path = deck_path(stem)
    writer = {"pptx": slides_to_pptx, "pdf": slides_to_pdf}[kind]
    return writer(load_deck(path).name, slides(stem, stamp(path), version))
