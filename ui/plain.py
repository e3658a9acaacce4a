"""Text from data shown in elements that render Markdown, as the literal text it is.

st.markdown, st.caption, st.title, st.subheader, st.info, widget labels and page links render
Markdown: a region, file or slide name such as "![x](https://host/x.png)" would load an image from
any host (no request may leave the machine) or restyle the page. Every such string goes through
plain() before it meets Markdown; st.text and dataframes show text as it is and need nothing.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; Streamlit's own syntax (":red[…]",
# ":material/…:", "$…$") is built from the same characters, so escaping all of them covers it.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(text: object) -> str:
    """The text with every Markdown-active character escaped, newlines as spaces."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
