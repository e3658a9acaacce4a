"""The report's content, built once from the store: the DOCX and the PDF both lay out this one object.

Per indicator it holds what the Anwendungsleitfaden asks for: a chart (PNG with its alternative
text), the generated statement (year, the home Land and Deutschland, rank among the Kreise, the
previous value), the table, the definition and the source line with its Stand; per chapter the
Beirat's goals of its Handlungsfelder with their weather symbols. Every sentence comes from the same
functions as the slides (deck.statements, deck.render, indicators.cuts), so a number in the report
and on the Beirat's slide cannot differ. All text is German and final, numbers already formatted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from bericht.model import KAPITEL_BY_KEY, Bericht, KapitelWahl
from charts.export import to_png
from charts.format import fmt_date, fmt_value
from charts.timeseries import time_series
from deck.model import Deck, IndicatorSlide, SourcesSlide, ZielstandSlide
from deck.render import ZIELSTAND_METHOD, DeckData, producer, render_slide, stand_dates
from deck.statements import counts_line, key_figures, key_statement, place, previous_line, rank_line
from indicators import cuts
from indicators.catalogue import CATALOGUE
from indicators.comparison import is_improvement, previous
from indicators.model import Direction, Indicator
from regions.home import home
from regions.levels import BUND

# Called after each indicator with (done, total, title), for the page's progress bar and the CLI.
Progress = Callable[[int, int, str], None]

TABLE_YEARS = 10  # without a first year, a table shows the last ten years with a value
CHART_SCALE = 0.8  # a chart 0.8 × the dashboard's size fits the text width of A4 portrait
CHART_TEXT = 1.5  # its labels larger, so that printed at 16 cm they read like the body text
PNG_SCALE = 2.5  # sharp in print
GOAL_COLUMNS = ("Bewertung", "Mittlerziel und Indikator", "Stand")


@dataclass(frozen=True)
class Tabelle:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Abschnitt:
    """One indicator in the report."""

    key: str
    title: str
    statement: str
    details: tuple[str, ...]  # counts, rank, previous value
    stand: str  # "Daten älter als drei Jahre: Stand 2015" or ""
    png: bytes | None
    alt: str  # alternative text of the chart
    caption: str
    table: Tabelle
    definition: str
    source: str
    interpretation: str  # the office's own text


@dataclass(frozen=True)
class KapitelInhalt:
    title: str
    text: str
    sections: tuple[Abschnitt, ...]
    goals: Tabelle | None  # None: no goal in the chapter's Handlungsfelder
    goals_note: str


@dataclass(frozen=True)
class BerichtInhalt:
    title: str
    subtitle: str  # region and date
    producer: str
    introduction: str
    chapters: tuple[KapitelInhalt, ...]
    sources: tuple[str, ...]  # one line per indicator with its Stand dates
    licences: tuple[str, ...]
    goals_method: str


def _years(result: pd.DataFrame, codes: list[str], category: str, first: int | None, last: int | None) -> list[int]:
    rows = result[result["region_code"].isin(codes) & (result["category"] == category) & result["value"].notna()]
    years = sorted(int(y) for y in rows["year"].unique() if (last is None or y <= last))
    if first is not None:
        return [y for y in years if y >= first]
    return years[-TABLE_YEARS:]


def _table(indicator: Indicator, result: pd.DataFrame, own_name: str, years: list[int], category: str) -> Tabelle:
    codes = (home().key, home().land_key, BUND)
    names = (own_name, home().land_name, "Deutschland")
    rows = []
    for year in years:
        figures = [cuts.figure(result, code, year, category) for code in codes]
        rows.append((str(year), *(fmt_value(f.value, indicator.unit, f.status) for f in figures)))
    what = f"{indicator.title} ({category})" if category else indicator.title
    return Tabelle(f"{what}, {indicator.unit}, nach Jahren", ("Jahr", *names), tuple(rows))


def _category_table(indicator: Indicator, result: pd.DataFrame, own_name: str, year: int | None) -> Tabelle:
    """A distribution (Abschlussarten, Altersgruppen): one row per category in the statement's year."""
    categories = list(dict.fromkeys(result["category"]))
    rows = []
    for category in categories:
        figures = [cuts.figure(result, code, year, category) for code in (home().key, home().land_key, BUND)]
        rows.append((category, *(fmt_value(f.value, indicator.unit, f.status) for f in figures)))
    header = ("Merkmal", own_name, home().land_name, "Deutschland")
    return Tabelle(
        f"{indicator.title} {year or ''}, {indicator.unit}, nach Merkmal".replace("  ", " "), header, tuple(rows)
    )


def _trend(result: pd.DataFrame, indicator: Indicator, own: cuts.Figure, category: str) -> str | None:
    """ "zuvor 2023: 8,3 % (seitdem ungünstiger)": the previous value and which way the region moved since."""
    line = previous_line(result, own, indicator.unit, category)
    before = previous(result, own.region_code, own.year, category) if own.year is not None else None
    if line is None or before is None or own.value is None:
        return line
    delta = own.value - float(before["value"])
    if round(delta, 6) == 0:
        word = "unverändert"
    elif indicator.direction is Direction.NEUTRAL:
        word = "seitdem gestiegen" if delta > 0 else "seitdem gesunken"
    else:
        word = "seitdem günstiger" if is_improvement(delta, indicator.direction) else "seitdem ungünstiger"
    return f"{line} ({word})"


def section(key: str, bericht: Bericht, chapter: KapitelWahl, data: DeckData) -> Abschnitt:
    indicator = CATALOGUE[key]
    result = data.result(key)
    categories = list(dict.fromkeys(result["category"]))
    category = "" if "" in categories or not categories else categories[0]
    kreis = home().key
    figures = key_figures(result, kreis, bericht.last_year, category)
    if bericht.last_year is not None and figures.own.year is None:
        # No value in the chosen last year: the newest value before it, said with its year.
        shown = cuts.figure(result[result["year"] <= bericht.last_year], kreis, None, category)
        figures = key_figures(result, kreis, shown.year, category)
    own, year = figures.own, figures.year
    details = [
        counts_line(own),
        rank_line(result, indicator, kreis, year, category) if year else None,
        _trend(result, indicator, own, category),
    ]
    badge = cuts.stand_badge(year, data.newest_year())
    stand = f"Daten älter als drei Jahre: {badge}" if badge else ""

    frame = cuts.series(result, kreis, category, None, ("land", "bund"), until=bericht.last_year)
    if bericht.first_year is not None:
        frame = frame[frame["year"] >= bericht.first_year]
    png = None
    span = ""
    if frame["value"].notna().any():
        breaks = [(b.year, b.label) for b in indicator.breaks]
        chart = time_series(frame, indicator, breaks, scale=CHART_SCALE, text_scale=CHART_TEXT)
        spec = chart.to_dict(validate=False)
        spec.pop("title", None)  # the caption names the chart, the source line follows it
        png = to_png(spec, scale=PNG_SCALE)
        valued = frame[frame["value"].notna()]["year"]
        span = f"{int(valued.min())}–{int(valued.max())}"
    statement = key_statement(indicator, figures, category)
    what = f"{indicator.title} ({category})" if category else indicator.title
    caption = f"{what}, {place(own)}, {home().land_name} und Deutschland {span}".strip()
    alt = f"Liniendiagramm: {caption}. {statement}"

    own_name = place(own) if own.level == "kreis" else home().title
    if category:
        table = _category_table(indicator, result, own_name, year)
    else:
        table = _table(
            indicator,
            result,
            own_name,
            _years(result, [kreis, home().land_key, BUND], "", bericht.first_year, bericht.last_year),
            "",
        )
    dates = stand_dates(data.imports(), indicator.table_codes)
    source = f"Quelle: {indicator.source} · Stand {dates[-1]}" if dates else f"Quelle: {indicator.source}"
    return Abschnitt(
        key=key,
        title=indicator.title,
        statement=statement,
        details=tuple(d for d in details if d),
        stand=stand,
        png=png,
        alt=alt,
        caption=caption,
        table=table,
        definition=indicator.definition,
        source=source,
        interpretation=chapter.interpretation(key),
    )


def _goals(chapter: KapitelWahl, data: DeckData) -> tuple[Tabelle | None, str]:
    """The goals of the chapter's Handlungsfelder, as the Zielstand slide shows them (deck.render)."""
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for field in KAPITEL_BY_KEY[chapter.key].handlungsfelder:
        if not any(g.handlungsfeld == field for g in data.goals()):
            continue
        content = render_slide(Deck("Zielstand", (ZielstandSlide(field),)), 0, data)
        rows += [tuple(row) for row in content.table]
        notes += list(content.details)
    if not rows:
        return None, ""
    caption = f"Ziele und Zielerreichung: {KAPITEL_BY_KEY[chapter.key].title}"
    return Tabelle(caption, GOAL_COLUMNS, tuple(rows)), " ".join(dict.fromkeys(notes))


def _sources(bericht: Bericht, data: DeckData) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Source lines and licence attributions, as the sources slide of a deck with the same indicators."""
    keys = bericht.indicator_keys
    slides = (*(IndicatorSlide(k) for k in keys), SourcesSlide())
    content = render_slide(Deck("Quellen", slides), len(slides) - 1, data)
    return content.body, content.licences


def build(
    bericht: Bericht, data: DeckData, progress: Progress | None = None, today: date | None = None
) -> BerichtInhalt:
    """The whole report; `progress` is told after each indicator (charts take most of the time)."""
    total = len(bericht.indicator_keys)
    done = 0
    chapters = []
    for chapter in bericht.chapters:
        sections = []
        for key in chapter.indicators:
            sections.append(section(key, bericht, chapter, data))
            done += 1
            if progress:
                progress(done, total, CATALOGUE[key].title)
        goals, note = _goals(chapter, data)
        chapters.append(KapitelInhalt(chapter.title, chapter.text, tuple(sections), goals, note))
    sources, licences = _sources(bericht, data)
    region = home().title
    return BerichtInhalt(
        title=bericht.title,
        subtitle=f"{region} · Stand {fmt_date(today or date.today())}".strip(" ·"),
        producer=producer(),
        introduction=bericht.introduction,
        chapters=tuple(chapters),
        sources=sources,
        licences=licences,
        goals_method=ZIELSTAND_METHOD,
    )
