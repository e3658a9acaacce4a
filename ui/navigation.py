"""The sidebar's page menu, drawn by the router instead of Streamlit's own.

Streamlit's menu puts <div>s and section captions directly into its <ul> (axe-core: "list" and
"listitem", serious on every page), which screen readers announce as a broken list. Plain page
links under a text label per section read correctly, keep Streamlit's fast in-app navigation and
carry no icon whose name a screen reader would read out ("show_chart Indikator").
"""

from __future__ import annotations

import streamlit as st


def draw(sections: dict[str, list[st.Page]]) -> None:
    """One link per visible page, grouped under its section's name, the current page marked."""
    with st.sidebar.container(key="seiten"):
        for section, pages in sections.items():
            visible = [p for p in pages if p.visibility != "hidden"]
            if not visible:
                continue
            st.caption(section)
            for page in visible:
                st.page_link(page, label=page.title)
