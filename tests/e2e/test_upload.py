"""Importing from the dashboard, as the analyst does it: sign in, choose files, press Importieren, read the result.

Runs on its own server with a private copy of the store and a private data/imports folder, so the
session's shared store stays untouched. The uploaded CSV is SYNTHETIC TEST DATA (invented counts).
"""

from __future__ import annotations

import shutil

from playwright.sync_api import expect

from access.audit import entries
from access.settings import load as access_settings
from tests.e2e.conftest import (
    VIEWPORT,
    assert_no_exception,
    screenshot_path,
    sign_in_locally,
    streamlit_server,
    wait_for_app,
)

OWN_DATA = (
    "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"
    "2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten\n"
    "2023/24;03453004;Testschule 1;abgaenge_ohne_abschluss;6;synthetische Testdaten\n"
)


def test_uploading_own_data_and_a_broken_file_imports_one_and_refuses_the_other(
    browser, store_db, tmp_path, monkeypatch, recorder, local_users
):
    own, broken = tmp_path / "schulen_2024.csv", tmp_path / "kaputt.csv"
    own.write_text(OWN_DATA, encoding="utf-8")
    broken.write_text("<html><body>Sitzung abgelaufen</body></html>", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, db)
    monkeypatch.setenv("BILDUNGSMONITOR_IMPORTS", str(tmp_path / "imports"))
    with streamlit_server(db, tmp_path / "decks") as url:
        context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
        page = context.new_page()
        page.on("request", recorder.request)
        page.on("console", recorder.console)
        try:
            page.goto(f"{url}/daten_quellen")
            wait_for_app(page)
            sign_in_locally(page)
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(own), str(broken)])
            page.get_by_role("button", name="Importieren").click()
            page.get_by_text("schulen_2024.csv: 2 Werte, Tabelle EIGENE Schuldaten").wait_for(timeout=60_000)
            wait_for_app(page)
            assert_no_exception(page)
            expect(page.get_by_text("kaputt.csv: FEHLER – die Datei ist eine HTML-Seite")).to_be_visible()
            expect(page.get_by_text("eigene Erhebungen des Bildungsbüros aus schulen_2024.csv")).to_be_visible()
            page.screenshot(path=screenshot_path("test_upload_in_daten_und_quellen"), full_page=True)
        finally:
            context.close()
    assert (tmp_path / "imports" / "schulen_2024.csv").read_text(encoding="utf-8") == OWN_DATA
    newest = entries(access_settings().audit_log, 2)  # both files, landed or not, under the analyst's name
    assert [(e["who"], e["action"], e["what"]["datei"], e["what"]["angenommen"]) for e in newest] == [
        ("analystin", "Import", "kaputt.csv", False),
        ("analystin", "Import", "schulen_2024.csv", True),
    ]
    assert recorder.foreign_requests() == []
