"""Own school data in a real browser: import the SYNTHETISCH file as the analyst does, then read the Indikator page.

Runs on its own server with a private copy of the store; the file is tests/eigene_daten.py (invented
schools and counts). The page is opened once before the import, so the server's caches hold "noch
keine Daten": after the import the same server must show the new values without a restart.
"""

from __future__ import annotations

import shutil
from urllib.parse import quote

from playwright.sync_api import expect

from tests.e2e.conftest import (
    assert_no_exception,
    sign_in_locally,
    streamlit_server,
    wait_for_app,
    wait_for_drawn,
)
from tests.eigene_daten import KLEINORT, NORD, VALUES, synthetic_file

OWN = "/indikator?indikator=ohne_abschluss_schule"


def test_imported_own_data_draw_a_school_line_and_a_gemeinde_map_and_say_what_the_kreis_map_lacks(
    page, screenshot, store_db, tmp_path, monkeypatch, local_users
):
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, db)
    monkeypatch.setenv("BILDUNGSMONITOR_IMPORTS", str(tmp_path / "imports"))
    own_file = synthetic_file(tmp_path)
    with streamlit_server(db, tmp_path / "decks") as url:
        page.goto(url + OWN)
        wait_for_app(page)
        page.get_by_text("Für diesen Indikator sind noch keine Daten im Datenbestand").wait_for()

        page.goto(f"{url}/daten_quellen")
        wait_for_app(page)
        sign_in_locally(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(own_file)])
        page.get_by_role("button", name="Importieren").click()
        page.get_by_text(f"{own_file.name}: {VALUES} Werte, Tabelle EIGENE Schuldaten").wait_for()

        # The school chosen with the Landkreis in the sidebar: its line, named after the school.
        page.goto(f"{url}{OWN}&kategorie={quote(NORD)}")
        wait_for_app(page)
        assert_no_exception(page)
        wait_for_drawn(page, "g.mark-line.role-mark path")
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        assert chart.locator("svg text", has_text=NORD).count() >= 1  # the legend says the school
        assert chart.locator("svg text", has_text="0,000000").count() == 0
        expect(page.get_by_text(f"Neuester Wert {NORD} 2024: 12,5")).to_be_visible()
        screenshot("schule")

        # Own data have no Kreis values: the Kreis map says so instead of drawing a legend "NaN".
        page.goto(f"{url}{OWN}&tab=Karte&ebene=kreise")
        wait_for_app(page)
        page.get_by_text("Für „Gemeinde insgesamt“ gibt es keine Werte je Kreis.").wait_for()
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
        screenshot("karte_kreise")

        # The Gemeinde map: Cloppenburg's total 2024, 14 of 104 = 13,5 %, the only value, legend rounded.
        page.goto(f"{url}{OWN}&tab=Karte&ebene=gemeinden")
        wait_for_app(page)
        wait_for_drawn(page, "g.mark-shape.role-mark path", minimum=13)
        legend = page.locator('[data-testid="stVegaLiteChart"] svg g.role-legend').first
        assert legend.locator("text", has_text="13,5").count() == 1
        assert page.locator("svg text", has_text="NaN").count() == 0
        screenshot("karte_gemeinden")

        # A school whose every value is suppressed: said in words, no empty chart.
        page.goto(f"{url}{OWN}&kategorie={quote(KLEINORT)}")
        wait_for_app(page)
        page.get_by_text(f"Für „{KLEINORT}“ sind alle Werte aus Datenschutzgründen unterdrückt").wait_for()
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
        screenshot("unterdrueckt")
        page.goto("about:blank")  # leave before the server stops, or the tab logs its reconnect attempts
