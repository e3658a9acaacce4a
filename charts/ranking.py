"""Cross-sections of one year: all Kreise ranked in bars, and two indicators against each other."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from charts import IndicatorLike, lower_is_better
from charts.describe import ranking_text, scatter_text, schools_text
from charts.format import fmt_counts, fmt_number, fmt_value
from charts.style import (
    BUND,
    GROUP_LABEL,
    HIGHLIGHT,
    LAND,
    MUTED_TEXT,
    PEER,
    ROLE_COLOUR,
    ROLE_DASH,
    ROLES,
    finish,
    font_size,
    highlighted,
    title_with_year,
)
from indicators.status import status_text

_REFERENCE_STYLE = [(LAND, ROLE_DASH["land"]), (BUND, ROLE_DASH["bund"])]  # in the order Land, Bund


def _unique_labels(data: pd.DataFrame) -> pd.Series:
    """Region names, with the code added where a name repeats (Stadt and Landkreis Osnabrück)."""
    repeated = data["region_name"].duplicated(keep=False)
    return data["region_name"].where(~repeated, data["region_name"] + " (" + data["region_code"] + ")")


def _kreise(df: pd.DataFrame, highlight_code: str, peer_codes: Sequence[str], unit: str) -> pd.DataFrame:
    """The Kreis rows (five-digit codes; Land and Bund rows are dropped) with labels and German texts."""
    data = df[df["region_code"].str.len() == 5].copy()
    if "year" in data and data["year"].nunique() > 1:
        raise ValueError(f"ranking_bars shows one year, got {sorted(data['year'].unique())}")
    data["label"] = _unique_labels(data)
    data["role"] = "other"
    data.loc[data["region_code"].isin(peer_codes), "role"] = "peer"
    data.loc[data["region_code"] == highlight_code, "role"] = "region"
    data["group"] = [GROUP_LABEL.get(role, name) for role, name in zip(data["role"], data["region_name"], strict=True)]
    data["value_text"] = [fmt_value(v, unit, s) for v, s in zip(data["value"], data["status"], strict=True)]
    data["counts_text"] = [fmt_counts(n, d) for n, d in zip(data["numerator"], data["denominator"], strict=True)]
    data["status_short"] = data["status"].map(lambda s: status_text(s, short=True))
    return data


def value_axis_start(values: Sequence[float]) -> float:
    """Where the value axis starts: 0, unless all values lie close together far from 0.

    Ausbildungsplätze je 100 of 97 to 110 looked identical on an axis from 0. When the smallest value
    is more than three quarters of the largest, the axis starts a quarter of the spread below the smallest value,
    rounded down to a whole step; the axis title says so (see ranking_bars).
    """
    if not len(values) or min(values) <= 0 or min(values) <= 0.75 * max(values):
        return 0.0
    low, high = min(values), max(values)
    spread = max(high - low, abs(high) * 0.05)
    step = 10 ** math.floor(math.log10(spread))
    return math.floor((low - spread / 4) / step) * step


def _reference_layers(
    reference_values: Mapping[str, float], unit: str, scale: float, text: float
) -> list[alt.LayerChart]:
    """A dashed rule per reference (Land, then Bund), labelled above the bars.

    The lower of two labels leans left of its rule, so close references (Niedersachsen 7,7 %,
    Deutschland 7,1 %) do not print over each other.
    """
    if len(reference_values) > len(_REFERENCE_STYLE):
        raise ValueError(f"at most Land and Bund as references, got {list(reference_values)}")
    layers = []
    lowest = min(reference_values.values(), default=None)
    for (name, value), (colour, dash) in zip(reference_values.items(), _REFERENCE_STYLE, strict=False):
        data = pd.DataFrame({"name": [name], "value": [value], "text": [f"{name}: {fmt_value(value, unit)}"]})
        base = alt.Chart(data).encode(x="value:Q")
        rule = base.mark_rule(color=colour, strokeDash=dash, strokeWidth=2 * scale).encode(
            tooltip=[alt.Tooltip("text:N", title="Referenz")]
        )
        leans_left = value == lowest and len(reference_values) > 1
        label = base.mark_text(
            align="right" if leans_left else "left",
            dx=-4 * text if leans_left else 4 * text,
            baseline="bottom",
            color=colour,
            fontSize=font_size("mark", text),
            fontWeight="bold",
        ).encode(y=alt.value(-4 * text), text="text:N")
        layers.append(rule + label)
    return layers


def ranking_bars(
    df: pd.DataFrame,
    indicator: IndicatorLike,
    highlight_code: str | None = None,
    peer_codes: Sequence[str] = (),
    reference_values: Mapping[str, float] | None = None,
    scale: float = 1.0,
    text_scale: float | None = None,
) -> alt.LayerChart:
    """Horizontal bars of all Kreise for one year, best at the top.

    "Best" follows the indicator's direction (neutral indicators rank high values first). Kreise without
    a value are listed at the bottom with their status ("geheim", "unterdrückt") instead of a bar of 0.
    `reference_values` maps names to values, in the order Land, Bund, e.g.
    {"Niedersachsen": 7.67, "Deutschland": 7.12}. The bars are as high as their labels need.
    `text_scale` sizes the text apart from the plot (default: `scale`): a slide read from across a room
    wants larger text on the same plot.
    """
    text = scale if text_scale is None else text_scale
    highlight_code = highlighted(highlight_code)
    data = _kreise(df, highlight_code, peer_codes, indicator.unit)
    valued = data[data["value"].notna()].sort_values("value", ascending=lower_is_better(indicator))
    missing = data[data["value"].isna()].sort_values("label")
    order = list(valued["label"]) + list(missing["label"])
    region_label = data.loc[data["region_code"] == highlight_code, "label"]
    is_region_label = f"datum.value == {json.dumps(region_label.iloc[0])}" if len(region_label) else "false"

    entries = sorted(set(zip(data["group"], data["role"], strict=True)), key=lambda e: ROLES.index(e[1]))
    y = alt.Y(
        "label:N",
        title=None,
        scale=alt.Scale(domain=order),
        axis=alt.Axis(
            labelFontWeight=alt.ExprRef(f"{is_region_label} ? 'bold' : 'normal'"),
            labelColor=alt.ExprRef(f"{is_region_label} ? '{HIGHLIGHT}' : 'black'"),
        ),
    )
    tooltip = [
        alt.Tooltip("region_name:N", title="Region"),
        alt.Tooltip("value_text:N", title="Wert"),
        alt.Tooltip("counts_text:N", title="Zähler/Nenner"),
    ]
    start = value_axis_start([*valued["value"], *(reference_values or {}).values()])
    x_title = (
        indicator.unit
        if not start
        else f"{indicator.unit} – Achse beginnt bei {fmt_number(start, 1 if start % 1 else 0)}, nicht bei 0"
    )
    x_scale = alt.Scale(domainMin=start, zero=False) if start else alt.Scale()
    bars = (
        alt.Chart(valued)
        .mark_bar(clip=True)
        .encode(
            y=y,
            # About six ticks (d3 makes 5 to 10): Vega's own count crowded "56 57 58" on a slide.
            x=alt.X("value:Q", title=x_title, scale=x_scale, axis=alt.Axis(tickCount=6)),
            color=alt.Color(
                "group:N",
                scale=alt.Scale(domain=[g for g, _ in entries], range=[ROLE_COLOUR[r] for _, r in entries]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    width = 520 * scale
    # The values stand in a column right of the plot, where no reference rule runs: at the bar ends a
    # Land or Bund rule cut through every label near it (a white halo hid only the glyphs' edges, not
    # the gaps of "8,2 %"). Kreise without a value name their status in the same column.
    column = {"align": "left", "fontSize": font_size("mark", text), "x": width + 8 * text}
    values = alt.Chart(valued).mark_text(**column).encode(y=y, text="value_text:N", tooltip=tooltip)
    layers = [bars, *_reference_layers(reference_values or {}, indicator.unit, scale, text), values]
    if len(missing):
        no_value = alt.Chart(missing).mark_text(**column, color=MUTED_TEXT, fontStyle="italic")
        layers.append(no_value.encode(y=y, text="status_short:N", tooltip=tooltip))
    chart = alt.layer(*layers).properties(width=width, height=alt.Step(17 * text))
    description = ranking_text(data, indicator, highlight_code, dict(reference_values or {}))
    return finish(chart, title_with_year(indicator.title, df), indicator.source, text, description=description)


def scatter(
    df_xy: pd.DataFrame,
    x_indicator: IndicatorLike,
    y_indicator: IndicatorLike,
    highlight_code: str | None = None,
    scale: float = 1.0,
    areas: str = "Kreise",
) -> alt.LayerChart:
    """Two indicators across areas (columns region_code, region_name, x, y), the region named in the plot.

    A dashed least-squares line shows the trend. `areas` names the areas ("Kreise", "Gemeinden").

    Kreise lacking either value cannot be placed; their number is printed under the title, so the
    reader knows the cloud is incomplete.
    """
    highlight_code = highlighted(highlight_code)
    data = df_xy.dropna(subset=["x", "y"]).copy()
    data["x_text"] = data["x"].map(lambda v: fmt_value(v, x_indicator.unit))
    data["y_text"] = data["y"].map(lambda v: fmt_value(v, y_indicator.unit))
    data["is_region"] = data["region_code"] == highlight_code
    data = data.sort_values("is_region")  # drawn last, so the region's point lies on top

    ticks = alt.Axis(tickCount=6)  # Vega's own count gave 13 and 14 labels, crowded on a projector
    base = alt.Chart(data).encode(
        x=alt.X("x:Q", title=f"{x_indicator.title} ({x_indicator.unit})", scale=alt.Scale(zero=False), axis=ticks),
        y=alt.Y("y:Q", title=f"{y_indicator.title} ({y_indicator.unit})", scale=alt.Scale(zero=False), axis=ticks),
    )
    points = base.mark_circle(opacity=0.9).encode(
        color=alt.condition(alt.datum.is_region, alt.value(HIGHLIGHT), alt.value(PEER)),
        size=alt.condition(alt.datum.is_region, alt.value(110 * scale**2), alt.value(45 * scale**2)),
        tooltip=[
            alt.Tooltip("region_name:N", title="Region"),
            alt.Tooltip("x_text:N", title=x_indicator.title),
            alt.Tooltip("y_text:N", title=y_indicator.title),
        ],
    )
    label = (
        base.transform_filter(alt.datum.is_region)
        .mark_text(align="left", dx=8 * scale, color=HIGHLIGHT, fontWeight="bold", fontSize=font_size("label", scale))
        .encode(text="region_name:N")
    )
    sources = list(dict.fromkeys([y_indicator.source, x_indicator.source]))
    omitted = len(df_xy) - len(data)
    if omitted:
        some = {"Kreise": "Kreis(e)", "Gemeinden": "Gemeinde(n)"}.get(areas, areas)
        sources.append(f"{omitted} {some} ohne Wert nicht dargestellt")
    # The least-squares line over the points shown (Vega-Lite's regression transform, as indicators.correlation).
    trend = base.transform_regression("x", "y").mark_line(color=PEER, strokeDash=[6, 4], strokeWidth=1.5 * scale)
    layers = [trend, points, label] if len(data) >= 3 else [points, label]
    chart = alt.layer(*layers).properties(width=520 * scale, height=400 * scale)
    description = scatter_text(data, x_indicator, y_indicator, highlight_code, areas)
    title = f"{y_indicator.title} und {x_indicator.title}"
    return finish(chart, title, "\n".join(sources), scale, description=description)


def _school_labels(data: pd.DataFrame) -> pd.Series:
    """The school's name; with the Gemeinde added when the schools of several Gemeinden stand together."""
    if data["region_code"].nunique() <= 1:
        return data["category"]
    return data["category"] + " (" + data["region_name"] + ")"


def school_bars(
    schools: pd.DataFrame,
    indicator: IndicatorLike,
    reference_values: Mapping[str, float] | None = None,
    scale: float = 1.0,
) -> alt.LayerChart:
    """Horizontal bars of schools for one year (columns of an indicator result, the school in `category`), best on top.

    Schools without a value (suppressed for small counts) are listed at the bottom with their status
    in the value column, never as a bar of 0. `reference_values` are the totals computed from the
    schools, in the order Gemeinde, Kreis (e.g. {"Summe Friesoythe": 10.0, …}), drawn
    as dashed rules like Land and Bund in ranking_bars.
    """
    data = schools.copy()
    data["label"] = _school_labels(data)
    data["value_text"] = [fmt_value(v, indicator.unit, s) for v, s in zip(data["value"], data["status"], strict=True)]
    data["counts_text"] = [fmt_counts(n, d) for n, d in zip(data["numerator"], data["denominator"], strict=True)]
    data["status_short"] = data["status"].map(lambda s: status_text(s, short=True))
    valued = data[data["value"].notna()].sort_values(["value", "label"], ascending=[lower_is_better(indicator), True])
    missing = data[data["value"].isna()].sort_values("label")
    domain = [*valued["label"], *missing["label"]]
    # School names with their Gemeinde are long; cutting them off left "Testschule Ost (Fries…".
    y = alt.Y("label:N", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(labelLimit=420 * scale))
    tooltip = [
        alt.Tooltip("label:N", title="Schule"),
        alt.Tooltip("value_text:N", title="Wert"),
        alt.Tooltip("counts_text:N", title="Zähler/Nenner"),
    ]
    # The axis starts at 0: a handful of schools side by side invites reading bar lengths as ratios.
    bars = (
        alt.Chart(valued)
        .mark_bar(color=PEER)
        .encode(y=y, x=alt.X("value:Q", title=indicator.unit, axis=alt.Axis(tickCount=6)), tooltip=tooltip)
    )
    width = 520 * scale
    column = {"align": "left", "fontSize": font_size("mark", scale), "x": width + 8 * scale}
    layers = [bars, *_reference_layers(reference_values or {}, indicator.unit, scale, scale)]
    layers.append(alt.Chart(valued).mark_text(**column).encode(y=y, text="value_text:N", tooltip=tooltip))
    if len(missing):
        no_value = alt.Chart(missing).mark_text(**column, color=MUTED_TEXT, fontStyle="italic")
        layers.append(no_value.encode(y=y, text="status_short:N", tooltip=tooltip))
    chart = alt.layer(*layers).properties(width=width, height=alt.Step(22 * scale))
    description = schools_text(data, indicator, dict(reference_values or {}))
    return finish(chart, title_with_year(indicator.title, schools), indicator.source, scale, description=description)
