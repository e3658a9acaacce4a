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


def install() -> None:
    """Stylesheet and script in one element of a hidden container.

    A style-only st.html goes to Streamlit's event container, where a second one (the slide's
    stylesheet, ui/presentation.py) was seen to be dropped; next to a script both stay in the page.
    """
    css = STYLESHEET.read_text(encoding="utf-8")
    script = GERMAN_SCRIPT.read_text(encoding="utf-8")
    with st.container(key="deutsch"):
        st.html(f"<style>{css}</style><script>{script}</script>", unsafe_allow_javascript=True)
