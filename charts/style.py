"""The one place for colours, roles, font sizes and the German locale of every chart.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common colour-vision
deficiencies. The selected region (the home Kreis, regions.home, unless a page chooses another) is always vermillion, in
every chart, so a reader finds it without a legend. Land and Bund are references, not competitors: calm
blue and black, always dashed (two different dash patterns, so they differ without colour too). Peers are
a medium grey, all other Kreise a light grey.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from regions.home import home
from regions.levels import level_of

HIGHLIGHT = "#D55E00"  # Okabe–Ito vermillion
LAND = "#0072B2"  # Okabe–Ito blue
BUND = "#000000"  # Okabe–Ito black
PEER = "#8C8C8C"
OTHER = "#C8C8C8"
NO_DATA = "#E6E6E6"  # map areas without a value; lighter than the lightest step of the colour scale
MUTED_TEXT = "#595959"
SEQUENTIAL_SCHEME = "blues"  # single hue, colour-blind safe, and vermillion outlines stand out on it

ROLES = ("region", "land", "bund", "peer", "other")
ROLE_COLOUR = {"region": HIGHLIGHT, "land": LAND, "bund": BUND, "peer": PEER, "other": OTHER}
ROLE_DASH = {"region": [1, 0], "land": [7, 4], "bund": [2, 3], "peer": [1, 0], "other": [1, 0]}
ROLE_WIDTH = {"region": 3.5, "land": 2.0, "bund": 2.0, "peer": 1.3, "other": 1.0}
GROUP_LABEL = {"peer": "Vergleichskreise", "other": "weitere Kreise"}

# Streamlit's font, then fallbacks. Quote every name: an unquoted "Source Sans 3" is invalid CSS and made
# vl-convert drop all text from the PNG.
FONT = "'Source Sans Pro', 'Source Sans 3', 'DejaVu Sans', Arial, sans-serif"
_FONT_SIZES = {"title": 16, "subtitle": 11, "label": 11, "axis_title": 12, "mark": 10}


def font_size(kind: str, scale: float = 1.0) -> float:
    """Size for "title", "subtitle", "label", "axis_title" or "mark"; `scale` enlarges all for a beamer."""
    return _FONT_SIZES[kind] * scale


def highlighted(highlight_code: str | None) -> str:
    """The region a chart marks: the one the caller names, else the home Kreis (regions.home)."""
    return highlight_code or home().key


def infer_role(region_code: str, highlight_code: str | None = None) -> str:
    """Role from the code alone, for results that come without a `role` column.

    "DG" is Deutschland in GENESIS, a Land key is a Land, the highlight code is the region; every
    other Kreis counts as a peer, since a caller who put it into the frame wants to compare with it.
    """
    level = level_of(region_code)
    if level in ("bund", "land"):
        return level
    return "region" if region_code == highlighted(highlight_code) else "peer"


def with_roles(df: pd.DataFrame, highlight_code: str | None = None) -> pd.DataFrame:
    """A copy of `df` with a `role` column, keeping roles the caller set and inferring missing ones."""
    out = df.copy()
    highlight_code = highlighted(highlight_code)
    inferred = out["region_code"].map(lambda code: infer_role(code, highlight_code))
    out["role"] = out["role"].fillna(inferred) if "role" in out else inferred
    return out


def german_locale() -> alt.Locale:
    """Decimal comma and thousands dot for axes, text marks and tooltips, in Streamlit and in vl-convert."""
    return alt.Locale(number={"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]})


# Vega's own ARIA texts are English and read raw numbers; marks and guides are hidden from screen
# readers and the chart as a whole carries a German description (charts.describe).
_NO_VEGA_ARIA = {"aria": False}


def finish(
    chart: alt.TopLevelMixin, title: str, source_line: str, scale: float = 1.0, description: str = ""
) -> alt.TopLevelMixin:
    """Add title and source, German locale, fonts and a borderless view: the last step of every builder.

    `description` is the chart's German text alternative (charts.describe): the accessible name of the
    drawn SVG, in place of Vega's English descriptions of each axis and mark.

    The source goes into the title's subtitle rather than a separate footer chart: a subtitle survives
    every chart type (layer, concat, facet) and every export, whereas a footer would need a concat that
    breaks Streamlit's container-width sizing. Several source lines are separated by "\\n".
    """
    return chart.properties(
        title=alt.TitleParams(text=title, subtitle=source_line.split("\n"), anchor="start"),
        description=description or title,
    ).configure(
        locale=german_locale(),
        font=FONT,
        padding=10 * scale,
        title={
            **_NO_VEGA_ARIA,
            "fontSize": font_size("title", scale),
            "subtitleFontSize": font_size("subtitle", scale),
            "subtitleColor": MUTED_TEXT,
            "subtitlePadding": 4 * scale,
            "offset": 12 * scale,
        },
        axis={
            **_NO_VEGA_ARIA,
            "labelFontSize": font_size("label", scale),
            "titleFontSize": font_size("axis_title", scale),
            "titleFontWeight": "normal",
            "labelLimit": 260 * scale,
        },
        legend={
            **_NO_VEGA_ARIA,
            "labelFontSize": font_size("label", scale),
            "titleFontSize": font_size("axis_title", scale),
            "titleFontWeight": "normal",
            "labelLimit": 260 * scale,
            # Vega cuts legend titles at 180 px: "je 100 (dunkler = besser)" lost its explanation.
            "titleLimit": 260 * scale,
        },
        view={"stroke": None},
        mark=_NO_VEGA_ARIA,
    )


def title_with_year(title: str, df: pd.DataFrame) -> str:
    """Append the year to a cross-section's title ("…, 2023"), since a ranking or map shows one year only."""
    years = sorted(df["year"].dropna().unique()) if "year" in df else []
    return f"{title}, {int(years[0])}" if len(years) == 1 else title
