"""What every page needs to be usable with a keyboard and a German screen reader (BITV 2.0 / WCAG 2.1 AA).

The router calls `install()` first on every page: a stylesheet (visible focus, no English chart
toolbar) and a script that declares the page German and translates the few English strings of
Streamlit's own frontend (ui/german.js). Colours that pass 4.5:1 are the theme's business
(.streamlit/config.toml); what is met and what is not says the page "Barrierefreiheit".
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_HERE = Path(__file__).resolve().parent
STYLESHEET = _HERE / "accessibility.css"
GERMAN_SCRIPT = _HERE / "german.js"


def install(*stylesheets: Path) -> None:
    """The accessibility stylesheet (with any page stylesheets) and the German script.

    All stylesheets travel in one style-only st.html: Streamlit puts such an element into its event
    container, and of two there the second was seen not to apply (the slide's stylesheet lost, so
    the slides showed Streamlit's header). The script sits in a hidden container of its own.
    """
    css = "\n".join(path.read_text(encoding="utf-8") for path in (STYLESHEET, *stylesheets))
    st.html(f"<style>{css}</style>")
    with st.container(key="deutsch"):
        st.html(f"<script>{GERMAN_SCRIPT.read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)
