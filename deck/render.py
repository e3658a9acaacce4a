"""Every slide's content, built once from the store: the presentation page and both exports use it.

`render_slide(deck, index, data, scale)` returns a `SlideContent`: heading, key statement, the lines
under it, year, source line, speaker notes and the chart as a Vega-Lite spec at the given `scale`.
The page shows it, `deck.export` writes it to PPTX and PDF, so what the Beirat sees on the projector
and what it receives afterwards cannot differ.

Caching: `deck` (frozen, hashable), `index` and `scale` are plain arguments and the result is
picklable (the chart is a spec dict), so the page can wrap this in `st.cache_data` with the store
version as an extra key and hand in its own cached results through the small `DeckData` protocol.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

import altair as alt
import pandas as pd

from charts.format import fmt_date, fmt_value
from charts.maps import ATTRIBUTION, choropleth, load_boundaries
from charts.ranking import ranking_bars
from charts.timeseries import time_series
from deck.model import (
    Deck,
    IndicatorSlide,
    SourcesSlide,
    TextSlide,
    TitleSlide,
    ZielstandSlide,
    comparison_names,
)
from deck.statements import (
    counts_line,
    key_figures,
    key_statement,
    place,
    place_name,
    previous_line,
    range_line,
    rank_line,
)
from indicators import cuts
from indicators.catalogue import CATALOGUE
from indicators.comparison import rank_among
from indicators.model import Indicator
from indicators.peers import peer_groups
from regions.home import home
from regions.levels import GEMEINDEN, is_gemeinde, kreis_of
from store.queries import import_history, newest_year
from store.results import read as read_result
from ziele import ablage
from ziele.model import EXAMPLE_LABEL, Ziel
from ziele.status import distance, standings, work_packages

if TYPE_CHECKING:
    import duckdb


def producer() -> str:
    """ "Bildungsbüro Landkreis Vechta": who compiled the slides, named on the title slide and in the exports."""
    return f"Bildungsbüro {home().title}"


LICENCE = "Datenlizenz Deutschland – Namensnennung – 2.0 (dl-de/by-2-0), www.govdata.de/dl-de/by-2-0"
BA = "Quelle: Statistik der Bundesagentur für Arbeit"
PRESENTATION_SCALE = 1.5  # fonts and marks of a chart for a 1920 px wide slide
# Chart text on a slide relative to the dashboard's proportions: the projector and the page fit the
# chart to the space under the statement, and the Beirat reads its labels from across the room.
SLIDE_TEXT = 1.6

# Maps are taller than wide at the builders' sizes; this factor gives them the height of a time series.
_KIND_SCALE = {"timeseries": 1.0, "ranking": 1.0, "map": 0.72}
# A ranking of all 45 Kreise cannot be read from the back of a room; the slide shows the best and the
# last few, the region and its comparison Kreise, each labelled with its rank.
_RANKING_ENDS = 5


class DeckData(Protocol):
    """Where slides read their data: indicator results, the import records and the office's goals."""

    def result(self, key: str) -> pd.DataFrame: ...

    def imports(self) -> pd.DataFrame: ...

    def goals(self) -> tuple[Ziel, ...]: ...

    def newest_year(self) -> int | None: ...


class StoreData:
    """`DeckData` on a store connection, each result computed once per instance.

    Used by the exports and tests; the dashboard hands in its own cached functions instead.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._results: dict[str, pd.DataFrame] = {}
        self._imports: pd.DataFrame | None = None

    def result(self, key: str) -> pd.DataFrame:
        if key not in self._results:
            self._results[key] = read_result(self.con, key)
        return self._results[key]

    def imports(self) -> pd.DataFrame:
        if self._imports is None:
            self._imports = import_history(self.con)
        return self._imports

    def goals(self) -> tuple[Ziel, ...]:
        return ablage.load().goals

    def newest_year(self) -> int | None:
        return newest_year(self.con)


@dataclass(frozen=True)
class SlideContent:
    """What one slide shows; text is German and final, numbers already formatted."""

    number: int  # 1-based
    total: int
    kind: str  # "title", "indicator", "text", "sources"
    heading: str
    subheading: str = ""  # region, year and comparison of an indicator slide; the subtitle of a title slide
    statement: str = ""  # the key statement (indicator slides)
    details: tuple[str, ...] = ()  # short lines under the statement: counts, rank, previous year
    year: int | None = None
    source_line: str = ""
    chart: dict | None = None  # Vega-Lite spec, no title (the slide's heading is the title)
    body: tuple[str, ...] = ()  # paragraphs of a text slide, source lines of the sources slide
    licences: tuple[str, ...] = ()  # sources slide only
    notes: str = ""  # speaker notes: definition, tables and their Stand, notes on single values
    indicator: str = ""
    table: tuple[tuple[str, ...], ...] = ()  # Zielstand: one row per goal (ZIELSTAND_COLUMNS)

    @property
    def counter(self) -> str:
        return f"{self.number} / {self.total}"


# ------------------------------------------------------------------------------------------- provenance


def stand_dates(imports: pd.DataFrame, table_codes: Sequence[str]) -> list[str]:
    """The distinct Stand dates, oldest first, of the files whose values the tables still use."""
    used = imports[imports["table_code"].isin(list(table_codes)) & (imports["rows_current"] > 0)]
    stands = sorted({pd.Timestamp(s).date() for s in used["stand"].dropna()})
    return [fmt_date(s) for s in stands]


def _stand_text(dates: list[str], newest_only: bool = False) -> str:
    if not dates:
        return "Stand nicht angegeben"
    return f"Stand {dates[-1]}" if newest_only else f"Stand {', '.join(dates)}"


def _uses_ba(indicator: Indicator, imports: pd.DataFrame) -> bool:
    used = imports[imports["table_code"].isin(list(indicator.table_codes)) & (imports["rows_current"] > 0)]
    texts = [indicator.source, *used["source"].astype(str), *used["licence"].astype(str)]
    return any("Bundesagentur für Arbeit" in t for t in texts)


def _is_official(indicator: Indicator) -> bool:
    """Everything except the Bildungsbüro's own school data comes under dl-de/by-2-0."""
    return any(not code.startswith("EIGENE") for code in indicator.table_codes)


# ------------------------------------------------------------------------------------------- data cuts


def _peers(result: pd.DataFrame, slide: IndicatorSlide) -> tuple[str, ...]:
    """The comparison Kreise a ranking highlights, if the slide compares with them."""
    return cuts.peer_codes(result, slide.peer_group) if "peers" in slide.comparison else ()


def _series(result: pd.DataFrame, slide: IndicatorSlide, own: str) -> pd.DataFrame:
    """The region, its references and peers over the years up to the slide's year, with a role each."""
    group = slide.peer_group if "peers" in slide.comparison else None
    references = [c for c in slide.comparison if c in cuts.reference_codes()]
    name = slide.category if cuts.is_school(CATALOGUE[slide.indicator], slide.category) else ""
    return cuts.series(result, own, slide.category, group, references, until=slide.year, line_name=name)


def ranking_rows(result: pd.DataFrame, slide: IndicatorSlide, kreis: str, year: int) -> tuple[pd.DataFrame, str]:
    """The Kreise a ranking slide shows, each named with its rank ("39. Landkreis Vechta"), and a note.

    Ranks come from indicators.comparison.rank_among over the Kreise of the year itself (46 before the
    2016 merger of Göttingen and Osterode), exactly as in the dashboard's Landkreisvergleich and the
    rank line under the statement. Kreise without a value are left out, except the region.
    """
    indicator = CATALOGUE[slide.indicator]
    ranked = rank_among(result, year, indicator.direction, home().land_key, slide.category)
    n = int(ranked["n"].iloc[0]) if len(ranked) else 0
    peers = set(_peers(result, slide))
    has_rank = ranked["rank"].notna()
    keep = has_rank | (ranked["region_code"] == kreis)
    if n > 3 * _RANKING_ENDS:
        ends = has_rank & ((ranked["rank"] <= _RANKING_ENDS) | (ranked["rank"] > n - _RANKING_ENDS))
        keep = ends | (has_rank & ranked["region_code"].isin(peers)) | (ranked["region_code"] == kreis)
    shown = ranked[keep].copy()
    shown["region_name"] = [
        f"{int(r)}. {place_name(name)}" if pd.notna(r) else place_name(name)
        for r, name in zip(shown["rank"], shown["region_name"], strict=True)
    ]
    note = ""
    if has_rank.sum() > keep.sum():
        peers_shown = ", Vergleichskreise" if peers else ""
        note = f"gezeigt: Ränge 1–{_RANKING_ENDS} und {n - _RANKING_ENDS + 1}–{n}{peers_shown} und gewählter Kreis"
    return shown.drop(columns=["rank", "n"]).reset_index(drop=True), note


def _without_title(chart: alt.TopLevelMixin) -> dict:
    """The spec without the chart's own title and source: the slide prints both in its own text."""
    spec = chart.to_dict(validate=False)
    spec.pop("title", None)
    return spec


# ------------------------------------------------------------------------------------------- slides


def _comparison_text(slide: IndicatorSlide) -> str:
    names = []
    for c in slide.comparison:
        if c == "peers":
            names.append(peer_groups()[slide.peer_group].name)
        else:
            names.append(comparison_names()[c])
    return "Vergleich: " + ", ".join(names) if names else ""


def _notes(indicator: Indicator, imports: pd.DataFrame, value_notes: Sequence[str]) -> str:
    lines = [
        f"Definition: {indicator.definition}",
        f"Zähler: {indicator.numerator}",
        f"Nenner: {indicator.denominator or '–'}",
        f"Einheit: {indicator.unit} · Richtung: {indicator.direction.label}",
        f"Quelle: {indicator.source}",
    ]
    lines += [f"Tabelle {t.code}: {t.uses} ({_stand_text(stand_dates(imports, [t.code]))})" for t in indicator.tables]
    if indicator.breaks:
        lines.append("Datenbrüche: " + "; ".join(f"{b.year}: {b.label}" for b in indicator.breaks))
    if value_notes:
        lines.append("Hinweise zu einzelnen Werten: " + "; ".join(value_notes))
    return "\n".join(lines)


def _indicator_slide(slide: IndicatorSlide, number: int, total: int, data: DeckData, scale: float) -> SlideContent:
    indicator = CATALOGUE[slide.indicator]
    result = data.result(slide.indicator)
    categories = list(dict.fromkeys(result["category"]))
    if slide.category not in categories and categories and "" not in categories:
        # A distribution (Abschlussarten, Altersgruppen) without a chosen category shows its first one,
        # as the dashboard's Indikator page does; the category is named in the statement.
        slide = replace(slide, category=categories[0])
    # Land and Bund only where the indicator has them: the office's own school data have neither, and a
    # slide must not claim "Niedersachsen: keine Daten" for a value that cannot exist.
    comparison = tuple(c for c in slide.comparison if c not in ("land", "bund") or c in indicator.levels)
    slide = replace(slide, comparison=comparison)
    imports = data.imports()
    own = cuts.shown_region(indicator, slide.region_code, result, slide.category)
    if slide.chart == "ranking":
        own = kreis_of(own)  # a ranking compares Kreise: a Gemeinde's Landkreis is highlighted
    chart_scale = scale * _KIND_SCALE[slide.chart]
    sizes = {"scale": chart_scale, "text_scale": chart_scale * SLIDE_TEXT}
    details: list[str] = []
    chart = None

    if slide.chart == "map":
        level = slide.level
        year = slide.year or next(iter(cuts.years_with_values(result, level, slide.category)), None)
        figures = key_figures(result, own, year, slide.category, slide.comparison)
        if year is not None:
            areas = cuts.cross_section(result, load_boundaries(level), year, slide.category)
            highlight = own if is_gemeinde(own) == (slide.level == GEMEINDEN) else None
            chart = _without_title(choropleth(areas, indicator, highlight_code=highlight, **sizes))
            details.append(range_line(areas, indicator.unit, slide.level.capitalize()) or "")
    else:
        figures = key_figures(result, own, slide.year, slide.category, slide.comparison)
        year = figures.year
        if slide.chart == "timeseries":
            frame = _series(result, slide, own)
            if frame["value"].notna().any():
                breaks = [(b.year, b.label) for b in indicator.breaks]
                chart = _without_title(time_series(frame, indicator, breaks=breaks, **sizes))
            details.append(previous_line(result, figures.own, indicator.unit, slide.category) or "")
        elif year is not None:
            shown, note = ranking_rows(result, slide, own, year)
            references = {r.region_name: r.value for r in figures.references if r.value is not None}
            chart = _without_title(
                ranking_bars(
                    shown,
                    indicator,
                    highlight_code=own,
                    peer_codes=_peers(result, slide),
                    reference_values=references,
                    **sizes,
                )
            )
            details.append(rank_line(result, indicator, own, year, slide.category) or "")
            details.append(note)
    details.insert(0, counts_line(figures.own) or "")
    details.insert(0, cuts.stand_badge(figures.own.year, data.newest_year()) or "")

    dates = stand_dates(imports, indicator.table_codes)
    source = f"Quelle: {indicator.source}"
    if slide.chart == "map":
        source += f" · {ATTRIBUTION}"
    source += f" · {_stand_text(dates, newest_only=True)}"
    noted = result[(result["note"] != "") & result["region_code"].isin([own, *cuts.reference_codes().values()])]
    if year is not None:
        noted = noted[noted["year"] == year]
    value_notes = sorted({f"{r.region_name} {int(r.year)}: {r.note}" for r in noted.itertuples()})
    # A map draws no references or peers (the statement names Land and Bund), so it says what it maps.
    shows = f"Karte der {home().level_names[slide.level]}" if slide.chart == "map" else _comparison_text(slide)
    sub = [place(figures.own), str(year) if year else "", shows]
    if slide.category:
        sub.insert(1, slide.category)
    return SlideContent(
        number=number,
        total=total,
        kind="indicator",
        heading=slide.heading or indicator.title,
        subheading=" · ".join(s for s in sub if s),
        statement=key_statement(indicator, figures, slide.category),
        details=tuple(d for d in details if d),
        year=year,
        source_line=source,
        chart=chart,
        notes=_notes(indicator, imports, value_notes),
        indicator=slide.indicator,
    )


def _sources_slide(deck: Deck, slide: SourcesSlide, number: int, total: int, data: DeckData) -> SlideContent:
    imports = data.imports()
    indicators = [CATALOGUE[key] for key in deck.indicator_keys]
    body = tuple(
        f"{ind.title}: {ind.source}; {_stand_text(stand_dates(imports, ind.table_codes))}" for ind in indicators
    )
    licences = []
    if any(_is_official(ind) for ind in indicators):
        licences.append(LICENCE)
    if any(isinstance(s, IndicatorSlide) and s.chart == "map" for s in deck.slides):
        licences.append(ATTRIBUTION)
    if any(_uses_ba(ind, imports) for ind in indicators):
        licences.append(BA)
    licences.append(f"Zusammenstellung und Berechnung: {producer()}, Bildungsmonitor")
    notes = "Quellen und Lizenzen der gezeigten Indikatoren, erzeugt aus dem Indikatorenkatalog und den Importen."
    return SlideContent(number, total, "sources", slide.heading, body=body, licences=tuple(licences), notes=notes)


ZIELSTAND_COLUMNS = ("Bewertung", "Mittlerziel und Indikator", "Stand")
ZIELSTAND_METHOD = (
    "Bewertung nach den Wettersymbolen der Deutschen Nachhaltigkeitsstrategie: mittlere jährliche Veränderung "
    "der letzten (bis zu 6, mindestens 4) Jahreswerte, fortgeschrieben bis zum Zieljahr; ☀ Ziel in Reichweite, "
    "☀☁ leicht verfehlt (Abweichung 5–20 %), ☁ deutlich verfehlt, ⚡ falsche Richtung, – nicht bewertbar."
)


def _zielstand_slide(slide: ZielstandSlide, number: int, total: int, data: DeckData) -> SlideContent:
    """One row per goal of the Handlungsfeld: symbol with its word, what the goal is, where it stands."""
    goals = [g for g in data.goals() if not slide.handlungsfeld or g.handlungsfeld == slide.handlungsfeld]
    rows = []
    assessed = {s.goal.id: s for s in standings(goals, data.result)}
    for goal in (g for g in goals if not g.ist_arbeitspaket):
        example = f" ({EXAMPLE_LABEL})" if goal.beispiel else ""
        if goal.qualitativ:
            rows.append(("qualitativ", f"{goal.mittlerziel}{example}", "ohne Zielwert, keine Bewertung"))
            continue
        s = assessed[goal.id]
        a = s.assessment
        what = f"{goal.mittlerziel}: {CATALOGUE[goal.indikator].title}, {place_name(s.region_name)}{example}"
        now = f"{fmt_value(a.letzter_wert, s.unit)} ({a.letztes_jahr}); " if a.letzter_wert is not None else ""
        # a slide's cell names the break years only; the full labels are on the Ziele page and the chart
        verdict = a.label + (f" · Datenbruch {', '.join(map(str, a.bruch_jahre))}" if a.bruch_jahre else "")
        rows.append((verdict, what, now + distance(s)))
    examples = any(g.beispiel for g in goals)
    details = (f"Enthält Beispiele ({EXAMPLE_LABEL}), keine Beschlüsse des Beirats",) if examples else ()
    details += tuple(d for d in (work_packages(goals),) if d)
    body = () if rows else ("Noch keine Ziele erfasst: auf der Seite Ziele anlegen oder das Beispiel laden.",)
    return SlideContent(
        number,
        total,
        "zielstand",
        slide.heading,
        subheading=f"Handlungsfeld: {slide.handlungsfeld}" if slide.handlungsfeld else "Alle Handlungsfelder",
        details=details,
        body=body,
        table=tuple(rows),
        source_line="Ziele: Bildungsbüro (Zielsystem des Bildungsbeirats) · Werte: Quellen der Indikatoren",
        notes=ZIELSTAND_METHOD,
    )


def render_slide(deck: Deck, index: int, data: DeckData, scale: float = PRESENTATION_SCALE) -> SlideContent:
    """Slide `index` (0-based) of `deck`; the sources slide needs the deck to know what was shown."""
    slide = deck.slides[index]
    number, total = index + 1, len(deck.slides)
    if isinstance(slide, IndicatorSlide):
        return _indicator_slide(slide, number, total, data, scale)
    if isinstance(slide, SourcesSlide):
        return _sources_slide(deck, slide, number, total, data)
    if isinstance(slide, TitleSlide):
        return SlideContent(number, total, "title", slide.shown_title, subheading=slide.subtitle, body=(producer(),))
    if isinstance(slide, TextSlide):
        paragraphs = tuple(p.strip() for p in slide.text.split("\n\n") if p.strip())
        return SlideContent(number, total, "text", slide.heading, body=paragraphs)
    if isinstance(slide, ZielstandSlide):
        return _zielstand_slide(slide, number, total, data)
    raise TypeError(f"unknown slide {slide!r}")
