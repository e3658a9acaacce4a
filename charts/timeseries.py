"""Development over time: the region against Land, Bund and peers, with data breaks marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from charts import IndicatorLike
from charts.describe import series_text
from charts.format import fmt_counts, fmt_value
from charts.style import (
    GROUP_LABEL,
    HIGHLIGHT,
    MUTED_TEXT,
    ROLE_COLOUR,
    ROLE_DASH,
    ROLE_WIDTH,
    ROLES,
    finish,
    font_size,
    with_roles,
)
from indicators.status import status_text

# Years are plain integers: without "d" the German locale would print 2023 as "2.023".
_YEAR_AXIS = alt.Axis(format="d", tickMinStep=1, title=None, labelAngle=0)
_MAX_YEAR_TICKS = 8


def year_ticks(years: Sequence[int]) -> list[int]:
    """Whole years for the x-axis, the last year always among them, at most about eight.

    Vega's own ticks left out the newest year (1995 … 2020 on a series ending 2024) and, on a narrow
    slide, put ticks between years that the "d" format printed as the same year twice.
    """
    first, last = min(years), max(years)
    step = next(s for s in (1, 2, 5, 10, 20) if (last - first) / s <= _MAX_YEAR_TICKS)
    ticks = [year for year in range(first, last + 1) if year % step == 0] or [first]
    if last - ticks[-1] < step / 2:
        ticks.pop()  # a round year just before the newest would crowd its label
    return [*ticks, last]


def _year_axis(years: Sequence[int]) -> alt.Axis:
    return alt.Axis(format="d", values=year_ticks(years), title=None, labelAngle=0) if len(years) else _YEAR_AXIS


# Rows without a value stay in the data but break the line there instead of bridging the gap or
# dropping to 0; points for them are not drawn.
_INVALID = "break-paths-show-domains"


def _legend_label(row: pd.Series) -> str:
    """Region, Land and Bund by name; peers and others as one group each, named in the tooltip."""
    return GROUP_LABEL.get(row["role"], row["region_name"])


def _with_gaps(df: pd.DataFrame) -> pd.DataFrame:
    """Add an empty row for every year a region lacks inside the chart's range.

    Results only list years the source has; without these rows a line would run straight from
    2015 to 2023 as if the years between were known.
    """
    years = range(int(df["year"].min()), int(df["year"].max()) + 1)
    rows = []
    for _, region in df.groupby("region_code", sort=False):
        missing = sorted(set(years) - set(region["year"].astype(int)))
        if missing:
            template = region.iloc[[0] * len(missing)].copy()
            template["year"] = missing
            template[["value", "numerator", "denominator"]] = float("nan")
            template["status"] = "missing"
            rows.append(template)
    return pd.concat([df, *rows], ignore_index=True).sort_values(["region_code", "year"]) if rows else df


def _years_with_data(df: pd.DataFrame) -> pd.DataFrame:
    """Only the years from the first to the last that has a value: the axis spans the data, not rows
    that only say "not published yet" (e.g. youth rates before 2009)."""
    valued = df.loc[df["value"].notna(), "year"]
    if valued.empty:
        return df
    return df[df["year"].between(valued.min(), valued.max())]


def _prepared(df: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Roles, legend labels and the German tooltip texts, computed once in Python."""
    df = _years_with_data(df)
    data = with_roles(_with_gaps(df)) if not df.empty else with_roles(df)
    data["year"] = data["year"].astype(int)
    data["legend"] = data.apply(_legend_label, axis=1)
    data["value_text"] = [fmt_value(v, unit, s) for v, s in zip(data["value"], data["status"], strict=True)]
    data["counts_text"] = [fmt_counts(n, d) for n, d in zip(data["numerator"], data["denominator"], strict=True)]
    data["status_text"] = data["status"].map(status_text)
    return data


def _breaks_layer(breaks: Sequence[tuple[int, str]], axis: alt.Axis, scale: float) -> alt.LayerChart:
    """A dotted rule per break year, its label above the plot, ending at the rule.

    Above the plot the labels never cover a line or a point (drawn along the rule they lay over the
    2023 and 2024 points); each further break is one line higher, so two close breaks do not overlap.
    """
    layers = []
    line_height = font_size("mark", scale) * 1.3
    for line, (year, label) in enumerate(sorted(breaks, reverse=True)):
        base = alt.Chart(pd.DataFrame({"year": [year], "label": [label]})).encode(x=alt.X("year:Q", axis=axis))
        rule = base.mark_rule(color=MUTED_TEXT, strokeDash=[3, 3], strokeWidth=1 * scale)
        text = base.mark_text(
            align="right", baseline="bottom", dx=3 * scale, fontSize=font_size("mark", scale), color=MUTED_TEXT
        ).encode(y=alt.value(-4 - line * line_height), text="label:N")
        layers += [rule, text]
    return alt.layer(*layers)


@dataclass(frozen=True)
class Target:
    """A goal drawn into the chart: the target point, its Zwischenziele and the projection to the Zieljahr."""

    year: int
    value: float
    label: str  # German, e.g. "Ziel 6,0 % (2030)"
    steps: tuple[tuple[int, float, str], ...] = ()  # Zwischenziele: (year, value, label)
    projection: tuple[int, float, int, float] | None = None  # (letztes_jahr, letzter_wert, zieljahr, projektion)


def _target_layers(targets: Sequence[Target], scale: float, text: float) -> list[alt.Chart]:
    """A dashed line from the latest value to the projected one, and the targets as labelled diamonds.

    The shape and the label carry the meaning, not the colour: the line is dashed, the target a diamond
    with its value written next to it, so the chart reads the same in print and for colour-blind eyes.
    """
    points = [{"year": t.year, "value": t.value, "label": t.label} for t in targets]
    points += [{"year": y, "value": v, "label": label} for t in targets for y, v, label in t.steps]
    lines = [
        {"year": year, "value": value, "goal": i}
        for i, t in enumerate(targets)
        if t.projection
        for year, value in (t.projection[:2], t.projection[2:])
    ]
    x = alt.X("year:Q", axis=_YEAR_AXIS)
    layers = []
    if lines:
        layers.append(
            alt.Chart(pd.DataFrame(lines))
            .mark_line(color=HIGHLIGHT, strokeDash=[6 * scale, 4 * scale], strokeWidth=2 * scale, opacity=0.8)
            .encode(x=x, y="value:Q", detail="goal:N")
        )
    marks = alt.Chart(pd.DataFrame(points)).encode(x=x, y="value:Q")
    layers.append(
        marks.mark_point(
            shape="diamond", filled=True, color=HIGHLIGHT, stroke="white", size=140 * scale**2, opacity=1
        ).encode(tooltip=alt.Tooltip("label:N", title="Ziel"))
    )
    layers.append(
        marks.mark_text(
            align="right", dx=-9 * scale, dy=-10 * scale, fontSize=font_size("mark", text), color=HIGHLIGHT
        ).encode(text="label:N")
    )
    return layers


PUBLISHED_LABEL = "von der Quelle veröffentlicht (ohne Zähler/Nenner)"


def _published_layer(published: pd.DataFrame, colour: alt.Color, scale: float, text: float) -> alt.Chart:
    """Hollow diamonds over the years a joined series takes from a published source, with a legend entry:
    where the computed values give way to published ones, the chart shows it, not only the table."""
    return (
        alt.Chart(published.assign(kind=PUBLISHED_LABEL))
        .mark_point(filled=False, strokeWidth=1.5 * scale, opacity=1)
        .encode(
            x=alt.X("year:Q"),
            y=alt.Y("value:Q"),
            color=colour,
            shape=alt.Shape(
                "kind:N",
                scale=alt.Scale(domain=[PUBLISHED_LABEL], range=["diamond"]),
                legend=alt.Legend(title=None, orient="bottom", symbolSize=120 * text, labelLimit=0),
            ),
            size=alt.value(140 * scale**2),
        )
    )


def time_series(
    df: pd.DataFrame,
    indicator: IndicatorLike,
    breaks: Sequence[tuple[int, str]] = (),
    scale: float = 1.0,
    text_scale: float | None = None,
    targets: Sequence[Target] = (),
) -> alt.LayerChart:
    """Lines and points per region over the years, the region thick in the highlight colour.

    `breaks` are (year, label) pairs such as (2020, "G9-Rückkehr: kein Abiturjahrgang"); each gets a rule,
    because a jump at a break is a change of definition, not of schools.
    `text_scale` sizes the text apart from the plot (default: `scale`): a slide read from across a room
    wants larger text on the same plot. `targets` draws goals (`Target`) over the lines.
    """
    text = scale if text_scale is None else text_scale
    data = _prepared(df, indicator.unit)
    entries = sorted(set(zip(data["legend"], data["role"], strict=True)), key=lambda e: (ROLES.index(e[1]), e[0]))
    labels = [label for label, _ in entries]
    legend = alt.Legend(
        title=None,
        orient="bottom",
        symbolType="stroke",
        symbolStrokeWidth=2.5 * scale,
        symbolSize=400 * text,
    )
    colour = alt.Color(
        "legend:N",
        scale=alt.Scale(domain=labels, range=[ROLE_COLOUR[role] for _, role in entries]),
        legend=legend,
    )
    axis = _year_axis(sorted(set(data["year"])))
    base = alt.Chart(data).encode(
        x=alt.X("year:Q", axis=axis, scale=alt.Scale(zero=False, nice=False)),
        # About six ticks (d3 makes 5 to 10): Vega's own count labelled every unit on a slide.
        y=alt.Y("value:Q", title=indicator.unit, axis=alt.Axis(tickCount=6)),
        color=colour,
        detail="region_code:N",
    )
    lines = base.mark_line(invalid=_INVALID).encode(
        strokeDash=alt.StrokeDash(
            "legend:N",
            scale=alt.Scale(domain=labels, range=[ROLE_DASH[role] for _, role in entries]),
            legend=legend,
        ),
        strokeWidth=alt.StrokeWidth(
            "legend:N",
            scale=alt.Scale(domain=labels, range=[ROLE_WIDTH[role] * scale for _, role in entries]),
            legend=None,
        ),
    )
    points = base.mark_circle(invalid=_INVALID, opacity=1).encode(
        size=alt.condition(alt.datum.role == "region", alt.value(60 * scale**2), alt.value(22 * scale**2)),
        tooltip=[
            alt.Tooltip("region_name:N", title="Region"),
            alt.Tooltip("year:Q", title="Jahr", format="d"),
            alt.Tooltip("value_text:N", title="Wert"),
            alt.Tooltip("counts_text:N", title="Zähler/Nenner"),
            alt.Tooltip("status_text:N", title="Status"),
        ],
    )
    height = 380 * scale
    layers = [lines, points]
    published = data[data["status"] == "published"]
    if not published.empty and (data["status"] == "computed").any():
        layers.append(_published_layer(published, colour, scale, text))
    if breaks:
        layers.insert(0, _breaks_layer(breaks, axis, text))
    if targets:
        layers += _target_layers(targets, scale, text)
    chart = alt.layer(*layers).properties(width=860 * scale, height=height)
    return finish(chart, indicator.title, indicator.source, text, description=series_text(data, indicator))


def sparkline(df: pd.DataFrame) -> alt.LayerChart:
    """A tiny line of the region's values for a tile: no axes, no text, the latest value as a dot.

    Only the region's rows are drawn (role "region", or the highlight code when there is no role); a
    year without a value leaves a gap, as in the full chart, and the line spans the years with data.
    """
    data = with_roles(df)
    data = _years_with_data(data[data["role"] == "region"])
    data = (_with_gaps(data) if not data.empty else data).sort_values("year")
    scales = {
        "x": alt.X("year:Q", axis=None, scale=alt.Scale(zero=False, nice=False)),
        "y": alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)),
    }
    line = alt.Chart(data).mark_line(color=HIGHLIGHT, strokeWidth=2, invalid=_INVALID).encode(**scales)
    latest = data.dropna(subset=["value"]).tail(1)
    dot = alt.Chart(latest).mark_circle(color=HIGHLIGHT, size=30, opacity=1).encode(**scales)
    return (
        alt.layer(line, dot)
        .properties(width=140, height=36)
        .configure(view={"stroke": None}, padding=2, background="transparent", mark={"aria": False})
    )
