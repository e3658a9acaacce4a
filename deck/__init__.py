"""Presentation decks for the Bildungsbeirat: what a deck is, its key statements, its slides and exports.

`model` declares decks and reads and writes them as TOML; `statements` turns indicator results into
the one-line message of a slide; `render` builds every slide's content from the store, once, for the
presentation page and the exports alike; `export` writes PPTX and PDF. Nothing here imports streamlit.
"""
