"""The screenshot review: every page (each view that draws a chart) and every slide at both projector sizes.

The pictures land in test-artifacts/screens/ for a person to look at; what a picture can show and a
test can measure is asserted here too, so a regression fails without anyone looking:
- a tile's label keeps its year (the year leads; a cut label ends in "…", never the year);
- no chart brings Vega's own menu with a second, title-less PNG download: exactly one PNG button per chart;
- a year axis names each year once and always ends on the newest year;
- a data-break label does not cover a point or a line of the series;
- on a slide, chart and legend stay above the source line.

The pages come from the router's declaration (declared_pages), so a page added to app.py is photographed too.

One visit serves every check of the same state, because a page load is the expensive part of a browser
test: at 1920×1080 each view is also checked by axe-core (tests/e2e/accessibility.py), each menu page
must show the router's sidebar and draw its kind of marks, and the Kreis map must fill all 45 Kreise;
the slides are reached by the keyboard (as presenting does), not by a new page load each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from indicators.catalogue import CATALOGUE
from regions.levels import GEMEINDEN
from tests.e2e.accessibility import violations
from tests.e2e.conftest import (
    ARTIFACTS,
    VIEWPORT,
    assert_no_exception,
    declared_pages,
    sign_in_locally,
    wait_for_app,
    wait_for_drawn,
    wait_for_settled,
)
from tests.e2e.test_presentation import CHARTS, LINK, RESOLUTIONS, TOTAL, check_layout, press, wait_for_slide

SCREENS = ARTIFACTS / "screens"
PAGES = {Path(p.file).stem: "/" if p.default else "/" + Path(p.file).stem for p in declared_pages() if not p.hidden}
# Views a page draws only when opened: the Karte tab of the Indikator page (Kreise and Gemeinden), the
# Beirat's other headline series, and the series with the most data breaks close together.
VIEWS = {
    **PAGES,
    "indikator-karte": "/indikator?indikator=ohne_abschluss_anteil&tab=Karte",
    "indikator-gemeinden": f"/indikator?indikator=sgb2_quote_u15&tab=Karte&ebene={GEMEINDEN}",
    "indikator-ausbildung": "/indikator?indikator=ausbildungsplaetze_je_100",
    "indikator-abschlussarten": "/indikator?indikator=abschlussarten_verteilung",
}
# The marks each menu page must draw (SVG paths with a non-empty `d`); pages not listed only have to load.
# Vega renders every mark as <g class="mark-<type> role-mark"> with one <path> per item.
DRAWN = {
    "ueberblick": "g.mark-line.role-mark path",  # the tiles' sparklines
    "indikator": "g.mark-line.role-mark path",  # the time series
    "landkreisvergleich": "g.mark-rect.role-mark path",  # the ranking bars
    "berufe": "g.mark-line.role-mark path",  # the series of a Berufsgruppe, MINT, women
}
# The Kreis map of Niedersachsen: 45 Kreise filled (or greyed with their status) plus Cloppenburg's outline.
MAP_SHAPES = {"indikator-karte": 45}
# axe-core and the sidebar are checked once per view, at the desk's size (the state does not change with it).
DESK = f"{VIEWPORT['width']}x{VIEWPORT['height']}"
BREAK_LABELS = sorted({b.label for indicator in CATALOGUE.values() for b in indicator.breaks})
SIZES = {f"{s['width']}x{s['height']}": s for s in RESOLUTIONS}

# Every drawn chart: the labels of each axis, the boxes of its data-break labels and of its points.
_CHARTS = """(breaks) => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(chart => {
    const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const axisLabels = [...chart.querySelectorAll('g.role-axis')]
        .map(axis => [...axis.querySelectorAll('g.role-axis-label text')].map(t => t.textContent));
    return {
        axisLabels,
        breakLabels: [...chart.querySelectorAll('g.mark-text.role-mark text')]
            .filter(t => breaks.includes(t.textContent)).map(box),
        points: [...chart.querySelectorAll('g.mark-symbol.role-mark path')].map(box),
    };
})"""


# Streamlit scrolls its main area, not the document: a full-page screenshot shows one window only.
_SCROLL = """(step) => {
    const main = document.querySelector('[data-testid="stMain"]');
    const before = main.scrollTop;
    main.scrollTop = before + main.clientHeight * step;
    return main.scrollTop > before;
}"""
MAX_PARTS = 8


def _photograph(page: Page, name: str) -> None:
    """The view window by window, top to bottom: <name>-1.png, <name>-2.png, …"""
    SCREENS.mkdir(parents=True, exist_ok=True)
    for old in SCREENS.glob(f"{name}-*.png"):
        old.unlink()
    for part in range(1, MAX_PARTS + 1):
        page.screenshot(path=SCREENS / f"{name}-{part}.png")
        if not page.evaluate(_SCROLL, 0.85):
            break
        wait_for_settled(page, quiet_ms=300)


def _overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _check_charts(page: Page, name: str) -> None:
    for chart in page.evaluate(_CHARTS, BREAK_LABELS):
        for labels in chart["axisLabels"]:
            years = [label for label in labels if label.isdigit() and len(label) == 4]
            assert len(years) == len(set(years)), f"{name}: Jahr doppelt auf der Achse {labels}"
            numbers = [label for label in labels if label.replace(".", "").replace(",", "").isdigit()]
            assert len(numbers) <= 12, f"{name}: Achse mit {len(numbers)} Zahlen ist zu eng beschriftet"
        for label in chart["breakLabels"]:
            covered = [p for p in chart["points"] if _overlaps(label, p)]
            assert covered == [], f"{name}: Beschriftung eines Datenbruchs liegt über Punkten"


# Visible controls that offer an image other than our PNG/SVG buttons (stDownloadButton), which carry
# title and source: Streamlit's chart toolbar and vega-embed's "…" menu ("Save as PNG") do not.
_OTHER_DOWNLOADS = """() => [...document.querySelectorAll('button, a, summary, [role="menuitem"]')]
    .filter(el => el.getClientRects().length > 0)
    .filter(el => /PNG|SVG|Save as/i.test(el.innerText + ' ' + (el.getAttribute('aria-label') || '')))
    .filter(el => !el.closest('[data-testid="stDownloadButton"]'))
    .map(el => el.outerHTML.slice(0, 160))"""


def _check_downloads(page: Page, name: str) -> None:
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    if charts.count():
        charts.first.hover()  # Streamlit shows its chart toolbar on hover
    assert page.evaluate(_OTHER_DOWNLOADS) == [], f"{name}: zweiter Bild-Download ohne Titel und Quelle"
    pngs = page.get_by_role("button", name="PNG", exact=True).count()
    assert pngs <= charts.count(), f"{name}: mehr PNG-Knöpfe als Diagramme"


# How far each chart reaches beyond the right edge of the page's content column, in pixels.
_OVERFLOW = """() => {
    const column = document.querySelector('[data-testid="stMainBlockContainer"]');
    const right = column.getBoundingClientRect().right - parseFloat(getComputedStyle(column).paddingRight);
    return [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')]
        .map(svg => Math.round(svg.getBoundingClientRect().right - right));
}"""


def _check_fits(page: Page, name: str) -> None:
    # At 1280 px the 860 px time series ran out of its column and lost its newest year at the window's edge.
    assert all(overflow <= 1 for overflow in page.evaluate(_OVERFLOW)), f"{name}: Diagramm ragt über die Spalte"


def _check_tiles(page: Page) -> None:
    # Each tile's label begins with its year ("2024: Abgänge ohne …"): the year can never be the cut part.
    labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
    for label in labels:
        assert label[:4].isdigit() and label[4:6] == ": ", f"Kachel ohne führendes Jahr: {label}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_each_view_is_photographed_and_its_charts_read_well(page, app_url, recorder, view, size):
    page.set_viewport_size(SIZES[size])
    page.goto(app_url + VIEWS[view])
    wait_for_app(page)
    assert_no_exception(page)
    if page.locator('[data-testid="stVegaLiteChart"]').count():
        wait_for_drawn(page, '[data-testid="stVegaLiteChart"] g.role-mark path')
    if view in DRAWN:
        wait_for_drawn(page, DRAWN[view])
    if view in MAP_SHAPES:
        assert wait_for_drawn(page, "g.mark-shape.role-mark path", minimum=MAP_SHAPES[view]) >= MAP_SHAPES[view]
    if size == DESK:
        # Drawn by app.py: a page run without the router (STYLE.md's trap) has no sidebar brand.
        expect(page.locator('[data-testid="stSidebar"]').get_by_text("Bildungsmonitor", exact=True)).to_be_visible()
        assert violations(page) == [], f"{view}: Verstöße gegen WCAG 2.1 AA"
    _check_fits(page, view)
    _photograph(page, f"seite-{view}-{size}")
    recorder.screenshot_taken = True
    _check_charts(page, view)
    _check_downloads(page, view)
    if view == "ueberblick":
        _check_tiles(page)


# The pages whose forms (upload, goals, deck builder) only an analyst sees.
FORMS = ("daten_quellen", "ziele", "praesentationen")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", FORMS)
def test_each_form_an_analyst_sees_is_photographed_in_german(page, app_url, recorder, local_users, view, size):
    page.set_viewport_size(SIZES[size])
    page.goto(app_url + PAGES[view])
    wait_for_app(page)
    sign_in_locally(page)
    assert_no_exception(page)
    if size == DESK:
        assert violations(page) == [], f"{view} (angemeldet): Verstöße gegen WCAG 2.1 AA"
    _photograph(page, f"angemeldet-{view}-{size}")
    recorder.screenshot_taken = True
    # Streamlit's uploader speaks English unless ui/german.js translates it ("Upload", "200MB per file").
    shown = page.locator('[data-testid="stMain"]').inner_text()
    for english in ("Upload", "per file", "Browse files", "Drag and drop", "None", "NaN"):
        assert english not in shown, f"{view}: „{english}“ steht auf der Seite"


def test_each_slide_of_the_default_deck_paged_by_keyboard_is_photographed_and_checked_at_both_sizes(
    page, app_url, recorder
):
    """Home, then forward with all three forward keys, through the deck at each size; then back and to the end.

    At each slide: nothing but the slide on screen, chart and legend above the source line, the chart
    axes read well, the picture, and at the desk's size no WCAG 2.1 AA violation.
    """
    page.goto(app_url + LINK.format(1))
    wait_for_slide(page, 1)
    forward = ("ArrowRight", "PageDown", "Space")
    SCREENS.mkdir(parents=True, exist_ok=True)
    found = {}
    for size in SIZES:
        page.set_viewport_size(SIZES[size])
        press(page, "Home", 1)
        for number in range(1, TOTAL + 1):
            check_layout(page, number)
            if number in CHARTS:
                legend = page.locator(".st-key-diagramm g.role-legend").last
                if legend.count():
                    source = page.locator(".bm-source").bounding_box()
                    box = legend.bounding_box()
                    assert box["y"] + box["height"] <= source["y"], f"Folie {number}: Legende über der Quellenzeile"
                _check_charts(page, f"Folie {number}")
            page.screenshot(path=SCREENS / f"folie-{number:02d}-{size}.png")
            if size == DESK:
                found[number] = violations(page)
            if number < TOTAL:
                press(page, forward[number % len(forward)], number + 1)
    recorder.screenshot_taken = True
    assert {number: lines for number, lines in found.items() if lines} == {}, "Verstöße gegen WCAG 2.1 AA"
    assert sorted(found) == list(range(1, TOTAL + 1))
    for key, number in (("ArrowLeft", 11), ("PageUp", 10), ("PageUp", 9), ("ArrowLeft", 8), ("Home", 1), ("End", 12)):
        press(page, key, number)
    press(page, "ArrowRight", TOTAL)  # the last slide stays the last
