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


def install(stylesheet: Path = STYLESHEET) -> None:
    """The page's stylesheet and the German script.

    One stylesheet per run, passed to st.html as a file; the Präsentationsmodus passes its stage
    stylesheet instead (it repeats the focus rules). Keep "<" out of the CSS files, comments
    included: an "<h1>" in a comment made Streamlit drop the whole stylesheet, and the slides showed
    Streamlit's header.
    """
    st.html(stylesheet)
    with st.container(key="deutsch"):
        st.html(f"<script>{GERMAN_SCRIPT.read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)
