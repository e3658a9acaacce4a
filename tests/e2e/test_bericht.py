"""The Bericht page in a real browser: generate the Gemeindesteckbriefe, click a download, open the file.

Streamlit serves a download only through its media endpoint after a click, which AppTest never
exercises; here the browser clicks the button and the file it saves is read back.
"""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.e2e.conftest import WAIT_MS, assert_no_exception, wait_for_app


def test_the_steckbrief_xlsx_downloads_with_a_row_per_figure_of_every_gemeinde(page, app_url, screenshot):
    page.goto(f"{app_url}/bericht")
    wait_for_app(page)
    page.get_by_role("button", name="Steckbriefe erzeugen").click()
    button = page.get_by_role("button", name="Herunterladen: XLSX mit allen Zahlen")
    button.wait_for(timeout=3 * WAIT_MS)  # 13 maps rendered on a shared 2-core machine
    assert_no_exception(page)
    screenshot()
    with page.expect_download(timeout=WAIT_MS) as download:
        button.click()
    assert download.value.suggested_filename == "gemeindesteckbriefe.xlsx"
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    rows = list(book["Steckbriefe"].iter_rows(min_row=2, values_only=True))
    assert len({row[0] for row in rows}) == 13  # one AGS for each Gemeinde of Landkreis Cloppenburg
    # Stadt Cloppenburg, unter 3 Jahre, 31.12.2015: 1,125 (12411-02-03-5, line of 03453004).
    krippe = next(r for r in rows if r[0] == "03453004" and str(r[3]).startswith("unter 3"))
    assert (krippe[5], krippe[6]) == (2015, 1125)
