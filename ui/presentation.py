"""How a slide looks on the projector: HTML around a deck.render.SlideContent, the stage CSS and the key script.

The text of a slide is HTML (sizes in vh, see presentation.css), so it scales with the window and
reads the same at 1280×720 and 1920×1080; the chart is the slide's own Vega-Lite spec. Everything
from the deck file or the store is escaped: a heading typed in the builder is text, never markup.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import streamlit as st

from deck.render import ZIELSTAND_COLUMNS, SlideContent
from ui.text import unbroken

_HERE = Path(__file__).resolve().parent
STAGE_CSS = _HERE / "presentation.css"
KEYS_SCRIPT = _HERE / "presentation_keys.js"


def _paragraphs(lines: tuple[str, ...]) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


_DENSE_ROWS = 8  # more goals than this get the smaller text (presentation.css, .bm-dense)


def _goals_table(content: SlideContent) -> str:
    """The Zielstand: sub line, the example note, then the table (or why there is none)."""
    parts = [f'<div class="bm-sub">{escape(content.subheading)}</div>']
    if content.details:
        parts.append(f'<div class="bm-details">{escape(" · ".join(content.details))}</div>')
    if content.table:
        head = "".join(f"<th>{escape(c)}</th>" for c in ZIELSTAND_COLUMNS)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(unbroken(cell))}</td>" for cell in row) + "</tr>" for row in content.table
        )
        dense = " bm-dense" if len(content.table) > _DENSE_ROWS else ""
        parts.append(f'<table class="bm-goals{dense}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    parts.append(f'<div class="bm-body">{_paragraphs(content.body)}</div>')
    return "".join(parts)


def text_html(content: SlideContent) -> str:
    """The slide's text above the chart: heading, subheading, key statement and the lines under it."""
    heading = f'<h1 class="bm-heading">{escape(content.heading)}</h1>'
    if content.kind == "title":
        sub = f'<div class="bm-sub">{escape(content.subheading)}</div>' if content.subheading else ""
        body = f'<div class="bm-body">{_paragraphs(content.body)}</div>'
        return f'<div class="bm-slide bm-title"><div class="bm-bar"></div>{heading}{sub}{body}</div>'
    if content.kind == "text":
        return f'<div class="bm-slide">{heading}<div class="bm-body">{_paragraphs(content.body)}</div></div>'
    if content.kind == "zielstand":
        return f'<div class="bm-slide">{heading}{_goals_table(content)}</div>'
    if content.kind == "sources":
        licences = f'<div class="bm-licences">{_paragraphs(content.licences)}</div>'
        return f'<div class="bm-slide bm-sources">{heading}{_paragraphs(content.body)}{licences}</div>'
    parts = [
        heading,
        f'<div class="bm-sub">{escape(content.subheading)}</div>',
        f'<div class="bm-statement">{escape(unbroken(content.statement))}</div>',
    ]
    if content.details:
        parts.append(f'<div class="bm-details">{escape(unbroken(" · ".join(content.details)))}</div>')
    if content.chart is None:
        parts.append('<div class="bm-nodata">Für dieses Diagramm gibt es im Datenbestand keine Werte.</div>')
    return f'<div class="bm-slide">{"".join(parts)}</div>'


def chart_spec(content: SlideContent) -> dict:
    """The chart at the size its builder set ("pad"), which the stage CSS then scales to the slide."""
    return content.chart | {"autosize": {"type": "pad", "contains": "padding"}}


def stage() -> None:
    """Install the key script (once per tab; see presentation_keys.js)."""
    with st.container(key="tasten"):  # STAGE_CSS comes through the router (ui/accessibility.install)
        st.html(f"<script>{KEYS_SCRIPT.read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)
