"""Gemeindesteckbriefe: one page per Gemeinde of the home Kreis, for the office as Servicestelle.

A Gemeinde applying for funding needs its socio-demographic figures in one place: its population by
age, the indicators published per Gemeinde, each with its year, and the Kreis and its Land in
that same year for comparison (a Gemeinde figure of 2015 next to a Kreis figure of 2024 would mislead),
a small map and the sources. Indicators that exist only per Kreis are not spread over the Gemeinden.
The same figures go to one PDF (a page each), a ZIP with a PDF per Gemeinde, and an XLSX with the
numbers in full precision for the application's own tables.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass

import pandas as pd

from bericht.model import slug
from bericht.pdf import compile_pdf
from charts.export import to_png
from charts.format import fmt_value
from charts.maps import ATTRIBUTION, load_boundaries, locator
from charts.spreadsheet import formula_safe
from deck.model import Deck, IndicatorSlide, SourcesSlide
from deck.render import DeckData, producer, render_slide, stand_dates
from indicators import cuts
from indicators.catalogue import CATALOGUE
from regions.home import home
from regions.levels import GEMEINDEN, kreis_of

POPULATION = "bevoelkerung_bildungsalter"
# Indicators with Gemeinde values in the store, as the Gemeindeprofil shows them; own school data
# (EIGENE …) are per school and stay out of a public profile.
INDICATORS = tuple(
    key
    for key, ind in CATALOGUE.items()
    if "gemeinde" in ind.levels and "kreis" in ind.levels and not ind.own_data and key != POPULATION
)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Zeile:
    """One figure: the Gemeinde in its newest year with a value, Kreis and Land in that same year."""

    bereich: str  # "Bevölkerung" or "Indikatoren"
    merkmal: str
    einheit: str
    jahr: int | None
    gemeinde: float | None
    kreis: float | None
    land: float | None
    texts: tuple[str, ...]  # formatted, in the order of columns()
    quelle: str


@dataclass(frozen=True)
class Steckbrief:
    code: str
    name: str
    title: str
    population: tuple[Zeile, ...]
    indicators: tuple[Zeile, ...]
    map_png: bytes
    map_alt: str
    sources: tuple[str, ...]
    licences: tuple[str, ...]


def columns() -> tuple[str, ...]:
    return ("Merkmal", "Jahr", "Gemeinde", home().kind, home().land_name)


def gemeinden() -> list[tuple[str, str]]:
    """(AGS, name) of every Gemeinde of the home Kreis (regions.home), by name."""
    return sorted(((area.key, area.name) for area in home().gemeinden), key=lambda item: item[1])


def _line(data: DeckData, key: str, code: str, category: str, bereich: str) -> Zeile:
    indicator = CATALOGUE[key]
    result = data.result(key)
    own = cuts.figure(result, code, None, category)
    kreis = cuts.figure(result, kreis_of(code), own.year, category) if own.year else None
    land = cuts.figure(result, home().land_key, own.year, category) if own.year else None
    unit = indicator.unit

    def text(f: cuts.Figure | None) -> str:
        return "–" if f is None else fmt_value(f.value, unit, f.status)

    merkmal = category if category else indicator.title
    year = str(own.year) if own.year else "–"
    dates = stand_dates(data.imports(), indicator.table_codes)
    source = f"{indicator.source}" + (f", Stand {dates[-1]}" if dates else "")
    return Zeile(
        bereich,
        merkmal,
        unit,
        own.year,
        own.value,
        kreis.value if kreis else None,
        land.value if land else None,
        (f"{merkmal} ({unit})" if unit != "Anzahl" else merkmal, year, text(own), text(kreis), text(land)),
        source,
    )


def steckbrief(data: DeckData, code: str, name: str) -> Steckbrief:
    categories = list(dict.fromkeys(data.result(POPULATION)["category"]))
    population = tuple(_line(data, POPULATION, code, c, "Bevölkerung") for c in categories)
    lines = tuple(_line(data, key, code, "", "Indikatoren") for key in INDICATORS)
    spec = locator(load_boundaries(GEMEINDEN), code, scale=0.9).to_dict(validate=False)
    spec.pop("title", None)
    keys = (POPULATION, *INDICATORS)
    sources = render_slide(Deck("Quellen", (*(IndicatorSlide(k) for k in keys), SourcesSlide())), len(keys), data)
    return Steckbrief(
        code=code,
        name=name,
        title=f"Gemeindesteckbrief {name}",
        population=population,
        indicators=lines,
        map_png=to_png(spec, scale=2),
        map_alt=f"Karte: Lage der Gemeinde {name} {home().in_title}",
        sources=sources.body,
        licences=(*sources.licences, ATTRIBUTION),
    )


def build_all(data: DeckData, progress: Progress | None = None) -> list[Steckbrief]:
    everything = gemeinden()
    out = []
    for number, (code, name) in enumerate(everything, start=1):
        out.append(steckbrief(data, code, name))
        if progress:
            progress(number, len(everything), name)
    return out


def _json(brief: Steckbrief, image: str) -> dict:
    data = asdict(brief)
    data.pop("map_png")
    data["image"] = image
    data["header"] = list(columns())
    data["map_caption"] = f"Lage {home().in_title}"
    data["indicators_caption"] = f"Jeder Wert mit seinem Jahr; {home().kind} und {home().land_name} im selben Jahr"
    data["population"] = [list(z.texts) for z in brief.population]
    data["indicators"] = [list(z.texts) for z in brief.indicators]
    return data


def to_pdf(briefs: list[Steckbrief], title: str = "Gemeindesteckbriefe") -> bytes:
    """One PDF with a page per Gemeinde (tagged, PDF/UA-1, like the report)."""
    images = {f"karte_{b.code}.png": b.map_png for b in briefs}
    data = {"title": title, "producer": producer(), "briefs": [_json(b, f"karte_{b.code}.png") for b in briefs]}
    return compile_pdf("steckbrief.typ", data, images)


def to_zip(briefs: list[Steckbrief]) -> bytes:
    """A ZIP with one PDF per Gemeinde, named after it ("steckbrief_03453004_cloppenburg.pdf")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for brief in briefs:
            archive.writestr(f"steckbrief_{brief.code}_{slug(brief.name)}.pdf", to_pdf([brief], brief.title))
    return buffer.getvalue()


def table(briefs: list[Steckbrief]) -> pd.DataFrame:
    """Every figure of every Steckbrief as numbers in full precision, one row each (the XLSX)."""
    names = ["AGS", "Gemeinde", "Bereich", "Merkmal", "Einheit", "Jahr", "Wert Gemeinde"]
    names += [f"{home().kind} (gleiches Jahr)", f"{home().land_name} (gleiches Jahr)", "Quelle"]
    rows = [
        (b.code, b.name, z.bereich, z.merkmal, z.einheit, z.jahr, z.gemeinde, z.kreis, z.land, z.quelle)
        for b in briefs
        for z in (*b.population, *b.indicators)
    ]
    frame = pd.DataFrame(rows, columns=names)
    return frame.astype({"Jahr": "Int64"})


def to_xlsx(briefs: list[Steckbrief]) -> bytes:
    """The figures and, on a second sheet, the sources and licences the application must cite."""
    buffer = io.BytesIO()
    licences = briefs[0].licences if briefs else ()
    sources = pd.DataFrame({"Quellen und Lizenzen": [*(briefs[0].sources if briefs else ()), *licences]})
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        formula_safe(table(briefs)).to_excel(writer, sheet_name="Steckbriefe", index=False)
        formula_safe(sources).to_excel(writer, sheet_name="Quellen", index=False)
    return buffer.getvalue()
